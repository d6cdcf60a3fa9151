package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// fileSize is the length of the file at path.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// grow appends what bbolt leaves past the data when a write fails halfway: pages written before the disk
// filled up, which no transaction ever recorded.
func grow(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(make([]byte, n)); err != nil {
		t.Fatal(err)
	}
}

// A write that fails, and a file found at Open, give back the space past the end of the data, and the
// data is as it was: nothing lost, nothing damaged, and the next write goes ahead.
func TestAFailedWriteGivesBackTheSpaceItTook(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("on Windows the file is as long as bbolt's memory map, and a failed write cannot grow it")
	}
	s := openTemp(t)
	if err := s.Save(partner("Alpha")); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	used := fileSize(t, path)
	grow(t, path, 8<<20)
	full := fmt.Errorf("write page: %w", syscall.ENOSPC)
	beta := partner("Beta")
	beta.ID = data.NewID()
	err := s.write(func(*bolt.Tx) error { return full }, beta)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("the write: %v", err)
	}
	if size := fileSize(t, path); size > used {
		t.Fatalf("the file is %d bytes after the failed write, %d before it", size, used)
	}
	if err := s.Save(partner("Gamma")); err != nil {
		t.Fatal(err)
	}
	grow(t, path, 8<<20)
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if size := fileSize(t, path); size > used+1<<20 {
		t.Fatalf("the file is %d bytes after Open", size)
	}
	if got := strings.Join(titles(data.List[data.Partner](s)), ", "); got != "Alpha, Gamma" || len(s.Check().Problems) > 0 {
		t.Fatalf("partners %s, problems %v", got, s.Check().Problems)
	}
}

// The same on a disk that really is full: an import larger than a small RAM disk's free space fails, and
// leaves the space it took free again for the next thing the user does.
func TestAnImportOnAFullDiskGivesBackTheSpace(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("on Windows the file is as long as bbolt's memory map, and a failed write cannot grow it")
	}
	dir := mountTmpfs(t, "2m")
	s := openAt(t, filepath.Join(dir, FileName), &clock{time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)})
	if err := s.Save(partner("Alpha")); err != nil {
		t.Fatal(err)
	}
	var many []data.Record
	for i := range 3000 {
		p := partner(fmt.Sprintf("Partner %d", i))
		p.Notes = strings.Repeat("A long note about the partnership. ", 30)
		many = append(many, p)
	}
	wantDiskFull(t, "an import", s.SaveAll(many))
	if err := os.WriteFile(filepath.Join(dir, "a file saved next"), make([]byte, 1<<20), 0o600); err != nil {
		t.Fatalf("after the failed import, accord.db holds %d bytes and a 1 MB file does not fit: %v", fileSize(t, s.Path()), err)
	}
	if err := s.Save(partner("Beta")); err != nil {
		t.Fatal(err)
	}
	if rep := s.Check(); len(rep.Problems) > 0 || rep.Counts[data.KindPartner] != 2 {
		t.Fatalf("after the failed import: %+v", rep)
	}
}
