package ui

import (
	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// editing is what every screen with an editor beside its list shares: moving a record to the Trash with
// a way to undo it.
type editing struct {
	store *store.Store
	win   fyne.Window
	undo  *fyne.Container // holds the "moved to the Trash — Undo" bar
}

func newEditing(s *store.Store, w fyne.Window) editing {
	return editing{store: s, win: w, undo: container.NewVBox()}
}

// trash moves a record to the Trash, off the UI goroutine, then runs moved and shows an Undo bar;
// restored runs after an undo.
func (e editing) trash(kind data.Kind, id, title string, restored, moved func()) {
	background(func() {
		err := e.store.Delete(kind, id)
		onUI(func() {
			if err != nil {
				showError(e.win, "move to trash", err)
				return
			}
			moved()
			e.offerUndo(kind, id, title, restored)
		})
	})
}

// offerUndo shows "moved to the Trash — Undo" until the next record is moved.
func (e editing) offerUndo(kind data.Kind, id, title string, restored func()) {
	undo := widget.NewButton(T("Undo"), nil)
	bar := container.NewBorder(nil, nil, nil, undo, wrapped(T("“%s” was moved to the Trash.", title)))
	undo.OnTapped = func() {
		background(func() {
			err := e.store.Undelete(kind, id)
			onUI(func() {
				if err != nil {
					showError(e.win, "undo delete", err)
					return
				}
				e.undo.Remove(bar)
				restored()
			})
		})
	}
	e.undo.Objects = []fyne.CanvasObject{bar}
	e.undo.Refresh()
}
