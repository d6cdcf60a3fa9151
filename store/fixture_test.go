package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accord/data"
)

// testdata/schema1.db is a database as the first Accord wrote it (schema 1: a partner's focus as one line of
// text, no attachments bucket): our organisation, three partners (one in the Trash), an agreement, a need
// and an activity. It must open, upgrade and keep every record, for as long as Accord reads schema 1.
func TestSchema1FixtureOpensAndUpgrades(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := copyFile("testdata/schema1.db", path); err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)}
	s := openAt(t, path, c)
	if rep := s.Check(); len(rep.Problems) != 0 || data.Counts(rep.Counts).Total() != 7 {
		t.Fatalf("after the upgrade: %v, counts %v", rep.Problems, rep.Counts)
	}
	p := data.Lookup[data.Partner](s, "01944a8e-0000-7000-8000-000000000001")
	if p == nil || strings.Join(p.FocusAreas, "|") != "green spaces|food|youth" || p.Contacts[0].Name != "Jürgen Weiß" {
		t.Fatalf("partner after the upgrade: %+v", p)
	}
	if s.Organisation().Name != "Riverside Residents" || len(s.Trash()) != 1 || s.Rev() != 7 {
		t.Fatalf("organisation %q, trash %d, rev %d", s.Organisation().Name, len(s.Trash()), s.Rev())
	}
	if a := data.List[data.Agreement](s); len(a) != 1 || a[0].StatusOn(data.NewDate(2025, 6, 1)) != data.StatusActive {
		t.Fatalf("agreements %v", a)
	}
	names := backupNames(t, dir)
	if len(names) != 1 || names[0] != "before-upgrade-from-v1-20260201-090000.db" {
		t.Fatalf("backups %v", names)
	}
	info, err := InspectBackup(filepath.Join(dir, BackupFolder, names[0]), Options{})
	if err != nil || info.Live[data.KindPartner] != 2 || info.Trashed != 1 {
		t.Fatalf("the upgrade's backup: %+v, %v", info, err)
	}
}
