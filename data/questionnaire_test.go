package data

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
)

// questionnaireFixture is an agreement between us and one partner, with an evaluation expecting answers
// from Ana (the partner's contact) and ready to send questionnaires.
func questionnaireFixture(t *testing.T) (View, *Evaluation) {
	t.Helper()
	p := &Partner{Meta: Meta{ID: "p1"}, Name: "Casa Verde", Contacts: []Contact{{ID: "c1", Name: "Ana", Language: "es"}}}
	a := &Agreement{Meta: Meta{ID: "a1"}, Parties: []Party{{Us: true}, {PartnerID: "p1"}}, Goals: []Goal{{ID: "g1", Text: "Meals"}}}
	e := &Evaluation{Meta: Meta{ID: "e1"}, AgreementID: "a1", Date: NewDate(2026, 12, 1), GoalProgress: []GoalProgress{{GoalID: "g1"}},
		Respondents: []Respondent{{ID: "r1", Name: "Ana", PartnerID: "p1", ContactID: "c1"}}}
	v := NewMemory(p, a, e)
	if !e.PrepareQuestionnaires(v) || e.PrepareQuestionnaires(v) {
		t.Fatal("preparing questionnaires changes the evaluation once, then never again")
	}
	return v, e
}

func TestAMistypedCodeIsRefused(t *testing.T) {
	v, e := questionnaireFixture(t)
	code := e.QuestionnaireCode(e.Respondents[0].Code)
	if got, i, err := ByCode(v, strings.ToLower(strings.ReplaceAll(code, "0", "o"))); err != nil || got != e || i != 0 {
		t.Fatalf("the code %s, typed in lower case, finds %v %d %v", code, got, i, err)
	}
	for pos := range len(code) {
		if code[pos] == '-' {
			continue
		}
		for _, c := range codeAlphabet {
			typo := code[:pos] + string(c) + code[pos+1:]
			if byte(c) == code[pos] {
				continue
			}
			if _, _, err := ParseCode(typo); err == nil {
				t.Errorf("%s, a typo of %s, is taken", typo, code)
			}
		}
	}
	if _, i, err := ByCode(v, e.QuestionnaireCode(BlankCode)); err != nil || i != -1 {
		t.Fatalf("a blank copy's code: %d %v", i, err)
	}
}

// signedFile is an answers file as the HTML questionnaire saves it.
func signedFile(t *testing.T, e *Evaluation, a Answers) []byte {
	t.Helper()
	content, _ := json.Marshal(a)
	b, _ := json.Marshal(AnswersFile{Format: AnswersFormat, Code: a.Code, Content: string(content), Signature: Sign(e.SigningKey(a.Code), string(content))})
	return b
}

func TestAnAnswersFileFillsInItsRespondent(t *testing.T) {
	v, e := questionnaireFixture(t)
	code := e.QuestionnaireCode(e.Respondents[0].Code)
	file := signedFile(t, e, Answers{Code: code, Scores: map[Dimension]Score{DimTrust: {Value: 4, Comment: "Buena"}, DimBenefit: {}},
		Goals: map[string]Score{"g1": {Value: 2}}})
	email := "Hola,\n" + AnswersBegin + "\n" + base64.StdEncoding.EncodeToString(file)[:40] + "\n" + base64.StdEncoding.EncodeToString(file)[40:] + "\n" + AnswersEnd + "\nAna"
	for name, b := range map[string][]byte{"file": file, "e-mail text": []byte(email)} {
		in, err := ReadAnswers(v, b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if in.Replaces() {
			t.Fatal("Ana has not answered yet")
		}
		if err := in.Apply(NewDate(2026, 12, 2)); err != nil {
			t.Fatal(err)
		}
		r := in.Evaluation.Respondents[0]
		if r.Scores[DimTrust] != (Score{4, "Buena"}) || len(r.Scores) != 1 || r.Goals["g1"].Value != 2 || r.Answered != NewDate(2026, 12, 2) {
			t.Fatalf("%s: Ana's answers read %+v", name, r)
		}
		if e.Respondents[0].HasAnswered() {
			t.Fatal("matching a file changed the stored evaluation before it was saved")
		}
		if !(Arrival{Evaluation: in.Evaluation, Index: 0}).Replaces() {
			t.Fatal("answers coming again for Ana would replace hers without saying")
		}
	}
}

func TestATamperedOrForeignAnswersFileIsRefused(t *testing.T) {
	v, e := questionnaireFixture(t)
	code := e.QuestionnaireCode(e.Respondents[0].Code)
	file := signedFile(t, e, Answers{Code: code, Scores: map[Dimension]Score{DimTrust: {Value: 2}}})
	tampered := strings.Replace(string(file), `\"value\":2`, `\"value\":5`, 1)
	other := *e
	other.Secret = "another group's secret"
	blank := e.QuestionnaireCode(BlankCode)
	for name, c := range map[string]struct {
		file []byte
		says string
	}{
		"tampered":                         {[]byte(tampered), "changed after it was saved"},
		"signed with another secret":       {signedFile(t, &other, Answers{Code: code}), "changed after it was saved"},
		"another respondent's key":         {wrongKey(t, e, code, blank), "changed after it was saved"},
		"a code no evaluation here sent":   {signedFile(t, e, Answers{Code: "ZZZZ-ZZZ" + string(checkChar("ZZZZZZZ"))}), "another group's"},
		"blank copy speaking for nobody":   {signedFile(t, e, Answers{Code: blank, Role: "Chair"}), "which organisation"},
		"not JSON":                         {[]byte("hello"), "not an Accord answers file"},
		"a score of 9 signed as it should": {signedFile(t, e, Answers{Code: code, Scores: map[Dimension]Score{DimTrust: {Value: 9}}}), ""},
	} {
		in, err := ReadAnswers(v, c.file)
		if c.says == "" { // signed, so it is read; the evaluation's own rules refuse it
			if err != nil || in.Apply(NewDate(2026, 12, 2)) == nil {
				t.Errorf("%s: taken in (%v)", name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want a refusal saying %q", name, err, c.says)
		}
	}
	if _, err := ReadAnswers(v, file); err != nil {
		t.Fatalf("the untouched file is refused too: %v", err)
	}
}

// wrongKey is Ana's answers signed with the blank copy's key, as someone holding the generic form could.
func wrongKey(t *testing.T, e *Evaluation, code, blank string) []byte {
	content, _ := json.Marshal(Answers{Code: code})
	b, _ := json.Marshal(AnswersFile{Format: AnswersFormat, Code: code, Content: string(content), Signature: Sign(e.SigningKey(blank), string(content))})
	return b
}

func TestAnAnonymousEvaluationKeepsNoName(t *testing.T) {
	v, e := questionnaireFixture(t)
	e.Anonymous = true
	e.Respondents = nil
	in, err := ReadAnswers(v, signedFile(t, e, Answers{Code: e.QuestionnaireCode(BlankCode), Name: "Ana", PartnerID: "p1", Role: "Volunteer",
		Scores: map[Dimension]Score{DimTrust: {Value: 3}}}))
	if err != nil {
		t.Fatal(err)
	}
	if err := in.Apply(NewDate(2026, 12, 2)); err != nil {
		t.Fatal(err)
	}
	if r := in.Evaluation.Respondents; len(r) != 1 || r[0].Name != "" || r[0].Role != "Volunteer" || r[0].PartnerID != "p1" {
		t.Fatalf("a blank copy's answers in an anonymous evaluation: %+v", r)
	}
}

func TestAnEvaluationWithoutQuestionnairesEncodesAsBefore(t *testing.T) {
	e := &Evaluation{AgreementID: "a1", Date: NewDate(2026, 3, 1), Respondents: []Respondent{{ID: "r", Name: "Ana", Scores: map[Dimension]Score{DimTrust: {Value: 4}}}}}
	b, _ := json.Marshal(e)
	for _, field := range []string{"anonymous", "code", "secret", "contact_id", "lang", "answered", "goals"} {
		if strings.Contains(string(b), `"`+field+`"`) {
			t.Errorf("an old evaluation now writes %q: %s", field, b)
		}
	}
}
