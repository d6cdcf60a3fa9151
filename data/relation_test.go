package data

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestRelationValidation(t *testing.T) {
	valid := func() *Relation {
		return &Relation{From: PartnerEnd("council"), To: PartnerEnd("food-bank"), Type: RelationFunds, Status: RelationCurrent,
			Start: NewDate(2024, 1, 1), End: NewDate(2026, 12, 31)}
	}
	if err := valid().Validate(); err != nil {
		t.Fatalf("a valid relation: %v", err)
	}
	if err := (&Relation{From: Us, To: PartnerEnd("food-bank"), Type: RelationMemberOf, Status: RelationEnded}).Validate(); err != nil {
		t.Fatalf("a relation with us, ended, without dates: %v", err)
	}
	cases := []struct {
		name  string
		edit  func(r *Relation)
		field string
		want  string
	}{
		{"a partner with itself", func(r *Relation) { r.To = r.From }, "to", "A relation joins two different organisations: choose another partner."},
		{"us with us", func(r *Relation) { r.From, r.To = Us, Us }, "to", "A relation joins two different organisations: choose another partner."},
		{"no one at the start", func(r *Relation) { r.From = RelationEnd{} }, "from", "Say who the relation is from: a partner, or your organisation."},
		{"both a partner and us", func(r *Relation) { r.To.Us = true }, "to", "Say who the relation is with: a partner, or your organisation."},
		{"ends before it starts", func(r *Relation) { r.End = NewDate(2023, 12, 31) }, "end", "The end date is before the start date."},
		{"no type", func(r *Relation) { r.Type = "" }, "type", "Choose the kind of relation."},
		{"an unknown status", func(r *Relation) { r.Status = "paused" }, "status", "Choose a status from the list."},
	}
	for _, c := range cases {
		r := valid()
		c.edit(r)
		var verr *ValidationError
		if err := r.Validate(); !errors.As(err, &verr) || len(verr.For(c.field)) == 0 || verr.For(c.field)[0].Text() != c.want {
			t.Errorf("%s: %v, want %q on %s", c.name, err, c.want, c.field)
		}
	}
}

func TestRelationTypeIDsCannotTakeABuiltInKey(t *testing.T) {
	if ps := IDProblems(KindRelationType, RelationFunds); len(ps) != 1 {
		t.Fatalf("a group's own type with the id %q: %v", RelationFunds, ps)
	}
	if ps := IDProblems(KindRelationType, NewID()); len(ps) != 0 {
		t.Fatalf("a group's own type with a fresh id: %v", ps)
	}
}

// web is the council funding the food bank, the food bank working with the school, and us in an agreement
// with the food bank; the school's one contact is all we have of it.
func web(t *testing.T) (m *Memory, council, bank, school *Partner) {
	t.Helper()
	council, bank, school = partner("Riverside Council"), partner("Northside Food Bank"), partner("Hillcrest School")
	council.PartnerKind, council.FocusAreas = PartnerGovernment, []string{"housing"}
	bank.FocusAreas = []string{"food security"}
	school.PartnerKind, school.FocusAreas = PartnerEducation, []string{"youth"}
	school.Contacts = []Contact{{ID: "c1", Name: "Ms Achebe"}}
	m = NewMemory(&Organisation{Meta: Meta{ID: OrganisationID}, Name: "Riverside Residents"}, council, bank, school)
	save := func(r Record) {
		t.Helper()
		if err := m.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	save(&Relation{From: PartnerEnd(council.ID), To: PartnerEnd(bank.ID), Type: RelationFunds, Status: RelationCurrent})
	save(&Relation{From: PartnerEnd(school.ID), To: PartnerEnd(bank.ID), Type: RelationWorksWith, Status: RelationCurrent})
	save(&Agreement{Name: "Food parcels", AgreementKind: AgreementMOU, Status: StatusSigned, Start: NewDate(2025, 1, 1),
		Parties: []Party{{Us: true, Responsibilities: "Volunteers"}, {PartnerID: bank.ID, Responsibilities: "Parcels", Contributions: []Contribution{{Kind: ResourceSpace, Description: "Store room", Value: 120000}}}}})
	return m, council, bank, school
}

func TestRelationsShowOnBothSidesInTheirOwnDirection(t *testing.T) {
	m, council, bank, school := web(t)
	say := func(end RelationEnd) []string {
		var out []string
		for _, s := range RelationsOf(m, end) {
			out = append(out, s.Verb(m, "en", english)+" "+EndName(m, s.Other, english))
		}
		return out
	}
	if got := say(PartnerEnd(council.ID)); !slices.Equal(got, []string{"funds Northside Food Bank"}) {
		t.Errorf("the council's side: %q", got)
	}
	if got := say(PartnerEnd(bank.ID)); !slices.Equal(got, []string{"works with Hillcrest School", "is funded by Riverside Council"}) {
		t.Errorf("the food bank's side: %q", got)
	}
	if got := say(PartnerEnd(school.ID)); !slices.Equal(got, []string{"works with Northside Food Bank"}) {
		t.Errorf("the school's side: %q", got)
	}
	r := RelationsOf(m, PartnerEnd(council.ID))[0].Relation
	if got := r.Sentence(m, "en", english); got != "Riverside Council funds Northside Food Bank" {
		t.Errorf("the relation reads %q", got)
	}
	if got := Describe(m, r); got != "Riverside Council → Northside Food Bank" {
		t.Errorf("described as %q", got)
	}
}

func TestAChoiceMadeFromEitherSideMakesTheSameRelation(t *testing.T) {
	m, council, bank, _ := web(t)
	var funds, fundedBy RelationChoice
	for _, c := range RelationChoices(m) {
		if c.Type.ID == RelationFunds {
			if c.Backwards {
				fundedBy = c
			} else {
				funds = c
			}
		}
		if c.Type.ID == RelationWorksWith && c.Backwards {
			t.Error("works with is offered backwards too, though it reads the same both ways")
		}
	}
	fromCouncil := funds.Between(PartnerEnd(council.ID), PartnerEnd(bank.ID))
	fromBank := fundedBy.Between(PartnerEnd(bank.ID), PartnerEnd(council.ID))
	if fromCouncil.From != fromBank.From || fromCouncil.To != fromBank.To || fromCouncil.Type != fromBank.Type {
		t.Fatalf("from the council %+v, from the food bank %+v", fromCouncil, fromBank)
	}
}

func TestAGroupsOwnTypeIsNamedInEachLanguage(t *testing.T) {
	lends := &RelationType{Name: "lends equipment to", Reverse: "borrows equipment from",
		Names: map[string]RelationNames{"es": {Name: "presta material a", Reverse: "toma material prestado de"}}}
	m := NewMemory(lends)
	upper := func(key string, _ ...any) string { return "!" + key }
	for _, c := range []struct {
		backwards bool
		lang      string
		want      string
	}{{false, "es", "presta material a"}, {true, "es", "toma material prestado de"}, {false, "fr", "lends equipment to"}, {true, "en", "borrows equipment from"}} {
		if got := RelationTypeOf(m, lends.ID).Named(c.backwards, c.lang, upper); got != c.want {
			t.Errorf("%s, backwards %v: %q, want %q", c.lang, c.backwards, got, c.want)
		}
	}
	if got := BuiltInRelation(RelationFunds).Named(true, "fr", upper); got != "!is funded by" {
		t.Errorf("a built-in type is named %q, not through the translations", got)
	}
	if got := RelationTypeOf(m, "gone-for-good").Named(false, "en", upper); got != "gone-for-good" {
		t.Errorf("a type no longer known is named %q", got)
	}
	if n := len(RelationTypes(m)); n != len(builtInRelations)+1 {
		t.Errorf("%d types to choose from", n)
	}
	r := &Relation{From: Us, To: PartnerEnd("p"), Type: lends.ID, Status: RelationCurrent}
	if refs := r.References(); !slices.Contains(refs, Ref{KindRelationType, lends.ID}) || !slices.Contains(refs, Ref{KindPartner, "p"}) {
		t.Errorf("references %v", refs)
	}
	if refs := (&Relation{From: Us, To: PartnerEnd("p"), Type: RelationFunds}).References(); len(refs) != 1 {
		t.Errorf("a built-in type is a reference: %v", refs)
	}
}

func TestEndedRelations(t *testing.T) {
	today := NewDate(2026, 6, 1)
	for _, c := range []struct {
		r    Relation
		want bool
	}{
		{Relation{Status: RelationCurrent}, false},
		{Relation{Status: RelationEnded}, true},
		{Relation{Status: RelationCurrent, End: today}, false},
		{Relation{Status: RelationCurrent, End: today.AddDays(-1)}, true},
	} {
		if got := c.r.EndedOn(today); got != c.want {
			t.Errorf("%s until %s: ended %v", c.r.Status, c.r.End, got)
		}
	}
}

func ExampleRelation_Sentence() {
	council, bank := partner("Riverside Council"), partner("Northside Food Bank")
	m := NewMemory(council, bank)
	r := &Relation{From: PartnerEnd(council.ID), To: PartnerEnd(bank.ID), Type: RelationFunds}
	fmt.Println(r.Sentence(m, "en", english))
	// Output: Riverside Council funds Northside Food Bank
}
