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
