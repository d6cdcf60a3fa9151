package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// recordEditor is the editor of one record: its form and its layout. Every editor embeds *form.
type recordEditor interface {
	comparable
	buildUI() fyne.CanvasObject
	formOf() *form
}

func (f *form) formOf() *form { return f }

// records is the glue every screen with a list of records and an editor beside it shares: it opens the
// chosen record into the editor, shows a new one, saves (Ctrl+S), asks before unsaved changes are lost,
// and moves the open record to the Trash with a way to undo it. A screen says how to make its editor and
// what its list shows.
type records[R any, P data.RecordPtr[R], E recordEditor] struct {
	*browser[P]
	editing
	editor    E                 // the open editor; the zero E when none is open
	shown     fyne.CanvasObject // the open editor with its Move to Trash, as the pane shows it
	newEditor func(r P, onSaved func(id string)) E
}

// refiller is an editor that can show another record of its kind without being built again: most of a
// click on a list's row went in building an editor's inputs and measuring their words afresh.
type refiller[P any] interface{ refill(r P) }

func newRecords[R any, P data.RecordPtr[R], E recordEditor](s *store.Store, w fyne.Window, newEditor func(P, func(string)) E) records[R, P, E] {
	return records[R, P, E]{editing: newEditing(s, w), newEditor: newEditor}
}

// open is true while an editor is showing.
func (rs *records[R, P, E]) open() bool {
	var none E
	return rs.editor != none
}

// openEditor shows an editable copy of the chosen record, read afresh from the store.
func (rs *records[R, P, E]) openEditor(listed P) fyne.CanvasObject {
	r, err := store.Get[R, P](rs.store, listed.Common().ID)
	if err != nil {
		showError(rs.win, fmt.Sprintf("open %s %s", rs.shows(), listed.Common().ID), err) // i18n:same (for the log)
		return wrapped(T("This record could not be opened. It may have been moved to the Trash on another laptop."))
	}
	if ed, ok := any(rs.editor).(refiller[P]); ok && rs.open() && rs.editor.formOf().refillable() {
		ed.refill(r)
		return rs.shown
	}
	return rs.edit(r)
}

// edit makes the record's editor, with the button that moves it to the Trash below.
func (rs *records[R, P, E]) edit(r P) fyne.CanvasObject {
	rs.editor = rs.newEditor(r, rs.onSaved)
	del := widget.NewButtonWithIcon(T("Move to Trash"), theme.DeleteIcon(), rs.onDelete)
	del.Importance = widget.LowImportance
	rs.shown = container.NewBorder(nil, container.NewHBox(del), nil, nil, rs.editor.buildUI())
	return rs.shown
}

// openNew shows a new, unsaved record in the editor, once unsaved changes of the open one are dealt with.
func (rs *records[R, P, E]) openNew(r P) {
	rs.leave(func() {
		rs.selected = ""
		rs.unselect()
		rs.showPane(rs.edit(r))
		if first := rs.editor.formOf().bind.first; first != nil {
			focusSoon(first) // the keyboard starts in the new record's first field
		}
	})
}

// restoreDraft shows a draft left by a crash in the editor, unsaved, as the user left it.
func (rs *records[R, P, E]) restoreDraft(d store.Draft) {
	r, ok := d.Record.(P)
	if !ok {
		return
	}
	rs.leave(func() {
		rs.selected = ""
		rs.unselect()
		rs.showPane(rs.edit(r))
		rs.editor.formOf().takeDraft(d)
	})
}

// onSaved keeps the saved record chosen in the list.
func (rs *records[R, P, E]) onSaved(id string) {
	rs.selected = id
	rs.refresh()
}

// save is Ctrl+S.
func (rs *records[R, P, E]) save() {
	if rs.open() {
		rs.editor.formOf().onSave()
	}
}

// leave asks before unsaved changes in the editor would be lost.
func (rs *records[R, P, E]) leave(proceed func()) {
	if !rs.open() {
		proceed()
		return
	}
	rs.editor.formOf().leave(proceed)
}

// openForm is the open editor's form, for the window's close guard; nil when none is open.
func (rs *records[R, P, E]) openForm() *form {
	if !rs.open() {
		return nil
	}
	return rs.editor.formOf()
}

// unsaved is true while the open editor holds changes not saved yet.
func (rs *records[R, P, E]) unsaved() bool { return rs.open() && rs.editor.formOf().dirty }

// onDelete moves the open record to the Trash, with a way to undo it; a new one not saved yet is dropped.
func (rs *records[R, P, E]) onDelete() {
	r := rs.editor.formOf().record
	closeEditor := func() {
		var none E
		rs.editor, rs.selected = none, ""
		rs.showPane(emptyPane(rs.empty))
		rs.refresh()
	}
	id := data.MetaOf(r).ID
	if id == "" {
		closeEditor()
		return
	}
	rs.trash(rs.shows(), id, named(rs.store, r), func() { rs.selectID(id) }, closeEditor)
}

// shows is the kind of record the screen lists, so a reminder or a link can open one on it.
func (rs *records[R, P, E]) shows() data.Kind { return data.KindOf[R, P]() }
