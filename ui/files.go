package ui

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"

	"accord/data"
	"accord/store"
)

// openFile writes a copy into the data folder and opens it with the system's viewer. The copy is written
// whole and readable by its owner only, like the database (see store.WriteAtomically), even where an
// earlier copy of the same name was not: os.WriteFile keeps the permissions of a file it overwrites.
func openFile(w fyne.Window, path string, content []byte) {
	background(func() {
		err := os.MkdirAll(filepath.Dir(path), 0o700)
		if err == nil {
			err = store.WriteAtomically(path, func(w io.Writer) error {
				_, err := w.Write(content)
				return err
			})
		}
		onUI(func() {
			if err != nil {
				showError(w, "write "+path, data.FileProblem("The file", path, err))
				return
			}
			u, _ := url.Parse(storage.NewFileURI(path).String())
			if err := fyne.CurrentApp().OpenURL(u); err != nil {
				dialog.ShowInformation(T("File ready"), T("The file is saved at %s. Open it from there.", path), w)
			}
		})
	})
}

// saveAs lets the user choose where a copy goes, starting in their Documents folder, writes it off the UI
// goroutine and says where it went. The file is written whole or not at all (see keepWholeFiles); it takes
// the permissions that folder gives new files, or keeps those of the file it replaces: the user chose where
// it goes, unlike the files Accord keeps in its data folder, which only their owner can read.
func saveAs(w fyne.Window, name string, content []byte) {
	d := dialog.NewFileSave(func(out fyne.URIWriteCloser, err error) {
		if err != nil || out == nil {
			return
		}
		background(func() {
			_, err := out.Write(content)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
			where := out.URI().Path()
			onUI(func() {
				if err != nil {
					showError(w, "save "+where, data.FileProblem("The file", where, err))
					return
				}
				dialog.ShowInformation(T("Saved"), T("Saved as %s.", where), w)
			})
		})
	}, w)
	d.SetFileName(name)
	startIn(d, documentsFolder())
	d.Show()
}

// printDocument renders a PDF off the UI goroutine, hands the bytes to done, then opens the file in the
// system's PDF viewer from the data folder's printed/ folder — Fyne cannot print, the viewer can — or,
// when chooseWhere is set, saves it where the user chooses.
func printDocument(w fyne.Window, dataDir, name string, chooseWhere bool, render func() ([]byte, error), done func([]byte)) {
	background(func() {
		b, err := render()
		onUI(func() {
			if err != nil {
				showError(w, "print "+name, err)
				return
			}
			done(b)
			if chooseWhere {
				saveAs(w, name, b)
			} else {
				openFile(w, filepath.Join(dataDir, store.PrintedFolder, name), b)
			}
		})
	})
}

// fileRepository is what Fyne's file dialogs ask of the "file" scheme.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// wholeFiles is Fyne's file repository with one change: a writer holds what is written and puts it in
// place on Close through store.WriteAsTheFolderDoes. Fyne's Save dialog opens (and so empties) the chosen file
// before Accord has written a byte, so a full disk or a pulled USB stick used to leave a cut-off file where
// the earlier one had been.
type wholeFiles struct{ fileRepository }

const fileScheme = "file" // i18n:same

// keepWholeFiles puts wholeFiles in front of the app's file repository; Run calls it once the driver has
// registered its own.
func keepWholeFiles() {
	if r, err := repository.ForScheme(fileScheme); err == nil {
		if _, done := r.(wholeFiles); done {
			return
		}
		if fr, ok := r.(fileRepository); ok {
			repository.Register(fileScheme, wholeFiles{fr})
		}
	}
}

func (wholeFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &wholeFile{uri: u}, nil
}

// wholeFile collects a file's bytes and writes them on Close: until then the earlier file is as it was.
type wholeFile struct {
	uri fyne.URI
	buf bytes.Buffer
}

func (f *wholeFile) URI() fyne.URI { return f.uri }

func (f *wholeFile) Write(p []byte) (int, error) { return f.buf.Write(p) }

func (f *wholeFile) Close() error {
	return store.WriteAsTheFolderDoes(f.uri.Path(), func(w io.Writer) error {
		_, err := w.Write(f.buf.Bytes())
		return err
	})
}
