package syncfolder

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"accord/data"
	"accord/demo"
	"accord/store"
)

// BenchmarkSyncRound: one round on a laptop holding 10,000 records, with 1,000 changes from another laptop
// to apply — and, each time, the before-sync backup (the clock moves on an hour a round), the worst case.
func BenchmarkSyncRound(b *testing.B) {
	folder := b.TempDir()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	open := func(name string) *store.Store {
		s, err := store.Open(filepath.Join(b.TempDir(), name, store.FileName), store.Options{Now: clock})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	}
	ana, ben := open("ana"), open("ben")
	if _, err := demo.Generate(ana, demo.Options{Partners: 4000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	mustRound(b, ana, folder)
	mustRound(b, ben, folder)
	partners := data.List[data.Partner](ana)
	held := len(ben.Trash())
	for _, k := range data.RecordKinds {
		held += ben.Count(k)
	}
	b.Logf("%d records here", held)
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		now = now.Add(time.Hour)
		var changed []data.Record
		for _, p := range partners[:1000] {
			q, _ := store.Get[data.Partner](ana, p.ID)
			q.Notes = fmt.Sprintf("round %d", i)
			changed = append(changed, q)
		}
		if err := ana.SaveAll(changed); err != nil {
			b.Fatal(err)
		}
		mustRound(b, ana, folder)
		b.StartTimer()
		if rep := mustRound(b, ben, folder); rep.In != 1000 || rep.Backup == "" {
			b.Fatalf("round: %+v", rep)
		}
	}
}

func mustRound(b *testing.B, s *store.Store, folder string) Report {
	rep, err := Round(s, folder)
	if err != nil {
		b.Fatal(err)
	}
	return rep
}
