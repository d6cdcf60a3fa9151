package syncfolder

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"accord/data"
	"accord/store"
)

// laptop is one data folder with a clock of its own, which a test moves on by hand.
type laptop struct {
	t    *testing.T
	name string
	s    *store.Store
	now  time.Time
}

var start = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func newLaptop(t *testing.T, name string) *laptop {
	t.Helper()
	l := &laptop{t: t, name: name, now: start}
	s, err := store.Open(filepath.Join(t.TempDir(), name, store.FileName), store.Options{Now: func() time.Time { return l.now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	l.s = s
	return l
}

func (l *laptop) round(folder string) Report {
	l.t.Helper()
	rep, err := Round(l.s, folder)
	if err != nil {
		l.t.Fatalf("%s: round: %v", l.name, err)
	}
	return rep
}

func (l *laptop) save(r data.Record) {
	l.t.Helper()
	if err := l.s.Save(r); err != nil {
		l.t.Fatalf("%s: save %s: %v", l.name, r.Title(), err)
	}
}

func (l *laptop) export() []byte {
	l.t.Helper()
	var b bytes.Buffer
	if err := l.s.ExportJSONComparable(&b); err != nil {
		l.t.Fatal(err)
	}
	return b.Bytes()
}

func newPartner(name string) *data.Partner {
	return &data.Partner{Name: name, PartnerKind: data.PartnerCommunityOrg, Stage: data.StageActive}
}

// anyPartner picks a partner the laptop holds, live or in the Trash, that a form could save (not one an
// older Accord let in against the rules), or nil.
func (l *laptop) anyPartner(rng *rand.Rand) *data.Partner {
	var ids []string
	for _, p := range data.List[data.Partner](l.s) {
		ids = append(ids, p.ID)
	}
	for _, r := range l.s.Trash() {
		if p, ok := r.(*data.Partner); ok {
			ids = append(ids, p.ID)
		}
	}
	ids = slices.DeleteFunc(ids, func(id string) bool { return data.Admit(l.s.Record(data.KindPartner, id)) != nil })
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	p, err := store.Get[data.Partner](l.s, ids[rng.IntN(len(ids))])
	if err != nil {
		l.t.Fatal(err)
	}
	return p
}

// edit makes one random change: a new partner, an edit, a move to the Trash or out of it, or a deletion
// for good.
func (l *laptop) edit(rng *rand.Rand, step int) {
	p := l.anyPartner(rng)
	switch n := rng.IntN(10); {
	case p == nil || n < 3:
		l.save(newPartner(fmt.Sprintf("%s partner %d", l.name, step)))
	case n < 7:
		p.Notes = fmt.Sprintf("%s wrote this at step %d", l.name, step)
		l.save(p)
	case n < 8 && !p.Deleted:
		if err := l.s.Delete(data.KindPartner, p.ID); err != nil {
			l.t.Fatal(err)
		}
	case n < 8:
		if err := l.s.Undelete(data.KindPartner, p.ID); err != nil {
			l.t.Fatal(err)
		}
	case n == 8:
		if err := l.s.DeletePermanently(data.KindPartner, p.ID); err != nil {
			l.t.Fatal(err)
		}
	default:
		o := l.s.Organisation()
		o.Name = fmt.Sprintf("Riverside Residents (%s, step %d)", l.name, step)
		l.save(o)
	}
}

// TestThreeLaptopsEndTheSame: three data folders and one shared folder; random edits, moves to the Trash,
// deletions for good and conflicting edits on all three, rounds in random orders, repeated — and the
// faults of real life among them (see inject): a device folder deleted, stray and duplicate
// segments, a laptop stopping between writing a segment and noting it, a hostile segment, records that
// break the rules, files edited by hand and imported. Every laptop ends with the same export, the same
// conflicts and a clean check, and every version that ever reached the folder is still findable: the
// record itself, a version kept in a conflict, or one that a later version was made from.
func TestThreeLaptopsEndTheSame(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) { threeLaptops(t, seed) })
	}
}

func threeLaptops(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 9))
	folder := t.TempDir()
	laptops := []*laptop{newLaptop(t, "ana"), newLaptop(t, "ben"), newLaptop(t, "chi")}
	skew := []time.Duration{0, -90 * time.Second, 2 * time.Minute} // wrong, but within the bound
	tick := func() {
		for i, l := range laptops {
			l.now = l.now.Add(time.Duration(1+rng.IntN(3)) * time.Second)
			if l.now.Before(start.Add(skew[i])) {
				l.now = start.Add(skew[i])
			}
		}
	}
	for step := range 60 {
		tick()
		for _, l := range laptops {
			for range rng.IntN(3) {
				l.edit(rng, step)
			}
		}
		if step%7 == 3 { // the same partner edited on all three before anyone syncs
			if p := laptops[0].anyPartner(rng); p != nil {
				for _, l := range laptops {
					if q, err := store.Get[data.Partner](l.s, p.ID); err == nil {
						q.Notes = fmt.Sprintf("%s's side of step %d", l.name, step)
						l.save(q)
					}
				}
			}
		}
		inject(t, rng, step, folder, laptops)
		for _, i := range rng.Perm(3)[:1+rng.IntN(3)] {
			laptops[i].round(folder)
		}
	}
	fixWhatWasNamed(t, folder, laptops)
	for range 2 { // everyone meets the folder until nothing is left to carry
		for _, l := range laptops {
			l.round(folder)
		}
	}
	want := laptops[0].export()
	wantConflicts := conflictStamps(t, laptops[0].s)
	for _, l := range laptops[1:] {
		if got := l.export(); !bytes.Equal(got, want) {
			t.Fatalf("%s's export differs from %s's:\n%s\n---\n%s", l.name, laptops[0].name, got, want)
		}
		if got := conflictStamps(t, l.s); !slices.Equal(got, wantConflicts) {
			t.Fatalf("%s's conflicts %v, %s's %v", l.name, got, laptops[0].name, wantConflicts)
		}
	}
	if len(wantConflicts) == 0 {
		t.Fatal("no conflicts: the test did not make any")
	}
	t.Logf("%d partners, %d in the Trash, %d losing versions", len(data.List[data.Partner](laptops[0].s)), len(laptops[0].s.Trash()), len(wantConflicts))
	for _, l := range laptops {
		if rep := l.s.Check(); len(rep.Problems) > 0 {
			t.Fatalf("%s's check: %q", l.name, rep.Problems)
		}
	}
	everyVersionFindable(t, folder, laptops[0].s)
	if rep := laptops[0].round(folder); rep.In+rep.Out != 0 {
		t.Fatalf("a round with nothing new did %+v", rep)
	}
}

// conflictStamps lists "kind/id stamp" for every losing version the store keeps.
func conflictStamps(t *testing.T, s *store.Store) []string {
	t.Helper()
	cs, err := s.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		for _, r := range c.Losers {
			out = append(out, fmt.Sprintf("%s/%s %s", c.Kind, c.ID, data.MetaOf(r).HLC))
		}
	}
	return out
}

// everyVersionFindable checks that each version in the folder's segments is the record now, a version
// kept in a conflict, or one that another version in the folder was made from.
func everyVersionFindable(t *testing.T, folder string, s *store.Store) {
	t.Helper()
	var travelled []store.Version
	top := filepath.Join(folder, Top)
	all, _ := devices(top)
	for _, d := range all {
		segs, _ := segments(top, d)
		for _, g := range segs {
			_, entries, err := readSegment(g, nil)
			var bad *badSegment
			if errors.As(err, &bad) {
				continue // set aside: it never entered
			} else if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				v, err := e.version()
				var refusal *data.Refusal
				if errors.As(err, &refusal) {
					continue // left out: it never entered
				} else if err != nil {
					t.Fatal(err)
				}
				travelled = append(travelled, v)
			}
		}
	}
	kept := map[string]bool{}
	for _, k := range data.RecordKinds {
		for _, r := range allOf(s, k) {
			kept[string(k)+"/"+data.MetaOf(r).ID+" "+data.MetaOf(r).HLC] = true
		}
	}
	for _, c := range conflictStamps(t, s) {
		kept[c] = true
	}
	for _, v := range travelled {
		if v.Gone || kept[v.Key()+" "+v.HLC.String()] || slices.ContainsFunc(travelled, func(u store.Version) bool { return u.Descends(v) }) {
			continue
		}
		t.Errorf("version %s %s reached the folder and is nowhere to be found", v.Key(), v.HLC)
	}
}

func allOf(s *store.Store, k data.Kind) []data.Record {
	out := slices.Clone(s.Trash())
	switch k {
	case data.KindPartner:
		for _, p := range data.List[data.Partner](s) {
			out = append(out, p)
		}
	case data.KindOrganisation:
		if o := data.Lookup[data.Organisation](s, data.OrganisationID); o != nil {
			out = append(out, o)
		}
	}
	return slices.DeleteFunc(out, func(r data.Record) bool { return r.Kind() != k })
}
