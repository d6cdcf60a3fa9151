package ui

import (
	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// linkList shows the records a form links to, by name, each with a Remove button, and a button to link
// another through choose. refill rebuilds the list after a change.
func linkList(f *form, refill func(), title, addLabel string, name func(string) string,
	get func() []string, set func([]string), choose func(add func(string))) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for i, id := range get() {
		remove := widget.NewButtonWithIcon(T("Remove"), theme.DeleteIcon(), func() {
			ids := get()
			set(append(ids[:i:i], ids[i+1:]...))
			refill()
			f.changed()
		})
		box.Add(container.NewBorder(nil, nil, nil, remove, wrapped(name(id))))
	}
	box.Add(container.NewHBox(widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
		choose(func(id string) {
			set(append(get(), id))
			refill()
			f.changed()
		})
	})))
	return box
}

func partnerName(s *store.Store) func(string) string {
	return func(id string) string {
		if p := data.Lookup[data.Partner](s, id); p != nil {
			return p.Name
		}
		return T("Partner not found")
	}
}

func agreementName(s *store.Store) func(string) string {
	return func(id string) string {
		if a := data.Lookup[data.Agreement](s, id); a != nil {
			return a.Name
		}
		return T("Agreement not found")
	}
}
