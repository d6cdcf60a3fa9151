package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// TrashDays is how long a deleted record stays in the Trash before it is removed for good.
const TrashDays = 30

// PurgeDue is when a record in the Trash is removed for good. A record whose deletion time is unknown (an
// import of a hand-made file) counts from its last change.
func PurgeDue(r data.Record) time.Time {
	m := r.Common()
	when := m.DeletedAt
	if when.IsZero() {
		when = m.UpdatedAt
	}
	return when.AddDate(0, 0, TrashDays)
}

// PurgeTrash removes for good the records that have been in the Trash longer than TrashDays, and returns
// how many it removed.
func (s *Store) PurgeTrash() (int, error) {
	now := s.Now()
	return s.remove(func(r data.Record) bool { return r.Common().Deleted && !PurgeDue(r).After(now) })
}

// DeletePermanently removes one record for good, with the attachments no other record uses: for personal
// data a person has asked to have removed. Backups made before keep it until rotation removes them.
func (s *Store) DeletePermanently(k data.Kind, id string) error {
	n, err := s.remove(func(r data.Record) bool { return r.Kind() == k && r.Common().ID == id })
	if err == nil && n == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("delete %s %s permanently: %w", k, id, err)
	}
	return nil
}

// remove deletes the records that match from the file and the index in one transaction, with the
// attachments only they used, leaves a tombstone for each so that sync deletes it on other laptops too,
// and raises the store's revision so the change is visible to whatever compares revisions.
func (s *Store) remove(match func(data.Record) bool) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.deviceID(); err != nil {
		return 0, err
	}
	var gone []data.Record
	inUse := map[string]bool{}
	for _, byID := range s.records {
		for _, r := range byID {
			if match(r) {
				gone = append(gone, r)
				continue
			}
			for _, sha := range attachmentsOf(r) {
				inUse[sha] = true
			}
		}
	}
	if len(gone) == 0 {
		return 0, nil
	}
	now := s.Now()
	err := s.update(func(tx *bolt.Tx) error {
		if err := keptAttachments(tx, inUse); err != nil {
			return err
		}
		files := tx.Bucket([]byte(bucketAttachments))
		for _, r := range gone {
			if err := tx.Bucket([]byte(r.Kind())).Delete([]byte(r.Common().ID)); err != nil {
				return err
			}
			if err := s.putTombstone(tx, r, now); err != nil {
				return err
			}
			for _, sha := range attachmentsOf(r) {
				if !inUse[sha] {
					if err := files.Delete([]byte(sha)); err != nil {
						return err
					}
				}
			}
		}
		return s.putRev(tx, s.rev+1)
	})
	if err != nil {
		if p := data.OSProblem("The change", s.path, err); p != nil {
			err = p
		}
		return 0, fmt.Errorf("remove %d records: %w", len(gone), err)
	}
	s.rev++
	for _, r := range gone {
		s.unindex(r.Kind(), r.Common().ID)
	}
	return len(gone), nil
}

// putTombstone records that r is deleted for good, under the next revision. The caller holds s.mu for
// writing.
func (s *Store) putTombstone(tx *bolt.Tx, r data.Record, now time.Time) error {
	m := r.Common()
	t := tombstone{r.Kind(), m.ID, s.clock.Tick(now).String(), ancestry(m.Stamp(), m.Prev), s.rev + 1}
	raw, err := json.Marshal(t)
	if err != nil {
		return err
	}
	return tx.Bucket([]byte(bucketTombstones)).Put([]byte(string(r.Kind())+"/"+m.ID), raw)
}

// keptAttachments marks the attachments that versions kept in conflicts use: the user may still keep one.
func keptAttachments(tx *bolt.Tx, inUse map[string]bool) error {
	return tx.Bucket([]byte(bucketConflicts)).ForEach(func(key, _ []byte) error {
		kind, _, _ := strings.Cut(string(key), "/")
		losers, err := conflictsOf(tx, data.Kind(kind), key)
		for _, v := range losers {
			for _, sha := range Attachments(v) {
				inUse[sha] = true
			}
		}
		return err
	})
}
