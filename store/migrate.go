package store

import (
	"encoding/json"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// SchemaVersion is the layout of the data this Accord writes. A file with a higher number is refused.
const SchemaVersion = 9

// migration upgrades a file from schema to-1 to schema to, inside the one transaction of the upgrade.
type migration struct {
	to  int
	run func(tx *bolt.Tx) error
}

// Schema 3 adds the tombstones and conflicts buckets of sync, which upgrade makes for every file, and the
// hlc and prev fields of every record, which a record saved before simply lacks (see Meta.Stamp): it needs
// no migration of its own, only the new number, so that an older Accord, which would save without clock
// stamps and refuse the new buckets as damage, refuses the file as newer instead. Schema 7 adds the
// relation_types and relations buckets, made the same way and for the same reason; schema 8 the fields
// bucket of the group's own fields (a partner's values of them are a new optional field of the partner),
// and seals the tombstones and the versions kept from conflicts as records are sealed (sealHistory); schema
// 9 the pick_entries bucket of the group's own entries of pick-lists.
var migrations = []migration{
	{to: 2, run: splitPartnerFocus},
	{to: 4, run: separatePrints},
	{to: 6, run: sealRecords},
	{to: 8, run: sealHistory},
}

// prepare makes the buckets of a new file, or upgrades an older one after backing it up, and indexes the
// records. version is what the read-only pass found: 0 for a new file. An upgrade is indexed inside its own
// transaction, so one whose records do not all decode afterwards (a damaged old file) writes nothing.
func (s *Store) prepare(version int) error {
	if version == SchemaVersion {
		if err := s.db.Load().View(s.load); err != nil {
			return openFailure(data.CodeDamaged, s.path, err)
		}
		return nil
	}
	if version > 0 {
		if _, err := s.Backup(BackupReason(fmt.Sprintf("%s-from-v%d", ReasonUpgrade, version))); err != nil {
			return openFailure(data.CodeUnreadable, s.path, fmt.Errorf("back up before upgrade: %w", err))
		}
	}
	err := s.update(func(tx *bolt.Tx) error {
		if err := upgrade(tx, version); err != nil {
			return fmt.Errorf("upgrade from schema %d: %w", version, err)
		}
		return s.load(tx)
	})
	if err != nil {
		return openFailure(data.CodeDamaged, s.path, err)
	}
	return nil
}

// buckets are the buckets of a file at SchemaVersion.
var buckets = append([]data.Kind{bucketMeta, bucketAttachments, bucketTombstones, bucketConflicts}, data.RecordKinds...)

// checkBuckets returns an error when a file holds a bucket no Accord of its schema (up to this one) makes,
// or, at SchemaVersion, lacks one: the mark of a damaged bucket name, whose records would otherwise look
// lost, or be upgraded away.
func checkBuckets(tx *bolt.Tx, version int) error {
	known := map[string]bool{}
	for _, name := range buckets {
		known[string(name)] = true
		if version == SchemaVersion && tx.Bucket([]byte(name)) == nil {
			return fmt.Errorf("no %s bucket", name)
		}
	}
	return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if !known[string(name)] {
			return fmt.Errorf("a bucket called %q", name)
		}
		return nil
	})
}

// upgrade brings a file at schema version `from` (0 for a new file) to SchemaVersion.
func upgrade(tx *bolt.Tx, from int) error {
	for _, name := range buckets {
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
	b := tx.Bucket([]byte(data.KindPartner))
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
