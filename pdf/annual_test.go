package pdf

import (
	"bytes"
	"fmt"
	"regexp"
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
	old := &data.Agreement{Name: "Old kitchen agreement", AgreementKind: data.AgreementMOU, Status: data.StatusTerminated,
		Start: data.NewDate(2029, 1, 1), End: data.NewDate(2032, 1, 1), TerminatedOn: data.NewDate(2031, 2, 1), TerminationReason: "Renewed",
		Parties: []data.Party{{Us: true, Responsibilities: "Cook"}, {PartnerID: athens.ID, Responsibilities: "Host"}}}
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
	met, open := 0, 0
	for _, n := range data.List[data.Need](s) {
		switch {
		case n.Status == data.NeedMet:
			met++
		case n.Unmet():
			open++
		}
	}
	for _, want := range []string{"ANNUAL PARTNERSHIP REPORT", "1 January – 31 December 2031",
		"Started 0", "Renewed 1", "Ended 1", "Kitchen renewal 2031 Σύλλογος Γειτονιάς Αθήνας Renewed 2 February 2031",
		"Old kitchen agreement Σύλλογος Γειτονιάς Αθήνας Terminated 1 February 2031",
		"Partners contributed (EUR) 3,000", "Leverage 3.0", "Space 3,000.00 —", "Volunteers — 1,000.00",
		"People reached 1,234", "Events held 5",
		"Overall health 4.5 Strength", "Change +1.5 since 2030 (3.0)", "Lighter bar: 2030", "Trust and respect 4.5 3.0",
		fmt.Sprintf("Needs met %d", met), fmt.Sprintf("Still open %d", open),
		"Manage closely", "Interest", "Zzyzx Bakery", "Σύλλογος Γειτονιάς Αθήνας"} {
		if !strings.Contains(text, want) {
			t.Errorf("the annual report does not say %q", want)
		}
	}
	wantHeadings(t, strings.Join(pages(t, b), "\n"), "1 Our partners", "2 Agreements", "3 Resources contributed", "4 Impact",
		"5 Partnership health", "6 Community needs", "7 Stakeholder map", "8 Our network", "9 With thanks")
	run(t, b, "qpdf", "--check")
	embedded(t, b)
	if again, _ := AnnualReport(s, 2031, data.NewDate(2032, 1, 15)); !bytes.Equal(b, again) {
		t.Error("the same year printed on the same day gave different bytes")
	}
}

// A year with no agreements, evaluations or activities leaves out their sections, and a leverage with
// nothing of ours to divide by is a dash.
func TestAnnualReportLeavesOutEmptySections(t *testing.T) {
	s := demoStore(t, 5)
	b, err := AnnualReport(s, 1990, demoToday)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages(t, b), "\n")
	for _, gone := range []string{"Resources contributed", "Impact", "Partnership health", "Renewed"} {
		if strings.Contains(text, gone) {
			t.Errorf("an empty year prints %q", gone)
		}
	}
	if leverage(500, 0) != "–" || leverage(300000, 100000) != "3.0" {
		t.Error("leverage")
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
	b, err := ContactDirectory(s, demoToday)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, b)
	text := words(run(t, b, "pdftotext", "-raw"))
	if !strings.Contains(text, "Ελένη Παπαδοπούλου Πρόεδρος eleni@athens.example +30 210 000 0000 Yes") {
		t.Error("the Greek contact's row is missing")
	}
	// A–Z: Zzyzx comes after every Latin name, and the Greek name after it.
	if z, g := strings.Index(text, "Zzyzx Bakery"), strings.LastIndex(text, "Σύλλογος Γειτονιάς Αθήνας"); z < 0 || g < z {
		t.Error("partners are not in alphabetical order")
	}
	// A partner's block is never split: its name is on the same page as its first contact.
	for _, p := range data.List[data.Partner](s) {
		if len(p.Contacts) == 0 {
			continue
		}
		named := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(p.Name) + `\s*$`) // its heading, not a longer name
		for _, page := range ps {
			// A long contact name wraps in its cell, so its first word stands for it.
			if named.MatchString(page) && !strings.Contains(page, strings.Fields(p.Contacts[0].Name)[0]) {
				t.Errorf("%s is split from its contacts", p.Name)
			}
		}
	}
	run(t, b, "qpdf", "--check")
	embedded(t, b)
}

func BenchmarkAnnualReport(b *testing.B) {
	s := demoStore(b, 1000)
	for b.Loop() {
		if _, err := AnnualReport(s, 2026, demoToday); err != nil {
			b.Fatal(err)
		}
	}
}
