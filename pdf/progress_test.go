package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"accord/data"
	"accord/i18n"
)

var progressDay = data.NewDate(2026, time.March, 10)

// progressed is the evaluated agreement, signed, with a meeting at the Athens partner that drew 30 people
// and agreed two actions — one for Eleni, still open, one for Amara, done — a fair with the Novosibirsk
// centre that drew 120, and a meeting before the agreement began.
func progressed(t *testing.T) (*data.Memory, *data.Agreement) {
	t.Helper()
	s, a, _, _ := evaluated(t)
	signAll(a)
	save(t, s, a)
	athens, dawn := a.PartnerIDs()[0], a.PartnerIDs()[1]
	save(t, s, &data.Activity{Name: "Menu planning", ActivityKind: "meeting", Date: data.NewDate(2025, time.May, 10),
		AgreementID: a.ID, PartnerIDs: []string{athens}, Participation: data.Participation{People: 30, New: 8, Volunteers: 5},
		Actions: []data.ActionItem{{ID: "p1", Text: "Book the hall for the summer", Owner: "Ελένη Παπαδοπούλου", Due: data.NewDate(2025, time.June, 1)},
			{ID: "p2", Text: "Order the aprons", Owner: "Amara Okafor", Done: true, DoneOn: data.NewDate(2025, time.June, 1)}}})
	save(t, s, &data.Activity{Name: "Winter food fair", ActivityKind: "event", Date: data.NewDate(2026, time.January, 15),
		PartnerIDs: []string{dawn}, Participation: data.Participation{People: 120, Community: 90}})
	save(t, s, &data.Activity{Name: "First contact", ActivityKind: "call", Date: data.NewDate(2025, time.January, 10),
		AgreementID: a.ID, PartnerIDs: []string{athens}})
	return s, a
}

func TestProgressReportReadsBack(t *testing.T) {
	s, a := progressed(t)
	a.Language = "en"
	b, err := ProgressReport(s, a, progressDay)
	if err != nil {
		t.Fatal(err)
	}
	text := words(run(t, b, "pdftotext", "-raw"))
	for _, want := range []string{"PARTNERSHIP PROGRESS REPORT", a.Name, "Period: 1 April 2025 to 10 March 2026",
		"Partnership health 3.6 Worth discussing, on 5 March 2025", "Activities 2 150 people took part",
		"Serve a hot community meal every week On track. 2,400 meals 1,800 meals 75%", "Train residents in food hygiene 25 people — —",
		"Riverside Residents' Association Volunteers: Twelve trained kitchen volunteers (EUR 4,800.00) Actions done: 1 of 2",
		"Σύλλογος Γειτονιάς Αθήνας Space: Hall and kitchen, three evenings a week (EUR 12,500.50) At 1 of the 2 activities Actions done: 0 of 1",
		"People took part 150", "Of them 8 new to us (5%), 5 volunteers (3%), 90 from the community served (60%)",
		"Winter food fair 90 from the community served 120", "Menu planning 8 new to us, 5 volunteers 30",
		"Next review 5 September 2025 (overdue)",
		"Book the hall for the summer Ελένη Παπαδοπούλου Σύλλογος Γειτονιάς Αθήνας 1 June 2025 Overdue"} {
		if !strings.Contains(text, want) {
			t.Errorf("the progress report does not say %q", want)
		}
	}
	for _, gone := range []string{"First contact", "Order the aprons"} {
		if strings.Contains(text, gone) {
			t.Errorf("the progress report lists %q: before the period, or done", gone)
		}
	}
	if n := len(pages(t, b)); n > 2 {
		t.Errorf("the progress report takes %d pages", n)
	}
	run(t, b, "qpdf", "--check")
	embedded(t, b)
}

// The report speaks the agreement's language, whatever the screen's.
func TestProgressReportInTheAgreementsLanguage(t *testing.T) {
	s, a := progressed(t)
	for lang, day := range map[string]string{"es": "10 de marzo de 2026", "fr": "10 mars 2026", "en": "10 March 2026"} {
		a.Language = lang
		b, err := ProgressReport(s, a, progressDay)
		if err != nil {
			t.Fatal(err)
		}
		l := i18n.In(lang)
		text := words(run(t, b, "pdftotext", "-raw"))
		for _, want := range []string{strings.ToUpper(l.T("Partnership progress report")), l.T("Goals and progress"),
			l.T("Next review and open actions"), day, l.T("Page %d of %d", 1, len(pages(t, b)))} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the report does not say %q", lang, want)
			}
		}
		if lang != "en" && strings.Contains(text, "Goals and progress") {
			t.Errorf("%s: a heading is in English", lang)
		}
		// what a party gives reads "Kind: description", with the space French sets before a colon
		if want := map[string]string{"en": "Space: Hall", "es": "Espacio: Hall", "fr": "Locaux : Hall"}[lang]; !strings.Contains(text, want) {
			t.Errorf("%s: the report does not say %q", lang, want)
		}
	}
}

// A busy agreement — a dozen open actions and a full list of activities, each with who took part — still
// fits on two pages; the same agreement, once ended, has no review to come.
func TestProgressReportOfABusyAgreementFitsOnTwoPages(t *testing.T) {
	s, a := progressed(t)
	a.Language = "es"
	athens := a.PartnerIDs()[0]
	var actions []data.ActionItem
	for i := range 12 {
		actions = append(actions, data.ActionItem{ID: fmt.Sprint("busy", i), Text: "Ask the council about the street-party permit",
			Owner: "Ελένη Παπαδοπούλου", Due: data.NewDate(2026, time.December, 1+i)})
	}
	for i := range recentForProgress {
		x := &data.Activity{Name: fmt.Sprint("Neighbourhood fair number ", i), ActivityKind: "event",
			Date: data.NewDate(2025, time.October, 20+i), AgreementID: a.ID, PartnerIDs: []string{athens},
			Participation: data.Participation{People: 150, New: 40, Volunteers: 12, Community: 110}}
		if i == 0 {
			x.Actions = actions
		}
		save(t, s, x)
	}
	b, err := ProgressReport(s, a, progressDay)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pages(t, b)); n > 2 {
		t.Errorf("the progress report of a busy agreement takes %d pages", n)
	}
	if text := words(run(t, b, "pdftotext", "-raw")); !strings.Contains(text, "Próxima revisión 5 de septiembre de 2025 (vencida)") {
		t.Errorf("the running agreement's review is not shown as overdue:\n%s", text)
	}
	a.End = data.NewDate(2026, time.January, 31)
	b, err = ProgressReport(s, a, progressDay)
	if err != nil {
		t.Fatal(err)
	}
	if text := words(run(t, b, "pdftotext", "-raw")); !strings.Contains(text, "Próxima revisión Ninguna: el acuerdo terminó el 31 de enero de 2026.") {
		t.Errorf("the ended agreement still has a review to come:\n%s", text)
	}
}
