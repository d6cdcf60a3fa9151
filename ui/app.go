// Package ui is Accord's window: a navigation list on the left and the chosen screen on the right.
// Database work runs off the UI goroutine and comes back through fyne.Do.
package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"accord/assets"
	"accord/data"
	"accord/i18n"
)

// AppID identifies Accord to the system (preferences, desktop integration); it matches FyneApp.toml.
const AppID = "org.accord.desktop"

var (
	// T is the one translation function every visible string goes through.
	T = i18n.T
	// now is the clock; tests set it.
	now     = time.Now
	started = time.Now()
	tracing = os.Getenv("ACCORD_TRACE") != ""
)

// trace prints start-up timings for `make bench` when ACCORD_TRACE is set.
func trace(what string) {
	if !tracing {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(os.Stderr, "trace: %s %d ms (Go heap %d MB in use, %d MB from the system; sys %d released %d)\n", what,
		time.Since(started).Milliseconds(), m.HeapInuse>>20, (m.HeapSys-m.HeapReleased)>>20, m.Sys>>20, m.HeapReleased>>20)
}

// Run opens the window on the data folder and returns when it is closed.
func Run(folder string) {
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("Icon.png", assets.Icon))
	w := a.NewWindow("Accord")
	w.Resize(fyne.NewSize(1100, 720))
	w.SetContent(loadingView(T("Opening your data…")))
	go openInBackground(w, folder)
	trace("window shown")
	w.ShowAndRun()
}

func loadingView(text string) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabel(text), bar))
}

// openInBackground opens the store off the UI goroutine, then shows the app or explains why it cannot.
func openInBackground(w fyne.Window, folder string) {
	s, err := data.Open(filepath.Join(folder, data.FileName), data.Options{})
	trace("store open")
	fyne.Do(func() {
		if err != nil {
			showOpenError(w, folder, err)
			return
		}
		w.SetOnClosed(func() { s.Close() })
		w.SetContent(newShell(s, w).buildUI())
		trace("ready")
	})
}

// showOpenError explains a data file that cannot be opened, with what to do, and offers to try again.
func showOpenError(w fyne.Window, folder string, err error) {
	fyne.LogError("open data in "+folder, err)
	message, advice := T("Accord could not open its data."), T("Check the data folder, then try again.")
	var oerr *data.OpenError
	if errors.As(err, &oerr) {
		message, advice = T(oerr.Message()), T(oerr.Advice())
	}
	w.SetContent(container.NewCenter(widget.NewLabel(T("Your data is not open."))))
	body := widget.NewLabel(message + "\n\n" + advice + "\n\n" + T("Data folder: %s", folder))
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(T("Accord cannot open your data"), T("Try again"), T("Close Accord"), body, func(retry bool) {
		if !retry {
			fyne.CurrentApp().Quit()
			return
		}
		w.SetContent(loadingView(T("Opening your data…")))
		go openInBackground(w, folder)
	}, w)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// showError tells the user, in one plain sentence, that something failed and what to do; the detail goes
// to the log.
func showError(w fyne.Window, what string, err error) {
	fyne.LogError(what, err)
	text := T("Something went wrong. Please try again.")
	var verr *data.ValidationError
	if errors.As(err, &verr) && len(verr.Problems) > 0 {
		p := verr.Problems[0]
		text = T(p.Message, p.Args...)
	}
	dialog.ShowInformation(T("Accord"), text, w)
}
