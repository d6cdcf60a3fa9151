package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// mostHints is how many suggestions a tags input shows at once.
const mostHints = 6

// tags edits a list of short words — a partner's focus areas — as tags: each a button that removes it,
// and an input that adds what is typed on Return (several, between commas), suggesting as you type the
// words in use (known, read once per record shown) that hold what is typed, each a button that adds it.
// Tab reaches every button. What is typed and not yet added counts as a tag, so saving never loses it.
func (b *binder) tags(p *[]string, known func() []string, placeholder string) fyne.CanvasObject {
	chips, hints := flowRow(), flowRow()
	e := newField(placeholder)
	var added, suggestions []string // the tags shown as buttons; the words to suggest, once read
	var showChips func()
	commit := func() {
		*p = slices.Concat(added, splitList(e.Text))
	}
	add := func(words []string) {
		for _, w := range words {
			if !slices.ContainsFunc(added, func(t string) bool { return data.Fold(t) == data.Fold(w) }) {
				added = append(added, w)
			}
		}
		e.SetText("") // commits, and clears the suggestions
		showChips()
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Focus(e) // the suggestion tapped is gone: typing goes on where it was
		}
	}
	showChips = func() {
		chips.Objects = nil
		for _, tag := range added {
			chips.Add(widget.NewButtonWithIcon(tag, theme.CancelIcon(), func() {
				added = slices.DeleteFunc(slices.Clone(added), func(t string) bool { return t == tag })
				commit()
				b.edited()
				showChips()
			}))
		}
		chips.Refresh()
	}
	load := func() {
		added, suggestions = slices.Clone(*p), nil
		e.SetText("")
		showChips()
	}
	load()
	e.OnChanged = func(typed string) {
		commit()
		b.edited()
		hints.Objects = nil
		if f := data.Fold(strings.TrimSpace(typed)); f != "" {
			if suggestions == nil {
				suggestions = known()
			}
			for _, s := range suggestions {
				if len(hints.Objects) < mostHints && strings.Contains(data.Fold(s), f) && !slices.Contains(added, s) {
					hints.Add(widget.NewButtonWithIcon(s, theme.ContentAddIcon(), func() { add([]string{s}) }))
				}
			}
		}
		hints.Refresh()
	}
	e.OnSubmitted = func(typed string) { add(splitList(typed)) }
	b.remember(e)
	b.shows(load)
	return container.NewVBox(chips, e, hints)
}
