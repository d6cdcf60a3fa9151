package ui

import (
	"image/color"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

func TestTabLeavesEveryMultiLineField(t *testing.T) {
	_, sh, _ := openSoonAgreement(t)
	long := 0
	walk(sh.agreements.pane, func(o fyne.CanvasObject) {
		switch e := o.(type) {
		case *longEntry:
			long++
			if e.AcceptsTab() {
				t.Error("a multi-line field keeps Tab for itself")
			}
		case *widget.Entry:
			if e.MultiLine {
				t.Errorf("a multi-line field that traps Tab: %q", e.PlaceHolder)
			}
		}
	})
	if long < 5 {
		t.Fatalf("%d multi-line fields in the agreement form, want the purpose, background, responsibilities…", long)
	}
}

func TestNewPartnerStartsInItsNameField(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	navigate(t, sh, partnersID)
	press(t, w, fyne.KeyN)
	e := entryOf(w.Canvas().Focused())
	if e == nil || e != find[*widget.Entry](sh.partners.pane)[0] {
		t.Fatalf("after Ctrl+N the keyboard is on %T, not the name field", w.Canvas().Focused())
	}
	test.Type(e, "Hill School")
	if sh.partners.editor.p.Name != "Hill School" {
		t.Fatalf("typing went to %q", sh.partners.editor.p.Name)
	}
}

func TestReturnPressesAFocusedPrimaryButtonAndFocusShows(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&look{Theme: theme.DefaultTheme(), variant: "light", scale: 1})
	w := a.NewWindow("keys")
	pressed := 0
	b := newKeyButton("Next", nil, func() { pressed++ })
	b.Importance = widget.HighImportance
	w.SetContent(b)
	w.Resize(fyne.NewSize(200, 60))
	before := w.Canvas().Capture().At(4, 30)
	w.Canvas().Focus(b)
	after := w.Canvas().Capture().At(4, 30)
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if pressed != 2 {
		t.Fatalf("Return and Space pressed the button %d times, want 2", pressed)
	}
	if distance(before, after) < 40 {
		t.Fatalf("a focused primary button looks the same as an unfocused one: %v, %v", before, after)
	}
}

func distance(a, b color.Color) int {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) int {
		if x > y {
			return int(x-y) >> 8
		}
		return int(y-x) >> 8
	}
	return d(r1, r2) + d(g1, g2) + d(b1, b2)
}

func TestARemovedPersonCanBePutBack(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	sh.open(sh.partners, f.library.ID)
	settle(t)
	ps := sh.partners
	test.Tap(button(t, ps.pane, "Remove"))
	if len(ps.editor.p.Contacts) != 0 || !ps.editor.dirty {
		t.Fatal("Remove did not remove the person")
	}
	test.Tap(button(t, ps.pane, "Undo"))
	if got := ps.editor.p.Contacts; len(got) != 1 || got[0].Name != "Ελένη Παπαδοπούλου" {
		t.Fatalf("Undo gave back %+v", got)
	}
	if stored := data.Lookup[data.Partner](f.store, f.library.ID); len(stored.Contacts) != 1 {
		t.Fatal("the stored partner changed before saving")
	}
}

func TestPickersAnswerTheKeyboard(t *testing.T) {
	f := newFixture(t)
	_, w := showShell(t, f.store)
	var chosen *data.Partner
	pickPartner(f.store, w, func(p *data.Partner) { chosen = p })
	settle(t)
	box, ok := w.Canvas().Focused().(*searchBox)
	if !ok {
		t.Fatalf("the picker opens with the keyboard on %T, not its search box", w.Canvas().Focused())
	}
	test.Type(box, "caf")
	settle(t)
	box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if chosen == nil || chosen.ID != f.cafe.ID {
		t.Fatalf("Return after typing chose %v, want the café", chosen)
	}
	chosen = nil
	pickPartner(f.store, w, func(p *data.Partner) { chosen = p })
	settle(t)
	box = w.Canvas().Focused().(*searchBox)
	box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	list, ok := w.Canvas().Focused().(*keyList)
	if !ok {
		t.Fatalf("Down moved the keyboard to %T, not the list", w.Canvas().Focused())
	}
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if names := data.List[data.Partner](f.store); chosen == nil || chosen.ID != names[1].ID {
		t.Fatalf("Down, Down, Return chose %v, want the second partner %s", chosen, names[1].Name)
	}
}

func TestProblemsNeverMoveTheForm(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	ed := sh.partners.editor
	name := entryHolding(t, sh.partners.pane, "Café Solidaire")
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(name)
	name.SetText("")
	ed.p.Email = "not an address"
	ed.changed()
	w.Resize(fyne.NewSize(1100, 721)) // lays the window out again, as the next frame would
	w.Resize(fyne.NewSize(1100, 720))
	if moved := fyne.CurrentApp().Driver().AbsolutePositionForObject(name); moved != at {
		t.Fatalf("showing the problems moved the name field from %v to %v", at, moved)
	}
	press(t, w, fyne.KeyS)
	if text := topDialog(w); !strings.Contains(text, "Give the partner a name.") || !strings.Contains(text, "does not look like an email address") {
		t.Fatalf("saving with problems does not list them all:\n%s", text)
	}
}

func TestAWheelNotchScrollsAFormByAboutThreeLines(t *testing.T) {
	_, sh, _ := openSoonAgreement(t)
	scroll := find[*pageScroll](sh.agreements.pane)[0]
	scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)}) // one notch down, as Fyne reports it
	if line := theme.Size(theme.SizeNameText); scroll.Offset.Y < 2.5*line {
		t.Fatalf("a notch scrolled the agreement form %.0f px, under three lines of %.0f px", scroll.Offset.Y, line)
	}
}

func TestAFieldTheKeyboardReachesBelowTheFoldIsScrolledIntoView(t *testing.T) {
	_, sh, w := openSoonAgreement(t)
	scroll := find[*pageScroll](sh.agreements.pane)[0]
	d := fyne.CurrentApp().Driver()
	var last fyne.CanvasObject // the field itself: the entry inside one of Accord's fields is not on the window
	walk(scroll.Content, func(e fyne.CanvasObject) {
		if entryOf(e) != nil && e.Visible() && (last == nil || d.AbsolutePositionForObject(e).Y > d.AbsolutePositionForObject(last).Y) {
			last = e
		}
	})
	if d.AbsolutePositionForObject(last).Y < d.AbsolutePositionForObject(scroll).Y+scroll.Size().Height {
		t.Fatal("the test needs a field below the fold")
	}
	w.Canvas().Focus(last.(fyne.Focusable))
	if !scroll.bringIntoView(last.(fyne.Focusable)) {
		t.Fatal("the page does not know the field is in it")
	}
	bottom := d.AbsolutePositionForObject(scroll).Y + scroll.Size().Height
	if at := d.AbsolutePositionForObject(last).Y; at+last.Size().Height > bottom+1 || scroll.Offset.Y == 0 {
		t.Fatalf("the focused field is at %.0f, the page ends at %.0f (scrolled %.0f)", at, bottom, scroll.Offset.Y)
	}
}

func TestTheKeyboardFollowsAnAddedOrRemovedPerson(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	test.Tap(button(t, sh.partners.pane, "Add a person"))
	e := entryOf(w.Canvas().Focused())
	if e == nil || len(sh.partners.editor.p.Contacts) != 1 {
		t.Fatalf("after Add a person the keyboard is on %T", w.Canvas().Focused())
	}
	test.Type(e, "Zoé Martin")
	if got := sh.partners.editor.p.Contacts[0].Name; got != "Zoé Martin" {
		t.Fatalf("typing after Add a person went to %q", got)
	}
	test.Tap(button(t, sh.partners.pane, "Remove"))
	if b, ok := w.Canvas().Focused().(*widget.Button); !ok || b.Text != "Undo" {
		t.Fatalf("after Remove the keyboard is on %v, not Undo", w.Canvas().Focused())
	}
}

func TestReturnInADialogsFieldPressesItsDefaultButton(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	ds := navigate(t, sh, dashboardID).(*dashboardScreen)
	ds.onAnnualReport()
	year := entryOf(w.Canvas().Focused())
	if year == nil {
		t.Fatalf("the annual report's question starts on %T, not the year", w.Canvas().Focused())
	}
	year.SetText("2026")
	year.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(t)
	if files, _ := filepath.Glob(filepath.Join(f.store.Dir(), "printed", "Annual report 2026*.pdf")); len(files) != 1 {
		t.Fatalf("Return in the year field printed %v", files)
	}
}

// The wheel over a field scrolls the page, as it does over a label: Fyne gives it to the field's own
// scroller, which has nothing to scroll.
func TestTheWheelScrollsAFormOverItsFields(t *testing.T) {
	_, sh, w := openSoonAgreement(t)
	scroll := find[*pageScroll](sh.agreements.pane)[0]
	d := fyne.CurrentApp().Driver()
	single := find[*field](scroll.Content)[0]
	long := find[*longEntry](scroll.Content)[0]
	for _, field := range []fyne.CanvasObject{single, long} {
		scroll.ScrollToTop()
		at := d.AbsolutePositionForObject(field).Add(fyne.NewPos(5, 5))
		test.Scroll(w.Canvas(), at, 0, -25)
		if scroll.Offset.Y == 0 {
			t.Fatalf("a notch over a %T did not scroll the form", field)
		}
	}
}

// A long field grows with its text instead of scrolling inside the form.
func TestALongFieldGrowsWithItsText(t *testing.T) {
	_, sh, _ := openSoonAgreement(t)
	long := find[*longEntry](sh.agreements.pane)[0]
	before := long.MinSize().Height
	long.SetText(strings.Repeat("Both parties share the hall on weekday evenings. ", 40))
	if after := long.MinSize().Height; after < 2*before {
		t.Fatalf("a long text left the field %.0f px high (was %.0f)", after, before)
	}
}
