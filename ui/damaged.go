package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/store"
)

// offerRepair tells, as the window opens, of records the disk damaged (their bytes no longer match their
// checksum, so the store set them aside), and offers to take them back from the backups.
func (sh *shell) offerRepair() {
	damaged := sh.store.Damaged()
	if len(damaged) == 0 {
		return
	}
	keys := make([]string, len(damaged))
	for i, d := range damaged {
		keys[i] = d.Key()
	}
	text := T("Records damaged on disk: %d. What is stored no longer matches its checksum, so Accord has set them aside: they are in no list until they are taken back. Take them back from the newest backups that hold them intact?", len(damaged))
	var dlg *dialog.CustomDialog
	later := newKeyButton(T("Not now"), theme.CancelIcon(), func() { dlg.Hide() })
	repair := newKeyButton(T("Take them back"), theme.HistoryIcon(), func() {
		dlg.Hide()
		sh.repair()
	})
	repair.Importance = widget.HighImportance
	body := container.NewVBox(wrapped(text), wrapped(strings.Join(keys, "\n")))
	dlg = dialog.NewCustomWithoutButtons(T("Damaged records"), body, sh.win)
	dlg.SetButtons([]fyne.CanvasObject{later, repair})
	dlg.Resize(scaled(600, 260))
	dlg.Show()
	sh.win.Canvas().Focus(repair)
}

// repair takes damaged records back off the UI goroutine, then says what became of each.
func (sh *shell) repair() {
	background(func() {
		repaired, err := sh.store.Repair()
		onUI(func() {
			if err != nil {
				showError(sh.win, "repair damaged records", err)
				return
			}
			sh.sync.changed()
			report := dialog.NewCustom(T("Damaged records"), T("Close"), wrapped(repairReport(repaired)), sh.win)
			report.Resize(scaled(600, 260))
			report.Show()
		})
	})
}

func repairReport(repaired []store.Repaired) string {
	lines := make([]string, len(repaired))
	for i, r := range repaired {
		lines[i] = r.Describe(T)
	}
	return strings.Join(lines, "\n")
}
