package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/store"
	"accord/syncfolder"
)

// syncEvery is how often the window looks at the sync folder while it is open; the look only lists file
// names, so it costs nothing when nothing changed.
var syncEvery = 3 * time.Minute

// syncer runs sync rounds for one window's data — when the screens open, on Sync now, and every few
// minutes — one at a time and off the UI goroutine, and keeps the status line under the navigation up to
// date.
type syncer struct {
	store     *store.Store
	win       fyne.Window
	status    *widget.Label
	conflicts *widget.Button
	running   bool
	// changed runs on the UI goroutine after a round brought changes in, so the screens show them.
	changed func()
	// done, when set, hears of every finished round (Settings shows the report).
	done func(syncfolder.Report, error)
	// last is the report of the last round, which Settings shows when it opens.
	last *syncfolder.Report
}

func newSyncer(s *store.Store, w fyne.Window) *syncer {
	sy := &syncer{store: s, win: w, status: widget.NewLabel(""), changed: func() {}}
	sy.status.SizeName = theme.SizeNameCaptionText
	sy.status.Wrapping = fyne.TextWrapWord
	sy.conflicts = widget.NewButtonWithIcon("", theme.WarningIcon(), func() { showConflicts(sy) })
	sy.conflicts.Importance = widget.WarningImportance
	sy.conflicts.Hide()
	return sy
}

// statusUI is the status line and, when records wait to be compared, the button that shows them.
func (sy *syncer) statusUI() fyne.CanvasObject {
	return container.NewVBox(sy.conflicts, sy.status)
}

// start syncs once now and then every syncEvery for as long as alive says the window still shows this
// data; without a sync folder it only shows that there is none.
func (sy *syncer) start(alive func() bool) {
	sy.showStatus()
	if syncfolder.Folder(sy.store) == "" {
		return
	}
	sy.now()
	go func() {
		for range time.Tick(syncEvery) {
			ok := false
			fyne.DoAndWait(func() { ok = alive() })
			if !ok {
				return
			}
			folder := syncfolder.Folder(sy.store)
			if pending, err := syncfolder.Pending(sy.store, folder); err == nil && pending {
				onUI(sy.now)
			}
		}
	}()
}

// now runs a round with the remembered folder.
func (sy *syncer) now() { sy.roundWith(syncfolder.Folder(sy.store)) }

// roundWith runs a round in the background, unless one is running, then shows what it did. A folder not
// yet remembered is remembered by the round.
func (sy *syncer) roundWith(folder string) {
	if sy.running || folder == "" {
		return
	}
	sy.running = true
	sy.status.SetText(T("Syncing…"))
	background(func() {
		rep, err := syncfolder.Round(sy.store, folder)
		onUI(func() { sy.finished(folder, rep, err) })
	})
}

func (sy *syncer) finished(folder string, rep syncfolder.Report, err error) {
	sy.running = false
	if err != nil {
		fyne.LogError("sync with "+folder, err)
	}
	sy.showStatus()
	if err != nil {
		sy.status.SetText(T("The last sync did not work: %s", plainText(err)))
	} else {
		sy.last = &rep
		if len(rep.Details(T)) > 0 {
			sy.status.SetText(sy.status.Text + " " + T("Some records were set aside: Settings says which."))
		}
	}
	if err == nil && rep.In > 0 {
		sy.changed()
	}
	if sy.done != nil {
		sy.done(rep, err)
	}
}

// showStatus says when the last round was and what it carried, and how many records wait to be compared.
func (sy *syncer) showStatus() {
	st, err := sy.store.SyncState()
	switch {
	case err != nil || syncfolder.Folder(sy.store) == "":
		sy.status.SetText(T("Not syncing with other laptops."))
	case st.LastRound.IsZero():
		sy.status.SetText(T("Not synced yet."))
	default:
		sy.status.SetText(T("Last sync: %s. %s in, %s out.", whenText(st.LastRound), N(st.LastIn, "%d change", "%d changes"),
			N(st.LastOut, "%d change", "%d changes")))
	}
	background(func() {
		cs, err := sy.store.Conflicts()
		onUI(func() {
			if err != nil || len(cs) == 0 {
				sy.conflicts.Hide()
				return
			}
			sy.conflicts.SetText(N(len(cs), "%d record to compare", "%d records to compare"))
			sy.conflicts.Show()
		})
	})
}

// syncSection is the part of Settings that chooses the shared folder, syncs now, and warns when the data
// folder itself is inside a folder a sync program keeps in step.
func (sy *syncer) syncSection() fyne.CanvasObject {
	about := widget.NewLabel(T("Several laptops can share the same records through a folder that Syncthing, a cloud drive or a USB stick passed round keeps in step. Accord writes there only its own files and never the data itself."))
	about.Wrapping = fyne.TextWrapWord
	folder := wrapped(T("No sync folder is chosen yet."))
	if f := syncfolder.Folder(sy.store); f != "" {
		folder.SetText(T("Shared folder: %s", f))
	}
	report := widget.NewLabel("")
	report.Wrapping = fyne.TextWrapWord
	if sy.last != nil {
		report.SetText(describeRound(*sy.last))
	}
	sy.done = func(rep syncfolder.Report, err error) {
		if f := syncfolder.Folder(sy.store); f != "" {
			folder.SetText(T("Shared folder: %s", f))
		}
		if err != nil {
			report.SetText(plainText(err))
			return
		}
		report.SetText(describeRound(rep))
	}
	choose := widget.NewButtonWithIcon(T("Choose the shared folder…"), theme.FolderOpenIcon(), func() {
		chooseFolderTo(sy.win, T("Choose the folder to share with your other laptops"), T("Share this folder"), sy.onChoose)
	})
	now := widget.NewButtonWithIcon(T("Sync now"), theme.ViewRefreshIcon(), sy.now)
	box := container.NewVBox(about, folder, flowRow(choose, now), report)
	if warn := syncfolder.DataFolderWarning(sy.store.Dir()); warn != nil {
		w := widget.NewLabel(plainText(warn))
		w.Wrapping = fyne.TextWrapWord
		w.Importance = widget.DangerImportance
		box.Objects = append([]fyne.CanvasObject{w}, box.Objects...)
	}
	return box
}

// onChoose syncs with a newly chosen folder. When this laptop and the folder both already hold data, the
// two are about to be combined, so the user is asked first.
func (sy *syncer) onChoose(folder string) {
	background(func() {
		first, err := syncfolder.FirstMeeting(sy.store, folder)
		onUI(func() {
			start := func() { sy.roundWith(folder) }
			if err != nil || !first {
				start()
				return
			}
			dialog.ShowConfirm(T("Combine the data of two laptops?"),
				T("This laptop already holds records, and so does the shared folder. Accord will combine them, after a backup: nothing is lost, and a record changed on both shows both versions for you to compare."),
				func(ok bool) {
					if ok {
						start()
					}
				}, sy.win)
		})
	})
}

// describeRound is what a round did, with what it set aside below, one line each.
func describeRound(rep syncfolder.Report) string {
	return strings.Join(append([]string{rep.Describe(T, N)}, rep.Details(T)...), "\n")
}
