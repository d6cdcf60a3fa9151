package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A restore stopped halfway leaves accord.db.restoring, a full copy of the group's data, and half-written
// files under ".partial" names. The next Open removes them once they have lain untouched long enough to
// be no one's work in progress, and leaves a file still being written, and the user's own files, alone.
func TestOpenRemovesWhatAStoppedAccordLeft(t *testing.T) {
	c := &clock{time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "Alpha", "Beta")
	dir, path := s.Dir(), s.Path()
	backup, err := s.Backup(ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	old := c.t.Add(-time.Hour)
	write := func(name string, when time.Time) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := copyFile(backup, p); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, when, when)
		return p
	}
	left := []string{
		write(FileName+restoringSuffix, old),
		write(FileName+restoringSuffix+".partial", old),
		write(FileName+".damaged-20260301-080000.partial", old),
		write(filepath.Join(BackupFolder, "before-restore-20260301-080000.db.partial"), old),
		write(filepath.Join(PrintedFolder, "Contact directory.pdf.partial"), old),
		write(filepath.Join(DraftFolder, "partners-1.json.partial"), old),
	}
	kept := []string{
		write(filepath.Join(PrintedFolder, "Annual report.pdf.partial"), c.t.Add(-time.Minute)), // being written
		write("my notes.partial", old),
		write(filepath.Join(BackupFolder, "my copy.db.partial"), old),
	}
	s = openAt(t, path, c)
	for _, p := range left {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("left behind: %s", p)
		}
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("removed: %s", p)
		}
	}
	if n := s.Count("partners"); n != 2 {
		t.Fatalf("%d partners after the tidy-up", n)
	}
}
