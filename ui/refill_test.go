package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// A click on another partner shows it in the editor already drawn, not in one built again: its values in
// every input (a list of people that is shorter, drop-downs, amounts), its own linked records, and nothing
// unsaved.
func TestAnotherPartnerIsShownInTheSameEditor(t *testing.T) {
	f, sh, ps := showPartners(t)
	showPartner(t, sh, f.library.ID)
	ed := ps.editor
	showPartner(t, sh, f.cafe.ID)
	if ps.editor != ed {
		t.Fatal("the editor was built again for another partner")
	}
	shown := inputsOf(ps.pane)
	tags := find[*widget.Button](ps.pane)
	if !slices.Contains(shown, "Café Solidaire") || !slices.ContainsFunc(tags, func(b *widget.Button) bool { return b.Text == "food security" }) ||
		slices.Contains(shown, "Northside Library") || slices.Contains(shown, "Ελένη Παπαδοπούλου") || slices.Contains(shown, "Meeting room") {
		t.Fatalf("the editor shows %q, not the café's values alone", shown)
	}
	if stage := find[*widget.Select](ps.pane); !slices.ContainsFunc(stage, func(s *widget.Select) bool { return s.Selected == T(string(data.StageEngaged)) }) {
		t.Fatal("the café's stage is not chosen")
	}
	if ed.dirty || !strings.Contains(ed.title.Text, "Café Solidaire") {
		t.Fatalf("after showing the café: unsaved %v, title %q", ed.dirty, ed.title.Text)
	}
	if text := textOf(ps.pane); !strings.Contains(text, "Community fridge") || strings.Contains(text, "Homework club at the library") {
		t.Fatalf("the linked records are not the café's:\n%s", text)
	}
	showPartner(t, sh, f.library.ID)
	if shown := inputsOf(ps.pane); !slices.Contains(shown, "Ελένη Παπαδοπούλου") || !slices.Contains(shown, "500.00") || ed.dirty {
		t.Fatalf("back at the library the editor shows %q (unsaved %v)", shown, ed.dirty)
	}
}

// What is typed after another partner was shown in the editor changes that partner, and only it.
func TestTypingInARefilledEditorChangesThePartnerShown(t *testing.T) {
	f, sh, ps := showPartners(t)
	showPartner(t, sh, f.library.ID)
	showPartner(t, sh, f.cafe.ID)
	name := entryHolding(t, ps.pane, "Café Solidaire")
	name.SetText("Café Solidaire du Marais")
	focus := first(t, ps.pane, "the focus areas input", func(e *field) bool { return e.PlaceHolder == "Type a focus area and press Return: youth, housing…" })
	focus.SetText("youth") // beside the café's tag, food security
	settle(t)
	if !ps.editor.dirty {
		t.Fatal("typing did not make the form unsaved")
	}
	ps.save()
	settle(t)
	cafe, library := data.Lookup[data.Partner](f.store, f.cafe.ID), data.Lookup[data.Partner](f.store, f.library.ID)
	if cafe.Name != "Café Solidaire du Marais" || !slices.Equal(cafe.FocusAreas, []string{"food security", "youth"}) {
		t.Fatalf("the café was saved as %q %q", cafe.Name, cafe.FocusAreas)
	}
	if library.Name != "Northside Library" || len(library.Contacts) != 1 || len(library.Offers) != 1 {
		t.Fatalf("the library changed: %q, %d contacts, %d offers", library.Name, len(library.Contacts), len(library.Offers))
	}
}

// A partner shown again after it changed elsewhere (a sync, another screen) shows what is stored now.
func TestAPartnerShownAgainShowsWhatChangedMeanwhile(t *testing.T) {
	f, sh, ps := showPartners(t)
	showPartner(t, sh, f.library.ID)
	showPartner(t, sh, f.cafe.ID)
	lib, err := store.Get[data.Partner](f.store, f.library.ID)
	if err != nil {
		t.Fatal(err)
	}
	lib.Name, lib.Stage = "Northside Community Library", data.StageDormant
	f.save(t, lib)
	settle(t)
	showPartner(t, sh, f.library.ID)
	if shown := inputsOf(ps.pane); !slices.Contains(shown, "Northside Community Library") || ps.editor.dirty {
		t.Fatalf("the library shows %q (unsaved %v)", shown, ps.editor.dirty)
	}
	if stage := find[*widget.Select](ps.pane); !slices.ContainsFunc(stage, func(s *widget.Select) bool { return s.Selected == T(string(data.StageDormant)) }) {
		t.Fatal("the library's new stage is not chosen")
	}
	// Saving it again is not refused as made from an old copy.
	entryHolding(t, ps.pane, "Northside Community Library").SetText("Northside Library")
	ps.save()
	settle(t)
	if got := data.Lookup[data.Partner](f.store, f.library.ID); got.Name != "Northside Library" || got.Stage != data.StageDormant {
		t.Fatalf("stored: %q, %s", got.Name, got.Stage)
	}
}

// What the network says of a partner follows the relations saved since another partner's screen was
// shown: the network built for one click is kept only until something is saved.
func TestAPartnerShownAgainSaysWhatItsNewRelationsMean(t *testing.T) {
	f, sh, ps := showPartners(t)
	const alone = "You reach this partner only through Ελένη Παπαδοπούλου"
	showPartner(t, sh, f.library.ID)
	eventually(t, "the library's insight", func() bool { return strings.Contains(textOf(ps.pane), alone) })
	showPartner(t, sh, f.cafe.ID)
	f.save(t, &data.Relation{From: data.PartnerEnd(f.library.ID), To: data.PartnerEnd(f.cafe.ID), Type: data.RelationFunds, Status: data.RelationCurrent})
	settle(t)
	showPartner(t, sh, f.library.ID)
	eventually(t, "the library's new relation", func() bool { return strings.Contains(textOf(ps.pane), "Café Solidaire") })
	if strings.Contains(textOf(ps.pane), alone) {
		t.Fatal("the library is still said to be reached through one person alone, after a relation was saved")
	}
}

// While what is linked to the partner now shown is being found, nothing linked to the last one shows.
func TestARefilledEditorShowsNothingOfTheLastPartnerMeanwhile(t *testing.T) {
	f := newFixture(t)
	f.save(t, &data.Relation{From: data.PartnerEnd(f.library.ID), To: data.PartnerEnd(f.cafe.ID), Type: data.RelationFunds, Status: data.RelationCurrent})
	sh, _ := showShell(t, f.store)
	sh.nav.Select(1)
	settle(t)
	ps := sh.partners
	showPartner(t, sh, f.library.ID)
	if text := textOf(ps.pane); !strings.Contains(text, "Homework club at the library") || !strings.Contains(text, "funds Café Solidaire") {
		t.Fatalf("the library's links and relations did not show:\n%s", text)
	}
	held := clickHeld(t, &ps.records, f.cafe.ID)
	if text := textOf(ps.pane); strings.Contains(text, "Homework club at the library") || strings.Contains(text, "funds Café Solidaire") {
		t.Fatalf("the café's editor shows the library's links or relations:\n%s", text)
	}
	release(t, held)
	if text := textOf(ps.pane); !strings.Contains(text, "Community fridge") || !strings.Contains(text, "is funded by Northside Library") {
		t.Fatalf("the café's links and relations did not show:\n%s", text)
	}
}

// The group's own fields follow the partner shown: a field added in Settings while an editor is open is
// there at the next click, and a refilled editor shows the other partner's values and nothing unsaved.
func TestARefilledEditorShowsThePartnersOwnFields(t *testing.T) {
	f, sh, ps := showPartners(t)
	showPartner(t, sh, f.library.ID)
	charity := partnerField("Charity number", data.FieldText)
	f.save(t, charity)
	cafe := data.Clone(data.Lookup[data.Partner](f.store, f.cafe.ID))
	cafe.SetCustomValue(charity.ID, "1122168")
	f.save(t, cafe)
	showPartner(t, sh, f.cafe.ID)
	ed := ps.editor
	if shown := inputsOf(ownFields(t, ps.pane)); !slices.Contains(shown, "1122168") || ed.dirty {
		t.Fatalf("the café's own fields show %q (unsaved %v)", shown, ed.dirty)
	}
	showPartner(t, sh, f.library.ID)
	if shown := inputsOf(ownFields(t, ps.pane)); ps.editor != ed || slices.Contains(shown, "1122168") || ed.dirty {
		t.Fatalf("back at the library its own fields show %q (same editor %v, unsaved %v)", shown, ps.editor == ed, ed.dirty)
	}
	showPartner(t, sh, f.cafe.ID)
	if shown := inputsOf(ownFields(t, ps.pane)); !slices.Contains(shown, "1122168") {
		t.Fatalf("the café again: %q", shown)
	}
}

// showPartners is the partners screen of a new fixture, shown in a window.
func showPartners(t *testing.T) (*fixture, *shell, *partnersScreen) {
	t.Helper()
	f := newFixture(t)
	sh := showData(newWindow(t), f.store, partnersID)
	settle(t)
	return f, sh, sh.partners
}

// showPartner opens a partner on the partners screen, as a click on its row does, and waits for it.
func showPartner(t *testing.T, sh *shell, id string) {
	t.Helper()
	sh.open(sh.partners, id)
	settle(t)
}
