package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"accord/data"
)

// sweep runs draw n times, each on a fresh page headed "Trial i" and starting step millimetres lower than
// the one before, down to the page's foot, so whatever draw prints meets the page break at every height.
// It returns the text of each trial's pages.
func sweep(t *testing.T, n int, step float64, draw func(d *document)) [][]string {
	t.Helper()
	org := &data.Organisation{Name: "Sweep"}
	doc, err := render(org, docInfo{title: "Sweep", date: printedOn}, func(d *document) {
		d.f.SetCompression(false) // hundreds of pages: zlib's set-up per page would dominate the test's time
		for i := range n {
			if i > 0 {
				d.f.AddPage()
			}
			d.font("", bodySize)
			d.f.CellFormat(0, lineHeight, fmt.Sprintf("Trial %d", i), "", 1, "L", false, 0, "")
			d.f.SetY(d.f.GetY() + d.room() - float64(n-i)*step)
			draw(d)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	trials := make([][]string, n)
	trial := regexp.MustCompile(`Trial (\d+)`)
	i := -1
	for _, p := range pages(t, doc) {
		if m := trial.FindStringSubmatch(p); m != nil {
			fmt.Sscan(m[1], &i)
		}
		trials[i] = append(trials[i], p)
	}
	return trials
}

// TestHeadingsKeepTheirFirstLines puts a heading and a short block of each kind at every height near a
// page's foot: the block must always land on the heading's page.
func TestHeadingsKeepTheirFirstLines(t *testing.T) {
	long := strings.Repeat("alpha beta gamma delta ", 20)
	for name, b := range map[string]block{
		"one line":    prose{text: "First words."},
		"three lines": prose{text: "First words. " + strings.Repeat("alpha beta ", 25)},
		"list":        prose{text: "First words.\nSecond item.", list: true},
		"fields":      fields{{"A label long enough to wrap", "First words."}},
		"table":       table{cols: []column{{title: "A", share: 0.5}, {title: "B", share: 0.5, right: true}}, rows: [][]string{{"First words.", "1"}}, total: []string{"Total", "1"}},
		"subsection":  subsection{"A subsection", prose{text: "First words. " + long}},
	} {
		t.Run(name, func(t *testing.T) {
			for i, ps := range sweep(t, 56, 0.7, func(d *document) {
				x, w := margin+indent, d.width()-indent
				d.heading("The heading", true, b.lead(d, w))
				b.draw(d, x, w)
			}) {
				for _, p := range ps {
					if strings.Contains(p, "The heading") != strings.Contains(p, "First words.") {
						t.Fatalf("trial %d: the heading and its first words are on different pages:\n%s", i, strings.Join(ps, "\n---\n"))
					}
				}
			}
		})
	}
}

// TestParagraphsLeaveNoLineAlone breaks paragraphs of two to six lines at every height: no page may hold
// just one line of one.
func TestParagraphsLeaveNoLineAlone(t *testing.T) {
	line := regexp.MustCompile(`(?m)^.*alpha.*$`)
	for words := 20; words < 100; words += 16 {
		text := strings.TrimSpace(strings.Repeat("alpha ", words))
		for i, ps := range sweep(t, 40, 1, func(d *document) { prose{text: text}.draw(d, margin, d.width()) }) {
			total := len(line.FindAllString(strings.Join(ps, "\n"), -1))
			for _, p := range ps {
				if total > 1 && len(line.FindAllString(p, -1)) == 1 {
					t.Fatalf("%d words, trial %d: a page holds one line of the paragraph:\n%s", words, i, strings.Join(ps, "\n---\n"))
				}
			}
		}
	}
}

// TestTableRunsOntoPagesWithItsHeader prints a table longer than a page: each page repeats the header
// row, the group a page starts in is named again, and the total closes the last page.
func TestTableRunsOntoPagesWithItsHeader(t *testing.T) {
	tab := table{cols: []column{{title: "Party", share: 0.5, group: true}, {title: "Amount", share: 0.5, right: true}}, total: []string{"Total", "80"}}
	for i := range 80 {
		name := ""
		if i%40 == 0 {
			name = fmt.Sprintf("Group %d", i/40)
		}
		tab.rows = append(tab.rows, []string{name, "1"})
	}
	doc, err := render(&data.Organisation{Name: "Tables"}, docInfo{title: "Tables", date: printedOn}, func(d *document) {
		tab.draw(d, margin, d.width())
	})
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, doc)
	if len(ps) < 3 {
		t.Fatalf("80 rows fit on %d pages", len(ps))
	}
	for i, p := range ps {
		if !regexp.MustCompile(`(?m)^\s*Party\s+Amount\s*$`).MatchString(p) || !regexp.MustCompile(`(?m)^\s*Group \d\s+1\s*$`).MatchString(p) {
			t.Errorf("page %d lacks the header row or the name of its group:\n%s", i+1, p)
		}
		if strings.Contains(p, "Total") != (i == len(ps)-1) {
			t.Errorf("page %d: the total is not on the last page only", i+1)
		}
	}
}

// A list of names that fits on a page is set in the list's own type; a longer one, such as the thanks of a
// thousand-partner year, in the directory's denser type: 700 names take 4 pages, and every name is there.
func TestLongListsAreSetDensely(t *testing.T) {
	list := func(n int) []string {
		names := make([]string, n)
		for i := range names {
			names[i] = fmt.Sprintf("Neighbourhood Association %03d", i)
		}
		return names
	}
	for _, c := range []struct{ names, pages int }{{100, 1}, {700, 4}} {
		doc, err := render(&data.Organisation{Name: "Lists"}, docInfo{title: "Lists", date: printedOn}, func(d *document) {
			columnList{items: list(c.names)}.draw(d, margin, d.width())
		})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(pages(t, doc)); n > c.pages {
			t.Errorf("%d names take %d pages, want %d at most", c.names, n, c.pages)
		}
		text := run(t, doc, "pdftotext", "-raw")
		for _, name := range list(c.names) {
			if !strings.Contains(text, name) {
				t.Fatalf("%d names: %q is missing", c.names, name)
			}
		}
	}
}
