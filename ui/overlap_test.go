package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// typeWhile types into every multi-line field of a pane, a word at a time, while background work runs:
// what a volunteer does while a PDF renders. Under the race detector, work that read the form's own
// struct instead of a copy fails the test.
func typeWhile(t *testing.T, pane *widget.Entry, words int) {
	t.Helper()
	for i := 0; i < words; i++ {
		test.Type(pane, " more")
		runQueued()
	}
}

func TestTypingWhileAnMOUPrintsSharesNothingWithThePrint(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	as := showScreen[*agreementsScreen](t, sh)
	as.selectID(f.soon.ID)
	settle(t)
	var purpose *widget.Entry
	for _, e := range find[*widget.Entry](as.pane) {
		if e.MultiLine && purpose == nil {
			purpose = e
		}
	}
	asynchronousFor(t)
	as.editor.onPrint(false)
	typeWhile(t, purpose, 40)
	settle(t)
	if prints := data.PrintsOf(f.store, f.soon.ID); len(prints) != 1 {
		t.Fatalf("%d prints recorded, want 1", len(prints))
	}
	if !as.editor.dirty || !strings.HasSuffix(as.editor.a.Purpose, " more") {
		t.Fatalf("what was typed during the print is not in the form (dirty %v)", as.editor.dirty)
	}
	files, _ := filepath.Glob(filepath.Join(f.store.Dir(), "printed", "*.pdf"))
	if b, err := os.ReadFile(strings.Join(files, "")); err != nil || strings.Contains(string(b), " more more") {
		t.Fatalf("the PDF (%v) is not of the saved agreement alone: %v", files, err)
	}
}

func TestScoringWhileAnEvaluationReportPrintsSharesNothingWithTheReport(t *testing.T) {
	f := newFixture(t)
	f.save(t, &data.Evaluation{AgreementID: f.soon.ID, Date: today.AddDays(-3), Respondents: []data.Respondent{
		{ID: data.NewID(), Name: "Amara Okafor", Us: true, Scores: map[data.Dimension]data.Score{data.DimTrust: {Value: 3}}}}})
	sh, _ := showShell(t, f.store)
	es := showScreen[*evaluationsScreen](t, sh)
	es.selectID(data.List[data.Evaluation](f.store)[0].ID)
	settle(t)
	var scores []*widget.Select
	for _, s := range find[*widget.Select](es.pane) {
		if len(s.Options) == 6 && s.Options[0] == "skip" {
			scores = append(scores, s)
		}
	}
	asynchronousFor(t)
	es.editor.onReport(false)
	for i := 0; i < 200; i++ { // each choice writes the respondent's score map
		scores[i%len(scores)].SetSelectedIndex(1 + i%5)
		runQueued()
	}
	settle(t)
	if files, _ := filepath.Glob(filepath.Join(f.store.Dir(), "printed", "*.pdf")); len(files) != 1 {
		t.Fatalf("report files: %v", files)
	}
	if !es.editor.dirty {
		t.Fatal("the scores chosen during the print are lost")
	}
}
