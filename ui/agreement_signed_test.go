package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// openSoonAgreement shows the fixture's signed agreement that ends soon in its editor.
func openSoonAgreement(t *testing.T) (*fixture, *shell, fyne.Window) {
	t.Helper()
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	sh.open(sh.agreements, f.soon.ID)
	settle(t)
	return f, sh, w
}

// rewordSigned opens the signed homework-club agreement and changes its purpose, then saves with Ctrl+S.
func rewordSigned(t *testing.T) (*fixture, *shell, fyne.Window) {
	t.Helper()
	f, sh, w := openSoonAgreement(t)
	ed := sh.agreements.editor
	ed.a.Purpose = "Homework club on Saturdays as well"
	ed.changed()
	press(t, w, fyne.KeyS)
	return f, sh, w
}

func TestRewordingASignedAgreementAsksAndCanRecordAnAmendment(t *testing.T) {
	f, sh, w := rewordSigned(t)
	if !strings.Contains(topDialog(w), "is signed, and your changes alter what the parties signed") {
		t.Fatalf("saving new wording over a signed agreement did not ask:\n%s", topDialog(w))
	}
	if got := data.Lookup[data.Agreement](f.store, f.soon.ID); got.Purpose == "Homework club on Saturdays as well" {
		t.Fatal("the new wording was saved before the user chose")
	}
	var text *widget.Entry
	for _, e := range find[*widget.Entry](w.Canvas().Overlays().Top()) {
		if e.MultiLine {
			text = e
		}
	}
	if text == nil || !strings.Contains(text.Text, "Purpose now reads: Homework club on Saturdays as well") {
		t.Fatalf("the amendment is not drafted from the change: %v", text)
	}
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Record as an amendment"))
	settle(t)
	got := data.Lookup[data.Agreement](f.store, f.soon.ID)
	if got.Purpose != f.soon.Purpose || got.Status != data.StatusSigned || len(got.Amendments) != 1 ||
		got.Amendments[0].Date != today || !strings.Contains(got.Amendments[0].Text, "Saturdays") {
		t.Fatalf("after recording an amendment: purpose %q, status %s, amendments %+v", got.Purpose, got.Status, got.Amendments)
	}
	if sh.agreements.editor.dirty {
		t.Fatal("the form still holds unsaved changes")
	}
}

func TestRewordingASignedAgreementCanMakeANewVersionToSign(t *testing.T) {
	f, sh, w := rewordSigned(t)
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Make a new version to sign"))
	settle(t)
	ed := sh.agreements.editor
	if ed.a.ID != "" || ed.a.Replaces != f.soon.ID || ed.a.Status != data.StatusDraft || ed.a.Purpose != "Homework club on Saturdays as well" || !ed.dirty {
		t.Fatalf("the new version in the editor: %+v", ed.a)
	}
	press(t, w, fyne.KeyS)
	if old := data.Lookup[data.Agreement](f.store, f.soon.ID); old.Purpose != f.soon.Purpose || old.Status != data.StatusSigned {
		t.Fatalf("the signed agreement changed: %+v", old)
	}
	if next := data.NewVersionsOf(f.store, f.soon.ID); len(next) != 1 || next[0].Status != data.StatusDraft {
		t.Fatalf("new versions: %+v", next)
	}
	if !strings.Contains(textOf(sh.agreements.pane), "A new version of") {
		t.Fatal("the new version does not say which signed agreement it changes")
	}
}

func TestChangesOutsideTheSignedWordingSaveAtOnce(t *testing.T) {
	f, sh, w := openSoonAgreement(t)
	ed := sh.agreements.editor
	ed.a.Amendments = append(ed.a.Amendments, data.Amendment{Date: today, Text: "The club also meets in the half-term holiday."})
	ed.changed()
	press(t, w, fyne.KeyS)
	if top := topDialog(w); top != "" {
		t.Fatalf("adding an amendment asked:\n%s", top)
	}
	if got := data.Lookup[data.Agreement](f.store, f.soon.ID); len(got.Amendments) != 1 {
		t.Fatal("the amendment was not saved")
	}
}
