package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/go-pdf/fpdf"
	"github.com/go-pdf/fpdf/contrib/gofpdi"
)

// mediaBox is the page box annexes print: the whole sheet the file's author laid out.
const mediaBox = "/MediaBox" // i18n:same

// pointsToMM converts the PDF's own unit, the point, to the millimetres Accord's documents are laid out in.
const pointsToMM = 25.4 / 72

// annexPDF is an annex's PDF file, read and checked, ready to be drawn page by page into a document.
type annexPDF struct {
	content []byte
	sizes   []pageSize // of each page, in millimetres
}

type pageSize struct{ w, h float64 }

// ErrAnnexUnreadable says a PDF file cannot be printed as an annex: damaged, protected by a password, or
// not a PDF at all.
var ErrAnnexUnreadable = errors.New("the PDF file cannot be read")

// CheckAnnex says whether a PDF file can be printed as an annex, and how many pages it has. Accord asks
// it of a file when it is attached, so that a file the MOU could not print is refused there and then.
func CheckAnnex(content []byte) (pages int, err error) {
	a, err := readAnnex(content)
	if err != nil {
		return 0, err
	}
	return len(a.sizes), nil
}

// readAnnex imports every page of the file into a scratch document: the importer panics on files it
// cannot read, and doing it here first keeps a half-imported file out of the MOU.
func readAnnex(content []byte) (a *annexPDF, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("%w: %v", ErrAnnexUnreadable, r)
		}
	}()
	scratch := fpdf.New("P", "mm", "A4", "")
	scratch.AddPage()
	a = &annexPDF{content: content}
	imp, rs := gofpdi.NewImporter(), io.ReadSeeker(bytes.NewReader(content))
	imp.ImportPageFromStream(scratch, &rs, 1, mediaBox)
	sizes := imp.GetPageSizes()
	for n := 1; n <= len(sizes); n++ {
		box := sizes[n][mediaBox]
		if box["w"] <= 0 || box["h"] <= 0 {
			return nil, fmt.Errorf("%w: page %d has no size", ErrAnnexUnreadable, n)
		}
		if n > 1 {
			imp.ImportPageFromStream(scratch, &rs, n, mediaBox)
		}
		a.sizes = append(a.sizes, pageSize{box["w"] * pointsToMM, box["h"] * pointsToMM})
	}
	if len(a.sizes) == 0 {
		return nil, fmt.Errorf("%w: it has no pages", ErrAnnexUnreadable)
	}
	var sink bytes.Buffer
	if err := scratch.Output(&sink); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrAnnexUnreadable, err)
	}
	return a, nil
}

// drawPages prints each page of the file on a page of its own, scaled to fit the text column below a
// caption naming the annex and the page, with a thin frame: the letterhead and the footer (with the
// wording's fingerprint) stay on every page, so each sheet of the annex shows what it belongs to.
func (a *annexPDF) drawPages(d *document, caption func(page, of int) string) {
	imp, rs := gofpdi.NewImporter(), io.ReadSeeker(bytes.NewReader(a.content))
	for i, size := range a.sizes {
		if i > 0 {
			d.f.AddPage()
		}
		d.captionLine(caption(i+1, len(a.sizes)))
		tpl := imp.ImportPageFromStream(d.f, &rs, i+1, mediaBox)
		top := d.f.GetY() + 2
		scale := min(d.width()/size.w, (d.room()-2)/size.h, 1)
		w, h := size.w*scale, size.h*scale
		x := margin + (d.width()-w)/2
		imp.UseImportedTemplate(d.f, tpl, x, top, w, h)
		d.draw(rule, 0.2)
		d.f.Rect(x, top, w, h, "D")
	}
}
