package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// A PDF written into the data folder for the viewer is readable by its owner only, like the database, even
// where an earlier copy of the same name (from an older Accord) was readable by everyone.
func TestFilesForTheViewerAreTheOwnersOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no owner-only permission bits")
	}
	f := newFixture(t)
	_, w := showShell(t, f.store)
	path := filepath.Join(f.store.Dir(), "printed", "Contact directory.pdf")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("an older print"), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(w, path, []byte("%PDF-1.4 the new print"))
	settle(t)
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the print: %v, %v", info.Mode(), err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-1.4 the new print" {
		t.Fatalf("the print holds %q", b)
	}
}
