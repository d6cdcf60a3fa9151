package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// A volunteer adds a kind of partner in Settings → Lists…, picks it in the partner editor and saves; a
// built-in kind hidden there is no longer offered, and the partner list shows the new kind as typed.
func TestAKindAddedInListsIsPickedInThePartnerEditor(t *testing.T) {
	f := newFixture(t)
	sh, w, lists := fromSettings(t, f, "Lists…")
	if text := textOf(lists); !strings.Contains(text, "community organisation") || !strings.Contains(text, "Kinds of resource") {
		t.Fatalf("the lists dialog says:\n%s", text)
	}
	test.Tap(button(t, lists, "Add an entry…")) // on the first tab: kinds of partner
	settle(t)
	dialog := w.Canvas().Overlays().Top()
	test.Type(find[*field](dialog)[0], "Allotment society")
	test.Tap(button(t, dialog, "Add"))
	settle(t)
	lists = w.Canvas().Overlays().Top()
	if text := textOf(lists); !strings.Contains(text, "Allotment society — 0 records") {
		t.Fatalf("the list after adding says:\n%s", text)
	}
	// Hide "media": the row of media is the tenth built-in; its Hide button is the tenth.
	tab := find[*container.AppTabs](lists)[0].Items[0].Content
	hides := slices.DeleteFunc(find[*widget.Button](tab), func(b *widget.Button) bool { return b.Text != "Hide" })
	test.Tap(hides[slices.Index(data.PartnerKinds, data.PartnerMedia)])
	settle(t)
	if text := textOf(w.Canvas().Overlays().Top()); !strings.Contains(text, "media — 0 records — hidden") {
		t.Fatalf("after hiding media:\n%s", text)
	}
	w.Canvas().Overlays().Top().Hide()

	sh.open(sh.partners, f.library.ID)
	settle(t)
	ps := sh.partners
	kind := first(t, w.Canvas().Content(), "the kind drop-down", func(d *dropDown) bool {
		return slices.Contains(d.Options, "Allotment society")
	})
	if slices.Contains(kind.Options, "media") {
		t.Errorf("a hidden kind is offered: %q", kind.Options)
	}
	kind.SetSelected("Allotment society")
	settle(t)
	press(t, w, fyne.KeyS)
	settle(t)
	if got := data.Lookup[data.Partner](f.store, f.library.ID).PartnerKind; got != "Allotment society" {
		t.Fatalf("the partner was saved with kind %q (problems %q)", got, ps.editor.problems.Text)
	}
}

// Focus areas are tags: typing suggests the areas other partners use, a suggestion or Return adds one, a
// tag's button removes it, and words typed but not yet added are saved too.
func TestFocusAreasAreTagsWithSuggestions(t *testing.T) {
	f := newFixture(t)
	f.save(t, &data.Partner{Name: "Tenants Together", PartnerKind: data.PartnerResidents, Stage: data.StageActive, FocusAreas: []string{"youth", "housing"}})
	settle(t)
	sh, w := showShell(t, f.store)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	input := first(t, w.Canvas().Content(), "the focus areas input", func(e *field) bool {
		return e.PlaceHolder == "Type a focus area and press Return: youth, housing…"
	})
	area := w.Canvas().Content()
	test.Type(input, "HOU")
	settle(t)
	test.Tap(button(t, area, "housing"))
	settle(t)
	if input.Text != "" || w.Canvas().Focused() != input {
		t.Errorf("after taking a suggestion the input holds %q and has the focus: %v", input.Text, w.Canvas().Focused() == input)
	}
	test.Tap(button(t, area, "food security")) // removes it
	test.Type(input, "allotments")
	input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(input, "older people") // not added with Return: saved all the same
	settle(t)
	press(t, w, fyne.KeyS)
	settle(t)
	got := data.Lookup[data.Partner](f.store, f.cafe.ID).FocusAreas
	if want := []string{"housing", "allotments", "older people"}; !slices.Equal(got, want) {
		t.Fatalf("saved focus areas %q; want %q", got, want)
	}
}
