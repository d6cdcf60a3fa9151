package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// flowRow lays out a toolbar of buttons and filters left to right, going on to a new line when the next
// one would not fit: with large text or a narrow window every control stays on the screen.
func flowRow(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flow{}, objects...)
}

// flow is flowRow's layout. How many lines it needs depends on the width it is given, which Fyne asks for
// only after the minimum size: so MinSize answers for the width of the last layout, and a layout that
// needs another number of lines than that answer asks the window to lay everything out again.
type flow struct {
	width float32 // of the last layout; 0 before the first
	lines int     // the number of lines MinSize last answered for
}

func (f *flow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	shown := sizedVisible(objects)
	var widest float32
	for _, s := range shown {
		widest = max(widest, s.min.Width)
	}
	rows := f.rows(shown, f.width)
	f.lines = len(rows)
	return fyne.NewSize(widest, heightOf(rows))
}

func (f *flow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	rows := f.rows(sizedVisible(objects), size.Width)
	pad := theme.Padding()
	var y float32
	for _, row := range rows {
		var x float32
		tallest := tallestOf(row)
		for _, s := range row {
			s.o.Resize(fyne.NewSize(s.min.Width, tallest))
			s.o.Move(fyne.NewPos(x, y))
			x += s.min.Width + pad
		}
		y += tallest + pad
	}
	if len(rows) != f.lines && len(objects) > 0 {
		if c := fyne.CurrentApp().Driver().CanvasForObject(objects[0]); c != nil && c.Content() != nil {
			f.lines = len(rows)
			onUI(c.Content().Refresh)
		}
	}
}

// rows breaks the visible objects into lines no wider than width (one line when width is not known).
func (f *flow) rows(shown []sized, width float32) [][]sized {
	var rows [][]sized
	var x float32
	pad := theme.Padding()
	for _, s := range shown {
		w := s.min.Width
		if len(rows) == 0 || (width > 0 && x > 0 && x+w > width) {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], s)
		x += w + pad
	}
	return rows
}

// upTo lays o out in the middle of the space, width × height big at normal text size (bigger with the
// text), or as big as the window when that is smaller, but never smaller than o needs.
func upTo(width, height float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(&centred{size: fyne.NewSize(width, height)}, o)
}

type centred struct{ size fyne.Size }

func (c *centred) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

func (c *centred) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	o := objects[0]
	s := scaled(c.size.Width, c.size.Height).Min(size).Max(o.MinSize())
	o.Resize(s)
	o.Move(fyne.NewPos((size.Width-s.Width)/2, (size.Height-s.Height)/2))
}

// columns lays fields out side by side in up to n columns of equal width, as many as the width given
// holds: with large text or a narrow window, fields that no longer fit beside each other go one under the
// other rather than widening the window.
func columns(n int, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&grid{most: n}, objects...)
}

// tiles lays cards out in as many columns as fit, each at least width wide (at normal text size).
func tiles(width float32, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&grid{most: len(objects), least: width}, objects...)
}

// grid is the layout of columns and tiles. Like flow, how many rows it needs depends on the width it is
// given, and text that wraps is as tall as the width it gets: MinSize answers for the width of the last
// layout. The window checks every part's minimum size on each frame and lays out again the parent of one
// that changed, so a grid that needs another height after a layout gets it on the next frame.
type grid struct {
	most  int     // columns at most
	least float32 // the narrowest a column may be, at normal text size, whatever it holds
	width float32 // of the last layout; 0 before the first
}

func (g *grid) MinSize(objects []fyne.CanvasObject) fyne.Size {
	shown := sizedVisible(objects)
	cols, narrowest := g.columns(shown, g.width)
	return fyne.NewSize(narrowest, heightOf(chunk(shown, cols)))
}

func (g *grid) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	shown := sizedVisible(objects)
	cols, _ := g.columns(shown, size.Width)
	cell := (size.Width - theme.Padding()*float32(cols-1)) / float32(cols)
	for i, s := range shown { // each takes its column's width first: wrapped text then knows its height
		s.o.Resize(fyne.NewSize(cell, s.min.Height))
		shown[i].min = s.o.MinSize()
	}
	var y float32
	for _, row := range chunk(shown, cols) {
		tallest := tallestOf(row)
		for i, s := range row {
			s.o.Move(fyne.NewPos(float32(i)*(cell+theme.Padding()), y))
			s.o.Resize(fyne.NewSize(cell, tallest))
		}
		y += tallest + theme.Padding()
	}
}

// columns is how many columns a width holds (all of them while the width is not known yet), and the
// narrowest a column may be.
func (g *grid) columns(shown []sized, width float32) (int, float32) {
	narrowest := scaled(g.least, 0).Width
	for _, s := range shown {
		narrowest = max(narrowest, s.min.Width)
	}
	cols := max(1, min(g.most, len(shown)))
	if width > 0 {
		fit := int((width + theme.Padding()) / (narrowest + theme.Padding()))
		cols = max(1, min(cols, fit))
	}
	return cols, narrowest
}

// sized is a visible part of a layout with its minimum size, asked once per layout or answer: a layout
// that asked each part again for every sum it makes would ask the parts of nested layouts several times
// over for each level, at every click that refills a form.
type sized struct {
	o   fyne.CanvasObject
	min fyne.Size
}

func sizedVisible(objects []fyne.CanvasObject) []sized {
	out := make([]sized, 0, len(objects))
	for _, o := range objects {
		if o.Visible() {
			out = append(out, sized{o, o.MinSize()})
		}
	}
	return out
}

func chunk[T any](items []T, n int) [][]T {
	var out [][]T
	for len(items) > n {
		out = append(out, items[:n])
		items = items[n:]
	}
	if len(items) > 0 {
		out = append(out, items)
	}
	return out
}

func tallestOf(row []sized) float32 {
	var h float32
	for _, s := range row {
		h = max(h, s.min.Height)
	}
	return h
}

// heightOf is the height of rows one under the other, with padding between.
func heightOf(rows [][]sized) float32 {
	var h float32
	for i, row := range rows {
		if i > 0 {
			h += theme.Padding()
		}
		h += tallestOf(row)
	}
	return h
}

// pageScroll scrolls a long form or page: a notch of the mouse wheel moves about three lines, as in a
// list, not the few pixels Fyne's default moves a page as tall as the agreement form.
type pageScroll struct {
	container.Scroll
}

func newPageScroll(content fyne.CanvasObject) *pageScroll {
	s := &pageScroll{}
	pass := &wheelPass{page: s}
	pass.ExtendBaseWidget(pass)
	s.Direction, s.Content = container.ScrollVerticalOnly, container.NewStack(content, pass)
	s.ExtendBaseWidget(s)
	pageScrolls = append(slices.DeleteFunc(pageScrolls, offScreen), s)
	return s
}

// pageScrolls are the page scrolls built, for followFocus; those no longer on a screen are dropped as new
// ones come.
var pageScrolls []*pageScroll

func offScreen(s *pageScroll) bool { return fyne.CurrentApp().Driver().CanvasForObject(s) == nil }

// followFocus keeps the field the keyboard is on in view as Tab moves through a form taller than the window:
// Fyne focuses a field below the fold without scrolling to it.
func followFocus(w fyne.Window) {
	var last fyne.Focusable
	for range time.Tick(100 * time.Millisecond) {
		fyne.Do(func() {
			f := w.Canvas().Focused()
			if f == last || f == nil {
				return
			}
			last = f
			for _, s := range pageScrolls {
				if s.bringIntoView(f) {
					return
				}
			}
		})
	}
}

// holds says whether o is in this page, and where it is on the window.
func (s *pageScroll) holds(o fyne.CanvasObject) (in fyne.Position, ok bool) {
	if offScreen(s) || s.Content == nil {
		return in, false
	}
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(s)
	in = d.AbsolutePositionForObject(o)
	contentTop := at.Y - s.Offset.Y
	return in, in.X >= at.X && in.X <= at.X+s.Size().Width && in.Y >= contentTop && in.Y <= contentTop+s.Content.Size().Height
}

// bringIntoView scrolls so that o, if it is in this page, shows whole; it says whether o is in the page.
func (s *pageScroll) bringIntoView(f fyne.Focusable) bool {
	o, ok := f.(fyne.CanvasObject)
	if !ok {
		return false
	}
	in, ok := s.holds(o)
	if !ok {
		return false
	}
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(s).Y
	bottom := top + s.Size().Height
	switch height := o.Size().Height; {
	case in.Y < top:
		s.ScrollToOffset(fyne.NewPos(0, s.Offset.Y-(top-in.Y)))
	case in.Y+height > bottom:
		s.ScrollToOffset(fyne.NewPos(0, s.Offset.Y+in.Y+height-bottom))
	}
	return true
}

// wheelLines is how far a notch of the wheel scrolls, in lines of text; fyneNotch, how far Fyne scrolls
// for one on Windows and Linux.
const (
	wheelLines = 3
	fyneNotch  = 25
)

func (s *pageScroll) Scrolled(ev *fyne.ScrollEvent) {
	ev.Scrolled.DY *= wheelLines * theme.Size(theme.SizeNameText) * 1.6 / fyneNotch
	s.Scroll.Scrolled(ev)
}

// wheelPass lies over a page's content and gives the mouse wheel to the page. Fyne gives the wheel to the
// innermost scroller under the pointer — inside every text field there is one, with nothing to scroll (a
// long field grows instead: see longEntry) — so a form stopped scrolling wherever the pointer was over a
// field. It takes no taps, drags or pointer moves: those still reach what lies below. Pages hold no list or
// table of their own for it to hide.
type wheelPass struct {
	widget.BaseWidget
	page *pageScroll
}

func (p *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

func (p *wheelPass) Scrolled(ev *fyne.ScrollEvent) { p.page.Scrolled(ev) }
