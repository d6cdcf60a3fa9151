package ui

import (
	"errors"
	"math"
	"slices"
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
	// first is the first field made, where the keyboard starts in a new record.
	first fyne.Focusable
	// loads put the record's values back into the inputs, so that an editor can show another record
	// without being built again (see form.refill); filling is true meanwhile, and listing while the blocks
	// of a list are made (the list's own load makes them again).
	loads   []func()
	filling bool
	listing int
}

// shows notes how an input shows the record's value again.
func (b *binder) shows(load func()) {
	if b.listing == 0 {
		b.loads = append(b.loads, load)
	}
}

// edited tells the form of a change the user made; the inputs showing another record's values is none.
func (b *binder) edited() {
	if !b.filling {
		b.changed()
	}
}

// fill shows the record's values, as they are now, in every input.
func (b *binder) fill() {
	b.filling = true
	defer func() { b.filling = false }()
	clear(b.unreadable)
	for _, load := range b.loads {
		load()
	}
}

// remember notes the form's first field.
func (b *binder) remember(f fyne.Focusable) {
	if b.first == nil {
		b.first = f
	}
}

func newBinder(changed func()) *binder {
	return &binder{changed: changed, unreadable: map[fyne.CanvasObject]bool{}}
}

func (b *binder) text(p *string, placeholder string) *field {
	e := newField(placeholder)
	e.SetText(*p)
	e.OnChanged = func(s string) { *p = s; b.edited() }
	b.remember(e)
	b.shows(func() { e.SetText(*p) })
	return e
}

func (b *binder) longText(p *string, placeholder string) *longEntry {
	e := newLongEntry()
	e.SetText(*p)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(s string) { *p = s; e.fit(); b.edited() }
	b.remember(e)
	b.shows(func() { e.SetText(*p) })
	return e
}

// field is a one-line field whose example ("Role, for example Chair") shows inside it while it fits,
// and under it in small print when the field is too narrow for it — with large text, or beside another
// field — rather than being cut at its edge. row places a field with its example; elsewhere, withExample.
type field struct {
	widget.Entry
	example *widget.Label // the example under the field, shown only when it does not fit in it
}

func newField(example string) *field {
	e := &field{example: wrapped(example)}
	e.example.SizeName = theme.SizeNameCaptionText
	e.example.Hide()
	e.PlaceHolder = example
	e.ExtendBaseWidget(e)
	return e
}

// withExample is the field with its example under it.
func (e *field) withExample() fyne.CanvasObject {
	return container.NewVBox(e, e.example)
}

// Resize puts the example inside the field or under it, whichever the new width allows.
func (e *field) Resize(size fyne.Size) {
	e.Entry.Resize(size)
	example := e.example.Text
	inside := textWidth(example)+4*theme.Size(theme.SizeNameInnerPadding) <= size.Width
	if example == "" || inside == e.example.Hidden {
		return
	}
	if inside {
		e.PlaceHolder = example
		e.example.Hide()
	} else {
		e.PlaceHolder = ""
		e.example.Show()
	}
	e.Entry.Refresh() // the row it is in is laid out again on the next frame: the example changed its height
}

// entryOf is the Fyne entry a field is, or nil for anything else.
func entryOf(o any) *widget.Entry {
	switch e := o.(type) {
	case *widget.Entry:
		return e
	case *field:
		return &e.Entry
	case *longEntry:
		return &e.Entry
	case *searchBox:
		return &e.Entry
	case *widget.DateEntry:
		return &e.Entry
	}
	return nil
}

// longEntry is a field for several lines of text that Tab and Shift+Tab leave, as every other field: a
// volunteer moving through a form by keyboard must not be trapped in it. A line break is Return, as
// everywhere; a tab character is never needed in a partnership's texts. It grows with its text, so the
// whole text shows and the page, not a box within it, scrolls.
type longEntry struct {
	widget.Entry
	rows int // the lines it shows now
}

// longEntryRows is how many lines a long field shows at least.
const longEntryRows = 4

func newLongEntry() *longEntry {
	e := &longEntry{}
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(longEntryRows)
	return e
}

func (e *longEntry) SetText(text string) {
	e.Entry.SetText(text)
	e.fit()
}

func (e *longEntry) Resize(size fyne.Size) {
	e.Entry.Resize(size)
	e.fit()
}

// fit makes the field tall enough for its text at its width; the window lays the form out again.
func (e *longEntry) fit() {
	width := e.Size().Width - 4*e.Theme().Size(theme.SizeNameInnerPadding)
	if width <= 0 {
		return
	}
	rows := 0
	size := e.Theme().Size(theme.SizeNameText)
	for _, line := range strings.Split(e.Text, "\n") {
		wide := fyne.MeasureText(line, size, e.TextStyle).Width
		rows += max(1, int(math.Ceil(float64(wide/width))))
		if wide > width {
			rows++ // words wrap sooner than letters would
		}
	}
	if rows = max(rows, longEntryRows); rows != e.rows {
		e.rows = rows
		e.SetMinRowsVisible(rows)
	}
}

// AcceptsTab is false: Tab moves the keyboard to the next field.
func (e *longEntry) AcceptsTab() bool { return false }

// parsed is an entry for a value typed as text (a number, an amount): it updates the record only when
// the text reads, and says plainly when it does not.
func (b *binder) parsed(show func() string, parse func(string) error, problem string) *field {
	e := newField("")
	b.remember(e)
	e.SetText(show())
	b.shows(func() { e.SetText(show()) })
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
		b.edited()
	}
	return e
}

func (b *binder) number(p *float64) *field {
	show := func() string {
		if *p == 0 {
			return ""
		}
		return i18n.Number(*p, -1, false)
	}
	return b.parsed(show, func(s string) error {
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

func (b *binder) whole(p *int) *field {
	show := func() string {
		if *p == 0 {
			return ""
		}
		return strconv.Itoa(*p)
	}
	return b.parsed(show, func(s string) error {
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

func (b *binder) money(p *data.Money) *field {
	show := func() string {
		if *p == 0 {
			return ""
		}
		return i18n.Number(float64(*p)/100, 2, false)
	}
	return b.parsed(show, func(s string) error {
		v, err := data.ParseMoney(i18n.PlainNumber(s))
		if err == nil {
			*p = v
		}
		return err
	}, T("Type an amount, like 250 or 1250.50."))
}

func (b *binder) date(p *data.Date) *widget.DateEntry {
	e := widget.NewDateEntry()
	b.remember(e)
	show := func() {
		if p.IsZero() {
			e.SetDate(nil)
			return
		}
		t := p.Time()
		e.SetDate(&t)
	}
	show()
	e.OnChanged = func(t *time.Time) {
		*p = data.Date{}
		if t != nil {
			*p = data.DateOf(*t)
		}
		b.edited()
	}
	b.shows(show)
	return e
}

func (b *binder) check(label string, p *bool) fyne.CanvasObject {
	box, c := tickBoxOf(label, *p, func(v bool) { *p = v; b.edited() })
	b.shows(func() { c.SetChecked(*p) })
	return box
}

// tickBox is a tick box whose words wrap beside it (Fyne's own are one line, cut at a narrow form's
// edge); a click on the words ticks it too.
func tickBox(label string, checked bool, changed func(bool)) fyne.CanvasObject {
	box, _ := tickBoxOf(label, checked, changed)
	return box
}

// tickBoxOf is tickBox, with its tick.
func tickBoxOf(label string, checked bool, changed func(bool)) (fyne.CanvasObject, *widget.Check) {
	c := widget.NewCheck("", nil)
	c.SetChecked(checked)
	c.OnChanged = changed
	words := &checkWords{check: c}
	words.Text, words.Wrapping = label, fyne.TextWrapWord
	words.ExtendBaseWidget(words)
	return container.NewBorder(nil, nil, c, nil, words), c
}

// checkWords are the words of a tick box, which tick it when clicked.
type checkWords struct {
	widget.Label
	check *widget.Check
}

func (w *checkWords) Tapped(*fyne.PointEvent) { w.check.SetChecked(!w.check.Checked) }

// choice is a drop-down of stored English values shown translated.
func choice[S ~string](b *binder, values []S, p *S) *dropDown {
	return choiceOf(b, func() []S { return values }, func(x S) string { return T(string(x)) }, p)
}

// pickChoice is a drop-down of the entries of a pick-list a group can edit (see data.Choices): Accord's
// own not hidden, translated, the group's own as typed, and the record's own entry whatever it is. The
// entries are read again each time the form shows a record, so an entry added meanwhile is offered.
func pickChoice[S ~string](b *binder, v data.View, l data.PickList, p *S) *dropDown {
	return choiceOf(b, func() []S {
		values := data.Choices(v, l, string(*p))
		out := make([]S, len(values))
		for i, x := range values {
			out[i] = S(x)
		}
		return out
	}, func(x S) string { return l.Label(string(x), T) }, p)
}

// choiceOf is a drop-down of the values listed, each shown by its label, bound to *p.
func choiceOf[S ~string](b *binder, list func() []S, label func(S) string, p *S) *dropDown {
	var values []S
	sel := newDropDown(nil, nil)
	show := func() {
		values = list()
		labels := make([]string, len(values))
		for i, x := range values {
			labels[i] = label(x)
		}
		sel.Options = labels
		if i := slices.Index(values, *p); i >= 0 {
			sel.SetSelectedIndex(i)
		} else {
			sel.ClearSelected()
		}
		sel.Refresh()
	}
	show()
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 {
			*p = values[i]
			b.edited()
		}
	}
	b.shows(show)
	return sel
}

// heading is the bold title of a part of a screen.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// titledCard is a card whose title wraps: Fyne's own card title is one line as wide as its text, so a
// partner's long name widened the window.
func titledCard(title string, content fyne.CanvasObject) *widget.Card {
	head := heading(title)
	head.Wrapping = fyne.TextWrapWord
	head.SizeName = theme.SizeNameSubHeadingText
	return widget.NewCard("", "", container.NewVBox(head, content))
}

// row lays out a label above its input, the way volunteers read a paper form (and a field's example
// under it, when it does not fit inside).
func row(label string, input fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord // a long label wraps rather than widening the whole form
	if f, ok := input.(*field); ok {
		return container.NewVBox(l, f, f.example)
	}
	return container.NewVBox(l, input)
}

// listEditor shows one block per item, each with a Remove button, and an Add button below. Adding or
// removing rebuilds the blocks, so every input is bound to the item now at its place in the slice. The
// last item removed can be put back with Undo until the next change to the list.
// The keyboard follows: into an item added or put back, onto Undo after a removal.
func listEditor[Item any](items *[]Item, addLabel string, newItem func() Item, block func(item *Item) fyne.CanvasObject, b *binder) fyne.CanvasObject {
	box := container.NewVBox()
	changed := b.edited
	var rebuild func(undo *widget.Button) []fyne.CanvasObject
	edit := func(at int, change func()) {
		change()
		focusFirstIn(rebuild(nil)[at])
		changed()
	}
	rebuild = func(undo *widget.Button) []fyne.CanvasObject {
		// Put in the box at once: each Add laid out every card before it again, at every click on a
		// partner with several contacts.
		var blocks, shown []fyne.CanvasObject
		for i := range *items {
			remove := widget.NewButtonWithIcon(T("Remove"), theme.DeleteIcon(), func() {
				removed := (*items)[i]
				*items = slices.Delete(*items, i, i+1)
				undo := widget.NewButtonWithIcon(T("Undo"), theme.ContentUndoIcon(), func() {
					edit(i, func() { *items = slices.Insert(*items, i, removed) })
				})
				rebuild(undo)
				focusSoon(undo)
				changed()
			})
			remove.Importance = widget.LowImportance
			b.listing++
			blocks = append(blocks, block(&(*items)[i]))
			b.listing--
			shown = append(shown, widget.NewCard("", "", container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), remove), nil, nil, blocks[i])))
		}
		if undo != nil {
			shown = append(shown, container.NewHBox(widget.NewLabel(T("Removed.")), undo))
		}
		shown = append(shown, container.NewHBox(widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
			edit(len(*items), func() { *items = append(*items, newItem()) })
		})))
		box.Objects = shown
		box.Refresh()
		return blocks
	}
	rebuild(nil)
	b.shows(func() { rebuild(nil) })
	return box
}

// focusFirstIn puts the keyboard on the first field of a block (in plain containers), once the key that
// made it has been handled.
func focusFirstIn(block fyne.CanvasObject) {
	var first fyne.Focusable
	inContainers(block, func(o fyne.CanvasObject) {
		if f, ok := o.(fyne.Focusable); ok && first == nil {
			first = f
		}
	})
	if first != nil {
		focusSoon(first)
	}
}

// list is an entry for a comma-separated list, such as focus areas or languages.
func (b *binder) list(p *[]string, placeholder string) *field {
	e := newField(placeholder)
	e.SetText(strings.Join(*p, ", "))
	e.OnChanged = func(s string) { *p = splitList(s); b.edited() }
	b.remember(e)
	b.shows(func() { e.SetText(strings.Join(*p, ", ")) })
	return e
}

// scale is a 1–5 choice with "not judged yet" for 0.
func (b *binder) scale(p *int) *dropDown {
	labels := []string{T("not judged yet"), T("1 – very low"), "2", "3", "4", T("5 – very high")}
	sel := newDropDown(labels, nil)
	sel.SetSelectedIndex(*p)
	sel.OnChanged = func(string) { *p = sel.SelectedIndex(); b.edited() }
	b.shows(func() { sel.SetSelectedIndex(*p) })
	return sel
}
