package pdf

import (
	"strings"
	"testing"

	"accord/data"
	"accord/i18n"
)

// TestMOUInSpanish prints the MOU with Spanish chosen: the headings, the signature blocks, dates, amounts
// and the footer are Spanish, and none of the English ones is left.
func TestMOUInSpanish(t *testing.T) {
	i18n.SetLanguage("es")
	defer i18n.SetLanguage("en")
	s, a := fixture(t)
	text := words(run(t, printMOU(t, s, a), "pdftotext", "-raw")) // in drawing order: blocks side by side stay whole
	for _, want := range []string{"MEMORANDO DE ENTENDIMIENTO", "entre", "1 Finalidad", "2 Antecedentes",
		"3 Objetivos comunes", "Firmado por y en nombre de Asociación Vecinal Peñalara", "Página 1 de",
		"Versión", "Huella", "30 de septiembre de 2026", "12.500,50", "Ελένη Παπαδοπούλου", "Ольга Иванова"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Spanish MOU does not say %q", want)
		}
	}
	for _, english := range []string{"MEMORANDUM OF UNDERSTANDING", "Purpose", "Background", "Shared goals",
		"Signed for and on behalf of", "Page 1 of", "Version", "September", "12,500.50"} {
		if strings.Contains(text, english) {
			t.Errorf("the Spanish MOU still says %q", english)
		}
	}
}

// TestMOUInTheAgreementsLanguage prints from an English screen an agreement set to print in French, and
// one with no language set whose first partner speaks Spanish: each prints in its own language, dates
// and amounts included, with French's "1er" for the first day of a month.
func TestMOUInTheAgreementsLanguage(t *testing.T) {
	i18n.SetLanguage("en")
	s, a := fixture(t)
	a.Language = "fr"
	text := strings.ReplaceAll(words(run(t, printMOU(t, s, a), "pdftotext", "-raw")), "\u00a0", " ")
	for _, want := range []string{"PROTOCOLE D’ACCORD", "1 Objet", "Début 1er avril 2025", "30 septembre 2026", "12 500,50", "Page 1 sur"} {
		if !strings.Contains(text, want) {
			t.Errorf("the French MOU does not say %q", want)
		}
	}
	a.Language = ""
	p := data.Lookup[data.Partner](s, a.PartnerIDs()[0])
	p.Languages = []string{"Greek", "Spanish"}
	save(t, s, p)
	if got := DefaultLanguage(s, a); got != "es" {
		t.Fatalf("the first partner speaks Spanish, and the default language is %q", got)
	}
	text = words(run(t, printMOU(t, s, a), "pdftotext", "-raw"))
	if !strings.Contains(text, "MEMORANDO DE ENTENDIMIENTO") || strings.Contains(text, "Purpose") {
		t.Error("an agreement whose first partner speaks Spanish does not print in Spanish")
	}
	if i18n.Language() != "en" {
		t.Error("printing changed the screen's language")
	}
}

// TestBilingualEdition prints in French and Spanish: headings, labels and fixed sentences in both, each
// text the parties wrote followed by its translation where the agreement holds one.
func TestBilingualEdition(t *testing.T) {
	s, a := fixture(t)
	a.Language, a.SecondLanguage = "fr", "es"
	a.Translations = map[string]string{data.TextPurpose: "Gestionar juntos un café y una cocina comunitarios."}
	a.Parties[1].ResponsibilitiesTranslation = "Abrir la cocina de la sala tres noches por semana."
	a.Clauses[0].Translation = &data.Translation{Heading: "Protección", Text: "Cada parte sigue su política de protección."}
	pdf := printMOU(t, s, a)
	text := strings.Join(pages(t, pdf), "\n")
	wantHeadings(t, text, "1 Objet / Finalidad", "2 Contexte / Antecedentes", "4 Responsabilités / Responsabilidades",
		"15 Safeguarding / Protección", "16 Photographs")
	flat := strings.ReplaceAll(words(text), "\u00a0", " ")
	for _, want := range []string{
		"PROTOCOLE D’ACCORD MEMORANDO DE ENTENDIMIENTO", "Les parties / Las partes", "Partie / Parte",
		"so that more residents share a hot meal every week. Gestionar juntos un café y una cocina comunitarios.",
		"Open the hall kitchen three evenings a week. Abrir la cocina de la sala tres noches por semana.",
		"Every party follows its safeguarding policy. Cada parte sigue su política de protección.",
		"Ce protocole n’a pas de valeur juridique contraignante ; il exprime les intentions communes des parties. Este memorando no es jurídicamente vinculante",
		"Page 1 sur", "Página 1 de", "Début / Inicio 1er avril 2025",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the bilingual MOU does not say %q", want)
		}
	}
	if strings.Count(flat, "Photographs are taken only with written consent.") != 1 {
		t.Error("a text without a translation is printed other than once")
	}
}
