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
	var widest float32
	for _, o := range visible(objects) {
		widest = max(widest, o.MinSize().Width)
	}
	rows := f.rows(objects, f.width)
	f.lines = len(rows)
	return fyne.NewSize(widest, f.height(rows))
}

func (f *flow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	rows := f.rows(objects, size.Width)
	pad := theme.Padding()
	var y float32
	for _, row := range rows {
		var x, tallest float32
		for _, o := range row {
			tallest = max(tallest, o.MinSize().Height)
		}
		for _, o := range row {
			m := o.MinSize()
			o.Resize(fyne.NewSize(m.Width, tallest))
			o.Move(fyne.NewPos(x, y))
			x += m.Width + pad
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
func (f *flow) rows(objects []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	var rows [][]fyne.CanvasObject
	var x float32
	pad := theme.Padding()
	for _, o := range visible(objects) {
		w := o.MinSize().Width
		if len(rows) == 0 || (width > 0 && x > 0 && x+w > width) {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], o)
		x += w + pad
	}
	return rows
}

func (f *flow) height(rows [][]fyne.CanvasObject) float32 {
	var h float32
	for i, row := range rows {
		var tallest float32
		for _, o := range row {
			tallest = max(tallest, o.MinSize().Height)
		}
		h += tallest
		if i > 0 {
			h += theme.Padding()
		}
	}
	return h
}

func visible(objects []fyne.CanvasObject) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(objects))
	for _, o := range objects {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
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
