package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

func TestTwoRespondentEvaluationShowsAveragesSpreadAndGoalProgress(t *testing.T) {
	f := newFixture(t)
	a := data.Lookup[data.Agreement](f.store, f.soon.ID)
	edit, _ := store.Get[data.Agreement](f.store, a.ID)
	edit.Goals = []data.Goal{{ID: "g1", Text: "Pupils attending each week", Target: 20, Unit: "pupils"}}
	edit.ReviewEveryMonths = 6
	f.save(t, edit)
	settle(t)
	f.save(t, &data.Evaluation{AgreementID: a.ID, Date: today.AddDays(-200), Respondents: []data.Respondent{
		{Name: "Earlier", Us: true, Scores: map[data.Dimension]data.Score{data.DimTrust: {Value: 3}}}}})
	sh, _ := showShell(t, f.store)
	es := showScreen[*evaluationsScreen](t, sh)
	if !strings.Contains(textOf(es.due), "Homework club at the library: evaluation") {
		t.Fatalf("the due evaluation is not shown:\n%s", textOf(es.due))
	}
	test.Tap(button(t, es.due, "Start"))
	settle(t)
	ed := es.editor
	test.Tap(button(t, es.pane, "Add a respondent"))
	settle(t)
	test.Tap(button(t, es.pane, "Add a respondent"))
	settle(t)
	ed.e.Respondents[0].Name = "Amara Okafor"
	ed.e.Respondents[1].Name, ed.e.Respondents[1].Us, ed.e.Respondents[1].PartnerID = "Ελένη Παπαδοπούλου", false, f.library.ID
	// Each respondent has seven score drop-downs, after the "speaks for" one.
	selects := find[*widget.Select](es.pane)
	var scores []*widget.Select
	for _, s := range selects {
		if len(s.Options) == 6 && s.Options[0] == "skip" {
			scores = append(scores, s)
		}
	}
	if len(scores) != 14 {
		t.Fatalf("%d score drop-downs, want 7 per respondent", len(scores))
	}
	scores[0].SetSelected("5") // Amara: trust 5
	settle(t)
	scores[7].SetSelected("2") // Eleni: trust 2
	settle(t)
	scores[1].SetSelected("4") // Amara: decisions 4; Eleni skips it
	settle(t)
	summary := textOf(ed.summary)
	for _, want := range []string{
		"Trust and respect: 3.5 (worth discussing), scores from 2 to 5 — people see this differently: talk about it",
		"Shared decision-making: 4.0 (strength), scores from 4 to 4",
		"Communication: not scored yet",
		"3.0 → 3.8 (+0.8)",
	} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	for _, e := range find[*widget.Entry](es.pane) {
		if e.Validator != nil && e.Text == "" && len(ed.goals) == 1 {
			test.Type(e, "15")
			settle(t)
			break
		}
	}
	if ed.goals[0].Text != "75%" {
		t.Fatalf("goal reached: %q", ed.goals[0].Text)
	}
	ed.onSave()
	settle(t)
	saved := data.Lookup[data.Evaluation](f.store, ed.e.ID)
	if saved == nil || len(saved.Respondents) != 2 || saved.GoalProgress[0].Actual != 15 || saved.Summarise(data.DimTrust).Mean != 3.5 {
		t.Fatalf("saved evaluation = %+v", saved)
	}
	if strings.Contains(textOf(es.due), "Homework club") {
		t.Fatal("the agreement is still shown as due after its evaluation")
	}
	test.Tap(button(t, es.pane, "Open report to print"))
	settle(t)
	reports, _ := filepath.Glob(filepath.Join(f.store.Dir(), "printed", "Evaluation *.pdf"))
	if len(reports) != 1 {
		t.Fatalf("report files: %v", reports)
	}
}

func TestHealthTrendPlotsEveryScoredEvaluation(t *testing.T) {
	scored := func(d data.Date, v int) *data.Evaluation {
		return &data.Evaluation{Date: d, Respondents: []data.Respondent{{Name: "A", Scores: map[data.Dimension]data.Score{data.DimTrust: {Value: v}}}}}
	}
	trend := healthTrend([]*data.Evaluation{scored(today.AddDays(-300), 2), {Date: today.AddDays(-200)}, scored(today, 4)})
	text := textOf(trend)
	if !strings.Contains(text, longDate(today.AddDays(-300))+": 2.0") || !strings.Contains(text, longDate(today)+": 4.0") || strings.Contains(text, longDate(today.AddDays(-200))) {
		t.Fatalf("trend caption: %q", text)
	}
	if got := len(find[*canvas.Circle](trend)); got != 2 {
		t.Fatalf("%d points drawn, want 2 (an unscored evaluation has none)", got)
	}
	if !strings.Contains(textOf(healthTrend(nil)), "No health check recorded yet.") {
		t.Fatal("an empty history says nothing")
	}
}

func TestEvaluateAPartnerWithoutAnAgreement(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	es := showScreen[*evaluationsScreen](t, sh)
	view := sh.current.view
	test.Tap(button(t, view, "New evaluation of a partner…"))
	settle(t)
	choosePartnerInDialog(t, w, "allotments")
	ed := es.editor
	if ed == nil || ed.e.PartnerID == "" || ed.e.AgreementID != "" {
		t.Fatal("no evaluation of the partner opened")
	}
	if labels, _ := ed.sides(); len(labels) != 2 || labels[1] != "Green Allotments" {
		t.Fatalf("a respondent can speak for %v", labels)
	}
	ed.onSave()
	settle(t)
	if got := data.Lookup[data.Evaluation](f.store, ed.e.ID); got == nil || data.Describe(f.store, got) != today.String()+" — Green Allotments" {
		t.Fatal("the partner's evaluation was not saved under its name")
	}
}
