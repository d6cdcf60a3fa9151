package partnerio

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"accord/data"
	"accord/store"
)

// ownFields saves one field of each type a spreadsheet cell can hold on partners, the same on any laptop.
func ownFields(t *testing.T, s *store.Store) []*data.FieldDefinition {
	t.Helper()
	def := func(name string, typ data.FieldType, choices ...string) *data.FieldDefinition {
		return &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, name)}, Name: name, For: data.KindPartner,
			Type: typ, Choices: choices, Order: len(name)}
	}
	fields := []*data.FieldDefinition{def("Charity number", data.FieldText), def("Insurance expires", data.FieldDate),
		def("Volunteers", data.FieldNumber), def("Grant", data.FieldAmount), def("Safeguarding policy", data.FieldYesNo),
		def("Ward", data.FieldChoice, "North", "South"), def("Services", data.FieldChoices, "Food", "Advice", "Housing"),
		def("Funded by", data.FieldPartner), def("History", data.FieldLongText)}
	fields[len(fields)-1].Names = map[string]string{"es": "Historia"}
	rs := make([]data.Record, len(fields))
	for i, d := range fields {
		rs[i] = d
	}
	if err := s.SaveAll(rs); err != nil {
		t.Fatal(err)
	}
	return fields
}

// Partners with a value in each of the group's own fields export with a column per field, named as the
// field, and import into another Accord that has the same fields as they were — the link to a partner
// found again by name.
func TestCSVRoundTripKeepsTheGroupsOwnFields(t *testing.T) {
	from := newStore(t)
	fields := ownFields(t, from)
	council := &data.Partner{Name: "Riverside Council", PartnerKind: data.PartnerGovernment, Stage: data.StageActive}
	if err := from.Save(council); err != nil {
		t.Fatal(err)
	}
	bank := &data.Partner{Name: "Northside Food Bank", PartnerKind: data.PartnerCommunityOrg, Stage: data.StageActive,
		Contacts: []data.Contact{{ID: data.NewID(), Name: "Ann Lee"}, {ID: data.NewID(), Name: "Bo Chen"}}}
	values := []string{"1098765", "2027-01-09", "12.5", "1250.50", data.Yes, "South", "Food\nHousing", council.ID, "Founded in 1990.\nMoved in 2004."}
	for i, d := range fields {
		bank.SetCustomValue(d.ID, values[i])
	}
	if err := from.Save(bank); err != nil {
		t.Fatal(err)
	}
	tab := csvOf(t, from)
	for _, d := range fields {
		if !slices.Contains(tab.Headers, d.Name) {
			t.Errorf("no column headed %s among %q", d.Name, tab.Headers)
		}
	}
	to := newStore(t)
	ownFields(t, to)
	if err := to.Save(&data.Partner{Name: "RIVERSIDE council", PartnerKind: data.PartnerGovernment, Stage: data.StageActive}); err != nil {
		t.Fatal(err)
	}
	m, err := Guess(tab.Headers)
	if err != nil {
		t.Fatal(err)
	}
	m = m.WithFields(tab.Headers, to)
	for i, f := range m {
		if f == Ignore {
			t.Errorf("column %q not mapped back", tab.Headers[i])
		}
	}
	plan, err := Plan(context.Background(), to, tab, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) > 0 {
		t.Fatalf("problems: %+v", plan.Problems)
	}
	if _, err := plan.Apply(to); err != nil {
		t.Fatal(err)
	}
	got := store.Search[data.Partner](to, "Northside Food Bank")
	if len(got) != 1 {
		t.Fatalf("%d food banks imported", len(got))
	}
	linked := store.Search[data.Partner](to, "riverside council")[0].ID
	for i, d := range fields {
		want := values[i]
		if d.Type == data.FieldPartner {
			want = linked
		}
		if got[0].Custom[d.ID] != want {
			t.Errorf("%s imported as %q; want %q", d.Name, got[0].Custom[d.ID], want)
		}
	}
}

// A cell a field cannot read leaves its row out, named, and the rest goes in; a header in one of the
// field's other languages finds it.
func TestACellAFieldCannotReadLeavesItsRowOut(t *testing.T) {
	s := newStore(t)
	ownFields(t, s)
	tab, err := Read(strings.NewReader("Organisation,Insurance expires,historia\nLibrary,2027-02-01,Old\nSchool,next spring,\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := Guess(tab.Headers)
	m = m.WithFields(tab.Headers, s)
	if m[2] != CustomField(data.FieldID(data.KindPartner, "History")) {
		t.Fatalf("the Spanish header maps to %q", m[2])
	}
	plan, err := Plan(context.Background(), s, tab, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.New) != 1 || plan.New[0].Name != "Library" || len(plan.Problems) != 1 || plan.Problems[0].Row != 3 ||
		plan.Problems[0].Problem.Text != "%s takes a date." {
		t.Fatalf("new %d, problems %+v", len(plan.New), plan.Problems)
	}
}

// contactFields saves fields of the group's own on contacts: a date, a choice, and one named as a field of
// partners is.
func contactFields(t *testing.T, s *store.Store) []*data.FieldDefinition {
	t.Helper()
	def := func(name string, typ data.FieldType, choices ...string) *data.FieldDefinition {
		return &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, name)}, Name: name, For: data.KindContact,
			Type: typ, Choices: choices, Order: len(name)}
	}
	fields := []*data.FieldDefinition{def("DBS check expires", data.FieldDate), def("First aid", data.FieldChoice, "Trained", "Not yet"),
		def("Ward", data.FieldText)}
	for _, d := range fields {
		if err := s.Save(d); err != nil {
			t.Fatal(err)
		}
	}
	return fields
}

// Each person's values of the group's own fields on contacts export on the person's row, in a column per
// field (one named as a partners' field is told apart as "Contact Ward"), and import back into that person.
func TestCSVRoundTripKeepsContactsFields(t *testing.T) {
	from := newStore(t)
	ownFields(t, from)
	fields := contactFields(t, from)
	dbs, aid, ward := fields[0].ID, fields[1].ID, fields[2].ID
	partnerWard := data.FieldID(data.KindPartner, "Ward")
	ann := data.Contact{ID: data.NewID(), Name: "Ann Lee", Custom: map[string]string{dbs: "2027-03-31", aid: "Trained", ward: "Riverside"}}
	bo := data.Contact{ID: data.NewID(), Name: "Bo Chen", Custom: map[string]string{aid: "Not yet"}}
	bank := &data.Partner{Name: "Northside Food Bank", PartnerKind: data.PartnerCommunityOrg, Stage: data.StageActive,
		Contacts: []data.Contact{ann, bo}, Custom: map[string]string{partnerWard: "North"}}
	if err := from.Save(bank); err != nil {
		t.Fatal(err)
	}
	tab := csvOf(t, from)
	for _, h := range []string{"DBS check expires", "First aid", "Ward", "Contact Ward"} {
		if !slices.Contains(tab.Headers, h) {
			t.Errorf("no column headed %s among %q", h, tab.Headers)
		}
	}
	to := newStore(t)
	ownFields(t, to)
	contactFields(t, to)
	m, err := Guess(tab.Headers)
	if err != nil {
		t.Fatal(err)
	}
	m = m.WithFields(tab.Headers, to)
	english := func(key string, args ...any) string { return fmt.Sprintf(key, args...) }
	if got := m[slices.Index(tab.Headers, "Contact Ward")].Label(to, "en", english); got != "Ward (contact)" {
		t.Errorf("the preview offers the contacts' Ward as %q", got)
	}
	plan, err := Plan(context.Background(), to, tab, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) > 0 || len(plan.New) != 1 {
		t.Fatalf("%d new, problems: %+v", len(plan.New), plan.Problems)
	}
	if _, err := plan.Apply(to); err != nil {
		t.Fatal(err)
	}
	got := store.Search[data.Partner](to, "Northside Food Bank")[0]
	if got.Custom[partnerWard] != "North" || len(got.Custom) != 1 {
		t.Errorf("the partner's own values %v", got.Custom)
	}
	if len(got.Contacts) != 2 || !maps.Equal(got.Contacts[0].Custom, ann.Custom) || !maps.Equal(got.Contacts[1].Custom, bo.Custom) {
		t.Fatalf("contacts imported as %+v", got.Contacts)
	}
}

// A row with a value of a contacts' field but no person is left out, named, since the value would belong
// to nobody.
func TestAContactsFieldOnARowWithoutAPersonLeavesItOut(t *testing.T) {
	s := newStore(t)
	contactFields(t, s)
	tab, err := Read(strings.NewReader("Organisation,Contact name,DBS check expires\nLibrary,Ann Lee,2027-02-01\nSchool,,2027-05-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := Guess(tab.Headers)
	plan, err := Plan(context.Background(), s, tab, m.WithFields(tab.Headers, s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.New) != 1 || plan.New[0].Contacts[0].Custom[data.FieldID(data.KindContact, "DBS check expires")] != "2027-02-01" ||
		len(plan.Problems) != 1 || plan.Problems[0].Row != 3 {
		t.Fatalf("new %+v, problems %+v", plan.New, plan.Problems)
	}
}

// csvOf writes the partners of v as CSV and reads the file back, as a spreadsheet hands it over.
func csvOf(t *testing.T, v data.View) *Table {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, v, data.List[data.Partner](v)); err != nil {
		t.Fatal(err)
	}
	tab, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}
