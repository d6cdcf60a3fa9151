package ui

import (
	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// conflictsView lists the records two laptops changed at once and shows the chosen one's two versions
// side by side, field by field, to keep one of them.
type conflictsView struct {
	sy        *syncer
	conflicts []store.Conflict
	list      *widget.List
	pane      *fyne.Container
	dialog    *dialog.CustomDialog
}

// showConflicts reads the conflicts off the UI goroutine and opens the view on them.
func showConflicts(sy *syncer) {
	background(func() {
		cs, err := sy.store.Conflicts()
		onUI(func() {
			if err != nil {
				showError(sy.win, "list conflicts", err)
				return
			}
			cv := &conflictsView{sy: sy, conflicts: cs}
			cv.dialog = dialog.NewCustom(T("Records changed on two laptops"), T("Close"), cv.buildUI(), sy.win)
			cv.dialog.Resize(fyne.NewSize(1000, 620))
			cv.dialog.Show()
		})
	})
}

func (cv *conflictsView) buildUI() fyne.CanvasObject {
	cv.pane = container.NewStack(emptyPane(T("Choose a record to compare its versions.")))
	cv.list = widget.NewList(
		func() int { return len(cv.conflicts) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(conflictTitle(cv.conflicts[id]))
		})
	cv.list.OnSelected = func(id widget.ListItemID) { cv.show(cv.conflicts[id], 0) }
	about := widget.NewLabel(T("Two laptops changed these records before they had synced. Both versions are kept: keep one, or choose field by field and keep the mix. You can edit it afterwards."))
	about.Wrapping = fyne.TextWrapWord
	split := container.NewHSplit(cv.list, cv.pane)
	split.Offset = 0.28
	if len(cv.conflicts) > 0 {
		cv.list.Select(0)
	}
	return container.NewBorder(about, nil, nil, nil, split)
}

func conflictTitle(c store.Conflict) string {
	r := c.Current
	if r == nil && len(c.Losers) > 0 {
		r = c.Losers[0]
	}
	return T("%s (%s)", r.Title(), T(data.KindNoun(c.Kind)))
}

// show lays the current version beside the other one numbered which (there may be several).
func (cv *conflictsView) show(c store.Conflict, which int) {
	other := c.Losers[which]
	keepOther := widget.NewButtonWithIcon(T("Keep the other version"), theme.ConfirmIcon(), func() { cv.keep(c, other) })
	var rows []fyne.CanvasObject
	current := c.Current
	header := []fyne.CanvasObject{heading(T("Field")), heading(T("Now on this laptop")), heading(T("The other version"))}
	rows = append(rows, container.NewGridWithColumns(3, header...))
	rows = append(rows, container.NewGridWithColumns(3, widget.NewLabel(T("Changed")), wrapped(changedText(current)), wrapped(changedText(other))))
	if current == nil {
		rows = append(rows, widget.NewLabel(T("Now it is deleted for good. Keep the other version to bring it back.")))
		current = data.NewRecord(c.Kind)
	}
	diffs := differences(current, other)
	takeOther := make([]bool, len(diffs)) // a mix: which fields come from the other version
	for i, d := range diffs {
		choice := widget.NewRadioGroup([]string{T("as now"), T("as the other version")}, func(v string) { takeOther[i] = v == T("as the other version") })
		choice.SetSelected(T("as now"))
		rows = append(rows, container.NewGridWithColumns(3, container.NewVBox(heading(d.label), choice), wrapped(orNone(d.a)), wrapped(orNone(d.b))))
	}
	buttons := container.NewHBox(layout.NewSpacer(), keepOther)
	if c.Current != nil {
		keepNow := widget.NewButtonWithIcon(T("Keep the version now"), theme.ConfirmIcon(), func() { cv.keep(c, c.Current) })
		keepMix := widget.NewButtonWithIcon(T("Keep a mix, as chosen"), theme.ContentCopyIcon(), func() {
			mix, err := cv.sy.store.GetRecord(c.Kind, c.ID) // a copy of the version now, to mix into
			if err != nil {
				showError(cv.sy.win, "mix the versions of a conflict", err)
				return
			}
			for i, d := range diffs {
				if takeOther[i] {
					takeField(mix, other, d.field)
				}
			}
			cv.keep(c, mix)
		})
		if len(diffs) < 2 {
			keepMix.Hide() // with one field, a mix is one version or the other
		}
		buttons = container.NewGridWithColumns(3, container.NewHBox(keepMix), container.NewHBox(keepNow), container.NewHBox(keepOther))
	}
	top := fyne.CanvasObject(layout.NewSpacer())
	if len(c.Losers) > 1 {
		names := make([]string, len(c.Losers))
		for i := range c.Losers {
			names[i] = T("Other version %d of %d", i+1, len(c.Losers))
		}
		pick := newDropDown(names, nil)
		pick.SetSelectedIndex(which)
		pick.OnChanged = func(string) { cv.show(c, pick.SelectedIndex()) }
		top = pick
	}
	body := container.NewVBox(append(rows, widget.NewSeparator(), buttons)...)
	cv.pane.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, newPageScroll(body))}
	cv.pane.Refresh()
}

// keep resolves the conflict with one version; the list then shows what is left, and closes when nothing is.
func (cv *conflictsView) keep(c store.Conflict, r data.Record) {
	if err := cv.sy.store.ResolveConflict(c.Kind, data.MetaOf(r).ID, r); err != nil {
		showError(cv.sy.win, "resolve conflict", err)
		return
	}
	for i, x := range cv.conflicts {
		if x.Kind == c.Kind && x.ID == c.ID {
			cv.conflicts = append(cv.conflicts[:i], cv.conflicts[i+1:]...)
			break
		}
	}
	cv.sy.showStatus()
	cv.sy.changed()
	if len(cv.conflicts) == 0 {
		cv.dialog.Hide()
		return
	}
	cv.list.UnselectAll()
	cv.list.Refresh()
	cv.pane.Objects = []fyne.CanvasObject{emptyPane(T("Choose a record to compare its versions."))}
	cv.pane.Refresh()
}

// changedText says when a version was made.
func changedText(r data.Record) string {
	if r == nil {
		return ""
	}
	return whenText(data.MetaOf(r).UpdatedAt)
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func orNone(s string) string {
	if s == "" {
		return T("(empty)")
	}
	return s
}
