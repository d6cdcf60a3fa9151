package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// pickListNames name each list a group can edit, on its tab (translation keys).
// i18n:keys: shown translated, so each string here is a translation key.
var pickListNames = map[data.PickList]string{
	data.ListPartnerKinds:  "Kinds of partner",
	data.ListResourceKinds: "Kinds of resource",
	data.ListActivityKinds: "Kinds of activity",
	data.ListRelationTypes: "Kinds of relation",
}

// showPickLists shows the lists a kind is chosen from, one tab each, the tab of first chosen: Accord's own
// entries, translated, and the group's own, as typed, each with how many records have it, to add one,
// rename one (every record follows), merge one into another, or hide one from new records. changed runs
// after each change.
func showPickLists(s *store.Store, w fyne.Window, first data.PickList, changed func()) {
	tabs := container.NewAppTabs()
	for _, l := range data.PickLists {
		box := container.NewVBox()
		var fill func()
		done := func() { fill(); changed() }
		fill = func() {
			box.Objects = []fyne.CanvasObject{wrapped(pickListIntro(l))}
			for _, it := range data.PickItems(s, l) {
				label := pickLabel(s, l, it.Value) + " — " + pickUses(l, it.Uses)
				if it.Hidden {
					label += " — " + T("hidden")
				}
				buttons := container.NewHBox(pickActions(s, w, l, it.Value, done)...)
				hide := widget.NewButtonWithIcon(T("Hide"), theme.VisibilityOffIcon(), func() {
					writePicks(s, w, data.SetHidden(s, l, it.Value, true), done)
				})
				if it.Hidden {
					hide = widget.NewButtonWithIcon(T("Show"), theme.VisibilityIcon(), func() {
						writePicks(s, w, data.SetHidden(s, l, it.Value, false), done)
					})
				}
				buttons.Add(hide)
				box.Add(container.NewBorder(nil, nil, nil, buttons, wrapped(label)))
			}
			box.Add(container.NewHBox(pickAdd(s, w, l, done)))
			box.Refresh()
		}
		fill()
		tab := container.NewTabItem(T(pickListNames[l]), container.NewVScroll(box))
		tabs.Append(tab)
		if l == first {
			tabs.Select(tab)
		}
	}
	d := dialog.NewCustom(T("Lists"), T("Close"), tabs, w)
	d.Resize(scaled(680, 520))
	d.Show()
}

// pickListIntro says what can be done with a list's entries.
func pickListIntro(l data.PickList) string {
	if l == data.ListRelationTypes {
		return T("Change a kind of relation's names and every relation follows; merge one into another and its relations take the other. A hidden kind is not offered for new relations; relations that have it keep it.")
	}
	return T("Rename an entry and every record follows; give it the name of another to merge the two. A hidden entry is not offered for new records; records that have it keep it.")
}

// pickLabel is how an entry reads in the window: a kind of relation by its names in the window's language,
// another list's entry translated if it is Accord's own, as typed if it is the group's.
func pickLabel(v data.View, l data.PickList, value string) string {
	if l == data.ListRelationTypes {
		return typeNames(data.RelationTypeOf(v, value), i18n.Current().Code())
	}
	return l.Label(value, T)
}

// pickUses counts the records that have an entry: relations for a kind of relation.
func pickUses(l data.PickList, n int) string {
	if l == data.ListRelationTypes {
		return N(n, "%d relation", "%d relations")
	}
	return N(n, "%d record", "%d records")
}

// pickActions are the ways to change an entry besides hiding it: a kind of relation's names are changed
// (the group's own only; Accord's are its translations) and it is merged into another kind chosen from the
// list; another list's entry is renamed, or merged by giving it another's name.
func pickActions(s *store.Store, w fyne.Window, l data.PickList, value string, done func()) []fyne.CanvasObject {
	if l != data.ListRelationTypes {
		return []fyne.CanvasObject{widget.NewButtonWithIcon(T("Rename or merge…"), theme.DocumentCreateIcon(), func() {
			renamePick(s, w, l, value, done)
		})}
	}
	var out []fyne.CanvasObject
	if t := data.Lookup[data.RelationType](s, value); t != nil && !t.Deleted {
		out = append(out, widget.NewButtonWithIcon(T("Change…"), theme.DocumentCreateIcon(), func() {
			editRelationType(s, w, data.Clone(t), "", done)
		}))
	}
	return append(out, widget.NewButtonWithIcon(T("Merge into…"), theme.ContentCopyIcon(), func() {
		mergeRelationType(s, w, value, done)
	}))
}

// pickAdd is the button that adds an entry of the group's own to a list.
func pickAdd(s *store.Store, w fyne.Window, l data.PickList, done func()) fyne.CanvasObject {
	if l == data.ListRelationTypes {
		return widget.NewButtonWithIcon(T("Add a kind of relation…"), theme.ContentAddIcon(), func() {
			editRelationType(s, w, &data.RelationType{}, "", done)
		})
	}
	return widget.NewButtonWithIcon(T("Add an entry…"), theme.ContentAddIcon(), func() { addPick(s, w, l, done) })
}

// mergeRelationType asks which kind of relation to merge one into: its relations take that kind, in one
// write, and it goes to the Trash, or, one of Accord's own, is hidden.
func mergeRelationType(s *store.Store, w fyne.Window, from string, done func()) {
	l := data.ListRelationTypes
	var into, labels []string
	for _, it := range data.PickItems(s, l) {
		own := data.Lookup[data.RelationType](s, it.Value)
		if it.Value != from && (it.BuiltIn || own != nil && !own.Deleted) { // not one in the Trash
			into, labels = append(into, it.Value), append(labels, pickLabel(s, l, it.Value))
		}
	}
	choice := newDropDown(labels, nil)
	goes := T("Every relation of this kind takes the kind you choose, and this one goes to the Trash.")
	if l.BuiltIn(from) {
		goes = T("Every relation of this kind takes the kind you choose, and this one is hidden: no longer offered for new relations.")
	}
	content := container.NewVBox(wrapped(goes), row(T("Merge into"), choice))
	ask(w, T("Merge %s", pickLabel(s, l, from)), T("Merge"), T("Cancel"), content, func() {
		if i := choice.SelectedIndex(); i >= 0 {
			writePicks(s, w, data.MergePick(s, l, from, into[i], s.Now()), done)
		}
	}).Resize(scaled(560, 0))
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
