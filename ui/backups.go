package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// backupsScreen lists the backups Accord keeps and restores one; it also backs up to a chosen place (a USB
// stick), restores from one, and exports or imports everything as JSON.
type backupsScreen struct {
	store   *store.Store
	win     fyne.Window
	backups []store.BackupFile
	list    *keyList
	summary *widget.Label
}

func newBackupsScreen(s *store.Store, w fyne.Window) *backupsScreen {
	return &backupsScreen{store: s, win: w}
}

func (bs *backupsScreen) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(T("Backups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	about := widget.NewLabel(T("Accord backs up your data the first time it opens each day, and before every restore and import. It keeps one backup a day for %s and one a week for %s, in %s.",
		N(store.KeepDaily, "%d day", "%d days"), N(store.KeepWeekly, "%d week", "%d weeks"),
		filepath.Join(bs.store.Dir(), store.BackupFolder)))
	about.Wrapping = fyne.TextWrapWord
	bs.summary = widget.NewLabel("")
	bs.summary.Wrapping = fyne.TextWrapWord
	actions := flowRow(
		widget.NewButtonWithIcon(T("Back up now…"), theme.DocumentSaveIcon(), bs.onBackUpNow),
		widget.NewButtonWithIcon(T("Restore from a file…"), theme.FolderOpenIcon(), bs.onRestoreFromFile),
		widget.NewButtonWithIcon(T("Export everything as JSON…"), theme.UploadIcon(), bs.onExport),
		widget.NewButtonWithIcon(T("Import a JSON export…"), theme.DownloadIcon(), bs.onImport),
	)
	bs.list = newKeyList(
		func() int { return len(bs.backups) },
		func() fyne.CanvasObject {
			restore := widget.NewButtonWithIcon(T("Restore…"), theme.HistoryIcon(), nil)
			return container.NewBorder(nil, nil, nil, restore, titleAndDetails())
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			b := bs.backups[id]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(whenText(b.Made))
			texts[1].(*widget.Label).SetText(joinNonEmpty(" · ", T(b.Reason.Description()), sizeText(b.Size), filepath.Base(b.Path)))
			row.Objects[1].(*widget.Button).OnTapped = func() { bs.onRestore(b.Path, whenText(b.Made)+" — "+T(b.Reason.Description())) }
		},
	)
	top := container.NewVBox(title, about, actions, widget.NewSeparator(), bs.summary)
	bs.refresh()
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, bs.list)
}

// refresh lists the backups off the UI goroutine.
func (bs *backupsScreen) refresh() {
	background(func() {
		list, err := store.ListBackups(bs.store.Dir())
		onUI(func() {
			if err != nil {
				fyne.LogError("list backups", err)
			}
			bs.backups = list
			bs.summary.SetText(T("No backup yet: Accord makes the first when it next opens, or use Back up now."))
			if len(list) > 0 {
				bs.summary.SetText(N(len(list), "%d backup.", "%d backups.") + " " + T("The newest: %s.", whenText(list[0].Made)))
			}
			bs.list.Refresh()
		})
	})
}

// onRestore shows what a backup holds, checked off the UI goroutine, beside what the data holds now, and
// restores it when the user confirms.
func (bs *backupsScreen) onRestore(path, description string) {
	body := widget.NewLabel(T("Checking the backup…"))
	body.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	restore := widget.NewButtonWithIcon(T("Restore this backup"), theme.HistoryIcon(), func() {
		d.Hide()
		bs.restore(path)
	})
	restore.Importance = widget.HighImportance
	restore.Disable()
	cancel := widget.NewButton(T("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(T("Restore a backup"), container.NewVBox(widget.NewLabel(description), body), bs.win)
	d.SetButtons([]fyne.CanvasObject{cancel, restore})
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
	background(func() {
		info, err := store.InspectBackup(path, store.Options{})
		now := bs.store.Contents()
		onUI(func() {
			if err != nil {
				fyne.LogError("check backup "+path, err)
				body.SetText(plainText(err))
				return
			}
			lines := []string{T("This backup holds: %s.", info.Describe(T, N))}
			if !info.LastChange.IsZero() {
				lines = append(lines, T("Last change in it: %s.", whenText(info.LastChange)))
			}
			lines = append(lines, T("Your data now holds: %s.", now.Describe(T, N)),
				T("Your data as it is now is backed up first, so you can go back to it."))
			body.SetText(strings.Join(lines, "\n\n"))
			restore.Enable()
		})
	})
}

func (bs *backupsScreen) onRestoreFromFile() {
	chooseOpen(bs.win, []string{".db"}, func(path string) { bs.onRestore(path, T("File: %s", path)) })
}

// restore closes the store, restores the backup and opens the data again.
func (bs *backupsScreen) restore(path string) {
	restoreAndReopen(bs.win, bs.store.Dir(), func() (store.RestoreResult, error) {
		bs.store.Close()
		return store.Restore(bs.store.Path(), path, store.Options{})
	})
}

func (bs *backupsScreen) onBackUpNow() { chooseFolder(bs.win, bs.backUpTo) }

// backUpTo writes a backup into a folder the user chose, under a new name: an older backup there, perhaps
// the only other copy, is never overwritten.
func (bs *backupsScreen) backUpTo(dir string) {
	path := freshName(dir, "accord-backup-", ".db")
	bs.runJob(T("Backing up…"), "back up to "+path, func() (string, error) {
		return T("Your data is backed up in %s.", path), bs.store.BackupTo(path)
	})
}

func (bs *backupsScreen) onExport() { chooseFolder(bs.win, bs.exportTo) }

func (bs *backupsScreen) exportTo(dir string) {
	path := freshName(dir, "accord-export-", ".json")
	bs.runJob(T("Exporting…"), "export to "+path, func() (string, error) {
		return T("Everything was exported to %s. Any text editor can open it.", path), bs.store.ExportJSONFile(path)
	})
}

// freshName names a new file in dir after today's date and time, never the name of a file that exists.
func freshName(dir, prefix, ext string) string {
	base := filepath.Join(dir, prefix+now().Format("2006-01-02-1504"))
	path := base + ext
	for n := 2; fileExists(path); n++ {
		path = fmt.Sprintf("%s-%d%s", base, n, ext)
	}
	return path
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func (bs *backupsScreen) onImport() {
	chooseOpen(bs.win, []string{".json"}, bs.importFrom)
}

// importFrom imports a JSON export and says what it added, updated and skipped, or lists every problem.
func (bs *backupsScreen) importFrom(path string) {
	bs.runJob(T("Importing…"), "import "+path, func() (string, error) {
		f, err := os.Open(path)
		if err != nil {
			return "", &data.PlainError{Message: "Accord cannot read the file %s.", Args: []any{path},
				Advice: "Check that it is there (is the USB stick plugged in?), then try again. Nothing was imported.", Err: err}
		}
		defer f.Close()
		sum, err := bs.store.ImportJSON(f)
		if err == nil && sum.Changed() {
			err = bs.store.LoadIndex() // here, off the UI goroutine, since the import left it to load again
		}
		return strings.Join(sum.Describe(T, N), "\n"), err
	})
}

// runJob runs file work off the UI goroutine behind a progress dialog, then shows what it did or why it
// failed, in a scrolling dialog when there is a lot to say.
func (bs *backupsScreen) runJob(title, what string, job func() (string, error)) {
	progress := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), bs.win)
	progress.Show()
	background(func() {
		done, err := job()
		onUI(func() {
			progress.Hide()
			bs.refresh()
			if err != nil {
				fyne.LogError(what, err)
				done = plainText(err)
			}
			report := widget.NewLabel(done)
			report.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustom(T("Accord"), T("Close"), container.NewVScroll(report), bs.win)
			d.Resize(fyne.NewSize(620, min(520, 160+float32(strings.Count(done, "\n"))*24)))
			d.Show()
		})
	})
}

// plainText is what the user reads about an error: what happened, what to do, and below, for an import,
// every problem with its line.
func plainText(err error) string {
	lines := []string{data.Explain(err, T)}
	if details := data.Details(err, T); len(details) > 0 {
		lines = append(append(lines, ""), details...)
	}
	return strings.Join(lines, "\n")
}

// restoreAndReopen runs a restore off the UI goroutine while the window says so, opens the data again
// (restored or, if the restore failed, as it was) and then tells the user what happened.
func restoreAndReopen(w fyne.Window, folder string, restore func() (store.RestoreResult, error)) {
	w.SetContent(loadingView(T("Restoring your data…")))
	background(func() {
		res, err := restore()
		if err != nil {
			fyne.LogError("restore", err)
		}
		openInBackground(w, folder, func() { showRestored(w, res, err) })
	})
}

func showRestored(w fyne.Window, res store.RestoreResult, err error) {
	text := plainText(err)
	if err == nil {
		lines := []string{T("Your data was restored. It holds: %s.", res.Restored.Describe(T, N))}
		switch {
		case res.Damaged:
			lines = append(lines, T("The damaged data file was kept, unchanged, as %s.", res.Previous))
		case res.Previous != "":
			lines = append(lines, T("Your data as it was before is kept in the backup %s, if you need it.", res.Previous))
		}
		if n := len(res.Refused); n > 0 {
			lines = append(lines, N(n, "%d newer backup was damaged and was skipped.", "%d newer backups were damaged and were skipped."))
		}
		if flawed := res.Restored.DescribeFlawed(T); len(flawed) > 0 {
			lines = append(lines, strings.Join(flawed, "\n"))
		}
		text = strings.Join(lines, "\n\n")
	}
	report := widget.NewLabel(text)
	report.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(T("Restore"), T("Close"), report, w)
	d.Resize(fyne.NewSize(560, 280))
	d.Show()
}

// lastFolder is the preference that remembers the folder the user last saved into or opened a file from.
const lastFolder = "lastFolder"

// chooseFolder asks for a folder to save into — a USB stick, say — starting in the folder used last.
// Accord names the file itself, so the user has one decision to make and nothing to overwrite.
func chooseFolder(w fyne.Window, then func(dir string)) {
	chooseFolderTo(w, T("Choose where to save, such as your USB stick"), T("Save here"), then)
}

// chooseFolderTo asks for a folder, saying what for, starting in the folder used last.
func chooseFolderTo(w fyne.Window, title, confirm string, then func(dir string)) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		fyne.CurrentApp().Preferences().SetString(lastFolder, dir.Path())
		then(dir.Path())
	}, w)
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	startIn(d, lastUsedFolder())
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// chooseOpen asks for a file with one of the extensions, in the folder used last.
func chooseOpen(w fyne.Window, extensions []string, then func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		fyne.CurrentApp().Preferences().SetString(lastFolder, filepath.Dir(path))
		then(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	startIn(d, lastUsedFolder())
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// lastUsedFolder is where file dialogs start: the folder used last, else Documents.
func lastUsedFolder() string {
	if dir := fyne.CurrentApp().Preferences().String(lastFolder); isDir(dir) {
		return dir
	}
	return documentsFolder()
}

// whenText says when something happened, the way a volunteer says it: today, yesterday, or the date.
func whenText(t time.Time) string {
	local := t.In(now().Location())
	clock := local.Format("15:04")
	switch data.DateOf(local).DaysUntil(data.DateOf(now())) {
	case 0:
		return T("Today at %s", clock)
	case 1:
		return T("Yesterday at %s", clock)
	}
	return longDate(data.DateOf(local)) + " " + clock
}
