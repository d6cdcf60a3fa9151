package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accord/data"
	"accord/store"
)

// awaiting is the demo data's evaluation waiting for answers from two partners.
func awaiting(t *testing.T, folder string) *data.Evaluation {
	t.Helper()
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, e := range data.List[data.Evaluation](s) {
		if e.Code != "" {
			return e
		}
	}
	t.Fatal("the demo data has no evaluation waiting for answers")
	return nil
}

// answersFile writes the answers file an HTML questionnaire saves for a respondent.
func answersFile(t *testing.T, e *data.Evaluation, personCode string, trust int) string {
	t.Helper()
	code := e.QuestionnaireCode(personCode)
	content, _ := json.Marshal(data.Answers{Code: code, Scores: map[data.Dimension]data.Score{data.DimTrust: {Value: trust}}})
	b, _ := json.Marshal(data.AnswersFile{Format: data.AnswersFormat, Code: code, Content: string(content), Signature: data.Sign(e.SigningKey(code), string(content))})
	path := filepath.Join(t.TempDir(), "answers"+data.AnswersExtension)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQuestionnaireThenImportAnswers(t *testing.T) {
	folder := t.TempDir()
	if code, _, stderr := run(t, folder, "demo", "--partners", "40", "--seed", "3"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	e := awaiting(t, folder)
	var partners []data.Respondent
	for _, r := range e.Respondents {
		if !r.Us && !r.HasAnswered() {
			partners = append(partners, r)
		}
	}
	if len(partners) != 2 {
		t.Fatalf("the demo evaluation awaits %d partners' answers, want 2", len(partners))
	}
	for _, format := range []string{"pdf", "html"} {
		out := filepath.Join(t.TempDir(), "q."+format)
		if code, _, stderr := run(t, folder, "questionnaire", e.ID, "--respondent", partners[0].ID, "--format", format, "-o", out); code != 0 {
			t.Fatalf("questionnaire --format %s: exit %d: %s", format, code, stderr)
		}
		if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), e.QuestionnaireCode(partners[0].Code)) && format == "html" {
			t.Fatalf("the %s questionnaire does not carry its code: %v", format, err)
		}
	}
	first, second := answersFile(t, e, partners[0].Code, 2), answersFile(t, e, partners[1].Code, 5)
	foreign := *e
	foreign.Secret = "another group's"
	forged := answersFile(t, &foreign, partners[1].Code, 1)
	code, out, stderr := run(t, folder, "import", "answers", first, forged, second)
	if code != exitFail || !strings.Contains(out, "changed after it was saved") || !strings.Contains(stderr, "Not every answers file was taken in") {
		t.Fatalf("import of two good files and a forged one: exit %d\n%s%s", code, out, stderr)
	}
	got := awaiting(t, folder)
	if got.Respondents[len(got.Respondents)-2].Scores[data.DimTrust].Value != 2 || got.Respondents[len(got.Respondents)-1].Scores[data.DimTrust].Value != 5 {
		t.Fatalf("the answers in the evaluation: %+v", got.Respondents)
	}
	if got.Rev <= e.Rev || got.HLC == e.HLC || !got.UpdatedAt.After(e.UpdatedAt) {
		t.Fatal("answers taken in are not stamped as an edit made on this laptop")
	}
	again := answersFile(t, e, partners[0].Code, 4)
	if code, out, _ := run(t, folder, "import", "answers", again); code != exitFail || !strings.Contains(out, "--replace") {
		t.Fatalf("answers coming twice are taken without asking: exit %d %s", code, out)
	}
	if code, _, stderr := run(t, folder, "import", "answers", "--replace", again); code != 0 {
		t.Fatalf("import answers --replace: exit %d %s", code, stderr)
	}
	if got := awaiting(t, folder); got.Respondents[len(got.Respondents)-2].Scores[data.DimTrust].Value != 4 {
		t.Fatal("--replace did not replace the answers")
	}
}
