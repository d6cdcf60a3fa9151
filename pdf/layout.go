package pdf

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"
)

// The type scale and spacing every document shares: sizes in points, everything else in millimetres.
const (
	lineHeight = 5.0 // body text at 10.5 pt, about 1.35 times the type size
	smallSize  = 9.0
	smallLine  = 4.4
	indent     = 10.0 // sections' text hangs right of their numbers
	paraGap    = 2.2
	itemGap    = 1.0 // between the items of a list
	fieldGap   = 1.2 // between labelled values
	sectionGap = 6.0
	// compactSectionGap is the space above a section of a document meant to fit on a page or two.
	compactSectionGap = 3.5
	headingSize       = 12.0
	headingLine       = 6.5
	headingAfter      = 1.0
	cellPadX          = 2.0
	cellPadY          = 1.6
	keepLines         = 3 // a heading keeps at least this many lines of its text on its page
	orphanLines       = 2 // a paragraph never leaves fewer lines than this at a page's foot or head
	bulletIndent      = 5.0
)

type rgb struct{ r, g, b int }

// One restrained accent (the letterhead's teal) on near-black text, with greys for rules and labels.
var (
	ink    = rgb{33, 37, 41}
	muted  = rgb{96, 103, 110}
	accent = rgb{31, 111, 120}
	rule   = rgb{196, 204, 208}
	shade  = rgb{230, 240, 241}
	paper  = rgb{255, 255, 255}
	// watermarkGrey is light enough to read black text over, dark enough to see on a photocopy.
	watermarkGrey = rgb{228, 228, 228}
)

func (d *document) font(style string, size float64) {
	d.style, d.size = style, size
	d.f.SetFont(family, style, size)
}
func (d *document) colour(c rgb) { d.f.SetTextColor(c.r, c.g, c.b) }
func (d *document) fill(c rgb)   { d.f.SetFillColor(c.r, c.g, c.b) }

func (d *document) draw(c rgb, width float64) {
	d.f.SetDrawColor(c.r, c.g, c.b)
	d.f.SetLineWidth(width)
}

// width is the width of the text column between the margins.
func (d *document) width() float64 {
	w, _ := d.f.GetPageSize()
	return w - 2*margin
}

// room is the height left on the page above the footer.
func (d *document) room() float64 {
	_, h := d.f.GetPageSize()
	return h - margin - footerHeight - d.f.GetY()
}

// page is the height of a page's body, between the letterhead and the footer.
func (d *document) page() float64 {
	_, h := d.f.GetPageSize()
	return h - margin - footerHeight - d.top
}

// atTop is true at the start of a page's body, where a page break would only leave a blank page.
func (d *document) atTop() bool { return d.f.GetY() <= d.top+0.01 }

// ensure starts a new page unless h still fits on this one.
func (d *document) ensure(h float64) {
	if d.room() < h && !d.atTop() {
		d.f.AddPage()
	}
}

// gap adds vertical space, except at the top of a page.
func (d *document) gap(h float64) {
	if !d.atTop() {
		d.f.SetY(d.f.GetY() + h)
	}
}

// wrap breaks text into lines at most w wide in the current font: at its own line breaks, then between
// words. Runs of spaces fold into one, as they would in a typeset document. Nothing is cut: a word too
// long for a line is broken (see breakWord), and a phone number is one word.
func (d *document) wrap(text string, w float64) []string {
	key := wrapKey{d.style, d.size, w, text}
	if lines, ok := d.wraps[key]; ok {
		return slices.Clone(lines) // the caller's to change
	}
	var out []string
	for _, line := range strings.Split(clean(text), "\n") {
		out = append(out, d.setWords(splitWords(line), w)...)
	}
	d.wraps[key] = slices.Clone(out)
	return out
}

// wrapKey is what the lines of a wrapped text depend on. A table measures each cell's lines once for
// the row heights and again to draw them, and a document is laid out twice (see render): the annual
// report of 10,000 partners spent a fifth of its time wrapping the same texts.
type wrapKey struct {
	style   string
	size, w float64
	text    string
}

// splitWords splits a line at its spaces, keeping each phone number whole ("+44 20 7946 0000" is one word).
// A no-break space joins, as it does in a French amount ("1 250,50 EUR").
func splitWords(line string) []string {
	if digits(line) >= phoneDigits { // most lines hold no phone number: skip the pattern's cost
		line = phoneNumber.ReplaceAllStringFunc(line, func(n string) string {
			if digits(n) < phoneDigits {
				return n
			}
			return strings.ReplaceAll(n, " ", "\u00a0")
		})
	}
	return strings.FieldsFunc(line, func(r rune) bool { return r != '\u00a0' && unicode.IsSpace(r) })
}

// phoneNumber is a run of digits, spaces and the usual marks; one with phoneDigits digits or more is a
// phone number.
var phoneNumber = regexp.MustCompile(`\+?\(?\d[\d ().\-/]{5,}\d`)

const phoneDigits = 7

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// setWords sets words on lines at most w wide, breaking a word that is wider than a line.
func (d *document) setWords(ws []string, w float64) []string {
	var out []string
	line := ""
	for _, word := range ws {
		switch {
		case line == "" || d.f.GetStringWidth(line+" "+word) <= w:
			line = strings.TrimPrefix(line+" "+word, " ")
		default:
			out = append(out, line)
			line = word
		}
		if d.f.GetStringWidth(line) > w {
			pieces := d.breakWord(line, w)
			out = append(out, pieces[:len(pieces)-1]...)
			line = pieces[len(pieces)-1]
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// breakWord breaks a word wider than w into pieces that fit: an e-mail or web address after "@" or "/"
// or before ".", so each piece still reads as part of an address, and where no such place fits, anywhere,
// with no hyphen added to it; any other word with a hyphen at the break; a character wider than w alone.
func (d *document) breakWord(word string, w float64) []string {
	address := strings.Contains(word, "@") || strings.Contains(word, "://") || strings.HasPrefix(word, "www.")
	mark := hyphen
	if address {
		mark = ""
	}
	var out []string
	for d.f.GetStringWidth(word) > w {
		runes := []rune(word)
		at, anywhere := 0, 0
		for i := 1; i < len(runes); i++ {
			if d.f.GetStringWidth(string(runes[:i])+mark) > w {
				break
			}
			anywhere = i
			if !address || runes[i-1] == '@' || runes[i-1] == '/' || runes[i] == '.' {
				at = i
			}
		}
		if at == 0 {
			at = max(anywhere, 1)
		}
		out = append(out, string(runes[:at])+mark)
		word = string(runes[at:])
	}
	return append(out, word)
}

// hyphen ends a line where a word is broken.
const hyphen = "-"

// firstLines is how many of a paragraph's n lines must start on the same page: a paragraph too short to
// split without leaving a line alone stays whole.
func firstLines(n int) int {
	if n < 2*orphanLines {
		return n
	}
	return orphanLines
}

// flow prints wrapped lines from the current position at x, aligned "L", "C" or "J", breaking pages
// between lines but never leaving a paragraph's first or last line alone on a page. Justified text keeps
// each paragraph's last line, and a line of a single word, flush left.
func (d *document) flow(lines []string, x, w, lh float64, align string) {
	d.flowKeeping(lines, x, w, lh, align, 0)
}

// flowKeeping flows lines as flow does, and keeps after — the height of what must follow — on the page
// of their last lines.
func (d *document) flowKeeping(lines []string, x, w, lh float64, align string, after float64) {
	n := len(lines)
	tail := n - min(orphanLines, n) // the first of the lines kept with the end
	if firstLines(n) == n {
		d.ensure(float64(n)*lh + after)
	} else {
		d.ensure(float64(firstLines(n)) * lh)
	}
	for i, line := range lines {
		if i > 0 && i == tail {
			d.ensure(float64(n-tail)*lh + after)
		}
		d.ensure(lh)
		a := align
		if a == "J" && (i == len(lines)-1 || d.overspread(line, w)) {
			a = "L" // a paragraph's last line, and a line spread too thin, stay flush left
		}
		d.f.SetX(x)
		d.f.CellFormat(w, lh, line, "", 2, a, false, 0, "")
	}
}

// overspread says whether justifying a line would open its spaces wider than three ordinary ones, as
// before a long address that moved whole to the next line; a line of one word cannot be justified at
// all (fpdf would divide by zero).
func (d *document) overspread(line string, w float64) bool {
	spaces := strings.Count(line, " ")
	if spaces == 0 {
		return true
	}
	return (w-d.f.GetStringWidth(line))/float64(spaces) > 2*d.f.GetStringWidth(" ")
}

// heading starts a section: numbered ("4  Responsibilities") or not. keep is the height of what follows
// that must stay on the heading's page.
func (d *document) heading(title string, numbered bool, keep float64) {
	number := ""
	if numbered {
		d.section++
		d.sub = 0
		number = fmt.Sprint(d.section)
	}
	d.font("B", headingSize)
	lines := d.wrap(title, d.width()-indent)
	space := sectionGap
	if d.info.compact {
		space = compactSectionGap
	}
	d.ensure(space + float64(len(lines))*headingLine + headingAfter + keep)
	d.gap(space)
	d.f.Bookmark(strings.TrimSpace(number+" "+clean(title)), 0, -1)
	d.numbered(number, lines, headingLine, accent)
	d.f.SetY(d.f.GetY() + headingAfter)
}

// captionLine prints one short line in small grey type, such as what a page of an annex is.
func (d *document) captionLine(text string) {
	d.colour(muted)
	d.f.SetX(margin)
	d.f.CellFormat(d.width(), lineHeight, d.shrunk(clean(text), "", smallSize, d.width()), "", 1, "L", false, 0, "")
	d.colour(ink)
	d.font("", bodySize)
}

// subheading starts a numbered part of the current section ("4.2  Riverside Tenants' Association").
func (d *document) subheading(title string, keep float64) {
	d.sub++
	d.ensure(d.subheadingHeight(title) + keep)
	d.gap(paraGap)
	d.font("B", bodySize)
	lines := d.wrap(title, d.width()-indent)
	d.numbered(fmt.Sprintf("%d.%d", d.section, d.sub), lines, lineHeight, ink)
}

func (d *document) subheadingHeight(title string) float64 {
	d.font("B", bodySize)
	return paraGap + float64(len(d.wrap(title, d.width()-indent)))*lineHeight
}

// numbered prints a heading's number in the hanging indent and its lines beside it, in the current font.
func (d *document) numbered(number string, lines []string, lh float64, c rgb) {
	d.colour(accent)
	d.f.SetX(margin)
	d.f.CellFormat(indent, lh, number, "", 0, "L", false, 0, "")
	d.colour(c)
	d.flow(lines, margin+indent, d.width()-indent, lh, "L")
	d.colour(ink)
}

// block is a piece of a section's body, drawn in a column x wide w. lead is the height of its first few
// lines: what must fit below a heading so that the heading never ends a page alone.
type block interface {
	lead(d *document, w float64) float64
	draw(d *document, x, w float64)
}

// prose is running text: each line a paragraph, and a line starting with "-", "*" or "•" a bulleted item.
// As a list, every line is an item.
type prose struct {
	text string
	list bool
	// italic sets the text in italics, as a translation printed after its original is.
	italic bool
	// next is what must follow the text's last lines on their page, such as the signatures after the
	// last clause.
	next follow
}

// follow is the height of what must follow a text's end on the page of its end: at least first, and
// all when that fits on one page (page high) with the end, such as every signature block after the last
// clause rather than the first row of them only. The zero follow keeps nothing.
type follow struct{ first, all, page float64 }

// after is the height to keep after an end h high.
func (f follow) after(h float64) float64 {
	if f.all > 0 && h+f.all <= f.page {
		return f.all
	}
	return f.first
}

type paragraph struct {
	text   string
	bullet bool
}

func (p prose) paragraphs() []paragraph {
	var out []paragraph
	for _, line := range strings.Split(p.text, "\n") {
		text, marked := listItem(strings.TrimSpace(line))
		if text != "" {
			out = append(out, paragraph{text, p.list || marked})
		}
	}
	if len(out) == 1 {
		out[0].bullet = false // a list of one is a sentence
	}
	return out
}

// listItem takes the bullet off a line typed as a list item.
func listItem(line string) (text string, marked bool) {
	for _, marker := range []string{"- ", "* ", "•"} {
		if rest, ok := strings.CutPrefix(line, marker); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return line, false
}

func (p prose) style() string {
	if p.italic {
		return "I"
	}
	return ""
}

// lead is the height of the first lines, which a heading keeps on its page; when they reach the last
// lines, which keep what follows, all of it.
func (p prose) lead(d *document, w float64) float64 {
	ps := p.paragraphs()
	if len(ps) == 0 {
		return 0
	}
	d.font(p.style(), bodySize)
	n := len(d.wrap(ps[0].text, w-ps[0].indent()))
	first := max(min(keepLines, n), firstLines(n))
	if len(ps) == 1 && first > n-orphanLines { // the first lines reach the last: all of it, and what follows
		return float64(n)*lineHeight + p.next.after(float64(n)*lineHeight)
	}
	return float64(first) * lineHeight
}

// ending is the height of a paragraph's lines that stay on the page of its end: all of a short one.
func ending(n int) float64 {
	if firstLines(n) == n {
		return float64(n) * lineHeight
	}
	return orphanLines * lineHeight
}

func (p prose) draw(d *document, x, w float64) {
	d.font(p.style(), bodySize)
	d.colour(ink)
	ps := p.paragraphs()
	for i, para := range ps {
		switch {
		case i > 0 && para.bullet && ps[i-1].bullet:
			d.gap(itemGap)
		case i > 0:
			d.gap(paraGap)
		}
		d.font(p.style(), bodySize)
		lines := d.wrap(para.text, w-para.indent())
		after := 0.0
		if i == len(ps)-1 {
			after = p.next.after(ending(len(lines)))
		}
		if para.bullet {
			start := float64(firstLines(len(lines))) * lineHeight
			if firstLines(len(lines)) == len(lines) {
				start += after
			}
			d.ensure(start) // the bullet stays with its first lines
			d.colour(accent)
			d.f.SetX(x + 1)
			d.f.CellFormat(bulletIndent-1, lineHeight, "•", "", 0, "L", false, 0, "")
			d.colour(ink)
			d.font(p.style(), bodySize)
		}
		d.flowKeeping(lines, x+para.indent(), w-para.indent(), lineHeight, "J", after)
	}
}

func (p paragraph) indent() float64 {
	if p.bullet {
		return bulletIndent
	}
	return 0
}

// field is one labelled value in a fields block.
type field struct{ label, value string }

// fields lists labelled values, the label in a narrow column on the left; empty values are left out.
type fields []field

const labelWidth = 34.0

func (fs fields) filled() fields {
	var out fields
	for _, f := range fs {
		if strings.TrimSpace(f.value) != "" {
			out = append(out, f)
		}
	}
	return out
}

func (fs fields) lead(d *document, w float64) float64 {
	if len(fs) == 0 {
		return 0
	}
	_, _, h := fs[0].wrap(d, w)
	return h
}

// wrap breaks a field's label and value into lines; h is the height that must start on one page.
func (f field) wrap(d *document, w float64) (labels, values []string, h float64) {
	d.font("", smallSize)
	labels = d.wrap(f.label, labelWidth-3)
	d.font("", bodySize)
	values = d.wrap(f.value, w-labelWidth)
	return labels, values, float64(max(len(labels), firstLines(len(values)))) * lineHeight
}

func (fs fields) draw(d *document, x, w float64) {
	for i, f := range fs {
		if i > 0 {
			d.gap(fieldGap)
		}
		f.draw(d, x, w)
	}
}

// draw prints the field's label and value from the cursor, starting a page first unless its first lines fit.
func (f field) draw(d *document, x, w float64) {
	labels, values, h := f.wrap(d, w)
	d.ensure(h)
	page, y := d.f.PageNo(), d.f.GetY()
	d.font("", smallSize)
	d.colour(muted)
	for j, l := range labels {
		d.f.SetXY(x, y+float64(j)*lineHeight)
		d.f.CellFormat(labelWidth-3, lineHeight, l, "", 0, "L", false, 0, "")
	}
	d.font("", bodySize)
	d.colour(ink)
	d.f.SetXY(x+labelWidth, y)
	d.flow(values, x+labelWidth, w-labelWidth, lineHeight, "L")
	if labelsEnd := y + float64(len(labels))*lineHeight; d.f.PageNo() == page && labelsEnd > d.f.GetY() {
		d.f.SetY(labelsEnd)
	}
}

// fieldGrid lists labelled values two to a row: short ones, such as a partner's phone and website, in half
// the height a fields block takes. A row never splits across pages.
type fieldGrid []field

const gridGap = 6.0

// row is the height of the pair of fields from i.
func (g fieldGrid) row(d *document, i int, half float64) float64 {
	h := 0.0
	for _, f := range g[i:min(i+2, len(g))] {
		labels, values, _ := f.wrap(d, half)
		h = max(h, float64(max(len(labels), len(values)))*lineHeight)
	}
	return h
}

func (g fieldGrid) lead(d *document, w float64) float64 {
	if len(g) == 0 {
		return 0
	}
	return g.row(d, 0, (w-gridGap)/2)
}

func (g fieldGrid) draw(d *document, x, w float64) {
	half := (w - gridGap) / 2
	for i := 0; i < len(g); i += 2 {
		if i > 0 {
			d.gap(fieldGap)
		}
		h := g.row(d, i, half)
		d.ensure(h)
		y := d.f.GetY()
		for j, f := range g[i:min(i+2, len(g))] {
			d.f.SetY(y)
			f.draw(d, x+float64(j)*(half+gridGap), half)
		}
		d.f.SetY(y + h)
	}
}

// column is one column of a table: its heading, its share of the table's width, and whether its cells
// are numbers (right-aligned) or bold. In a grouping column a blank cell means "as above": the name
// heads its group of rows, and is printed again when the group runs onto a new page.
type column struct {
	title string
	share float64
	right bool
	bold  bool
	// lead sets a cell's first line in bold, as a party's name above its legal details.
	lead  bool
	group bool
	// paint, when set, draws into each body cell after its text, such as a progress bar or a marker;
	// row indexes the table's rows.
	paint func(d *document, row int, x, y, w, h float64)
}

// table is a grid with a shaded header row, repeated on every page it runs onto, and an optional bold
// total row. Rows never split across pages.
type table struct {
	cols  []column
	rows  [][]string
	total []string
	// dense sets the table in smaller type with less padding, for long lists such as the contact directory.
	dense bool
	// keepGroups keeps each group of rows on one page when it fits, its name in the grouping columns
	// running down beside its rows instead of making the first of them taller. Grouping columns come first.
	keepGroups bool
}

// Type, leading and padding of a dense table.
const (
	denseSize = 7.0
	denseLine = 3.1 // about 1.25 times the type size: tighter than body text, as a phone book is set
	densePadX = 1.0
	densePadY = 0.6
)

func (t table) widths(w float64) []float64 {
	out := make([]float64, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.share * w
	}
	return out
}

func (t table) header() []string {
	out := make([]string, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.title
	}
	return out
}

func (t table) padY() float64 {
	if t.dense {
		return densePadY
	}
	return cellPadY
}

func (t table) padX() float64 {
	if t.dense {
		return densePadX
	}
	return cellPadX
}

func (t table) lead(d *document, w float64) float64 {
	return t.rowHeight(d, t.header(), w, headerRow) + t.need(d, 0, w, t.heights(d, w))
}

// groupEnd is the index after the last row of the group row i starts: the rows after it whose grouping
// cells are blank.
func (t table) groupEnd(i int) int {
	j := i + 1
	for j < len(t.rows) && t.cols[0].group && t.rows[j][0] == "" {
		j++
	}
	return j
}

// need is the height row i needs on its page: its own, the rest of its group's when groups are kept
// together (and fit on a page), and the total's after the last row, since the total never starts a page
// alone.
func (t table) need(d *document, i int, w float64, hs []float64) float64 {
	if len(t.rows) == 0 {
		return 0
	}
	h, last := hs[i], i
	if t.keepGroups && t.rows[i][0] != "" {
		together := 0.0
		end := t.groupEnd(i)
		for j := i; j < end; j++ {
			together += hs[j]
		}
		if together <= d.page()-t.rowHeight(d, t.header(), w, headerRow) {
			h, last = together, end-1
		}
	}
	if last == len(t.rows)-1 && t.total != nil {
		h += t.rowHeight(d, t.total, w, "B")
	}
	return h
}

func (t table) draw(d *document, x, w float64) {
	hs := t.heights(d, w)
	d.ensure(t.rowHeight(d, t.header(), w, headerRow) + t.need(d, 0, w, hs))
	t.drawHeader(d, x, w)
	group := make([]string, len(t.cols)) // the last name in each grouping column
	for i, row := range t.rows {
		if d.room() < t.need(d, i, w, hs) {
			d.f.AddPage()
			t.drawHeader(d, x, w)
			row = t.regroup(row, group)
		}
		for j, cell := range row {
			if t.cols[j].group && cell != "" {
				group[j] = cell
			}
		}
		y := d.f.GetY()
		t.drawRow(d, row, x, w, "", hs[i])
		t.paintRow(d, i, x, y, w)
		d.draw(rule, 0.15)
		from := x
		if t.keepGroups && i+1 < len(t.rows) && t.rows[i+1][0] == "" {
			from += t.groupWidth(w) // within a group, the rule leaves its name alone
		}
		d.f.Line(from, d.f.GetY(), x+w, d.f.GetY())
	}
	if t.total != nil {
		d.draw(ink, 0.3)
		d.f.Line(x, d.f.GetY(), x+w, d.f.GetY())
		t.drawRow(d, t.total, x, w, "B", t.rowHeight(d, t.total, w, "B"))
	}
}

// groupWidth is the width of the grouping columns at the table's left.
func (t table) groupWidth(w float64) float64 {
	out := 0.0
	for i, c := range t.cols {
		if !c.group {
			break
		}
		out += t.widths(w)[i]
	}
	return out
}

// paintRow lets the painting columns draw into row i's cells, which start at y and end at the cursor.
func (t table) paintRow(d *document, i int, x, y, w float64) {
	h := d.f.GetY() - y
	for j, width := range t.widths(w) {
		if t.cols[j].paint != nil {
			t.cols[j].paint(d, i, x, y, width, h)
			d.colour(ink)
		}
		x += width
	}
	d.f.SetY(y + h)
}

func (t table) drawHeader(d *document, x, w float64) {
	h := t.rowHeight(d, t.header(), w, headerRow)
	d.fill(shade)
	d.f.Rect(x, d.f.GetY(), w, h, "F")
	d.colour(accent)
	t.drawRow(d, t.header(), x, w, headerRow, h)
	d.colour(ink)
	d.draw(accent, 0.3)
	d.f.Line(x, d.f.GetY(), x+w, d.f.GetY())
}

// regroup fills a row's blank grouping cells with the names above them, for the first row on a new page.
func (t table) regroup(row, group []string) []string {
	out := slices.Clone(row)
	for j, cell := range out {
		if t.cols[j].group && cell == "" {
			out[j] = group[j]
		}
	}
	return out
}

// headerRow is the row style of a table's header: bold, in a size every word of its titles fits.
const headerRow = "H"

// minHeaderSize is the smallest a table's header shrinks to before a long word must break.
const minHeaderSize = 6.5

// cellStyle is a cell's font style: the row's (bold for header and total), or its column's.
func (t table) cellStyle(i int, rowStyle string) string {
	switch {
	case rowStyle == headerRow:
		return "B"
	case rowStyle == "" && t.cols[i].bold:
		return "B"
	}
	return rowStyle
}

// size is the type size of a row: a header shrinks until each word of every title fits its column, so
// titles wrap between words and never break inside one ("Évolution", not "Évoluti-on").
func (t table) size(d *document, w float64, rowStyle string) float64 {
	size := smallSize
	if t.dense {
		size = denseSize
	}
	if rowStyle != headerRow {
		return size
	}
	for i, width := range t.widths(w) {
		for _, word := range splitWords(t.cols[i].title) {
			d.font("B", size)
			if ww := d.f.GetStringWidth(word); ww > width-2*t.padX() {
				size = max(minHeaderSize, size*(width-2*t.padX())/ww)
			}
		}
	}
	return size
}

// cell is a table cell's text wrapped to its column: its first bold lines in bold.
type cell struct {
	lines []string
	bold  int
}

func (t table) cellLines(d *document, row []string, w float64, rowStyle string) []cell {
	out := make([]cell, len(row))
	size := t.size(d, w, rowStyle)
	for i, width := range t.widths(w) {
		style, text, rest := t.cellStyle(i, rowStyle), row[i], ""
		if t.cols[i].lead && rowStyle == "" {
			style = "B"
			text, rest, _ = strings.Cut(text, "\n")
		}
		d.font(style, size)
		out[i].lines = d.wrap(text, width-2*t.padX())
		if style == "B" {
			out[i].bold = len(out[i].lines)
		}
		d.font("", size)
		out[i].lines = append(out[i].lines, d.wrap(rest, width-2*t.padX())...)
	}
	return out
}

// lineHeight is the height of a row's lines, which shrink with a header's type.
func (t table) lineHeight(d *document, w float64, rowStyle string) float64 {
	if t.dense {
		return denseLine * t.size(d, w, rowStyle) / denseSize
	}
	return smallLine * t.size(d, w, rowStyle) / smallSize
}

// rowHeight is the height of a row with every cell's lines in it.
func (t table) rowHeight(d *document, row []string, w float64, rowStyle string) float64 {
	return t.linesHeight(d, w, rowStyle, t.lineCount(d, row, w, rowStyle, false))
}

func (t table) linesHeight(d *document, w float64, rowStyle string, n int) float64 {
	return float64(n)*t.lineHeight(d, w, rowStyle) + 2*t.padY()
}

// lineCount is the most lines a cell of the row has, leaving out the grouping cells when asked.
func (t table) lineCount(d *document, row []string, w float64, rowStyle string, noGroups bool) int {
	n := 1
	for i, c := range t.cellLines(d, row, w, rowStyle) {
		if !noGroups || !t.cols[i].group {
			n = max(n, len(c.lines))
		}
	}
	return n
}

// heights are the body rows' heights. When groups are kept together, a grouping cell's lines run down
// beside its group's rows, and only a group whose rows are fewer lines than its name gets a taller last row.
func (t table) heights(d *document, w float64) []float64 {
	out := make([]float64, len(t.rows))
	if !t.keepGroups {
		for i, row := range t.rows {
			out[i] = t.rowHeight(d, row, w, "")
		}
		return out
	}
	lh := t.lineHeight(d, w, "")
	for i := 0; i < len(t.rows); {
		end := t.groupEnd(i)
		own := 0.0
		for j := i; j < end; j++ {
			out[j] = t.linesHeight(d, w, "", t.lineCount(d, t.rows[j], w, "", true))
			own += out[j]
		}
		if name := t.linesHeight(d, w, "", t.lineCount(d, t.rows[i], w, "", false)); name > own+0.01 {
			out[end-1] += math.Ceil((name-own)/lh-0.01) * lh
		}
		i = end
	}
	return out
}

func (t table) drawRow(d *document, row []string, x, w float64, rowStyle string, h float64) {
	y := d.f.GetY()
	cells := t.cellLines(d, row, w, rowStyle)
	size, lh := t.size(d, w, rowStyle), t.lineHeight(d, w, rowStyle)
	for i, width := range t.widths(w) {
		align := "L"
		if t.cols[i].right {
			align = "R"
		}
		for j, line := range cells[i].lines {
			style := ""
			if j < cells[i].bold {
				style = "B"
			}
			d.font(style, size)
			d.f.SetXY(x+t.padX(), y+t.padY()+float64(j)*lh)
			d.f.CellFormat(width-2*t.padX(), lh, line, "", 0, align, false, 0, "")
		}
		x += width
	}
	d.f.SetY(y + h)
}

// subsection is a numbered part of a section with its own heading.
type subsection struct {
	title string
	body  block
}

func (s subsection) lead(d *document, w float64) float64 {
	return d.subheadingHeight(s.title) + s.body.lead(d, w)
}

func (s subsection) draw(d *document, x, w float64) {
	d.subheading(s.title, s.body.lead(d, w))
	s.body.draw(d, x, w)
}

// clean makes user text printable with the embedded fonts: fpdf measures only characters of the Basic
// Multilingual Plane (an emoji would make it fail or panic), so those beyond print as U+FFFD, and
// control characters other than line breaks are dropped.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		case r > 0xFFFF:
			return '\uFFFD'
		}
		return r
	}, s)
}

// fit shortens a one-line text with an ellipsis until it is at most w wide in the current font.
func fit(f *fpdf.Fpdf, s string, w float64) string {
	if f.GetStringWidth(s) <= w {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 && f.GetStringWidth(string(runes)+"…") > w {
		runes = runes[:len(runes)-1]
	}
	return strings.TrimSpace(string(runes)) + "…"
}

// sections prints numbered sections in order, leaving out those with no blocks, so the numbering stays
// continuous and no heading stands over an empty section.
func (d *document) sections(ss []section) {
	x, w := margin+indent, d.width()-indent
	for _, s := range ss {
		if len(s.blocks) == 0 {
			continue
		}
		d.heading(s.title, true, s.blocks[0].lead(d, w))
		for i, b := range s.blocks {
			if i > 0 {
				d.gap(paraGap)
			}
			b.draw(d, x, w)
		}
	}
}

// reportTitle opens a report: its kind in small capitals of the accent colour, what it is about in large
// type, and a line of details (dates, period) below.
func (d *document) reportTitle(kind, subject, details string) {
	w := d.width()
	d.font("B", 9.5)
	d.colour(accent)
	d.flow(d.wrap(strings.ToUpper(kind), w), margin, w, 5, "L")
	d.gap(1)
	d.font("B", 17)
	d.colour(ink)
	d.flow(d.wrap(subject, w), margin, w, 7.5, "L")
	if details != "" {
		d.gap(1)
		d.font("", bodySize)
		d.colour(muted)
		d.flow(d.wrap(details, w), margin, w, lineHeight, "L")
	}
	d.colour(ink)
	d.gap(2)
}

// height is the whole table's height, header and total included.
func (t table) height(d *document, w float64) float64 {
	h := t.rowHeight(d, t.header(), w, headerRow)
	for _, rh := range t.heights(d, w) {
		h += rh
	}
	if t.total != nil {
		h += t.rowHeight(d, t.total, w, "B")
	}
	return h
}

// whole is a table that moves to the next page rather than split, when it fits on one: a short table
// reads best in one piece.
type whole struct{ table }

func (t whole) lead(d *document, w float64) float64 {
	_, h := d.f.GetPageSize()
	return min(t.height(d, w), h-margin-footerHeight-d.top)
}

func (t whole) draw(d *document, x, w float64) {
	d.ensure(t.lead(d, w))
	t.table.draw(d, x, w)
}

// together keeps short blocks on one page, such as a row of tiles and the chart they sum up. Each block's
// lead must be its whole height, as it is for tiles and charts.
type together []block

func (t together) lead(d *document, w float64) float64 {
	h := 0.0
	for i, b := range t {
		if i > 0 {
			h += paraGap
		}
		h += b.lead(d, w)
	}
	return h
}

func (t together) draw(d *document, x, w float64) {
	d.ensure(t.lead(d, w))
	for i, b := range t {
		if i > 0 {
			d.gap(paraGap)
		}
		b.draw(d, x, w)
	}
}

// columnList sets short items, such as names, in columns across the width, filled down each column in
// turn: a long list of names reads as a list, in a third of the lines. An item too long for its column
// wraps within it, and a page break falls between items. On the last page the columns come out even. A list
// that would fill more than a page is set in a dense table's type, as a phone book is: a thousand partners'
// names in a few pages rather than six.
type columnList struct {
	items []string
}

const (
	listColumns = 3
	listGap     = 6.0 // between columns
)

// lines wraps each item to its column in the list's type, and gives the type's leading.
func (c columnList) lines(d *document, w float64) (items [][]string, lead float64) {
	cw := (w - listGap*(listColumns-1)) / listColumns
	wrapAll := func(size float64) ([][]string, int) {
		d.font("", size)
		out, n := make([][]string, len(c.items)), 0
		for i, item := range c.items {
			out[i] = d.wrap(item, cw)
			n += len(out[i])
		}
		return out, n
	}
	items, n := wrapAll(smallSize)
	if float64((n+listColumns-1)/listColumns)*smallLine <= d.page() {
		return items, smallLine
	}
	items, _ = wrapAll(denseSize)
	return items, denseLine
}

func (c columnList) lead(d *document, w float64) float64 {
	items, lead := c.lines(d, w)
	n := 0
	for _, l := range items {
		n += len(l)
	}
	return float64(min(keepLines, (n+listColumns-1)/listColumns)) * lead
}

func (c columnList) draw(d *document, x, w float64) {
	rest, lead := c.lines(d, w)
	cw := (w - listGap*(listColumns-1)) / listColumns
	d.colour(ink)
	for len(rest) > 0 {
		d.ensure(float64(len(rest[0])) * lead)
		cols, n := fillColumns(rest, int(d.room()/lead))
		top, deepest := d.f.GetY(), 0
		for i, col := range cols {
			row := 0
			for _, item := range col {
				for _, line := range item {
					d.f.SetXY(x+float64(i)*(cw+listGap), top+float64(row)*lead)
					d.f.CellFormat(cw, lead, line, "", 0, "L", false, 0, "")
					row++
				}
			}
			deepest = max(deepest, row)
		}
		d.f.SetY(top + float64(deepest)*lead)
		if rest = rest[n:]; len(rest) > 0 {
			d.f.AddPage()
		}
	}
}

// fillColumns puts the first items, each its lines, into listColumns columns of at most rows lines: all of
// them, in columns as even as they go, when they fit; otherwise as many as fill the columns. n is how many
// items it placed.
func fillColumns(items [][]string, rows int) (cols [][][]string, n int) {
	total := 0
	for _, item := range items {
		total += len(item)
	}
	for depth := min(rows, (total+listColumns-1)/listColumns); ; depth++ {
		cols, n = make([][][]string, listColumns), 0
		for i := range cols {
			used := 0
			for n < len(items) && (used+len(items[n]) <= depth || used == 0) {
				used += len(items[n])
				cols[i] = append(cols[i], items[n])
				n++
			}
		}
		if n == len(items) || depth >= rows {
			return cols, n
		}
	}
}
