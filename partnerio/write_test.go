package partnerio

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/emersion/go-vcard"

	"accord/data"
	"accord/store"
)

// awkward are partners with everything that trips up CSV and vCard: separators, quotes, line breaks,
// accents, a kind with commas in it, a partner without contacts, one named after its person.
func awkward() []*data.Partner {
	return []*data.Partner{
		{Name: "École Saint-Michel; annexe", PartnerKind: data.PartnerEducation, Stage: data.StageActive,
			Address: "4 rue Haute\n75001 Paris", Website: "https://ecole.example.fr", Email: "contact@ecole.example.fr",
			Phone: "+33 1 00 00 00 00", Notes: `Partner since 2019, "very keen"; asks for\nreceipts`,
			Contacts: []data.Contact{
				{ID: data.NewID(), Name: "Anne-Sophie d'Arcy", Role: "Directrice, primaire", Email: "as@ecole.example.fr",
					Phone: "06 00 00 00 00", Notes: strings.Repeat("Réunions trimestrielles à l'école — ", 5) + "\\ fin"},
				{ID: data.NewID(), Name: "Łukasz Żółć", Email: "lukasz@ecole.example.fr", Notes: strings.Repeat("€", 60)},
			}},
		{Name: "Riverside Food Bank", PartnerKind: data.PartnerNonProfit, Stage: data.StageProspect,
			Email: "hello@riverside.example.org", Phone: "0113 496 0000", Notes: "No named contact yet"},
		{Name: "Ana Ruiz", PartnerKind: data.PartnerOther, Stage: data.StageEngaged,
			Contacts: []data.Contact{{ID: data.NewID(), Name: "Ana Ruiz", Email: "ana@example.es"}}},
	}
}

func saved(t *testing.T, ps []*data.Partner) *store.Store {
	t.Helper()
	s := newStore(t)
	rs := make([]data.Record, len(ps))
	for i, p := range ps {
		rs[i] = p
	}
	if err := s.SaveAll(rs); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCSVExportImportsBackTheSame(t *testing.T) {
	from := saved(t, awkward())
	var buf bytes.Buffer
	if err := WriteCSV(&buf, from, data.List[data.Partner](from)); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBFOrganisation,Kind,")) || !bytes.Contains(buf.Bytes(), []byte("\r\n")) {
		t.Fatalf("no BOM or CRLF: %q", buf.String()[:40])
	}
	tab, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 4 {
		t.Fatalf("%d rows, want one per contact plus one for the partner without: 4", len(tab.Rows))
	}
	m, err := Guess(tab.Headers)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range m {
		if f == Ignore {
			t.Errorf("column %q not mapped back", tab.Headers[i])
		}
	}
	to := newStore(t)
	plan, err := Plan(context.Background(), to, tab, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Apply(to); err != nil {
		t.Fatal(err)
	}
	if got, want := describe(data.List[data.Partner](to)), describe(data.List[data.Partner](from)); got != want {
		t.Fatalf("after the round trip:\n%s\nwant:\n%s", got, want)
	}
}

func TestVCardParsesBackWithAnotherParser(t *testing.T) {
	var buf bytes.Buffer
	partners := awkward()
	partners[0].ID = "ecole"
	related := map[string][]string{"ecole": {"École Saint-Michel; annexe is a member of Paris Schools, Arts & Sport", "Mairie du 1er funds École Saint-Michel; annexe"}}
	if err := WriteVCard(&buf, newStore(t), partners, related); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "END:VCARD\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatal("lines do not all end in CRLF")
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) {
			t.Fatalf("line of %d octets, or split inside a character: %q", len(line), line)
		}
	}
	var cards []vcard.Card
	dec := vcard.NewDecoder(&buf)
	for {
		c, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		cards = append(cards, c)
	}
	if len(cards) != 4 {
		t.Fatalf("%d cards, want 4", len(cards))
	}
	// go-vcard unescapes \\, \n and \, but leaves \; for its own splitting of structured values.
	value := func(c vcard.Card, k string) string { return strings.ReplaceAll(c.Value(k), `\;`, ";") }
	p := awkward()[0]
	as := p.Contacts[0]
	first := cards[0]
	checks := map[string][2]string{
		"version": {first.Value(vcard.FieldVersion), "3.0"},
		"FN":      {value(first, vcard.FieldFormattedName), as.Name},
		"ORG":     {value(first, vcard.FieldOrganization), p.Name},
		"TITLE":   {value(first, vcard.FieldTitle), as.Role},
		"EMAIL":   {value(first, vcard.FieldEmail), as.Email},
		"TEL":     {value(first, vcard.FieldTelephone), as.Phone},
		"NOTE":    {value(first, vcard.FieldNote), as.Notes},
		"street":  {first.Address().StreetAddress, p.Address},
		"family":  {first.Name().FamilyName, "d'Arcy"},
		"given":   {first.Name().GivenName, "Anne-Sophie"},
		"URL":     {value(first, vcard.FieldURL), p.Website},
		"org FN":  {value(cards[2], vcard.FieldFormattedName), "Riverside Food Bank"},
		"org TEL": {value(cards[2], vcard.FieldTelephone), "0113 496 0000"},
		"person":  {value(cards[1], vcard.FieldFormattedName), "Łukasz Żółć"},
		"NOTE €":  {value(cards[1], vcard.FieldNote), strings.Repeat("€", 60)},
	}
	for what, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s: %q, want %q", what, c[0], c[1])
		}
	}
	// Both of the school's people carry its relations; the food bank, with none, carries none.
	for _, c := range cards[:2] {
		var got []string
		for _, v := range c.Values(vcard.FieldRelated) {
			got = append(got, strings.ReplaceAll(v, `\;`, ";"))
		}
		if !slices.Equal(got, related["ecole"]) {
			t.Errorf("%s's card relates %q, want %q", c.Value(vcard.FieldFormattedName), got, related["ecole"])
		}
	}
	if got := cards[2].Values(vcard.FieldRelated); len(got) != 0 {
		t.Errorf("the food bank's card relates %q", got)
	}
}

// A cell a spreadsheet would run as a formula is written with an apostrophe first, as OWASP recommends for
// CSV injection, and Read takes the apostrophe off, so the export still imports back as it was.
func TestCSVExportNeutralisesFormulas(t *testing.T) {
	partners := []*data.Partner{{Name: "@Home Collective", PartnerKind: data.PartnerOther, Stage: data.StageActive,
		Phone: "+44 20 7946 0000", Notes: `=HYPERLINK("http://evil.example","Click for the minutes")`,
		Contacts: []data.Contact{{ID: data.NewID(), Name: "Ann Lee", Role: "-", Notes: "\tindented", Email: "ann@home.example.org"}}}}
	from := saved(t, partners)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, from, data.List[data.Partner](from)); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{`'@Home Collective,`, `,'+44 20 7946 0000,`, `"'=HYPERLINK(""http://evil.example"",""Click for the minutes"")"`, `,'-,`, "'\tindented"} {
		if !strings.Contains(buf.String(), cell) {
			t.Errorf("the export has no cell %q:\n%s", cell, buf.String())
		}
	}
	tab, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := Guess(tab.Headers)
	to := newStore(t)
	plan, err := Plan(context.Background(), to, tab, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Apply(to); err != nil {
		t.Fatal(err)
	}
	if got, want := describe(data.List[data.Partner](to)), describe(data.List[data.Partner](from)); got != want {
		t.Fatalf("after the round trip:\n%s\nwant:\n%s", got, want)
	}
}

// A person's values of the group's own fields on contacts go on their card, each an X-ACCORD-FIELD of the
// field's name and its value, escaped so that another parser reads back separators and line breaks; an
// empty value is left off.
func TestVCardCarriesContactsFields(t *testing.T) {
	s := newStore(t)
	dbs := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, "DBS check expires")}, Name: "DBS check expires",
		For: data.KindContact, Type: data.FieldDate}
	trained := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, "Trained in; first aid, food")}, Name: "Trained in; first aid, food",
		For: data.KindContact, Type: data.FieldChoices, Choices: []string{`Food hygiene\level 2`, "First aid"}}
	diet := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, "Diet")}, Name: "Diet", For: data.KindContact, Type: data.FieldLongText}
	for _, d := range []*data.FieldDefinition{dbs, trained, diet} {
		if err := s.Save(d); err != nil {
			t.Fatal(err)
		}
	}
	partners := awkward()
	partners[0].Contacts[0].Custom = map[string]string{dbs.ID: "2027-03-31", trained.ID: "Food hygiene\\level 2\nFirst aid", diet.ID: "No nuts,\nno dairy"}
	var buf bytes.Buffer
	if err := WriteVCard(&buf, s, partners, nil); err != nil {
		t.Fatal(err)
	}
	dec := vcard.NewDecoder(&buf)
	first, err := dec.Decode()
	if err != nil {
		t.Fatal(err)
	}
	second, err := dec.Decode()
	if err != nil {
		t.Fatal(err)
	}
	// go-vcard unescapes \\, \n and \, but leaves \; : the unescaped ; parts the name from the value.
	var got [][2]string
	for _, v := range first.Values("X-ACCORD-FIELD") {
		name, value, _ := strings.Cut(strings.ReplaceAll(v, `\;`, "\x00"), ";")
		got = append(got, [2]string{strings.ReplaceAll(name, "\x00", ";"), strings.ReplaceAll(value, "\x00", ";")})
	}
	want := [][2]string{{"DBS check expires", "2027-03-31"}, {"Diet", "No nuts,\nno dairy"},
		{"Trained in; first aid, food", `Food hygiene\level 2; First aid`}}
	if !slices.Equal(got, want) {
		t.Errorf("the card's own fields %q, want %q", got, want)
	}
	if v := second.Values("X-ACCORD-FIELD"); len(v) != 0 {
		t.Errorf("a person with no values carries %q", v)
	}
}
