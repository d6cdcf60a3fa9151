package store

import (
	"encoding/json"
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

func TestSaveStampsAndRemembersWhatItWasMadeFrom(t *testing.T) {
	s := openTemp(t)
	p := partner("Stamped")
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	dev, _ := s.DeviceID()
	first := p.Stamp()
	if first.Device != dev || len(p.Prev) != 0 {
		t.Fatalf("new record: %s, prev %v", p.HLC, p.Prev)
	}
	p.Notes = "edited before any sync"
	s.Save(p)
	if len(p.Prev) != 0 {
		t.Fatalf("an unshared version became an ancestor: %v", p.Prev)
	}
	s.SetSyncState(SyncState{OutRev: s.Rev()}) // shared now
	shared := p.HLC
	p.Notes = "edited after a sync"
	s.Save(p)
	if len(p.Prev) != 1 || p.Prev[0] != shared {
		t.Fatalf("prev %v, want [%s]", p.Prev, shared)
	}
}

func TestStaleCopyIsRefused(t *testing.T) {
	s := openTemp(t)
	p := partner("Twice open")
	s.Save(p)
	a, _ := Get[data.Partner](s, p.ID)
	b, _ := Get[data.Partner](s, p.ID)
	a.Notes = "first window"
	if err := s.Save(a); err != nil {
		t.Fatal(err)
	}
	b.Notes = "second window"
	err := s.Save(b)
	var plain *data.PlainError
	if !errors.Is(err, ErrChangedElsewhere) || !errors.As(err, &plain) {
		t.Fatalf("stale save: %v", err)
	}
	if b.Rev != 1 || b.HLC != p.HLC {
		t.Fatalf("the refused copy was changed: %+v", b.Meta)
	}
	if err := s.Save(a); err != nil {
		t.Fatalf("saving the up-to-date copy again: %v", err)
	}
}

func TestDeviceIDStaysButNotInACopy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laptop", FileName)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.DeviceID()
	s.Save(partner("Anything"))
	s.Close()
	s, _ = Open(path, Options{})
	if again, _ := s.DeviceID(); again != id {
		t.Fatalf("reopened: %s, was %s", again, id)
	}
	backup, err := s.Backup(ReasonManual)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(dir, "other laptop", FileName)
	os.MkdirAll(filepath.Dir(copied), 0o700)
	if err := copyFile(path, copied); err != nil {
		t.Fatal(err)
	}
	c, err := Open(copied, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if other, _ := c.DeviceID(); other == id || len(other) != 16 {
		t.Fatalf("a copied data folder kept the device ID %s", other)
	}
	c.Close()
	if _, err := Restore(path, backup, Options{}); err != nil {
		t.Fatal(err)
	}
	r, _ := Open(path, Options{})
	defer r.Close()
	if restored, _ := r.DeviceID(); restored == id {
		t.Fatal("a restored backup kept the device ID, so its segments would be numbered again")
	}
}

func TestPurgeLeavesATombstone(t *testing.T) {
	s := openTemp(t)
	p := partner("Gone for good")
	s.Save(p)
	if err := s.DeletePermanently(data.KindPartner, p.ID); err != nil {
		t.Fatal(err)
	}
	c, err := s.LocalChanges(0, nil)
	vs := c.Versions
	if err != nil || c.Upto != s.Rev() || len(vs) != 1 || !vs[0].Gone || vs[0].ID != p.ID || vs[0].Prev[0] != p.HLC {
		t.Fatalf("changes %+v, %v", c, err)
	}
	if vs[0].HLC.Compare(p.Stamp()) <= 0 {
		t.Fatal("the tombstone is not newer than the record")
	}
}

func TestSyncKeepsFieldsFromANewerAccord(t *testing.T) {
	s := openTemp(t)
	raw := []byte(`{"id":"p1","name":"From the future","kind":"non-profit","stage":"active","hlc":"2026-12-01T10:00:00.000Z-0000-bbbbbbbbbbbbbbbb","rev":99,"mood":"sunny"}`)
	v, err := ParseVersion(data.KindPartner, raw)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ApplySync(func(SyncView) (SyncBatch, error) {
		return SyncBatch{Records: []Settled{{Winner: v}}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.db.Load().View(func(tx *bolt.Tx) error {
		var stored map[string]any
		raw, err := unseal(data.KindPartner, []byte("p1"), tx.Bucket([]byte(data.KindPartner)).Get([]byte("p1")))
		if err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(raw, &stored)
		if stored["mood"] != "sunny" || stored["rev"] != float64(s.Rev()) {
			t.Errorf("stored %v", stored)
		}
		return nil
	})
	if p := data.Lookup[data.Partner](s, "p1"); p == nil || p.Name != "From the future" {
		t.Fatalf("indexed %+v", p)
	}
}

func TestSyncBacksUpAtMostHourlyAndRotates(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	s, err := Open(filepath.Join(t.TempDir(), FileName), Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Save(partner("Held"))
	apply := func(name string) string {
		raw := []byte(`{"id":"` + name + `","name":"` + name + `","kind":"non-profit","stage":"active"}`)
		v, _ := ParseVersion(data.KindPartner, raw)
		backup, err := s.ApplySync(func(SyncView) (SyncBatch, error) { return SyncBatch{Records: []Settled{{Winner: v}}}, nil })
		if err != nil {
			t.Fatal(err)
		}
		return backup
	}
	if b := apply("a"); !strings.Contains(b, "before-sync-20261201-090000") {
		t.Fatalf("first sync: backup %q", b)
	}
	now = now.Add(30 * time.Minute)
	if b := apply("b"); b != "" {
		t.Fatalf("half an hour later: backup %q", b)
	}
	if b, _ := s.ApplySync(func(SyncView) (SyncBatch, error) { return SyncBatch{}, nil }); b != "" {
		t.Fatalf("nothing to apply: backup %q", b)
	}
	for i := range 5 {
		now = now.Add(time.Hour)
		if b := apply(string(rune('c' + i))); b == "" {
			t.Fatalf("an hour later, no backup")
		}
	}
	backups, _ := ListBackups(s.Dir())
	if len(backups) != KeepSync {
		t.Fatalf("%d before-sync backups kept, want %d", len(backups), KeepSync)
	}
}

func TestUpgradeFromSchema2AddsTheSyncBuckets(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, _ := bolt.Open(path, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error {
		for _, k := range []string{bucketMeta, bucketAttachments, "organisation", "partners", "needs", "agreements", "evaluations", "activities"} {
			tx.CreateBucket([]byte(k))
		}
		putUint(tx.Bucket([]byte(bucketMeta)), keySchema, 2)
		putUint(tx.Bucket([]byte(bucketMeta)), keyRev, 3)
		return tx.Bucket([]byte("partners")).Put([]byte("p1"),
			[]byte(`{"id":"p1","rev":3,"name":"Old","kind":"non-profit","stage":"active","updated_at":"2026-01-02T03:04:05.678Z"}`))
	})
	db.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.Load().View(func(tx *bolt.Tx) error {
		if v, _ := schemaOf(tx); v != SchemaVersion || tx.Bucket([]byte(bucketTombstones)) == nil || tx.Bucket([]byte(bucketConflicts)) == nil {
			t.Errorf("schema %d, buckets missing", v)
		}
		return nil
	})
	backups, _ := ListBackups(dir)
	if len(backups) != 1 || !strings.Contains(backups[0].Path, "before-upgrade-from-v2") {
		t.Fatalf("backups %v", backups)
	}
	p := data.Lookup[data.Partner](s, "p1")
	if h := p.Stamp(); h.Device != "" || h.Time() != p.UpdatedAt.Truncate(time.Millisecond) {
		t.Fatalf("an old record's stamp: %s", h)
	}
}

func TestAnAttachmentAConflictKeepsIsNotRemoved(t *testing.T) {
	s := openTemp(t)
	sha, _ := s.PutAttachment([]byte("the scan only the losing version has"))
	p := partner("Partner")
	s.Save(p)
	raw := func(name, attachments string) []byte {
		return []byte(`{"id":"a1","title":"` + name + `","kind":"memorandum of understanding","status":"draft","attachments":[` + attachments + `],` +
			`"parties":[{"us":true,"responsibilities":"x"},{"partner_id":"` + p.ID + `","responsibilities":"y"}]}`)
	}
	loser, _ := ParseVersion(data.KindAgreement, raw("Loser", `{"name":"scan.png","mime":"image/png","size":1,"sha256":"`+sha+`"}`))
	winner, _ := ParseVersion(data.KindAgreement, raw("Winner", ""))
	if _, err := s.ApplySync(func(SyncView) (SyncBatch, error) {
		return SyncBatch{Records: []Settled{{Winner: winner, Losers: []Version{loser}}}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePermanently(data.KindAgreement, "a1"); err != nil {
		t.Fatal(err)
	}
	if !s.HasAttachment(sha) {
		t.Fatal("the attachment of a version kept in a conflict was removed")
	}
	cs, _ := s.Conflicts()
	if len(cs) != 1 || cs[0].Current != nil || cs[0].Losers[0].Title() != "Loser" {
		t.Fatalf("conflicts %+v", cs)
	}
	if err := s.ResolveConflict(data.KindAgreement, "a1", cs[0].Losers[0]); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Conflicts(); len(cs) != 0 || data.Lookup[data.Agreement](s, "a1") == nil {
		t.Fatalf("after keeping the loser: %d conflicts", len(cs))
	}
}

// A sync writes its records a few thousand to a transaction. One stopped by a failing write keeps what
// earlier transactions wrote, indexed, and does not note its segments as read, so the next round reads
// them again and writes the rest.
func TestASyncStoppedBetweenItsTransactionsIsTakenUpAgain(t *testing.T) {
	defer func(n int) { syncBatch = n }(syncBatch)
	syncBatch = 2
	s := openTemp(t)
	version := func(id, name string) Settled {
		v, err := ParseVersion(data.KindPartner, []byte(`{"id":"`+id+`","name":"`+name+`","kind":"non-profit","stage":"active","hlc":"2026-12-01T10:00:00.000Z-0000-bbbbbbbbbbbbbbbb"}`))
		if err != nil {
			t.Fatal(err)
		}
		return Settled{Winner: v}
	}
	batch := SyncBatch{Records: []Settled{version("p1", "One"), version("p2", "Two"), version("p3", "Three"), version("p4", "Four"), version("p5", "Five")},
		Read: []string{"segment-a"}}
	broken := batch
	broken.Records = slices.Clone(batch.Records)
	broken.Records[2].Winner.ID = "" // bbolt refuses an empty key: the second transaction fails
	if _, err := s.ApplySync(func(SyncView) (SyncBatch, error) { return broken, nil }); err == nil {
		t.Fatal("the failing write was not reported")
	}
	if got := names(s); !slices.Equal(got, []string{"One", "Two"}) {
		t.Fatalf("after the failure the store holds %q, want the first transaction's", got)
	}
	if read, _ := s.SegmentsRead(); read["segment-a"] {
		t.Fatal("the segment was noted as read though its records were not all written")
	}
	if _, err := s.ApplySync(func(SyncView) (SyncBatch, error) { return batch, nil }); err != nil {
		t.Fatal(err)
	}
	if got := names(s); !slices.Equal(got, []string{"Five", "Four", "One", "Three", "Two"}) {
		t.Fatalf("after the next round the store holds %q", got)
	}
	if read, _ := s.SegmentsRead(); !read["segment-a"] {
		t.Fatal("the segment is not noted as read")
	}
}

// names are the names of the live partners a store lists.
func names(s *Store) []string {
	var out []string
	for _, p := range Search[data.Partner](s, "") {
		out = append(out, p.Name)
	}
	return out
}
