package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
)

// binder makes inputs that write straight into the record being edited and report each change, so a
// form never has a separate "collect the fields" step that could miss one.
type binder struct {
	changed func()
	// unreadable holds inputs whose text is not a number or date yet; saving waits until it is empty.
	unreadable map[fyne.CanvasObject]bool
}

func newBinder(changed func()) *binder {
	return &binder{changed: changed, unreadable: map[fyne.CanvasObject]bool{}}
}

func (b *binder) text(p *string, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(*p)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(s string) { *p = s; b.changed() }
	return e
}

func (b *binder) longText(p *string, placeholder string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(4)
	e.SetText(*p)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(s string) { *p = s; b.changed() }
	return e
}

// parsed is an entry for a value typed as text (a number, an amount): it updates the record only when
// the text reads, and says plainly when it does not.
func (b *binder) parsed(initial string, parse func(string) error, problem string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(initial)
	e.Validator = func(s string) error {
		if parse(strings.TrimSpace(s)) != nil {
			return errors.New(problem)
		}
		return nil
	}
	e.OnChanged = func(s string) {
		b.unreadable[e] = parse(strings.TrimSpace(s)) != nil
		if !b.unreadable[e] {
			delete(b.unreadable, e)
		}
		b.changed()
	}
	return e
}

func (b *binder) number(p *float64) *widget.Entry {
	initial := ""
	if *p != 0 {
		initial = i18n.Number(*p, -1, false)
	}
	return b.parsed(initial, func(s string) error {
		if s == "" {
			*p = 0
			return nil
		}
		v, err := strconv.ParseFloat(i18n.PlainNumber(s), 64)
		if err == nil {
			*p = v
		}
		return err
	}, T("Type a number, like 25 or 2.5."))
}

func (b *binder) whole(p *int) *widget.Entry {
	initial := ""
	if *p != 0 {
		initial = strconv.Itoa(*p)
	}
	return b.parsed(initial, func(s string) error {
		if s == "" {
			*p = 0
			return nil
		}
		v, err := strconv.Atoi(s)
		if err == nil {
			*p = v
		}
		return err
	}, T("Type a whole number, like 6."))
}

func (b *binder) money(p *data.Money) *widget.Entry {
	initial := ""
	if *p != 0 {
		initial = i18n.Number(float64(*p)/100, 2, false)
	}
	return b.parsed(initial, func(s string) error {
		v, err := data.ParseMoney(i18n.PlainNumber(s))
		if err == nil {
			*p = v
		}
		return err
	}, T("Type an amount, like 250 or 1250.50."))
}

func (b *binder) date(p *data.Date) *widget.DateEntry {
	e := widget.NewDateEntry()
	if !p.IsZero() {
		t := p.Time()
		e.SetDate(&t)
	}
	e.OnChanged = func(t *time.Time) {
		*p = data.Date{}
		if t != nil {
			*p = data.DateOf(*t)
		}
		b.changed()
	}
	return e
}

func (b *binder) check(label string, p *bool) *widget.Check {
	c := widget.NewCheck(label, nil)
	c.SetChecked(*p)
	c.OnChanged = func(v bool) { *p = v; b.changed() }
	return c
}

// choice is a drop-down of stored English values shown translated.
func choice[S ~string](b *binder, values []S, p *S) *widget.Select {
	labels := translated(values)
	sel := widget.NewSelect(labels, nil)
	for i, v := range values {
		if v == *p {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 {
			*p = values[i]
			b.changed()
		}
	}
	return sel
}

// heading is the bold title of a part of a screen.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// row lays out a label above its input, the way volunteers read a paper form.
func row(label string, input fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord // a long label wraps rather than widening the whole form
	return container.NewVBox(l, input)
}

// listEditor shows one block per item, each with a Remove button, and an Add button below. Adding or
// removing rebuilds the blocks, so every input is bound to the item now at its place in the slice.
func listEditor[Item any](items *[]Item, addLabel string, newItem func() Item, block func(item *Item) fyne.CanvasObject, changed func()) fyne.CanvasObject {
	box := container.NewVBox()
	var rebuild func()
	rebuild = func() {
		box.Objects = nil
		for i := range *items {
			remove := widget.NewButtonWithIcon(T("Remove"), theme.DeleteIcon(), func() {
				*items = append((*items)[:i], (*items)[i+1:]...)
				rebuild()
				changed()
			})
			remove.Importance = widget.LowImportance
			box.Add(widget.NewCard("", "", container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), remove), nil, nil, block(&(*items)[i]))))
		}
		box.Add(container.NewHBox(widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
			*items = append(*items, newItem())
			rebuild()
			changed()
		})))
		box.Refresh()
	}
	rebuild()
	return box
}

// list is an entry for a comma-separated list, such as focus areas or languages.
func (b *binder) list(p *[]string, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(strings.Join(*p, ", "))
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(s string) { *p = splitList(s); b.changed() }
	return e
}

// scale is a 1–5 choice with "not judged yet" for 0.
func (b *binder) scale(p *int) *widget.Select {
	labels := []string{T("not judged yet"), T("1 – very low"), "2", "3", "4", T("5 – very high")}
	sel := widget.NewSelect(labels, nil)
	sel.SetSelectedIndex(*p)
	sel.OnChanged = func(string) { *p = sel.SelectedIndex(); b.changed() }
	return sel
}
