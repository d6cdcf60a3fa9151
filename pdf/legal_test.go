package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"accord/data"
)

// TestLegalStatusFollowsTheKind prints each kind of agreement not binding, binding, and binding only in
// named sections, in three languages: the words are the kind's own, and what binds names its law.
func TestLegalStatusFollowsTheKind(t *testing.T) {
	s, a := fixture(t)
	a.GoverningLaw = "the law of Ireland"
	cases := []struct {
		kind     data.AgreementKind
		lang     string
		binding  bool
		sections []data.BindingSection
		want     []string
	}{
		{data.AgreementMOU, "en", false, nil, []string{"This memorandum is not legally binding; it records the parties' shared intentions."}},
		{data.AgreementLetterOfIntent, "en", false, nil, []string{"This letter of intent records the parties' intention to work together; it is not legally binding and does not oblige any party to enter into a further agreement."}},
		{data.AgreementPartnership, "en", true, nil, []string{"This partnership agreement is legally binding on the parties.", "The legally binding terms of this document are governed by the law of Ireland."}},
		{data.AgreementDataSharing, "en", false, []data.BindingSection{data.BindingConfidentiality, data.BindingDataProtection},
			[]string{"This data-sharing agreement records how the parties mean to share information; it is not legally binding, except for its terms on confidentiality and data protection, which are legally binding on the parties.", "governed by the law of Ireland."}},
		{data.AgreementMOU, "es", false, []data.BindingSection{data.BindingConfidentiality, data.BindingDataProtection, data.BindingNamesAndLogos},
			[]string{"salvo sus términos sobre confidencialidad, protección de datos y uso de nombres y logotipos, que son jurídicamente vinculantes", "se rigen por the law of Ireland.",
				"Uso de nombres y logotipos", "Ninguna parte usa el nombre o el logotipo de otra sin su consentimiento por escrito."}},
		{data.AgreementLetterOfIntent, "fr", false, nil, []string{"La présente lettre d’intention exprime l’intention des parties de travailler ensemble ; elle n’a pas de valeur juridique contraignante"}},
		{data.AgreementPartnership, "fr", true, nil, []string{"Le présent accord de partenariat engage juridiquement les parties."}},
	}
	for _, c := range cases {
		a.AgreementKind, a.LegallyBinding, a.BindingSections = c.kind, c.binding, c.sections
		text := strings.ReplaceAll(words(strings.Join(pages(t, printIn(t, s, a, printedOn, c.lang)), " ")), "\u00a0", " ")
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s in %s: the MOU does not say %q", c.kind, c.lang, w)
			}
		}
		if c.kind != data.AgreementMOU && strings.Contains(text, "This memorandum") {
			t.Errorf("a %s calls itself a memorandum", c.kind)
		}
	}
}

// TestPartiesShowTheirLegalIdentity prints each party's legal form and registration number in the
// parties table, ours from the organisation and a partner's from the partner.
func TestPartiesShowTheirLegalIdentity(t *testing.T) {
	s, a := fixture(t)
	org := s.Organisation()
	org.LegalForm, org.RegistrationNumber = "Registered charity", "1098765"
	save(t, s, org)
	p := data.Lookup[data.Partner](s, a.PartnerIDs()[2])
	p.LegalForm, p.RegistrationNumber = "Asociación sin ánimo de lucro", "G12345678"
	save(t, s, p)
	for lang, want := range map[string][]string{
		"en": {"Registered charity", "Registration no. 1098765", "Asociación sin ánimo de lucro", "Registration no. G12345678"},
		"es": {"N.º de registro 1098765", "N.º de registro G12345678"},
	} {
		table := words(pages(t, printIn(t, s, a, printedOn, lang))[0])
		for _, w := range want {
			if !strings.Contains(table, w) {
				t.Errorf("%s: the parties table does not say %q:\n%s", lang, w, table)
			}
		}
	}
}

// TestStandardClausesAndLastSignature prints the chosen standard clauses under General provisions, and
// an agreement that takes effect on the last signature says so instead of a start date.
func TestStandardClausesAndLastSignature(t *testing.T) {
	s, a := fixture(t)
	a.StandardClauses = []data.StandardClause{data.ClauseNotices, data.ClauseCounterparts, data.ClauseLastSignature}
	text := strings.Join(pages(t, printIn(t, s, a, printedOn, "en")), "\n")
	wantHeadings(t, text, "16 Photographs", "17 General provisions", "17.1 Notices", "17.2 Counterparts and electronic copies")
	for _, w := range []string{"Notices under this document are given in writing, by post or e-mail, to the addresses in the table of parties",
		"a signed copy sent electronically, such as a scan, counts as an original.", "Starts On the date of the last signature"} {
		if !strings.Contains(words(text), w) {
			t.Errorf("the MOU does not say %q", w)
		}
	}
	if strings.Contains(text, "1 April 2025") || strings.Contains(text, "Entire agreement") {
		t.Error("the MOU prints the start date, or a clause not chosen")
	}
}

// TestAnnexesFollowTheSignatures prints a text annex and a file annex, numbered, each from a new page
// after the signatures; the file's page names it and gives its SHA-256.
func TestAnnexesFollowTheSignatures(t *testing.T) {
	s, a := fixture(t)
	a.Amendments = nil
	scan := []byte("%PDF-1.4 the data-sharing schedule")
	sum := sha256.Sum256(scan)
	sha := hex.EncodeToString(sum[:])
	a.Attachments = []data.Attachment{{Name: "schedule.pdf", MIME: "application/pdf", Size: int64(len(scan)), SHA256: sha, AddedAt: time.Now()}}
	a.Annexes = []data.Annex{{Title: "Information shared", Text: "Names and phone numbers of residents who asked to be called."}, {Title: "Data-sharing schedule", File: sha}}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][2]string{"en": {"Annex 1 — Information shared", "Annex 2 — Data-sharing schedule"},
		"fr": {"Annexe 1 — Information shared", "Annexe 2 — Data-sharing schedule"}} {
		ps := pages(t, printIn(t, s, a, printedOn, lang))
		one, two := words(ps[len(ps)-2]), words(ps[len(ps)-1])
		if !strings.Contains(one, want[0]+" Names and phone numbers of residents who asked to be called.") {
			t.Errorf("%s: the second last page is not annex 1:\n%s", lang, one)
		}
		if !strings.Contains(two, want[1]) || !strings.Contains(two, "schedule.pdf") || !strings.Contains(two, "SHA-256 "+inGroups(sha)) {
			t.Errorf("%s: the last page does not name annex 2's file and its SHA-256:\n%s", lang, two)
		}
		if strings.Contains(one, "Signed for and on behalf of") {
			t.Errorf("%s: an annex shares a page with the signatures", lang)
		}
	}
}

// scheduleFile is a two-page PDF such as a partner sends as an annex, made here with fpdf.
func scheduleFile(t *testing.T) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "Letter", "")
	f.SetFont("Helvetica", "", 14)
	for _, line := range []string{"Schedule page one: names and phone numbers", "Schedule page two: kept for two years"} {
		f.AddPage()
		f.Text(20, 30, line)
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestAPDFAnnexPrintsItsPages prints an annex that is a PDF file page by page into the MOU, each page
// captioned with the annex and the file, and the same agreement always prints the same bytes. A file
// that cannot be read does not stop the print: its page names the file and says to add it by hand.
func TestAPDFAnnexPrintsItsPages(t *testing.T) {
	s, a := fixture(t)
	a.Amendments = nil
	schedule := scheduleFile(t)
	sum := sha256.Sum256(schedule)
	sha := hex.EncodeToString(sum[:])
	a.Attachments = []data.Attachment{{Name: "schedule.pdf", MIME: "application/pdf", Size: int64(len(schedule)), SHA256: sha, AddedAt: time.Now()}}
	a.Annexes = []data.Annex{{Title: "Data-sharing schedule", File: sha}}
	if n, err := CheckAnnex(schedule); n != 2 || err != nil {
		t.Fatalf("CheckAnnex: %d pages, %v", n, err)
	}
	files := func(content []byte) func(string) ([]byte, error) {
		return func(want string) ([]byte, error) {
			if want != sha {
				t.Fatalf("asked for file %s", want)
			}
			return content, nil
		}
	}
	print := func(content []byte) []byte {
		b, err := MOU(s, a, Edition{Today: printedOn, Files: files(content)})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := print(schedule)
	ps := pages(t, first)
	one, two := words(ps[len(ps)-2]), words(ps[len(ps)-1])
	if !strings.Contains(one, "Annex 1 — Data-sharing schedule") || !strings.Contains(one, "The file “schedule.pdf”, page 1 of 2") ||
		!strings.Contains(one, "Schedule page one: names and phone numbers") {
		t.Errorf("the annex's first page:\n%s", one)
	}
	if !strings.Contains(two, "Annex 1 — Data-sharing schedule · The file “schedule.pdf”, page 2 of 2") ||
		!strings.Contains(two, "Schedule page two: kept for two years") || !strings.Contains(two, "Fingerprint") {
		t.Errorf("the annex's second page:\n%s", two)
	}
	run(t, first, "qpdf", "--check")
	for range 3 {
		if !bytes.Equal(print(schedule), first) {
			t.Fatal("the same agreement with a PDF annex printed different bytes")
		}
	}
	cut := schedule[:len(schedule)/2]
	if _, err := CheckAnnex(cut); !errors.Is(err, ErrAnnexUnreadable) {
		t.Fatalf("CheckAnnex of half a file: %v", err)
	}
	ps = pages(t, print(cut))
	if last := words(ps[len(ps)-1]); !strings.Contains(last, "Its pages cannot be printed here") || !strings.Contains(last, "SHA-256 "+inGroups(sha)) {
		t.Errorf("a damaged annex file's page:\n%s", last)
	}
}
