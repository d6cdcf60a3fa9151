package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// entryHolding is the entry showing text in a tree.
func entryHolding(t *testing.T, o fyne.CanvasObject, text string) *widget.Entry {
	t.Helper()
	for _, e := range find[*widget.Entry](o) {
		if e.Text == text {
			return e
		}
	}
	t.Fatalf("no entry holds %q", text)
	return nil
}

// renameCafe opens the café in a window showing the data, as the app does, and types into its name.
func renameCafe(t *testing.T, f *fixture) (*shell, fyne.Window) {
	t.Helper()
	w := newWindow(t)
	sh := showData(w, f.store, partnersID)
	settle(t)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	name := entryHolding(t, sh.partners.pane, "Café Solidaire")
	name.SetText(name.Text + " du Marais")
	settle(t)
	return sh, w
}

func isOpen(w fyne.Window) bool { return slices.Contains(fyne.CurrentApp().Driver().AllWindows(), w) }

// topDialog is the text of the dialog on top, or "".
func topDialog(w fyne.Window) string {
	if top := w.Canvas().Overlays().Top(); top != nil {
		return textOf(top)
	}
	return ""
}

func TestQuittingWithUnsavedTypingAsksAndSaveKeepsIt(t *testing.T) {
	f := newFixture(t)
	sh, w := renameCafe(t, f)
	press(t, w, fyne.KeyQ) // File → Quit, as the window's ✕ does through its close intercept
	if !strings.Contains(topDialog(w), "Your changes to “Café Solidaire du Marais” are not saved yet.") || !isOpen(w) {
		t.Fatalf("quitting did not ask first:\n%s", topDialog(w))
	}
	// Save is the default: Return on the focused button presses it.
	focused, ok := w.Canvas().Focused().(*keyButton)
	if !ok || focused.Text != "Save" {
		t.Fatalf("the focused button is %v, want Save", w.Canvas().Focused())
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(t)
	if got := data.Lookup[data.Partner](f.store, f.cafe.ID).Name; got != "Café Solidaire du Marais" || isOpen(w) {
		t.Fatalf("after Save: stored name %q, window open %v", got, isOpen(w))
	}
	_ = sh
}

func TestQuittingWithoutSavingOrCancelling(t *testing.T) {
	f := newFixture(t)
	sh, w := renameCafe(t, f)
	sh.onClose()
	settle(t)
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Cancel"))
	settle(t)
	if !isOpen(w) || !sh.partners.editor.dirty || data.Lookup[data.Partner](f.store, f.cafe.ID).Name != "Café Solidaire" {
		t.Fatal("Cancel did not keep the window and the typing as they were")
	}
	sh.onClose()
	settle(t)
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Don't save"))
	settle(t)
	if isOpen(w) || data.Lookup[data.Partner](f.store, f.cafe.ID).Name != "Café Solidaire" {
		t.Fatal("Don't save did not close the window without saving")
	}
	if drafts, _ := f.store.Drafts(); len(drafts) != 0 {
		t.Fatalf("the dropped typing is still offered back: %v", drafts)
	}
}

func TestLeavingARecordAsksWithSaveAsTheDefault(t *testing.T) {
	f := newFixture(t)
	sh, w := renameCafe(t, f)
	sh.open(sh.partners, f.library.ID)
	settle(t)
	if !strings.Contains(topDialog(w), "Save your changes?") || sh.partners.editor.p.ID != f.cafe.ID {
		t.Fatalf("moving to another partner did not ask:\n%s", topDialog(w))
	}
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Save"))
	settle(t)
	if data.Lookup[data.Partner](f.store, f.cafe.ID).Name != "Café Solidaire du Marais" || sh.partners.editor.p.ID != f.library.ID {
		t.Fatal("Save did not keep the change and move on")
	}
}

func TestTypingLostInACrashIsOfferedBackAtTheNextStart(t *testing.T) {
	f := newFixture(t)
	renameCafe(t, f) // and then the power goes: nothing saved, no question asked
	if got := data.Lookup[data.Partner](f.store, f.cafe.ID).Name; got != "Café Solidaire" {
		t.Fatalf("stored name %q before the crash", got)
	}
	w := newWindow(t)
	sh := showData(w, f.store, dashboardID)
	settle(t)
	if !strings.Contains(topDialog(w), "You were editing “Café Solidaire du Marais” when Accord closed") {
		t.Fatalf("the next start does not offer the typing back:\n%s", topDialog(w))
	}
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Restore it"))
	settle(t)
	ed := sh.partners.editor
	if sh.current.id != partnersID || !ed.dirty || ed.p.Name != "Café Solidaire du Marais" {
		t.Fatalf("restored: screen %d, dirty %v, name %q", sh.current.id, ed.dirty, ed.p.Name)
	}
	ed.onSave()
	settle(t)
	if got := data.Lookup[data.Partner](f.store, f.cafe.ID).Name; got != "Café Solidaire du Marais" {
		t.Fatalf("saving the restored typing stored %q", got)
	}
	if drafts, _ := f.store.Drafts(); len(drafts) != 0 {
		t.Fatalf("a saved draft is offered again: %v", drafts)
	}
}

func TestANewPartnerTypedBeforeACrashComesBackAsNew(t *testing.T) {
	f := newFixture(t)
	w := newWindow(t)
	sh := showData(w, f.store, partnersID)
	settle(t)
	press(t, w, fyne.KeyN)
	test.Type(entryHolding(t, sh.partners.pane, ""), "Hill School")
	settle(t)
	again := showData(newWindow(t), f.store, dashboardID)
	settle(t)
	test.Tap(button(t, again.win.Canvas().Overlays().Top(), "Restore it"))
	settle(t)
	if ed := again.partners.editor; ed.p.ID != "" || ed.p.Name != "Hill School" || !ed.dirty {
		t.Fatalf("restored new partner %+v, dirty %v", ed.p, ed.dirty)
	}
	var _ store.Draft
}
