package pdf

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"accord/data"
	"accord/i18n"
)

// NetworkOptions say which network to print and how.
type NetworkOptions struct {
	// Focus keeps the partners of one focus area (and us); empty prints everyone.
	Focus string
	// Paper is "A4", "A3" or "Letter", always landscape; empty takes the organisation's paper.
	Paper string
	// Places are where the network map on screen put each node; nodes without one are laid out around
	// them, and all of them when there are none.
	Places map[string]data.Point
}

// mostDrawn is how many partners a printed network draws one by one; beyond it, each kind of partner is
// one circle, since a page cannot show more dots than that and their names.
const mostDrawn = 250

// NetworkReport prints the partnership network on the day: the map drawn as vectors on a landscape page
// with its legend, then every relation, and what the network shows that no list does (the partners that
// connect us to others, those that bring different fields together, those reached through one person).
func NetworkReport(s data.View, printed data.Date, opt NetworkOptions) ([]byte, error) {
	org := s.Organisation()
	n := data.BuildNetwork(s, printed, data.NetworkFilter{FocusArea: opt.Focus})
	details := T("%s and %s on %s", N(n.Partners(), "%d partner", "%d partners"), N(len(n.Edges), "%d tie", "%d ties"),
		longDate(printed))
	if opt.Focus != "" {
		details = T("Partners working on %s: %s", opt.Focus, details)
	}
	info := docInfo{title: T("Partnership network"), subject: T("Partnership network"), date: printed, landscape: true, paper: opt.Paper}
	insights := data.Insights(s, printed)
	return render(org, info, func(d *document) {
		d.reportTitle(T("Partnership network"), org.Name, details)
		w := d.width()
		networkDrawing(s, n, opt.Places, d.room()-2).draw(d, margin, w)
		d.sections([]section{
			{T("Relations"), relationList(s, n)},
			{T("What the network shows"), insightList(n, insights)},
		})
	})
}

// network is the annual report's page of the network, drawn as it stands at the end of the year (or on
// the day printed, before then): the map, then what it shows.
func (r *annual) network() []block {
	day := data.NewDate(r.year, 12, 31)
	if r.printed.Before(day) {
		day = r.printed
	}
	n := data.BuildNetwork(r.s, day, data.NetworkFilter{CurrentOnly: true})
	if len(n.Edges) == 0 {
		return nil
	}
	return append([]block{
		prose{text: T("Every partner is a circle and every tie a line: the relations between partners and the agreements in force on %s.", longDate(day))},
		networkDrawing(r.s, n, nil, 150),
	}, insightList(n, data.Insights(r.s, day))...)
}

// networkDrawing draws a network, clustered by kind when it holds more partners than a page shows, with
// the places given (laid out afresh where missing), high tall and its legend beside it.
func networkDrawing(s data.View, n *data.Network, places map[string]data.Point, high float64) networkMap {
	clustered := n.Partners() > mostDrawn
	if clustered {
		n, places = n.ClusterByKind(), nil
	}
	return networkMap{s: s, n: n, at: data.Layout(n, 1, placesOf(n, places)), high: high, clustered: clustered, kinds: data.KindColours(s)}
}

// placesOf keeps the places of the nodes the network holds.
func placesOf(n *data.Network, places map[string]data.Point) map[string]data.Point {
	out := map[string]data.Point{}
	for _, node := range n.Nodes {
		if p, ok := places[node.ID]; ok {
			out[node.ID] = p
		}
	}
	return out
}

// networkMap is a block: the network drawn in a box, the legend in a column on its right.
type networkMap struct {
	s         data.View
	n         *data.Network
	at        map[string]data.Point
	high      float64
	clustered bool
	kinds     data.KindPalette
}

const legendWidth = 52.0

func (m networkMap) lead(d *document, w float64) float64 { return m.high }

func (m networkMap) draw(d *document, x, w float64) {
	f := d.f
	d.ensure(m.high)
	top := f.GetY()
	box := w - legendWidth - 6
	lo, hi := data.Bounds(m.at)
	pad := 6.0
	scale := math.Min((box-2*pad)/math.Max(hi.X-lo.X, 1), (m.high-2*pad)/math.Max(hi.Y-lo.Y, 1))
	scale = math.Min(scale, 1.2) // a small network is not blown up to fill the page
	// Centre the drawing in its box.
	ox := x + (box-(hi.X-lo.X)*scale)/2 - lo.X*scale
	oy := top + (m.high-(hi.Y-lo.Y)*scale)/2 - lo.Y*scale
	at := func(i int) (float64, float64) {
		p := m.at[m.n.Nodes[i].ID]
		return ox + p.X*scale, oy + p.Y*scale
	}
	for _, e := range m.n.Edges {
		x1, y1 := at(e.From)
		x2, y2 := at(e.To)
		c := colourOf(data.TieColour(m.s, e.Type()))
		width := 0.45
		switch {
		case m.clustered:
			width = math.Min(0.3+0.25*math.Log2(float64(e.Ties)), 2.5)
		case e.Agreement != nil:
			width = 0.8
		}
		if e.Ended {
			c = lighter(c, 0.6)
			f.SetDashPattern([]float64{1, 1}, 0)
		}
		d.draw(c, width)
		f.Line(x1, y1, x2, y2)
		f.SetDashPattern(nil, 0)
	}
	for i, node := range m.n.Nodes {
		cx, cy := at(i)
		fill := colourOf(data.UsColour)
		if !node.Us() {
			fill = colourOf(m.kinds.Of(kindOf(node)))
		}
		d.fill(fill)
		d.draw(rgb{255, 255, 255}, 0.2)
		f.Circle(cx, cy, m.radius(node), "FD")
	}
	m.labels(d, at)
	m.legend(d, x+box+6, top)
	d.colour(ink)
	f.SetY(top + m.high)
}

// labels names the nodes, the largest first, each right of its circle or else left of it, and leaves out
// a name that would cover another: the relation list names everyone.
func (m networkMap) labels(d *document, at func(int) (float64, float64)) {
	f := d.f
	order := make([]int, len(m.n.Nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(m.radius(m.n.Nodes[b]), m.radius(m.n.Nodes[a])) })
	type box struct{ x0, y0, x1, y1 float64 }
	var taken []box
	free := func(b box) bool {
		return !slices.ContainsFunc(taken, func(o box) bool { return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1 })
	}
	d.font("", 6.5)
	d.colour(ink)
	for _, i := range order {
		node := m.n.Nodes[i]
		label := clean(node.Name)
		switch {
		case m.clustered && !node.Us():
			label = T("%s: %d", capitalise(data.ListPartnerKinds.Label(string(node.Cluster), T)), node.Members)
		case node.Us() && label == "":
			label = T("Our organisation")
		}
		label = fit(f, label, 40)
		cx, cy := at(i)
		r, lw, lh := m.radius(node), f.GetStringWidth(label), 2.6
		for _, x := range []float64{cx + r + 0.8, cx - r - 0.8 - lw} {
			if b := (box{x, cy - lh/2, x + lw, cy + lh/2}); free(b) {
				taken = append(taken, b)
				f.Text(x, cy+1, label)
				break
			}
		}
	}
}

// radius grows with the agreements in force a node is party to, or with the partners a cluster holds.
func (m networkMap) radius(node data.NetworkNode) float64 {
	switch {
	case m.clustered && !node.Us():
		return math.Min(2+1.2*math.Sqrt(float64(node.Members)), 12)
	case node.Us():
		return 3.2
	}
	return math.Min(1.4+0.7*math.Sqrt(float64(node.Agreements)), 4)
}

func kindOf(node data.NetworkNode) data.PartnerKind {
	if node.Partner != nil {
		return node.Partner.PartnerKind
	}
	return node.Cluster
}

// legend names the colours of the kinds of partner and of ties the map shows, and what size and dashes
// mean.
func (m networkMap) legend(d *document, x, y float64) {
	f := d.f
	line := func(text string, style string) {
		d.font(style, 7.5)
		d.colour(ink)
		f.SetXY(x+5, y)
		f.CellFormat(legendWidth-5, 3.8, fit(f, text, legendWidth-5), "", 0, "L", false, 0, "")
		y += 3.8
	}
	heading := func(text string) {
		d.font("B", 7.5)
		d.colour(accent)
		f.SetXY(x, y)
		f.CellFormat(legendWidth, 4.2, fit(f, text, legendWidth), "", 0, "L", false, 0, "")
		y += 4.4
	}
	heading(T("Partners"))
	d.fill(colourOf(data.UsColour))
	f.Circle(x+1.6, y+1.8, 1.4, "F")
	line(T("Our organisation"), "")
	present := map[data.PartnerKind]bool{}
	for _, n := range m.n.Nodes {
		if !n.Us() {
			present[kindOf(n)] = true
		}
	}
	for _, k := range data.InOrder(data.ListPartnerKinds, present) {
		d.fill(colourOf(m.kinds.Of(k)))
		f.Circle(x+1.6, y+1.8, 1.4, "F")
		label := string(k) // the group's own as typed
		if data.ListPartnerKinds.BuiltIn(label) {
			label = capitalise(T(label))
		}
		line(label, "")
	}
	y += 2
	heading(T("Ties"))
	var keys []string
	for _, e := range m.n.Edges {
		if !slices.Contains(keys, e.Type()) {
			keys = append(keys, e.Type())
		}
	}
	slices.Sort(keys)
	for _, key := range keys {
		d.draw(colourOf(data.TieColour(m.s, key)), 0.8)
		f.Line(x, y+1.8, x+3.5, y+1.8)
		name := T("agreement")
		if key != data.AgreementTies {
			name = data.RelationTypeOf(m.s, key).Named(false, i18n.Current().Code(), T)
		}
		line(capitalise(name), "")
	}
	y += 2
	d.font("", 6.5)
	d.colour(muted)
	notes := []string{T("Dashed: ended."), T("The larger the circle, the more agreements in force.")}
	if m.clustered {
		notes = []string{T("Too many partners to draw one by one: each circle is a kind of partner, larger the more partners it holds, and each line all the ties between two kinds.")}
	}
	for _, note := range notes {
		for _, l := range d.wrap(note, legendWidth) {
			f.SetXY(x, y)
			f.CellFormat(legendWidth, 3.2, l, "", 0, "L", false, 0, "")
			y += 3.2
		}
	}
}

func colourOf(c data.Colour) rgb { return rgb{int(c.R), int(c.G), int(c.B)} }

// relationList is every relation between the network's partners as a table, by the first organisation.
func relationList(s data.View, n *data.Network) []block {
	t := table{cols: []column{
		{title: T("Organisation"), share: 0.27, bold: true, group: true},
		{title: T("Relation"), share: 0.2},
		{title: T("With"), share: 0.27},
		{title: T("Dates"), share: 0.16},
		{title: T("Status"), share: 0.1},
	}}
	var rows [][]string
	for _, e := range n.Edges {
		r := e.Relation
		if r == nil {
			continue
		}
		rows = append(rows, []string{data.EndName(s, r.From, T), capitalise(data.RelationTypeOf(s, r.Type).Named(false, i18n.Current().Code(), T)),
			data.EndName(s, r.To, T), orDash(period(r.Start, r.End)), capitalise(T(string(r.Status)))})
	}
	if len(rows) == 0 {
		return nil
	}
	slices.SortStableFunc(rows, func(a, b []string) int {
		return cmp.Or(strings.Compare(data.Fold(a[0]), data.Fold(b[0])), strings.Compare(data.Fold(a[2]), data.Fold(b[2])))
	})
	t.rows = rows
	return []block{t}
}

// insightList says, for the network's partners, which connect us to others, which bring fields together
// and which hang on one person.
func insightList(n *data.Network, insights map[string]data.Insight) []block {
	brokers, bridges, alone := data.FindingsOf(n, insights).Lines(T)
	var out fields
	out = append(out,
		field{T("Connect you to others"), shortList(brokers)},
		field{T("Bring fields together"), shortList(bridges)},
		field{T("Reached through one person, or no one"), shortList(alone)})
	if len(out.filled()) == 0 {
		return nil
	}
	return []block{out}
}

// shortList joins the first dozen items and counts the rest.
func shortList(items []string) string {
	const most = 12
	if len(items) > most {
		items = append(items[:most:most], N(len(items)-most, "and %d other", "and %d others"))
	}
	return strings.Join(items, "; ")
}
