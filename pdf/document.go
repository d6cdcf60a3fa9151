// Package pdf writes Accord's printed documents — MOUs, profiles, reports — with the go-pdf/fpdf library
// (the maintained fork of jung-kurt/gofpdf; both are archived, so every PDF call stays in this package).
// It knows documents, not widgets.
package pdf

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/go-pdf/fpdf"

	"accord/data"
	"accord/i18n"
)

// T translates a label printed on a document; N a sentence that counts, in the form the language gives
// the number.
var (
	T = i18n.T
	N = i18n.N
)

// Font family and the page layout every document shares, in millimetres.
const (
	family       = "Go"
	margin       = 20.0
	footerHeight = 12.0
	bodySize     = 10.5
)

// docInfo is what a document says about itself, in its footer and its PDF metadata.
type docInfo struct {
	title, subject string
	// date is the document's date, printed in the footer and used as the PDF's creation date, so the same
	// record always prints to the same bytes.
	date data.Date
	// details follow the date on the footer's second line, such as a revision and a fingerprint.
	details []string
	// langs are the languages the document speaks, the first of them for dates; none: the screen's.
	langs []i18n.Lang
	// watermark is printed large and light across every page, behind the text ("DRAFT"); notice, in the
	// footer, says the same in words ("Draft — not for signature").
	watermark, notice []string
	// compact sets the sections closer together, for a document meant to fit on a page or two.
	compact bool
	// landscape turns the pages; paper, when set, is the paper size instead of the organisation's ("A3"
	// for a network map to pin on a wall).
	landscape bool
	paper     string
}

// lang is the document's first language: that of its dates and numbers.
func (i docInfo) lang() i18n.Lang {
	if len(i.langs) == 0 {
		return i18n.Current()
	}
	return i.langs[0]
}

// say is a fixed sentence or label in each of the document's languages, one after the other.
func (i docInfo) say(key string, args ...any) string {
	return i.inEach(func(l i18n.Lang) string { return l.T(key, args...) })
}

// sayN is say for a sentence that counts n (see i18n.N): each language has its own rule.
func (i docInfo) sayN(n int, one, other string, args ...any) string {
	return i.inEach(func(l i18n.Lang) string { return l.N(n, one, other, args...) })
}

// inEach is a text in each of the document's languages (the screen's when it has none), one after the
// other, each only once.
func (i docInfo) inEach(text func(l i18n.Lang) string) string {
	langs := i.langs
	if len(langs) == 0 {
		langs = []i18n.Lang{i18n.Current()}
	}
	var out []string
	for _, l := range langs {
		if t := text(l); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, " / ")
}

// document is the frame every Accord document shares: the organisation's letterhead on each page, a
// footer with the document's title, date and "Page X of Y", embedded Unicode fonts and PDF metadata.
type document struct {
	f     *fpdf.Fpdf
	org   *data.Organisation
	info  docInfo
	pages int     // the total printed in "Page X of Y", once the document is laid out (see footers)
	top   float64 // where the body starts, below the letterhead

	section, sub int // numbering of headings, see heading and subheading

	style string               // the font's style and size, as font last set them
	size  float64              //
	wraps map[wrapKey][]string // texts already wrapped (see wrap)
}

// render lays a document out once, then prints each page's footer, with "Page X of Y" in real digits
// (see footers). fpdf's own page-count alias is filled in after the font subset is chosen, so a digit
// that appeared nowhere else in the document printed as an empty box; laying the document out twice to
// count its pages first took a third of the time of an annual report.
func render(org *data.Organisation, info docInfo, build func(d *document)) ([]byte, error) {
	d, err := newDocument(org, info)
	if err != nil {
		return nil, err
	}
	build(d)
	d.footers()
	var buf bytes.Buffer
	if err := d.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("write PDF %q: %w", info.title, err)
	}
	return buf.Bytes(), nil
}

// footers prints every page's footer once the document is laid out and its pages counted: each at the
// end of its page's content, where fpdf would have drawn it at the page's end. fpdf's idea of the
// colours in use is then the last page's, so each footer sets its fill, line and text colours and its
// fonts itself, and no footer may break a page.
func (d *document) footers() {
	d.pages = d.f.PageCount()
	d.f.SetAutoPageBreak(false, 0)
	for p := 1; p <= d.pages; p++ {
		d.f.SetPage(p)
		d.fill(paper)
		d.footer()
	}
}

// newDocument starts a document for the organisation, on its first page.
func newDocument(org *data.Organisation, info docInfo) (*document, error) {
	size, orientation := "A4", "P"
	if org.PaperSize == data.PaperLetter {
		size = "Letter"
	}
	if info.paper != "" {
		size = info.paper
	}
	if info.landscape {
		orientation = "L"
	}
	f := fpdf.New(orientation, "mm", size, "")
	d := &document{f: f, org: org, info: info, wraps: map[wrapKey][]string{}}
	faces, err := fonts()
	if err != nil {
		return nil, err
	}
	for _, face := range faces {
		f.AddUTF8FontFromBytes(family, face.style, face.ttf)
	}
	f.SetMargins(margin, margin, margin)
	f.SetCellMargin(0) // text lines up with rules and table edges; tables pad their own cells
	f.SetAutoPageBreak(true, margin+footerHeight)
	f.SetTitle(clean(info.title), true)
	f.SetSubject(clean(info.subject), true)
	f.SetAuthor(clean(org.Name), true)
	f.SetCreator("Accord", true)
	f.SetProducer("Accord", true)
	f.SetLang(info.lang().Code())
	f.SetCatalogSort(true)
	f.SetCreationDate(info.date.Time())
	f.SetModificationDate(info.date.Time())
	f.SetHeaderFunc(d.keepingFont(d.letterhead))
	f.AddPage()
	return d, nil
}

// keepingFont runs a page's header, after which fpdf sets back the font the page break found,
// and notes it as set back.
func (d *document) keepingFont(draw func()) func() {
	return func() {
		style, size := d.style, d.size
		draw()
		d.style, d.size = style, size
	}
}

// letterhead prints the organisation's logo and name at the top of every page, and the watermark behind
// what the page holds.
func (d *document) letterhead() {
	f := d.f
	d.watermark()
	x, y := margin, margin-8
	if len(d.org.Logo) > 0 {
		opt := fpdf.ImageOptions{ImageType: "PNG", ReadDpi: true}
		if info := f.RegisterImageOptionsReader("logo", opt, bytes.NewReader(d.org.Logo)); info != nil && f.Ok() {
			f.ImageOptions("logo", x, y, 0, 14, false, opt, 0, "")
			x += info.Width()*14/info.Height() + 4
		} else {
			f.ClearError() // a logo that is not a readable PNG is left out, not fatal
		}
	}
	w, _ := f.GetPageSize()
	f.SetXY(x, y+1)
	d.colour(accent)
	f.CellFormat(0, 6, d.shrunk(clean(d.org.Name), "B", 13, w-margin-x), "", 2, "L", false, 0, "")
	d.colour(muted)
	f.SetX(x)
	contact := joinNonEmpty("  ·  ", d.org.Address, d.org.Email, d.org.Phone, d.org.Website)
	f.CellFormat(0, 4.5, d.shrunk(clean(contact), "", 8.5, w-margin-x), "", 1, "L", false, 0, "")
	d.draw(accent, 0.4)
	f.Line(margin, y+16, w-margin, y+16)
	d.colour(ink)
	f.SetY(y + 24)
	d.top = f.GetY()
	d.font("", bodySize)
}

// shrunk sets the font for a line that must stay one line, such as the letterhead's: size, or smaller
// down to three quarters of it so that the whole text fits w; only text too long even then is shortened.
func (d *document) shrunk(text, style string, size, w float64) string {
	d.font(style, size)
	if tw := d.f.GetStringWidth(text); tw > w {
		d.font(style, max(size*0.75, size*w/tw))
	}
	return fit(d.f, text, w)
}

// footer prints a rule, the title and "Page X of Y", and below them the date and the document's details.
func (d *document) footer() {
	f := d.f
	w, h := f.GetPageSize()
	y := h - margin + 1
	d.draw(rule, 0.2)
	f.Line(margin, y, w-margin, y)
	d.font("", 8)
	d.colour(muted)
	page := d.info.say("Page %d of %d", f.PageNo(), d.pages)
	pageWidth := f.GetStringWidth(page)
	f.SetXY(margin, y+1)
	f.CellFormat(0, 4, d.shrunk(clean(d.info.title), "", 8, w-2*margin-pageWidth-6), "", 0, "L", false, 0, "")
	d.font("", 8)
	f.SetX(margin)
	f.CellFormat(0, 4, page, "", 1, "R", false, 0, "")
	details := append([]string{dateIn(d.info.lang(), d.info.date)}, d.info.details...)
	line := joinNonEmpty("  ·  ", details...)
	f.CellFormat(0, 4, line, "", 0, "L", false, 0, "")
	if len(d.info.notice) > 0 {
		notice := strings.Join(d.info.notice, " / ")
		if f.GetStringWidth(line)+6+f.GetStringWidth(notice) > w-2*margin {
			f.SetY(f.GetY() + 4) // a line of its own when it would run into the details
		}
		d.font("B", 8)
		d.colour(accent)
		f.SetX(margin)
		f.CellFormat(0, 4, notice, "", 0, "R", false, 0, "")
	}
	d.colour(ink)
}

// watermark prints the document's watermark diagonally across the page in light grey, before anything
// else on the page, so the text stays readable on top of it. Its words in each language share one line.
func (d *document) watermark() {
	if len(d.info.watermark) == 0 {
		return
	}
	f := d.f
	w, h := f.GetPageSize()
	mark := strings.Join(d.info.watermark, " · ")
	size := 120.0
	d.font("B", size)
	if mw, diagonal := f.GetStringWidth(mark), 0.75*math.Hypot(w, h); mw > diagonal {
		size *= diagonal / mw
		d.font("B", size)
	}
	d.colour(watermarkGrey)
	f.TransformBegin()
	f.TransformRotate(math.Atan2(h, w)*180/math.Pi, w/2, h/2)
	lh := size * 0.3528 // points to millimetres
	f.SetXY(0, h/2-lh/2)
	f.CellFormat(w, lh, mark, "", 0, "C", false, 0, "")
	f.TransformEnd()
	d.colour(ink)
}

// longDate is a day written out, "1 April 2025", in the order and words of the screen's language; empty
// for a zero date.
func longDate(day data.Date) string { return dateIn(i18n.Current(), day) }

// dateIn is a day written out in a language; empty for a zero date.
func dateIn(l i18n.Lang, day data.Date) string {
	if day.IsZero() {
		return ""
	}
	return l.LongDate(day.Year, day.Month, day.Day)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out string
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
