package ui

import (
	"strings"

	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// screen is one page of the window.
type screen interface {
	buildUI() fyne.CanvasObject
	// refresh reloads what the screen shows after the data changed elsewhere.
	refresh()
}

// screenID names a screen of the window for code that goes to one; its label is only what the user reads.
type screenID int

const (
	dashboardID screenID = iota
	partnersID
	agreementsID
	evaluationsID
	activitiesID
	needsID
	mapsID
	trashID
	backupsID
	settingsID
)

type navEntry struct {
	id     screenID
	label  string
	icon   fyne.Resource
	screen screen
	view   fyne.CanvasObject
}

// shell is the window's frame: the navigation list and the chosen screen.
type shell struct {
	store   *store.Store
	win     fyne.Window
	entries []*navEntry
	nav     *widget.List
	content *fyne.Container
	current *navEntry
	// reverting is set while the navigation is made to show the current screen, not a user's choice.
	reverting bool

	partners    *partnersScreen
	agreements  *agreementsScreen
	evaluations *evaluationsScreen
	maps        *mapsScreen
	sync        *syncer
}

// i18n:keys: shown translated, so each string here is a translation key.
func newShell(s *store.Store, w fyne.Window) *shell {
	sh := &shell{store: s, win: w, sync: newSyncer(s, w)}
	sh.sync.changed = func() {
		if sh.current != nil {
			sh.current.screen.refresh()
		}
	}
	sh.partners = newPartnersScreen(s, w)
	sh.agreements = newAgreementsScreen(s, w)
	sh.evaluations = newEvaluationsScreen(s, w)
	sh.maps = newMapsScreen(s, sh)
	sh.partners.showOnMap = func(id string) { sh.open(sh.maps, id) }
	sh.entries = []*navEntry{
		{id: dashboardID, label: "Dashboard", icon: theme.HomeIcon(), screen: newDashboardScreen(s, sh)},
		{id: partnersID, label: "Partners", icon: theme.AccountIcon(), screen: sh.partners},
		{id: agreementsID, label: "Agreements", icon: theme.DocumentIcon(), screen: sh.agreements},
		{id: evaluationsID, label: "Evaluations", icon: theme.ConfirmIcon(), screen: sh.evaluations},
		{id: activitiesID, label: "Activities", icon: theme.CalendarIcon(), screen: newActivitiesScreen(s, w)},
		{id: needsID, label: "Needs", icon: theme.WarningIcon(), screen: newNeedsScreen(s, w)},
		{id: mapsID, label: "Maps", icon: theme.GridIcon(), screen: sh.maps},
		{id: trashID, label: "Trash", icon: theme.DeleteIcon(), screen: newTrashScreen(s, w)},
		{id: backupsID, label: "Backups", icon: theme.HistoryIcon(), screen: newBackupsScreen(s, w)},
		{id: settingsID, label: "Settings", icon: theme.SettingsIcon(), screen: newSettingsScreen(s, sh)},
	}
	return sh
}

func (sh *shell) buildUI() fyne.CanvasObject {
	sh.content = container.NewStack()
	longest := ""
	for _, e := range sh.entries {
		if l := T(e.label); textWidth(l) > textWidth(longest) {
			longest = l
		}
	}
	sh.nav = widget.NewList(
		func() int { return len(sh.entries) },
		func() fyne.CanvasObject { // as wide as the longest name, so the sidebar never cuts one
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(longest))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(sh.entries[id].icon)
			row.Objects[1].(*widget.Label).SetText(T(sh.entries[id].label))
		},
	)
	sh.nav.OnSelected = sh.show
	sh.nav.Select(0)
	sh.win.SetMainMenu(sh.menu())
	sh.win.Canvas().SetOnTypedKey(closeDialogOnEscape(sh.win))
	sh.win.SetOnDropped(sh.onDropped)
	split := container.NewHSplit(container.NewBorder(nil, container.NewPadded(sh.sync.statusUI()), nil, nil, sh.nav), sh.content)
	split.Offset = 0.16
	return split
}

// onDropped takes in the answers files dropped on the window, on the Evaluations screen, after showing
// what they change; other files are left alone.
func (sh *shell) onDropped(_ fyne.Position, uris []fyne.URI) {
	var answers []fyne.URI
	for _, u := range uris {
		if strings.EqualFold(u.Extension(), data.AnswersExtension) {
			answers = append(answers, u)
		}
	}
	if len(answers) > 0 {
		sh.goTo(evaluationsID)
		sh.evaluations.importAnswers(answers)
	}
}

// show switches to a screen, building it the first time and refreshing it after. A screen with unsaved
// changes is asked first; until it agrees, the navigation keeps showing it.
func (sh *shell) show(id widget.ListItemID) {
	if sh.reverting || sh.entries[id] == sh.current {
		return
	}
	if l, ok := sh.screenOf(sh.current).(interface{ leave(func()) }); ok {
		l.leave(func() { sh.switchTo(id) })
		sh.markCurrent()
		return
	}
	sh.switchTo(id)
}

func (sh *shell) switchTo(id widget.ListItemID) {
	e := sh.entries[id]
	if e.view == nil {
		e.view = e.screen.buildUI()
	} else {
		e.screen.refresh()
	}
	sh.current = e
	sh.content.Objects = []fyne.CanvasObject{e.view}
	sh.content.Refresh()
	sh.markCurrent()
	trace("screen " + e.label)
}

func (sh *shell) markCurrent() {
	for i, e := range sh.entries {
		if e == sh.current {
			sh.reverting = true
			sh.nav.Select(i)
			sh.reverting = false
		}
	}
}

func (sh *shell) screenOf(e *navEntry) screen {
	if e == nil {
		return nil
	}
	return e.screen
}

// open switches to a screen and selects one record on it, asking first, as a click would, when the
// screen showing holds unsaved changes.
func (sh *shell) open(target interface{ selectID(string) }, id string) {
	for i, e := range sh.entries {
		if any(e.screen) != any(target) {
			continue
		}
		if e == sh.current {
			target.selectID(id) // which asks, if the record open holds unsaved changes
			return
		}
		proceed := func() {
			sh.switchTo(i)
			target.selectID(id)
		}
		if l, ok := sh.screenOf(sh.current).(interface{ leave(func()) }); ok {
			l.leave(proceed)
			return
		}
		proceed()
	}
}

// goTo shows a screen, asking first, as a click on it would, if the screen showing has unsaved changes.
func (sh *shell) goTo(id screenID) {
	for i, e := range sh.entries {
		if e.id == id {
			sh.nav.Select(i)
		}
	}
}

// relabel builds every screen again in the language just chosen, and comes back to the one showing.
func (sh *shell) relabel() {
	id := dashboardID
	if sh.current != nil {
		id = sh.current.id
	}
	showData(sh.win, sh.store, id)
}

// openRef opens a record on the screen that shows its kind.
func (sh *shell) openRef(r data.Ref) {
	for _, e := range sh.entries {
		if s, ok := e.screen.(interface {
			selectID(string)
			shows() data.Kind
		}); ok && s.shows() == r.Kind {
			sh.open(s, r.ID)
			return
		}
	}
}
