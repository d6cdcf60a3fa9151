package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accord/data"
)

// storeWith opens a store in a new folder and saves partners with the names given.
func storeWith(t *testing.T, c *clock, names ...string) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), FileName), Options{Now: c.now, LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if err := s.Save(partner(n)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func partnerNames(t *testing.T, path string) []string {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return titles(data.List[data.Partner](s))
}

func TestRestoreRoundTrip(t *testing.T) {
	c := &clock{time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "Alpha", "Beta", "Gamma")
	backup, err := s.Backup(ReasonDaily)
	if err != nil {
		t.Fatal(err)
	}
	beta := data.List[data.Partner](s)[1]
	s.Delete(data.KindPartner, beta.ID)
	s.Save(partner("Delta, added after the backup"))
	dbPath, folder := s.Path(), s.Dir()
	s.Close()

	info, err := InspectBackup(backup, Options{})
	if err != nil || info.Live[data.KindPartner] != 3 || info.Trashed != 0 || info.Schema != SchemaVersion {
		t.Fatalf("inspect: %+v, %v", info, err)
	}
	c.t = c.t.Add(time.Hour)
	res, err := Restore(dbPath, backup, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Damaged || filepath.Base(res.Previous) != "before-restore-20260504-100000.db" || res.Restored.Live[data.KindPartner] != 3 {
		t.Fatalf("result %+v", res)
	}
	if got := strings.Join(partnerNames(t, dbPath), ", "); got != "Alpha, Beta, Gamma" {
		t.Fatalf("restored data lists %s", got)
	}
	if got := strings.Join(partnerNames(t, res.Previous), ", "); got != "Alpha, Delta, added after the backup, Gamma" {
		t.Fatalf("the data as it was before the restore lists %s", got)
	}
	entries, _ := os.ReadDir(folder)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".restoring") || strings.Contains(e.Name(), ".partial") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// damages are the ways a file is found broken: cut short, bits flipped, not a database at all.
var damages = map[string]func(b []byte) []byte{
	"truncated":      func(b []byte) []byte { return b[:len(b)/2+100] },
	"empty":          func(b []byte) []byte { return nil },
	"not a database": func(b []byte) []byte { return []byte("Name,Email\nCafé,x@example.org\n") },
	"meta flipped":   func(b []byte) []byte { b[20] ^= 0x10; b[4096+20] ^= 0x10; return b },
	"pages flipped": func(b []byte) []byte {
		for off := 2 * 4096; off < len(b); off += 4096 {
			b[off+8] ^= 0xFF
		}
		return b
	},
	"buckets hidden": func(b []byte) []byte { // the root page says it holds nothing
		meta := b[:4096]
		if txid(b[4096:]) > txid(meta) {
			meta = b[4096:]
		}
		root := int(binary.LittleEndian.Uint64(meta[pageHeaderSize+16:]))
		clear(b[root*4096+10 : root*4096+12])
		return b
	},
}

// flipRecord changes one byte of one partner's name, as a failing disk might: bbolt's structure is sound,
// the record's checksum is not.
func flipRecord(b []byte) []byte {
	i := bytes.Index(b, []byte(`"name":"Partner`))
	b[i+len(`"name":"P`)] ^= 0x01
	return b
}

func TestRestoreRefusesADamagedBackupAndChangesNothing(t *testing.T) {
	good := goodFile(t)
	orig, _ := os.ReadFile(good)
	all := maps.Clone(damages)
	all["record flipped"] = flipRecord
	for name, damage := range all {
		t.Run(name, func(t *testing.T) {
			c := &clock{time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)}
			s := storeWith(t, c, "Current")
			dbPath := s.Path()
			s.Close()
			before, _ := os.ReadFile(dbPath)
			bad := filepath.Join(t.TempDir(), "backup.db")
			os.WriteFile(bad, damage(bytes.Clone(orig)), 0o600)
			_, err := Restore(dbPath, bad, Options{Now: c.now})
			var plain *data.PlainError
			if !errors.As(err, &plain) || !strings.Contains(plain.Advice, "Your data has not been changed.") {
				t.Fatalf("got %v", err)
			}
			if after, _ := os.ReadFile(dbPath); !bytes.Equal(before, after) {
				t.Fatal("a refused restore changed the data")
			}
			if names := backupNames(t, filepath.Dir(dbPath)); len(names) != 0 || exists(dbPath+".restoring") {
				t.Fatalf("a refused restore left files: %v", names)
			}
		})
	}
}

func TestRestoreRefusesWhileAnotherAccordHasTheData(t *testing.T) {
	c := &clock{time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "Open in the window")
	defer s.Close()
	_, err := Restore(s.Path(), goodFile(t), Options{LockTimeout: 100 * time.Millisecond})
	if data.CodeOf(err) != data.CodeLocked {
		t.Fatalf("got %v", err)
	}
	if got := titles(data.List[data.Partner](s)); len(got) != 1 {
		t.Fatalf("the open store changed: %v", got)
	}
}

func TestRestoreNewestSkipsDamagedBackupsAndKeepsTheDamagedFile(t *testing.T) {
	c := &clock{time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "First")
	for _, name := range []string{"Second", "Third"} {
		if _, err := s.Backup(ReasonDaily); err != nil {
			t.Fatal(err)
		}
		c.t = c.t.AddDate(0, 0, 1)
		s.Save(partner(name))
	}
	newest, err := s.Backup(ReasonDaily)
	if err != nil {
		t.Fatal(err)
	}
	dbPath := s.Path()
	s.Close()
	b, _ := os.ReadFile(newest)
	os.WriteFile(newest, b[:len(b)/3], 0o600)
	b, _ = os.ReadFile(dbPath)
	damaged := damages["pages flipped"](b)
	os.WriteFile(dbPath, damaged, 0o600)
	if _, err := Open(dbPath, Options{}); err == nil {
		t.Fatal("the damaged file opened")
	}

	res, err := RestoreNewest(dbPath, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Refused) != 1 || !res.Damaged || filepath.Base(res.Previous) != "accord.db.damaged-20260503-090000" {
		t.Fatalf("result %+v", res)
	}
	if got := strings.Join(partnerNames(t, dbPath), ", "); got != "First, Second" {
		t.Fatalf("restored %s, want the second-newest backup", got)
	}
	if kept, _ := os.ReadFile(res.Previous); !bytes.Equal(kept, damaged) {
		t.Fatal("the damaged file was not kept as it was")
	}
}

func TestRestoreNewestWithoutBackupsSaysSo(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte("garbage"), 0o600)
	_, err := RestoreNewest(filepath.Join(dir, FileName), Options{})
	var plain *data.PlainError
	if !errors.As(err, &plain) || !strings.Contains(plain.Message, "There is no backup") {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, FileName)); string(b) != "garbage" {
		t.Fatal("the damaged file changed")
	}
}
