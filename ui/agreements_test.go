package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/assets"
	"accord/data"
)

// unwrapped is the Fyne widget inside one of Accord's own (a keyButton's button, a longEntry's entry, a
// dropDown's select), so tests find them by the widget they are.
func unwrapped(o fyne.CanvasObject) fyne.CanvasObject {
	switch x := o.(type) {
	case *keyButton:
		return &x.Button
	case *longEntry:
		return &x.Entry
	case *field:
		return &x.Entry
	case *keyList:
		return &x.List
	case *dropDown:
		return &x.Select
	}
	return o
}

// find returns every object of type W in a tree, in reading order.
func find[W fyne.CanvasObject](o fyne.CanvasObject) []W {
	var out []W
	walk(o, func(o fyne.CanvasObject) {
		if w, ok := o.(W); ok {
			out = append(out, w)
		} else if w, ok := unwrapped(o).(W); ok {
			out = append(out, w)
		}
	})
	return out
}

func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if b := asButton(o); b != nil && b.Text == text && found == nil {
			found = b
		}
	})
	if found != nil {
		return found
	}
	t.Fatalf("no %q button", text)
	return nil
}

// choosePartnerInDialog types into the picker (of partners or agreements) a button opened and picks the first match.
func choosePartnerInDialog(t *testing.T, w fyne.Window, query string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no partner picker opened")
	}
	test.Type(find[*searchBox](top)[0], query)
	settle(t)
	list := find[*widget.List](top)[0]
	eventually(t, "the picker to find "+query, func() bool { return list.Length() == 1 })
	list.Select(0)
	settle(t)
}

func TestDraftAnMOUFromATemplateWithTwoPartnersSaveAndPrint(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	sh.nav.Select(2)
	settle(t)
	as := sh.agreements
	templates, err := data.LoadTemplates(assets.Templates("en"))
	if err != nil {
		t.Fatal(err)
	}
	as.startFrom(templates[1]) // shared use of a space
	ed := as.editor
	if ed == nil || !ed.dirty || !ed.a.Parties[0].Us {
		t.Fatal("no draft editor opened")
	}
	if !strings.Contains(ed.problems.Text, "Party 2 needs a partner chosen.") {
		t.Fatalf("problems before a partner is chosen: %q", ed.problems.Text)
	}

	test.Tap(button(t, as.pane, "Choose another partner…"))
	settle(t)
	choosePartnerInDialog(t, w, "library")
	test.Tap(button(t, as.pane, "Add a partner as a party"))
	settle(t)
	choosePartnerInDialog(t, w, "café")
	if n := len(ed.a.Parties); n != 3 || ed.a.Parties[1].PartnerID != f.library.ID || ed.a.Parties[2].PartnerID != f.cafe.ID {
		t.Fatalf("parties = %+v", ed.a.Parties)
	}
	if !strings.Contains(ed.problems.Text, "Say what party 3 will do: its responsibilities.") {
		t.Fatalf("the new party's missing responsibilities are not shown: %q", ed.problems.Text)
	}
	test.Tap(button(t, as.pane, "Save"))
	settle(t)
	if f.store.Count(data.KindAgreement) != 2 || !ed.dirty {
		t.Fatal("saved with a problem still shown")
	}
	responsibilities := find[*widget.Entry](as.pane)
	var third *widget.Entry
	for _, e := range responsibilities {
		if e.MultiLine && e.Text == "" && e.PlaceHolder == "What this party will do, one point per line" {
			third = e
		}
	}
	if third == nil {
		t.Fatal("no empty responsibilities box for the new party")
	}
	test.Type(third, "Lend tables for events")
	settle(t)
	if ed.problems.Text != "" {
		t.Fatalf("problems left: %q", ed.problems.Text)
	}
	press(t, w, fyne.KeyS)
	settle(t)
	if ed.dirty || ed.a.ID == "" || f.store.Count(data.KindAgreement) != 3 {
		t.Fatalf("not saved: dirty %v, id %q, problems %q", ed.dirty, ed.a.ID, ed.problems.Text)
	}
	saved := data.Lookup[data.Agreement](f.store, ed.a.ID)
	if saved.Name != templates[1].Title+" — Northside Library" || len(saved.Clauses) != len(templates[1].Clauses) || len(saved.PartnerIDs()) != 2 {
		t.Fatalf("stored agreement = %+v", saved)
	}

	test.Tap(button(t, as.pane, "Open PDF to print"))
	settle(t)
	eventually(t, "the print to be recorded", func() bool { return len(data.PrintsOf(f.store, ed.a.ID)) == 1 })
	if a := data.Lookup[data.Agreement](f.store, ed.a.ID); a.Rev != saved.Rev || ed.dirty {
		t.Fatalf("printing changed the agreement (revision %d → %d) or the form (dirty %v)", saved.Rev, a.Rev, ed.dirty)
	}
	var files []string
	eventually(t, "the PDF to be written for the viewer", func() bool {
		files, _ = filepath.Glob(filepath.Join(f.store.Dir(), "printed", "*.pdf"))
		b, _ := os.ReadFile(strings.Join(files, ""))
		return len(files) == 1 && strings.HasSuffix(strings.TrimSpace(string(b)), "%%EOF")
	})
	if b, _ := os.ReadFile(files[0]); !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatal("the printed file is not a PDF")
	}
}

// openDraft saves a draft agreement with the café and opens it in the window.
func openDraft(t *testing.T, f *fixture) (*shell, fyne.Window, *data.Agreement) {
	t.Helper()
	return openDraftWith(t, f, func(*data.Agreement) {})
}

// openDraftWith is openDraft with something more written into the draft before it is saved.
func openDraftWith(t *testing.T, f *fixture, also func(*data.Agreement)) (*shell, fyne.Window, *data.Agreement) {
	t.Helper()
	draft := f.agreement("Reading circle", f.cafe.ID, today.AddDays(200))
	draft.Status = data.StatusDraft
	for i := range draft.Parties {
		draft.Parties[i].Signatory.SignedOn = data.Date{}
	}
	also(draft)
	f.save(t, draft)
	settle(t)
	sh, w := showShell(t, f.store)
	sh.open(sh.agreements, draft.ID)
	settle(t)
	return sh, w, draft
}

func TestLifecycleButtonsSendSignAndRenew(t *testing.T) {
	f := newFixture(t)
	sh, w, draft := openDraft(t, f)
	as := sh.agreements
	eventually(t, "the draft to open", func() bool { return strings.Contains(textOf(as.pane), "Reading circle") })

	test.Tap(button(t, as.pane, "Send for signature"))
	settle(t)
	if got := data.Lookup[data.Agreement](f.store, draft.ID); got.Status != data.StatusSent || got.SentOn != today {
		t.Fatalf("after sending: %s on %s", got.Status, got.SentOn)
	}
	test.Tap(button(t, as.pane, "Record signatures…"))
	settle(t)
	form := w.Canvas().Overlays().Top()
	for _, e := range find[*widget.DateEntry](form) {
		d := today.AddDays(-1).Time()
		e.SetDate(&d)
	}
	test.Tap(button(t, form, "Save"))
	settle(t)
	got := data.Lookup[data.Agreement](f.store, draft.ID)
	if got.Status != data.StatusSigned || !got.AllSigned() {
		t.Fatalf("after recording both signatures: %s", got.Status)
	}
	if cafe := data.Lookup[data.Partner](f.store, f.cafe.ID); cafe.Stage != data.StageActive || !strings.Contains(topDialog(sh.win), "now marked as active: Café Solidaire") {
		t.Fatalf("after signing, the café is %s and the window says:\n%s", cafe.Stage, topDialog(sh.win))
	}
	closeTopDialog(sh.win.Canvas())
	test.Tap(button(t, as.pane, "Renew…"))
	settle(t)
	renewal := as.editor.a
	if renewal.RenewalOf != draft.ID || renewal.Status != data.StatusDraft || renewal.Start != draft.End.AddDays(1) || !as.editor.dirty {
		t.Fatalf("renewal = %+v", renewal)
	}
}

func TestUnsavedChangesAreNotLostWithoutAsking(t *testing.T) {
	_, sh, w := openSoonAgreement(t)
	as := sh.agreements
	eventually(t, "the agreement to open", func() bool { return strings.Contains(textOf(as.pane), "Homework club") })
	as.editor.a.Purpose = "Typed but not saved"
	as.editor.changed()
	sh.nav.Select(1) // Partners
	settle(t)
	if sh.current != sh.entries[2] || w.Canvas().Overlays().Top() == nil {
		t.Fatal("switching screens did not ask about unsaved changes")
	}
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Cancel"))
	settle(t)
	if as.editor.a.Purpose != "Typed but not saved" || sh.current != sh.entries[2] {
		t.Fatal("keeping editing lost the change")
	}
}

func TestSignedCopyIsKeptListedAndOpened(t *testing.T) {
	f, sh, _ := openSoonAgreement(t)
	as := sh.agreements
	eventually(t, "the agreement to open", func() bool { return strings.Contains(textOf(as.pane), "Homework club") })
	scan := []byte("%PDF-1.4 a scanned signature page")
	as.editor.attach(f.store.KeepSignedCopy("signed copy.pdf", scan, now()))
	settle(t)
	stored := data.Lookup[data.Agreement](f.store, f.soon.ID)
	if len(stored.Attachments) != 1 || stored.Attachments[0].MIME != "application/pdf" {
		t.Fatalf("attachments = %+v", stored.Attachments)
	}
	if !strings.Contains(textOf(as.pane), "signed copy.pdf") {
		t.Fatal("the signed copy is not listed")
	}
	test.Tap(button(t, as.pane, "Open"))
	settle(t)
	if b, err := os.ReadFile(filepath.Join(f.store.Dir(), "printed", "signed copy.pdf")); err != nil || string(b) != string(scan) {
		t.Fatalf("opened copy: %q, %v", b, err)
	}
	as.editor.attach(f.store.KeepSignedCopy("notes.docx", []byte("PK\x03\x04"), now()))
	settle(t)
	if n := len(data.Lookup[data.Agreement](f.store, f.soon.ID).Attachments); n != 1 {
		t.Fatalf("a Word file was kept: %d attachments", n)
	}
}
