package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2/storage"
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

// Fyne's Save dialog opens the chosen file for writing before Accord writes a byte. Through Accord's file
// repository that opening leaves the earlier file as it was until the new one is complete, so a failure part
// way (a full disk, a pulled USB stick) cannot leave a cut-off PDF where a good one was.
func TestSavingOverAFileKeepsItUntilTheNewOneIsWhole(t *testing.T) {
	newFixture(t)
	keepWholeFiles()
	path := filepath.Join(t.TempDir(), "MOU.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.4 the signed copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := out.Write([]byte("%PDF-1.4 half of")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-1.4 the signed copy" {
		t.Fatalf("while the new file is written, the earlier one holds %q", b)
	}
	out.Write([]byte(" the new print"))
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-1.4 half of the new print" {
		t.Fatalf("the saved file holds %q", b)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Fatalf("the folder holds %d files, want the saved one only", len(entries))
	}
	if runtime.GOOS == "windows" {
		return
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("the replaced file is %v, want the 0644 it had", info.Mode().Perm())
	}
}
