package ui

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// drawnNetwork is what the map draws, worked out off the UI goroutine: the network, where each node sits
// (in the layout's units), and how each node and tie looks.
type drawnNetwork struct {
	net     *data.Network
	at      []data.Point // by node index
	radius  []float32
	fill    []color.Color
	ring    []color.Color // nil: no ring
	labeled []bool
	ties    []color.Color // by edge index
	widths  []float32
	kinds   data.KindPalette // the colours of the kinds of partner, for the legend
}

// networkView draws a network with Fyne's canvas lines, circles and texts, in a world that pans as one
// (so a pan moves one container, not every object) and zooms about the pointer. A node dragged moves with
// its ties alone, so a frame costs what the node's ties cost, not what the whole map does. Tapping a node
// opens its partner; hovering one says what it is.
type networkView struct {
	widget.BaseWidget
	drawn *drawnNetwork
	// scale is screen units per layout unit; pan is where the layout's origin is on the screen.
	scale float32
	pan   fyne.Position

	world   *fyne.Container
	lines   []*canvas.Line
	circles []*canvas.Circle
	labels  []*canvas.Text

	dragging int  // the node being dragged, or -1 for the whole map
	dragged  bool // a drag is under way
	hovered  int
	// fitted is true until the user pans or zooms: till then the map fits the widget as it is resized.
	fitted bool
	// centred is the node a search put in the middle, kept there as the widget is resized until the user
	// pans or zooms; -1 for none.
	centred int

	onTap   func(i int)
	onHover func(i int) // -1 when the pointer leaves every node
	onMoved func(i int, p data.Point)
}

var (
	_ fyne.Tappable       = (*networkView)(nil)
	_ fyne.Draggable      = (*networkView)(nil)
	_ fyne.Scrollable     = (*networkView)(nil)
	_ desktop.Hoverable   = (*networkView)(nil)
	_ fyne.WidgetRenderer = (*networkRenderer)(nil)
)

func newNetworkView() *networkView {
	v := &networkView{scale: 1, dragging: -1, hovered: -1, centred: -1, world: container.NewWithoutLayout()}
	v.ExtendBaseWidget(v)
	return v
}

// show draws a network afresh, fitted to the widget.
func (v *networkView) show(d *drawnNetwork) {
	v.drawn = d
	v.lines, v.circles, v.labels = make([]*canvas.Line, len(d.net.Edges)), make([]*canvas.Circle, len(d.net.Nodes)), make([]*canvas.Text, len(d.net.Nodes))
	objects := make([]fyne.CanvasObject, 0, len(v.lines)+2*len(v.circles))
	for j := range d.net.Edges {
		l := canvas.NewLine(d.ties[j])
		l.StrokeWidth = d.widths[j]
		v.lines[j] = l
		objects = append(objects, l)
	}
	for i, node := range d.net.Nodes {
		c := canvas.NewCircle(d.fill[i])
		if d.ring[i] != nil {
			c.StrokeColor, c.StrokeWidth = d.ring[i], 2.5
		}
		v.circles[i] = c
		objects = append(objects, c)
		t := canvas.NewText(node.Name, theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		v.labels[i] = t
	}
	for _, t := range v.labels {
		objects = append(objects, t)
	}
	v.world.Objects = objects
	v.fitted, v.centred = true, -1
	v.fit()
}

// fit scales and pans the map so every node shows.
func (v *networkView) fit() {
	size := v.Size()
	if v.drawn == nil || size.IsZero() || len(v.drawn.at) == 0 {
		return
	}
	lo, hi := v.drawn.at[0], v.drawn.at[0]
	for _, p := range v.drawn.at {
		lo = data.Point{X: math.Min(lo.X, p.X), Y: math.Min(lo.Y, p.Y)}
		hi = data.Point{X: math.Max(hi.X, p.X), Y: math.Max(hi.Y, p.Y)}
	}
	margin := float32(40)
	sx := (size.Width - 2*margin) / float32(math.Max(hi.X-lo.X, 1))
	sy := (size.Height - 2*margin) / float32(math.Max(hi.Y-lo.Y, 1))
	v.scale = min(sx, sy, 2)
	v.pan = fyne.NewPos(size.Width/2-float32(lo.X+hi.X)/2*v.scale, size.Height/2-float32(lo.Y+hi.Y)/2*v.scale)
	v.place()
}

// centre pans the map so the node is in the middle of it.
func (v *networkView) centre(i int) {
	size, p := v.Size(), v.drawn.at[i]
	v.fitted, v.centred = false, i
	v.pan = fyne.NewPos(size.Width/2-float32(p.X)*v.scale, size.Height/2-float32(p.Y)*v.scale)
	v.world.Move(v.pan)
}

// place puts every object where the scale says, relative to the world, which the pan moves.
func (v *networkView) place() {
	for i := range v.circles {
		v.placeNode(i)
	}
	for j := range v.lines {
		v.placeTie(j)
	}
	v.declutter()
	v.world.Move(v.pan)
	v.world.Refresh()
}

// declutter shows the names that fit at this zoom: us first, then the partners drawn largest, each name
// hidden where it would cover one already shown, so no name is written over another.
func (v *networkView) declutter() {
	var order []int
	for i, t := range v.labels {
		t.Hidden = true
		if v.drawn.labeled[i] {
			order = append(order, i)
		}
	}
	us := func(i int) bool { return v.drawn.net.Nodes[i].Us() }
	slices.SortStableFunc(order, func(a, b int) int {
		if us(a) != us(b) {
			if us(a) {
				return -1
			}
			return 1
		}
		return cmp.Compare(v.drawn.radius[b], v.drawn.radius[a])
	})
	var shown []*canvas.Text
	for _, i := range order {
		t := v.labels[i]
		if !slices.ContainsFunc(shown, func(o *canvas.Text) bool { return overlap(t, o) }) {
			t.Hidden = false
			shown = append(shown, t)
		}
	}
}

// overlap is true when two texts cover some of the same place.
func overlap(a, b fyne.CanvasObject) bool {
	pa, sa, pb, sb := a.Position(), a.Size(), b.Position(), b.Size()
	return pa.X < pb.X+sb.Width && pb.X < pa.X+sa.Width && pa.Y < pb.Y+sb.Height && pb.Y < pa.Y+sa.Height
}

func (v *networkView) onScreen(p data.Point) fyne.Position {
	return fyne.NewPos(float32(p.X)*v.scale, float32(p.Y)*v.scale)
}

func (v *networkView) placeNode(i int) {
	p, r := v.onScreen(v.drawn.at[i]), v.drawn.radius[i]
	c := v.circles[i]
	c.Move(fyne.NewPos(p.X-r, p.Y-r))
	c.Resize(fyne.NewSize(2*r, 2*r))
	t := v.labels[i]
	t.Move(fyne.NewPos(p.X+r+3, p.Y-t.MinSize().Height/2))
	t.Resize(t.MinSize())
}

func (v *networkView) placeTie(j int) {
	e := v.drawn.net.Edges[j]
	v.lines[j].Position1, v.lines[j].Position2 = v.onScreen(v.drawn.at[e.From]), v.onScreen(v.drawn.at[e.To])
}

// nodeAt is the node under a point of the widget, the one drawn last (on top) first; -1 for none.
func (v *networkView) nodeAt(pos fyne.Position) int {
	if v.drawn == nil {
		return -1
	}
	x, y := (pos.X-v.pan.X)/v.scale, (pos.Y-v.pan.Y)/v.scale
	for i := len(v.drawn.at) - 1; i >= 0; i-- {
		p, r := v.drawn.at[i], float64(v.drawn.radius[i]/v.scale)+2
		if math.Hypot(float64(x)-p.X, float64(y)-p.Y) <= r {
			return i
		}
	}
	return -1
}

func (v *networkView) Tapped(ev *fyne.PointEvent) {
	if i := v.nodeAt(ev.Position); i >= 0 && v.onTap != nil {
		v.onTap(i)
	}
}

// Dragged moves the node the drag started on, with its ties, or else the whole map.
func (v *networkView) Dragged(ev *fyne.DragEvent) {
	if v.drawn == nil {
		return
	}
	if !v.dragged {
		v.dragged = true
		v.dragging = v.nodeAt(ev.Position.SubtractXY(ev.Dragged.DX, ev.Dragged.DY))
	}
	if v.dragging < 0 {
		v.fitted, v.centred = false, -1
		v.pan = v.pan.AddXY(ev.Dragged.DX, ev.Dragged.DY)
		v.world.Move(v.pan)
		return
	}
	i := v.dragging
	p := &v.drawn.at[i]
	p.X += float64(ev.Dragged.DX / v.scale)
	p.Y += float64(ev.Dragged.DY / v.scale)
	v.placeNode(i)
	canvas.Refresh(v.circles[i])
	canvas.Refresh(v.labels[i])
	for _, j := range v.drawn.net.EdgesAt(i) {
		v.placeTie(j)
		canvas.Refresh(v.lines[j])
	}
}

// DragEnd keeps the node where it was put, and shows the names that fit around it now.
func (v *networkView) DragEnd() {
	if v.dragging >= 0 {
		v.declutter()
		v.world.Refresh()
		if v.onMoved != nil {
			v.onMoved(v.dragging, v.drawn.at[v.dragging])
		}
	}
	v.dragged, v.dragging = false, -1
}

// Scrolled zooms in and out about the pointer.
func (v *networkView) Scrolled(ev *fyne.ScrollEvent) {
	if v.drawn == nil || ev.Scrolled.DY == 0 {
		return
	}
	v.zoom(float32(math.Pow(1.1, float64(ev.Scrolled.DY)/10)), ev.Position)
}

// zoom scales the map by factor, keeping the point at pos where it is.
func (v *networkView) zoom(factor float32, pos fyne.Position) {
	v.fitted, v.centred = false, -1
	scale := min(max(v.scale*factor, 0.02), 8)
	factor = scale / v.scale
	v.pan = fyne.NewPos(pos.X-(pos.X-v.pan.X)*factor, pos.Y-(pos.Y-v.pan.Y)*factor)
	v.scale = scale
	v.place()
}

func (v *networkView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

func (v *networkView) MouseMoved(ev *desktop.MouseEvent) {
	if i := v.nodeAt(ev.Position); i != v.hovered {
		v.hovered = i
		if v.onHover != nil {
			v.onHover(i)
		}
	}
}

func (v *networkView) MouseOut() {
	if v.hovered >= 0 {
		v.hovered = -1
		if v.onHover != nil {
			v.onHover(-1)
		}
	}
}

func (v *networkView) Resize(size fyne.Size) {
	changed := v.Size() != size
	v.BaseWidget.Resize(size)
	switch {
	case changed && v.fitted:
		v.fit()
	case changed && v.centred >= 0:
		v.centre(v.centred)
	}
}

func (v *networkView) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	return &networkRenderer{v: v, bg: bg, objects: []fyne.CanvasObject{bg, v.world}}
}

type networkRenderer struct {
	v       *networkView
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *networkRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.v.world.Resize(size) // a world of no size would hold nothing to draw
}

func (r *networkRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 200) }

func (r *networkRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameBackground)
	r.bg.Refresh()
	r.v.world.Refresh()
}

func (r *networkRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *networkRenderer) Destroy()                     {}
