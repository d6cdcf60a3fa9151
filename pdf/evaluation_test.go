package pdf

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"accord/data"
)

// evaluated is the MOU fixture with a third goal of 20 and two evaluations of the agreement: last year's,
// and this year's, scored by a Greek and a Russian respondent, the second of whom skipped a dimension.
func evaluated(t testing.TB) (s *data.Memory, a *data.Agreement, last, this *data.Evaluation) {
	t.Helper()
	s, a = fixture(t)
	a.Goals = append(a.Goals, data.Goal{ID: "g3", Text: "Run cooking evenings in Spanish", Target: 20, Unit: "evenings"})
	save(t, s, a)
	athens, dawn := a.PartnerIDs()[0], a.PartnerIDs()[1]
	all := func(v int) map[data.Dimension]data.Score {
		out := map[data.Dimension]data.Score{}
		for _, d := range data.Dimensions {
			out[d] = data.Score{Value: v}
		}
		return out
	}
	last = &data.Evaluation{AgreementID: a.ID, Date: data.NewDate(2024, time.March, 20),
		Respondents: []data.Respondent{{ID: "r0", Name: "Amara Okafor", Us: true, Scores: all(3)}}}
	eleni := data.Respondent{ID: "r1", Name: "Ελένη Παπαδοπούλου", Role: "Πρόεδρος", PartnerID: athens, Scores: all(4)}
	eleni.Scores[data.DimTrust] = data.Score{Value: 5, Comment: "Η εμπιστοσύνη μεγάλωσε πολύ φέτος."}
	eleni.Scores[data.DimCommunication] = data.Score{Value: 5}
	olga := data.Respondent{ID: "r2", Name: "Ольга Иванова", PartnerID: dawn, Scores: all(3)}
	delete(olga.Scores, data.DimBenefit) // skipped: the average is Eleni's 4 alone
	olga.Scores[data.DimCommunication] = data.Score{Value: 2, Comment: "Мы узнаём о встречах слишком поздно."}
	this = &data.Evaluation{AgreementID: a.ID, Date: data.NewDate(2025, time.March, 5),
		PeriodStart: data.NewDate(2024, time.April, 1), PeriodEnd: data.NewDate(2025, time.March, 31),
		Respondents: []data.Respondent{eleni, olga},
		GoalProgress: []data.GoalProgress{{GoalID: "g1", Actual: 1800, Note: "On track."}, {GoalID: "g3", Actual: 15},
			{GoalID: "gone", Actual: 99}},
		Impact: data.Impact{PeopleReached: 1240, VolunteerHours: 860.5, FundsLeveraged: 1250050, InKindValue: 300000, EventsHeld: 14,
			Custom: []data.Figure{{Label: "Meals served", Value: 1800, Unit: "meals"}}},
		Strengths:  "The kitchen opened every week.",
		Challenges: "Volunteers are hard to find in summer.",
		Actions: []data.ActionItem{{ID: "x1", Text: "Send the meeting dates a month ahead", Owner: "Amara Okafor", Due: data.NewDate(2025, time.April, 1)},
			{ID: "x2", Text: "Find summer volunteers", Owner: "Ольга Иванова", Due: data.NewDate(2025, time.February, 1)},
			{ID: "x3", Text: "Print the menu in Greek", Done: true}},
	}
	save(t, s, last)
	save(t, s, this)
	return s, a, last, this
}

func report(t testing.TB, s *data.Memory, e *data.Evaluation) []byte {
	t.Helper()
	b, err := EvaluationReport(s, e, printedOn, false)
	if err != nil {
		t.Fatalf("EvaluationReport: %v", err)
	}
	return b
}

// TestEvaluationScoring checks the figures the report prints against the scoring rules: a skipped
// dimension counts for nothing, not zero.
func TestEvaluationScoring(t *testing.T) {
	_, _, _, e := evaluated(t)
	if got := e.Summarise(data.DimBenefit); got.Count != 1 || got.Mean != 4 {
		t.Errorf("mutual benefit with one skip: %+v, want Eleni's 4 alone", got)
	}
	if got := e.Summarise(data.DimCommunication); got.Mean != 3.5 || got.Spread() != 3 {
		t.Errorf("communication: %+v, want 3.5 with a spread of 3", got)
	}
	// Trust 4.0, decisions 3.5, communication 3.5, benefit 4.0, inclusion 3.5, resources 3.5, progress 3.5.
	if want := 25.5 / 7; math.Abs(e.Overall()-want) > 1e-9 {
		t.Errorf("overall %v, want %v", e.Overall(), want)
	}
}

func TestEvaluationReportReadsBack(t *testing.T) {
	s, a, _, e := evaluated(t)
	pdf := report(t, s, e)
	ps := pages(t, pdf)
	// -raw keeps the drawing order: a wrapped table cell reads whole, and the tiles one after another.
	text := words(run(t, pdf, "pdftotext", "-raw"))
	for _, name := range data.DimensionNames {
		if strings.Count(text, name) < 2 { // in the chart and in the table
			t.Errorf("the dimension %q is not in both the chart and the table", name)
		}
	}
	for _, want := range []string{"PARTNERSHIP EVALUATION", a.Name, "Evaluated on 5 March 2025", "Period 1 April 2024 – 31 March 2025",
		"Overall health 3.6 Worth discussing", "Respondents 2 from 2 organisations",
		"Change +0.6 since 20 March 2024 (3.0)",
		"Trust and respect 4.0 +1.0 3–5 Strength", "Mutual benefit 4.0 +1.0 4–4 Strength",
		"Communication 3.5 +0.5 2–5 Worth discussing Talk about this: scores differ by 3",
		"Lighter bar: previous evaluation, 20 March 2024",
		"Dimension Σύλλογος Γειτονιάς Αθήνας Общественный центр «Рассвет» Gap", "Communication 5.0 2.0 3.0", "Mutual benefit 4.0 — —",
		"Πρόεδρος Σύλλογος Γειτονιάς Αθήνας 5 Η εμπιστοσύνη μεγάλωσε πολύ φέτος.",
		"A respondent Общественный центр «Рассвет» 2 Мы узнаём о встречах слишком поздно.",
		"2,400 meals 1,800 meals 75%", "On track.", "20 evenings 15 evenings 75%",
		"People reached 1,240", "Volunteer hours 860.5", "Funds leveraged 12,500.50 EUR", "In-kind value 3,000.00 EUR",
		"Events held 14", "Meals served 1,800 meals", "The kitchen opened every week.", "Volunteers are hard to find in summer.",
		"Send the meeting dates a month ahead Amara Okafor 1 April 2025 Not done yet", "Find summer volunteers Ольга Иванова 1 February 2025 Overdue",
		"Print the menu in Greek — — Done"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	if strings.Contains(text, "99") {
		t.Error("progress on a goal no longer on the agreement is printed")
	}
	wantHeadings(t, strings.Join(ps, "\n"), "1 Summary", "2 Health by dimension", "3 What respondents said", "4 Goal progress",
		"5 Impact", "6 Strengths", "7 Challenges", "8 Actions")
	// The chart labels each bar with its average, this year's bar before last year's lighter one.
	if !strings.Contains(text, "Trust and respect 4.0 3.0") || !strings.Contains(text, "Mutual benefit 4.0 3.0") {
		t.Errorf("the chart's bars are not labelled with this and last year's averages:\n%s", text)
	}
	for i, p := range ps {
		if !strings.Contains(words(p), "Partnership evaluation: "+a.Name) || !strings.Contains(p, "10 March 2025") {
			t.Errorf("page %d lacks the footer", i+1)
		}
	}
}

func TestEvaluationReportLeavesOutEmptySections(t *testing.T) {
	s, a, last, _ := evaluated(t)
	ps := pages(t, report(t, s, last))
	text := strings.Join(ps, "\n")
	wantHeadings(t, text, "1 Summary", "2 Health by dimension")
	for _, gone := range []string{"What respondents said", "Goal progress", "Impact", "Strengths", "Challenges", "Actions",
		"Change", "Lighter bar", "Talk about this", "Gap"} {
		if strings.Contains(text, gone) {
			t.Errorf("a first evaluation with scores only prints %q", gone)
		}
	}
	// No scores at all: no summary, no chart, only the title.
	bare := &data.Evaluation{AgreementID: a.ID, Date: data.NewDate(2023, time.March, 1)}
	save(t, s, bare)
	text = strings.Join(pages(t, report(t, s, bare)), "\n")
	if strings.Contains(text, "Summary") || strings.Contains(text, "Health by dimension") || !strings.Contains(text, a.Name) {
		t.Errorf("an evaluation with nothing in it:\n%s", text)
	}
}

func TestEvaluationReportPreviousIsOfTheSameSubject(t *testing.T) {
	s, a, last, e := evaluated(t)
	// A later one, a deleted one and one of another partner do not count as the previous evaluation.
	later := &data.Evaluation{AgreementID: a.ID, Date: data.NewDate(2026, time.March, 1), Respondents: last.Respondents}
	deleted := &data.Evaluation{AgreementID: a.ID, Date: data.NewDate(2025, time.January, 1), Respondents: e.Respondents}
	other := &data.Evaluation{PartnerID: a.PartnerIDs()[0], Date: data.NewDate(2025, time.February, 1), Respondents: e.Respondents}
	for _, r := range []data.Record{later, deleted, other} {
		save(t, s, r)
	}
	deleted.Deleted = true
	if text := words(strings.Join(pages(t, report(t, s, e)), "\n")); !strings.Contains(text, "since 20 March 2024 (3.0)") {
		t.Errorf("the change is not measured from 20 March 2024:\n%s", text)
	}
	// An evaluation of a partner alone compares with the partner's earlier ones.
	text := words(strings.Join(pages(t, report(t, s, other)), "\n"))
	if !strings.Contains(text, "Σύλλογος Γειτονιάς Αθήνας") || strings.Contains(text, "Change") {
		t.Errorf("a partner's first evaluation:\n%s", text)
	}
}

func TestEvaluationReportIsAValidReproduciblePDF(t *testing.T) {
	s, _, _, e := evaluated(t)
	pdf := report(t, s, e)
	run(t, pdf, "qpdf", "--check")
	embedded(t, pdf)
	if !bytes.Equal(pdf, report(t, s, e)) {
		t.Error("the same evaluation printed on the same day gave different bytes")
	}
}

// embedded checks that every font in the PDF is embedded, so it prints the same on any machine.
func embedded(t *testing.T, pdf []byte) {
	t.Helper()
	fonts := strings.Split(strings.TrimSpace(run(t, pdf, "pdffonts")), "\n")
	if len(fonts) < 4 {
		t.Fatalf("pdffonts:\n%s", strings.Join(fonts, "\n"))
	}
	for _, line := range fonts[2:] {
		if f := strings.Fields(line); len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
	}
}

func TestEvaluationReportRefusesAMissingSubject(t *testing.T) {
	s, _, _, e := evaluated(t)
	e.AgreementID = data.NewID()
	if _, err := EvaluationReport(s, e, printedOn, false); err == nil {
		t.Fatal("an evaluation of nothing printed")
	}
}

// A report to share says who answered by organisation and role; the group's own copy names them too.
func TestEvaluationReportNamesRespondentsOnlyWhenAsked(t *testing.T) {
	s, _, _, e := evaluated(t)
	shared := words(run(t, report(t, s, e), "pdftotext", "-raw"))
	if strings.Contains(shared, "Ελένη") {
		t.Error("the report to share names a respondent")
	}
	own, err := EvaluationReport(s, e, printedOn, true)
	if err != nil {
		t.Fatal(err)
	}
	if text := words(run(t, own, "pdftotext", "-raw")); !strings.Contains(text, "Ελένη Παπαδοπούλου Πρόεδρος Σύλλογος Γειτονιάς Αθήνας 5") {
		t.Errorf("the group's own copy does not name the respondent:\n%s", text)
	}
}

// Green, amber and red mean the bands: a change since the last evaluation, up or down, is printed in
// neither, and a small drop is no concern.
func TestChangeIsNotColouredAsABand(t *testing.T) {
	s, _, last, e := evaluated(t)
	last.Respondents[0].Scores = map[data.Dimension]data.Score{}
	for _, d := range data.Dimensions {
		last.Respondents[0].Scores[d] = data.Score{Value: 4} // 0.4 above this year's 3.6: a small drop
	}
	save(t, s, last)
	r := &evalReport{s: s, org: s.Organisation(), e: e, prev: data.Previous(s, e)}
	found := false
	for _, tl := range r.summary()[0].(tiles) {
		if tl.label == "Change" {
			found = true
			if tl.value != "−0.4" || tl.colour == concernColour || tl.colour == strengthColour {
				t.Errorf("the change tile reads %s in %v", tl.value, tl.colour)
			}
		}
	}
	if !found {
		t.Error("the summary has no change tile")
	}
}

// The band follows the average as printed: 3.96 prints as 4.0, a strength.
func TestBandFollowsThePrintedAverage(t *testing.T) {
	for avg, want := range map[float64]data.Band{3.96: data.BandStrength, 3.94: data.BandDiscuss, 2.95: data.BandDiscuss,
		2.94: data.BandConcern, math.NaN(): data.BandNone} {
		if got := data.BandOf(avg); got != want {
			t.Errorf("BandOf(%v) = %q, printed as %s, want %q", avg, got, score(avg), want)
		}
	}
}
