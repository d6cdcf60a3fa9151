package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// form is what every record editor shares: it edits a copy, shows the record's problems as the user types,
// saves only when there are none, and knows whether anything is unsaved.
type form struct {
	store  *store.Store
	win    fyne.Window
	record data.Record
	// original is the record as stored when the form opened it (or last saved it), to tell what the user
	// changed from what changed elsewhere meanwhile; nil for a new record.
	original data.Record
	dirty    bool
	bind     *binder
	problems *widget.Label
	// onSaved tells the list a record was written; refreshed lets an editor update its own parts after
	// every change and save.
	onSaved   func(id string)
	refreshed func()
	// reload shows the record as stored, dropping what the form holds (the user chose the saved one).
	reload func()
}

func newForm(s *store.Store, w fyne.Window, r data.Record, onSaved func(string)) *form {
	f := &form{store: s, win: w, record: r, onSaved: onSaved, dirty: data.MetaOf(r).ID == "", refreshed: func() {}}
	f.original, _ = s.GetRecord(r.Kind(), data.MetaOf(r).ID)
	f.reload = func() { f.onSaved(data.MetaOf(f.record).ID) }
	f.bind = newBinder(f.changed)
	f.problems = widget.NewLabel("")
	f.problems.Wrapping = fyne.TextWrapWord
	f.problems.Importance = widget.DangerImportance
	return f
}

// changed runs after every edit: the record is now unsaved, and its problems show at once.
func (f *form) changed() {
	f.dirty = true
	f.showProblems()
	f.refreshed()
}

// showProblems lists what stops the record being saved, and hides the list when there is nothing.
func (f *form) showProblems() bool {
	var lines []string
	if len(f.bind.unreadable) > 0 {
		lines = append(lines, T("Some numbers or amounts cannot be read yet: look for the fields marked in red."))
	}
	var verr *data.ValidationError
	if errors.As(f.record.Validate(), &verr) {
		for _, p := range verr.Problems {
			lines = append(lines, T(p.Message, p.Args...))
		}
	}
	f.problems.SetText(strings.Join(lines, "\n"))
	f.problems.Hidden = len(lines) == 0
	f.problems.Refresh()
	return len(lines) == 0
}

func (f *form) onSave() {
	if !f.showProblems() {
		return
	}
	err := f.store.Save(f.record)
	switch {
	case errors.Is(err, store.ErrChangedElsewhere):
		f.onChangedElsewhere()
		return
	case err != nil:
		showError(f.win, "save "+string(f.record.Kind()), err)
		return
	}
	f.dirty = false
	f.original, _ = f.store.GetRecord(f.record.Kind(), data.MetaOf(f.record).ID)
	f.refreshed()
	f.onSaved(data.MetaOf(f.record).ID)
}

func (f *form) saveButton() fyne.CanvasObject {
	b := widget.NewButtonWithIcon(T("Save"), theme.DocumentSaveIcon(), f.onSave)
	b.Importance = widget.HighImportance
	return b
}

// notSaved marks a heading while there are unsaved changes.
func (f *form) notSaved(heading string) string {
	if f.dirty {
		return T("%s — not saved yet", heading)
	}
	return heading
}

// saveFirst saves unsaved changes before something that needs the stored record (a print); it is false
// when the record cannot be saved yet.
func (f *form) saveFirst() bool {
	if f.dirty {
		f.onSave()
	}
	return !f.dirty
}

// onChangedElsewhere is a save refused because the record changed after the form opened it — a sync
// brought another laptop's change, or another screen saved it. What only the other change touched is
// taken into the form and saved with what the user typed. Where both changed the same field, the user
// sees the two and chooses: theirs over the other, or the other (their typing is then dropped, knowingly).
func (f *form) onChangedElsewhere() {
	id := data.MetaOf(f.record).ID
	stored, err := f.store.GetRecord(f.record.Kind(), id)
	if err != nil || f.original == nil {
		showError(f.win, "save a record changed or deleted meanwhile", store.ErrChangedElsewhere)
		return
	}
	clashes := data.MergeEdits(f.original, f.record, stored)
	f.store.Rebase(f.record)
	if clashes == 0 {
		f.onSave()
		return
	}
	rows := []fyne.CanvasObject{container.NewGridWithColumns(3, heading(T("Field")), heading(T("What you typed")), heading(T("Saved meanwhile")))}
	for _, d := range differences(f.record, stored) {
		rows = append(rows, container.NewGridWithColumns(3, wrapped(d.label), wrapped(orNone(d.a)), wrapped(orNone(d.b))))
	}
	about := wrapped(T("This record was changed elsewhere — on another laptop, through the sync folder, or on another screen — after you opened it, in the same places you changed. Which do you keep?"))
	content := container.NewBorder(about, nil, nil, nil, container.NewVScroll(container.NewVBox(rows...)))
	d := dialog.NewCustomConfirm(T("Changed elsewhere"), T("Keep what I typed"), T("Use the saved one"), content, func(mine bool) {
		if mine {
			f.onSave()
			return
		}
		f.dirty = false
		f.reload()
	}, f.win)
	d.Resize(fyne.NewSize(860, 480))
	d.Show()
}
