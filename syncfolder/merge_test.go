package syncfolder

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"accord/data"
	"accord/store"
)

// history makes the versions of one record that several laptops could have made: each is an edit (or,
// now and then, a deletion for good) of an earlier one, or of none, by one of three devices, with stamps
// that sometimes tie on the wall clock.
func history(rng *rand.Rand) []store.Version {
	devices := []string{"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"}
	var vs []store.Version
	for i := range 1 + rng.IntN(10) {
		h := data.HLC{Wall: int64(1000 + rng.IntN(8)), Count: uint16(i), Device: devices[rng.IntN(3)]}
		var prev []string
		if len(vs) > 0 && rng.IntN(4) > 0 {
			from := vs[rng.IntN(len(vs))]
			if from.Gone {
				continue
			}
			h.Wall = max(h.Wall, from.HLC.Wall+1) // a clock that has seen a version stamps after it
			prev = append([]string{from.HLC.String()}, from.Prev...)
		}
		if rng.IntN(6) == 0 {
			vs = append(vs, store.Tombstone(data.KindPartner, "p", h, prev))
			continue
		}
		vs = append(vs, store.Version{Kind: data.KindPartner, ID: "p", HLC: h, Prev: prev,
			JSON: fmt.Appendf(nil, `{"id":"p","hlc":%q,"name":"v%d"}`, h, rng.IntN(3))})
	}
	return vs
}

// all is every version a settled record keeps.
func all(s store.Settled) []store.Version {
	if s.Winner.ID == "" {
		return nil
	}
	return append([]store.Version{s.Winner}, s.Losers...)
}

func held(s store.Settled) store.Held {
	return store.Held{Current: s.Winner, OK: s.Winner.ID != "", Losers: s.Losers}
}

func same(a, b store.Settled) bool {
	return a.Winner.Same(b.Winner) && slices.EqualFunc(a.Losers, b.Losers, store.Version.Same)
}

func describe(s store.Settled) string {
	out := "winner " + s.Winner.HLC.String()
	for _, v := range s.Losers {
		out += ", loser " + v.HLC.String()
	}
	return out
}

// split cuts vs into three random parts, each keeping the versions' relative order.
func split(rng *rand.Rand, vs []store.Version) (a, b, c []store.Version) {
	for _, v := range vs {
		switch rng.IntN(3) {
		case 0:
			a = append(a, v)
		case 1:
			b = append(b, v)
		default:
			c = append(c, v)
		}
	}
	return a, b, c
}

func TestMergeIsCommutative(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		vs := history(rng)
		want := settle(vs)
		shuffled := slices.Clone(vs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := settle(shuffled); !same(got, want) {
			t.Fatalf("another order settles differently: %s, not %s", describe(got), describe(want))
		}
		a, b, _ := split(rng, vs)
		ab, _ := merge(held(settle(a)), b...)
		ba, _ := merge(held(settle(b)), a...)
		if !same(ab, ba) {
			t.Fatalf("a then b: %s; b then a: %s", describe(ab), describe(ba))
		}
	}
}

func TestMergeIsIdempotent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		vs := history(rng)
		once := settle(vs)
		twice, changed := merge(held(once), vs...)
		if changed || !same(once, twice) {
			t.Fatalf("applying the same versions again changed %s to %s", describe(once), describe(twice))
		}
		if again := settle(append(slices.Clone(vs), vs...)); !same(again, once) {
			t.Fatalf("repeats settle differently: %s, not %s", describe(again), describe(once))
		}
	}
}

func TestMergeIsAssociative(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		a, b, c := split(rng, history(rng))
		// (a·b)·c: a laptop that merged a and b meets c. a·(b·c): one holding a meets a laptop that merged
		// b and c.
		ab, _ := merge(held(settle(a)), b...)
		left, _ := merge(held(ab), c...)
		right, _ := merge(held(settle(a)), all(settle(append(slices.Clone(b), c...)))...)
		if !same(left, right) {
			t.Fatalf("(a·b)·c = %s, a·(b·c) = %s", describe(left), describe(right))
		}
	}
}

func TestNewestWinsAndTheLoserIsKept(t *testing.T) {
	base := version("aaaaaaaaaaaaaaaa", 100, nil, "base")
	ana := version("aaaaaaaaaaaaaaaa", 200, &base, "ana's")
	ben := version("bbbbbbbbbbbbbbbb", 300, &base, "ben's")
	got := settle([]store.Version{base, ana, ben})
	if !got.Winner.Same(ben) || len(got.Losers) != 1 || !got.Losers[0].Same(ana) {
		t.Fatalf("concurrent edits: %s", describe(got))
	}
	later := version("aaaaaaaaaaaaaaaa", 400, &ben, "ana's, after ben's")
	if got := settle([]store.Version{ben, later}); !got.Winner.Same(later) || len(got.Losers) != 0 {
		t.Fatalf("an edit of what arrived: %s", describe(got))
	}
	tie := version("cccccccccccccccc", 300, &base, "chi's")
	if got := settle([]store.Version{ben, tie}); !got.Winner.Same(tie) {
		t.Fatalf("one stamp: the higher device ID wins, got %s", describe(got))
	}
}

func TestAnEditNewerThanADeletionSurvivesIt(t *testing.T) {
	base := version("aaaaaaaaaaaaaaaa", 100, nil, "base")
	gone := store.Tombstone(data.KindPartner, "p", data.HLC{Wall: 200, Device: "aaaaaaaaaaaaaaaa"}, []string{base.HLC.String()})
	edit := version("bbbbbbbbbbbbbbbb", 300, &base, "ben's")
	got := settle([]store.Version{base, gone, edit})
	if !got.Winner.Same(edit) || shown(got.Losers) != 0 {
		t.Fatalf("edit after a deletion: %s", describe(got))
	}
	older := version("bbbbbbbbbbbbbbbb", 150, &base, "ben's, before the deletion")
	got = settle([]store.Version{base, older, gone})
	if !got.Winner.Gone || shown(got.Losers) != 1 {
		t.Fatalf("a deletion after a concurrent edit deletes it, keeping the edit: %s", describe(got))
	}
}

func version(device string, wall int64, from *store.Version, name string) store.Version {
	h := data.HLC{Wall: wall, Device: device}
	var prev []string
	if from != nil {
		prev = append([]string{from.HLC.String()}, from.Prev...)
	}
	return store.Version{Kind: data.KindPartner, ID: "p", HLC: h, Prev: prev,
		JSON: fmt.Appendf(nil, `{"id":"p","name":%q}`, name)}
}
