package syncfolder

import (
	"testing"
	"time"

	"accord/data"
	"accord/store"
)

// Two laptops each add "Charity number" to partners before they first sync; afterwards there is one field,
// holding the values typed on both. One laptop renames it; after the next sync the other shows the new name,
// still finds the partners by their numbers, and reminds of the insurance date typed on the first.
func TestFieldsAddedOnTwoLaptopsMeetAndARenameFollows(t *testing.T) {
	folder := t.TempDir()
	ana, ben := newLaptop(t, "ana"), newLaptop(t, "ben")
	charity := func(name string) *data.FieldDefinition {
		return &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, name)}, Name: name, For: data.KindPartner,
			Type: data.FieldText, Print: true}
	}
	insurance := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Insurance expires")},
		Name: "Insurance expires", For: data.KindPartner, Type: data.FieldDate, RemindDays: 30}
	anaField, benField := charity("Charity number"), charity("charity  number")
	ana.save(anaField)
	ana.save(insurance)
	bank := newPartner("Northside Food Bank")
	bank.SetCustomValue(anaField.ID, "1098765")
	bank.SetCustomValue(insurance.ID, "2027-01-09")
	ana.save(bank)
	ben.save(benField)
	club := newPartner("Riverside Youth Club")
	club.SetCustomValue(benField.ID, "5551234")
	ben.save(club)

	ana.round(folder)
	ben.now = ben.now.Add(time.Minute)
	ben.round(folder)
	ana.now = ana.now.Add(2 * time.Minute)
	ana.round(folder)
	for _, l := range []*laptop{ana, ben} {
		if fields := data.Fields(l.s, data.KindPartner); len(fields) != 2 {
			t.Fatalf("%s has %d fields on partners after the sync; want charity number and insurance", l.name, len(fields))
		}
		for _, number := range []string{"1098765", "5551234"} {
			if found := store.Search[data.Partner](l.s, number); len(found) != 1 {
				t.Errorf("%s finds %d partners by %s", l.name, len(found), number)
			}
		}
	}

	renamed, err := store.Get[data.FieldDefinition](ben.s, benField.ID)
	if err != nil {
		t.Fatal(err)
	}
	renamed.Name = "Registered charity number"
	ben.save(renamed)
	ben.now = ben.now.Add(3 * time.Minute)
	ben.round(folder)
	ana.now = ana.now.Add(4 * time.Minute)
	ana.round(folder)
	onAna, err := store.Get[data.Partner](ana.s, bank.ID)
	if err != nil {
		t.Fatal(err)
	}
	lines := data.CustomLines(ana.s, data.KindPartner, onAna, true)
	if len(lines) != 1 || lines[0].Field.Name != "Registered charity number" || lines[0].Value != "1098765" {
		t.Errorf("after the rename ana prints the food bank's %+v", lines)
	}
	today := data.NewDate(2026, 12, 15)
	var reminded []string
	for _, r := range data.Reminders(ben.s, today) {
		if r.Kind == data.RemindField {
			reminded = append(reminded, r.Title+" "+r.Field.Name)
		}
	}
	if len(reminded) != 1 || reminded[0] != "Northside Food Bank Insurance expires" {
		t.Errorf("ben's reminders of custom dates on %s: %q", today, reminded)
	}
	if got, want := ana.export(), ben.export(); string(got) != string(want) {
		t.Fatal("the two laptops hold different data after the sync")
	}
}

// A volunteer's DBS-check date typed on one laptop, in a field on contacts, reaches the other inside its
// partner: found by search there, and reminding of the volunteer and the partner.
func TestAContactsValuesSyncInsideItsPartner(t *testing.T) {
	folder := t.TempDir()
	ana, ben := newLaptop(t, "ana"), newLaptop(t, "ben")
	dbs := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, "DBS check expires")},
		Name: "DBS check expires", For: data.KindContact, Type: data.FieldDate, RemindDays: 30}
	ana.save(dbs)
	bank := newPartner("Northside Food Bank")
	bank.Contacts = []data.Contact{{ID: data.NewID(), Name: "Ana Ruiz", Custom: map[string]string{dbs.ID: "2027-01-09"}}}
	ana.save(bank)
	ana.round(folder)
	ben.now = ben.now.Add(time.Minute)
	ben.round(folder)
	if found := store.Search[data.Partner](ben.s, "2027-01-09"); len(found) != 1 {
		t.Fatalf("ben finds %d partners by the contact's date", len(found))
	}
	var reminded []string
	for _, r := range data.Reminders(ben.s, data.NewDate(2026, 12, 15)) {
		if r.Kind == data.RemindField {
			reminded = append(reminded, r.Title)
		}
	}
	if len(reminded) != 1 || reminded[0] != "Ana Ruiz (Northside Food Bank)" {
		t.Errorf("ben's reminders of contacts' dates: %q", reminded)
	}
}
