package ui

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
	"accord/syncfolder"
)

// otherLaptop is a second data folder with a copy of the fixture's partners, synced through folder.
func otherLaptop(t *testing.T, f *fixture, folder string) *store.Store {
	t.Helper()
	f.store.Now = time.Now // both laptops keep real time, so neither's changes look to come from the future
	if _, err := syncfolder.Round(f.store, folder); err != nil {
		t.Fatal(err)
	}
	other, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	if _, err := syncfolder.Round(other, folder); err != nil {
		t.Fatal(err)
	}
	return other
}

// changePhone edits the café's phone in a store, at a given time, as a volunteer on that laptop would.
func changePhone(t *testing.T, s *store.Store, id, phone string, at time.Time) {
	t.Helper()
	p, err := store.Get[data.Partner](s, id)
	if err != nil {
		t.Fatal(err)
	}
	p.Phone = phone
	s.Now = func() time.Time { return at }
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
}

func TestAConflictIsShownSideBySideAndOneVersionKept(t *testing.T) {
	f := newFixture(t)
	folder := t.TempDir()
	other := otherLaptop(t, f, folder)
	base := time.Now()
	changePhone(t, f.store, f.cafe.ID, "+33 1 11 11 11 11", base)
	changePhone(t, other, f.cafe.ID, "+33 1 22 22 22 22", base.Add(time.Second)) // newer: it wins
	if _, err := syncfolder.Round(other, folder); err != nil {
		t.Fatal(err)
	}
	sh, w := showShell(t, f.store)
	sh.sync.roundWith(folder)
	eventually(t, "the conflict button", func() bool { return sh.sync.conflicts.Visible() })
	if got := sh.sync.conflicts.Text; got != "1 record to compare" {
		t.Errorf("conflict button says %q", got)
	}
	if !strings.HasPrefix(sh.sync.status.Text, "Last sync: ") {
		t.Errorf("status line says %q", sh.sync.status.Text)
	}
	test.Tap(sh.sync.conflicts)
	settle(t)
	eventually(t, "the conflicts dialog", func() bool { return w.Canvas().Overlays().Top() != nil })
	dlg := w.Canvas().Overlays().Top()
	find[*widget.List](dlg)[0].Select(0)
	text := textOf(dlg)
	for _, want := range []string{"Phone", "+33 1 22 22 22 22", "+33 1 11 11 11 11"} {
		if !strings.Contains(text, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, text)
		}
	}
	test.Tap(button(t, dlg, "Keep the other version"))
	settle(t)
	eventually(t, "the conflict cleared", func() bool { return !sh.sync.conflicts.Visible() })
	if p := data.Lookup[data.Partner](f.store, f.cafe.ID); p.Phone != "+33 1 11 11 11 11" {
		t.Errorf("kept phone %q, want the other version's", p.Phone)
	}
	if cs, _ := f.store.Conflicts(); len(cs) != 0 {
		t.Errorf("%d conflicts left", len(cs))
	}
}

// cafeOpenWhileSyncing is this laptop showing the café's editor, sharing a folder with another laptop; the
// function it returns changes the café's phone there and brings the change in.
func cafeOpenWhileSyncing(t *testing.T) (*fixture, fyne.Window, *partnersScreen, func()) {
	f := newFixture(t)
	folder := t.TempDir()
	other := otherLaptop(t, f, folder)
	sh, w := showShell(t, f.store)
	ps := navigate(t, sh, partnersID).(*partnersScreen)
	ps.selectID(f.cafe.ID)
	settle(t)
	eventually(t, "the café's editor", func() bool { return ps.open() && ps.editor.p.ID == f.cafe.ID })
	phoneFromOtherLaptop := func() {
		changePhone(t, other, f.cafe.ID, "+33 1 22 22 22 22", time.Now())
		if _, err := syncfolder.Round(other, folder); err != nil {
			t.Fatal(err)
		}
		sh.sync.roundWith(folder)
		eventually(t, "the change to come in", func() bool { return data.Lookup[data.Partner](f.store, f.cafe.ID).Phone != "" })
	}
	return f, w, ps, phoneFromOtherLaptop
}

func TestAConflictCanBeResolvedWithAMixOfBothVersions(t *testing.T) {
	f := newFixture(t)
	folder := t.TempDir()
	other := otherLaptop(t, f, folder)
	base := time.Now()
	changePhone(t, f.store, f.cafe.ID, "+33 1 11 11 11 11", base)
	p, _ := store.Get[data.Partner](other, f.cafe.ID)
	p.Phone, p.Notes = "+33 1 22 22 22 22", "Closed in August"
	other.Now = func() time.Time { return base.Add(time.Second) }
	if err := other.Save(p); err != nil {
		t.Fatal(err)
	}
	if _, err := syncfolder.Round(other, folder); err != nil {
		t.Fatal(err)
	}
	sh, w := showShell(t, f.store)
	sh.sync.roundWith(folder)
	eventually(t, "the conflict button", func() bool { return sh.sync.conflicts.Visible() })
	test.Tap(sh.sync.conflicts)
	settle(t)
	dlg := w.Canvas().Overlays().Top()
	choices := find[*widget.RadioGroup](dlg) // one a differing field: phone, then notes
	if len(choices) != 2 {
		t.Fatalf("%d fields to choose from, want phone and notes", len(choices))
	}
	choices[0].SetSelected("as the other version") // the phone from this laptop's version, which lost
	settle(t)
	test.Tap(button(t, dlg, "Keep a mix, as chosen"))
	settle(t)
	got := data.Lookup[data.Partner](f.store, f.cafe.ID)
	if got.Phone != "+33 1 11 11 11 11" || got.Notes != "Closed in August" {
		t.Errorf("mixed phone %q and notes %q, want this laptop's phone and the other laptop's notes", got.Phone, got.Notes)
	}
}

func TestAnOpenRecordShowsWhatASyncBroughtIn(t *testing.T) {
	_, _, ps, phoneFromOtherLaptop := cafeOpenWhileSyncing(t)
	phoneFromOtherLaptop()
	eventually(t, "the editor to show the new phone", func() bool { return ps.editor.p.Phone == "+33 1 22 22 22 22" })
}

func TestTypingWhileASyncChangesOtherFieldsKeepsBoth(t *testing.T) {
	f, w, ps, phoneFromOtherLaptop := cafeOpenWhileSyncing(t)
	ps.editor.p.Notes = "Open on Sundays too" // typed, not saved yet, when the sync comes in
	ps.editor.changed()
	phoneFromOtherLaptop()
	if ps.editor.p.Notes != "Open on Sundays too" {
		t.Fatal("a sync threw away what was being typed")
	}
	press(t, w, fyne.KeyS)
	settle(t)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("saving asks, though the sync changed only a field the user did not touch")
	}
	if p := data.Lookup[data.Partner](f.store, f.cafe.ID); p.Notes != "Open on Sundays too" || p.Phone != "+33 1 22 22 22 22" {
		t.Errorf("saved notes %q and phone %q, want what was typed and what came in", p.Notes, p.Phone)
	}
}

func TestTypingOverAFieldASyncChangedAsksWhichToKeep(t *testing.T) {
	f, w, ps, phoneFromOtherLaptop := cafeOpenWhileSyncing(t)
	ps.editor.p.Phone = "+33 1 99 99 99 99"
	ps.editor.changed()
	phoneFromOtherLaptop()
	press(t, w, fyne.KeyS)
	settle(t)
	dlg := w.Canvas().Overlays().Top()
	if dlg == nil || !strings.Contains(textOf(dlg), "changed elsewhere") || !strings.Contains(textOf(dlg), "+33 1 22 22 22 22") {
		t.Fatal("saving over a field a sync changed does not ask, showing both")
	}
	test.Tap(button(t, dlg, "Keep what I typed"))
	settle(t)
	if p := data.Lookup[data.Partner](f.store, f.cafe.ID); p.Phone != "+33 1 99 99 99 99" || ps.editor.dirty {
		t.Errorf("after keeping what was typed: phone %q, unsaved %v", p.Phone, ps.editor.dirty)
	}
}

func TestSettingsChoosesTheSharedFolderAndWarnsAboutASyncedDataFolder(t *testing.T) {
	f := newFixture(t)
	folder := t.TempDir()
	sh, _ := showShell(t, f.store)
	ss := showScreen[*settingsScreen](t, sh)
	if !strings.Contains(textOf(ss.body), "No sync folder is chosen yet.") {
		t.Error("Settings does not say no sync folder is chosen")
	}
	sh.sync.onChoose(folder)
	eventually(t, "the first round", func() bool { return syncfolder.Folder(f.store) == folder })
	ss.refresh()
	settle(t)
	if text := textOf(ss.body); !strings.Contains(text, folder) {
		t.Errorf("Settings does not show the shared folder:\n%s", text)
	}
	if warn := syncfolder.DataFolderWarning(filepath.Join(t.TempDir(), "Dropbox", "accord")); warn == nil {
		t.Error("a data folder inside Dropbox gets no warning")
	}
}

func TestADataFolderInsideASyncedFolderIsWarnedAboutAtOnce(t *testing.T) {
	w := newWindow(t)
	warnSyncedDataFolder(w, filepath.Join(t.TempDir(), "Dropbox", "accord"))
	settle(t)
	top := w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(textOf(top), "Dropbox") {
		t.Fatal("no warning that the data folder is inside Dropbox")
	}
	w2 := newWindow(t)
	warnSyncedDataFolder(w2, t.TempDir())
	if w2.Canvas().Overlays().Top() != nil {
		t.Error("a warning for an ordinary data folder")
	}
}

func TestTheComparisonShowsAChangedScore(t *testing.T) {
	scored := func(v int) *data.Evaluation {
		return &data.Evaluation{Date: today, Respondents: []data.Respondent{{Name: "Ana", Scores: map[data.Dimension]data.Score{data.DimTrust: {Value: v}}}}}
	}
	diffs := differences(scored(2), scored(4))
	if len(diffs) != 1 || !strings.Contains(diffs[0].a, "Trust and respect") || diffs[0].a == diffs[0].b {
		t.Errorf("differences = %+v, want the respondents, with the trust scores", diffs)
	}
}

// putSegment leaves in the sync folder, in the folder of a laptop that never syncs itself, a segment
// holding the given entries, each a line of JSON, as a faulty program might.
func putSegment(t *testing.T, folder string, entries ...string) {
	t.Helper()
	const device = "0123456789abcdef"
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	fmt.Fprintf(z, `{"format":"accord-sync","version":1,"device":%q,"seq":1,"schema":4,"count":%d}`+"\n", device, len(entries))
	for _, e := range entries {
		fmt.Fprintln(z, e)
	}
	z.Close()
	sum := sha256.Sum256(b.Bytes())
	dir := filepath.Join(folder, syncfolder.Top, device)
	os.MkdirAll(dir, 0o700)
	name := fmt.Sprintf("%08d-%d-%s.seg", 1, b.Len(), hex.EncodeToString(sum[:8]))
	if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestARoundThatSetsARecordAsideSaysSoAndSettingsNamesIt(t *testing.T) {
	f := newFixture(t)
	folder := t.TempDir()
	otherLaptop(t, f, folder)
	putSegment(t, folder, `{"kind":"partners","record":{"id":"p-unnamed","name":"","kind":"business","stage":"active"}}`)
	sh, _ := showShell(t, f.store)
	sh.sync.roundWith(folder)
	eventually(t, "the round", func() bool { return strings.Contains(sh.sync.status.Text, "set aside") })
	text := textOf(sh.sync.syncSection())
	for _, want := range []string{"Not taken in from another laptop", "p-unnamed", "Give the partner a name."} {
		if !strings.Contains(text, want) {
			t.Errorf("Settings lacks %q:\n%s", want, text)
		}
	}
}
