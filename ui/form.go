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
	"accord/i18n"
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
	// edits counts the changes, so a save written in the background knows whether the user typed on
	// meanwhile; saving is true while one is written, and waiting holds what to do after the saves asked
	// for meanwhile.
	edits   int
	saving  bool
	waiting []func()
	// draftKey names the copy of what the form holds unsaved that survives a crash (see keepDraftSoon);
	// drafting is true while one is due to be written.
	draftKey string
	drafting bool
	bind     *binder
	problems *widget.Label
	// onSaved tells the list a record was written; refreshed lets an editor update its own parts after
	// every change and save.
	onSaved   func(id string)
	refreshed func()
	// reload shows the record as stored, dropping what the form holds (the user chose the saved one).
	reload func()
	// stale, when set, says the form was built for what has changed since (the group's own fields), so it
	// is built again rather than refilled.
	stale func() bool
	// guard, when set, may hold a save back to ask the user something first (a signed agreement's
	// wording); it calls write to go on.
	guard func(write func())
}

func newForm(s *store.Store, w fyne.Window, r data.Record, onSaved func(string)) *form {
	f := &form{store: s, win: w, record: r, onSaved: onSaved, dirty: data.MetaOf(r).ID == "", refreshed: func() {}}
	f.original, _ = s.GetRecord(r.Kind(), data.MetaOf(r).ID)
	f.draftKey = draftKeyOf(r)
	f.reload = func() { f.onSaved(data.MetaOf(f.record).ID) }
	f.bind = newBinder(f.changed)
	f.problems = widget.NewLabel("")
	f.problems.Truncation = fyne.TextTruncateEllipsis // one line, always there: the form never jumps
	f.problems.Importance = widget.DangerImportance
	return f
}

// refillable is true when the form may show another record in place of the one it holds: nothing is
// unsaved, no save is being written (what it stamps belongs to the record the form held), and the form
// itself is not out of date (see stale).
func (f *form) refillable() bool { return !f.dirty && !f.saving && (f.stale == nil || !f.stale()) }

// refill shows another stored record in the form, which the editor has copied into the record its inputs
// are bound to: the inputs stay, and show its values (see binder.fill).
func (f *form) refill() {
	f.original, _ = f.store.GetRecord(f.record.Kind(), data.MetaOf(f.record).ID)
	f.dirty = false
	f.draftKey = draftKeyOf(f.record)
	f.bind.fill()
	f.showProblems()
	f.refreshed()
}

// changed runs after every edit: the record is now unsaved, and its problems show at once.
func (f *form) changed() {
	f.edits++
	f.dirty = true
	f.showProblems()
	f.refreshed()
	f.keepDraftSoon()
}

// showProblems shows, on the one line kept for them at the top of the form, what stops the record being
// saved; the line stays, empty, when nothing does, so fields never move under the pointer.
func (f *form) showProblems() bool {
	lines := f.problemList()
	f.problems.SetText(strings.Join(lines, " · "))
	return len(lines) == 0
}

// problemList is every reason the record cannot be saved yet, in plain words.
func (f *form) problemList() []string {
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
	if c, ok := f.record.(data.Customised); ok {
		for _, p := range data.CustomProblems(f.store, c, i18n.Current().Code()) {
			lines = append(lines, T(p.Message, p.Args...))
		}
	}
	return lines
}

// onSave is the Save button and Ctrl+S.
func (f *form) onSave() { f.saveThen(nil) }

// saveThen saves what the form holds and then runs next (if any). The save is written off the UI goroutine,
// from a copy, so the window stays free and the user can go on typing; a save asked for while one is being
// written follows it.
func (f *form) saveThen(next func()) {
	if !f.showProblems() {
		dialog.ShowInformation(T("Not saved yet"), T("Fix these first, then save again:")+"\n\n"+strings.Join(f.problemList(), "\n"), f.win)
		return
	}
	if f.saving {
		f.waiting = append(f.waiting, next)
		return
	}
	if f.guard != nil {
		f.guard(func() { f.write(next) })
		return
	}
	f.write(next)
}

// write saves a copy of the record in the background, then runs next.
func (f *form) write(next func()) {
	f.saving = true
	copy, edits := data.Clone(f.record), f.edits
	background(func() {
		err := f.store.Save(copy)
		onUI(func() { f.written(copy, edits, err, next) })
	})
}

// written takes back what the store stamped on the saved copy — ID, times, revision, clock stamp, wording
// version — and tells the list; what was typed during the save stays unsaved.
func (f *form) written(copy data.Record, edits int, err error, next func()) {
	f.saving = false
	waiting := f.waiting
	f.waiting = nil
	switch {
	case errors.Is(err, store.ErrChangedElsewhere):
		f.onChangedElsewhere(next)
		return
	case err != nil:
		showError(f.win, "save "+string(f.record.Kind()), err)
		return
	}
	data.TakeStamps(f.record, copy)
	f.original, f.dirty = copy, f.edits != edits
	f.dropDraft()
	f.draftKey = draftKeyOf(f.record) // a new record's draft goes by its ID from now on
	f.refreshed()
	f.onSaved(data.MetaOf(f.record).ID)
	if next != nil {
		next()
	}
	for _, then := range waiting {
		if f.dirty {
			f.saveThen(then)
		} else if then != nil {
			then()
		}
	}
}

// saveButton is the form's Save, at the top of the space beside the title: as tall as a button, however
// many lines a long title wraps onto.
func (f *form) saveButton() fyne.CanvasObject {
	b := newKeyButton(T("Save"), theme.DocumentSaveIcon(), f.onSave)
	b.Importance = widget.HighImportance
	return container.NewVBox(b)
}

// notSaved marks a heading while there are unsaved changes.
func (f *form) notSaved(heading string) string {
	if f.dirty {
		return T("%s — not saved yet", heading)
	}
	return heading
}

// saveFirst runs next once the form's changes are saved, for something that needs the stored record (a
// print); at once when nothing is unsaved, never when the record cannot be saved yet.
func (f *form) saveFirst(next func()) {
	if f.dirty || f.saving {
		f.saveThen(next)
		return
	}
	next()
}

// onChangedElsewhere is a save refused because the record changed after the form opened it — a sync
// brought another laptop's change, or another screen saved it. What only the other change touched is
// taken into the form and saved with what the user typed. Where both changed the same field, the user
// sees the two and chooses: theirs over the other, or the other (their typing is then dropped, knowingly).
func (f *form) onChangedElsewhere(next func()) {
	id := data.MetaOf(f.record).ID
	stored, err := f.store.GetRecord(f.record.Kind(), id)
	if err != nil || f.original == nil {
		showError(f.win, "save a record changed or deleted meanwhile", store.ErrChangedElsewhere)
		return
	}
	clashes := data.MergeEdits(f.original, f.record, stored)
	f.store.Rebase(f.record)
	if clashes == 0 {
		f.saveThen(next)
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
			f.saveThen(next)
			return
		}
		f.discard()
		f.reload()
	}, f.win)
	d.Resize(fyne.NewSize(860, 480))
	d.Show()
}
