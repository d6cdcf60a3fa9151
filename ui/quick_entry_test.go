package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"accord/data"
	"accord/store"
)

// awaitingEleni is the homework club's evaluation, with a goal to rate, awaiting the answers of the
// library's branch manager, its questionnaire codes given.
func awaitingEleni(t *testing.T, f *fixture) *data.Evaluation {
	t.Helper()
	a, _ := store.Get[data.Agreement](f.store, f.soon.ID)
	a.Goals = []data.Goal{{ID: "g1", Text: "Pupils attending each week", Target: 20, Unit: "pupils"}}
	f.save(t, a)
	settle(t)
	e := data.NewEvaluationOf(f.store, a, today)
	if e.AskContacts(f.store) != 1 || !e.PrepareQuestionnaires(f.store) {
		t.Fatal("the library's contact is not asked")
	}
	f.save(t, e)
	settle(t)
	return e
}

// The test: a paper questionnaire typed in from the keyboard alone, tick by tick, with a
// comment, lands in the evaluation.
func TestQuickEntryTypesAPaperQuestionnaireFromTheKeyboard(t *testing.T) {
	f := newFixture(t)
	e := awaitingEleni(t, f)
	sh, w := showShell(t, f.store)
	showScreen[*evaluationsScreen](t, sh)
	test.Tap(button(t, w.Content(), "Enter answers from paper…"))
	settle(t)
	k := keyboard{t, w}

	k.write("XXXX-0000")
	k.key(fyne.KeyReturn)
	if q := k.focused(); !strings.Contains(textOf(w.Canvas().Overlays().Top()), "not one Accord printed") || q == nil {
		t.Fatalf("a mistyped code is not refused:\n%s", textOf(w.Canvas().Overlays().Top()))
	}
	code := e.QuestionnaireCode(e.Respondents[0].Code)
	k.focused().(*field).SetText("")
	k.write(strings.ToLower(code))
	k.key(fyne.KeyReturn)
	if _, ok := k.focused().(*tickField); !ok {
		t.Fatalf("after the code, the keyboard is on %T, not the first tick", k.focused())
	}
	k.write("4")               // trust
	w.Canvas().FocusPrevious() // Shift+Tab: the comment of the question just typed
	k.write("Nos tratan de igual a igual")
	k.tab()              // back to the ticks: decisions
	k.write("3")         // decisions
	k.write("0")         // communication, left blank
	typeTicks(k, "5214") // benefit, inclusion, resources, progress
	k.write("2")         // the goal
	if b := asButton(k.focused().(fyne.CanvasObject)); b == nil || b.Text != "Save these answers" {
		t.Fatalf("after the last tick the keyboard is on %T, not Save", k.focused())
	}
	k.key(fyne.KeyReturn)
	settle(t)

	saved, _ := store.Get[data.Evaluation](f.store, e.ID)
	eleni := saved.Respondents[0]
	want := map[data.Dimension]data.Score{data.DimTrust: {Value: 4, Comment: "Nos tratan de igual a igual"}, data.DimDecisions: {Value: 3},
		data.DimBenefit: {Value: 5}, data.DimInclusion: {Value: 2}, data.DimResources: {Value: 1}, data.DimProgress: {Value: 4}}
	if len(eleni.Scores) != len(want) || eleni.Goals["g1"].Value != 2 || eleni.Answered != today {
		t.Fatalf("Eleni's answers in the evaluation: %+v", eleni)
	}
	for d, s := range want {
		if eleni.Scores[d] != s {
			t.Errorf("%s: %+v, want %+v", d, eleni.Scores[d], s)
		}
	}
	if _, ok := k.focused().(*field); !ok || !strings.Contains(textOf(w.Canvas().Overlays().Top()), "1 questionnaire entered") {
		t.Fatal("after saving, the keyboard is not back on the code for the next paper")
	}

	// A blank copy, from the library, by its volunteer coordinator.
	k.write(e.QuestionnaireCode(data.BlankCode))
	k.key(fyne.KeyReturn)
	k.write("2") // the second organisation listed: the library
	k.write("Volunteer coordinator")
	k.tab() // the name, left out
	k.tab()
	typeTicks(k, "3333333") // the seven dimensions
	k.write("3")            // the goal
	k.key(fyne.KeyReturn)
	settle(t)
	saved, _ = store.Get[data.Evaluation](f.store, e.ID)
	if len(saved.Respondents) != 2 || saved.Respondents[1].PartnerID != f.library.ID || saved.Respondents[1].Role != "Volunteer coordinator" ||
		saved.Summarise(data.DimTrust).Count != 2 {
		t.Fatalf("the blank copy's answers: %+v", saved.Respondents)
	}
	w.Canvas().Overlays().Top().Hide()
	sh.open(sh.evaluations, e.ID)
	settle(t)
	if shown := textOf(sh.evaluations.pane); !strings.Contains(shown, "Respondents' rating: 2.5 out of 5 (2 answers)") ||
		!strings.Contains(shown, "Northside Library: 2 of 2 answered") {
		t.Fatalf("the evaluation does not show the answers typed in:\n%s", shown)
	}
}

// typeTicks types each tick as its own key press, to whatever has the keyboard after the one before.
func typeTicks(k keyboard, digits string) {
	for _, d := range digits {
		k.write(string(d))
	}
}

// Answers files dropped on the window are shown before they are taken in — whose answers, and that
// they replace answers already in — and a forged one is refused with its reason.
func TestDroppedAnswersFilesAreShownThenTakenIn(t *testing.T) {
	f := newFixture(t)
	e := awaitingEleni(t, f)
	sh, w := showShell(t, f.store)
	code := e.QuestionnaireCode(e.Respondents[0].Code)
	file := func(name, secret string, trust int) fyne.URI {
		signer := *e
		signer.Secret = secret
		content, _ := json.Marshal(data.Answers{Code: code, Scores: map[data.Dimension]data.Score{data.DimTrust: {Value: trust}}})
		b, _ := json.Marshal(data.AnswersFile{Format: data.AnswersFormat, Code: code, Content: string(content),
			Signature: data.Sign(signer.SigningKey(code), string(content))})
		path := filepath.Join(t.TempDir(), name+data.AnswersExtension)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return storage.NewFileURI(path)
	}
	drop := func(yes, says string, uris ...fyne.URI) {
		t.Helper()
		sh.onDropped(fyne.Position{}, uris)
		settle(t)
		shown := textOf(w.Canvas().Overlays().Top())
		if !strings.Contains(shown, "Ελένη Παπαδοπούλου, Branch manager, Northside Library answered") || !strings.Contains(shown, says) {
			t.Fatalf("before taking the answers in, the window shows:\n%s", shown)
		}
		test.Tap(button(t, w.Canvas().Overlays().Top(), yes))
		settle(t)
		w.Canvas().Overlays().Top().Hide() // "Answers taken in"
	}
	drop("Take them in", "changed after it was saved", file("eleni", e.Secret, 2), file("forged", "not ours", 1))
	if saved, _ := store.Get[data.Evaluation](f.store, e.ID); saved.Respondents[0].Scores[data.DimTrust].Value != 2 {
		t.Fatalf("the answers file was not taken in: %+v", saved.Respondents[0])
	}
	drop("Take them in", "They replace the answers already entered", file("again", e.Secret, 5))
	if saved, _ := store.Get[data.Evaluation](f.store, e.ID); saved.Respondents[0].Scores[data.DimTrust].Value != 5 {
		t.Fatalf("the answers were not replaced: %+v", saved.Respondents[0])
	}
}
