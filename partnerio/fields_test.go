package partnerio

import (
	"bytes"
	"context"
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
	var buf bytes.Buffer
	if err := WriteCSV(&buf, from, data.List[data.Partner](from)); err != nil {
		t.Fatal(err)
	}
	tab, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
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
	m = m.WithFields(tab.Headers, data.Fields(to, data.KindPartner))
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
	m = m.WithFields(tab.Headers, data.Fields(s, data.KindPartner))
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
