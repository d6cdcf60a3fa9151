package data

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout of the data this Accord writes. A file with a higher number is refused.
const SchemaVersion = 2

// migration upgrades a file from schema to-1 to schema to, inside the one transaction of the upgrade.
type migration struct {
	to  int
	run func(tx *bolt.Tx) error
}

var migrations = []migration{
	{to: 2, run: splitPartnerFocus},
}

// prepare makes the buckets of a new file, or upgrades an older one after backing it up. version is what
// the read-only pass found: 0 for a new file.
func (s *Store) prepare(version int) error {
	if version == SchemaVersion {
		return nil
	}
	if version > 0 {
		name := fmt.Sprintf("before-upgrade-from-v%d-%s.db", version, s.Now().UTC().Format("20060102-150405"))
		if err := s.BackupTo(filepath.Join(s.Dir(), BackupFolder, name)); err != nil {
			return &OpenError{ProblemUnreadable, s.path, fmt.Errorf("back up before upgrade: %w", err)}
		}
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return upgrade(tx, version) })
	if err != nil {
		return &OpenError{ProblemDamaged, s.path, fmt.Errorf("upgrade from schema %d: %w", version, err)}
	}
	return nil
}

// upgrade brings a file at schema version `from` (0 for a new file) to SchemaVersion.
func upgrade(tx *bolt.Tx, from int) error {
	for _, name := range append([]Kind{bucketMeta, bucketAttachments}, RecordKinds...) {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	if from > 0 {
		for _, m := range migrations {
			if m.to > from {
				if err := m.run(tx); err != nil {
					return fmt.Errorf("to schema %d: %w", m.to, err)
				}
			}
		}
	}
	return putUint(tx.Bucket([]byte(bucketMeta)), keySchema, SchemaVersion)
}

// splitPartnerFocus: schema 1 kept a partner's focus as one line of text ("youth, housing; food");
// schema 2 keeps focus areas as separate tags, so lists can filter by them.
func splitPartnerFocus(tx *bolt.Tx) error {
	b := tx.Bucket([]byte(KindPartner))
	updated := map[string][]byte{}
	err := b.ForEach(func(k, v []byte) error {
		var rec map[string]any
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("partner %s: %w", k, err)
		}
		focus, ok := rec["focus"].(string)
		if !ok {
			return nil
		}
		delete(rec, "focus")
		var tags []string
		for _, t := range strings.FieldsFunc(focus, func(r rune) bool { return r == ',' || r == ';' }) {
			if t = strings.TrimSpace(t); t != "" {
				tags = append(tags, t)
			}
		}
		rec["focus_areas"] = tags
		out, err := json.Marshal(rec)
		updated[string(k)] = out
		return err
	})
	if err != nil {
		return err
	}
	for k, v := range updated {
		if err := b.Put([]byte(k), v); err != nil {
			return err
		}
	}
	return nil
}
