// Package ui is Accord's window: a navigation list on the left and the chosen screen on the right.
// Database work runs off the UI goroutine and comes back through fyne.Do.
package ui

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/assets"
	"accord/data"
	"accord/i18n"
	"accord/store"
	"accord/syncfolder"
)

// AppID identifies Accord to the system (preferences, desktop integration); it matches FyneApp.toml.
const AppID = "org.accord.desktop"

var (
	// T is the one translation function every visible string goes through; N, for a sentence that counts,
	// picks the form the language gives the number ("1 partner", "0 partenaire").
	T = i18n.T
	N = i18n.N
	// now is the clock; tests set it.
	now     = time.Now
	started = time.Now()
	tracing = os.Getenv("ACCORD_TRACE") != ""
)

// trace prints start-up timings for `make bench`, and the moments the end-to-end tests wait for, when
// ACCORD_TRACE is set.
func trace(what string) {
	if !tracing {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(os.Stderr, "trace: %s %d ms (Go heap %d MB in use, %d MB from the system; sys %d released %d)\n", what, // i18n:same
		time.Since(started).Milliseconds(), m.HeapInuse>>20, (m.HeapSys-m.HeapReleased)>>20, m.Sys>>20, m.HeapReleased>>20)
}

// Run opens the window of the app main made (see main.go) on the data folder and returns when it is closed.
// The app is made outside this package so that the screens, and their tests, never compile the OpenGL
// driver: its bindings alone take minutes to build.
func Run(a fyne.App, folder string) {
	a.SetIcon(fyne.NewStaticResource("Icon.png", assets.Icon))
	keepWholeFiles()
	applyLanguage(a)
	applyLook(a)
	// Parse the text font on the other core while the window is made: the first frame's sentence would
	// otherwise wait for it (about 25 ms on a slow laptop).
	go fyne.MeasureText(T("Opening your data…"), theme.TextSize(), fyne.TextStyle{})
	w := a.NewWindow("Accord") // i18n:same
	w.Resize(fyne.NewSize(1100, 720))
	loading := loadingView(T("Opening your data…"))
	w.SetContent(container.NewStack(loading, onFirstPaint(func() { background(func() { openInBackground(w, folder, nil) }) })))
	go followFocus(w)
	trace("window shown")
	w.ShowAndRun()
}

func loadingView(text string) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabel(text), bar))
}

// firstPaintWait is how long onFirstPaint waits for the window to be painted before it goes on anyway (a
// window that starts hidden or minimised is not painted).
const firstPaintWait = 2 * time.Second

// onFirstPaint is an invisible object that runs start once the window's first frame is painted, or after
// firstPaintWait. The data opens then: on a laptop with two cores, opening it beside the start of the
// window delayed the first frame by a third. The object is drawn during that frame's painting, so start
// waits on the UI goroutine's queue until the frame is on the screen.
func onFirstPaint(start func()) fyne.CanvasObject {
	var once sync.Once
	time.AfterFunc(firstPaintWait, func() { once.Do(start) })
	return canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() { onUI(start) })
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // one transparent pixel, stretched
	})
}

// openInBackground opens the store off the UI goroutine, then shows the app or explains why it cannot; then,
// if given, runs on the UI goroutine after either. Once the data shows, the day's backup and the Trash's
// clean-up run in the background.
func openInBackground(w fyne.Window, folder string, then func()) {
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err == nil {
		if err = s.LoadIndex(); err != nil { // here, so that no list waits for it on the UI goroutine
			s.Close()
		}
	}
	// The window now holds every record (90 MB at 10,000 partners), and Go lets its heap grow to twice
	// what is held before it collects: half as much room over it leaves an old laptop's memory to the rest
	// of its work, for a collection every few clicks rather than every dozen. (Not before: at the start,
	// while the heap is small, it only meant more collections beside the first frame.)
	debug.SetGCPercent(50)
	trace("store open")
	onUI(func() {
		if err != nil {
			showOpenError(w, folder, err)
		} else {
			w.SetOnClosed(func() { s.Close() })
			showData(w, s, dashboardID)
			trace("ready")
			background(func() { dailyCare(w, s) })
			background(func() { warnSyncedDataFolder(w, folder) })
		}
		if then != nil {
			then()
		}
	})
}

// warnSyncedDataFolder says at once when the data folder is inside a folder a sync program keeps in step:
// the live database copied mid-write can be damaged, so this cannot wait for a visit to Settings.
func warnSyncedDataFolder(w fyne.Window, folder string) {
	if warn := syncfolder.DataFolderWarning(folder); warn != nil {
		onUI(func() { dialog.ShowInformation(T("Your data folder is in a synced folder"), plainText(warn), w) })
	}
}

// dailyCare makes the day's automatic backup and empties old records from the Trash, and says so only if
// that fails.
func dailyCare(w fyne.Window, s *store.Store) {
	if _, err := s.DailyCare(); err != nil {
		fyne.LogError("daily backup", err)
		onUI(func() { dialog.ShowInformation(T("Today's automatic backup"), plainText(err), w) })
	}
}

// showOpenError explains a data file that cannot be opened, with what to do, and offers to try again. For
// a damaged file it offers to restore the newest good backup, or a backup the user picks (on a USB stick);
// the damaged file is kept aside either way.
func showOpenError(w fyne.Window, folder string, err error) {
	fyne.LogError("open data in "+folder, err)
	w.SetContent(container.NewCenter(widget.NewLabel(T("Your data is not open."))))
	body := widget.NewLabel(plainText(err) + "\n\n" + T("Data folder: %s", folder))
	body.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(body)
	// Buttons of our own rather than a confirm dialog's: hiding a confirm dialog answers it, and its "no"
	// here would close Accord.
	var d *dialog.CustomDialog
	retry := widget.NewButtonWithIcon(T("Try again"), theme.ViewRefreshIcon(), func() {
		d.Hide()
		w.SetContent(loadingView(T("Opening your data…")))
		background(func() { openInBackground(w, folder, nil) })
	})
	retry.Importance = widget.HighImportance
	quit := widget.NewButtonWithIcon(T("Close Accord"), theme.CancelIcon(), func() { fyne.CurrentApp().Quit() })
	if data.CodeOf(err) == data.CodeDamaged {
		dbPath := filepath.Join(folder, store.FileName)
		newest := widget.NewButtonWithIcon(T("Restore the newest good backup"), theme.HistoryIcon(), func() {
			d.Hide()
			restoreAndReopen(w, folder, func() (store.RestoreResult, error) { return store.RestoreNewest(dbPath, store.Options{}) })
		})
		newest.Importance = widget.HighImportance
		retry.Importance = widget.MediumImportance // restoring is the way out; trying again is not
		pick := widget.NewButtonWithIcon(T("Choose a backup file…"), theme.FolderOpenIcon(), func() {
			chooseOpen(w, []string{".db"}, func(path string) {
				d.Hide()
				restoreAndReopen(w, folder, func() (store.RestoreResult, error) { return store.Restore(dbPath, path, store.Options{}) })
			})
		})
		content.Add(container.NewHBox(newest, pick))
	}
	d = dialog.NewCustomWithoutButtons(T("Accord cannot open your data"), content, w)
	d.SetButtons([]fyne.CanvasObject{quit, retry})
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// showError tells the user, in one plain sentence, that something failed and what to do; the detail goes
// to the log.
func showError(w fyne.Window, what string, err error) {
	fyne.LogError(what, err)
	dialog.ShowInformation(T("Accord"), plainText(err), w)
}
