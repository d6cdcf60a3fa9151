//go:build unix

package ui

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/storage"
)

// A document saved where the user chooses takes the permissions that folder gives new files, not the
// owner-only ones of Accord's own files.
func TestANewSavedFileFollowsTheFolder(t *testing.T) {
	newFixture(t)
	keepWholeFiles()
	umask := syscall.Umask(0o027)
	defer syscall.Umask(umask)
	fresh := filepath.Join(t.TempDir(), "Directory.pdf")
	out, err := storage.Writer(storage.NewFileURI(fresh))
	if err != nil {
		t.Fatal(err)
	}
	out.Write([]byte("%PDF-1.4"))
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o640 {
		t.Errorf("a new file under umask 027 is %v, want 0640", info.Mode().Perm())
	}
}
