package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// detailDoc builds a read-only record view as rich-text segments. User text is never parsed as markup,
// so a name with * or _ in it shows as typed.
type detailDoc struct {
	segs []widget.RichTextSegment
}

func (d *detailDoc) section(text string) {
	d.segs = append(d.segs, &widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: text})
}

// field shows "Label: value", and nothing when the value is empty.
func (d *detailDoc) field(label, value string) {
	if value == "" {
		return
	}
	d.segs = append(d.segs,
		&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: label + ": "},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: value})
}

func (d *detailDoc) para(text string) {
	if text != "" {
		d.segs = append(d.segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text})
	}
}

func (d *detailDoc) bullets(items []string) {
	if len(items) == 0 {
		return
	}
	list := &widget.ListSegment{}
	for _, it := range items {
		list.Items = append(list.Items, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: it})
	}
	d.segs = append(d.segs, list)
}

func (d *detailDoc) build() fyne.CanvasObject {
	rt := widget.NewRichText(d.segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
