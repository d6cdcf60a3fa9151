package ui

import (
	"strings"

	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// trashScreen lists deleted records, puts one back, or deletes it permanently.
type trashScreen struct {
	store      *store.Store
	win        fyne.Window
	items      []data.Record
	links      map[data.Ref][]data.Record // what still links to each record listed
	selected   data.Record
	list       *keyList
	counter    *widget.Label
	restoreBtn *keyButton
	deleteBtn  *widget.Button
}

func newTrashScreen(s *store.Store, w fyne.Window) *trashScreen {
	return &trashScreen{store: s, win: w}
}

func (ts *trashScreen) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(T("Trash"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	about := widget.NewLabel(N(store.TrashDays, "Deleted records stay here for %d day, then Accord removes them for good. Choose one to restore it.",
		"Deleted records stay here for %d days, then Accord removes them for good. Choose one to restore it."))
	about.Wrapping = fyne.TextWrapWord
	ts.counter = widget.NewLabel("")
	ts.list = newKeyList(
		func() int { return len(ts.items) },
		func() fyne.CanvasObject { return titleAndDetails() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := ts.items[id]
			texts := o.(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(named(ts.store, r))
			from := ts.links[data.Ref{Kind: r.Kind(), ID: data.MetaOf(r).ID}]
			texts[1].(*widget.Label).SetText(joinNonEmpty(" · ", T(data.KindNoun(r.Kind())), deletedText(r, ts.linkNames(from))))
		},
	)
	ts.list.OnSelected = func(id widget.ListItemID) { ts.choose(ts.items[id]) }
	ts.list.OnUnselected = func(widget.ListItemID) { ts.choose(nil) }
	ts.restoreBtn = newKeyButton(T("Restore"), theme.ContentUndoIcon(), ts.onRestore)
	ts.restoreBtn.Importance = widget.HighImportance
	ts.deleteBtn = widget.NewButtonWithIcon(T("Delete permanently…"), theme.DeleteIcon(), ts.onDeletePermanently)
	ts.deleteBtn.Importance = widget.DangerImportance
	ts.choose(nil)
	ts.refresh()
	top := container.NewVBox(title, about, ts.counter)
	return container.NewBorder(container.NewPadded(top), container.NewPadded(container.NewHBox(ts.restoreBtn, ts.deleteBtn)), nil, nil, ts.list)
}

// refresh lists the Trash again, off the UI goroutine.
func (ts *trashScreen) refresh() {
	background(func() {
		items, links := ts.store.Trash(), ts.store.TrashLinks()
		onUI(func() {
			ts.items, ts.links = items, links
			ts.counter.SetText(N(len(items), "%d deleted record", "%d deleted records"))
			ts.list.UnselectAll()
			ts.list.Refresh()
		})
	})
}

func (ts *trashScreen) choose(r data.Record) {
	ts.selected = r
	if r == nil {
		ts.restoreBtn.Disable()
		ts.deleteBtn.Disable()
		return
	}
	ts.restoreBtn.Enable()
	ts.deleteBtn.Enable()
}

// onRestore takes the chosen record out of the Trash.
func (ts *trashScreen) onRestore() {
	r := ts.selected
	if r == nil {
		return
	}
	ts.update("restore "+data.MetaOf(r).ID, func() error { return ts.store.Undelete(r.Kind(), data.MetaOf(r).ID) })
}

// onDeletePermanently asks first, saying what stays in older backups, then removes the record for good.
func (ts *trashScreen) onDeletePermanently() {
	r := ts.selected
	if r == nil {
		return
	}
	text := widget.NewLabel(T("“%s” will be removed from Accord for good. This cannot be undone.", named(ts.store, r)) + "\n\n" +
		T("Copies stay in the backups made before now until Accord replaces them (within about five weeks), and in any backup or export saved elsewhere, such as on a USB stick."))
	text.Wrapping = fyne.TextWrapWord
	d := ask(ts.win, T("Delete permanently?"), T("Delete permanently"), T("Cancel"), text, func() {
		ts.update("delete permanently "+data.MetaOf(r).ID, func() error { return ts.store.DeletePermanently(r.Kind(), data.MetaOf(r).ID) })
	})
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// update runs a change off the UI goroutine, then lists the Trash again or says what went wrong.
func (ts *trashScreen) update(what string, change func() error) {
	background(func() {
		err := change()
		onUI(func() {
			if err != nil {
				showError(ts.win, what, err)
			}
			ts.refresh()
		})
	})
}

// linkNames names the records that link to one in the Trash, the first two by kind and name.
func (ts *trashScreen) linkNames(from []data.Record) string {
	const shown = 2
	names := make([]string, 0, shown+1)
	for i, r := range from {
		if i == shown {
			names = append(names, N(len(from)-shown, "and %d other", "and %d others"))
			break
		}
		names = append(names, T(data.KindNoun(r.Kind()))+" “"+named(ts.store, r)+"”")
	}
	return strings.Join(names, ", ")
}

// deletedText says when a record was deleted and when it goes for good: never while other records still
// link to it (linkedFrom names them), since removing it would leave their links pointing at nothing.
func deletedText(r data.Record, linkedFrom string) string {
	today, due := data.DateOf(now()), store.PurgeDue(r).In(now().Location())
	deleted := T("deleted today")
	switch ago := data.DateOf(due.AddDate(0, 0, -store.TrashDays)).DaysUntil(today); {
	case ago == 1:
		deleted = T("deleted yesterday")
	case ago > 1:
		deleted = N(ago, "deleted %d day ago", "deleted %d days ago")
	}
	left := today.DaysUntil(data.DateOf(due))
	if linkedFrom != "" {
		return deleted + ", " + T("still linked from %s, so kept in the Trash", linkedFrom)
	}
	if left <= 0 {
		return deleted + ", " + T("removed for good the next time Accord opens")
	}
	if left == 1 {
		return deleted + ", " + T("removed for good tomorrow")
	}
	return deleted + ", " + N(left, "removed for good in %d day", "removed for good in %d days")
}
