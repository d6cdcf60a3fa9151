package partnerio

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

func newStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// planFixture reads a fixture, guesses its mapping and plans it into s.
func planFixture(t *testing.T, s *store.Store, name string, dup DuplicateChoice) *ImportPlan {
	t.Helper()
	tab, err := readFixture(t, name)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Guess(tab.Headers)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Plan(context.Background(), s, tab, m, Options{Duplicates: dup})
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// describe lists partners as "Name (kind): contact <email> role | contact..." for comparisons.
func describe(ps []*data.Partner) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%s (%s, %s) email=%q phone=%q address=%q web=%q notes=%q:", p.Name, p.PartnerKind, p.Stage,
			p.Email, p.Phone, p.Address, p.Website, p.Notes)
		for _, c := range p.Contacts {
			fmt.Fprintf(&b, " [%s <%s> %q %q %q]", c.Name, c.Email, c.Role, c.Phone, c.Notes)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestImportEveryEncodingThenAgainAddsNothing(t *testing.T) {
	want := `Café Solidaire (non-profit, prospect) email="" phone="" address="" web="" notes="": [Zoë Müller <zoe@cafe-solidaire.org> "Coordinatrice" "+33 1 23 45 67 89" "Meets on Tuesdays"] [José Núñez <jose@cafe-solidaire.org> "Volunteer" "" ""]
Françoise Dubois (other, prospect) email="" phone="" address="" web="" notes="": [Françoise Dubois <francoise@example.fr> "" "" "Retired teacher"]
Peña Deportiva (resident group, prospect) email="" phone="" address="" web="" notes="": [Iñaki Ibáñez <inaki@pena.es> "Presidente" "600 123 456" ""]
`
	for _, name := range []string{"utf8.csv", "utf8-bom.csv", "utf16le-bom.txt", "utf16be-nobom.csv",
		"windows1252.csv", "semicolon.csv", "tab.tsv"} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t)
			sum, err := planFixture(t, s, name, Skip).Apply(s)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Partners != 3 || sum.Contacts != 4 || len(sum.Skipped) != 0 || len(sum.Problems) != 0 {
				t.Fatalf("summary %+v", sum)
			}
			if got := describe(data.List[data.Partner](s)); got != want {
				t.Fatalf("stored:\n%s\nwant:\n%s", got, want)
			}
			rev := s.Rev()
			again := planFixture(t, s, name, Merge)
			sum, err = again.Apply(s)
			if err != nil || sum.Partners != 0 || sum.Merged != 0 || len(sum.Skipped) != 3 || s.Rev() != rev {
				t.Fatalf("second import: %+v, %v, rev %d -> %d", sum, err, rev, s.Rev())
			}
		})
	}
}

func TestImportHeaderStyles(t *testing.T) {
	cases := map[string]string{
		"google.csv": `Green Space Trust (other, prospect) email="info@greenspace.org" phone="" address="" web="" notes="":
Leeds Youth Club (other, prospect) email="" phone="" address="12 High St, Leeds" web="https://youthclub.org" notes="": [Maria Santos <maria@youthclub.org> "Manager" "+44 7700 900123" "Runs the youth club"]
Tom Reed (other, prospect) email="" phone="" address="" web="" notes="": [Tom Reed <tom.reed@example.com> "" "" ""]
`,
		"outlook.csv": `Northside Council (other, prospect) email="" phone="" address="1 Town Hall Sq, Northside, NS1 1AA, United Kingdom" web="" notes="": [Helen Carter <helen.carter@northside.gov.uk> "Partnerships Officer" "0113 496 0000" ""] [Raj Patel <raj.patel@northside.gov.uk> "Youth Lead" "" "Prefers e-mail"]
`,
		"french.csv": `Maison des Associations (other, prospect) email="" phone="" address="3 rue de la Paix, Lyon" web="https://mda.fr" notes="": [Élodie Lefèvre <elodie@mda.fr> "Directrice" "01 23 45 67 89" "Réunion le jeudi"] [Benoît Garçon <benoit@mda.fr> "Animateur" "" ""]
`,
		"spanish.csv": `Asociación Vecinal Triana (other, prospect) email="" phone="" address="Calle Pureza 12, Sevilla" web="" notes="": [Lucía Fernández Ruiz <lucia@avtriana.es> "Presidenta" "954 000 111" "Fiestas en junio"] [Andrés Gómez <andres@avtriana.es> "Tesorero" "" ""]
Cáritas Parroquial (other, prospect) email="" phone="" address="" web="" notes="": [Pilar Ortega <pilar@caritas.es> "" "" ""]
`,
	}
	for name, want := range cases {
		s := newStore(t)
		if _, err := planFixture(t, s, name, Skip).Apply(s); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := describe(data.List[data.Partner](s)); got != want {
			t.Errorf("%s stored:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

// Rows Accord cannot take are listed by the row a spreadsheet shows them on, and the rest go ahead.
func TestImportLeavesOutBadRowsAndSaysWhy(t *testing.T) {
	s := newStore(t)
	plan := planFixture(t, s, "multiline.csv", Skip)
	lines := plan.Summary().Describe(i18n.In("en").T, i18n.In("en").N)
	want := []string{
		"Added 2 partners with 2 contacts.",
		"Row 4 was left out: not-an-address does not look like an email address (like name@example.org).",
		"Row 5 was left out: It has no organisation, name or e-mail address.",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("summary:\n%s", strings.Join(lines, "\n"))
	}
	if plan.New[0].Contacts[0].Notes != "Call before noon.\nLoading bay at the back, \"door B\"." {
		t.Fatalf("notes %q", plan.New[0].Contacts[0].Notes)
	}
}

// seed stores a partner spelled differently from the fixture's, and one whose contact shares an address.
func seed(t *testing.T, s *store.Store) {
	t.Helper()
	err := s.SaveAll([]data.Record{
		&data.Partner{Name: "CAFE SOLIDAIRE", PartnerKind: data.PartnerFaith, Stage: data.StageActive,
			Contacts: []data.Contact{{ID: data.NewID(), Name: "zoe muller"}}},
		&data.Partner{Name: "Sports Club", PartnerKind: data.PartnerOther, Stage: data.StageActive,
			Contacts: []data.Contact{{ID: data.NewID(), Name: "I. Ibáñez", Email: "INAKI@pena.es"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDuplicatesSkipped(t *testing.T) {
	s := newStore(t)
	seed(t, s)
	plan := planFixture(t, s, "utf8.csv", Skip)
	lines := plan.Summary().Describe(i18n.In("en").T, i18n.In("en").N)
	want := "Added 1 partner with 1 contact.\nSkipped 2 partners already in Accord: Café Solidaire, Peña Deportiva (as Sports Club)."
	if strings.Join(lines, "\n") != want {
		t.Fatalf("summary:\n%s", strings.Join(lines, "\n"))
	}
	if r := plan.Skipped[1].Reason; r.Text != "%s is already in Accord with the same e-mail address, %s." || r.Args[0] != "Sports Club" {
		t.Fatalf("reason %+v", r)
	}
}

func TestDuplicatesMergedAddOnlyNewContacts(t *testing.T) {
	s := newStore(t)
	seed(t, s)
	sum, err := planFixture(t, s, "utf8.csv", Merge).Apply(s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Partners != 1 || sum.Merged != 1 || sum.MergedContacts != 1 || len(sum.Skipped) != 1 {
		t.Fatalf("summary %+v", sum)
	}
	cafe := store.Search[data.Partner](s, "cafe")[0]
	if cafe.Name != "CAFE SOLIDAIRE" || cafe.PartnerKind != data.PartnerFaith || len(cafe.Contacts) != 2 || cafe.Contacts[1].Name != "José Núñez" {
		t.Fatalf("merged partner: %s", describe([]*data.Partner{cafe}))
	}
	if again := planFixture(t, s, "utf8.csv", Merge).Summary(); again.Partners+again.Merged != 0 || len(again.Skipped) != 3 {
		t.Fatalf("second merge: %+v", again)
	}
}

func TestApplyIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	plan := planFixture(t, s, "utf8.csv", Skip)
	plan.New[2].Contacts[0].Email = "broken" // as if something went wrong after the preview
	if _, err := plan.Apply(s); err == nil {
		t.Fatal("an invalid partner was saved")
	}
	if n := s.Count(data.KindPartner); n != 0 {
		t.Fatalf("%d partners saved by a failed import", n)
	}
}

func TestApplyRefusesAMergeIntoAPartnerEditedSincePlanning(t *testing.T) {
	s := newStore(t)
	seed(t, s)
	plan := planFixture(t, s, "utf8.csv", Merge)
	cafe, _ := store.Get[data.Partner](s, plan.Merged[0].Partner.ID)
	cafe.Notes = "edited in the window meanwhile"
	if err := s.Save(cafe); err != nil {
		t.Fatal(err)
	}
	_, err := plan.Apply(s)
	var perr *data.PlainError
	if !errors.As(err, &perr) || !strings.Contains(perr.Advice, "Nothing was imported") {
		t.Fatalf("err %v", err)
	}
	if s.Count(data.KindPartner) != 2 || len(data.Lookup[data.Partner](s, cafe.ID).Contacts) != 1 {
		t.Fatal("the import wrote something")
	}
}

// bigTable is n rows of n/4 organisations, four people each.
func bigTable(n int) (*Table, Mapping) {
	t := &Table{Headers: []string{"Organisation", "Name", "E-mail", "Phone"}}
	for i := range n {
		t.Rows = append(t.Rows, Row{Number: i + 2, Cells: []string{fmt.Sprintf("Organisation %d", i/4),
			fmt.Sprintf("Person %d", i), fmt.Sprintf("person%d@example.org", i), "0113 496 0000"}})
	}
	m, _ := Guess(t.Headers)
	return t, m
}

func TestPlanReportsProgressAndCanBeCancelled(t *testing.T) {
	s := newStore(t)
	tab, m := bigTable(1000)
	var calls [][2]int
	plan, err := Plan(context.Background(), s, tab, m, Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	if err != nil || len(plan.New) != 250 {
		t.Fatalf("plan: %v", err)
	}
	if len(calls) != 5 || calls[0] != [2]int{0, 1000} || calls[4] != [2]int{1000, 1000} {
		t.Fatalf("progress %v", calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = Plan(ctx, s, tab, m, Options{Progress: func(done, _ int) {
		if done >= progressEvery {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "stopped") {
		t.Fatalf("cancelled plan: %v", err)
	}
}

// BenchmarkPlan10000Rows plans 10,000 rows (2,500 partners) into an empty store, then again once they are
// all in it, when every partner is looked up as a duplicate.
func BenchmarkPlan10000Rows(b *testing.B) {
	s := newStore(b)
	tab, m := bigTable(10000)
	bench := func(b *testing.B) {
		for b.Loop() {
			if _, err := Plan(context.Background(), s, tab, m, Options{Duplicates: Merge}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("new", bench)
	plan, _ := Plan(context.Background(), s, tab, m, Options{})
	if _, err := plan.Apply(s); err != nil {
		b.Fatal(err)
	}
	b.Run("already-in-accord", bench)
}
