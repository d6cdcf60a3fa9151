package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// dashboardScreen shows headline counts and what needs attention, computed off the UI goroutine.
type dashboardScreen struct {
	store *data.Store
	shell *shell
	body  *fyne.Container
}

func newDashboardScreen(s *data.Store, sh *shell) *dashboardScreen {
	return &dashboardScreen{store: s, shell: sh}
}

func (ds *dashboardScreen) buildUI() fyne.CanvasObject {
	ds.body = container.NewVBox(widget.NewLabel(T("Counting…")))
	ds.refresh()
	return container.NewVScroll(container.NewPadded(ds.body))
}

func (ds *dashboardScreen) refresh() {
	background(func() {
		o := ds.store.Overview(data.DateOf(now()))
		fyne.Do(func() { ds.show(o) })
	})
}

func (ds *dashboardScreen) show(o data.Overview) {
	title := widget.NewLabelWithStyle(ds.store.Organisation().Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if title.Text == "" {
		title.SetText(T("Dashboard"))
	}
	title.SizeName = theme.SizeNameHeadingText
	cards := container.NewGridWrap(fyne.NewSize(240, 140),
		figure(T("Partners"), o.Partners, T("%d active", o.ActivePartners)),
		figure(T("Agreements"), o.Agreements, T("%d active, %d drafts", o.AgreementsByStatus[data.StatusActive], o.AgreementsByStatus[data.StatusDraft])),
		figure(T("Ending within 60 days"), len(o.Expiring), T("agreements to renew or close")),
		figure(T("Overdue actions"), o.OverdueActions, T("%d actions open", o.OpenActions)),
		figure(T("Evaluations"), o.Evaluations, T("health checks recorded")),
		figure(T("Open community needs"), o.OpenNeeds, T("%d high priority", o.UnmetHighNeeds)),
	)
	ds.body.Objects = []fyne.CanvasObject{title, cards, ds.expiring(o.Expiring)}
	ds.body.Refresh()
}

func figure(label string, n int, note string) fyne.CanvasObject {
	number := widget.NewLabelWithStyle(fmt.Sprint(n), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	number.SizeName = theme.SizeNameHeadingText
	return widget.NewCard("", label, container.NewVBox(number, widget.NewLabel(note)))
}

// maxAttentionItems keeps the dashboard a short to-do list, however large the data.
const maxAttentionItems = 8

// expiring lists the agreements that end soonest; each opens its agreement.
func (ds *dashboardScreen) expiring(list []*data.Agreement) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(T("Needs attention"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(list) == 0 {
		box.Add(widget.NewLabel(T("No agreement ends in the next 60 days.")))
		return box
	}
	today := data.DateOf(now())
	shown := list[:min(len(list), maxAttentionItems)]
	for _, a := range shown {
		id := a.ID
		text := T("%s ends in %d days", a.Name, today.DaysUntil(a.End))
		if a.End == today {
			text = T("%s ends today", a.Name)
		}
		btn := widget.NewButton(text, func() { ds.shell.open(ds.shell.agreements, id) })
		btn.Alignment = widget.ButtonAlignLeading
		box.Add(btn)
	}
	if more := len(list) - len(shown); more > 0 {
		box.Add(widget.NewLabel(T("and %d more: see Agreements", more)))
	}
	return box
}
