package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"accord/data"
)

// clock is a settable time for tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func openAt(t *testing.T, path string, c *clock) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: c.now, LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func backupNames(t *testing.T, folder string) []string {
	t.Helper()
	list, err := ListBackups(folder)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range list {
		names = append(names, filepath.Base(b.Path))
	}
	return names
}

func TestRotationKeepsSevenDailyFourWeeklyAndRecentOtherBackups(t *testing.T) {
	now := time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC) // a Tuesday
	var list []BackupFile
	for d := 0; d < 60; d++ {
		list = append(list, BackupFile{Reason: ReasonDaily, Made: now.AddDate(0, 0, -d)})
	}
	for _, age := range []int{1, 29, 31, 90} {
		list = append(list, BackupFile{Reason: ReasonImport, Made: now.AddDate(0, 0, -age).Add(time.Hour)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Made.After(list[j].Made) })
	gone := map[time.Time]bool{}
	for _, b := range expired(list, now) {
		gone[b.Made] = true
	}
	var kept []string
	for _, b := range list {
		if !gone[b.Made] {
			kept = append(kept, b.Made.Format("01-02")+" "+string(b.Reason))
		}
	}
	// Seven days back to 25 March, then the newest of the weeks of 16, 9 March (the weeks of 30 and 23
	// March already count), and the import backups younger than 30 days.
	want := []string{"03-31 daily", "03-30 before-import", "03-30 daily", "03-29 daily", "03-28 daily", "03-27 daily",
		"03-26 daily", "03-25 daily", "03-22 daily", "03-15 daily", "03-02 before-import"}
	if strings.Join(kept, ", ") != strings.Join(want, ", ") {
		t.Fatalf("kept\n%v\nwant\n%v", kept, want)
	}
	if got := expired(list[len(list)-1:], now); len(got) != 0 {
		t.Fatal("rotation removed the only backup there is")
	}
}

func TestDailyCareBacksUpOnceADayAndRotates(t *testing.T) {
	c := &clock{time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)}
	dir := t.TempDir()
	s := openAt(t, filepath.Join(dir, FileName), c)
	if err := s.Save(partner("Day one")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, BackupFolder), 0o700)
	mine := filepath.Join(dir, BackupFolder, "my-own-copy.db")
	os.WriteFile(mine, []byte("kept"), 0o600)
	stale := filepath.Join(dir, BackupFolder, "daily-20251231-080000.db.partial")
	os.WriteFile(stale, []byte("half"), 0o600)
	os.Chtimes(stale, c.t.Add(-2*time.Hour), c.t.Add(-2*time.Hour))

	rep, err := s.DailyCare()
	if err != nil || filepath.Base(rep.Backup) != "daily-20260101-080000.db" {
		t.Fatalf("first care of the day: %+v, %v", rep, err)
	}
	c.t = c.t.Add(5 * time.Hour)
	if rep, err := s.DailyCare(); err != nil || rep.Backup != "" {
		t.Fatalf("second care on the same day made %q (%v)", rep.Backup, err)
	}
	for day := 1; day < 50; day++ {
		c.t = c.t.Add(24 * time.Hour)
		if rep, err := s.DailyCare(); err != nil || rep.Backup == "" {
			t.Fatalf("day %d: %+v, %v", day, rep, err)
		}
	}
	names := backupNames(t, dir)
	if len(names) < KeepDaily+2 || len(names) > KeepDaily+KeepWeekly {
		t.Fatalf("after 50 days %d backups: %v", len(names), names)
	}
	if names[0] != "daily-20260219-130000.db" {
		t.Fatalf("newest backup %s", names[0])
	}
	if _, err := os.Stat(mine); err != nil {
		t.Fatal("rotation removed a file that is not one of Accord's backups")
	}
	if exists(stale) {
		t.Fatal("a stale half-written backup was left")
	}
	b, err := Open(filepath.Join(dir, BackupFolder, names[0]), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got := titles(data.List[data.Partner](b)); len(got) != 1 || got[0] != "Day one" {
		t.Fatalf("the backup holds %v", got)
	}
}

func TestBackupsMadeInOneSecondAreAllKept(t *testing.T) {
	c := &clock{time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)}
	dir := t.TempDir()
	s := openAt(t, filepath.Join(dir, FileName), c)
	for range 3 {
		if _, err := s.Backup(ReasonImport); err != nil {
			t.Fatal(err)
		}
	}
	want := "before-import-20260101-080000-3.db before-import-20260101-080000-2.db before-import-20260101-080000.db"
	if got := strings.Join(backupNames(t, dir), " "); got != want {
		t.Fatalf("got %s", got)
	}
}

func TestBackUpToAFolderThatHasGoneSaysPlugItBackIn(t *testing.T) {
	s := openTemp(t)
	stick := filepath.Join(t.TempDir(), "USB STICK")
	err := s.BackupTo(filepath.Join(stick, "accord-backup.db"))
	var plain *data.PlainError
	if !errors.As(err, &plain) || !strings.Contains(plain.Advice, "plug the stick back in") {
		t.Fatalf("got %v", err)
	}
	if exists(stick) {
		t.Fatal("the backup made the vanished folder on the laptop's own disk")
	}
}

// Writing to /dev/null (as `accord export json -o /dev/null` does) writes into the device: renaming a
// finished file over it would leave a plain file where the device was.
func TestWritingToADeviceLeavesTheDevice(t *testing.T) {
	info, err := os.Stat(os.DevNull)
	if err != nil || info.Mode()&os.ModeDevice == 0 {
		t.Skip("no null device here")
	}
	if err := WriteAtomically(os.DevNull, func(w io.Writer) error { _, err := w.Write([]byte("gone")); return err }); err != nil {
		t.Fatal(err)
	}
	if after, err := os.Stat(os.DevNull); err != nil || after.Mode()&os.ModeDevice == 0 {
		t.Fatalf("%s is no longer a device: %v, %v", os.DevNull, after.Mode(), err)
	}
}
