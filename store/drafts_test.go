package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accord/data"
)

func TestADraftIsKeptReadBackAndDropped(t *testing.T) {
	s := openTemp(t)
	stored := partner("Café Solidaire")
	if err := s.Save(stored); err != nil {
		t.Fatal(err)
	}
	typed := data.Clone(stored)
	typed.Notes = "Half-typed notes about the winter fair"
	if err := s.KeepDraft("partners-"+stored.ID, 3, typed, stored); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(s.Dir(), DraftFolder, "partners-"+stored.ID+".json")
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("draft file %v, %v: want one readable only by this user", info, err)
	}
	drafts, err := s.Drafts()
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts %v, %v", drafts, err)
	}
	d := drafts[0]
	if p := d.Record.(*data.Partner); p.Notes != typed.Notes || p.ID != stored.ID || d.Original.(*data.Partner).Notes != "" {
		t.Fatalf("draft read back as %+v, original %+v", d.Record, d.Original)
	}
	// A keystroke's draft written after the save that made it needless is dropped, not written.
	if err := s.DropDraft(d.Key, 5); err != nil {
		t.Fatal(err)
	}
	if err := s.KeepDraft(d.Key, 4, typed, stored); err != nil {
		t.Fatal(err)
	}
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Fatalf("an older draft came back after the save: %v", drafts)
	}
}

func TestAnUnreadableDraftIsNamedAndKept(t *testing.T) {
	s := openTemp(t)
	dir := filepath.Join(s.Dir(), DraftFolder)
	os.MkdirAll(dir, 0o700)
	bad := filepath.Join(dir, "partners-x.json")
	os.WriteFile(bad, []byte("{not json"), 0o600)
	if err := s.KeepDraft("needs-new-1", 1, &data.Need{Name: "Warm space"}, nil); err != nil {
		t.Fatal(err)
	}
	drafts, err := s.Drafts()
	if len(drafts) != 1 || drafts[0].Record.(*data.Need).Name != "Warm space" || err == nil || !strings.Contains(err.Error(), bad) {
		t.Fatalf("drafts %v, error %v: want the good one, and the bad one named", drafts, err)
	}
	if _, err := os.Stat(bad); err != nil {
		t.Fatal("the unreadable draft was thrown away")
	}
}
