package store

import (
	"bytes"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// A file Accord closed is opened again without the full check and without decoding every record: a
// one-shot command reads only what it needs. Lists, saves and the revision still see everything.
func TestAFileAccordLeftSoundOpensWithoutCheckingOrDecodingEverything(t *testing.T) {
	c := &clock{time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "Ana's café", "Bread for all")
	hall := draftWith(data.List[data.Partner](s)[0].ID)
	if err := s.Save(hall); err != nil {
		t.Fatal(err)
	}
	path, rev := s.Path(), s.Rev()
	s.Close()

	s = openAt(t, path, c)
	if s.records != nil {
		t.Fatal("a file Accord left sound was decoded whole at open")
	}
	if a := data.Lookup[data.Agreement](s, hall.ID); a == nil || a.Name != hall.Name {
		t.Fatalf("looking up one record before the index: %v", a)
	}
	if s.Rev() != rev {
		t.Fatalf("revision %d after opening, want %d", s.Rev(), rev)
	}
	got, _ := Get[data.Agreement](s, hall.ID)
	got.Purpose = "Open the hall on Saturdays"
	if err := s.Save(got); err != nil {
		t.Fatalf("saving before the index: %v", err)
	}
	stale, _ := Get[data.Agreement](s, hall.ID)
	stale.Rev--
	if err := s.Save(stale); err == nil {
		t.Fatal("a save over a newer version went through before the index loaded")
	}
	if s.records != nil {
		t.Fatal("a save decoded every record")
	}
	if names := titles(data.List[data.Partner](s)); len(names) != 2 || names[0] != "Ana's café" {
		t.Fatalf("partners listed: %v", names)
	}
	if a := data.Lookup[data.Agreement](s, hall.ID); a.Purpose != "Open the hall on Saturdays" || a.Rev != rev+1 {
		t.Fatalf("the index holds %q, rev %d", a.Purpose, a.Rev)
	}
	s.Close()

	s = openAt(t, path, c)
	if a := data.Lookup[data.Agreement](s, hall.ID); a == nil || a.Purpose != "Open the hall on Saturdays" {
		t.Fatalf("after closing again: %v", a)
	}
}

// A file changed after Accord closed it — by bbolt in another program here — no longer matches its note,
// and is checked in full again: a newer schema is refused, untouched.
func TestAFileChangedBehindAccordsBackIsCheckedAgain(t *testing.T) {
	path := goodFile(t)
	if _, err := os.Stat(path + checkedSuffix); err != nil {
		t.Fatalf("Close left no note: %v", err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return putUint(tx.Bucket([]byte(bucketMeta)), keySchema, SchemaVersion+1) })
	db.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path, Options{}); data.CodeOf(err) != data.CodeNewer {
		t.Fatalf("a file a newer Accord changed after the note: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the newer file was changed")
	}
}

// The note speaks for the file's every byte: one byte changed in a record, the size and everything else
// as they were, and the file is checked in full — every record read at once, the changed one set aside.
// (TestDamagedFilesAreRefusedAndLeftUntouched damages noted files in other ways.)
func TestOneByteChangedInANotedFileIsFound(t *testing.T) {
	path := goodFile(t)
	b, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	b[bytes.Index(b, []byte(`"name":"Partner`))] = 0x01
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, info.ModTime(), info.ModTime())
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("a noted file with one record changed: %v", err)
	}
	defer s.Close()
	if s.records == nil {
		t.Fatal("the note was trusted: the records were not read when the file opened")
	}
	if got := damagedKeys(s); len(got) != 1 {
		t.Fatalf("damaged: %v, want the changed partner", got)
	}
}
