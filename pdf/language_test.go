package pdf

import (
	"strings"
	"testing"

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
