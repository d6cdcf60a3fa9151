package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// Conflict is a record two laptops changed since they last synced: the version that won (by its clock
// stamp) and is the record now, and the versions that lost, kept so that nothing typed on any laptop is
// lost. The user looks at them side by side and keeps one, or a merge (ResolveConflict).
type Conflict struct {
	Kind data.Kind
	ID   string
	// Current is the record as it is now; nil when the winning change deleted it for good.
	Current data.Record
	// Losers are the versions that lost, oldest first. (A deletion for good that lost is not one of them:
	// there is nothing typed to keep.)
	Losers []data.Record
}

// Conflicts lists the records with versions that lost a conflict, in the order of their kind and ID.
func (s *Store) Conflicts() ([]Conflict, error) {
	var out []Conflict
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketConflicts)).ForEach(func(key, _ []byte) error {
			c, err := conflictAt(tx, string(key))
			if len(c.Losers) > 0 {
				out = append(out, c)
			}
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list conflicts: %w", err)
	}
	return out, nil
}

// conflictAt decodes the conflict stored under "kind/id".
func conflictAt(tx *bolt.Tx, key string) (Conflict, error) {
	kind, id, _ := strings.Cut(key, "/")
	c := Conflict{Kind: data.Kind(kind), ID: id}
	h, err := held(tx, c.Kind, id)
	if err != nil {
		return c, err
	}
	if h.OK && !h.Current.Gone {
		if c.Current, err = decodeVersion(h.Current); err != nil {
			return c, err
		}
	}
	slices.SortFunc(h.Losers, func(a, b Version) int { return a.HLC.Compare(b.HLC) })
	for _, v := range h.Losers {
		if v.Gone {
			continue
		}
		r, err := decodeVersion(v)
		if err != nil {
			return c, err
		}
		c.Losers = append(c.Losers, r)
	}
	return c, nil
}

func decodeVersion(v Version) (data.Record, error) {
	r := data.NewRecord(v.Kind)
	if err := json.Unmarshal(v.JSON, r); err != nil {
		return nil, fmt.Errorf("%s: %w", v.Key(), err)
	}
	return r, nil
}

// ResolveConflict ends a conflict by keeping keep — the current version, one that lost, or the user's
// merge of them — as a new change of this laptop. The new version descends from every version of the
// conflict, so the other laptops, when it reaches them, take it and clear the conflict too.
func (s *Store) ResolveConflict(k data.Kind, id string, keep data.Record) error {
	if keep.Kind() != k || keep.Common().ID != id {
		return fmt.Errorf("resolve conflict %s/%s with %s %s: not the same record", k, id, keep.Kind(), keep.Common().ID)
	}
	if err := keep.Validate(); err != nil {
		return err
	}
	key := []byte(string(k) + "/" + id)
	var prev []string
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		h, err := held(tx, k, id)
		for _, v := range append(h.Losers, h.Current) {
			if v.ID != "" {
				prev = append(prev, ancestry(v.HLC, v.Prev)...)
			}
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("resolve conflict %s: %w", key, err)
	}
	m := keep.Common()
	before := *m
	m.UpdatedAt = s.Now().UTC()
	if current := s.lookup(k, id); current != nil {
		m.Rev = current.Common().Rev // the user chose from the record as it is now
	}
	err = s.writeResolved(keep, prev, key)
	if err != nil {
		*m = before
		return fmt.Errorf("resolve conflict %s: %w", key, err)
	}
	return nil
}

// writeResolved writes the kept version, descending from the whole conflict, and clears the conflict
// and any tombstone, in one transaction.
func (s *Store) writeResolved(keep data.Record, prev []string, key []byte) error {
	keep.Common().Prev = prev
	return s.write(func(tx *bolt.Tx) error {
		return errors.Join(tx.Bucket([]byte(bucketConflicts)).Delete(key), tx.Bucket([]byte(bucketTombstones)).Delete(key))
	}, keep)
}

// mergeAncestry joins two ancestries, newest stamps first, without repeats, up to MaxPrev.
func mergeAncestry(a, b []string) []string {
	all := append(slices.Clone(a), b...)
	slices.Sort(all)
	all = slices.Compact(all)
	slices.Reverse(all)
	return all[:min(len(all), MaxPrev)]
}

// lookup is the indexed record with the ID, or nil.
func (s *Store) lookup(k data.Kind, id string) data.Record {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.current(k, id)
}
