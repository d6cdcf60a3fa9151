package store

import (
	"os"
	"path/filepath"
	"testing"

	"accord/data"
)

// A file left far longer than its data (on Windows, by an import that filled the disk: a mapped file cannot
// be cut short while it is open) is cut back to its data at the next open, and opens with every record;
// a file another Accord holds open is not cut under it.
func TestAFileLongerThanItsDataIsCutBackAtTheNextOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	saved(t, s, "Food bank", "Library")
	s.Close()
	before, _ := os.Stat(path)
	pad := func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err == nil {
			err = f.Truncate(before.Size() + 200<<20) // the room a failed write took
			f.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	pad()
	if err := cutBackBeforeOpen(path); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(path); after.Size() > before.Size() {
		t.Fatalf("cut back to %d bytes, more than the %d the data took", after.Size(), before.Size())
	}

	pad()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := s.Count(data.KindPartner); n != 2 {
		t.Fatalf("%d partners after the cut", n)
	}
	pad() // while this Accord holds the file open
	if err := cutBackBeforeOpen(path); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Size() != before.Size()+200<<20 {
		t.Fatalf("a file another Accord holds open was cut to %d bytes", info.Size())
	}
	s.Close()
}
