package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/partnerio"
	"accord/store"
)

// ownFields is the "Your own fields" section of the editor open in pane.
func ownFields(t *testing.T, pane fyne.CanvasObject) fyne.CanvasObject {
	t.Helper()
	for _, a := range find[*widget.Accordion](pane) {
		for _, item := range a.Items {
			if item.Title == "Your own fields" {
				return item.Detail
			}
		}
	}
	t.Fatal("the editor has no section for the group's own fields")
	return nil
}

// A volunteer adds "Charity number" (printed on documents) and "Insurance expires" (a date, reminding 30
// days before) in Settings → Fields, fills both in for the library, saves, and finds the library by its
// number; a date typed wrong into a number field holds the save back, and the library's draft keeps the
// values typed.
func TestAFieldAddedInSettingsIsFilledInThePartnerEditor(t *testing.T) {
	f := newFixture(t)
	sh, w, list := fromSettings(t, f, "Fields…")
	if !strings.Contains(textOf(list), "No fields of your own yet.") {
		t.Fatalf("the fields dialog says:\n%s", textOf(list))
	}
	add := func(name string, typ data.FieldType, fill func(dialog fyne.CanvasObject)) {
		t.Helper()
		test.Tap(button(t, list, "Add a field…"))
		settle(t)
		dialog := w.Canvas().Overlays().Top()
		test.Type(entryWithPlaceholder(t, dialog, "For example: Charity number"), name)
		find[*dropDown](dialog)[0].SetSelectedIndex(slices.Index(data.FieldTypes, typ))
		fill(dialog)
		test.Tap(button(t, dialog, "Save"))
		settle(t)
	}
	add("Charity number", data.FieldText, func(dialog fyne.CanvasObject) {
		test.Tap(first(t, dialog, "the words of Print on documents", func(w *checkWords) bool {
			return w.Text == "Print on documents (the partner's profile and the directory)"
		}))
	})
	add("Insurance expires", data.FieldDate, func(dialog fyne.CanvasObject) {
		test.Type(entryWithPlaceholder(t, dialog, "For example: 30"), "30")
	})
	add("Volunteers", data.FieldNumber, func(fyne.CanvasObject) {})
	fields := data.Fields(f.store, data.KindPartner)
	if len(fields) != 3 {
		t.Fatalf("%d fields stored", len(fields))
	}
	number, insurance, volunteers := fields[0], fields[1], fields[2]
	if number.Name != "Charity number" || !number.Print || number.ID != data.FieldID(data.KindPartner, "Charity number") ||
		insurance.Type != data.FieldDate || insurance.RemindDays != 30 || volunteers.Type != data.FieldNumber {
		t.Fatalf("stored %+v, %+v, %+v", number, insurance, volunteers)
	}
	if text := textOf(w.Canvas().Overlays().Top()); !strings.Contains(text, "Insurance expires — date, reminds 30 days before") {
		t.Fatalf("the list of fields says:\n%s", text)
	}
	// Volunteers goes up above the insurance date.
	up := find[*widget.Button](w.Canvas().Overlays().Top())
	var ups []*widget.Button
	for _, b := range up {
		if b.Text == "" && !b.Disabled() && b.Icon != nil && b.Icon.Name() == theme.MoveUpIcon().Name() {
			ups = append(ups, b)
		}
	}
	if len(ups) != 2 {
		t.Fatalf("%d buttons move a field up; want 2", len(ups))
	}
	test.Tap(ups[1])
	settle(t)
	if got := data.Fields(f.store, data.KindPartner); got[1].ID != volunteers.ID || got[2].ID != insurance.ID {
		t.Fatalf("after moving Volunteers up: %s, %s, %s", got[0].Name, got[1].Name, got[2].Name)
	}
	w.Canvas().Overlays().Top().Hide()

	sh.open(sh.partners, f.library.ID)
	settle(t)
	ps := sh.partners
	own := ownFields(t, ps.pane)
	if text := textOf(own); !strings.Contains(text, "Charity number") || !strings.Contains(text, "Insurance expires") {
		t.Fatalf("the section shows:\n%s", text)
	}
	entries := find[*widget.Entry](own)
	test.Type(entries[0], "1098765")
	test.Type(entries[1], "a dozen")
	settle(t)
	if !strings.Contains(ps.editor.problems.Text, "Some numbers or amounts cannot be read yet") {
		t.Fatalf("a number that is not one: problems %q", ps.editor.problems.Text)
	}
	entries[1].SetText("12")
	expires := time.Date(2027, time.January, 9, 0, 0, 0, 0, time.UTC)
	find[*widget.DateEntry](own)[0].SetDate(&expires)
	settle(t)
	if ps.editor.problems.Text != "" || !ps.editor.dirty {
		t.Fatalf("after typing sound values: problems %q, dirty %v", ps.editor.problems.Text, ps.editor.dirty)
	}
	press(t, w, fyne.KeyS)
	settle(t)
	got := data.Lookup[data.Partner](f.store, f.library.ID)
	want := map[string]string{number.ID: "1098765", volunteers.ID: "12", insurance.ID: "2027-01-09"}
	for id, v := range want {
		if got.Custom[id] != v {
			t.Errorf("stored %v; want %v", got.Custom, want)
		}
	}
	ps.query.SetText("1098765")
	settle(t)
	eventually(t, "the library found by its charity number", func() bool {
		return len(ps.items) == 1 && ps.items[0].Name == "Northside Library"
	})
}

// A required field left empty holds the save back with a sentence naming it.
func TestARequiredFieldMustBeFilledIn(t *testing.T) {
	f := newFixture(t)
	ward := partnerField("Ward", data.FieldChoice)
	ward.Choices, ward.Required = []string{"North", "South"}, true
	f.save(t, ward)
	settle(t)
	sh, _ := showShell(t, f.store)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	ps := sh.partners
	if ps.editor.problems.Text != "Fill in Ward." {
		t.Fatalf("problems %q", ps.editor.problems.Text)
	}
	find[*dropDown](ownFields(t, ps.pane))[0].SetSelected("South")
	settle(t)
	if ps.editor.problems.Text != "" || ps.editor.p.Custom[data.FieldID(data.KindPartner, "Ward")] != "South" {
		t.Fatalf("after choosing: problems %q, values %v", ps.editor.problems.Text, ps.editor.p.Custom)
	}
}

// The partners list filters by the group's own fields: a field added in Settings shows among the filters
// the next time the list is shown, and keeps only the partners whose value fits.
func TestThePartnersListFiltersByTheGroupsOwnFields(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	sh.nav.Select(1)
	settle(t)
	ps := sh.partners
	if ps.own.sel.Visible() {
		t.Fatal("a filter by fields of the group's own shows with no such fields")
	}
	ward, policy := partnerField("Ward", data.FieldChoices), partnerField("Safeguarding policy", data.FieldYesNo)
	ward.Choices, policy.Order = []string{"North", "South"}, 1
	f.library.SetCustomValue(ward.ID, "North\nSouth")
	f.library.SetCustomValue(policy.ID, data.No)
	f.cafe.SetCustomValue(ward.ID, "South")
	f.save(t, ward, policy, f.library, f.cafe)
	settle(t)
	ps.refresh()
	settle(t)
	shown := func(filter string) []string {
		t.Helper()
		ps.own.sel.SetSelected(filter)
		settle(t)
		var names []string
		for _, p := range ps.items {
			names = append(names, p.Name)
		}
		return names
	}
	for filter, want := range map[string][]string{
		"Ward: North":                   {"Northside Library"},
		"Ward: South":                   {"Café Solidaire", "Northside Library"},
		"Ward empty":                    {"Green Allotments"},
		"Safeguarding policy: no":       {"Northside Library"},
		"Safeguarding policy filled in": {"Northside Library"},
		"Any field of your own":         {"Café Solidaire", "Green Allotments", "Northside Library"},
	} {
		if got := shown(filter); !slices.Equal(got, want) {
			t.Errorf("%s: %q; want %q", filter, got, want)
		}
	}
	if !ps.own.sel.Visible() {
		t.Error("the filter is hidden")
	}
}

// An insurance expiring in 20 days, in a date field that reminds 30 days before, is on the dashboard's
// list of what needs attention, and opens the partner; one expiring in 40 days is not yet.
func TestACustomDateRemindsOnTheDashboard(t *testing.T) {
	f := newFixture(t)
	insurance := partnerField("Insurance expires", data.FieldDate)
	insurance.RemindDays = 30
	f.cafe.SetCustomValue(insurance.ID, today.AddDays(20).String())
	f.library.SetCustomValue(insurance.ID, today.AddDays(40).String())
	f.save(t, insurance, f.cafe, f.library)
	settle(t)
	sh, _ := showShell(t, f.store)
	dash := sh.entries[0].screen.(*dashboardScreen)
	link := reminderOn(t, dash, "Insurance expires for Café Solidaire: "+longDate(today.AddDays(20)))
	if text := textOf(dash.body); strings.Contains(text, "Insurance expires for Northside Library") {
		t.Errorf("an insurance 40 days off reminds already:\n%s", text)
	}
	test.TapAt(link, fyne.NewPos(20, link.MinSize().Height/2))
	eventually(t, "the café opened", func() bool { return sh.partners.open() && sh.partners.editor.p.ID == f.cafe.ID })
}

// Changing a field's type from text to amount says, before anything changes, which values cannot become
// amounts; going back keeps what was typed, and going on converts the rest and keeps those as they were.
func TestChangingAFieldsTypeListsWhatDoesNotConvertFirst(t *testing.T) {
	f := newFixture(t)
	grant := partnerField("Grant", data.FieldText)
	f.library.SetCustomValue(grant.ID, "1250.5")
	f.cafe.SetCustomValue(grant.ID, "a few hundred")
	f.save(t, grant, f.library, f.cafe)
	settle(t)
	sh, w, _ := fromSettings(t, f, "Fields…")
	change := func() fyne.CanvasObject {
		test.Tap(button(t, w.Canvas().Overlays().Top(), "Change…"))
		settle(t)
		dialog := w.Canvas().Overlays().Top()
		find[*dropDown](dialog)[0].SetSelectedIndex(slices.Index(data.FieldTypes, data.FieldAmount))
		test.Tap(button(t, dialog, "Save"))
		settle(t)
		return w.Canvas().Overlays().Top()
	}
	ask := change()
	if text := textOf(ask); !strings.Contains(text, "1 value of Grant cannot become amount") || !strings.Contains(text, "Café Solidaire: a few hundred") ||
		strings.Contains(text, "Northside Library") {
		t.Fatalf("the question says:\n%s", text)
	}
	if stored := data.Lookup[data.FieldDefinition](f.store, grant.ID); stored.Type != data.FieldText {
		t.Fatalf("the type changed before the answer: %s", stored.Type)
	}
	test.Tap(button(t, ask, "Back"))
	settle(t)
	if sel := find[*dropDown](w.Canvas().Overlays().Top())[0]; sel.Selected != "amount" {
		t.Fatalf("going back lost the type chosen: %q", sel.Selected)
	}
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Save"))
	settle(t)
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Change the type"))
	settle(t)
	if stored := data.Lookup[data.FieldDefinition](f.store, grant.ID); stored.Type != data.FieldAmount {
		t.Fatalf("stored type %s", stored.Type)
	}
	library, cafe := data.Lookup[data.Partner](f.store, f.library.ID), data.Lookup[data.Partner](f.store, f.cafe.ID)
	if library.Custom[grant.ID] != "1250.50" || cafe.Custom[grant.ID] != "a few hundred" {
		t.Fatalf("after the change: library %q, café %q", library.Custom[grant.ID], cafe.Custom[grant.ID])
	}
	w.Canvas().Overlays().Top().Hide()
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	if text := textOf(ownFields(t, sh.partners.pane)); !strings.Contains(text, "Kept from before the type changed: a few hundred") {
		t.Errorf("the café's screen does not show the value kept:\n%s", text)
	}
	if p := sh.partners.editor.problems.Text; p != "" {
		t.Errorf("the value kept holds the café's other changes back: %q", p)
	}
}

// Activities and needs take fields of the group's own too: added in Settings under their heading, shown
// and checked in their editors, found by search.
func TestActivitiesAndNeedsTakeFieldsOfTheirOwn(t *testing.T) {
	f := newFixture(t)
	meeting := &data.Activity{Name: "Planning the fair", ActivityKind: "meeting", Date: today, PartnerIDs: []string{f.library.ID}}
	f.save(t, meeting)
	settle(t)
	sh, w, list := fromSettings(t, f, "Fields…")
	if text := textOf(list); !strings.Contains(text, "On every activity") || !strings.Contains(text, "On every need") {
		t.Fatalf("the fields dialog says:\n%s", text)
	}
	var adds []*widget.Button
	for _, b := range find[*widget.Button](list) {
		if b.Text == "Add a field…" {
			adds = append(adds, b)
		}
	}
	if len(adds) != len(data.FieldKinds) {
		t.Fatalf("%d buttons add a field", len(adds))
	}
	test.Tap(adds[slices.Index(data.FieldKinds, data.KindActivity)])
	settle(t)
	dialog := w.Canvas().Overlays().Top()
	if strings.Contains(textOf(dialog), "Print on documents") {
		t.Error("an activity's field offers to print on documents, which print none")
	}
	test.Type(entryWithPlaceholder(t, dialog, "For example: Charity number"), "Room booked")
	test.Tap(first(t, dialog, "the words of Required", func(w *checkWords) bool {
		return w.Text == "Required: a record cannot be saved without it"
	}))
	test.Tap(button(t, dialog, "Save"))
	settle(t)
	fields := data.Fields(f.store, data.KindActivity)
	if len(fields) != 1 || fields[0].Name != "Room booked" || !fields[0].Required || fields[0].ID != data.FieldID(data.KindActivity, "Room booked") {
		t.Fatalf("activity fields %+v", fields)
	}
	w.Canvas().Overlays().Top().Hide()
	as := showScreen[*activitiesScreen](t, sh)
	as.selectID(meeting.ID)
	settle(t)
	ed := as.editor
	if ed.problems.Text != "Fill in Room booked." {
		t.Fatalf("problems %q", ed.problems.Text)
	}
	test.Type(rowInput(t, as.pane, "Room booked (required)"), "Hall B")
	settle(t)
	if ed.problems.Text != "" || ed.a.Custom[fields[0].ID] != "Hall B" {
		t.Fatalf("after filling in: problems %q, values %v", ed.problems.Text, ed.a.Custom)
	}
	ed.onSave()
	settle(t)
	if found := store.Search[data.Activity](f.store, "hall b"); len(found) != 1 || found[0].ID != meeting.ID {
		t.Fatalf("search by the value found %v", found)
	}
}

// A field of contacts can be marked to print under its person on the partner's documents.
func TestAContactsFieldCanBeMarkedToPrint(t *testing.T) {
	f := newFixture(t)
	_, w, list := fromSettings(t, f, "Fields…")
	var adds []*widget.Button
	for _, b := range find[*widget.Button](list) {
		if b.Text == "Add a field…" {
			adds = append(adds, b)
		}
	}
	test.Tap(adds[slices.Index(data.FieldKinds, data.KindContact)])
	settle(t)
	dialog := w.Canvas().Overlays().Top()
	test.Type(entryWithPlaceholder(t, dialog, "For example: Charity number"), "DBS check expires")
	find[*dropDown](dialog)[0].SetSelectedIndex(slices.Index(data.FieldTypes, data.FieldDate))
	test.Tap(first(t, dialog, "the words of Print on documents", func(w *checkWords) bool {
		return w.Text == "Print on documents (under the person, on the profile and in the directory)"
	}))
	test.Tap(button(t, dialog, "Save"))
	settle(t)
	if fields := data.Fields(f.store, data.KindContact); len(fields) != 1 || !fields[0].Print || fields[0].Type != data.FieldDate {
		t.Fatalf("contacts' fields %+v", fields)
	}
}

// rowInput is the entry a row labels (see row).
func rowInput(t *testing.T, o fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	walk(o, func(x fyne.CanvasObject) {
		c, ok := x.(*fyne.Container)
		if !ok || len(c.Objects) < 2 || found != nil {
			return
		}
		if l, ok := c.Objects[0].(*widget.Label); ok && l.Text == label {
			found = entryOf(c.Objects[1])
		}
	})
	if found == nil {
		t.Fatalf("no entry labelled %s", label)
	}
	return found
}

// A charity number typed but not saved before the power went is offered back at the next start, in its
// field, as typing in a built-in field is.
func TestACustomValueTypedBeforeACrashIsOfferedBack(t *testing.T) {
	f := newFixture(t)
	number := partnerField("Charity number", data.FieldText)
	f.save(t, number)
	settle(t)
	w := newWindow(t)
	sh := showData(w, f.store, partnersID)
	settle(t)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	test.Type(rowInput(t, ownFields(t, sh.partners.pane), "Charity number"), "1098765")
	settle(t) // and then the power goes: nothing saved, no question asked
	if got := data.Lookup[data.Partner](f.store, f.cafe.ID).Custom[number.ID]; got != "" {
		t.Fatalf("stored %q before the crash", got)
	}
	w = newWindow(t)
	sh = showData(w, f.store, dashboardID)
	settle(t)
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Restore it"))
	settle(t)
	if got := rowInput(t, ownFields(t, sh.partners.pane), "Charity number").Text; got != "1098765" || !sh.partners.editor.dirty {
		t.Fatalf("restored: the field holds %q, dirty %v", got, sh.partners.editor.dirty)
	}
}

// In the import preview a column the mapping leaves out can become a new field of the group's own, named
// after its header; a column headed with a field's name goes into that field by itself.
func TestAnImportColumnBecomesAFieldOfTheGroupsOwn(t *testing.T) {
	f := newFixture(t)
	number := partnerField("Charity number", data.FieldText)
	f.save(t, number)
	settle(t)
	sh, w := showShell(t, f.store)
	sh.nav.Select(1) // the partners list, which the import refreshes
	settle(t)
	table, err := partnerio.Read(strings.NewReader("Organisation,Charity number,Ward\nParish of St Anne,1098765,North\n"))
	if err != nil {
		t.Fatal(err)
	}
	imp := &partnerImport{store: f.store, win: w, table: table, done: sh.partners.refresh}
	imp.mapping, _ = partnerio.Guess(table.Headers)
	imp.mapping = imp.mapping.WithFields(table.Headers, f.store)
	imp.show("parishes.csv")
	settle(t)
	if imp.mapping[1] != partnerio.CustomField(number.ID) || imp.mapping[2] != partnerio.Ignore {
		t.Fatalf("mapping %q", imp.mapping)
	}
	ward := find[*dropDown](w.Canvas().Overlays().Top())[2]
	ward.SetSelected("(a new field of your own)")
	settle(t)
	fields := data.Fields(f.store, data.KindPartner)
	if len(fields) != 2 || fields[1].Name != "Ward" || imp.mapping[2] != partnerio.CustomField(fields[1].ID) {
		t.Fatalf("fields %v, mapping %q", fields, imp.mapping)
	}
	if got := find[*dropDown](w.Canvas().Overlays().Top())[2].Selected; got != "Ward" {
		t.Errorf("the column shows %q", got)
	}
	test.Tap(imp.apply)
	settle(t)
	got := store.Search[data.Partner](f.store, "st anne")
	if len(got) != 1 || got[0].Custom[number.ID] != "1098765" || got[0].Custom[fields[1].ID] != "North" {
		t.Fatalf("imported %+v", got)
	}
}

// Settings → Focus areas renames an area on every partner that has it; giving it the name of another
// merges the two.
func TestAFocusAreaRenamedMergesIntoAnother(t *testing.T) {
	f := newFixture(t)
	f.save(t, &data.Partner{Name: "Food Bank", PartnerKind: data.PartnerNonProfit, Stage: data.StageActive, FocusAreas: []string{"food", "youth"}})
	settle(t)
	_, w, list := fromSettings(t, f, "Focus areas…")
	if text := textOf(list); !strings.Contains(text, "food security — 1 partner") || !strings.Contains(text, "food — 1 partner") {
		t.Fatalf("the focus areas:\n%s", text)
	}
	test.Tap(button(t, list, "Rename or merge…")) // the first: food
	settle(t)
	dialog := w.Canvas().Overlays().Top()
	name := entryWithPlaceholder(t, dialog, "food")
	name.SetText("")
	test.Type(name, "food security")
	test.Tap(button(t, dialog, "Rename"))
	settle(t)
	if got := data.FocusAreas(f.store); !slices.Equal(got, []string{"food security", "youth"}) {
		t.Fatalf("focus areas after the merge: %q", got)
	}
	if text := textOf(w.Canvas().Overlays().Top()); !strings.Contains(text, "food security — 2 partners") {
		t.Errorf("the list after the merge:\n%s", text)
	}
}

// fromSettings shows the window on Settings and opens the dialog a button there opens.
func fromSettings(t *testing.T, f *fixture, label string) (*shell, fyne.Window, fyne.CanvasObject) {
	t.Helper()
	sh, w := showShell(t, f.store)
	ss := showScreen[*settingsScreen](t, sh)
	test.Tap(button(t, ss.body, label))
	settle(t)
	return sh, w, w.Canvas().Overlays().Top()
}

// partnerField is a field of the group's own on partners, with the ID every laptop gives it.
func partnerField(name string, typ data.FieldType) *data.FieldDefinition {
	return &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, name)}, Name: name, For: data.KindPartner, Type: typ}
}

// The issue's own example: a volunteer's DBS check expiring in 20 days, in a date field on contacts that
// reminds 30 days before, is on the dashboard naming the volunteer and the partner, and opens the partner.
// There each contact shows the contacts' fields: a required badge number holds the save back, naming the
// contact, until it is typed; saved, it is the contact's, and the editor refilled with another partner and
// then this one again shows it.
func TestAContactsFieldsAreFilledInThePartnerEditor(t *testing.T) {
	f := newFixture(t)
	dbs := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, "DBS check expires")}, Name: "DBS check expires",
		For: data.KindContact, Type: data.FieldDate, RemindDays: 30}
	badge := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, "Badge number")}, Name: "Badge number",
		For: data.KindContact, Type: data.FieldText, Required: true, Order: 1}
	f.library.Contacts[0].SetCustomValue(dbs.ID, today.AddDays(20).String())
	f.save(t, dbs, badge, f.library)
	settle(t)
	sh, _ := showShell(t, f.store)
	dash := sh.entries[0].screen.(*dashboardScreen)
	link := reminderOn(t, dash, "DBS check expires for Ελένη Παπαδοπούλου (Northside Library): "+longDate(today.AddDays(20)))
	test.TapAt(link, fyne.NewPos(20, link.MinSize().Height/2))
	ps := sh.partners
	eventually(t, "the library opened", func() bool { return ps.open() && ps.editor.p.ID == f.library.ID })
	settle(t)
	if got := ps.editor.problems.Text; got != "Fill in Badge number (Ελένη Παπαδοπούλου)." {
		t.Fatalf("problems %q", got)
	}
	test.Type(rowInput(t, ps.pane, "Badge number (required)"), "B-204")
	settle(t)
	if ps.editor.problems.Text != "" {
		t.Fatalf("after typing the badge: problems %q", ps.editor.problems.Text)
	}
	ps.editor.onSave()
	settle(t)
	got := data.Lookup[data.Partner](f.store, f.library.ID).Contacts[0].Custom
	if got[badge.ID] != "B-204" || got[dbs.ID] != today.AddDays(20).String() {
		t.Fatalf("the contact's stored values %v", got)
	}
	ps.selectID(f.cafe.ID)
	settle(t)
	ps.selectID(f.library.ID)
	settle(t)
	if e := rowInput(t, ps.pane, "Badge number (required)"); e.Text != "B-204" {
		t.Fatalf("the refilled editor shows the badge %q", e.Text)
	}
}

// The agreements and needs lists filter by the group's own fields as the partners list does, each
// offering only the fields of what it lists; the first choice shows every record again.
func TestEveryListFiltersByTheGroupsOwnFields(t *testing.T) {
	f := newFixture(t)
	funder := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindAgreement, "Funder")}, Name: "Funder",
		For: data.KindAgreement, Type: data.FieldChoice, Choices: []string{"Council", "Lottery"}}
	informed := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindNeed, "Council informed")}, Name: "Council informed",
		For: data.KindNeed, Type: data.FieldYesNo}
	f.soon.SetCustomValue(funder.ID, "Council")
	f.distant.SetCustomValue(funder.ID, "Lottery")
	bench := &data.Need{Name: "Bench repairs", Priority: data.PriorityLow, Status: data.NeedOpen}
	warm := &data.Need{Name: "Warm space in winter", Priority: data.PriorityHigh, Status: data.NeedOpen}
	bench.SetCustomValue(informed.ID, data.Yes)
	warm.SetCustomValue(informed.ID, data.No)
	f.save(t, funder, informed, f.soon, f.distant, bench, warm)
	settle(t)
	sh, _ := showShell(t, f.store)
	shown := func(sel *dropDown, choice string, items func() []string) []string {
		t.Helper()
		if !slices.Contains(sel.Options, choice) {
			t.Fatalf("%q is not among the filters %q", choice, sel.Options)
		}
		sel.SetSelected(choice)
		settle(t)
		got := items()
		slices.Sort(got)
		return got
	}
	as := showScreen[*agreementsScreen](t, sh)
	agreements := func() []string { return titlesOf(as.items) }
	if got := shown(as.own.sel, "Funder: Council", agreements); !slices.Equal(got, []string{"Homework club at the library"}) {
		t.Errorf("agreements funded by the council: %q", got)
	}
	if got := shown(as.own.sel, "Any field of your own", agreements); len(got) != 2 {
		t.Errorf("agreements with the filter cleared: %q", got)
	}
	ns := showScreen[*needsScreen](t, sh)
	needs := func() []string { return titlesOf(ns.items) }
	if got := shown(ns.own.sel, "Council informed: yes", needs); !slices.Equal(got, []string{"Bench repairs"}) {
		t.Errorf("needs the council was told of: %q", got)
	}
	if slices.ContainsFunc(ns.own.sel.Options, func(o string) bool { return strings.HasPrefix(o, "Funder") }) {
		t.Errorf("the needs list offers an agreements' field: %q", ns.own.sel.Options)
	}
	if got := shown(ns.own.sel, "Any field of your own", needs); len(got) != 2 {
		t.Errorf("needs with the filter cleared: %q", got)
	}
	for _, sel := range []*dropDown{showScreen[*activitiesScreen](t, sh).own.sel, showScreen[*evaluationsScreen](t, sh).own.sel} {
		if sel.Visible() {
			t.Errorf("a list with no fields of the group's own offers to filter by them: %q", sel.Options)
		}
	}
}

// A grant reference typed on a signed agreement saves at once: the group's own fields are not what the
// parties signed, so no amendment is asked for and the wording version stays. An evaluation's follow-up
// date is filled in its editor and saved.
func TestAgreementsAndEvaluationsTakeFieldsOfTheirOwn(t *testing.T) {
	f := newFixture(t)
	grant := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindAgreement, "Grant reference")}, Name: "Grant reference",
		For: data.KindAgreement, Type: data.FieldText}
	visit := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindEvaluation, "Follow-up visit")}, Name: "Follow-up visit",
		For: data.KindEvaluation, Type: data.FieldDate}
	review := &data.Evaluation{AgreementID: f.soon.ID, Date: today}
	f.save(t, grant, visit, review)
	settle(t)
	was := data.Lookup[data.Agreement](f.store, f.soon.ID).Wording
	sh, w := showShell(t, f.store)
	sh.open(sh.agreements, f.soon.ID)
	settle(t)
	test.Type(rowInput(t, ownFields(t, sh.agreements.pane), "Grant reference"), "GR-2026-14")
	press(t, w, fyne.KeyS)
	settle(t)
	if text := topDialog(w); strings.Contains(text, "is signed") {
		t.Fatalf("a custom value on a signed agreement asked for an amendment:\n%s", text)
	}
	got := data.Lookup[data.Agreement](f.store, f.soon.ID)
	if got.Custom[grant.ID] != "GR-2026-14" || got.Wording != was {
		t.Fatalf("stored %v with wording %+v (was %+v)", got.Custom, got.Wording, was)
	}
	sh.open(sh.evaluations, review.ID)
	settle(t)
	on := time.Date(2027, time.March, 3, 0, 0, 0, 0, time.UTC)
	find[*widget.DateEntry](ownFields(t, sh.evaluations.pane))[0].SetDate(&on)
	settle(t)
	sh.evaluations.editor.onSave()
	settle(t)
	if got := data.Lookup[data.Evaluation](f.store, review.ID); got.Custom[visit.ID] != "2027-03-03" {
		t.Fatalf("the evaluation's stored values %v", got.Custom)
	}
}

// reminderOn waits for the dashboard to show a reminder with these words, and returns its link.
func reminderOn(t *testing.T, dash *dashboardScreen, words string) *widget.Hyperlink {
	t.Helper()
	var link *widget.Hyperlink
	eventually(t, "the reminder on the dashboard", func() bool {
		for _, l := range find[*widget.Hyperlink](dash.body) {
			if l.Text == words {
				link = l
			}
		}
		return link != nil
	})
	return link
}
