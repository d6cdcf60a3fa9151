package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"accord/data"
)

// background runs work off the UI goroutine — saves, searches, counts, PDFs, file reads — and the work
// hands its results back through onUI. Work never reads a struct a form is editing: it gets a copy, or
// re-reads the record by ID.
var background = func(work func()) { go work() }

// onUI runs f on the UI goroutine, the only one that may touch widgets. The tests' asynchronous run
// replaces it with a queue the test drains, as the real window's event loop would.
var onUI = fyne.Do

// after runs f on the UI goroutine once d has passed. Tests run it at once.
var after = func(d time.Duration, f func()) { time.AfterFunc(d, func() { onUI(f) }) }

// keyEventDelay is how long a page change waits before it puts the keyboard in the new page: the Space
// that pressed Next is also typed as a character just after, which must not land in the new page's field.
const keyEventDelay = 100 * time.Millisecond

// focusSoon puts the keyboard on f once the key that changed the page has been handled.
func focusSoon(f fyne.Focusable) {
	after(keyEventDelay, func() {
		if o, ok := f.(fyne.CanvasObject); ok {
			if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
				c.Focus(f)
				trace("keyboard placed")
			}
		}
	})
}

// saveInBackground writes a dialog's record off the UI goroutine with write, which saves copied, a copy of
// edited (the dialog keeps its own to show again). Then, on the UI goroutine, edited takes the stamps the
// copy was given and saved runs; or the failure is logged as what failed, and again shows the dialog once
// more with what to fix.
func saveInBackground(what string, edited, copied data.Record, write func() error, saved func(), again func(problems string)) {
	background(func() {
		err := write()
		onUI(func() {
			if err != nil {
				fyne.LogError(what, err)
				again(plainText(err))
				return
			}
			data.TakeStamps(edited, copied)
			saved()
		})
	})
}
