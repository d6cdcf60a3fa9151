package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// pickListNames name each list a group can edit, on its tab (translation keys).
// i18n:keys: shown translated, so each string here is a translation key.
var pickListNames = map[data.PickList]string{
	data.ListPartnerKinds:  "Kinds of partner",
	data.ListResourceKinds: "Kinds of resource",
	data.ListActivityKinds: "Kinds of activity",
}

// showPickLists shows the lists a kind is chosen from, one tab each: Accord's own entries, translated,
// and the group's own, as typed, each with how many records have it, to add one, rename one (every
// record follows), merge one into another, or hide one from new records.
func showPickLists(s *store.Store, w fyne.Window) {
	tabs := container.NewAppTabs()
	for _, l := range data.PickLists {
		box := container.NewVBox()
		var fill func()
		fill = func() {
			box.Objects = []fyne.CanvasObject{wrapped(T("Rename an entry and every record follows; give it the name of another to merge the two. A hidden entry is not offered for new records; records that have it keep it."))}
			for _, it := range data.PickItems(s, l) {
				label := l.Label(it.Value, T) + " — " + N(it.Uses, "%d record", "%d records")
				if it.Hidden {
					label += " — " + T("hidden")
				}
				rename := widget.NewButtonWithIcon(T("Rename or merge…"), theme.DocumentCreateIcon(), func() {
					renamePick(s, w, l, it.Value, fill)
				})
				hide := widget.NewButtonWithIcon(T("Hide"), theme.VisibilityOffIcon(), func() {
					writePicks(s, w, data.SetHidden(s, l, it.Value, true), fill)
				})
				if it.Hidden {
					hide = widget.NewButtonWithIcon(T("Show"), theme.VisibilityIcon(), func() {
						writePicks(s, w, data.SetHidden(s, l, it.Value, false), fill)
					})
				}
				box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(rename, hide), wrapped(label)))
			}
			box.Add(container.NewHBox(widget.NewButtonWithIcon(T("Add an entry…"), theme.ContentAddIcon(), func() {
				addPick(s, w, l, fill)
			})))
			box.Refresh()
		}
		fill()
		tabs.Append(container.NewTabItem(T(pickListNames[l]), container.NewVScroll(box)))
	}
	d := dialog.NewCustom(T("Lists"), T("Close"), tabs, w)
	d.Resize(scaled(680, 520))
	d.Show()
}

// addPick asks for the name of a new entry of the group's own; one the list has already (in any
// language, or hidden) is that one, shown again.
func addPick(s *store.Store, w fyne.Window, l data.PickList, done func()) {
	var name string
	b := newBinder(func() {})
	ask(w, T("Add an entry"), T("Add"), T("Cancel"), row(T("Name"), b.text(&name, T("For example: allotment society"))), func() {
		if value := data.PickNamed(s, l, name, T); value != "" {
			writePicks(s, w, data.AddPick(s, l, value), done)
		}
	})
}

// renamePick asks for an entry's new name and gives it to every record that has the entry, in one write.
func renamePick(s *store.Store, w fyne.Window, l data.PickList, from string, done func()) {
	to := l.Label(from, T)
	b := newBinder(func() {})
	ask(w, T("Rename %s", l.Label(from, T)), T("Rename"), T("Cancel"), row(T("New name"), b.text(&to, "")), func() {
		writePicks(s, w, data.RenamePick(s, l, from, data.PickNamed(s, l, to, T), s.Now()), done)
	})
}

// writePicks writes a change to a list, and the records that follow it, in one write off the UI
// goroutine; done shows the list again.
func writePicks(s *store.Store, w fyne.Window, rs []data.Record, done func()) {
	if len(rs) == 0 {
		return
	}
	background(func() {
		err := s.SaveAll(rs)
		onUI(func() {
			if err != nil {
				showError(w, "change a list", err)
				return
			}
			done()
		})
	})
}

// pickOptions are every entry of a list, hidden ones too (a filter finds the records that still have one),
// with their labels, for a filter's drop-down.
func pickOptions(v data.View, l data.PickList) (values, labels []string) {
	for _, it := range data.PickItems(v, l) {
		values = append(values, it.Value)
		labels = append(labels, l.Label(it.Value, T))
	}
	return values, labels
}
