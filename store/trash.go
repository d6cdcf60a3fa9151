package store

import (
	"encoding/json"
	"fmt"
	"slices"
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
// how many it removed — except a record that a record staying in Accord still links to (a partner an
// activity or need names, an agreement an evaluation is about): removing it would leave that link pointing
// at nothing, which check reports and sync would carry to every laptop. Such a record stays in the Trash,
// where TrashLinks says what still links to it, until those links are gone or it is put back. An
// agreement's prints go with it and never keep it.
func (s *Store) PurgeTrash() (int, error) {
	now := s.Now()
	fields := s.trashedFields()
	n, err := s.remove(func() map[data.Ref]bool { return s.purgeable(now) })
	if err != nil {
		return n, err
	}
	return n, s.dropValuesOf(fields)
}

// trashedFields are the IDs of the group's own fields in the Trash, by kind of record.
func (s *Store) trashedFields() map[string]data.Kind {
	out := map[string]data.Kind{}
	for _, r := range s.Trash() {
		if d, ok := r.(*data.FieldDefinition); ok {
			out[d.ID] = d.For
		}
	}
	return out
}

// dropValuesOf removes from the records the values of those fields that are now gone for good: a field in
// the Trash keeps its values for the 30 days it can be put back, and no longer. (A later write than the
// removal itself: should it fail, the values stay, unseen, as they were in the Trash.)
func (s *Store) dropValuesOf(fields map[string]data.Kind) error {
	copies := map[data.Ref]data.Customised{} // one copy of a record, whichever fields it loses values of
	var changed []data.Record
	for id, k := range fields {
		if s.Record(data.KindField, id) != nil {
			continue // still in the Trash, or put back
		}
		for _, r := range s.Records(data.HolderKind(k)) {
			ref := data.Ref{Kind: r.Kind(), ID: r.Common().ID}
			for i, values := range data.ValuesIn(r, k) {
				if values.CustomValues()[id] == "" {
					continue
				}
				copied, ok := copies[ref]
				if !ok {
					copied = data.Clone(r.(data.Customised))
					copies[ref] = copied
					changed = append(changed, copied)
				}
				data.ValuesIn(copied, k)[i].SetCustomValue(id, "")
			}
		}
	}
	if len(changed) == 0 {
		return nil
	}
	return s.SaveAll(changed)
}

// purgeable picks the records in the Trash past their time that no record staying links to, directly or
// through other records kept for that reason. The caller holds s.mu.
func (s *Store) purgeable(now time.Time) map[data.Ref]bool {
	due := map[data.Ref]bool{}
	var staying []data.Record
	for k, byID := range s.records {
		for id, r := range byID {
			switch {
			case r.Common().Deleted && !PurgeDue(r).After(now):
				due[data.Ref{Kind: k, ID: id}] = true
			case k != data.KindPrint: // a print goes with its agreement
				staying = append(staying, r)
			}
		}
	}
	for len(staying) > 0 {
		r := staying[len(staying)-1]
		staying = staying[:len(staying)-1]
		for _, ref := range r.References() {
			if due[ref] {
				delete(due, ref)
				staying = append(staying, s.records[ref.Kind][ref.ID])
			}
		}
	}
	return due
}

// TrashLinks gives, for each record in the Trash that other records link to, those records (in the Trash
// or not; prints left out, since they go with their agreement): what keeps it from being removed for good.
func (s *Store) TrashLinks() map[data.Ref][]data.Record {
	s.indexed()
	s.mu.RLock()
	defer s.mu.RUnlock()
	links := map[data.Ref][]data.Record{}
	for k, byID := range s.records {
		if k == data.KindPrint {
			continue
		}
		for _, r := range byID {
			for _, ref := range r.References() {
				if to, ok := s.records[ref.Kind][ref.ID]; ok && to.Common().Deleted && !slices.Contains(links[ref], r) {
					links[ref] = append(links[ref], r)
				}
			}
		}
	}
	for _, from := range links {
		slices.SortFunc(from, func(a, b data.Record) int { return strings.Compare(a.Common().ID, b.Common().ID) })
	}
	return links
}

// DeletePermanently removes one record for good, with the attachments no other record uses (and, for an
// agreement, its prints): for personal data a person has asked to have removed. Backups made before keep
// it until rotation removes them.
func (s *Store) DeletePermanently(k data.Kind, id string) error {
	fields := s.trashedFields()
	n, err := s.remove(func() map[data.Ref]bool {
		if _, ok := s.records[k][id]; !ok {
			return nil
		}
		return map[data.Ref]bool{{Kind: k, ID: id}: true}
	})
	if err == nil && n == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("delete %s %s permanently: %w", k, id, err)
	}
	return s.dropValuesOf(fields)
}

// remove deletes the records pick chooses (pick runs under s.mu) and the prints of a chosen agreement, from
// the file and the index in one transaction, with the attachments only they used; it leaves a tombstone for
// each so that sync deletes it on other laptops too, and raises the store's revision so the change is
// visible to whatever compares revisions.
func (s *Store) remove(pick func() map[data.Ref]bool) (int, error) {
	if err := s.indexed(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.deviceID(); err != nil {
		return 0, err
	}
	chosen := pick()
	var gone []data.Record
	inUse := map[string]bool{}
	for k, byID := range s.records {
		for id, r := range byID {
			if chosen[data.Ref{Kind: k, ID: id}] || printOf(r, chosen) {
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

// printOf is true when r is a print of one of the agreements chosen.
func printOf(r data.Record, chosen map[data.Ref]bool) bool {
	p, ok := r.(*data.Print)
	return ok && chosen[data.Ref{Kind: data.KindAgreement, ID: p.AgreementID}]
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
	return tx.Bucket([]byte(bucketTombstones)).Put([]byte(string(r.Kind())+"/"+m.ID), seal(raw))
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
