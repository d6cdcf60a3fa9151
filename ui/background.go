package ui

import "fyne.io/fyne/v2"

// background runs work off the UI goroutine — saves, searches, counts, PDFs, file reads — and the work
// hands its results back through onUI. Work never reads a struct a form is editing: it gets a copy, or
// re-reads the record by ID.
var background = func(work func()) { go work() }

// onUI runs f on the UI goroutine, the only one that may touch widgets. The tests' asynchronous run
// replaces it with a queue the test drains, as the real window's event loop would.
var onUI = fyne.Do
