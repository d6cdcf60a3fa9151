package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// mapsScreen shows the stakeholder map (who has influence and interest) and the resource map (who brings
// what). Both are computed off the UI goroutine from the in-memory index.
type mapsScreen struct {
	store *store.Store
	shell *shell

	grid       *fyne.Container
	cell       *widget.List
	cellHead   *widget.Label
	chosen     []*data.Partner
	unjudged   *widget.Label
	res        *fyne.Container
	network    *networkScreen
	tabs       *container.AppTabs
	networkTab *container.TabItem
}

func newMapsScreen(s *store.Store, sh *shell) *mapsScreen {
	return &mapsScreen{store: s, shell: sh, network: newNetworkScreen(s, sh)}
}

func (ms *mapsScreen) buildUI() fyne.CanvasObject {
	ms.grid = container.NewGridWithColumns(5)
	ms.unjudged = widget.NewLabel("")
	ms.unjudged.Wrapping = fyne.TextWrapWord // long sentences wrap rather than widen the window
	ms.cellHead = widget.NewLabel(T("Choose a square to see its partners."))
	ms.cellHead.Wrapping = fyne.TextWrapWord
	ms.cell = widget.NewList(func() int { return len(ms.chosen) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(ms.chosen[i].Name) })
	ms.cell.OnSelected = func(i widget.ListItemID) { ms.shell.open(ms.shell.partners, ms.chosen[i].ID) }
	interest := wrapped(T("Interest →  (how much they care)"))
	above := columns(2, quadrantName(data.KeepSatisfied, fyne.TextAlignLeading), quadrantName(data.ManageClosely, fyne.TextAlignTrailing))
	below := columns(2, quadrantName(data.Monitor, fyne.TextAlignLeading), quadrantName(data.KeepInformed, fyne.TextAlignTrailing))
	axes := container.NewBorder(above, container.NewVBox(below, interest), widget.NewLabel(T("Influence ↑")), nil, ms.grid)
	side := container.NewBorder(ms.cellHead, nil, nil, nil, ms.cell)
	stakeholders := container.NewBorder(ms.unjudged, nil, nil, nil, container.NewHSplit(axes, side))
	ms.res = container.NewVBox()
	ms.networkTab = container.NewTabItem(T("Network"), ms.network.buildUI())
	ms.tabs = container.NewAppTabs(
		container.NewTabItem(T("Stakeholder map"), container.NewVScroll(stakeholders)), // scrolls with large text
		container.NewTabItem(T("Resource map"), container.NewVScroll(container.NewPadded(ms.res))),
		ms.networkTab,
	)
	ms.refresh()
	return ms.tabs
}

// selectID shows the network around a partner: the partner in the middle, with its ties.
func (ms *mapsScreen) selectID(id string) {
	ms.tabs.Select(ms.networkTab)
	ms.network.showAround(id)
}

func (ms *mapsScreen) refresh() {
	if ms.network.view != nil {
		ms.network.refresh()
	}
	background(func() {
		grid, unjudged := data.StakeholderGrid(ms.store)
		resources, total := ms.resources()
		onUI(func() {
			ms.showGrid(grid, unjudged)
			ms.showResources(resources, total)
		})
	})
}

// showGrid draws the 5 × 5 squares, influence 5 at the top and interest 5 at the right, each tinted by
// its quadrant and showing how many partners sit there.
func (ms *mapsScreen) showGrid(grid [5][5][]*data.Partner, unjudged int) {
	ms.grid.Objects = nil
	for influence := 5; influence >= 1; influence-- {
		for interest := 1; interest <= 5; interest++ {
			ms.grid.Add(ms.square(influence, interest, grid[influence-1][interest-1]))
		}
	}
	ms.grid.Refresh()
	ms.unjudged.SetText(N(unjudged, "%d partner has no influence or interest score yet; give it one in Partners to place it here.",
		"%d partners have no influence or interest score yet; give them one in Partners to place them here."))
}

// quadrantName names a part of the map above or below it, on the part's tint, at the side the part is:
// names inside the squares were cut short ("keep s…", "satisf…").
func quadrantName(q data.Quadrant, side fyne.TextAlign) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(T(string(q)), side, fyne.TextStyle{Italic: true})
	name.Wrapping = fyne.TextWrapWord
	return container.NewStack(canvas.NewRectangle(quadrantColour[q]), name)
}

func (ms *mapsScreen) square(influence, interest int, partners []*data.Partner) fyne.CanvasObject {
	q := data.QuadrantOf(influence, interest)
	tint := canvas.NewRectangle(quadrantColour[q])
	text := fmt.Sprint(len(partners))
	if len(partners) == 0 {
		text = "·"
	}
	tap := widget.NewButton(text, func() {
		ms.chosen = partners
		ms.cellHead.SetText(T("Influence %d, interest %d — %s: %s", influence, interest, T(string(q)), N(len(partners), "%d partner", "%d partners")))
		ms.cell.UnselectAll()
		ms.cell.Refresh()
	})
	tap.Importance = widget.LowImportance
	return container.NewStack(tint, tap)
}

// quadrantColour tints the map's four parts, faintly enough for text on top in either theme.
var quadrantColour = map[data.Quadrant]color.Color{
	data.ManageClosely: color.NRGBA{R: 0xd9, G: 0x53, B: 0x4f, A: 0x40},
	data.KeepSatisfied: color.NRGBA{R: 0xf0, G: 0xad, B: 0x4e, A: 0x40},
	data.KeepInformed:  color.NRGBA{R: 0x1f, G: 0x6f, B: 0x78, A: 0x40},
	data.Monitor:       color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0x30},
}

// resourceCard is one kind of resource on the resource map, worked out off the UI goroutine.
type resourceCard struct {
	title string
	doc   detailDoc
}

// resources describes each kind of resource partners offer, its value, who offers it and which open
// needs it could help meet; total is what everything offered is worth.
func (ms *mapsScreen) resources() (cards []resourceCard, total string) {
	currency := ms.store.Organisation().Currency
	var sum data.Money
	for _, r := range data.ResourceMap(ms.store, data.DateOf(now())) {
		sum += r.Value + r.CommittedValue
		var d detailDoc
		if r.Offers > 0 {
			d.field(T("Offers"), T("%d, worth %s", r.Offers, money(r.Value, currency)))
		}
		if r.Commitments > 0 {
			d.field(T("Promised in agreements in force"), T("%d, worth %s", r.Commitments, money(r.CommittedValue, currency)))
		}
		d.field(T("Offered by"), joinNonEmpty(", ", mapped(r.Partners[:min(len(r.Partners), 6)], func(p *data.Partner) string { return p.Name })...))
		if more := len(r.Partners) - 6; more > 0 {
			d.para(N(more, "and %d other", "and %d others"))
		}
		if needs := data.NeedsFor(ms.store, r.Kind); len(needs) > 0 {
			d.field(T("Could help meet"), joinNonEmpty("; ", mapped(needs[:min(len(needs), 4)], func(n *data.Need) string { return n.Name })...))
		}
		cards = append(cards, resourceCard{data.ListResourceKinds.Label(string(r.Kind), T), d})
	}
	return cards, money(sum, currency)
}

// showResources lays the resource map out as one card per kind of resource.
func (ms *mapsScreen) showResources(cards []resourceCard, total string) {
	head := wrapped(T("No partner offers or promises anything yet. Add what each partner brings in Partners, or in an agreement's contributions."))
	if len(cards) > 0 {
		head = heading(T("Everything partners offer or promise in agreements in force is worth %s.", total))
		head.Wrapping = fyne.TextWrapWord
	}
	ms.res.Objects = []fyne.CanvasObject{head}
	for _, c := range cards {
		ms.res.Add(titledCard(c.title, c.doc.build()))
	}
	ms.res.Refresh()
}
