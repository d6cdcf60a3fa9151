package ui

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"accord/data"
)

// maxAnswersRead is how much of a chosen file is read: more than any answers file, so a bigger one is
// refused by data.ReadAnswers, not read whole.
const maxAnswersRead = 1 << 20

// onImportAnswers takes in an answers file a partner sent back (or the e-mail text holding one): it is
// checked and matched by its code, what it changes is shown, and it is saved only once the user agrees;
// answers already entered are replaced only when the user says so.
func (es *evaluationsScreen) onImportAnswers() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		background(func() {
			defer r.Close()
			b, err := io.ReadAll(io.LimitReader(r, maxAnswersRead))
			var in data.Arrival
			if err == nil {
				in, err = data.ReadAnswers(es.store, b)
			}
			onUI(func() {
				if err != nil {
					showError(es.win, "read answers file "+r.URI().Name(), err)
					return
				}
				es.confirmAnswers(in, b)
			})
		})
	}, es.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{data.AnswersExtension, ".txt", ".eml"}))
	startIn(d, documentsFolder())
	d.Show()
}

// confirmAnswers shows what the answers change and takes them in when the user agrees.
func (es *evaluationsScreen) confirmAnswers(in data.Arrival, file []byte) {
	title, yes := T("Take in these answers?"), T("Take them in")
	if in.Replaces() {
		title, yes = T("Replace their answers?"), T("Replace")
	}
	ask(es.win, title, yes, T("Cancel"), wrapped(in.Describe(es.store, T, N)), func() { es.takeAnswers(file, in.Replaces()) })
}

// takeAnswers saves the answers into their evaluation, read afresh so that answers taken in since count.
func (es *evaluationsScreen) takeAnswers(file []byte, replace bool) {
	today := data.DateOf(now())
	background(func() {
		in, err := data.ReadAnswers(es.store, file)
		line := ""
		switch {
		case err != nil:
		case in.Replaces() && !replace:
			err = data.Plain("Answers for this person came in meanwhile: import the file again to see what would change.")
		default:
			line = in.Describe(es.store, T, N)
			if err = in.Apply(today); err == nil {
				err = es.store.Save(in.Evaluation)
			}
		}
		onUI(func() {
			if err != nil {
				showError(es.win, "take in answers", err)
				return
			}
			es.browser.refresh()
			dialog.ShowInformation(T("Answers taken in"), line, es.win)
		})
	})
}
