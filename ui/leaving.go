package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// leave runs proceed once the form's changes are dealt with: at once when nothing is unsaved, else after
// the user chooses to save them (the default, which Return or Space presses), not to save them, or to stay.
// Every way away from a form asks this same question: another record, another screen, closing the window.
func (f *form) leave(proceed func()) {
	if !f.dirty && !f.saving {
		proceed()
		return
	}
	var d *dialog.CustomDialog
	save := newKeyButton(T("Save"), theme.DocumentSaveIcon(), func() {
		d.Hide()
		f.saveThen(proceed)
	})
	save.Importance = widget.HighImportance
	dont := newKeyButton(T("Don't save"), theme.DeleteIcon(), func() {
		d.Hide()
		f.discard()
		proceed()
	})
	stay := newKeyButton(T("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(T("Save your changes?"), wrapped(T("Your changes to %s are not saved yet.", f.name())), f.win)
	d.SetButtons([]fyne.CanvasObject{stay, dont, save})
	d.Resize(scaled(560, 180))
	d.Show()
	f.win.Canvas().Focus(save)
	trace("asking to save")
}

// name says which record the form holds, for a question about it: "“Café Solidaire”", or "this new
// partner" before it has a name.
func (f *form) name() string {
	if strings.TrimSpace(f.record.Title()) == "" {
		return T(newRecordNames[f.record.Kind()])
	}
	return "“" + named(f.store, f.record) + "”"
}

// newRecordNames name a record not named yet, kind by kind (each language agrees its words differently).
// i18n:keys: shown translated, so each string here is a translation key.
var newRecordNames = map[data.Kind]string{
	data.KindOrganisation: "your organisation's details",
	data.KindPartner:      "this new partner",
	data.KindNeed:         "this new need",
	data.KindAgreement:    "this new agreement",
	data.KindEvaluation:   "this new evaluation",
	data.KindActivity:     "this new activity",
}

// discard forgets the form's unsaved changes, and their draft, as the user chose.
func (f *form) discard() {
	f.dirty = false
	f.dropDraft()
}

// holdsForm is a screen with a form that may hold unsaved changes.
type holdsForm interface{ openForm() *form }

// onClose is every way out of the window — its ✕, File → Quit, Ctrl+Q: a form with unsaved changes asks
// first, and the window closes once they are saved or the user chose not to save them.
func (sh *shell) onClose() {
	for _, e := range sh.entries {
		if h, ok := e.screen.(holdsForm); ok {
			if f := h.openForm(); f != nil && (f.dirty || f.saving) {
				sh.goTo(e.id) // the question is about what the user can see
				f.leave(sh.win.Close)
				return
			}
		}
	}
	sh.win.Close()
}

// keyButton is a button that Return and Enter press as well as Space, as a keyboard user expects of a
// dialog's buttons.
type keyButton struct {
	widget.Button
}

func newKeyButton(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// asButton is the button o is, plain or a keyButton, or nil.
func asButton(o fyne.CanvasObject) *widget.Button {
	switch b := o.(type) {
	case *widget.Button:
		return b
	case *keyButton:
		return &b.Button
	}
	return nil
}

func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(ev)
}

// ask shows a question with content (fields, or a sentence) and two buttons, dismiss and confirm; confirm
// is the default. The keyboard starts on the first field, or on confirm when there is none; Return in a
// one-line field presses confirm, as it does on confirm itself; Escape presses dismiss.
func ask(w fyne.Window, title, confirm, dismiss string, content fyne.CanvasObject, onConfirm func()) *dialog.CustomDialog {
	return askOr(w, title, confirm, dismiss, content, onConfirm, func() {})
}

// askOr is ask that also does something when the user dismisses the question: goes back to what they
// were typing, say.
func askOr(w fyne.Window, title, confirm, dismiss string, content fyne.CanvasObject, onConfirm, onDismiss func()) *dialog.CustomDialog {
	var d *dialog.CustomDialog
	yes := newKeyButton(confirm, theme.ConfirmIcon(), func() {
		d.Hide()
		onConfirm()
	})
	yes.Importance = widget.HighImportance
	no := newKeyButton(dismiss, theme.CancelIcon(), func() {
		d.Hide()
		onDismiss()
	})
	var first fyne.Focusable = yes
	walkFields(content, func(f fyne.Focusable) {
		if first == fyne.Focusable(yes) {
			first = f
		}
		if e := entryOf(f); e != nil && !e.MultiLine && e.OnSubmitted == nil {
			e.OnSubmitted = func(string) { yes.OnTapped() }
		}
	})
	d = dialog.NewCustomWithoutButtons(title, content, w)
	d.SetButtons([]fyne.CanvasObject{no, yes})
	d.Show()
	w.Canvas().Focus(first)
	return d
}

// walkFields visits, in reading order, the fields inside plain containers and Fyne's own boxes (a
// radio group, a check), not inside other widgets.
func walkFields(o fyne.CanvasObject, visit func(fyne.Focusable)) {
	inContainers(o, func(o fyne.CanvasObject) {
		if f, ok := o.(fyne.Focusable); ok {
			visit(f)
		}
	})
}
