package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// draftDelay is how long after the last change a form writes its draft: a pause in typing, not every key.
var draftDelay = 2 * time.Second

// draftOrder numbers draft writes and removals in the order the UI goroutine asks for them, so the store
// can drop one that lands after a later one (they run in the background).
var draftOrder int

func nextDraft() int {
	draftOrder++
	return draftOrder
}

// draftKeyOf names a form's draft: the record's kind and ID, or, for a record not saved yet, a key of its
// own, so two new records never share one.
func draftKeyOf(r data.Record) string {
	if id := data.MetaOf(r).ID; id != "" {
		return string(r.Kind()) + "-" + id
	}
	return string(r.Kind()) + "-new-" + data.NewID()
}

// keepDraftSoon writes a copy of what the form holds, off the UI goroutine, a moment after the typing
// stops, so a crash or a power cut loses nothing typed before that moment.
func (f *form) keepDraftSoon() {
	if f.drafting {
		return
	}
	f.drafting = true
	after(draftDelay, func() {
		f.drafting = false
		if !f.dirty {
			return
		}
		key, gen, typed, original := f.draftKey, nextDraft(), data.Clone(f.record), f.original
		background(func() {
			if err := f.store.KeepDraft(key, gen, typed, original); err != nil {
				fyne.LogError("keep a draft of "+key, err)
			}
		})
	})
}

// dropDraft removes the form's draft: its changes are saved, or the user chose to drop them.
func (f *form) dropDraft() {
	key, gen := f.draftKey, nextDraft()
	background(func() {
		if err := f.store.DropDraft(key, gen); err != nil {
			fyne.LogError("drop the draft "+key, err)
		}
	})
}

// restoring is a screen that can show a draft in its editor again.
type restoring interface {
	shows() data.Kind
	restoreDraft(d store.Draft)
}

// offerDrafts asks, after a crash or a power cut, about each draft a form left behind: restore what was
// typed (the default), or drop it.
func (sh *shell) offerDrafts() {
	background(func() {
		drafts, err := sh.store.Drafts()
		if err != nil {
			fyne.LogError("read drafts", err)
		}
		onUI(func() { sh.offer(drafts) })
	})
}

func (sh *shell) offer(drafts []store.Draft) {
	if len(drafts) == 0 {
		return
	}
	d, rest := drafts[0], drafts[1:]
	name := T(newRecordNames[d.Kind])
	if d.Record.Title() != "" {
		name = "“" + named(sh.store, d.Record) + "”"
	}
	var dlg *dialog.CustomDialog
	restore := newKeyButton(T("Restore it"), theme.HistoryIcon(), func() {
		dlg.Hide()
		sh.restore(d)
		sh.offer(rest)
	})
	restore.Importance = widget.HighImportance
	drop := newKeyButton(T("Discard it"), theme.DeleteIcon(), func() {
		dlg.Hide()
		gen := nextDraft()
		background(func() { sh.store.DropDraft(d.Key, gen) })
		sh.offer(rest)
	})
	text := T("You were editing %s when Accord closed, on %s at %s, and it was not saved. Restore what you typed?",
		name, longDate(data.DateOf(d.Kept.Local())), d.Kept.Local().Format("15:04"))
	dlg = dialog.NewCustomWithoutButtons(T("Unsaved work from last time"), wrapped(text), sh.win)
	dlg.SetButtons([]fyne.CanvasObject{drop, restore})
	dlg.Resize(scaled(560, 220))
	dlg.Show()
	sh.win.Canvas().Focus(restore)
}

// restore shows a draft in the editor of the screen that shows its kind.
func (sh *shell) restore(d store.Draft) {
	for _, e := range sh.entries {
		if r, ok := e.screen.(restoring); ok && r.shows() == d.Kind {
			sh.goTo(e.id)
			r.restoreDraft(d)
			return
		}
	}
}

// takeDraft makes a form hold a draft's record again, unsaved, judged against the record as it was when
// the draft was begun.
func (f *form) takeDraft(d store.Draft) {
	f.original, f.draftKey, f.dirty = d.Original, d.Key, true
	f.showProblems()
	f.refreshed()
}
