package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/assets"
	"accord/i18n"
)

// selectIn finds the drop-down under a label on a screen.
func selectIn(t *testing.T, o fyne.CanvasObject, label string) *widget.Select {
	t.Helper()
	var found *widget.Select
	walk(o, func(o fyne.CanvasObject) {
		if box, ok := o.(*fyne.Container); ok && len(box.Objects) == 2 {
			if l, ok := box.Objects[0].(*widget.Label); ok && l.Text == label {
				found, _ = unwrapped(box.Objects[1]).(*widget.Select)
			}
		}
	})
	if found == nil {
		t.Fatalf("no %q choice", label)
	}
	return found
}

func TestColoursAndTextSizeApplyAtOnceAndAreRemembered(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	ss := showScreen[*settingsScreen](t, sh)
	a := fyne.CurrentApp()
	normal := theme.DefaultTheme().Size(theme.SizeNameText)

	selectIn(t, ss.body, "Colours").SetSelected("Dark")
	selectIn(t, ss.body, "Text size").SetSelected("Largest")
	th := a.Settings().Theme()
	if got, want := th.Color(theme.ColorNameBackground, theme.VariantLight), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); got != want {
		t.Errorf("dark colours chosen, background %v, want %v", got, want)
	}
	if got := th.Size(theme.SizeNameText); got != normal*1.5 {
		t.Errorf("largest text is %v, want %v", got, normal*1.5)
	}
	if a.Preferences().String(prefTheme) != "dark" || a.Preferences().Float(prefTextSize) != 1.5 {
		t.Error("the choices are not remembered for the next start")
	}
	selectIn(t, ss.body, "Text size").SetSelected("Normal")
	if got := a.Settings().Theme().Size(theme.SizeNameText); got != normal {
		t.Errorf("normal text is %v, want %v", got, normal)
	}
}

// TestEveryScreenSpeaksSpanish chooses Spanish in Settings and visits every screen, with a record open
// where a screen has records: no text a user reads may still be an English sentence that has a Spanish
// translation. Fyne's own words (dialog buttons) must follow too.
func TestEveryScreenSpeaksSpanish(t *testing.T) {
	defer i18n.SetLanguage("en")
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	ss := showScreen[*settingsScreen](t, sh)
	selectIn(t, ss.body, "Language").SetSelected("Español")
	if i18n.Language() != "es" || fyne.CurrentApp().Preferences().String(prefLanguage) != "es" {
		t.Fatalf("language is %q after choosing Spanish", i18n.Language())
	}
	if got := lang.L("Cancel"); got != "Cancelar" {
		t.Errorf("Fyne's Cancel button reads %q in Spanish", got)
	}
	if text := textOf(content(w)); !strings.Contains(text, i18n.T("Partners")) || strings.Contains(text, "Dashboard\n") {
		t.Fatalf("the window was not built again in Spanish:\n%s", text)
	}
	english := englishSentences(t)
	spanish := showData(w, f.store, dashboardID)
	for _, e := range spanish.entries {
		spanish.goTo(e.id)
		if s, ok := e.screen.(interface{ selectID(string) }); ok {
			for _, id := range []string{f.library.ID, f.soon.ID} {
				s.selectID(id)
				settle(t)
			}
		}
		for _, line := range strings.Split(textOf(content(w)), "\n") {
			if english[strings.TrimSpace(line)] {
				t.Errorf("%s shows %q in English", e.label, line)
			}
		}
	}
}

// englishSentences are the catalogue's sentences whose Spanish differs, so a screen showing one is
// showing English.
func englishSentences(t *testing.T) map[string]bool {
	read := func(lang string) map[string]string {
		b, err := assets.Translations().(interface{ ReadFile(string) ([]byte, error) }).ReadFile(lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		table := map[string]string{}
		if err := json.Unmarshal(b, &table); err != nil {
			t.Fatal(err)
		}
		return table
	}
	es := read("es")
	out := map[string]bool{}
	for k := range read("en") {
		if es[k] != "" && es[k] != k && !strings.Contains(k, "%") {
			out[k] = true
		}
	}
	return out
}

func TestKeyboardReachesEveryScreenFindsAndClosesDialogs(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	press(t, w, fyne.Key2)
	settle(t)
	ps, ok := sh.current.screen.(*partnersScreen)
	if !ok {
		t.Fatalf("Ctrl+2 shows %s, want Partners", sh.current.label)
	}
	press(t, w, fyne.KeyF)
	settle(t)
	if w.Canvas().Focused() != ps.query {
		t.Error("Ctrl+F does not put the keyboard in the search box")
	}
	press(t, w, fyne.Key0)
	settle(t)
	if sh.current.label != "Settings" {
		t.Errorf("Ctrl+0 shows %s, want Settings", sh.current.label)
	}
	closed := false
	d := dialog.NewConfirm("Question", "Really?", func(ok bool) { closed = !ok }, w)
	d.Show()
	settle(t)
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed || w.Canvas().Overlays().Top() != nil {
		t.Error("Escape does not close a dialog as its No button would")
	}
}

func TestEscapeInASearchBoxClosesItsPickerOrClearsTheSearch(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	as := navigate(t, sh, agreementsID).(*agreementsScreen)
	test.Tap(as.partnerB)
	settle(t)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no partner picker opened")
	}
	box := find[*searchBox](top)[0]
	test.Type(box, "lib")
	settle(t)
	box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	settle(t)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape in the picker's search box does not close the picker")
	}
	ps := navigate(t, sh, partnersID).(*partnersScreen)
	test.Type(ps.query, "caf")
	settle(t)
	ps.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	settle(t)
	if ps.query.Text != "" {
		t.Errorf("Escape in the search box leaves %q", ps.query.Text)
	}
}
