package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// sealedSince is the first schema whose records are stored sealed (see seal).
const sealedSince = 6

// Repaired says where one damaged record came back from.
type Repaired struct {
	Record *DamagedRecord
	// Opened: the damage came after the file was opened, and the record was written again as Accord read
	// it then.
	Opened bool
	// Backup is the backup it was taken back from; empty when none holds it intact and it stays set aside.
	Backup BackupFile
}

// Found is false when nothing held the record intact and it stays set aside (sync history never does: see
// repairHistory).
func (r Repaired) Found() bool { return r.Opened || r.Backup.Path != "" || r.Record.history() }

// Describe says in one line, translated with t, what became of the record.
func (r Repaired) Describe(t func(string, ...any) string) string {
	switch {
	case r.Record.history() && r.Backup.Path != "":
		return t("%s: what sync keeps about it was taken back from the backup of %s (%s).",
			r.Record.ID, r.Backup.Made.Local().Format("2006-01-02 15:04"), filepath.Base(r.Backup.Path))
	case r.Record.Kind == bucketTombstones:
		return t("%s: no backup holds sync's note that it was deleted, so the note is gone. It stays deleted here; if another laptop still has it, the next sync brings it back, and you can delete it again.", r.Record.ID)
	case r.Record.Kind == bucketConflicts:
		return t("%s: no backup holds the versions of it that lost a conflict, so they are gone. The record itself is as it was.", r.Record.ID)
	case r.Opened:
		return t("%s: written again as Accord read it when the file was opened.", r.Record.Key())
	case r.Found():
		return t("%s: taken back from the backup of %s (%s). Check it: a change made after that backup has to be made again.",
			r.Record.Key(), r.Backup.Made.Local().Format("2006-01-02 15:04"), filepath.Base(r.Backup.Path))
	}
	return t("%s: no backup holds it intact, so it stays set aside. Type it again if you need it; the rest of your data is not affected.", r.Record.Key())
}

// Repair reads every record again against its checksum and takes each damaged one back: as it was read
// when the file was opened, if the damage came later; otherwise from the newest backup that holds it
// intact. A record taken from a backup is saved as a change made now, descending from the backup's version,
// so the other laptops get it, and a newer version of it kept elsewhere shows as a conflict to resolve
// rather than being lost.
func (s *Store) Repair() ([]Repaired, error) {
	if err := s.recheck(); err != nil {
		return nil, fmt.Errorf("read every record again: %w", err)
	}
	damaged := s.Damaged()
	if len(damaged) == 0 {
		return nil, nil
	}
	backups, err := ListBackups(s.Dir())
	if err != nil {
		return nil, err
	}
	out := make([]Repaired, 0, len(damaged))
	for _, d := range damaged {
		r, err := s.repair(d, backups)
		if err != nil {
			return out, fmt.Errorf("take back %s: %w", d.Key(), err)
		}
		out = append(out, r)
	}
	return out, nil
}

func (s *Store) repair(d *DamagedRecord, backups []BackupFile) (Repaired, error) {
	if d.history() {
		return s.repairHistory(d, backups)
	}
	s.mu.RLock()
	read, opened := s.records[d.Kind][d.ID]
	s.mu.RUnlock()
	if opened {
		return Repaired{Record: d, Opened: true}, s.rewrite(read)
	}
	for _, b := range backups {
		r, err := recordInBackup(b.Path, d.Kind, d.ID)
		if err != nil {
			continue // not in this backup, or not intact in it: try an older one
		}
		m := r.Common()
		m.Prev, m.Rev = ancestry(m.Stamp(), m.Prev), 0
		return Repaired{Record: d, Backup: b}, s.write(nil, r)
	}
	return Repaired{Record: d}, nil
}

// rewrite stores a record again exactly as the index holds it: same revision, same stamp.
func (s *Store) rewrite(r data.Record) error {
	encoded, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", r.Kind(), r.Common().ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err = s.update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(r.Kind())).Put([]byte(r.Common().ID), seal(encoded))
	})
	if err == nil {
		s.mended(r.Kind(), r.Common().ID)
	}
	return err
}

var errNotInBackup = errors.New("not in this backup")

// recordInBackup reads one record from a backup without changing it: checked against its checksum when the
// backup's Accord sealed records, decoded as a record of its kind in any case.
func recordInBackup(path string, k data.Kind, id string) (data.Record, error) {
	raw, err := valueInBackup(path, k, id, sealedSince)
	r := data.NewRecord(k)
	if err == nil {
		err = json.Unmarshal(raw, r)
	}
	if err != nil {
		return nil, fmt.Errorf("%s in backup %s: %w", id, path, err)
	}
	return r, nil
}

// valueInBackup reads one value from a bucket of a backup without changing it, checked against its
// checksum when the backup's schema is sealed (from sealedFrom on), and as JSON in any case.
func valueInBackup(path string, bucket data.Kind, key string, sealedFrom int) ([]byte, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var out []byte
	err = safely(func() error {
		return db.View(func(tx *bolt.Tx) error {
			schema, err := schemaOf(tx)
			if err != nil {
				return err
			}
			b := tx.Bucket([]byte(bucket))
			if b == nil || b.Get([]byte(key)) == nil {
				return errNotInBackup
			}
			raw := b.Get([]byte(key))
			if schema >= sealedFrom {
				if raw, err = unseal(bucket, []byte(key), raw); err != nil {
					return err
				}
			}
			if !json.Valid(raw) {
				return fmt.Errorf("%s %s is not JSON", bucket, key)
			}
			out = bytes.Clone(raw)
			return nil
		})
	})
	return out, err
}

// sealedHistorySince is the first schema whose tombstones and conflicts are stored sealed.
const sealedHistorySince = 8

// repairHistory takes a damaged tombstone or list of losing versions back from the newest backup that holds
// it intact, as it was there. When none does it is dropped, so the file is sound again: the record itself
// is as it was (deleted, or holding the version that won), and what is lost is sync's note of the deletion,
// which a laptop that still has the record could undo, or the losing versions, which nobody chose to keep.
func (s *Store) repairHistory(d *DamagedRecord, backups []BackupFile) (Repaired, error) {
	var found []byte
	var from BackupFile
	for _, b := range backups {
		if raw, err := valueInBackup(b.Path, d.Kind, d.ID, sealedHistorySince); err == nil {
			found, from = raw, b
			break
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(d.Kind))
		if found == nil {
			return b.Delete([]byte(d.ID))
		}
		return b.Put([]byte(d.ID), seal(found))
	})
	if err == nil {
		s.mended(d.Kind, d.ID)
	}
	return Repaired{Record: d, Backup: from}, err
}
