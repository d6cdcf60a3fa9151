package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// Size of the small health-over-time chart, in Fyne units.
const (
	trendWidth  = 320
	trendHeight = 90
)

// healthTrend draws each evaluation's overall health (1–5) as a point, joined by lines, oldest on the left,
// over faint bands for the concern / worth-discussing / strength thresholds, with the figures below.
func healthTrend(history []*data.Evaluation) fyne.CanvasObject {
	var points []*data.Evaluation
	for _, e := range history {
		if !math.IsNaN(e.Overall()) {
			points = append(points, e)
		}
	}
	if len(points) == 0 {
		return wrapped(T("No health check recorded yet."))
	}
	chart := container.NewWithoutLayout(trendBands()...)
	y := func(v float64) float32 { return trendHeight - float32((v-1)/4)*trendHeight }
	x := func(i int) float32 {
		if len(points) == 1 {
			return trendWidth / 2
		}
		return float32(i) * trendWidth / float32(len(points)-1)
	}
	colour := theme.Color(theme.ColorNamePrimary)
	var figures []string
	for i, e := range points {
		v := e.Overall()
		if i > 0 {
			line := canvas.NewLine(colour)
			line.StrokeWidth = 2
			line.Position1, line.Position2 = fyne.NewPos(x(i-1), y(points[i-1].Overall())), fyne.NewPos(x(i), y(v))
			chart.Add(line)
		}
		dot := canvas.NewCircle(colour)
		dot.Resize(fyne.NewSize(8, 8))
		dot.Move(fyne.NewPos(x(i)-4, y(v)-4))
		chart.Add(dot)
		figures = append(figures, longDate(e.Date)+": "+oneDecimal(v))
	}
	sized := container.NewGridWrap(fyne.NewSize(trendWidth, trendHeight), chart)
	caption := widget.NewLabel(joinNonEmpty("  ·  ", figures...))
	caption.Wrapping = fyne.TextWrapWord
	return container.NewVBox(sized, caption)
}

// trendBands shade the chart behind the line: below 3 a concern, 3 to 4 worth discussing, 4 and up a strength.
func trendBands() []fyne.CanvasObject {
	band := func(from, to float64, c color.NRGBA) fyne.CanvasObject {
		r := canvas.NewRectangle(c)
		top := trendHeight - float32((to-1)/4)*trendHeight
		r.Move(fyne.NewPos(0, top))
		r.Resize(fyne.NewSize(trendWidth, float32((to-from)/4)*trendHeight))
		return r
	}
	return []fyne.CanvasObject{
		band(1, 3, color.NRGBA{R: 0xd9, G: 0x53, B: 0x4f, A: 0x30}),
		band(3, 4, color.NRGBA{R: 0xf0, G: 0xad, B: 0x4e, A: 0x30}),
		band(4, 5, color.NRGBA{R: 0x5c, G: 0xb8, B: 0x5c, A: 0x30}),
	}
}
