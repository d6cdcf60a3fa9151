package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"accord/data"
	"accord/store/sealed"
)

// seal is a record's JSON as it is stored: see package sealed.
func seal(record []byte) []byte { return sealed.Seal(record) }

// unseal is the JSON of a stored record, or a *DamagedRecord when the bytes no longer match their
// checksum. The JSON shares the stored bytes: valid only inside the transaction that read them.
func unseal(k data.Kind, id, stored []byte) ([]byte, error) {
	record, ok := sealed.Unseal(stored)
	if !ok {
		return nil, &DamagedRecord{Kind: k, ID: string(id)}
	}
	return record, nil
}

// DamagedRecord is a stored record whose bytes no longer match their checksum: the disk changed them.
// Accord sets it aside (it is in no list) until it is taken back from a backup, comes again from another
// laptop, or is saved anew.
type DamagedRecord struct {
	Kind data.Kind
	ID   string
}

func (d *DamagedRecord) Error() string {
	return fmt.Sprintf("%s %s is damaged: its stored bytes do not match their checksum", d.Kind, d.ID)
}

// Explain says it for a user, naming the record.
func (d *DamagedRecord) Explain(t data.Translate) string { return d.plain().Explain(t) }

// history is true for a tombstone or a list of versions kept from a conflict, named by the record's key.
func (d *DamagedRecord) history() bool { return slices.Contains(historyBuckets, d.Kind) }

func (d *DamagedRecord) plain() *data.PlainError {
	if d.history() {
		message := damagedLosers
		if d.Kind == bucketTombstones {
			message = damagedTombstone
		}
		return &data.PlainError{Message: message, Args: []any{d.ID}, Advice: takeBack, Err: d}
	}
	return &data.PlainError{
		Message: "A record (%s %s) is damaged on disk: what is stored no longer matches its checksum, so Accord has set it aside.",
		Args:    []any{d.Kind, d.ID},
		Advice:  takeBack,
		Err:     d,
	}
}

// i18n:keys: shown translated, so each string here is a translation key.
const (
	damagedLosers    = "The versions of a record (%s) that lost a conflict are damaged on disk, so Accord has set them aside."
	damagedTombstone = "Accord's note that a record (%s) was deleted for good is damaged on disk, so Accord has set it aside."
)

const takeBack = "Take it back from a backup: press “Take them back” when the window offers it, or run “accord check --repair”."

// Key names the record as sync and the Trash do: kind/ID.
func (d *DamagedRecord) Key() string { return string(d.Kind) + "/" + d.ID }

// sealRecords is the migration to schema 6: every record stored sealed.
func sealRecords(tx *bolt.Tx) error { return sealAll(tx, data.RecordKinds) }

// sealHistory is the migration to schema 8: the tombstones and the versions kept from conflicts stored
// sealed too, so that every value in the file is checked.
func sealHistory(tx *bolt.Tx) error { return sealAll(tx, historyBuckets) }

// historyBuckets hold what sync keeps beside the records: tombstones and the versions that lost conflicts.
var historyBuckets = []data.Kind{bucketTombstones, bucketConflicts}

func sealAll(tx *bolt.Tx, buckets []data.Kind) error {
	for _, k := range buckets {
		b := tx.Bucket([]byte(k))
		sealed := map[string][]byte{}
		err := b.ForEach(func(id, v []byte) error {
			sealed[string(id)] = seal(v)
			return nil
		})
		if err != nil {
			return err
		}
		for id, v := range sealed {
			if err := b.Put([]byte(id), v); err != nil {
				return fmt.Errorf("seal %s %s: %w", k, id, err)
			}
		}
	}
	return nil
}

// setAside notes a record found damaged while the file was read. The caller holds s.mu for writing.
func (s *Store) setAside(d *DamagedRecord) {
	if s.damaged == nil {
		s.damaged = map[string]*DamagedRecord{}
	}
	s.damaged[d.Key()] = d
}

// setAsideAll is setAside for records found damaged outside the lock.
func (s *Store) setAsideAll(found []*DamagedRecord) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range found {
		s.setAside(d)
	}
}

// mended forgets a damaged record once a sound version of it is stored. The caller holds s.mu for writing.
func (s *Store) mended(k data.Kind, id string) { delete(s.damaged, string(k)+"/"+id) }

// Damaged lists the records set aside because their bytes no longer match their checksum, by kind and ID.
// A record is set aside as it is read, so an open store loads its index first if Open left it for later
// (a file as its note says); a failure to load it is reported where the records themselves are needed.
// A backup being examined has no database open: examine read its records, or left them to the upgrade of
// a copy.
func (s *Store) Damaged() []*DamagedRecord {
	if s.db.Load() != nil {
		_ = s.indexed()
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*DamagedRecord, 0, len(s.damaged))
	for _, d := range s.damaged {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b *DamagedRecord) int { return strings.Compare(a.Key(), b.Key()) })
	return out
}

// recheck reads every stored value again — records, tombstones, versions kept from conflicts — and checks
// it against its checksum, noting what is damaged now (the disk may have changed since the file was
// opened). Damaged sync history is noted afresh each time: sync may have written it anew since.
func (s *Store) recheck() error {
	var found []*DamagedRecord
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		for _, k := range append(slices.Clone(data.RecordKinds), historyBuckets...) {
			err := tx.Bucket([]byte(k)).ForEach(func(id, v []byte) error {
				var d *DamagedRecord
				if _, err := unseal(k, id, v); errors.As(err, &d) {
					found = append(found, d)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	s.mu.Lock()
	for key, d := range s.damaged {
		if d.history() {
			delete(s.damaged, key)
		}
	}
	s.mu.Unlock()
	s.setAsideAll(found)
	return err
}
