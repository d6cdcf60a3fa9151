// Package pdf writes Accord's printed documents — MOUs, profiles, reports — with the go-pdf/fpdf library
// (the maintained fork of jung-kurt/gofpdf; both are archived, so every PDF call stays in this package).
// It knows documents, not widgets.
package pdf

import (
	"bytes"
	"fmt"
	"io"

	"github.com/go-pdf/fpdf"

	"accord/assets"
	"accord/data"
	"accord/i18n"
)

// T translates a label printed on a document.
var T = i18n.T

// Font family and the page layout every document shares, in millimetres.
const (
	family       = "Go"
	margin       = 20.0
	footerHeight = 12.0
	bodySize     = 10.5
)

// document is the frame every Accord document shares: the organisation's letterhead on each page, a
// footer with the document's title, date and "Page X of Y", embedded Unicode fonts and PDF metadata.
type document struct {
	f     *fpdf.Fpdf
	org   *data.Organisation
	title string
	date  data.Date
}

// newDocument starts a document for the organisation. date is the document's date, printed in the footer
// and used as the PDF's creation date, so the same record always prints to the same bytes.
func newDocument(org *data.Organisation, title, subject string, date data.Date) (*document, error) {
	size := "A4"
	if org.PaperSize == data.PaperLetter {
		size = "Letter"
	}
	f := fpdf.New("P", "mm", size, "")
	d := &document{f: f, org: org, title: title, date: date}
	for style, file := range map[string]string{"": "Go-Regular.ttf", "B": "Go-Bold.ttf", "I": "Go-Italic.ttf"} {
		b, err := assets.Font(file)
		if err != nil {
			return nil, fmt.Errorf("load font %s: %w", file, err)
		}
		f.AddUTF8FontFromBytes(family, style, b)
	}
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, margin+footerHeight)
	f.SetTitle(title, true)
	f.SetSubject(subject, true)
	f.SetAuthor(org.Name, true)
	f.SetCreator("Accord", true)
	f.SetProducer("Accord", true)
	f.SetCatalogSort(true)
	f.SetCreationDate(date.Time())
	f.SetModificationDate(date.Time())
	f.AliasNbPages("{nb}")
	f.SetHeaderFunc(d.letterhead)
	f.SetFooterFunc(d.footer)
	f.AddPage()
	return d, nil
}

// letterhead prints the organisation's logo and name at the top of every page.
func (d *document) letterhead() {
	f := d.f
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
	f.SetXY(x, y+1)
	f.SetFont(family, "B", 13)
	f.SetTextColor(20, 60, 70)
	f.CellFormat(0, 6, d.org.Name, "", 2, "L", false, 0, "")
	f.SetFont(family, "", 8.5)
	f.SetTextColor(90, 90, 90)
	f.SetX(x)
	f.CellFormat(0, 4.5, joinNonEmpty("  ·  ", d.org.Address, d.org.Email, d.org.Phone, d.org.Website), "", 1, "L", false, 0, "")
	w, _ := f.GetPageSize()
	f.SetDrawColor(31, 111, 120)
	f.SetLineWidth(0.4)
	f.Line(margin, y+16, w-margin, y+16)
	f.SetTextColor(0, 0, 0)
	f.SetY(y + 22)
	f.SetFont(family, "", bodySize)
}

// footer prints the title, the date and "Page X of Y".
func (d *document) footer() {
	f := d.f
	_, h := f.GetPageSize()
	f.SetY(h - margin)
	f.SetFont(family, "", 8)
	f.SetTextColor(90, 90, 90)
	f.CellFormat(0, 5, joinNonEmpty(" · ", d.title, d.date.String()), "T", 0, "L", false, 0, "")
	f.SetX(margin)
	f.CellFormat(0, 5, T("Page %d of %s", f.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}

// write finishes the document.
func (d *document) write(w io.Writer) error {
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("write PDF %q: %w", d.title, err)
	}
	return nil
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

