package pdf

import (
	"math"
)

// Colours of the health bands: green, amber and red read at a glance, and differ enough in lightness to
// stay apart on a grey photocopy.
var (
	strengthColour = rgb{47, 133, 90}
	discussColour  = rgb{214, 145, 28}
	concernColour  = rgb{192, 57, 43}
	track          = rgb{234, 237, 239} // the empty part of a progress bar
)

// lighter mixes a colour with white, by t from 0 (the colour) to 1 (white).
func lighter(c rgb, t float64) rgb {
	mix := func(v int) int { return v + int(math.Round(float64(255-v)*t)) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

// bar is one row of a bar chart: its value and, when there is one, an earlier value drawn below it in a
// lighter tone. A NaN value draws no bar, only the chart's empty text.
type bar struct {
	label          string
	value, before  float64
	colour         rgb
	text, textPrev string // printed at the end of each bar
}

// swatch is one entry of a chart's legend.
type swatch struct {
	colour rgb
	label  string
}

// barChart draws horizontal bars on a fixed scale, lo to hi, with a gridline at each tick, as vectors. It
// never splits across pages.
type barChart struct {
	lo, hi float64
	ticks  []float64
	bars   []bar
	legend []swatch
	empty  string
	// tight sets the bars closer together, for a chart on a one-page document.
	tight bool
}

// Bar chart geometry, in millimetres.
const (
	chartLabelShare = 0.36 // of the width, for the bars' labels
	chartValueRoom  = 11.0 // right of the scale's end, for the label of a full bar
	chartBar        = 4.4
	chartBarPrev    = 2.6
	chartBarGap     = 0.7
	chartRowPad     = 2.0
	chartTightPad   = 0.8
	chartAxis       = 6.0 // the tick labels under the plot
	chartSwatch     = 3.0
)

func (c barChart) hasBefore() bool {
	for _, b := range c.bars {
		if !math.IsNaN(b.before) {
			return true
		}
	}
	return false
}

// barsHeight is the height of a row's bars: its own, and the earlier value's below it.
func (c barChart) barsHeight() float64 {
	if c.hasBefore() {
		return chartBar + chartBarGap + chartBarPrev
	}
	return chartBar
}

// rowHeight is the same for every row, so the bars sit on an even rhythm whatever their labels.
func (c barChart) rowHeight(d *document, w float64) float64 {
	bars := c.barsHeight()
	d.font("", smallSize)
	lines := 1
	for _, b := range c.bars {
		lines = max(lines, len(d.wrap(b.label, w*chartLabelShare-3)))
	}
	return max(bars, float64(lines)*smallLine) + 2*c.pad()
}

// pad is the space above and below each row's bars.
func (c barChart) pad() float64 {
	if c.tight {
		return chartTightPad
	}
	return chartRowPad
}

func (c barChart) legendHeight(d *document, w float64) float64 {
	if len(c.legend) == 0 {
		return 0
	}
	return float64(len(c.legendLines(d, w)))*smallLine + 2
}

// legendLines places the swatches in lines across the width.
func (c barChart) legendLines(d *document, w float64) [][]swatch {
	d.font("", 8)
	var out [][]swatch
	used := w
	for _, s := range c.legend {
		sw := chartSwatch + 1.5 + d.f.GetStringWidth(s.label) + 6
		if used+sw > w && used > 0 {
			out = append(out, nil)
			used = 0
		}
		out[len(out)-1] = append(out[len(out)-1], s)
		used += sw
	}
	return out
}

func (c barChart) height(d *document, w float64) float64 {
	return float64(len(c.bars))*c.rowHeight(d, w) + chartAxis + c.legendHeight(d, w)
}

func (c barChart) lead(d *document, w float64) float64 { return c.height(d, w) }

// scaleX is where a value falls on the plot, clamped to the scale.
func (c barChart) scaleX(v, x, w float64) float64 {
	v = math.Max(c.lo, math.Min(c.hi, v))
	return x + (v-c.lo)/(c.hi-c.lo)*w
}

func (c barChart) draw(d *document, x, w float64) {
	f := d.f
	d.ensure(c.height(d, w))
	rh := c.rowHeight(d, w)
	labelW := w * chartLabelShare
	px, pw := x+labelW, w-labelW-chartValueRoom
	top := f.GetY()
	bottom := top + float64(len(c.bars))*rh

	// Gridlines first, so the bars lie over them; the scale's start is the axis.
	d.font("", 8)
	d.colour(muted)
	for _, t := range c.ticks {
		tx := c.scaleX(t, px, pw)
		if t == c.lo {
			d.draw(muted, 0.3)
		} else {
			d.draw(rule, 0.15)
		}
		f.Line(tx, top, tx, bottom)
		label := number(t)
		f.SetXY(tx-10, bottom+1)
		f.CellFormat(20, 4, label, "", 0, "C", false, 0, "")
	}

	for i, b := range c.bars {
		y := top + float64(i)*rh
		if i > 0 {
			d.draw(track, 0.15)
			f.Line(x, y, px, y)
		}
		d.font("", smallSize)
		d.colour(ink)
		lines := d.wrap(b.label, labelW-3)
		ly := y + (rh-float64(len(lines))*smallLine)/2
		for j, l := range lines {
			f.SetXY(x, ly+float64(j)*smallLine)
			f.CellFormat(labelW-3, smallLine, l, "", 0, "L", false, 0, "")
		}
		by := y + c.pad()
		if math.IsNaN(b.value) {
			d.font("I", 8)
			d.colour(muted)
			f.SetXY(px+1.5, by)
			f.CellFormat(pw, chartBar, c.empty, "", 0, "L", false, 0, "")
		} else {
			c.drawBar(d, px, pw, by, chartBar, b.value, b.colour, b.text, "B", ink)
		}
		if !math.IsNaN(b.before) {
			c.drawBar(d, px, pw, by+chartBar+chartBarGap, chartBarPrev, b.before, lighter(b.colour, 0.55), b.textPrev, "", muted)
		}
	}
	f.SetY(bottom + chartAxis)
	c.drawLegend(d, x, w)
	d.colour(ink)
}

// drawBar draws one bar from the scale's start to v, at least a sliver long so that the lowest score
// still shows, with its text after its end.
func (c barChart) drawBar(d *document, px, pw, y, h, v float64, colour rgb, text, style string, tc rgb) {
	end := max(c.scaleX(v, px, pw), px+0.6)
	d.fill(colour)
	d.f.Rect(px, y, end-px, h, "F")
	d.font(style, 8)
	d.colour(tc)
	d.f.SetXY(end+1.2, y)
	d.f.CellFormat(chartValueRoom, h, text, "", 0, "L", false, 0, "")
}

func (c barChart) drawLegend(d *document, x, w float64) {
	if len(c.legend) == 0 {
		return
	}
	f := d.f
	for _, line := range c.legendLines(d, w) {
		lx, y := x, f.GetY()
		for _, s := range line {
			d.fill(s.colour)
			f.Rect(lx, y+(smallLine-chartSwatch)/2, chartSwatch, chartSwatch, "F")
			lx += chartSwatch + 1.5
			d.font("", 8)
			d.colour(muted)
			f.SetXY(lx, y)
			lw := f.GetStringWidth(s.label)
			f.CellFormat(lw, smallLine, s.label, "", 0, "L", false, 0, "")
			lx += lw + 6
		}
		f.SetY(y + smallLine)
	}
	f.SetY(f.GetY() + 2)
}

// meter draws a progress bar filled to a fraction (capped at full) in the box x, y, w, h.
func meter(d *document, fraction, x, y, w, h float64, colour rgb) {
	d.fill(track)
	d.f.Rect(x, y, w, h, "F")
	if fraction > 0 {
		d.fill(colour)
		d.f.Rect(x, y, w*math.Min(1, fraction), h, "F")
	}
}

// dot draws a small filled circle: the band marker beside an average in a table.
func dot(d *document, x, y float64, colour rgb) {
	d.fill(colour)
	d.f.Circle(x, y, 1.2, "F")
}

// tile is a key figure printed large, with a label above and a note below it; a row of them opens a
// report's summary.
type tile struct {
	label, value, note string
	colour             rgb
}

// tiles is a row of key figures side by side, kept together on one page.
type tiles []tile

const (
	tileGap    = 4.0
	tileHeight = 25.0
	tileStripe = 1.4
)

func (ts tiles) lead(d *document, w float64) float64 {
	if len(ts) == 0 {
		return 0
	}
	return tileHeight
}

func (ts tiles) draw(d *document, x, w float64) {
	if len(ts) == 0 {
		return
	}
	f := d.f
	d.ensure(tileHeight)
	y := f.GetY()
	tw := (w - tileGap*float64(len(ts)-1)) / float64(len(ts))
	for i, t := range ts {
		tx := x + float64(i)*(tw+tileGap)
		inner := tw - tileStripe - 6
		d.fill(lighter(shade, 0.4))
		f.Rect(tx, y, tw, tileHeight, "F")
		d.fill(t.colour)
		f.Rect(tx, y, tileStripe, tileHeight, "F")
		tx += tileStripe + 3
		d.font("", 8)
		d.colour(muted)
		f.SetXY(tx, y+2.5)
		f.CellFormat(inner, 4, fit(f, clean(t.label), inner), "", 0, "L", false, 0, "")
		d.font("B", 18)
		d.colour(t.colour)
		f.SetXY(tx, y+7)
		f.CellFormat(inner, 8, fit(f, clean(t.value), inner), "", 0, "L", false, 0, "")
		d.font("", 8)
		d.colour(ink)
		for j, l := range d.wrap(t.note, inner) {
			if j == 2 {
				break // a note is a few words; a third line would run off the tile
			}
			f.SetXY(tx, y+16+float64(j)*3.6)
			f.CellFormat(inner, 3.6, l, "", 0, "L", false, 0, "")
		}
	}
	d.colour(ink)
	f.SetY(y + tileHeight)
}
