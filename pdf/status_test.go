package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"accord/data"
)

// rawPages is the document's text, page by page, in drawing order: the watermark, drawn first, stays
// out of the lines of text.
func rawPages(t testing.TB, pdf []byte) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(run(t, pdf, "pdftotext", "-raw"), "\f"), "\f")
}

// printIn prints the agreement in the given languages on a day.
func printIn(t testing.TB, s *data.Memory, a *data.Agreement, today data.Date, langs ...string) []byte {
	t.Helper()
	b, err := MOU(s, a, Edition{Languages: langs, Today: today})
	if err != nil {
		t.Fatalf("MOU: %v", err)
	}
	return b
}

// TestDraftSaysItIsADraft prints a draft in each language: every page carries the watermark, drawn before
// anything else on the page (so behind the text), and the footer says it is not for signature; the same
// agreement sent for signature prints clean.
func TestDraftSaysItIsADraft(t *testing.T) {
	for _, c := range []struct{ lang, mark, footer string }{
		{"en", "DRAFT", "Draft — not for signature"},
		{"es", "BORRADOR", "Borrador — no apto para la firma"},
		{"fr", "PROJET", "Projet — ne pas signer"},
	} {
		s, a := fixture(t)
		a.Status = data.StatusDraft
		pdf := printIn(t, s, a, printedOn, c.lang)
		ps := pages(t, pdf)
		raw := strings.Split(run(t, pdf, "pdftotext", "-raw"), "\f")
		for i, p := range ps {
			if !strings.Contains(p, c.footer) {
				t.Errorf("%s: page %d's footer does not say %q", c.lang, i+1, c.footer)
			}
			if first := strings.Join(strings.Fields(raw[i]), ""); !strings.HasPrefix(first, c.mark) {
				t.Errorf("%s: page %d does not start with the watermark %q: %.80q", c.lang, i+1, c.mark, first)
			}
		}
		a.Status = data.StatusSent
		clean := run(t, printIn(t, s, a, printedOn, c.lang), "pdftotext", "-raw")
		if strings.Contains(clean, c.footer) || strings.Contains(strings.Join(strings.Fields(clean), ""), c.mark) {
			t.Errorf("%s: an agreement sent for signature still reads as a draft", c.lang)
		}
	}
}

// TestEndedAgreementsSayWhenOnPageOne prints a terminated agreement, and a signed one after its end date:
// page 1 says when (and why) it ended; before the end date it does not, and on one day the same words
// print the same bytes.
func TestEndedAgreementsSayWhenOnPageOne(t *testing.T) {
	s, a := fixture(t)
	signAll(a)
	a.Status, a.TerminatedOn, a.TerminationReason = data.StatusTerminated, data.NewDate(2026, time.May, 12), "the hall closed"
	for lang, want := range map[string]string{"en": "Ended on 12 May 2026 (the hall closed)",
		"es": "Terminado el 12 de mayo de 2026 (the hall closed)", "fr": "Terminé le 12 mai 2026 (the hall closed)"} {
		if p := words(pages(t, printIn(t, s, a, printedOn, lang))[0]); !strings.Contains(p, want) {
			t.Errorf("%s: page 1 does not say %q:\n%s", lang, want, p)
		}
	}
	a.Status, a.TerminatedOn, a.TerminationReason = data.StatusSigned, data.Date{}, ""
	after := a.End.AddDays(1)
	expired := printIn(t, s, a, after, "en")
	if p := words(pages(t, expired)[0]); !strings.Contains(p, "Ended on 31 March 2027") {
		t.Errorf("an expired agreement's page 1 does not say it ended:\n%s", p)
	}
	if !bytes.Equal(expired, printIn(t, s, a, after, "en")) {
		t.Error("the expired agreement printed twice on one day gave different bytes")
	}
	if p := words(pages(t, printIn(t, s, a, a.End, "en"))[0]); strings.Contains(p, "Ended on") {
		t.Errorf("an agreement on its last day says it has ended:\n%s", p)
	}
}

// signAll records a signature for every party.
func signAll(a *data.Agreement) {
	a.Status = data.StatusSigned
	for i := range a.Parties {
		a.Parties[i].Signatory.SignedOn = data.NewDate(2025, time.March, 4+i)
	}
}

// TestAmendmentsPrintAsASheetReferringToTheSignedVersion signs the agreement, prints it, then amends it
// as the editor does: the amended MOU ends with a dated amendment sheet naming the version and the
// fingerprint printed on the signed copy, with a signature block for each party.
func TestAmendmentsPrintAsASheetReferringToTheSignedVersion(t *testing.T) {
	s, a := fixture(t)
	a.Amendments = nil
	signAll(a)
	save(t, s, a)
	version := a.Wording.Version
	prints := map[string]string{} // the fingerprint on the signed copy in each language
	for _, lang := range []string{"en", "es"} {
		prints[lang] = fingerprint(t, pages(t, printIn(t, s, a, printedOn, lang))[0])
	}
	stored := data.Clone(a)
	amended := a.Amended(stored, data.NewDate(2025, time.June, 2), "The kitchen also opens on Saturdays in August.")
	amended = amended.Amended(data.Clone(amended), data.NewDate(2025, time.July, 7), "The café closes at 21:00.")
	save(t, s, amended)
	for lang, want := range map[string]string{
		"en": fmt.Sprintf("These changes to “%s”, version %d (fingerprint %s), signed on 7 March 2025, are agreed in writing by all parties.", a.Name, version, prints["en"]),
		"es": fmt.Sprintf("Todas las partes acuerdan por escrito estos cambios de «%s», versión %d (huella %s), firmada el 7 de marzo de 2025.", a.Name, version, prints["es"]),
	} {
		if all := words(strings.Join(pages(t, printIn(t, s, amended, printedOn, lang)), " ")); !strings.Contains(all, want) {
			t.Errorf("%s: no amendment sheet says %q", lang, want)
		}
	}
	ps := pages(t, printIn(t, s, amended, printedOn, "en"))
	last := words(strings.Join(ps[len(ps)-2:], " "))
	for _, want := range []string{"Amendment sheet", "2 June 2025 The kitchen also opens on Saturdays in August.",
		"7 July 2025 The café closes at 21:00.", "Each party signs below to confirm these changes to this memorandum of understanding."} {
		if !strings.Contains(last, want) {
			t.Errorf("the amendment sheet does not say %q:\n%s", want, last)
		}
	}
	if fingerprint(t, ps[0]) == prints["en"] {
		t.Error("the amended agreement prints the signed version's fingerprint in its footer")
	}
}

// TestNewVersionSaysWhatItReplaces prints a new version of a signed agreement: page 1 names the signed one.
func TestNewVersionSaysWhatItReplaces(t *testing.T) {
	s, a := fixture(t)
	signAll(a)
	save(t, s, a)
	next := a.NewVersion(a)
	next.Purpose += " And a Sunday lunch."
	save(t, s, next)
	for lang, want := range map[string]string{
		"en": fmt.Sprintf("Once signed, this agreement replaces “%s”, version %d, signed on 7 March 2025.", a.Name, a.Wording.Version),
		"fr": fmt.Sprintf("Une fois signé, cet accord remplace « %s », version %d, signée le 7 mars 2025.", a.Name, a.Wording.Version),
	} {
		if p := words(rawPages(t, printIn(t, s, next, printedOn, lang))[0]); !strings.Contains(p, want) {
			t.Errorf("%s: page 1 does not say %q:\n%s", lang, want, p)
		}
	}
}

var outlineTitle = regexp.MustCompile(`"title": "([^"]*)"`)

// TestMOUDeclaresItsLanguageAndOutline sets the PDF's /Lang to the document's language and gives each
// section a bookmark, so a screen reader speaks it in the right voice and a reader can jump to a section.
func TestMOUDeclaresItsLanguageAndOutline(t *testing.T) {
	s, a := fixture(t)
	for _, lang := range []string{"en", "es", "fr"} {
		pdf := printIn(t, s, a, printedOn, lang)
		if !bytes.Contains(pdf, []byte("/Lang ("+lang+")")) {
			t.Errorf("%s: the catalogue does not declare /Lang (%s)", lang, lang)
		}
		var titles []string
		for _, m := range outlineTitle.FindAllStringSubmatch(run(t, pdf, "qpdf", "--json", "--json-key=outlines"), -1) {
			titles = append(titles, m[1])
		}
		want := map[string][]string{"en": {"1 Purpose", "12 Legal status", "Signatures", "Amendment sheet"},
			"es": {"1 Finalidad", "Firmas"}, "fr": {"1 Objet", "Signatures"}}[lang]
		for _, w := range want {
			if !strings.Contains(strings.Join(titles, "|"), w) {
				t.Errorf("%s: no bookmark %q in %q", lang, w, titles)
			}
		}
	}
}
