package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"accord/data"
	"accord/i18n"
)

var printedOn = data.NewDate(2025, time.March, 10)

// fixture is a store with our organisation and three partners — Greek, Cyrillic and accented Latin
// names, the last with no signatory yet — and a full agreement between all four.
func fixture(t testing.TB) (*data.Memory, *data.Agreement) {
	t.Helper()
	s := data.NewMemory()
	s.Now = printedOn.Time
	org := s.Organisation()
	org.Name, org.Address = "Riverside Residents' Association", "12 Mill Lane, Riverside RS1 4AB"
	org.Email, org.Phone = "hello@riverside.example", "+44 20 7946 0000"
	org.SignatoryName, org.SignatoryTitle = "Amara Okafor", "Chair"
	org.Currency, org.Logo = "EUR", logo(t)
	save(t, s, org)
	athens := partner("Σύλλογος Γειτονιάς Αθήνας", "Οδός Αθηνάς 12, 105 51 Αθήνα", "Ελένη Παπαδοπούλου", "Πρόεδρος")
	dawn := partner("Общественный центр «Рассвет»", "ул. Ленина 5, Новосибирск", "Ольга Иванова", "Директор")
	penalara := partner("Asociación Vecinal Peñalara", "Calle Mayor 3, 28013 Madrid", "", "")
	for _, p := range []*data.Partner{athens, dawn, penalara} {
		save(t, s, p)
	}
	a := &data.Agreement{
		Name: "Café and community kitchen partnership (2025–2027)", AgreementKind: data.AgreementMOU,
		Status: data.StatusSent, SentOn: data.NewDate(2025, time.March, 1),
		Parties: []data.Party{
			{Us: true, Responsibilities: "Coordinate the partnership and call the review meetings.\nRecruit and support volunteers for the kitchen.",
				Contributions: []data.Contribution{{Kind: data.ResourceVolunteers, Description: "Twelve trained kitchen volunteers", Value: 480000}}},
			{PartnerID: athens.ID, Responsibilities: "Open the hall kitchen three evenings a week.",
				Contributions: []data.Contribution{{Kind: data.ResourceSpace, Description: "Hall and kitchen, three evenings a week", Value: 1250050}},
				Signatory:     data.Signatory{Name: "Ελένη Παπαδοπούλου", Title: "Πρόεδρος"}},
			{PartnerID: dawn.ID, Responsibilities: "Bring families from the centre's courses to the community meals.",
				Contributions: []data.Contribution{{Kind: data.ResourceOutreach, Description: "Leaflets and calls to families"}},
				Signatory:     data.Signatory{Name: "Ольга Иванова", Title: "Директор", SignedOn: data.NewDate(2025, time.March, 4)}},
			{PartnerID: penalara.ID, Responsibilities: "Run the Spanish-language cooking evenings."},
		},
		Purpose:    "To run a community café and kitchen together, so that more residents share a hot meal every week.",
		Background: "The parties have run summer meals together since 2022.",
		Goals: []data.Goal{
			{ID: "g1", Text: "Serve a hot community meal every week", Metric: "meals served", Target: 2400, Unit: "meals", Due: data.NewDate(2026, time.September, 30)},
			{ID: "g2", Text: "Train residents in food hygiene", Metric: "residents certified", Target: 25, Unit: "people", Due: data.NewDate(2026, time.March, 31)},
		},
		Start: data.NewDate(2025, time.April, 1), End: data.NewDate(2027, time.March, 31), ReviewEveryMonths: 6,
		RenewalTerms:       "Before this memorandum ends, the parties review it together and decide whether to renew it.",
		Governance:         "A steering group with one person from each party meets every three months.",
		Communication:      data.CommunicationPlan{Frequency: "Monthly email update", Channels: []string{"email", "phone"}, ContactPeople: "Amara Okafor; Ελένη Παπαδοπούλου"},
		ConflictResolution: "The named contacts first try to settle any disagreement between themselves.",
		Confidentiality:    "Personal information about residents is shared only with their consent.",
		MoneyChangesHands:  true, FundingTerms: "Riverside Residents' Association pays the gas bills against receipts.",
		Amendments:        []data.Amendment{{Date: data.NewDate(2025, time.June, 2), Text: "The kitchen also opens on Saturdays in August."}},
		TerminationNotice: "Any party may leave this memorandum with two months' notice in writing.",
		Clauses: []data.Clause{
			{Heading: "Safeguarding", Text: "Every party follows its safeguarding policy."},
			{Heading: "Photographs", Text: "Photographs are taken only with written consent."},
		},
	}
	save(t, s, a)
	return s, a
}

func partner(name, address, signatory, title string) *data.Partner {
	p := &data.Partner{Name: name, PartnerKind: data.PartnerCommunityOrg, Stage: data.StageActive, Address: address}
	if signatory != "" {
		p.Contacts = []data.Contact{{ID: data.NewID(), Name: signatory, Role: title, MaySign: true}}
	}
	return p
}

func save(t testing.TB, s *data.Memory, r data.Record) {
	t.Helper()
	if err := s.Save(r); err != nil {
		t.Fatalf("save %s: %v", r.Title(), err)
	}
}

// logo is a small teal PNG with a white band, standing in for a group's logo.
func logo(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 48, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 48; x++ {
			c := color.RGBA{31, 111, 120, 255}
			if y > 20 && y < 28 {
				c = color.RGBA{255, 255, 255, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func printMOU(t testing.TB, s *data.Memory, a *data.Agreement) []byte {
	t.Helper()
	b, err := MOU(s, a, Edition{Today: printedOn})
	if err != nil {
		t.Fatalf("MOU: %v", err)
	}
	return b
}

// tool finds a poppler or qpdf program. Without it the test is skipped on a developer's machine, but
// fails under CI, where a missing tool must not pass for a good document.
func tool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s is not installed (apt-get install poppler-utils qpdf)", name)
		}
		t.Fatalf("%s is not installed, and CI must check documents with it", name)
	}
	return path
}

// run writes the PDF to a file and runs a tool on it with args before the file name, returning its output.
func run(t testing.TB, pdf []byte, name string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "mou.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if name == "pdftotext" {
		args = append(args, "-") // to standard output
	}
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pages is the document's text, page by page, as pdftotext lays it out.
func pages(t testing.TB, pdf []byte) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(run(t, pdf, "pdftotext", "-layout"), "\f"), "\f")
}

// words folds runs of white space, which justified lines spread, into single spaces.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestMOUPrintsPartiesSectionsAndFooter(t *testing.T) {
	s, a := fixture(t)
	pdf := printMOU(t, s, a)
	ps := pages(t, pdf)
	text := strings.Join(ps, "\n")
	for _, want := range []string{"MEMORANDUM OF UNDERSTANDING", a.Name, "between", "Riverside Residents' Association",
		"Σύλλογος Γειτονιάς Αθήνας", "Общественный центр «Рассвет»", "Asociación Vecinal Peñalara",
		"Ελένη Παπαδοπούλου", "Πρόεδρος", "Ольга Иванова", "Amara Okafor", "Οδός Αθηνάς 12, 105 51 Αθήνα",
		"2,400 meals", "30 September 2026", "12,500.50", "17,300.50", "Value (EUR)", "Every 6 months",
		"2 June 2025", "This memorandum is not legally binding; it records the parties' shared intentions.",
		"This agreement may be changed only in writing, signed by all parties."} {
		if !strings.Contains(words(text), want) {
			t.Errorf("the MOU does not say %q", want)
		}
	}
	wantHeadings(t, text, "1 Purpose", "2 Background", "3 Shared goals", "4 Responsibilities",
		"4.1 Riverside Residents' Association", "4.2 Σύλλογος Γειτονιάς Αθήνας", "4.3 Общественный центр «Рассвет»",
		"4.4 Asociación Vecinal Peñalara", "5 Contributions", "6 Term and review", "7 Governance and decision-making",
		"8 Communication", "9 Conflict resolution", "10 Confidentiality and data sharing", "11 Funding",
		"12 Legal status", "13 Changes to this agreement", "14 Termination", "15 Safeguarding", "16 Photographs")
	drawn := words(run(t, pdf, "pdftotext", "-raw")) // in drawing order, so wrapped blocks side by side stay whole
	for _, name := range []string{"Riverside Residents' Association", "Σύλλογος Γειτονιάς Αθήνας", "Общественный центр «Рассвет»", "Asociación Vecinal Peñalara"} {
		if n := strings.Count(drawn, "Signed for and on behalf of "+name); n != 2 { // the agreement's and the amendment sheet's
			t.Errorf("%d signature blocks for %s, want 2", n, name)
		}
	}
	footer := fmt.Sprintf("Version %d · Fingerprint %s", a.Wording.Version, fingerprint(t, ps[0]))
	for i, p := range ps {
		if want := fmt.Sprintf("Page %d of %d", i+1, len(ps)); !strings.Contains(p, want) {
			t.Errorf("page %d does not say %q", i+1, want)
		}
		if !strings.Contains(words(p), footer) || !strings.Contains(p, "10 March 2025") {
			t.Errorf("page %d footer lacks %q and the printed date:\n%s", i+1, footer, p)
		}
		if !strings.Contains(p, "Riverside Residents' Association") || !strings.Contains(p, "hello@riverside.example") {
			t.Errorf("page %d has no letterhead", i+1)
		}
	}
	if info := run(t, pdf, "pdfinfo"); !strings.Contains(info, "Title:           "+a.Name) ||
		!strings.Contains(info, "Author:          Riverside Residents' Association") ||
		!strings.Contains(info, "Subject:         Memorandum of understanding") {
		t.Errorf("metadata:\n%s", info)
	}
}

// wantHeadings checks that each "N Title" heading is printed, numbered so, in this order.
func wantHeadings(t *testing.T, text string, headings ...string) {
	t.Helper()
	at := 0
	for _, h := range headings {
		number, title, _ := strings.Cut(h, " ")
		re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(number) + `\s+` + regexp.QuoteMeta(title) + `\s*$`)
		loc := re.FindStringIndex(text[at:])
		if loc == nil {
			t.Errorf("heading %q is missing, or out of order", h)
			continue
		}
		at += loc[1]
	}
}

func TestMOULeavesOutEmptySectionsNumberingOnwards(t *testing.T) {
	s, a := fixture(t)
	a.Background, a.Goals, a.Governance, a.Communication, a.Clauses = "", nil, "", data.CommunicationPlan{}, nil
	a.MoneyChangesHands, a.FundingTerms, a.LegallyBinding, a.Amendments = false, "", true, nil
	for i := range a.Parties {
		a.Parties[i].Contributions = nil
	}
	text := strings.Join(pages(t, printMOU(t, s, a)), "\n")
	wantHeadings(t, text, "1 Purpose", "2 Responsibilities", "2.1 Riverside Residents' Association",
		"3 Term and review", "4 Conflict resolution", "5 Confidentiality and data sharing", "6 Legal status",
		"7 Changes to this agreement", "8 Termination")
	for _, gone := range []string{"Background", "Shared goals", "Contributions", "Governance", "Communication", "Funding", "Safeguarding"} {
		if strings.Contains(text, gone) {
			t.Errorf("the empty section %q is printed", gone)
		}
	}
	if !strings.Contains(words(text), "This memorandum is legally binding on the parties.") {
		t.Error("a legally binding agreement does not say so")
	}
}

// clause is n words of plain prose ending in a recognisable phrase.
func clause(n int) string {
	var b strings.Builder
	for i := range n - 4 {
		b.WriteString([]string{"the ", "parties ", "agree ", "to ", "share ", "kitchen ", "rota ", "fairly. "}[i%8])
		if i%160 == 159 {
			b.WriteString("\n")
		}
	}
	return b.String() + "these are the last words"
}

func TestMOULongClauseBreaksAcrossPages(t *testing.T) {
	s, a := fixture(t)
	a.Clauses = []data.Clause{{Heading: "Kitchen rota", Text: clause(6000)}}
	ps := pages(t, printMOU(t, s, a))
	if len(ps) < 10 {
		t.Fatalf("6,000 words printed on %d pages", len(ps))
	}
	text := words(strings.Join(ps, "\n"))
	if !strings.Contains(text, "these are the last words") || strings.Count(text, "kitchen rota fairly.") < 700 {
		t.Error("the long clause lost words")
	}
	for i, p := range ps {
		if strings.Contains(p, "Kitchen rota") && !strings.Contains(p, "the parties agree to share") {
			t.Errorf("the clause's heading is alone at the foot of page %d", i+1)
		}
	}
}

var dateLabel = regexp.MustCompile(`\bDate\b`)

// wholeBlocks checks that every page holding a signature block's "Signed for and on behalf of" holds its
// "Date" line too, and says how many pages hold blocks.
func wholeBlocks(t *testing.T, ps []string) (withBlocks int) {
	t.Helper()
	for i, p := range ps {
		blocks := strings.Count(p, "Signed for and on behalf of")
		if dates := len(dateLabel.FindAllString(p, -1)); blocks != dates {
			t.Fatalf("page %d holds %d signature blocks but %d date lines:\n%s", i+1, blocks, dates, p)
		}
		if blocks > 0 {
			withBlocks++
		}
	}
	return withBlocks
}

// TestSignaturesStayWhole starts the signatures at every height near a page's foot: the heading keeps
// the first row of blocks, and no block splits.
func TestSignaturesStayWhole(t *testing.T) {
	s, a := fixture(t)
	parties, err := partiesOf(s, s.Organisation(), a)
	if err != nil {
		t.Fatal(err)
	}
	m := &mou{a: a, org: s.Organisation(), parties: parties, langs: []i18n.Lang{i18n.In("en")}}
	signatures := func(d *document) {
		m.signatures(d, "Signatures", m.kindSentence("Each party signs below to confirm that it agrees to this %s."), true)
	}
	for i, ps := range sweep(t, 130, 0.75, signatures) {
		wholeBlocks(t, ps)
		for _, p := range ps {
			if strings.Contains(p, "Signatures") && !strings.Contains(p, "Signed for and on behalf of") {
				t.Fatalf("trial %d: the heading \"Signatures\" ends a page alone:\n%s", i, p)
			}
		}
	}
}

// TestMOUKeepsBlocksWhole moves the last sections and the signature blocks down the page a few lines at
// a time, through the whole document: signature blocks stay whole, and a clause's heading shares its page
// with the clause's first lines.
func TestMOUKeepsBlocksWhole(t *testing.T) {
	s, a := fixture(t)
	a.Amendments = nil                                                                    // the amendment sheet's blocks would spread the signatures over two pages by themselves
	for _, name := range []string{"Fundação Bairro Alto", "Stadtteilzentrum Connewitz"} { // too many blocks for one page
		p := partner(name, "", "", "")
		save(t, s, p)
		a.Parties = append(a.Parties, data.Party{PartnerID: p.ID, Responsibilities: "Help."})
	}
	photos := "Photographs are taken only with written consent. " + clause(60)
	spread := false
	for n := 10; n < 660; n += 21 {
		a.Clauses = []data.Clause{{Heading: "Kitchen rota", Text: clause(n)}, {Heading: "Photographs", Text: photos}}
		ps := pages(t, printMOU(t, s, a))
		spread = spread || wholeBlocks(t, ps) > 1
		for i, p := range ps {
			if strings.Contains(p, "Photographs\n") && !strings.Contains(words(p), "Photographs are taken only with written consent. the parties") {
				t.Fatalf("%d words: the heading \"Photographs\" ends page %d without its text:\n%s", n, i+1, p)
			}
		}
	}
	if !spread {
		t.Error("no length of clause made the signature blocks run onto a second page: the test proves nothing")
	}
}

func TestMOUUnknownSignatoryPrintsBlankLines(t *testing.T) {
	s, a := fixture(t)
	// -raw keeps the order the text is drawn in: each block's header, then each line's value and label.
	text := words(run(t, printMOU(t, s, a), "pdftotext", "-raw"))
	for _, want := range []string{
		"Signed for and on behalf of Asociación Vecinal Peñalara Signature Name Position Date",
		"Signed for and on behalf of Σύλλογος Γειτονιάς Αθήνας Signature Ελένη Παπαδοπούλου Name Πρόεδρος Position Date",
		"Signed for and on behalf of Общественный центр «Рассвет» Signature Ольга Иванова Name Директор Position 4 March 2025 Date",
		"Signed for and on behalf of Riverside Residents' Association Signature Amara Okafor Name Chair Position Date",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no signature block reads %q in:\n%s", want, text)
		}
	}
}

func TestMOUPaperSize(t *testing.T) {
	s, a := fixture(t)
	for paper, want := range map[string]string{data.PaperA4: "(A4)", data.PaperLetter: "(letter)"} {
		org := s.Organisation()
		org.PaperSize = paper
		save(t, s, org)
		if info := run(t, printMOU(t, s, a), "pdfinfo"); !regexp.MustCompile(`Page size:\s+[\d. x]+pts ` + regexp.QuoteMeta(want)).MatchString(info) {
			t.Errorf("%s paper:\n%s", paper, info)
		}
	}
}

func TestMOUIsAValidPDFWithEmbeddedFonts(t *testing.T) {
	s, a := fixture(t)
	a.Clauses = append(a.Clauses, data.Clause{Heading: "Celebrations 🎉", Text: "An emoji 🎉 and a tab\tmust not stop the printing."})
	pdf := printMOU(t, s, a)
	run(t, pdf, "qpdf", "--check")
	fonts := strings.Split(strings.TrimSpace(run(t, pdf, "pdffonts")), "\n")
	if len(fonts) < 5 { // two header lines and the regular, bold and italic faces
		t.Fatalf("pdffonts:\n%s", strings.Join(fonts, "\n"))
	}
	for _, line := range fonts[2:] {
		if f := strings.Fields(line); len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
	}
}

func TestMOUIsReproducible(t *testing.T) {
	s, a := fixture(t)
	first, second := printMOU(t, s, a), printMOU(t, s, a)
	if !bytes.Equal(first, second) {
		t.Fatal("the same agreement printed on the same day gave different bytes")
	}
	a.Purpose += " Changed."
	if bytes.Equal(first, printMOU(t, s, a)) {
		t.Fatal("a changed agreement printed the same bytes")
	}
}

func TestMOURefusesAMissingPartner(t *testing.T) {
	s, a := fixture(t)
	a.Parties[2].PartnerID = data.NewID()
	if _, err := MOU(s, a, Edition{}); err == nil || !strings.Contains(err.Error(), "Party 3") {
		t.Fatalf("err = %v, want one naming party 3", err)
	}
}

// tenPages is the fixture grown to about ten pages by a long clause.
func tenPages(b *testing.B) (*data.Memory, *data.Agreement) {
	s, a := fixture(b)
	a.Clauses = append(a.Clauses, data.Clause{Heading: "Kitchen rota", Text: clause(4300)})
	return s, a
}

func BenchmarkMOU10Pages(b *testing.B) {
	s, a := tenPages(b)
	var pdf []byte
	for b.Loop() {
		var err error
		if pdf, err = MOU(s, a, Edition{Today: printedOn}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(bytes.Count(pdf, []byte("/Type /Page\n"))), "pages")
}

var fingerprintText = regexp.MustCompile(`(?:Fingerprint|Huella|Empreinte) ([0-9A-F]{4}-[0-9A-F]{4})`)

func fingerprint(t *testing.T, page string) string {
	t.Helper()
	m := fingerprintText.FindStringSubmatch(words(page))
	if m == nil {
		t.Fatalf("no fingerprint in the footer:\n%s", page)
	}
	return m[1]
}

// The fingerprint matches a signed paper copy to its record: it changes with anything printed (a party's
// name included), and not with the signing dates recorded afterwards.
func TestMOUFingerprintFollowsWhatIsPrinted(t *testing.T) {
	s, a := fixture(t)
	first := fingerprint(t, pages(t, printMOU(t, s, a))[0])
	p := data.Lookup[data.Partner](s, a.PartnerIDs()[0])
	p.Name += " (Athens)"
	save(t, s, p)
	renamed := fingerprint(t, pages(t, printMOU(t, s, a))[0])
	if renamed == first {
		t.Fatal("renaming a party did not change the fingerprint")
	}
	a.Parties[1].Signatory.SignedOn = data.NewDate(2025, 3, 12)
	if signed := fingerprint(t, pages(t, printMOU(t, s, a))[0]); signed != renamed {
		t.Fatalf("recording a signature changed the fingerprint: %s, was %s", signed, renamed)
	}
}
