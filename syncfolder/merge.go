package syncfolder

import (
	"bytes"
	"crypto/sha256"
	"slices"

	"accord/store"
)

// settle is the merge rule, for the versions of one record a laptop has seen: the record becomes the
// newest version by clock stamp (device ID breaking ties, then the content, so that even two versions with
// one stamp settle the same everywhere); every other version that no seen version was made from is kept
// beside it as a conflict. (A deletion for good that loses — to an edit newer than it, which survives — is
// kept too, unseen, so that the versions it deleted stay settled however late they arrive.) What it
// returns depends only on the set of versions, never on their order or repeats: the merge is commutative,
// associative and idempotent.
func settle(vs []store.Version) store.Settled {
	vs = distinct(vs)
	if len(vs) == 0 {
		return store.Settled{}
	}
	winner := slices.MaxFunc(vs, newer)
	var losers []store.Version
	for _, v := range vs {
		if !v.Same(winner) && !superseded(v, vs) {
			losers = append(losers, v)
		}
	}
	return store.Settled{Winner: winner, Losers: losers}
}

// newer orders versions by stamp, then tombstone before record, then content.
func newer(a, b store.Version) int {
	if c := a.HLC.Compare(b.HLC); c != 0 {
		return c
	}
	if a.Gone != b.Gone {
		if a.Gone {
			return -1
		}
		return 1
	}
	return bytes.Compare(digest(a.JSON), digest(b.JSON))
}

func digest(b []byte) []byte {
	sum := sha256.Sum256(b)
	return sum[:]
}

// superseded is true when some other version was made from v.
func superseded(v store.Version, vs []store.Version) bool {
	for _, u := range vs {
		if u.Descends(v) {
			return true
		}
	}
	return false
}

// distinct drops repeats of a version, and sorts what is left, so that a settled record's losers come in
// one order on every laptop.
func distinct(vs []store.Version) []store.Version {
	out := slices.Clone(vs)
	slices.SortFunc(out, newer)
	return slices.CompactFunc(out, store.Version.Same)
}

// merge settles what a laptop holds of a record with incoming versions of it; changed is false when the
// result is what it held.
func merge(h store.Held, incoming ...store.Version) (s store.Settled, changed bool) {
	all := slices.Clone(h.Losers)
	if h.OK {
		all = append(all, h.Current)
	}
	s = settle(append(all, incoming...))
	changed = !h.OK || !s.Winner.Same(h.Current) || !slices.EqualFunc(s.Losers, distinct(h.Losers), store.Version.Same)
	return s, changed
}
