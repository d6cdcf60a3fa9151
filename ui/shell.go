package ui

import (
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

type navEntry struct {
	label  string
	icon   fyne.Resource
	screen screen
	view   fyne.CanvasObject
}

// shell is the window's frame: the navigation list and the chosen screen.
type shell struct {
	store   *data.Store
	win     fyne.Window
	entries []*navEntry
	nav     *widget.List
	content *fyne.Container

	partners   *partnersScreen
	agreements *agreementsScreen
}

func newShell(s *data.Store, w fyne.Window) *shell {
	sh := &shell{store: s, win: w}
	sh.partners = newPartnersScreen(s)
	sh.agreements = newAgreementsScreen(s)
	sh.entries = []*navEntry{
		{label: "Dashboard", icon: theme.HomeIcon(), screen: newDashboardScreen(s, sh)},
		{label: "Partners", icon: theme.AccountIcon(), screen: sh.partners},
		{label: "Agreements", icon: theme.DocumentIcon(), screen: sh.agreements},
	}
	return sh
}

func (sh *shell) buildUI() fyne.CanvasObject {
	sh.content = container.NewStack()
	sh.nav = widget.NewList(
		func() int { return len(sh.entries) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Agreements…"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(sh.entries[id].icon)
			row.Objects[1].(*widget.Label).SetText(T(sh.entries[id].label))
		},
	)
	sh.nav.OnSelected = sh.show
	sh.nav.Select(0)
	split := container.NewHSplit(sh.nav, sh.content)
	split.Offset = 0.16
	return split
}

// show switches to a screen, building it the first time and refreshing it after.
func (sh *shell) show(id widget.ListItemID) {
	e := sh.entries[id]
	if e.view == nil {
		e.view = e.screen.buildUI()
	} else {
		e.screen.refresh()
	}
	sh.content.Objects = []fyne.CanvasObject{e.view}
	sh.content.Refresh()
}

// open switches to a screen and selects one record on it.
func (sh *shell) open(target interface{ selectID(string) }, id string) {
	for i, e := range sh.entries {
		if any(e.screen) == any(target) {
			sh.nav.Select(i)
		}
	}
	target.selectID(id)
}
