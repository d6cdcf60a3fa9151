package ui

import (
	"image/color"
	"maps"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// mostOnMap is how many partners the map draws one by one; beyond it, each kind of partner is one circle
// (choose a kind to see its partners), so ten thousand partners still make a map that moves.
const mostOnMap = 1000

// layoutSeed makes every first layout of the same network the same.
const layoutSeed = 1

// networkScreen is the Maps screen's Network tab: partners as circles and their relations and agreements
// as lines, laid out off the UI goroutine and kept where they were put (on this laptop), with filters,
// a search that centres a partner, its neighbourhood, and what the network shows that no list does.
type networkScreen struct {
	store *store.Store
	shell *shell

	view                                   *networkView
	kind, focus, stage, ties, around, look *dropDown
	kinds                                  []string // the kinds the kind filter offers, Accord's and the group's own
	tieKeys                                []string // the kinds of tie the ties filter offers: agreements, then relations'
	sizeBy                                 *dropDown
	current                                *widget.Check
	find                                   *searchBox
	status                                 *widget.Label
	side                                   *fyne.Container

	// places are where each node sits, as kept in the data folder; nil until read. Only the UI goroutine
	// touches them.
	places     map[string]data.Point
	found      string // the partner the search found, which the neighbourhood is around
	centreOn   string // the partner to put in the middle once the map is drawn
	generation int
	drawn      *drawnNetwork
	insights   map[string]data.Insight
	relayout   bool // lay the nodes shown out afresh, forgetting where they were
}

func newNetworkScreen(s *store.Store, sh *shell) *networkScreen {
	return &networkScreen{store: s, shell: sh}
}

// i18n:keys: shown translated, so each string here is a translation key.
var (
	aroundChoices = []string{"Everyone", "The partner found and its ties", "Two steps around the partner found"}
	lookChoices   = []string{"Colour by kind", "Colour by stakeholder map"}
	sizeChoices   = []string{"Size by agreements", "Size by what they bring"}
)

func (ns *networkScreen) buildUI() fyne.CanvasObject {
	ns.view = newNetworkView()
	ns.view.onTap = ns.onTap
	ns.view.onHover = ns.onHover
	ns.view.onMoved = ns.onMoved
	ns.kind = filterSelect(T("Any kind"), nil, ns.draw)
	ns.focus = filterSelect(T("Any focus area"), nil, ns.draw)
	ns.stage = filterSelect(T("Any stage"), translated(data.Stages), ns.draw)
	ns.ties = filterSelect(T("Every tie"), nil, ns.draw)
	ns.fillFilters()
	ns.current = widget.NewCheck(T("Current ties only"), func(bool) { ns.draw() })
	ns.around = filterSelect(T(aroundChoices[0]), translated(aroundChoices[1:]), ns.draw)
	ns.look = filterSelect(T(lookChoices[0]), translated(lookChoices[1:]), ns.draw)
	ns.sizeBy = filterSelect(T(sizeChoices[0]), translated(sizeChoices[1:]), ns.draw)
	ns.find = newSearchBox(T("Find a partner on the map"))
	ns.find.enter = ns.onFind
	open := widget.NewButtonWithIcon(T("Open the partner found"), theme.AccountIcon(), ns.onOpenFound)
	rearrange := widget.NewButtonWithIcon(T("Lay out again"), theme.ViewRefreshIcon(), ns.onRearrange)
	kinds := widget.NewButtonWithIcon(T("Kinds of relation…"), theme.ListIcon(), ns.onKinds)
	printMap := widget.NewButtonWithIcon(T("Open to print"), theme.DocumentPrintIcon(), ns.onPrint)
	ns.status = wrapped(T("Drag a partner to move it, or the background to move the map; scroll to zoom; click a partner to open it."))
	ns.side = container.NewVBox()
	// The buttons flow onto a second line rather than widening the window, in long languages and large text.
	findRow := container.NewVBox(ns.find, flowRow(open, rearrange, kinds, printMap))
	filters := flowRow(ns.kind, ns.focus, ns.stage, ns.ties, ns.current, ns.around, ns.look, ns.sizeBy)
	clip := container.NewScroll(ns.view) // clips what is panned off the map
	clip.Direction = container.ScrollNone
	split := container.NewHSplit(clip, container.NewVScroll(container.NewPadded(ns.side)))
	split.Offset = 0.74
	ns.draw()
	return container.NewBorder(container.NewVBox(findRow, filters), ns.status, nil, nil, split)
}

// fillFilters offers the kinds of partner, the focus areas and every kind of tie (agreements, then each kind
// of relation by name) as they are now: Settings → Lists… or a sync may have added, renamed or hidden one
// since the map was built. A choice that stays is kept.
func (ns *networkScreen) fillFilters() {
	was, wasFocus, wasTies := ns.kinds, ns.focus.Options[1:], ns.tieKeys
	var labels []string
	ns.kinds, labels = pickOptions(ns.store, data.ListPartnerKinds)
	refillFilter(ns.kind, was, ns.kinds, labels)
	focus := data.FocusAreas(ns.store)
	refillFilter(ns.focus, wasFocus, focus, focus)
	lang := i18n.Current().Code()
	ns.tieKeys, labels = []string{data.AgreementTies}, []string{T("Agreements")}
	for _, t := range data.RelationTypes(ns.store) {
		ns.tieKeys, labels = append(ns.tieKeys, t.ID), append(labels, t.Named(false, lang, T))
	}
	refillFilter(ns.ties, wasTies, ns.tieKeys, labels)
}

func (ns *networkScreen) refresh() {
	ns.fillFilters()
	ns.draw()
}

// filter reads the filter choices, on the UI goroutine.
func (ns *networkScreen) filter() data.NetworkFilter {
	var f data.NetworkFilter
	if i := ns.kind.SelectedIndex(); i > 0 {
		f.Kind = data.PartnerKind(ns.kinds[i-1])
	}
	if i := ns.stage.SelectedIndex(); i > 0 {
		f.Stage = data.Stages[i-1]
	}
	if ns.focus.SelectedIndex() > 0 {
		f.FocusArea = ns.focus.Selected
	}
	if i := ns.ties.SelectedIndex(); i > 0 {
		f.Ties = ns.tieKeys[i-1]
	}
	f.CurrentOnly = ns.current.Checked
	if d := ns.around.SelectedIndex(); d > 0 && ns.found != "" {
		f.Around, f.Depth = ns.found, d
	}
	return f
}

// draw works out the network the filters choose and where each node goes, off the UI goroutine, and
// shows it; a later draw makes an earlier one's result stale.
func (ns *networkScreen) draw() {
	ns.generation++
	generation, f := ns.generation, ns.filter()
	look := mapLook{byQuadrant: ns.look.SelectedIndex() == 1, bySupport: ns.sizeBy.SelectedIndex() == 1, ink: inkColour()}
	placed, loaded := maps.Clone(ns.places), ns.places != nil
	if ns.relayout {
		placed, ns.relayout = map[string]data.Point{}, false
	}
	today := data.DateOf(now())
	background(func() {
		if !loaded {
			var err error
			if placed, err = ns.store.MapPlaces(); err != nil {
				fyne.LogError("network map", err) // the map is laid out afresh
			}
		}
		n := data.BuildNetwork(ns.store, today, f)
		clustered := n.Partners() > mostOnMap
		if clustered {
			n = n.ClusterByKind()
		}
		at := data.Layout(n, layoutSeed, placed)
		insights := data.Insights(ns.store, today)
		drawn := drawNetwork(ns.store, n, at, insights, look)
		onUI(func() {
			if generation != ns.generation {
				return
			}
			ns.keepPlaces(placed, at, loaded)
			ns.drawn, ns.insights = drawn, insights
			ns.view.show(drawn)
			ns.showSide(n, clustered)
			if i, ok := n.Index(ns.centreOn); ok {
				ns.view.centre(i)
				ns.onHover(i)
			}
			ns.centreOn = ""
		})
	})
}

// keepPlaces notes where the nodes now are, and saves them when any is new: the map looks the same next
// time.
func (ns *networkScreen) keepPlaces(read, at map[string]data.Point, loaded bool) {
	if !loaded {
		ns.places = read
		if ns.places == nil {
			ns.places = map[string]data.Point{}
		}
	}
	changed := false
	for id, p := range at {
		if old, ok := ns.places[id]; !ok || old != p {
			ns.places[id], changed = p, true
		}
	}
	if changed {
		ns.savePlaces()
	}
}

func (ns *networkScreen) savePlaces() {
	places := maps.Clone(ns.places)
	background(func() {
		if err := ns.store.SaveMapPlaces(places); err != nil {
			fyne.LogError("save the network map's places", err) // the map is only laid out again next time
		}
	})
}

// mapLook is how the map draws, read on the UI goroutine: colours by kind or by the stakeholder map,
// sizes by agreements or by what partners bring, and the theme's ink for agreements and rings, which must
// show on a light and a dark background alike.
type mapLook struct {
	byQuadrant, bySupport bool
	ink                   color.NRGBA
}

// inkColour is the theme's text colour, which shows on its background.
func inkColour() color.NRGBA {
	return color.NRGBAModel.Convert(theme.Color(theme.ColorNameForeground)).(color.NRGBA)
}

// drawNetwork says how each node and tie looks: colour by kind or by the stakeholder map, size by
// agreements or by what the partner brings, a ring of ink round a partner that connects us to others and
// an orange one round a partner reached through one person, faded ties that have ended.
func drawNetwork(v data.View, n *data.Network, at map[string]data.Point, insights map[string]data.Insight, look mapLook) *drawnNetwork {
	d := &drawnNetwork{net: n, at: make([]data.Point, len(n.Nodes)), radius: make([]float32, len(n.Nodes)),
		fill: make([]color.Color, len(n.Nodes)), ring: make([]color.Color, len(n.Nodes)), labeled: make([]bool, len(n.Nodes)),
		ties: make([]color.Color, len(n.Edges)), widths: make([]float32, len(n.Edges)), kinds: data.KindColours(v)}
	for i, node := range n.Nodes {
		d.at[i] = at[node.ID]
		in := insights[node.ID]
		switch {
		case node.Us():
			d.fill[i], d.radius[i] = nrgba(data.UsColour, 0xff), 12
		case node.Partner == nil: // a cluster of partners of a kind
			d.fill[i], d.radius[i] = nrgba(d.kinds.Of(node.Cluster), 0xff), float32(min(8+2*math.Sqrt(float64(node.Members)), 40))
		default:
			d.fill[i] = nrgba(d.kinds.Of(node.Partner.PartnerKind), 0xff)
			if look.byQuadrant {
				d.fill[i] = nrgba(data.QuadrantColour(data.QuadrantOf(node.Partner.Influence, node.Partner.Interest)), 0xff)
			}
			d.radius[i] = float32(min(5+3*math.Sqrt(float64(node.Agreements)), 24))
			if look.bySupport {
				d.radius[i] = float32(min(5+2.5*math.Log10(1+float64(node.Contributions)/100), 24))
			}
		}
		switch {
		case in.Broker():
			d.ring[i] = look.ink
		case in.Alone:
			d.ring[i] = aloneRing
		}
		d.labeled[i] = len(n.Nodes) <= 150 || node.Partner == nil || in.Broker() || node.Agreements >= 2
	}
	for j, e := range n.Edges {
		alpha, width := uint8(0xd0), float32(1.5)
		switch {
		case e.Ties > 1:
			width = float32(min(1+math.Log2(float64(e.Ties)), 8))
		case e.Agreement != nil:
			width = 2.5
		}
		if e.Ended {
			alpha = 0x40
		}
		d.ties[j], d.widths[j] = look.tie(v, e.Type(), alpha), width
	}
	return d
}

// tie is the colour of a kind of tie: an agreement in ink, a relation in its kind's colour.
func (look mapLook) tie(v data.View, key string, alpha uint8) color.NRGBA {
	if key == data.AgreementTies {
		c := look.ink
		c.A = alpha
		return c
	}
	return nrgba(data.TieColour(v, key), alpha)
}

// aloneRing marks a partner reached through one person: orange, a warning on either background.
var aloneRing = color.NRGBA{R: 0xe6, G: 0x7e, B: 0x22, A: 0xff}

func nrgba(c data.Colour, alpha uint8) color.NRGBA {
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: alpha}
}

// showSide fills the panel beside the map: the legend, then what the network shows about the partners on
// the map.
func (ns *networkScreen) showSide(n *data.Network, clustered bool) {
	ns.side.Objects = nil
	if clustered {
		note := wrapped(N(n.Partners(), "%d partner: too many to draw one by one. Each circle is a kind of partner; click one, or choose a kind, to see its partners.", "%d partners: too many to draw one by one. Each circle is a kind of partner; click one, or choose a kind, to see its partners."))
		ns.side.Add(note)
	}
	ns.side.Add(heading(T("Partners")))
	ns.side.Add(swatch(nrgba(data.UsColour, 0xff), T("Our organisation")))
	if ns.look.SelectedIndex() == 1 {
		for _, q := range []data.Quadrant{data.ManageClosely, data.KeepSatisfied, data.KeepInformed, data.Monitor} {
			ns.side.Add(swatch(nrgba(data.QuadrantColour(q), 0xff), capitalFirst(T(string(q)))))
		}
		ns.side.Add(swatch(nrgba(data.QuadrantColour(""), 0xff), T("Not placed on the stakeholder map yet")))
	} else {
		for _, k := range data.PartnerKinds {
			ns.side.Add(swatch(nrgba(ns.drawn.kinds.Of(k), 0xff), capitalFirst(T(string(k)))))
		}
		for _, k := range ns.drawn.kinds.Own { // as the group typed them
			ns.side.Add(swatch(nrgba(ns.drawn.kinds.Of(k), 0xff), string(k)))
		}
	}
	look := mapLook{ink: inkColour()}
	ns.side.Add(ring(look.ink, T("Connects you to partners you have no tie with")))
	ns.side.Add(ring(aloneRing, T("Reached through one person, or no one")))
	ns.side.Add(heading(T("Ties")))
	ns.side.Add(tieSwatch(look.tie(ns.store, data.AgreementTies, 0xd0), T("Agreement")))
	lang := i18n.Current().Code()
	for _, t := range data.RelationTypes(ns.store) {
		ns.side.Add(tieSwatch(look.tie(ns.store, t.ID, 0xd0), capitalFirst(t.Named(false, lang, T))))
	}
	faded := wrapped(T("Faded: a tie that has ended."))
	ns.side.Add(faded)
	if !clustered {
		ns.side.Add(ns.findings(n))
	}
	ns.side.Refresh()
}

// findings lists, for the partners on the map, those that connect us to others, those that bring fields
// together and those reached through one person.
func (ns *networkScreen) findings(n *data.Network) fyne.CanvasObject {
	f := data.FindingsOf(n, ns.insights)
	brokers, bridges, alone := f.Lines(T)
	var d detailDoc
	d.section(T("What the network shows"))
	for _, part := range []struct {
		title string
		items []string
	}{{T("Connect you to others"), brokers}, {T("Bring fields together"), bridges}, {T("Reached through one person, or no one"), alone}} {
		if len(part.items) > 0 {
			d.para(part.title)
			d.bullets(part.items[:min(len(part.items), 10)])
			if more := len(part.items) - 10; more > 0 {
				d.para(N(more, "and %d other", "and %d others"))
			}
		}
	}
	if f.Empty() {
		d.para(T("Add relations between partners to see who connects you to whom."))
	}
	return d.build()
}

// onTap opens the partner clicked; a kind of partner clicked shows that kind's partners.
func (ns *networkScreen) onTap(i int) {
	node := ns.drawn.net.Nodes[i]
	switch {
	case node.Partner != nil:
		ns.shell.open(ns.shell.partners, node.ID)
	case node.Cluster != "":
		ns.kind.SetSelectedIndex(slices.Index(ns.kinds, string(node.Cluster)) + 1)
	}
}

// onHover says what the partner under the pointer is, and what the network shows about it.
func (ns *networkScreen) onHover(i int) {
	if i < 0 {
		return
	}
	node := ns.drawn.net.Nodes[i]
	switch {
	case node.Partner != nil:
		parts := append([]string{node.Name + " — " + data.ListPartnerKinds.Label(string(node.Partner.PartnerKind), T)}, ns.insights[node.ID].Sentences(T, N)...)
		ns.status.SetText(strings.Join(parts, " "))
	case node.Cluster != "":
		ns.status.SetText(capitalFirst(data.ListPartnerKinds.Label(string(node.Cluster), T)) + ": " + N(node.Members, "%d partner. Click to see it.", "%d partners. Click to see them."))
	default:
		ns.status.SetText(data.EndName(ns.store, data.Us, T))
	}
}

// onMoved keeps a node where it was dragged.
func (ns *networkScreen) onMoved(i int, p data.Point) {
	if ns.places == nil {
		return
	}
	ns.places[ns.drawn.net.Nodes[i].ID] = p
	ns.savePlaces()
}

// onFind centres the first partner on the map whose name holds what was typed, and, when the map shows a
// neighbourhood, makes it the one shown.
func (ns *networkScreen) onFind() {
	if ns.drawn == nil {
		return
	}
	found := ns.drawn.net.Search(ns.find.Text)
	if len(found) == 0 {
		ns.status.SetText(T("No partner on the map is called %s.", ns.find.Text))
		return
	}
	i := found[0]
	ns.found = ns.drawn.net.Nodes[i].ID
	ns.view.centre(i)
	ns.onHover(i)
	if ns.around.SelectedIndex() > 0 {
		ns.draw()
	}
}

// showAround shows a partner and its ties, in the middle of the map, as finding it would.
func (ns *networkScreen) showAround(id string) {
	if p := data.Lookup[data.Partner](ns.store, id); p != nil {
		ns.find.SetText(p.Name)
	}
	ns.found, ns.centreOn = id, id
	ns.around.SetSelectedIndex(1) // which draws the map
}

func (ns *networkScreen) onOpenFound() {
	if ns.found == "" || ns.found == data.OrganisationID {
		ns.status.SetText(T("Find a partner first: type part of its name and press Return."))
		return
	}
	ns.shell.open(ns.shell.partners, ns.found)
}

// onRearrange lays the map out afresh, forgetting where its nodes were put.
func (ns *networkScreen) onRearrange() {
	ns.relayout = true
	ns.draw()
}

// onPrint prints the network as the map shows it, with the focus area chosen.
func (ns *networkScreen) onPrint() {
	opt := pdf.NetworkOptions{Places: maps.Clone(ns.places)}
	if ns.focus.SelectedIndex() > 0 {
		opt.Focus = ns.focus.Selected
	}
	today := data.DateOf(now())
	printDocument(ns.shell.win, ns.store.Dir(), safeFileName(T("Partnership network")+".pdf"), false, func() ([]byte, error) {
		return pdf.NetworkReport(ns.store, today, opt)
	}, func([]byte) {})
}

// onKinds shows the kinds of relation, to add, name, merge and hide.
func (ns *networkScreen) onKinds() {
	showPickLists(ns.store, ns.shell.win, data.ListRelationTypes, ns.refresh)
}

// swatch is a legend line: a dot of the colour and what it means.
func swatch(c color.Color, label string) fyne.CanvasObject {
	dot := canvas.NewCircle(c)
	return legendLine(dot, label)
}

// ring is a legend line for a ring round a node.
func ring(c color.Color, label string) fyne.CanvasObject {
	r := canvas.NewCircle(color.Transparent)
	r.StrokeColor, r.StrokeWidth = c, 2.5
	return legendLine(r, label)
}

// tieSwatch is a legend line for a kind of tie: a short line of its colour.
func tieSwatch(c color.Color, label string) fyne.CanvasObject {
	line := canvas.NewRectangle(c)
	return legendLine(container.New(layout.NewCustomPaddedLayout(6, 6, 0, 0), line), label)
}

func legendLine(mark fyne.CanvasObject, label string) fyne.CanvasObject {
	l := wrapped(label)
	box := container.NewGridWrap(fyne.NewSquareSize(theme.TextSize()), mark)
	return container.NewBorder(nil, nil, container.NewCenter(box), nil, l)
}
