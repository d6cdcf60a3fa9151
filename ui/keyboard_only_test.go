package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// keyboard drives the window as a volunteer without a mouse does: shortcuts, Tab, typing and the keys a
// focused widget answers — never a tap.
type keyboard struct {
	t *testing.T
	w fyne.Window
}

func (k keyboard) focused() fyne.Focusable {
	k.t.Helper()
	f := k.w.Canvas().Focused()
	if f == nil {
		k.t.Fatal("nothing has the keyboard")
	}
	return f
}

// write types text into what has the keyboard.
func (k keyboard) write(text string) {
	k.t.Helper()
	f := k.focused()
	for _, r := range text {
		f.TypedRune(r)
	}
	settle(k.t)
}

func (k keyboard) key(name fyne.KeyName) {
	k.t.Helper()
	k.focused().TypedKey(&fyne.KeyEvent{Name: name})
	settle(k.t)
}

// tab is the Tab key as the window handles it: to a field that keeps Tab for itself (a tab character
// typed), else to the next thing that takes the keyboard.
func (k keyboard) tab() {
	if f, ok := k.w.Canvas().Focused().(fyne.Tabbable); ok && f.AcceptsTab() {
		f.(fyne.Focusable).TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	k.w.Canvas().FocusNext()
}

// tabUntil presses Tab until the keyboard is on what is wanted.
func (k keyboard) tabUntil(what string, wanted func(fyne.Focusable) bool) {
	k.t.Helper()
	for range 300 {
		k.tab()
		if wanted(k.w.Canvas().Focused()) {
			return
		}
	}
	k.t.Fatalf("Tab never reaches %s", what)
}

// tabTo presses Tab until the keyboard is on the button with the label.
func (k keyboard) tabTo(label string) {
	k.t.Helper()
	k.tabUntil(label, func(f fyne.Focusable) bool {
		o, ok := f.(fyne.CanvasObject)
		if !ok {
			return false
		}
		b := asButton(o)
		return b != nil && b.Text == label
	})
}

// The test of a keyboard user: a partner with two people, an agreement drafted with it, its
// signatures recorded and an evaluation logged, all without the mouse.
func TestAVolunteerWithoutAMouse(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	k := keyboard{t, w}

	press(t, w, fyne.Key2)
	press(t, w, fyne.KeyN)
	k.write("Hill School")
	for _, person := range []string{"Amara Okafor", "Ben Ortiz"} {
		k.tabTo("Add a person")
		k.key(fyne.KeySpace)
		k.write(person)
	}
	press(t, w, fyne.KeyS)
	hill := partnerNamed(t, f, "Hill School")
	if len(hill.Contacts) != 2 || hill.Contacts[1].Name != "Ben Ortiz" {
		t.Fatalf("the partner saved by keyboard: %+v", hill.Contacts)
	}

	press(t, w, fyne.Key3)
	press(t, w, fyne.KeyN)
	k.key(fyne.KeyReturn) // Start, from the first template
	k.tabTo("Choose another partner…")
	k.key(fyne.KeySpace)
	k.write("Hill")
	k.key(fyne.KeyReturn)
	press(t, w, fyne.KeyS)
	ed := sh.agreements.editor
	a := data.Lookup[data.Agreement](f.store, ed.a.ID)
	if a == nil || len(a.Parties) != 2 || a.Parties[1].PartnerID != hill.ID {
		t.Fatalf("the agreement saved by keyboard: %+v", a)
	}
	k.tabTo("Send for signature")
	k.key(fyne.KeySpace)
	k.tabTo("Record signatures…")
	k.key(fyne.KeySpace)
	signed := dateAsTyped(today.AddDays(-1))
	first := k.focused()
	k.write(signed) // our signature: the keyboard starts in the first date
	// then past its calendar button to the partner's date
	k.tabUntil("the second date", func(f fyne.Focusable) bool { return f != first && entryOf(f) != nil })
	k.write(signed)
	k.key(fyne.KeyReturn) // Save
	a = data.Lookup[data.Agreement](f.store, ed.a.ID)
	if !a.AllSigned() {
		t.Fatalf("after recording the signatures by keyboard (%q): %s; the window says:\n%s", signed, a.Status, topDialog(w))
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) // the note that Hill School is now active

	press(t, w, fyne.Key4)
	press(t, w, fyne.KeyN)
	k.write("Hill")
	k.key(fyne.KeyReturn) // the agreement with Hill School
	k.tabTo("Add a respondent")
	k.key(fyne.KeySpace)
	k.write("Amara Okafor")
	k.tabUntil("their first score", isScore) // past who they speak for and their role
	k.key(fyne.KeySpace)
	k.key(fyne.KeyDown)
	k.key(fyne.KeyDown)
	k.key(fyne.KeyReturn)
	press(t, w, fyne.KeyS)
	var logged *data.Evaluation
	for _, e := range data.List[data.Evaluation](f.store) {
		if e.AgreementID == a.ID {
			logged = e
		}
	}
	if logged == nil || len(logged.Respondents) != 1 || logged.Respondents[0].Name != "Amara Okafor" || len(logged.Respondents[0].Scores) != 1 {
		t.Fatalf("the evaluation logged by keyboard: %+v", logged.Respondents)
	}
	for _, score := range logged.Respondents[0].Scores {
		if score.Value != 1 {
			t.Fatalf("Space, Down, Down, Return on the first score chose %d, want 1", score.Value)
		}
	}
}

func isScore(f fyne.Focusable) bool {
	d, ok := f.(*dropDown)
	return ok && d.Options[0] == "skip"
}

// dateAsTyped is a date as a date field shows it, and so as a volunteer types it.
func dateAsTyped(d data.Date) string {
	probe := widget.NewDateEntry()
	at := d.Time()
	probe.SetDate(&at)
	return probe.Text
}

func partnerNamed(t *testing.T, f *fixture, name string) *data.Partner {
	t.Helper()
	for _, p := range data.List[data.Partner](f.store) {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	t.Fatalf("no partner %q saved", name)
	return nil
}
