package pdf

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"accord/data"
)

// TestSignaturePairsStayLevel gives one party of each pair a name and a position that wrap over several
// lines: the signature, name, position and date lines of the pair still line up, and the long position
// is printed whole, never cut short.
func TestSignaturePairsStayLevel(t *testing.T) {
	s, a := fixture(t)
	p := data.Lookup[data.Partner](s, a.PartnerIDs()[0])
	p.Name = "Σύλλογος Γειτονιάς Αθήνας και Περιχώρων για την Κοινωνική Αλληλεγγύη"
	save(t, s, p)
	long := "Deputy Chair of the Board of Trustees and Treasurer of the Neighbourhood Association"
	a.Parties[1].Signatory.Title = long
	a.Parties[2].Signatory.Name = "Ольга Александровна Иванова-Сидоренко"
	a.Amendments = nil
	pdf := printMOU(t, s, a)
	layout := strings.Join(pages(t, pdf), "\n")
	for _, label := range []string{"Signature", "Name", "Position", "Date"} {
		level := regexp.MustCompile(`(?m)^\s*` + label + `\s+` + label + `\s*$`)
		if n := len(level.FindAllString(layout, -1)); n != 2 {
			t.Errorf("%d lines hold the %q labels of both blocks of a pair, want 2 (one per pair):\n%s", n, label, layout)
		}
	}
	if !strings.Contains(words(run(t, pdf, "pdftotext", "-raw")), long) || strings.Contains(layout, "…") {
		t.Errorf("the long position is not printed whole")
	}
	// Its lines sit between the "Name" label above it and its own "Position" label, overlapping neither.
	var nameLabel, deputy, positionLabel float64
	for _, m := range bboxWord.FindAllStringSubmatch(run(t, pdf, "pdftotext", "-bbox"), -1) {
		x, y := atof(m[1]), atof(m[2])
		switch {
		case x < 250: // the left-hand block
		case m[4] == "Name" && nameLabel == 0:
			nameLabel = atof(m[3]) // its foot
		case m[4] == "Deputy" && deputy == 0:
			deputy = y
		case m[4] == "Position" && positionLabel == 0:
			positionLabel = y
		}
	}
	if !(nameLabel < deputy && deputy < positionLabel) {
		t.Errorf("the wrapped position starts at %.1f, not between the Name label ending at %.1f and its own at %.1f", deputy, nameLabel, positionLabel)
	}
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// TestSignaturesNeverStartAPageAlone lengthens the last clause a few words at a time, so the signatures
// meet the page's foot at every height: the page they are on always holds the clause's last words, and
// the four blocks, which fit on one page, stay together.
func TestSignaturesNeverStartAPageAlone(t *testing.T) {
	s, a := fixture(t)
	a.Amendments = nil
	moved := false
	for n := 10; n < 700; n += 23 {
		a.Clauses = []data.Clause{{Heading: "Photographs", Text: clause(n)}}
		ps := pages(t, printMOU(t, s, a))
		for i, p := range ps {
			if strings.Contains(p, "Signed for and on behalf of") && !strings.Contains(words(p), "these are the last words") {
				t.Fatalf("%d words: page %d holds signature blocks without the end of the last clause (four blocks fit on one page):\n%s", n, i+1, p)
			}
			if !regexp.MustCompile(`(?m)^\s*Signatures\s*$`).MatchString(p) {
				continue
			}
			if !strings.Contains(words(p), "these are the last words") {
				t.Fatalf("%d words: the signatures start page %d without the end of the last clause:\n%s", n, i+1, p)
			}
			moved = moved || !strings.Contains(p, "16    Photographs") && i > 0
		}
	}
	if !moved {
		t.Error("no length of clause moved the signatures to a page of their own: the test proves nothing")
	}
}

// testDocument is a one-page document to measure and wrap text in.
func testDocument(t *testing.T) *document {
	t.Helper()
	d, err := newDocument(&data.Organisation{Name: "Typography"}, docInfo{title: "Typography", date: printedOn})
	if err != nil {
		t.Fatal(err)
	}
	d.font("", bodySize)
	return d
}

// TestAddressesBreakOnlyAtTheirDots: an e-mail or web address too long for its column breaks only after
// "@" or "/" or before "."; a phone number is never broken; nothing is lost.
func TestAddressesBreakOnlyAtTheirDots(t *testing.T) {
	d := testDocument(t)
	for _, address := range []string{"obshchestvennyy.tsentr.kalininskogo@rassvet-novosibirsk.ru",
		"https://www.kalininskogo-rayona.example.org/partnerships/2025/kitchen"} {
		lines := d.wrap(address, 45)
		if len(lines) < 2 || strings.Join(lines, "") != address {
			t.Fatalf("%s wrapped into %q", address, lines)
		}
		for i, l := range lines[:len(lines)-1] {
			next := lines[i+1]
			if !strings.HasSuffix(l, "@") && !strings.HasSuffix(l, "/") && !strings.HasPrefix(next, ".") {
				t.Errorf("%s breaks between %q and %q", address, l, next)
			}
		}
	}
	phone := "+7 383 222 33 44"
	lines := d.wrap("Call the centre on "+phone+" between nine and five", 45)
	found := false
	for _, l := range lines {
		found = found || strings.Contains(strings.ReplaceAll(l, "\u00a0", " "), phone)
	}
	if !found {
		t.Errorf("the phone number is broken across lines: %q", lines)
	}
	word := "Gemeinschaftsküchenverantwortlichen"
	broken := d.wrap(word, 20)
	if len(broken) < 2 || !strings.HasSuffix(broken[0], "-") || strings.ReplaceAll(strings.Join(broken, ""), "-", "") != word {
		t.Errorf("a word wider than its column wrapped into %q", broken)
	}
}

// TestJustifiedLinesStaySpacedEvenly: a line that justifying would stretch — before an address that moved
// to the next line — stays flush left; an ordinary full line is justified.
func TestJustifiedLinesStaySpacedEvenly(t *testing.T) {
	d := testDocument(t)
	if !d.overspread("Write to", 120) {
		t.Error("two short words would be spread across the column")
	}
	full := d.wrap(strings.Repeat("the parties agree to share the kitchen rota fairly ", 4), 120)[0]
	if d.overspread(full, 120) {
		t.Errorf("a full line %q is left ragged", full)
	}
}

// TestTableHeadersWrapBetweenWords puts long titles in narrow columns: each title's words print whole,
// the header shrinking to fit, never broken inside a word ("Évoluti-on").
func TestTableHeadersWrapBetweenWords(t *testing.T) {
	titles := []string{"Évolution", "Diferencia", "Puntuación", "Acción comunitaria"}
	tab := table{rows: [][]string{{"1", "2", "3", "4"}}}
	for _, title := range titles {
		tab.cols = append(tab.cols, column{title: title, share: 0.25})
	}
	doc, err := render(&data.Organisation{Name: "Tables"}, docInfo{title: "Tables", date: printedOn}, func(d *document) {
		tab.draw(d, margin, d.width()*0.45)
	})
	if err != nil {
		t.Fatal(err)
	}
	text := words(run(t, doc, "pdftotext", "-raw"))
	for _, w := range []string{"Évolution", "Diferencia", "Puntuación", "Acción", "comunitaria"} {
		if !strings.Contains(text, w) {
			t.Errorf("the header %q is broken: %s", w, text)
		}
	}
}

// TestHyphenLooksLikeAHyphen: the Go fonts draw "-" as wide as an en dash; printed, it is the shorter
// hyphen, and still reads back as "-".
func TestHyphenLooksLikeAHyphen(t *testing.T) {
	d := testDocument(t)
	for _, style := range []string{"", "B", "I"} {
		d.font(style, bodySize)
		if hyphen, dash := d.f.GetStringWidth("-"), d.f.GetStringWidth("–"); hyphen > 0.7*dash {
			t.Errorf("style %q: the hyphen is %.2f mm wide, an en dash %.2f mm", style, hyphen, dash)
		}
	}
	s, a := fixture(t)
	a.Purpose = "A data-sharing, well-run kitchen."
	if !strings.Contains(words(run(t, printMOU(t, s, a), "pdftotext", "-raw")), "A data-sharing, well-run kitchen.") {
		t.Error("the hyphens do not read back as hyphens")
	}
}
