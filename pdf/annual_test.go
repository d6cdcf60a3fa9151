package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"accord/data"
	"accord/demo"
)

var demoToday = data.NewDate(2026, time.November, 23)

// demoStore is the demo data of 60 partners with, in 2031 where the demo has nothing, hand-made records
// of known figures: a Greek partner who gives 3 for every 1 we give in a renewal started that year, a
// Bulgarian-named partner at an activity, an agreement terminated that year, and evaluations in 2030 and 2031.
func demoStore(t testing.TB, partners int) *data.Memory {
	t.Helper()
	s := data.NewMemory(demo.Records(demo.Options{Partners: partners, Seed: 3, Today: demoToday}, demoToday.Time())...)
	athens := &data.Partner{Name: "Σύλλογος Γειτονιάς Αθήνας", PartnerKind: data.PartnerCommunityOrg, Stage: data.StageEngaged,
		Influence: 5, Interest: 5, Contacts: []data.Contact{{ID: "c1", Name: "Ελένη Παπαδοπούλου", Role: "Πρόεδρος",
			Email: "eleni@athens.example", Phone: "+30 210 000 0000", MaySign: true}}}
	sofia := &data.Partner{Name: "Zzyzx Bakery", PartnerKind: data.PartnerBusiness, Stage: data.StageDormant}
	save(t, s, athens)
	save(t, s, sofia)
	signed := data.Signatory{Name: "Amara", SignedOn: data.NewDate(2028, 12, 1)}
	old := &data.Agreement{Name: "Old kitchen agreement", AgreementKind: data.AgreementMOU, Status: data.StatusTerminated,
		Start: data.NewDate(2029, 1, 1), End: data.NewDate(2032, 1, 1), TerminatedOn: data.NewDate(2031, 2, 1), TerminationReason: "Renewed",
		Parties: []data.Party{{Us: true, Responsibilities: "Cook", Signatory: signed}, {PartnerID: athens.ID, Responsibilities: "Host", Signatory: signed}}}
	save(t, s, old)
	renewal := &data.Agreement{Name: "Kitchen renewal 2031", AgreementKind: data.AgreementMOU, Status: data.StatusSigned,
		Start: data.NewDate(2031, 2, 2), End: data.NewDate(2033, 2, 1), RenewalOf: old.ID,
		Parties: []data.Party{
			{Us: true, Responsibilities: "Cook", Contributions: []data.Contribution{{Kind: data.ResourceVolunteers, Description: "Cooks", Value: 100000}}},
			{PartnerID: athens.ID, Responsibilities: "Host", Contributions: []data.Contribution{{Kind: data.ResourceSpace, Description: "Hall", Value: 300000}}}}}
	save(t, s, renewal)
	save(t, s, &data.Activity{ActivityKind: "visit", Date: data.NewDate(2031, 5, 5), Name: "Bakery visit", PartnerIDs: []string{sofia.ID}})
	all := func(v int) map[data.Dimension]data.Score {
		out := map[data.Dimension]data.Score{}
		for _, d := range data.Dimensions {
			out[d] = data.Score{Value: v}
		}
		return out
	}
	save(t, s, &data.Evaluation{AgreementID: old.ID, Date: data.NewDate(2030, 6, 1),
		Respondents: []data.Respondent{{ID: "r1", Name: "Amara", Us: true, Scores: all(3)}}})
	save(t, s, &data.Evaluation{AgreementID: renewal.ID, Date: data.NewDate(2031, 6, 1),
		Respondents: []data.Respondent{{ID: "r1", Name: "Amara", Us: true, Scores: all(4)}, {ID: "r2", Name: "Ελένη", PartnerID: athens.ID, Scores: all(5)}},
		Impact:      data.Impact{PeopleReached: 700, EventsHeld: 3}})
	save(t, s, &data.Evaluation{AgreementID: old.ID, Date: data.NewDate(2031, 1, 10),
		Impact: data.Impact{PeopleReached: 534, EventsHeld: 2}})
	return s
}

func TestAnnualReportReadsBack(t *testing.T) {
	s := demoStore(t, 60)
	b, err := AnnualReport(s, 2031, data.NewDate(2032, 1, 15))
	if err != nil {
		t.Fatal(err)
	}
	text := words(run(t, b, "pdftotext", "-raw"))
	needs := data.NeedsDuring(s, data.Span{From: data.NewDate(2031, 1, 1), To: data.NewDate(2031, 12, 31)})
	for _, want := range []string{"ANNUAL PARTNERSHIP REPORT", "1 January – 31 December 2031",
		"Started 0", "Renewed 1", "Ended 1", "Kitchen renewal 2031 Σύλλογος Γειτονιάς Αθήνας Renewed 2 February 2031",
		"Old kitchen agreement Σύλλογος Γειτονιάς Αθήνας Terminated 1 February 2031",
		"Partners contributed (EUR) 3,000", "Leverage 3.0", "Space 3,000.00 —", "Volunteers — 1,000.00",
		"People reached 1,234", "Events held 5",
		"Overall health 4.5 Strength", "Change +1.5 since 2030 (3.0)", "Lighter bar: 2030", "Trust and respect 4.5 3.0",
		fmt.Sprintf("Needs met %d", needs.Met), fmt.Sprintf("Still open %d", len(needs.Waiting)),
		"Manage closely", "Interest", "Zzyzx Bakery", "Σύλλογος Γειτονιάς Αθήνας"} {
		if !strings.Contains(text, want) {
			t.Errorf("the annual report does not say %q", want)
		}
	}
	wantHeadings(t, strings.Join(pages(t, b), "\n"), "1 Our partners", "2 Agreements", "3 Resources contributed", "4 Impact",
		"5 Partnership health", "6 Community needs", "7 Stakeholder map", "8 Our network", "9 With thanks")
	if strings.Contains(text, "figures as of") {
		t.Error("a year printed after its end says its figures are as of the printed day")
	}
	run(t, b, "qpdf", "--check")
	embedded(t, b)
	if again, _ := AnnualReport(s, 2031, data.NewDate(2032, 1, 15)); !bytes.Equal(b, again) {
		t.Error("the same year printed on the same day gave different bytes")
	}
}

// A year with no agreements, evaluations or activities leaves out their sections, and a leverage with
// nothing of ours to divide by is a dash.
func TestAnnualReportLeavesOutEmptySections(t *testing.T) {
	s := data.NewMemory(&data.Partner{Meta: data.Meta{CreatedAt: time.Date(2019, 3, 1, 12, 0, 0, 0, time.Local)},
		Name: "Library", PartnerKind: data.PartnerEducation, Stage: data.StageEngaged})
	b, err := AnnualReport(s, 2020, demoToday)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages(t, b), "\n")
	for _, gone := range []string{"Resources contributed", "Community participation", "Impact", "Partnership health", "Renewed", "With thanks"} {
		if strings.Contains(text, gone) {
			t.Errorf("an empty year prints %q", gone)
		}
	}
	if leverage(500, 0) != "–" || leverage(300000, 100000) != "3.0" {
		t.Error("leverage")
	}
}

// A year before the records start, or one not yet begun, is refused in a sentence that says what to
// choose instead.
func TestAnnualReportRefusesAYearWithoutRecords(t *testing.T) {
	s := demoStore(t, 5)
	first := data.FirstYear(s)
	_, err := AnnualReport(s, first-1, demoToday)
	want := fmt.Sprintf("Your records start in %d, so there is nothing to report for %d: choose %d or a later year.", first, first-1, first)
	if err == nil || data.Explain(err, T) != want {
		t.Errorf("a year before the records: %v, want %q", err, want)
	}
	if _, err := AnnualReport(s, demoToday.Year+1, demoToday); err == nil || !strings.Contains(data.Explain(err, T), "has not begun yet") {
		t.Errorf("next year: %v", err)
	}
	if _, err := AnnualReport(s, first, demoToday); err != nil {
		t.Errorf("the first year of the records: %v", err)
	}
}

func TestAgreementRegisterSortsByStatusThenEnd(t *testing.T) {
	s := demoStore(t, 60)
	b, err := AgreementRegister(s, demoToday)
	if err != nil {
		t.Fatal(err)
	}
	text := words(run(t, b, "pdftotext", "-raw"))
	as := data.List[data.Agreement](s)
	if !strings.Contains(text, fmt.Sprintf("%d agreements, status on 23 November 2026", len(as))) {
		t.Errorf("the register does not count its %d agreements", len(as))
	}
	// Every agreement is a row, and the statuses come in the register's order.
	last := -1
	for _, a := range as {
		if !strings.Contains(text, a.Name) {
			t.Errorf("agreement %q is missing", a.Name)
		}
	}
	for _, st := range registerOrder {
		label := capitalise(string(st))
		i := strings.Index(text, " "+label+" ")
		if i < 0 {
			continue
		}
		if i < last {
			t.Errorf("status %q comes before an earlier status", st)
		}
		last = i
	}
	if !strings.Contains(text, "Kitchen renewal 2031 Memorandum of understanding Σύλλογος Γειτονιάς Αθήνας 2 February 2031 – 1 February 2033 Signed") {
		t.Errorf("the renewal's row is wrong:\n%s", text)
	}
	run(t, b, "qpdf", "--check")
	embedded(t, b)
}

func TestContactDirectoryListsPartnersAToZ(t *testing.T) {
	s := demoStore(t, 60)
	former := &data.Partner{Name: "Aardvark Former Partners", PartnerKind: data.PartnerOther, Stage: data.StageFormer,
		Contacts: []data.Contact{{ID: "f1", Name: "Gone Person", Email: "gone@example.org"}}}
	save(t, s, former)
	b, err := ContactDirectory(s, demoToday, false)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, b)
	text := words(run(t, b, "pdftotext", "-raw"))
	if !strings.Contains(text, "Ελένη Παπαδοπούλου * Πρόεδρος eleni@athens.example +30 210 000 0000") {
		t.Error("the Greek contact's row is missing")
	}
	if strings.Contains(text, "Aardvark Former Partners") {
		t.Error("a former partner is in the directory of current partners")
	}
	// A–Z: Zzyzx comes after every Latin name, and the Greek name after it.
	if z, g := strings.Index(text, "Zzyzx Bakery"), strings.LastIndex(text, "Σύλλογος Γειτονιάς Αθήνας"); z < 0 || g < z {
		t.Error("partners are not in alphabetical order")
	}
	// A partner's rows are never split: its last contact is on the page of its name.
	for _, p := range data.List[data.Partner](s) {
		if len(p.Contacts) == 0 || p.Stage == data.StageFormer {
			continue
		}
		last := p.Contacts[len(p.Contacts)-1]
		found := false
		for _, page := range ps {
			if strings.Contains(words(page), strings.Fields(p.Name)[0]) && strings.Contains(page, strings.Fields(last.Name)[0]) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is split from its contacts", p.Name)
		}
	}
	run(t, b, "qpdf", "--check")
	embedded(t, b)

	all, err := ContactDirectory(s, demoToday, true)
	if err != nil {
		t.Fatal(err)
	}
	if text := words(run(t, all, "pdftotext", "-raw")); !strings.Contains(text, "Aardvark Former Partners Gone Person") || !strings.Contains(text, "former partners included") {
		t.Error("the directory of all partners leaves out a former one")
	}
}

// The directory and the annual report are handouts: of 300 partners, the directory fits in 15 pages (19
// with the demo's charity number printed under each name: a line more for a partner with one person), and
// the year's report — its agreements started and ended and its open needs listed as compactly as the
// directory — in 11.
func TestHandoutsOf300PartnersAreCompact(t *testing.T) {
	records := demo.Records(demo.Options{Partners: 300, Seed: 1, Today: demoToday}, demoToday.Time())
	s := data.NewMemory(records...)
	b, err := ContactDirectory(s, demoToday, false)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pages(t, b)); n > 19 {
		t.Errorf("the directory of 300 partners, their charity numbers printed, takes %d pages", n)
	}
	for _, r := range records {
		if d, ok := r.(*data.FieldDefinition); ok {
			d.Print = false
		}
	}
	if b, err = ContactDirectory(s, demoToday, false); err != nil {
		t.Fatal(err)
	}
	if n := len(pages(t, b)); n > 15 {
		t.Errorf("the directory of 300 partners takes %d pages", n)
	}
	if b, err = AnnualReport(s, demoToday.Year, demoToday); err != nil {
		t.Fatal(err)
	}
	if n := len(pages(t, b)); n > 12 { // one of them the network map
		t.Errorf("the annual report of 300 partners takes %d pages", n)
	}
}

func BenchmarkAnnualReport(b *testing.B) {
	s := demoStore(b, 1000)
	for b.Loop() {
		if _, err := AnnualReport(s, 2026, demoToday); err != nil {
			b.Fatal(err)
		}
	}
}

// The reports of 2025 and 2026 of the same records differ where the records say the years did: each counts
// the partners, the partners thanked, the needs and the people who took part as of its year's last day,
// or of the printed day while the year runs, and 2025's says the same whether printed in January or in
// November 2026.
func TestAnnualReportsAreTrueForTheirYear(t *testing.T) {
	s := data.NewMemory(demo.Records(demo.Options{Partners: 120, Seed: 5, Today: demoToday}, demoToday.Time())...)
	figures := map[int]string{}
	for _, c := range []struct {
		year    int
		printed data.Date
	}{{2025, data.NewDate(2026, 1, 15)}, {2025, demoToday}, {2026, demoToday}} {
		span, current := data.YearSpan(c.year, c.printed)
		b, err := AnnualReport(s, c.year, c.printed)
		if err != nil {
			t.Fatal(err)
		}
		text := words(run(t, b, "pdftotext", "-raw"))
		needs := data.NeedsDuring(s, span)
		want := []string{
			fmt.Sprintf("Partners %d in our records on %s", len(data.PartnersOn(s, span.To)), longDate(span.To)),
			fmt.Sprintf("We thank the %d partners who worked with us in %d", len(data.WorkedWith(s, span)), c.year),
			fmt.Sprintf("Raised %d needs raised in %d", needs.Raised, c.year),
			fmt.Sprintf("Needs met %d", needs.Met),
			fmt.Sprintf("Still open %d on %s", len(needs.Waiting), longDate(span.To)),
			fmt.Sprintf("People took part %s", grouped(fmt.Sprint(data.TurnoutIn(s, span, nil).People))),
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%d printed on %s does not say %q", c.year, c.printed, w)
			}
		}
		if strings.Contains(text, "figures as of") != current {
			t.Errorf("%d printed on %s: says its figures are as of the printed day: %v", c.year, c.printed, !current)
		}
		if got := strings.Join(want, "\n"); figures[c.year] == "" {
			figures[c.year] = got
		} else if figures[c.year] != got {
			t.Errorf("%d says different things printed on different days:\n%s\n---\n%s", c.year, figures[c.year], got)
		}
	}
	if figures[2025] == figures[2026] {
		t.Error("the reports of 2025 and 2026 say the same")
	}
}

// People taking part are charted for every month of the year, a month when no one was counted at zero, so
// the chart shows the gap rather than closing it up.
func TestAnnualParticipationChartsEveryMonth(t *testing.T) {
	s := data.NewMemory()
	p := &data.Partner{Name: "Hill School", PartnerKind: data.PartnerCommunityOrg, Stage: data.StageActive}
	save(t, s, p)
	for _, a := range []*data.Activity{
		{Name: "Spring fair", ActivityKind: "event", Date: data.NewDate(2025, time.March, 5), PartnerIDs: []string{p.ID}, Participation: data.Participation{People: 12}},
		{Name: "Autumn fair", ActivityKind: "event", Date: data.NewDate(2025, time.October, 5), PartnerIDs: []string{p.ID}, Participation: data.Participation{People: 30}},
	} {
		save(t, s, a)
	}
	b, err := AnnualReport(s, 2025, demoToday)
	if err != nil {
		t.Fatal(err)
	}
	text := words(run(t, b, "pdftotext", "-raw"))
	for _, want := range []string{"January 0", "February 0 March 12 April 0", "September 0 October 30 November 0 December 0"} {
		if !strings.Contains(text, want) {
			t.Errorf("the month-by-month chart does not say %q:\n%s", want, text)
		}
	}
}

// An agreement signed to start later in the year reads "Starts on …" in a report printed before that day,
// and is not yet counted as started; printed after the year, it reads "Started …" and counts.
func TestAnnualReportSaysAFutureStartStarts(t *testing.T) {
	s := data.NewMemory()
	p := &data.Partner{Name: "Hill School", PartnerKind: data.PartnerCommunityOrg, Stage: data.StageEngaged}
	save(t, s, p)
	signed := data.Signatory{Name: "Amara", SignedOn: data.NewDate(2026, time.November, 20)}
	save(t, s, &data.Agreement{Name: "Winter kitchen", AgreementKind: data.AgreementMOU, Status: data.StatusSigned,
		Start: data.NewDate(2026, time.December, 27), End: data.NewDate(2027, time.December, 26),
		Parties: []data.Party{{Us: true, Responsibilities: "Cook", Signatory: signed}, {PartnerID: p.ID, Responsibilities: "Host", Signatory: signed}}})
	for printed, want := range map[data.Date]string{
		data.NewDate(2026, time.December, 1): "Started 0 new agreements Renewed 0",
		data.NewDate(2027, time.January, 5):  "Started 1 new agreements Renewed 0",
	} {
		b, err := AnnualReport(s, 2026, printed)
		if err != nil {
			t.Fatal(err)
		}
		text := words(run(t, b, "pdftotext", "-raw"))
		future := printed.Before(data.NewDate(2026, time.December, 27))
		if !strings.Contains(text, want) || strings.Contains(text, "Starts on 27 December 2026") != future ||
			strings.Contains(text, "Started 27 December 2026") == future {
			t.Errorf("printed on %s, the report does not say %q, or says the wrong thing of the start:\n%s", printed, want, text)
		}
	}
}
