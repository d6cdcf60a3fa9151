package ui

// background runs work off the UI goroutine — searches, counts, PDFs, file reads — and the work hands its
// results back through fyne.Do. Tests replace it to run the work in place, so each step they drive has
// finished before the next.
var background = func(work func()) { go work() }
