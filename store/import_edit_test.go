package store_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"accord/data"
	"accord/store"
)

// laptopAt is a store whose clock the test moves by hand.
func laptopAt(t *testing.T, clock *time.Time) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: func() time.Time { return *clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// An import is an edit made here: every record it writes carries a fresh stamp of this laptop's clock,
// made from the version in the file and from the one it replaces, as a save would — so two laptops never
// hold different contents under one stamp.
func TestAnImportIsAnEditStampedHere(t *testing.T) {
	clock := fixedNow()
	a, b := laptopAt(t, &clock), laptopAt(t, &clock)
	p := partner("Made on a")
	if err := a.Save(p); err != nil {
		t.Fatal(err)
	}
	bDevice, _ := b.DeviceID()
	clock = clock.Add(time.Minute)
	if _, err := b.ImportJSON(bytes.NewReader(export(t, a))); err != nil {
		t.Fatal(err)
	}
	got := data.Lookup[data.Partner](b, p.ID)
	if got.Stamp().Device != bDevice || got.HLC == p.HLC || !slices.Contains(got.Prev, p.HLC) {
		t.Fatalf("imported: stamp %s, prev %v; the file's stamp %s", got.HLC, got.Prev, p.HLC)
	}
	if got.Name != "Made on a" || !got.UpdatedAt.Equal(p.UpdatedAt) {
		t.Fatalf("imported: %+v", got)
	}

	b.SetSyncState(store.SyncState{OutRev: b.Rev()}) // b's copy is shared now
	replaced := got.HLC
	clock = clock.Add(time.Minute)
	edit(t, a, p.ID, "Renamed on a")
	clock = clock.Add(time.Minute)
	if _, err := b.ImportJSON(bytes.NewReader(export(t, a))); err != nil {
		t.Fatal(err)
	}
	again := data.Lookup[data.Partner](b, p.ID)
	renamed := data.Lookup[data.Partner](a, p.ID)
	if again.Name != "Renamed on a" || again.Stamp().Device != bDevice || !slices.Contains(again.Prev, renamed.HLC) || !slices.Contains(again.Prev, replaced) {
		t.Fatalf("updated: %s %s, prev %v; want made from %s and %s", again.Name, again.HLC, again.Prev, renamed.HLC, replaced)
	}
}

// An imported agreement's wording version is noted as a save notes it: the version noted where the words
// were written travels with them, and words changed in the file by hand are a new wording.
func TestAnImportNotesTheWordingVersion(t *testing.T) {
	clock := fixedNow()
	a, b := laptopAt(t, &clock), laptopAt(t, &clock)
	p := partner("Partner")
	a.Save(p)
	ag := draftWith(p.ID)
	a.Save(ag)
	clock = clock.Add(time.Hour)
	ag.Purpose = "Reworded once"
	a.Save(ag)
	if ag.Wording.Version != 2 {
		t.Fatalf("wording on a: %+v", ag.Wording)
	}
	file := export(t, a)
	clock = clock.Add(time.Hour)
	if _, err := b.ImportJSON(bytes.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	if got := data.Lookup[data.Agreement](b, ag.ID).Wording; got != ag.Wording {
		t.Fatalf("the wording noted on a, imported: %+v, want %+v", got, ag.Wording)
	}
	edited := bytes.Replace(file, []byte("Reworded once"), []byte("Reworded by hand in the file"), 1)
	edited = bytes.Replace(edited, []byte(`"updated_at": "2026-11-23T11:00:00Z"`), []byte(`"updated_at": "2026-11-23T13:00:00Z"`), 1)
	clock = clock.Add(time.Hour)
	if sum, err := b.ImportJSON(bytes.NewReader(edited)); err != nil || sum.Updated[data.KindAgreement] != 1 {
		t.Fatalf("%+v, %v", sum, err)
	}
	got := data.Lookup[data.Agreement](b, ag.ID).Wording
	if got.Version != 3 || !got.Since.Equal(clock) || got.Hash == ag.Wording.Hash {
		t.Fatalf("words changed in the file: %+v", got)
	}
}

func draftWith(partnerID string) *data.Agreement {
	return &data.Agreement{Name: "Shared use of the community hall", AgreementKind: data.AgreementMOU, Status: data.StatusDraft,
		Parties: []data.Party{{Us: true, Responsibilities: "Open the hall"}, {PartnerID: partnerID, Responsibilities: "Run the youth club"}}}
}

// An ID that sync could not carry (a slash) or that no one could see (a control character) is refused at
// the import, named with its line, like every other problem.
func TestImportRefusesIDsSyncCannotCarry(t *testing.T) {
	s := open(t)
	file := `{
  "format": "accord-export",
  "version": 1,
  "partners": [
    {"id": "a/b", "name": "Slashed", "kind": "business", "stage": "active"},
    {"id": "tab\there", "name": "Tabbed", "kind": "business", "stage": "active"}
  ]
}`
	_, err := s.ImportJSON(strings.NewReader(file))
	var ierr *store.ImportError
	if !errors.As(err, &ierr) || len(ierr.Records) != 2 || ierr.Records[0].Line != 5 || ierr.Records[1].Title != "Tabbed" {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(ierr.Records[0].Problems[0].Text(), "slash") {
		t.Fatalf("problem: %s", ierr.Records[0].Problems[0].Text())
	}
	if s.Rev() != 0 {
		t.Fatal("something was imported")
	}
}
