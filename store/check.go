package store

import (
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// CheckReport is what Check found.
type CheckReport struct {
	Counts   map[data.Kind]int // every record, deleted ones included
	Problems []string          // English sentences, one per problem
}

// Check runs bbolt's consistency check on the open file, reads every record again against its checksum,
// checks every record by the rules every entrance keeps, and makes sure every reference from one record
// points at a record that exists.
func (s *Store) Check() CheckReport {
	rep := CheckReport{Counts: map[data.Kind]int{}}
	if err := s.indexed(); err != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("The records could not be read: %v.", err))
	}
	if err := s.recheck(); err != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("The records could not all be read again: %v.", err))
	}
	for _, d := range s.Damaged() {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%s is damaged on disk: its bytes no longer match their checksum. \"accord check --repair\" takes it back from a backup.", d.Key()))
	}
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			rep.Problems = append(rep.Problems, fmt.Sprintf("The database file is inconsistent: %v.", err))
		}
		return nil
	})
	if err != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("The database could not be read: %v.", err))
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, f := range s.flawed() {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%s breaks a rule, so it is not shared with other laptops: %s", f.Key(), f.Describe(fmt.Sprintf)))
	}
	for _, k := range data.RecordKinds {
		rep.Counts[k] = len(s.records[k])
		for _, r := range s.records[k] {
			for _, ref := range r.References() {
				if _, ok := s.records[ref.Kind][ref.ID]; !ok {
					rep.Problems = append(rep.Problems, fmt.Sprintf("%s %q (%s) points at a missing record in %s (%s).",
						k, r.Title(), r.Common().ID, ref.Kind, ref.ID))
				}
			}
		}
	}
	return rep
}

// flawed names the records that break a rule every entrance keeps (see data.Admit): stored by an older
// Accord with looser rules, or brought back by a restore. They are kept, and sync leaves them out until
// they are fixed. The caller holds s.mu.
func (s *Store) flawed() []data.Refusal {
	var out []data.Refusal
	for _, k := range data.RecordKinds {
		for _, r := range s.records[k] {
			if err := data.Admit(r); err != nil {
				out = append(out, data.RefusalOf(r, err))
			}
		}
	}
	slices.SortFunc(out, func(a, b data.Refusal) int { return strings.Compare(a.Key(), b.Key()) })
	return out
}
