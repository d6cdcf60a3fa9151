package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// CheckReport is what Check found.
type CheckReport struct {
	Counts   map[data.Kind]int // every record, deleted ones included
	Problems []string          // English sentences, one per problem
}

// Check runs bbolt's consistency check on the open file and makes sure every reference from one record
// points at a record that exists. (Every record was decoded when the store opened.)
func (s *Store) Check() CheckReport {
	rep := CheckReport{Counts: map[data.Kind]int{}}
	err := s.db.View(func(tx *bolt.Tx) error {
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
