package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dropDown is a drop-down as wide as its longest choice, so the choice showing is never cut: Fyne's own
// is only as wide as its placeholder ("Any focus …", "Tous les ty…"), and its placeholder is English
// in every language. A choice a user typed — a focus area, a partner's name — may be long; past
// widestChoice the drop-down stops growing and cuts it, and the list it opens shows it.
type dropDown struct {
	widget.Select
	// asFirst keeps the drop-down as wide as its first choice: a filter above a narrow list, whose longer
	// choices are cut there and shown whole in the list it opens.
	asFirst bool
}

// widestChoice is how wide a drop-down grows, at normal text size: two side by side (a partner's kind and
// stage) still fit the editor at the largest text when a group's own kind is a long name.
const widestChoice = 240

func newDropDown(options []string, changed func(string)) *dropDown {
	d := &dropDown{}
	d.Options, d.OnChanged = options, changed
	d.PlaceHolder = T("(Choose one)")
	d.ExtendBaseWidget(d)
	return d
}

func (d *dropDown) MinSize() fyne.Size {
	size := d.Select.MinSize()
	th := d.Theme()
	var widest float32
	options := d.Options
	if d.asFirst {
		options = options[:min(1, len(options))]
	}
	for _, o := range options {
		widest = max(widest, textWidth(o))
	}
	if d.SelectedIndex() < 0 {
		widest = max(widest, textWidth(d.PlaceHolder))
	}
	widest = min(widest, scaled(widestChoice, 0).Width)
	// what Fyne adds around the text: the padding on each side and the arrow
	inner := th.Size(theme.SizeNameInnerPadding)
	size.Width = max(size.Width, widest+4*inner+th.Size(theme.SizeNameInlineIcon))
	return size
}
