package ui

import (
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// holdSigned stops a change to what the parties signed from being saved silently: a signed agreement is
// changed in writing, so the user chooses to record the change as a dated amendment (the signed text
// stays) or to make a new version for everyone to sign again (the signed agreement stays, in force, until
// then). Changes that leave the signed wording alone save at once.
func (ed *agreementEditor) holdSigned(write func()) {
	signed, ok := ed.original.(*data.Agreement)
	if !ok || !ed.a.Reworded(signed) {
		write()
		return
	}
	text := newLongEntry()
	text.SetText(changesOf(ed.a, signed))
	var d *dialog.CustomDialog
	amend := newKeyButton(T("Record as an amendment"), theme.DocumentCreateIcon(), func() {
		if strings.TrimSpace(text.Text) == "" {
			return
		}
		d.Hide()
		*ed.a = *ed.a.Amended(signed, data.DateOf(now()), strings.TrimSpace(text.Text))
		write()
	})
	amend.Importance = widget.HighImportance
	again := newKeyButton(T("Make a new version to sign"), theme.ContentCopyIcon(), func() {
		d.Hide()
		next := ed.a.NewVersion(signed)
		ed.discard()
		ed.onOpen(next)
	})
	cancel := newKeyButton(T("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	about := wrapped(T("“%s” is signed, and your changes alter what the parties signed. A signed agreement is changed in writing: record the change as a dated amendment to it, or make a new version for everyone to sign again. The signed agreement stays as it was either way.", ed.a.Name))
	content := container.NewBorder(about, nil, nil, nil, row(T("The amendment, as it will print"), text))
	d = dialog.NewCustomWithoutButtons(T("This agreement is signed"), content, ed.win)
	d.SetButtons([]fyne.CanvasObject{cancel, again, amend})
	d.Resize(fyne.NewSize(720, 420))
	d.Show()
	ed.win.Canvas().Focus(text)
}

// changesOf says what a's wording changes in signed, field by field, as a first draft of the amendment.
func changesOf(a, signed *data.Agreement) string {
	skip := map[string]bool{"Amendments": true, "Wording": true, "Attachments": true}
	fields := reflect.TypeOf(*a)
	var lines []string
	for _, d := range differences(a, signed) {
		if !skip[fields.Field(d.field).Name] {
			lines = append(lines, T("%s now reads: %s", d.label, d.a))
		}
	}
	return strings.Join(lines, "\n")
}
