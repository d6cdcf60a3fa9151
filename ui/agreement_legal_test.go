package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// TestLegalTermsAndTranslations drives the editor of a draft: binding only in named sections asks for
// the governing law, and a second language opens a translation field under each text; saved, the
// agreement holds what was chosen and typed.
func TestLegalTermsAndTranslations(t *testing.T) {
	f := newFixture(t)
	sh, w, draft := openDraft(t, f)
	ed, pane := sh.agreements.editor, sh.agreements.pane
	sections := find[*widget.Accordion](pane)[0]
	for i, item := range sections.Items {
		if item.Title == "Legal terms and annexes" {
			sections.Open(i)
		}
	}
	settle(t)
	law := entryWithPlaceholder(t, pane, "For example: the law of England and Wales")
	if shownIn(pane, law) {
		t.Fatal("the governing law is asked of an agreement that binds in no part")
	}
	radio := find[*widget.RadioGroup](pane)[0]
	radio.SetSelected("Not binding, except some sections")
	settle(t)
	check(t, pane, "Confidentiality").SetChecked(true)
	settle(t)
	if !shownIn(pane, law) || !strings.Contains(ed.problems.Text, "Say which law governs the agreement") {
		t.Fatalf("binding sections do not ask for the law: visible %v, problems %q", shownIn(pane, law), ed.problems.Text)
	}
	test.Type(law, "the law of Ireland")
	translation := entryWithPlaceholder(t, pane, "The same text in the second language")
	if shownIn(pane, translation) {
		t.Fatal("a translation is asked of an agreement in one language")
	}
	selects := find[*widget.Select](pane)
	for _, s := range selects {
		if s.Options[0] == "None: one language" {
			s.SetSelected("Español")
		}
	}
	settle(t)
	if !shownIn(pane, translation) {
		t.Fatal("choosing a second language shows no translation field")
	}
	test.Type(translation, "Un círculo de lectura.")
	settle(t)
	press(t, w, fyne.KeyS)
	settle(t)
	saved := data.Lookup[data.Agreement](f.store, draft.ID)
	if ed.dirty || saved.GoverningLaw != "the law of Ireland" || saved.LegallyBinding ||
		len(saved.BindingSections) != 1 || saved.BindingSections[0] != data.BindingConfidentiality || saved.SecondLanguage != "es" {
		t.Fatalf("not saved as chosen: dirty %v, problems %q, %+v", ed.dirty, ed.problems.Text, saved)
	}
	if got := saved.Translations[data.TextPurpose]; got != "Un círculo de lectura." {
		t.Fatalf("the purpose's translation is %q", got)
	}
}

// A bilingual edition prints each clause's heading and each annex's title in both languages: the editor
// asks for them under the heading and the title, and keeps them with the clause and annex.
func TestHeadingsAreTranslatedInTheEditor(t *testing.T) {
	f := newFixture(t)
	sh, w, draft := openDraftWith(t, f, func(a *data.Agreement) {
		a.SecondLanguage = "es"
		a.Clauses = []data.Clause{{Heading: "Meeting place", Text: "The café's back room."}}
		a.Annexes = []data.Annex{{Title: "Reading list", Text: "Ten books a term."}}
	})
	pane := sh.agreements.pane
	sections := find[*widget.Accordion](pane)[0]
	for i := range sections.Items {
		sections.Open(i)
	}
	settle(t)
	var headings []*widget.Entry
	for _, e := range find[*widget.Entry](pane) {
		if e.PlaceHolder == "The same heading in the second language" && shownIn(pane, e) {
			headings = append(headings, e)
		}
	}
	if len(headings) != 2 {
		t.Fatalf("%d heading translations shown, want the clause's and the annex's", len(headings))
	}
	test.Type(headings[0], "Lugar de reunión")
	test.Type(headings[1], "Lista de lecturas")
	press(t, w, fyne.KeyS)
	settle(t)
	saved := data.Lookup[data.Agreement](f.store, draft.ID)
	c, x := saved.Clauses[0].Translation, saved.Annexes[0].Translation
	if c == nil || c.Heading != "Lugar de reunión" || c.Text != "" || x == nil || x.Heading != "Lista de lecturas" {
		t.Fatalf("saved translations: clause %+v, annex %+v (problems %q)", c, x, sh.agreements.editor.problems.Text)
	}
}

// shownIn says whether o is on screen in root: it and every container around it are visible.
func shownIn(root, o fyne.CanvasObject) bool {
	found := false
	var visit func(c fyne.CanvasObject)
	visit = func(c fyne.CanvasObject) {
		if found || !c.Visible() {
			return
		}
		if unwrapped(c) == o || c == o {
			found = true
			return
		}
		switch x := c.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				visit(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				visit(child)
			}
		}
	}
	visit(root)
	return found
}

// entryWithPlaceholder finds the first entry showing a placeholder.
func entryWithPlaceholder(t *testing.T, o fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	return first(t, o, "entry showing "+placeholder, func(e *widget.Entry) bool { return e.PlaceHolder == placeholder })
}

// check finds a tick box by the words beside it.
func check(t *testing.T, o fyne.CanvasObject, label string) *widget.Check {
	t.Helper()
	return first(t, o, label+" tick box", func(w *checkWords) bool { return w.Text == label }).check
}

// first finds the first widget of its type in a tree that matches, or fails the test naming what.
func first[W fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, what string, match func(W) bool) W {
	t.Helper()
	for _, w := range find[W](o) {
		if match(w) {
			return w
		}
	}
	t.Fatalf("no %s", what)
	var none W
	return none
}
