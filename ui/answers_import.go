package ui

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"accord/data"
)

// maxAnswersRead is how much of a chosen file is read: more than any answers file, so a bigger one is
// refused by data.ReadAnswers, not read whole.
const maxAnswersRead = 1 << 20

// answersFile is an answers file a partner sent back (or the e-mail text holding one), as read.
type answersFile struct {
	name    string
	content []byte
}

// onImportAnswers is the "Import answers files…" button: the file chosen is checked and shown before
// it is taken in. (Fyne's file dialog chooses one file; several are dropped on the window at once.)
func (es *evaluationsScreen) onImportAnswers() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		es.importAnswers([]fyne.URI{r.URI()})
	}, es.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{data.AnswersExtension, ".txt", ".eml"}))
	startIn(d, documentsFolder())
	d.Show()
}

// importAnswers reads answers files off the UI goroutine, checks each and matches it by its code, then
// shows what each would change — whose answers, for which evaluation, whether they replace answers
// already in — and why any is refused, and takes them in once the user agrees.
func (es *evaluationsScreen) importAnswers(uris []fyne.URI) {
	background(func() {
		var files []answersFile
		var lines, refused []string
		for _, u := range uris {
			b, err := readAnswers(u)
			var in data.Arrival
			if err == nil {
				in, err = data.ReadAnswers(es.store, b)
			}
			if err != nil {
				refused = append(refused, u.Name()+": "+data.Explain(err, T))
				continue
			}
			files = append(files, answersFile{u.Name(), b})
			lines = append(lines, u.Name()+": "+in.Describe(es.store, T, N))
		}
		onUI(func() {
			if len(files) == 0 {
				dialog.ShowInformation(T("No answers taken in"), strings.Join(refused, "\n\n"), es.win)
				return
			}
			if len(refused) > 0 {
				lines = append(lines, T("Refused:"))
				lines = append(lines, refused...)
			}
			ask(es.win, T("Take in these answers?"), T("Take them in"), T("Cancel"),
				wrapped(strings.Join(lines, "\n\n")), func() { es.takeAnswers(files) })
		})
	})
}

func readAnswers(u fyne.URI) ([]byte, error) {
	r, err := storage.Reader(u)
	if err != nil {
		return nil, &data.PlainError{Message: "Accord cannot read the file %s.", Args: []any{u.Name()},
			Advice: "Check the file's name and that it is there, then try again.", Err: err}
	}
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, maxAnswersRead))
}

// takeAnswers saves each file's answers into its evaluation, read afresh so that several answers for one
// evaluation all count, and says what it did.
func (es *evaluationsScreen) takeAnswers(files []answersFile) {
	today := data.DateOf(now())
	background(func() {
		var lines []string
		for _, f := range files {
			in, err := data.ReadAnswers(es.store, f.content)
			if err == nil {
				err = in.Apply(today)
			}
			if err == nil {
				err = es.store.Save(in.Evaluation)
			}
			if err != nil {
				fyne.LogError("take in answers "+f.name, err)
				lines = append(lines, f.name+": "+T("Not taken in: %s", data.Explain(err, T)))
			}
		}
		onUI(func() {
			es.browser.refresh()
			taken := len(files) - len(lines)
			lines = append([]string{N(taken, "%d answers file taken in.", "%d answers files taken in.")}, lines...)
			dialog.ShowInformation(T("Answers taken in"), strings.Join(lines, "\n"), es.win)
		})
	})
}
