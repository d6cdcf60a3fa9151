package store

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accord/data"
)

// mountTmpfs mounts a small RAM disk on a new folder, for a full or read-only disk. Only root can, and not
// every CI machine allows it; the test is skipped where it cannot.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fill writes a file until the disk is full, and returns its path.
func fill(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !data.DiskFull(err) {
				t.Fatal(err)
			}
			return path
		}
	}
}

func wantDiskFull(t *testing.T, what string, err error) {
	t.Helper()
	var plain *data.PlainError
	if !errors.As(err, &plain) || !strings.Contains(plain.Error(), "the disk is full") || !strings.Contains(plain.Advice, "Nothing has been lost") {
		t.Fatalf("%s on a full disk: %v", what, err)
	}
}

func TestAFullDiskLosesNothingAndCorruptsNothing(t *testing.T) {
	dir := mountTmpfs(t, "3m")
	c := &clock{time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := openAt(t, filepath.Join(dir, FileName), c)
	for _, n := range []string{"One", "Two"} {
		if err := s.Save(partner(n)); err != nil {
			t.Fatal(err)
		}
	}
	filler := fill(t, dir)

	p := partner("Typed while the disk was full")
	p.Notes = strings.Repeat("A long note the volunteer typed. ", 3000)
	wantDiskFull(t, "a save", s.Save(p))
	if p.ID != "" || p.Rev != 0 || p.Name != "Typed while the disk was full" || len(data.List[data.Partner](s)) != 2 {
		t.Fatalf("the failed save changed the record or the index: %+v", p.Meta)
	}
	wantDiskFull(t, "a backup", s.BackupTo(filepath.Join(dir, "backup.db")))
	wantDiskFull(t, "an export", s.ExportJSONFile(filepath.Join(dir, "export.json")))
	_, err := s.DailyCare()
	wantDiskFull(t, "the daily backup", err)
	for _, leftover := range []string{"backup.db", "backup.db.partial", "export.json", "export.json.partial"} {
		if exists(filepath.Join(dir, leftover)) {
			t.Errorf("left %s on the full disk", leftover)
		}
	}

	os.Remove(filler)
	if err := s.Save(p); err != nil {
		t.Fatalf("saving again once there is space: %v", err)
	}
	s.Close()
	s = openAt(t, filepath.Join(dir, FileName), c)
	if rep := s.Check(); len(rep.Problems) != 0 || len(data.List[data.Partner](s)) != 3 {
		t.Fatalf("after the full disk: %v, %d partners", rep.Problems, len(data.List[data.Partner](s)))
	}
}

func TestAReadOnlyDiskIsRefusedPlainlyAndLeftAlone(t *testing.T) {
	dir := mountTmpfs(t, "4m")
	c := &clock{time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := openAt(t, filepath.Join(dir, FileName), c)
	s.Save(partner("On a locked stick"))
	s.Close()
	before, _ := os.ReadFile(filepath.Join(dir, FileName))
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot make the tmpfs read-only: %v %s", err, out)
	}
	_, err := Open(filepath.Join(dir, FileName), Options{})
	if data.CodeOf(err) != data.CodeUnreadable || !strings.Contains(err.Error(), "not read-only") {
		t.Fatalf("opening on a read-only disk: %v", err)
	}
	_, err = Restore(filepath.Join(dir, FileName), goodFile(t), Options{})
	var plain *data.PlainError
	if !errors.As(err, &plain) || !strings.Contains(plain.Message, "not allowed to write") {
		t.Fatalf("restoring onto a read-only disk: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, FileName)); !bytes.Equal(before, after) {
		t.Fatal("the file changed")
	}
}

func TestAReadOnlyBackupFolderIsReportedWhileTheDataStaysUsable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders")
	}
	c := &clock{time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "Partner")
	defer s.Close()
	backups := filepath.Join(s.Dir(), BackupFolder)
	os.Mkdir(backups, 0o500)
	defer os.Chmod(backups, 0o700)
	_, err := s.DailyCare()
	var plain *data.PlainError
	if !errors.As(err, &plain) || !strings.Contains(plain.Message, "not allowed to write") {
		t.Fatalf("daily backup into a read-only folder: %v", err)
	}
	if err := s.Save(partner("Still saved")); err != nil {
		t.Fatal(err)
	}
}
