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

// From the network map's "Kinds of relation…", Settings → Lists… opens on the kinds of relation. The
// group's own "loans kit to" merged into "works with" takes its relation along and goes to the Trash;
// "funds" hidden is no longer offered for a new relation, while the relation that has it still shows it
// and is still offered it, and shown again it is offered again.
func TestAKindOfRelationIsMergedAndHiddenInLists(t *testing.T) {
	f := newFixture(t)
	f.withRelations(t)
	loans, lends := &data.RelationType{Name: "loans kit to"}, &data.RelationType{Name: "lends equipment to"}
	f.save(t, loans, lends)
	kit := &data.Relation{From: data.PartnerEnd(f.cafe.ID), To: data.PartnerEnd(f.library.ID), Type: loans.ID, Status: data.RelationCurrent}
	f.save(t, kit)
	sh, w := showShell(t, f.store)
	ns := showNetwork(t, sh)
	test.Tap(button(t, ns.shell.current.view, "Kinds of relation…"))
	settle(t)
	lists := w.Canvas().Overlays().Top()
	rowOf := func(label string) fyne.CanvasObject {
		t.Helper()
		tabs := find[*container.AppTabs](w.Canvas().Overlays().Top())[0]
		if tabs.Selected().Text != "Kinds of relation" {
			t.Fatalf("the lists open on %q", tabs.Selected().Text)
		}
		return first(t, tabs.Selected().Content, label, func(c *fyne.Container) bool {
			return len(c.Objects) == 2 && strings.HasPrefix(textOf(c), label)
		})
	}
	if text := textOf(rowOf("loans kit to")); !strings.Contains(text, "loans kit to — 1 relation") {
		t.Fatalf("the group's own kind reads:\n%s", text)
	}
	test.Tap(button(t, rowOf("loans kit to"), "Merge into…"))
	settle(t)
	dialog := w.Canvas().Overlays().Top()
	into := find[*dropDown](dialog)[0]
	if !slices.Contains(into.Options, "lends equipment to") || slices.Contains(into.Options, "loans kit to") {
		t.Errorf("the kinds to merge into: %q", into.Options)
	}
	into.SetSelected("works with")
	test.Tap(button(t, dialog, "Merge"))
	settle(t)
	eventually(t, "the relation to take the kind merged into", func() bool {
		return data.Lookup[data.Relation](f.store, kit.ID).Type == data.RelationWorksWith
	})
	if got := data.Lookup[data.RelationType](f.store, loans.ID); !got.Deleted {
		t.Errorf("the merged-away kind is not in the Trash: %+v", got)
	}
	eventually(t, "the list without the merged kind", func() bool {
		text := textOf(w.Canvas().Overlays().Top())
		return !strings.Contains(text, "loans kit to") && strings.Contains(text, "works with — 1 relation")
	})
	test.Tap(button(t, rowOf("funds / is funded by"), "Hide"))
	settle(t)
	eventually(t, "funds hidden", func() bool {
		return strings.Contains(textOf(rowOf("funds / is funded by")), "— hidden")
	})
	lists.Hide()

	offered := func() []string {
		t.Helper()
		dialog := w.Canvas().Overlays().Top()
		options := find[*widget.Select](dialog)[0].Options
		test.Tap(button(t, dialog, "Cancel"))
		settle(t)
		return options
	}
	sh.open(sh.partners, f.library.ID)
	settle(t)
	ps := sh.partners
	eventually(t, "the library's relations", func() bool { return strings.Contains(relationsText(ps), "funds Café Solidaire") })
	test.Tap(button(t, ps.pane, "Add a relation…"))
	settle(t)
	if got := offered(); slices.Contains(got, "funds …") || !slices.Contains(got, "works with …") {
		t.Errorf("a new relation is offered %q", got)
	}
	test.Tap(button(t, ps.editor.relations, "Change…"))
	settle(t)
	if got := offered(); !slices.Contains(got, "funds …") {
		t.Errorf("the relation that has the hidden kind is offered %q", got)
	}
	// Shown again from Settings → Lists…, on the tab of the kinds of relation: offered again.
	ss := showScreen[*settingsScreen](t, sh)
	test.Tap(button(t, ss.body, "Lists…"))
	settle(t)
	tabs := find[*container.AppTabs](w.Canvas().Overlays().Top())[0]
	tabs.SelectIndex(slices.Index(data.PickLists, data.ListRelationTypes))
	test.Tap(button(t, rowOf("funds / is funded by"), "Show"))
	settle(t)
	w.Canvas().Overlays().Top().Hide()
	sh.open(sh.partners, f.library.ID)
	settle(t)
	test.Tap(button(t, ps.pane, "Add a relation…"))
	settle(t)
	if got := offered(); !slices.Contains(got, "funds …") {
		t.Errorf("a kind shown again is not offered: %q", got)
	}
}

// The Partners list and the network map were both shown before a kind of partner was added in Settings →
// Lists…: shown again, without a restart, each kind filter offers it, and a partner given it is found by
// it; renamed, the filters offer the new name.
func TestKindFiltersFollowTheLists(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	ns := showNetwork(t, sh)
	sh.goTo(partnersID)
	settle(t)
	ps := sh.partners
	if slices.Contains(ps.kind.Options, "Allotment society") {
		t.Fatalf("offered before it was added: %q", ps.kind.Options)
	}
	ss := showScreen[*settingsScreen](t, sh)
	test.Tap(button(t, ss.body, "Lists…"))
	settle(t)
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Add an entry…"))
	settle(t)
	dialog := w.Canvas().Overlays().Top()
	test.Type(find[*field](dialog)[0], "Allotment society")
	test.Tap(button(t, dialog, "Add"))
	settle(t)
	w.Canvas().Overlays().Top().Hide()
	library := data.Clone(f.library)
	library.PartnerKind = "Allotment society"
	f.save(t, library)

	sh.goTo(partnersID)
	settle(t)
	if !slices.Contains(ps.kind.Options, "Allotment society") {
		t.Fatalf("the partners' kind filter offers %q", ps.kind.Options)
	}
	ps.kind.SetSelected("Allotment society")
	eventually(t, "the library alone in the list", func() bool {
		return len(ps.browser.items) == 1 && ps.browser.items[0].ID == f.library.ID
	})
	showNetwork(t, sh)
	if !slices.Contains(ns.kind.Options, "Allotment society") {
		t.Fatalf("the network's kind filter offers %q", ns.kind.Options)
	}
	apply := func(rs []data.Record) {
		t.Helper()
		if err := f.store.SaveAll(rs); err != nil {
			t.Fatal(err)
		}
	}
	apply(data.RenamePick(f.store, data.ListPartnerKinds, "Allotment society", "Allotments", f.store.Now()))
	sh.goTo(partnersID)
	settle(t)
	if !slices.Contains(ps.kind.Options, "Allotments") || slices.Contains(ps.kind.Options, "Allotment society") {
		t.Fatalf("after the rename the partners' kind filter offers %q", ps.kind.Options)
	}
	showNetwork(t, sh)
	if !slices.Contains(ns.kind.Options, "Allotments") {
		t.Fatalf("after the rename the network's kind filter offers %q", ns.kind.Options)
	}
}
