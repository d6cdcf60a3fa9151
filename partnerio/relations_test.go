package partnerio

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// withPartners is a store holding our organisation and the partners named.
func withPartners(t *testing.T, names ...string) *store.Store {
	t.Helper()
	s := newStore(t)
	org := s.Organisation()
	org.Name = "Riverside Residents"
	rs := []data.Record{org}
	for _, n := range names {
		rs = append(rs, &data.Partner{Name: n, PartnerKind: data.PartnerCommunityOrg, Stage: data.StageActive})
	}
	if err := s.SaveAll(rs); err != nil {
		t.Fatal(err)
	}
	return s
}

func planRelations(t *testing.T, s *store.Store, file string) *RelationPlan {
	t.Helper()
	tab, err := Read(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := PlanRelations(s, tab)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// sentences are the store's relations, one line each, in English, sorted.
func sentences(s *store.Store) []string {
	var out []string
	for _, r := range data.List[data.Relation](s) {
		line := r.Sentence(s, "en", fmt.Sprintf)
		if !r.Start.IsZero() || !r.End.IsZero() {
			line += fmt.Sprintf(" (%s–%s)", r.Start, r.End)
		}
		if r.Status == data.RelationEnded {
			line += ", ended"
		}
		if r.Note != "" {
			line += ": " + r.Note
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

// A group moving from Kumu brings its connection sheet: From, To, Type and Description, with its own
// kinds of relation, either way round, in any of Accord's languages.
func TestImportRelationsFromAConnectionSheet(t *testing.T) {
	s := withPartners(t, "Riverside Council", "Northside Food Bank", "Hillcrest School", "Youth Forum")
	file := "From;To;Type;Description;Strength\r\n" +
		"Riverside Council;Northside Food Bank;funds;Community grant;3\r\n" +
		"NORTHSIDE FOOD BANK;riverside council;is funded by;;\r\n" + // the same relation, written from the other side
		"Hillcrest School;Northside Food Bank;Lends vans to;;\r\n" +
		"Riverside Residents;Youth Forum;est membre de;;\r\n" + // French, and our own organisation
		"Youth Forum;Hillcrest School;;;\r\n" +
		"Nowhere Trust;Northside Food Bank;funds;;\r\n" +
		"Hillcrest School;Hillcrest School;works with;;\r\n"
	plan := planRelations(t, s, file)
	if len(plan.New) != 4 || plan.Skipped != 1 || len(plan.NewTypes) != 1 || len(plan.Problems) != 2 {
		t.Fatalf("plan: %d new, %d skipped, %d new kinds, problems %+v", len(plan.New), plan.Skipped, len(plan.NewTypes), plan.Problems)
	}
	if plan.Problems[0].Row != 7 || plan.Problems[1].Row != 8 {
		t.Errorf("problems on rows %d and %d", plan.Problems[0].Row, plan.Problems[1].Row)
	}
	sum, err := plan.Apply(s)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Hillcrest School Lends vans to Northside Food Bank",
		"Riverside Council funds Northside Food Bank: Community grant",
		"Riverside Residents is a member of Youth Forum",
		"Youth Forum works with Hillcrest School",
	}
	if got := sentences(s); !slices.Equal(got, want) {
		t.Fatalf("relations:\n%s", strings.Join(got, "\n"))
	}
	lines := sum.Describe(i18n.In("en").T, i18n.In("en").N)
	for _, want := range []string{"Added %d relations.", "New kinds of relation: Lends vans to.", "These columns were not imported: Strength.",
		"Row 7 was left out: No partner is called Nowhere Trust in Accord: add it first, or write its name as Accord has it.",
		"Row 8 was left out: A relation joins two different organisations: choose another partner."} {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, strings.Split(want, "%")[0]) }) {
			t.Errorf("the summary does not say %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
	again, err := planRelations(t, s, file).Apply(s)
	if err != nil || again.Relations != 0 || again.Skipped != 5 || len(again.NewTypes) != 0 {
		t.Fatalf("importing the file again: %+v, %v", again, err)
	}
}

func TestImportRelationsWithTwoOrganisationColumnsAndDates(t *testing.T) {
	s := withPartners(t, "Café Solidaire", "Parish Hall")
	plan := planRelations(t, s, "Organisation 1,Organisation 2,Relationship,Start date,End date,Status\n"+
		"Café Solidaire,Parish Hall,shares premises with,2023-09-01,2025-06-30,ended\n"+
		"Parish Hall,Café Solidaire,works with,31/03/2025,,\n"+
		"Parish Hall,Café Solidaire,works with,2026-01-01,2025-01-01,\n"+
		"Parish Hall,Café Solidaire,works with,,,paused\n")
	if len(plan.New) != 1 || len(plan.Problems) != 3 {
		t.Fatalf("%d new, problems %+v", len(plan.New), plan.Problems)
	}
	for i, want := range []string{"%s is not a date: write it as 2025-03-31.", "The end date is before the start date.",
		"%s is not a status Accord knows: write current or ended."} {
		if got := plan.Problems[i].Problem.Text; got != want {
			t.Errorf("row %d: %q, want %q", plan.Problems[i].Row, got, want)
		}
	}
	if _, err := plan.Apply(s); err != nil {
		t.Fatal(err)
	}
	if got := sentences(s); !slices.Equal(got, []string{"Café Solidaire shares premises with Parish Hall (2023-09-01–2025-06-30), ended"}) {
		t.Fatalf("relations: %q", got)
	}
}

func TestARelationsFileNeedsTwoOrganisations(t *testing.T) {
	tab, err := Read(strings.NewReader("Name,Type\nCafé,funds\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := PlanRelations(newStore(t), tab); err == nil || !strings.Contains(err.Error(), "two columns naming the organisations") {
		t.Fatalf("a file with one organisation column: %v", err)
	}
}

func TestRelationsCSVExportImportsBackTheSame(t *testing.T) {
	names := []string{"Riverside Council", "Northside Food Bank", "=HYPERLINK(\"x\")"}
	src := withPartners(t, names...)
	ends := map[string]data.RelationEnd{}
	for _, p := range data.List[data.Partner](src) {
		ends[p.Name] = data.PartnerEnd(p.ID)
	}
	lends := &data.RelationType{Meta: data.Meta{ID: data.NewID()}, Name: "lends vans to", Reverse: "borrows vans from"}
	err := src.SaveAll([]data.Record{lends,
		&data.Relation{From: ends["Riverside Council"], To: ends["Northside Food Bank"], Type: data.RelationFunds, Status: data.RelationCurrent,
			Start: data.NewDate(2024, 4, 1), Note: "Grant, renewed \"each\" year"},
		&data.Relation{From: ends["=HYPERLINK(\"x\")"], To: data.Us, Type: lends.ID, Status: data.RelationEnded, End: data.NewDate(2025, 1, 31)},
		&data.Relation{From: data.Us, To: ends["Northside Food Bank"], Type: data.RelationRefersTo, Status: data.RelationCurrent},
	})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteRelationsCSV(&b, src, "en", fmt.Sprintf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), ",=HYPERLINK") {
		t.Fatalf("a cell starts like a formula:\n%s", b.String())
	}
	dst := withPartners(t, names...)
	if err := dst.Save(&data.RelationType{Meta: data.Meta{ID: lends.ID}, Name: lends.Name, Reverse: lends.Reverse}); err != nil {
		t.Fatal(err)
	}
	plan := planRelations(t, dst, b.String())
	if len(plan.Problems) != 0 || len(plan.NewTypes) != 0 || plan.Unused != nil {
		t.Fatalf("plan: problems %+v, new kinds %d, unused %q", plan.Problems, len(plan.NewTypes), plan.Unused)
	}
	if _, err := plan.Apply(dst); err != nil {
		t.Fatal(err)
	}
	if got, want := sentences(dst), sentences(src); !slices.Equal(got, want) {
		t.Fatalf("imported back:\n%s\nexported:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Kumu's element sheet brings the organisations first, named under "Label", then its connection sheet the
// relations between them.
func TestAKumuElementSheetImportsItsOrganisations(t *testing.T) {
	m, err := Guess([]string{"Label", "Type", "Description", "Tags"})
	if err != nil || m[0] != Organisation || m[1] != Kind {
		t.Fatalf("mapped %q, %v", m, err)
	}
}

// Each partner's relations in force, in words, for its cards in the address book: both partners of a
// relation carry it; an ended one and one with us on the far side say nothing about a partner they lack.
func TestRelatedInWordsGivesEachPartnerItsRelationsInForce(t *testing.T) {
	s := withPartners(t, "Riverside Council", "Riverside Food Bank", "Old Mill Trust")
	byName := map[string]string{}
	for _, p := range data.List[data.Partner](s) {
		byName[p.Name] = p.ID
	}
	today := data.DateOf(s.Now())
	err := s.SaveAll([]data.Record{
		&data.Relation{From: data.PartnerEnd(byName["Riverside Council"]), To: data.PartnerEnd(byName["Riverside Food Bank"]), Type: data.RelationFunds, Status: data.RelationCurrent},
		&data.Relation{From: data.PartnerEnd(byName["Old Mill Trust"]), To: data.PartnerEnd(byName["Riverside Food Bank"]), Type: data.RelationSharesPremises, Status: data.RelationEnded},
		&data.Relation{From: data.Us, To: data.PartnerEnd(byName["Old Mill Trust"]), Type: data.RelationMemberOf, Status: data.RelationCurrent},
	})
	if err != nil {
		t.Fatal(err)
	}
	related := RelatedInWords(s, "en", func(f string, args ...any) string { return fmt.Sprintf(f, args...) }, today)
	want := map[string][]string{
		byName["Riverside Council"]:   {"Riverside Council funds Riverside Food Bank"},
		byName["Riverside Food Bank"]: {"Riverside Council funds Riverside Food Bank"},
		byName["Old Mill Trust"]:      {"Riverside Residents is a member of Old Mill Trust"},
	}
	if len(related) != len(want) {
		t.Fatalf("related %q", related)
	}
	for id, w := range want {
		if !slices.Equal(related[id], w) {
			t.Errorf("%s: %q, want %q", id, related[id], w)
		}
	}
}
