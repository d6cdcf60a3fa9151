package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// damageStored flips one byte of a record's JSON where it is stored, as a failing disk might.
func damageStored(t *testing.T, db *bolt.DB, k data.Kind, id string) {
	t.Helper()
	err := db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(k))
		v := bytes.Clone(b.Get([]byte(id)))
		v[len(v)/2] ^= 0x04
		return b.Put([]byte(id), v)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// backUpDamaged makes a backup with one value damaged in it.
func backUpDamaged(t *testing.T, s *Store, k data.Kind, key string) {
	t.Helper()
	path, err := s.Backup(ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	damageStored(t, db, k, key)
}

func saved(t *testing.T, s *Store, names ...string) []string {
	t.Helper()
	var ids []string
	for _, n := range names {
		p := partner(n)
		if err := s.Save(p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	return ids
}

func reopen(t *testing.T, s *Store, opt Options) *Store {
	t.Helper()
	path := s.Path()
	s.Close()
	again, err := Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	return again
}

func damagedKeys(s *Store) []string {
	var out []string
	for _, d := range s.Damaged() {
		out = append(out, d.Key())
	}
	return out
}

func TestARecordDamagedOnDiskIsSetAsideNamedAndTheRestOpens(t *testing.T) {
	s := openTemp(t)
	ids := saved(t, s, "Food bank", "Library", "Youth club")
	damageStored(t, s.db.Load(), data.KindPartner, ids[1])
	path := s.Path()
	s.Close()
	before, _ := os.ReadFile(path)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("a file with one damaged record does not open: %v", err)
	}
	defer s.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("opening changed the file")
	}
	want := "partners/" + ids[1]
	if got := damagedKeys(s); !slices.Equal(got, []string{want}) {
		t.Fatalf("damaged: %v, want %s", got, want)
	}
	if got := titles(Search[data.Partner](s, "")); !slices.Equal(got, []string{"Food bank", "Youth club"}) {
		t.Fatalf("partners listed: %v", got)
	}
	if _, err := Get[data.Partner](s, ids[1]); !strings.Contains(data.Explain(err, fakeT), ids[1]) {
		t.Fatalf("reading the damaged record says %q", data.Explain(err, fakeT))
	}
	rep := s.Check()
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], want) || !strings.Contains(rep.Problems[0], "--repair") {
		t.Fatalf("check says %q", rep.Problems)
	}
	var out bytes.Buffer
	if err := s.ExportJSON(&out); err != nil || strings.Contains(out.String(), ids[1]) || !strings.Contains(out.String(), "Youth club") {
		t.Fatalf("export: %v, holds the damaged record: %v", err, strings.Contains(out.String(), ids[1]))
	}
}

func TestRepairTakesARecordBackFromTheNewestBackupThatHoldsItIntact(t *testing.T) {
	c := &clock{time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)}
	s, err := Open(filepath.Join(t.TempDir(), FileName), Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	id := saved(t, s, "Library, as first typed")[0]
	first := data.Lookup[data.Partner](s, id).HLC
	if _, err := s.Backup(ReasonManual); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(time.Hour)
	p, _ := Get[data.Partner](s, id)
	p.Name = "Library, as changed"
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	backUpDamaged(t, s, data.KindPartner, id)
	damageStored(t, s.db.Load(), data.KindPartner, id)
	c.t = c.t.Add(time.Hour)
	s = reopen(t, s, Options{Now: c.now})

	repaired, err := s.Repair()
	if err != nil {
		t.Fatal(err)
	}
	if len(repaired) != 1 || !repaired[0].Found() || repaired[0].Backup.Made.Hour() != 9 {
		t.Fatalf("repaired: %+v", repaired)
	}
	back := data.Lookup[data.Partner](s, id)
	if back == nil || back.Name != "Library, as first typed" {
		t.Fatalf("taken back: %+v", back)
	}
	if !slices.Contains(back.Prev, first) || back.HLC == first {
		t.Fatalf("the record taken back does not descend from the backup's version: %v", back.Prev)
	}
	if got := damagedKeys(s); len(got) != 0 {
		t.Fatalf("still damaged: %v", got)
	}
	if rep := s.Check(); len(rep.Problems) != 0 {
		t.Fatalf("check after repair: %q", rep.Problems)
	}
	s = reopen(t, s, Options{Now: c.now})
	if got := damagedKeys(s); len(got) != 0 || data.Lookup[data.Partner](s, id) == nil {
		t.Fatalf("after reopening: damaged %v", got)
	}
}

func TestRepairRewritesARecordDamagedAfterOpeningAsItWasRead(t *testing.T) {
	s := openTemp(t)
	id := saved(t, s, "Food bank")[0]
	before := data.Lookup[data.Partner](s, id)
	damageStored(t, s.db.Load(), data.KindPartner, id)
	if rep := s.Check(); len(rep.Problems) != 1 {
		t.Fatalf("check does not find damage done after opening: %q", rep.Problems)
	}
	repaired, err := s.Repair()
	if err != nil || len(repaired) != 1 || !repaired[0].Opened {
		t.Fatalf("repaired %+v, %v", repaired, err)
	}
	after, err := Get[data.Partner](s, id)
	if err != nil || after.Name != "Food bank" || after.HLC != before.HLC || after.Rev != before.Rev {
		t.Fatalf("rewritten: %+v, %v", after, err)
	}
}

func TestARecordNoBackupHoldsStaysSetAside(t *testing.T) {
	s := openTemp(t)
	id := saved(t, s, "Food bank")[0]
	damageStored(t, s.db.Load(), data.KindPartner, id)
	s = reopen(t, s, Options{})
	repaired, err := s.Repair()
	if err != nil || len(repaired) != 1 || repaired[0].Found() {
		t.Fatalf("repaired %+v, %v", repaired, err)
	}
	if got := damagedKeys(s); len(got) != 1 {
		t.Fatalf("damaged %v", got)
	}
}

func TestAVersionFromAnotherLaptopTakesADamagedRecordsPlace(t *testing.T) {
	s := openTemp(t)
	id := saved(t, s, "Food bank")[0]
	damageStored(t, s.db.Load(), data.KindPartner, id)
	s = reopen(t, s, Options{})
	raw := []byte(`{"id":"` + id + `","name":"Food bank (from the office laptop)","kind":"non-profit","stage":"active","hlc":"2026-12-01T10:00:00.000Z-0000-bbbbbbbbbbbbbbbb"}`)
	v, err := ParseVersion(data.KindPartner, raw)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ApplySync(func(SyncView) (SyncBatch, error) { return SyncBatch{Records: []Settled{{Winner: v}}}, nil })
	if err != nil {
		t.Fatal(err)
	}
	if got := damagedKeys(s); len(got) != 0 || data.Lookup[data.Partner](s, id) == nil {
		t.Fatalf("damaged %v after a sound version arrived", got)
	}
	if rep := s.Check(); len(rep.Problems) != 0 {
		t.Fatalf("check: %q", rep.Problems)
	}
}

func TestAnOlderFileIsSealedWhenUpgraded(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, k := range []string{bucketMeta, bucketAttachments, bucketTombstones, bucketConflicts, "organisation", "partners", "needs", "agreements", "evaluations", "activities", "prints"} {
			tx.CreateBucket([]byte(k))
		}
		putUint(tx.Bucket([]byte(bucketMeta)), keySchema, 4)
		putUint(tx.Bucket([]byte(bucketMeta)), keyRev, 3)
		tomb := `{"kind":"partners","id":"p0","hlc":"2025-01-01T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa","rev":2}`
		return errors.Join(tx.Bucket([]byte("partners")).Put([]byte("p1"), []byte(`{"id":"p1","rev":3,"name":"Old","kind":"non-profit","stage":"active"}`)),
			tx.Bucket([]byte(bucketTombstones)).Put([]byte("partners/p0"), []byte(tomb)))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.Load().View(func(tx *bolt.Tx) error {
		raw, err := unseal(data.KindPartner, []byte("p1"), tx.Bucket([]byte("partners")).Get([]byte("p1")))
		if err != nil || !bytes.Contains(raw, []byte(`"Old"`)) {
			t.Fatalf("after the upgrade: %s, %v", raw, err)
		}
		if tomb, err := decodeTombstone([]byte("partners/p0"), tx.Bucket([]byte(bucketTombstones)).Get([]byte("partners/p0"))); err != nil || tomb.ID != "p0" {
			t.Fatalf("the tombstone after the upgrade: %+v, %v", tomb, err)
		}
		return nil
	})
}

// Sync's history is checked like the records: a tombstone or a list of losing versions whose bytes no
// longer match is named by check, read as nothing (sync goes on without it) and taken back from the newest
// backup that holds it intact, or dropped when none does, so the check is clean again.
func TestDamagedSyncHistoryIsNamedAndTakenBack(t *testing.T) {
	s := openTemp(t)
	ids := saved(t, s, "Gone for good", "Disputed")
	gone, disputed := ids[0], ids[1]
	if err := s.DeletePermanently(data.KindPartner, gone); err != nil {
		t.Fatal(err)
	}
	version := func(name, hlc string) Version {
		v, err := ParseVersion(data.KindPartner, []byte(`{"id":"`+disputed+`","name":"`+name+`","kind":"non-profit","stage":"active","hlc":"`+hlc+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	winner, loser := version("Disputed (office)", "2030-01-02T00:00:00.000Z-0000-bbbbbbbbbbbbbbbb"), version("Disputed (hall)", "2030-01-01T00:00:00.000Z-0000-cccccccccccccccc")
	if _, err := s.ApplySync(func(SyncView) (SyncBatch, error) {
		return SyncBatch{Records: []Settled{{Winner: winner, Losers: []Version{loser}}}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	backUpDamaged(t, s, bucketConflicts, "partners/"+disputed)
	damageStored(t, s.db.Load(), bucketTombstones, "partners/"+gone)
	damageStored(t, s.db.Load(), bucketConflicts, "partners/"+disputed)
	s = reopen(t, s, Options{})

	rep := s.Check()
	if problems := strings.Join(rep.Problems, "\n"); !strings.Contains(problems, "tombstones/partners/"+gone) || !strings.Contains(problems, "conflicts/partners/"+disputed) {
		t.Fatalf("check names %q", rep.Problems)
	}
	changes, err := s.LocalChanges(0, nil)
	if err != nil {
		t.Fatalf("sync out with damaged history: %v", err)
	}
	for _, v := range changes.Versions {
		if v.Gone {
			t.Fatalf("a damaged tombstone was shared: %+v", v)
		}
	}
	if cs, err := s.Conflicts(); err != nil || len(cs) != 0 {
		t.Fatalf("conflicts with the list damaged: %d, %v", len(cs), err)
	}

	repaired, err := s.Repair()
	if err != nil || len(repaired) != 2 {
		t.Fatalf("repair: %+v, %v", repaired, err)
	}
	for _, r := range repaired {
		if !r.Found() || (r.Record.Kind == bucketTombstones) != (r.Backup.Path != "") {
			t.Errorf("%s: taken back from %q", r.Record.Key(), r.Backup.Path)
		}
	}
	if rep := s.Check(); len(rep.Problems) != 0 {
		t.Fatalf("check after repair: %q", rep.Problems)
	}
	changes, _ = s.LocalChanges(0, nil)
	if !slices.ContainsFunc(changes.Versions, func(v Version) bool { return v.Gone && v.ID == gone }) {
		t.Fatal("the tombstone taken back is not shared")
	}
}
