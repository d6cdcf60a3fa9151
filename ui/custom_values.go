package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// customSection is an input for each of the group's own fields for k, in their order, writing into r's
// custom values (a record's, or a contact's) as the built-in inputs write into theirs. Nil when the kind has
// no fields of the group's own. A refilled editor (see form.refill) makes the inputs again from the record
// it now holds; an editor whose fields changed since it was built is built again (see fieldsOf).
func customSection(s *store.Store, w fyne.Window, b *binder, k data.Kind, r data.Valued) fyne.CanvasObject {
	if len(data.Fields(s, k)) == 0 {
		return nil
	}
	box := container.NewVBox()
	build := func() {
		lang := i18n.Current().Code()
		box.Objects = nil
		b.listing++ // the inputs are made again on each fill, not each loaded
		defer func() { b.listing-- }()
		for _, d := range data.Fields(s, k) {
			label := d.Label(lang)
			if d.Required {
				label = T("%s (required)", label)
			}
			input := customInput(s, w, b, r, d)
			if value := r.CustomValues()[d.ID]; value != "" && !d.Holds(value) {
				kept := wrapped(T("Kept from before the type changed: %s", value))
				kept.SizeName = theme.SizeNameCaptionText
				input = container.NewVBox(input, kept)
			}
			box.Add(row(label, input))
		}
		box.Refresh()
	}
	build()
	b.shows(build)
	return box
}

// withOwnFields puts a section "Your own fields", open, after the first of an editor's sections, when the
// group has fields for k.
func withOwnFields(s *store.Store, w fyne.Window, b *binder, k data.Kind, r data.Valued, items ...*widget.AccordionItem) []*widget.AccordionItem {
	own := customSection(s, w, b, k, r)
	if own == nil {
		return items
	}
	return slices.Insert(items, 1, &widget.AccordionItem{Title: T("Your own fields"), Detail: own, Open: true})
}

// fieldsOf is what the editor of kinds shows of the group's own fields: when it changes (a field added,
// renamed, retyped in Settings), an editor is built again rather than refilled.
func fieldsOf(s *store.Store, kinds ...data.Kind) string {
	var sig strings.Builder
	for _, k := range kinds {
		for _, d := range data.Fields(s, k) {
			fmt.Fprintf(&sig, "%s@%d ", d.ID, d.Rev)
		}
	}
	return sig.String()
}

// customInput is the input of one field, of the kind its type asks for.
func customInput(s *store.Store, w fyne.Window, b *binder, r data.Valued, d *data.FieldDefinition) fyne.CanvasObject {
	value := r.CustomValues()[d.ID]
	set := func(v string) { r.SetCustomValue(d.ID, v); b.edited() }
	switch d.Type {
	case data.FieldLongText:
		e := b.longText(&value, "")
		e.OnChanged = func(v string) { e.fit(); set(v) }
		return e
	case data.FieldNumber, data.FieldAmount:
		unreadable := d.Unreadable()
		return b.parsed(func() string { return shownNumber(d, r.CustomValues()[d.ID]) }, func(typed string) error {
			v, p := d.Value(i18n.PlainNumber(typed))
			if p != nil {
				return errors.New(p.Text())
			}
			r.SetCustomValue(d.ID, v)
			return nil
		}, T(unreadable.Message, unreadable.Args...))
	case data.FieldDate:
		day, _ := data.ParseDate(value)
		e := b.date(&day)
		e.OnChanged = func(t *time.Time) {
			if t == nil {
				set("")
				return
			}
			set(data.DateOf(*t).String())
		}
		return e
	case data.FieldYesNo:
		return valueChoice(b, []string{"", data.Yes, data.No}, []string{T("not answered"), T(data.Yes), T(data.No)}, value, set)
	case data.FieldChoice:
		return valueChoice(b, append([]string{""}, d.Choices...), append([]string{T("not chosen")}, d.Choices...), value, set)
	case data.FieldChoices:
		return severalChoices(d, value, set)
	case data.FieldPartner:
		return partnerLink(s, w, value, set)
	}
	e := b.text(&value, "")
	e.OnChanged = set
	return e
}

// shownNumber is a stored number or amount as the user's language writes it, for the field to start with.
func shownNumber(d *data.FieldDefinition, value string) string {
	v, err := strconv.ParseFloat(value, 64)
	switch {
	case value == "" || err != nil:
		return value
	case d.Type == data.FieldAmount:
		return i18n.Number(v, 2, false)
	}
	return i18n.Number(v, -1, false)
}

// valueChoice is a drop-down of stored values shown by their labels.
func valueChoice(b *binder, values, labels []string, value string, set func(string)) *dropDown {
	sel := newDropDown(labels, nil)
	for i, v := range values {
		if v == value {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 {
			set(values[i])
		}
	}
	b.remember(sel)
	return sel
}

// severalChoices is a tick box for each of the field's choices.
func severalChoices(d *data.FieldDefinition, value string, set func(string)) fyne.CanvasObject {
	picked := map[string]bool{}
	for _, c := range strings.Split(value, "\n") {
		picked[c] = true
	}
	box := container.NewVBox()
	for _, c := range d.Choices {
		box.Add(tickBox(c, picked[c], func(on bool) {
			picked[c] = on
			var chosen []string
			for _, c := range d.Choices {
				if picked[c] {
					chosen = append(chosen, c)
				}
			}
			set(strings.Join(chosen, "\n"))
		}))
	}
	return box
}

// partnerLink names the partner linked to, with buttons to choose another and to clear it.
func partnerLink(s *store.Store, w fyne.Window, value string, set func(string)) fyne.CanvasObject {
	name := wrapped("")
	var clear *widget.Button
	show := func(id string) {
		name.SetText(T("No partner chosen"))
		clear.Hide()
		if id != "" {
			name.SetText(T("a partner no longer in Accord"))
			if p := data.Lookup[data.Partner](s, id); p != nil {
				name.SetText(p.Name)
			}
			clear.Show()
		}
	}
	clear = widget.NewButtonWithIcon(T("Clear"), theme.ContentClearIcon(), func() { set(""); show("") })
	choose := widget.NewButtonWithIcon(T("Choose…"), theme.SearchIcon(), func() {
		pickPartner(s, w, func(p *data.Partner) { set(p.ID); show(p.ID) })
	})
	show(value)
	return container.NewBorder(nil, nil, nil, container.NewHBox(choose, clear), name)
}
