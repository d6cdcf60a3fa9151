package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accord/data"
)

// questionnaires is the evaluated fixture ready to send questionnaires: Eleni's contact speaks Spanish
// and Olga is set to answer in French.
func questionnaires(t testing.TB) (*data.Memory, *data.Evaluation) {
	t.Helper()
	s, _, _, e := evaluated(t)
	athens := data.Lookup[data.Partner](s, e.Respondents[0].PartnerID)
	athens.Contacts[0].Language = "Spanish"
	save(t, s, athens)
	e.Respondents[0].ContactID = athens.Contacts[0].ID
	e.Respondents[1].Lang = "fr"
	e.PrepareQuestionnaires(s)
	save(t, s, e)
	return s, e
}

func TestQuestionnaireReadsBackInThreeLanguages(t *testing.T) {
	s, e := questionnaires(t)
	for _, c := range []struct {
		index int
		want  []string
	}{
		{0, []string{"CUESTIONARIO DE LA ALIANZA", "Para: Ελένη Παπαδοπούλου, Πρόεδρος, Σύλλογος Γειτονιάς Αθήνας",
			"1. Confianza y respeto", "Comentario:", "Progreso en nuestros objetivos comunes", "Serve a hot community meal every week",
			e.QuestionnaireCode(e.Respondents[0].Code)}},
		{1, []string{"QUESTIONNAIRE DU PARTENARIAT", "Pour : Ольга Иванова, Общественный центр «Рассвет»", "1. Confiance et respect",
			"Commentaire :", "Progrès vers nos objectifs communs", e.QuestionnaireCode(e.Respondents[1].Code)}},
		{-1, []string{"PARTNERSHIP QUESTIONNAIRE", "I answer for:", "1 Riverside Residents' Association", "2 Σύλλογος Γειτονιάς Αθήνας",
			"My role", "My name (optional)", "1. Trust and respect", "1: We do not rely on each other; promises are often broken.",
			"Progress on our shared goals", e.QuestionnaireCode(data.BlankCode)}},
	} {
		b, err := Questionnaire(s, e, c.index, printedOn)
		if err != nil {
			t.Fatal(err)
		}
		text := words(run(t, b, "pdftotext", "-raw"))
		for _, want := range c.want {
			if !strings.Contains(text, want) {
				t.Errorf("questionnaire %d does not say %q:\n%s", c.index, want, text)
			}
		}
		if os.Getenv("KEEP_QUESTIONNAIRES") != "" {
			_ = os.WriteFile(filepath.Join(os.Getenv("KEEP_QUESTIONNAIRES"), strings.ReplaceAll(c.want[0], " ", "_")+".pdf"), b, 0o600)
		}
	}
}

func TestEvaluationReportSaysWhoAnsweredFromEachSide(t *testing.T) {
	s, e := questionnaires(t)
	penalara := data.Lookup[data.Agreement](s, e.AgreementID).PartnerIDs()[2]
	e.Respondents = append(e.Respondents, data.Respondent{ID: "r3", Name: "Lucía Gómez", Role: "Secretaria", PartnerID: penalara})
	e.Anonymous = false
	for _, c := range []struct {
		anonymous, names bool
		want, never      string
	}{
		{false, true, "Asociación Vecinal Peñalara 0 of 1 Lucía Gómez, Secretaria", ""},
		{true, true, "Asociación Vecinal Peñalara 0 of 1 Secretaria", "Lucía Gómez"},
	} {
		e.Anonymous = c.anonymous
		if c.anonymous {
			for i := range e.Respondents {
				e.Respondents[i].Name, e.Respondents[i].ContactID = "", ""
				if e.Respondents[i].Role == "" {
					e.Respondents[i].Role = "Директор" // an anonymous evaluation knows everyone by role
				}
			}
		}
		save(t, s, e)
		b, err := EvaluationReport(s, e, printedOn, c.names)
		if err != nil {
			t.Fatal(err)
		}
		text := words(run(t, b, "pdftotext", "-raw"))
		for _, want := range []string{"Who answered", "Organisation Answered Not answered yet", "Σύλλογος Γειτονιάς Αθήνας 1 of 1 —",
			"Общественный центр «Рассвет» 1 of 1 —", c.want, "Respondents 2 from 2 organisations"} {
			if !strings.Contains(text, want) {
				t.Errorf("anonymous %v: the report does not say %q:\n%s", c.anonymous, want, text)
			}
		}
		if c.never != "" && strings.Contains(text, c.never) {
			t.Errorf("the anonymous evaluation's report names %s", c.never)
		}
	}
}

func TestASideStillAwaitedHasNoColumnInTheSpreadBetweenOrganisations(t *testing.T) {
	s, e := questionnaires(t)
	penalara := data.Lookup[data.Agreement](s, e.AgreementID).PartnerIDs()[2]
	e.Respondents = append(e.Respondents, data.Respondent{ID: "r3", Name: "Lucía Gómez", PartnerID: penalara})
	save(t, s, e)
	b, err := EvaluationReport(s, e, printedOn, false)
	if err != nil {
		t.Fatal(err)
	}
	text := words(run(t, b, "pdftotext", "-raw"))
	if !strings.Contains(text, "Dimension Σύλλογος Γειτονιάς Αθήνας Общественный центр «Рассвет» Gap") {
		t.Fatalf("the spread between organisations shows a side that has not answered:\n%s", text)
	}
}

func TestEvaluationReportShowsHowRespondentsRatedTheGoals(t *testing.T) {
	s, e := questionnaires(t)
	e.Respondents[0].Goals = map[string]data.Score{"g1": {Value: 2}}
	e.Respondents[1].Goals = map[string]data.Score{"g1": {Value: 5}, "g3": {Value: 4}}
	save(t, s, e)
	text := words(run(t, report(t, s, e), "pdftotext", "-raw"))
	for _, want := range []string{"Goal Respondents' rating, 1 to 5 Lowest–highest", "Serve a hot community meal every week 3.5 2–5",
		"Run cooking evenings in Spanish 4.0 4–4"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q:\n%s", want, text)
		}
	}
}
