package data

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"net/mail"
	"strings"
	"testing"
	"time"
)

func validAgreement() *Agreement {
	return &Agreement{
		Name: "Shared use of the community hall", AgreementKind: AgreementMOU, Status: StatusDraft,
		Parties: []Party{{Us: true, Responsibilities: "Open the hall"}, {PartnerID: "p1", Responsibilities: "Run the youth club"}},
		Start:   NewDate(2026, 1, 1), End: NewDate(2026, 12, 31),
		Goals: []Goal{{Text: "Young people attending weekly", Target: 25, Unit: "people"}},
	}
}

func TestValidationMessages(t *testing.T) {
	cases := []struct {
		name  string
		rec   Record
		field string
		want  string
	}{
		{"partner without name", &Partner{PartnerKind: PartnerFaith, Stage: StageActive}, "name", "Give the partner a name."},
		{"partner name of spaces", &Partner{Name: "   ", PartnerKind: PartnerFaith, Stage: StageActive}, "name", "Give the partner a name."},
		{"partner without kind", &Partner{Name: "X", Stage: StageActive}, "kind", "Choose a kind of partner from the list."},
		{"partner bad email", &Partner{Name: "X", PartnerKind: PartnerFaith, Stage: StageActive, Email: "info at example"}, "email", "info at example does not look like an email address (like name@example.org)."},
		{"partner influence 6", &Partner{Name: "X", PartnerKind: PartnerFaith, Stage: StageActive, Influence: 6}, "influence", "Influence must be between 1 and 5."},
		{"contact without name", &Partner{Name: "X", PartnerKind: PartnerFaith, Stage: StageActive, Contacts: []Contact{{Name: "A"}, {Email: "b@example.org"}}}, "contacts.1", "Contact 2 needs a name."},
		{"negative offer", &Partner{Name: "X", PartnerKind: PartnerFaith, Stage: StageActive, Offers: []Offer{{Kind: ResourceFunding, Description: "Grant", Value: -5}}}, "offers.0", "A value cannot be negative."},
		{"long name", &Partner{Name: strings.Repeat("é", 301), PartnerKind: PartnerFaith, Stage: StageActive}, "name", "The name is too long: keep it under 300 characters."},
		{"5000-character note is fine but 100001 is not", &Partner{Name: "X", PartnerKind: PartnerFaith, Stage: StageActive, Notes: strings.Repeat("n", 100_001)}, "notes", "The notes is too long: keep it under 100,000 characters."},
		{"end before start", func() Record { a := validAgreement(); a.End = NewDate(2025, 12, 31); return a }(), "end", "The end date is before the start date."},
		{"agreement without our party", func() Record { a := validAgreement(); a.Parties = a.Parties[1:]; return a }(), "parties", "Your own organisation must be one of the parties, once."},
		{"agreement without partners", func() Record { a := validAgreement(); a.Parties = a.Parties[:1]; return a }(), "parties", "Add at least one partner as a party."},
		{"goal without target", func() Record { a := validAgreement(); a.Goals[0].Target = 0; return a }(), "goals.0", "Goal 1 needs a target above zero."},
		{"terminated without date", func() Record { a := validAgreement(); a.Status = StatusTerminated; return a }(), "terminated_on", "Say on what date the agreement was ended."},
		{"evaluation about nothing", &Evaluation{Date: NewDate(2026, 5, 1)}, "agreement", "Choose the agreement or partner this evaluation is about."},
		{"score of 7", &Evaluation{AgreementID: "a", Date: NewDate(2026, 5, 1), Respondents: []Respondent{{Name: "Ana", Scores: map[Dimension]Score{DimTrust: {Value: 7}}}}}, "respondents.0", "Scores go from 1 to 5 (respondent 1)."},
		{"activity without date", &Activity{Name: "Planning meeting", ActivityKind: "meeting"}, "date", "Give the date of the activity."},
		{"empty action", &Activity{Name: "Planning meeting", ActivityKind: "meeting", Date: NewDate(2026, 2, 3), Actions: []ActionItem{{Text: " "}}}, "actions.0", "Say what action 1 is."},
		{"need without priority", &Need{Name: "Warm space in winter", Status: NeedOpen}, "priority", "Choose a priority from the list."},
		{"offer of the largest int64", &Partner{Name: "X", PartnerKind: PartnerFaith, Stage: StageActive, Offers: []Offer{{Kind: ResourceFunding, Description: "Grant", Value: math.MaxInt64}}}, "offers.0", "A value is too large: keep it under 10,000,000,000."},
		{"contribution of ten thousand million", func() Record {
			a := validAgreement()
			a.Parties[1].Contributions = []Contribution{{Kind: ResourceFunding, Description: "Grant", Value: MaxMoney}}
			return a
		}(), "parties.1", "A value is too large: keep it under 10,000,000,000."},
		{"funds leveraged of the largest int64", &Evaluation{PartnerID: "p", Date: NewDate(2026, 5, 1), Impact: Impact{FundsLeveraged: math.MaxInt64}}, "funds_leveraged", "Funds leveraged is too large: keep it under 10,000,000,000."},
		{"negative in-kind value", &Evaluation{PartnerID: "p", Date: NewDate(2026, 5, 1), Impact: Impact{InKindValue: -1}}, "in_kind_value", "In-kind value cannot be negative."},
		{"organisation bad currency", &Organisation{Name: "Us", Currency: "euro"}, "currency", "Use the three-letter currency code, like EUR, GBP or USD."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var verr *ValidationError
			if err := c.rec.Validate(); !errors.As(err, &verr) {
				t.Fatalf("no validation error, got %v", err)
			}
			found := false
			for _, p := range verr.For(c.field) {
				found = found || p.Text() == c.want
			}
			if !found {
				t.Fatalf("field %s: want %q among %v", c.field, c.want, verr.Problems)
			}
		})
	}
}

func TestValidRecordsPass(t *testing.T) {
	for _, r := range []Record{
		validAgreement(),
		&Partner{Name: "Σύλλογος", PartnerKind: PartnerResidents, Stage: StageProspect, Email: "info@example.org", Influence: 5, Interest: 1},
		&Need{Name: "Warm space", Priority: PriorityHigh, Status: NeedOpen, Source: "survey"},
		&Evaluation{PartnerID: "p", Date: NewDate(2026, 1, 2), Respondents: []Respondent{{Name: "Ana", Scores: map[Dimension]Score{DimTrust: {Value: 5}}}},
			Impact: Impact{FundsLeveraged: MaxMoney - 1}},
		&Activity{Name: "Visit", ActivityKind: "visit", Date: NewDate(2026, 1, 2)},
		&Organisation{Name: "Riverside", Currency: "EUR", PaperSize: PaperLetter},
	} {
		if err := r.Validate(); err != nil {
			t.Errorf("%T: %v", r, err)
		}
	}
}

func TestAgreementStatusFollowsDates(t *testing.T) {
	a := validAgreement()
	a.Status = StatusSigned
	for _, c := range []struct {
		today Date
		want  AgreementStatus
	}{
		{NewDate(2025, 12, 31), StatusSigned},
		{NewDate(2026, 1, 1), StatusActive},
		{NewDate(2026, 12, 31), StatusActive},
		{NewDate(2027, 1, 1), StatusExpired},
	} {
		if got := a.StatusOn(c.today); got != c.want {
			t.Errorf("on %s: %s, want %s", c.today, got, c.want)
		}
	}
	a.Status = StatusDraft
	if a.StatusOn(NewDate(2026, 6, 1)) != StatusDraft {
		t.Error("a draft is a draft whatever the date")
	}
}

func TestEvaluationAveragesSkipMissingScores(t *testing.T) {
	e := &Evaluation{Respondents: []Respondent{
		{Name: "Ana", Scores: map[Dimension]Score{DimTrust: {Value: 5}, DimCommunication: {Value: 2}}},
		{Name: "Ben", Scores: map[Dimension]Score{DimTrust: {Value: 2}}},
		{Name: "Cai", Scores: map[Dimension]Score{DimTrust: {Value: 4}, DimCommunication: {Value: 3}}},
	}}
	trust := e.Summarise(DimTrust)
	if trust.Count != 3 || trust.Mean != 11.0/3 || trust.Spread() != 3 {
		t.Fatalf("trust = %+v", trust)
	}
	comm := e.Summarise(DimCommunication)
	if comm.Count != 2 || comm.Mean != 2.5 {
		t.Fatalf("communication = %+v (skipped score must not count as zero)", comm)
	}
	if got := e.Overall(); math.Abs(got-(11.0/3+2.5)/2) > 1e-9 {
		t.Fatalf("overall = %v", got)
	}
	for avg, band := range map[float64]Band{5: BandStrength, 4: BandStrength, 3.96: BandStrength, 3.94: BandDiscuss, 3: BandDiscuss, 2.96: BandDiscuss, 2.94: BandConcern} {
		if BandOf(avg) != band {
			t.Errorf("band of %v = %q, want %q", avg, BandOf(avg), band)
		}
	}
}

func TestDates(t *testing.T) {
	if got := NewDate(2024, 1, 31).AddMonths(1); got != NewDate(2024, 2, 29) {
		t.Errorf("31 Jan 2024 + 1 month = %s", got)
	}
	if got := NewDate(2025, 1, 31).AddMonths(1); got != NewDate(2025, 2, 28) {
		t.Errorf("31 Jan 2025 + 1 month = %s", got)
	}
	if got := NewDate(2024, 2, 28).DaysUntil(NewDate(2024, 3, 1)); got != 2 {
		t.Errorf("days across a leap day = %d", got)
	}
	d, err := ParseDate("2026-13-01")
	if err == nil {
		t.Errorf("month 13 parsed as %s", d)
	}
	if m, err := ParseMoney("1,250.5"); err != nil || m != 125050 || m.String() != "1250.50" {
		t.Errorf("money = %v %v", m, err)
	}
	for _, typed := range []string{"1e30", "-1e17", "Inf"} { // beyond what a Money holds: no wrapped-round nonsense
		if m, err := ParseMoney(typed); err == nil {
			t.Errorf("%s parsed as %v", typed, m)
		}
	}
}

func TestOverviewCountsWhatNeedsAttention(t *testing.T) {
	s := NewMemory()
	p := partner("Library")
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	today := NewDate(2026, 11, 23)
	mk := func(title string, status AgreementStatus, end Date) {
		a := validAgreement()
		a.Name, a.Status, a.Start, a.End = title, status, NewDate(2025, 1, 1), end
		a.Parties[1].PartnerID = p.ID
		if err := s.Save(a); err != nil {
			t.Fatal(err)
		}
	}
	mk("Ends today", StatusSigned, today)
	mk("Ends in 60 days", StatusSigned, today.AddDays(60))
	mk("Ends in 61 days", StatusSigned, today.AddDays(61))
	mk("Ended yesterday", StatusSigned, today.AddDays(-1))
	mk("Draft ending soon", StatusDraft, today.AddDays(5))
	act := &Activity{Name: "Meeting", ActivityKind: "meeting", Date: today.AddDays(-10), Actions: []ActionItem{
		{Text: "Send minutes", Due: today.AddDays(-1)}, {Text: "Book hall", Due: today}, {Text: "Done already", Due: today.AddDays(-5), Done: true},
	}}
	if err := s.Save(act); err != nil {
		t.Fatal(err)
	}
	o := OverviewOn(s, today)
	if len(o.Expiring) != 2 || o.Expiring[0].Name != "Ends today" || o.Expiring[1].Name != "Ends in 60 days" {
		t.Fatalf("expiring = %v", titles(o.Expiring))
	}
	if o.AgreementsByStatus[StatusActive] != 3 || o.AgreementsByStatus[StatusExpired] != 1 || o.AgreementsByStatus[StatusDraft] != 1 {
		t.Fatalf("by status = %v", o.AgreementsByStatus)
	}
	if o.OverdueActions != 1 || o.OpenActions != 2 || o.ActivePartners != 1 {
		t.Fatalf("overview = %+v", o)
	}
	// A prospect party to an agreement in force counts as active, as the agreements figure beside it does.
	q := partner("Hill School")
	q.Stage = StageProspect
	if err := s.Save(q); err != nil {
		t.Fatal(err)
	}
	p.Stage = StageProspect
	if o := OverviewOn(s, today); o.ActivePartners != 1 {
		t.Fatalf("a prospect with agreements in force: %d active partners, want 1", o.ActivePartners)
	}
}

// The quick check of an address of the usual shape says what net/mail says, for every short string of the
// characters that matter.
func TestPlainAddressesAgreeWithNetMail(t *testing.T) {
	slow := func(v string) bool {
		a, err := mail.ParseAddress(v)
		return err == nil && a.Address == v && strings.Contains(v, ".")
	}
	const alphabet = "aZ9._%+-@ \"<"
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 300_000 {
		b := make([]byte, 1+rnd.IntN(10))
		for i := range b {
			b[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		if v := string(b); plainAddress(v) && !slow(v) {
			t.Fatalf("%q taken as an address, which net/mail refuses", v)
		}
	}
	for _, v := range []string{"ann.lee@example.org", "a+b_c%d-e@mail.example.co.uk", "x@y.z"} {
		if !plainAddress(v) || !slow(v) {
			t.Errorf("%q: quick %v, net/mail %v", v, plainAddress(v), slow(v))
		}
	}
}

// TestLegalOptionsAreChecked asks for the governing law of a draft any part of which binds, and checks
// annexes and languages; a signed agreement written before Accord asked for the law still saves.
func TestLegalOptionsAreChecked(t *testing.T) {
	edit := func(change func(a *Agreement)) *Agreement { a := validAgreement(); change(a); return a }
	problems := []struct {
		name  string
		a     *Agreement
		field string
		want  string
	}{
		{"binding draft without law", edit(func(a *Agreement) { a.LegallyBinding = true }), "governing_law",
			"Say which law governs the agreement, such as the law of England and Wales: part of it is legally binding."},
		{"binding sections without law", edit(func(a *Agreement) { a.BindingSections = []BindingSection{BindingConfidentiality} }), "governing_law",
			"Say which law governs the agreement, such as the law of England and Wales: part of it is legally binding."},
		{"binding in full and in sections", edit(func(a *Agreement) {
			a.LegallyBinding, a.GoverningLaw, a.BindingSections = true, "the law of Ireland", []BindingSection{BindingConfidentiality}
		}), "binding_sections", "A binding agreement binds in every section: leave the binding sections unticked."},
		{"annex without title", edit(func(a *Agreement) { a.Annexes = []Annex{{Text: "Schedule"}} }), "annexes.0", "Give annex 1 a title."},
		{"annex without text or file", edit(func(a *Agreement) { a.Annexes = []Annex{{Title: "Schedule"}} }), "annexes.0", "Write the text of annex 1, or attach a PDF file."},
		{"annex of a file not kept", edit(func(a *Agreement) { a.Annexes = []Annex{{Title: "Schedule", File: "abc"}} }), "annexes.0",
			"The file of annex 1 is no longer kept with the agreement: attach it again."},
		{"unknown language", edit(func(a *Agreement) { a.Language = "de" }), "language", "Choose a language from the list."},
		{"bilingual in one language", edit(func(a *Agreement) { a.Language, a.SecondLanguage = "es", "es" }), "second_language",
			"A bilingual edition needs two different languages."},
	}
	for _, c := range problems {
		var v *ValidationError
		if err := c.a.Validate(); !errors.As(err, &v) || len(v.For(c.field)) == 0 || v.For(c.field)[0].Text() != c.want {
			t.Errorf("%s: %v, want %q on %s", c.name, err, c.want, c.field)
		}
	}
	for name, a := range map[string]*Agreement{
		"binding with its law":            edit(func(a *Agreement) { a.LegallyBinding, a.GoverningLaw = true, "the law of Ireland" }),
		"signed before the law was asked": edit(func(a *Agreement) { a.LegallyBinding, a.Status = true, StatusSigned }),
		"bilingual with a translation": edit(func(a *Agreement) {
			a.Language, a.SecondLanguage, a.Translations = "fr", "es", map[string]string{TextPurpose: "Abrir la sala."}
		}),
	} {
		if err := a.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestNewLegalFieldsKeepTheWording: an agreement saved before Accord had legal options, languages and
// annexes keeps its wording version, so nothing signed reads as reworded.
func TestNewLegalFieldsKeepTheWording(t *testing.T) {
	a := validAgreement()
	a.NoteWording(nil, time.Now())
	before := a.Wording
	b, _ := json.Marshal(a)
	var back Agreement
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	back.NoteWording(a, time.Now().Add(time.Hour))
	if back.Wording != before {
		t.Fatalf("a round trip changed the wording: %+v, was %+v", back.Wording, before)
	}
	for _, field := range []string{"binding_sections", "governing_law", "standard_clauses", "annexes", "language", "translations"} {
		if strings.Contains(string(b), `"`+field+`"`) {
			t.Errorf("an agreement without %s writes it", field)
		}
	}
}
