package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

func TestSettingsSaveOurOrganisationForEveryDocument(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	ss := showScreen[*settingsScreen](t, sh)
	entries := map[string]*widget.Entry{}
	for _, e := range find[*widget.Entry](ss.body) {
		entries[e.PlaceHolder] = e
	}
	name := entries["For example: Riverside Residents' Association"]
	name.SetText("")
	settle(t)
	if ss.editor.problems.Text != "Give your organisation a name." {
		t.Fatalf("problems: %q", ss.editor.problems.Text)
	}
	test.Type(name, "Riverside Residents' Association")
	settle(t)
	test.Type(entries["Name"], "Amara Okafor")
	settle(t)
	test.Type(entries["For example: Chair"], "Chair")
	settle(t)
	ss.save()
	settle(t)
	o := f.store.Organisation()
	if o.Name != "Riverside Residents' Association" || o.SignatoryName != "Amara Okafor" || o.SignatoryTitle != "Chair" || o.Currency != "EUR" {
		t.Fatalf("saved organisation = %+v", o)
	}
	if got := signatoriesFor(f.store, data.Party{Us: true}); len(got) != 1 || got[0].Name != "Amara Okafor" {
		t.Fatalf("our signatory for agreements: %+v", got)
	}
}

func TestSettingsChangedElsewhereCanShowTheSavedOrganisation(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	ss := showScreen[*settingsScreen](t, sh)
	ss.org.Name = "Riverside Residents (typed)"
	ss.editor.changed()
	other := f.store.Organisation() // saved meanwhile, as a sync would
	other.Name = "Riverside Residents' Association"
	f.save(t, other)
	settle(t)
	ss.save()
	settle(t)
	dlg := w.Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("saving over a name changed elsewhere does not ask")
	}
	test.Tap(button(t, dlg, "Use the saved one"))
	settle(t)
	if ss.editor.dirty || ss.org.Name != "Riverside Residents' Association" {
		t.Errorf("after choosing the saved one the form holds %q (unsaved %v)", ss.org.Name, ss.editor.dirty)
	}
}
