package ui

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Icon is the default theme's icon, but for those Fyne draws on a grid of 960 units, which it draws here
// on a grid of 24 (see onSmallGrid).
func (l *look) Icon(n fyne.ThemeIconName) fyne.Resource {
	if r, ok := smallGridIcons()[n]; ok {
		return r
	}
	return l.Theme.Icon(n)
}

// smallGridIcons are Fyne's icons drawn on a grid of 960 units — the calendar of every date field — each
// made once. Fyne rasterises an icon through a buffer of a float for every unit of its grid, whatever
// size it is drawn at: 3.5 MB for each calendar, at every click on a partner, and the window's heap grew
// to twice what it held.
var smallGridIcons = sync.OnceValue(func() map[fyne.ThemeIconName]fyne.Resource {
	icons := map[fyne.ThemeIconName]fyne.Resource{}
	for _, n := range []fyne.ThemeIconName{theme.IconNameCalendar, theme.IconNameDragCornerIndicator} {
		icons[n] = onSmallGrid(theme.DefaultTheme().Icon(n), 960)
	}
	return icons
})

// onSmallGrid is an SVG icon drawn on a grid of units × units, drawn on a grid of 24 × 24: the same
// picture, each path's numbers scaled, coloured by the theme like the original. An icon of another shape,
// or with arcs (whose flags are numbers not to scale), is returned as it is.
func onSmallGrid(r fyne.Resource, units float64) fyne.Resource {
	svg := r.Content()
	grid := fmt.Appendf(nil, `viewBox="0 0 %g %g"`, units, units) // i18n:same
	if bytes.Count(svg, grid) != 1 || arcs.Match(svg) {
		return r
	}
	svg = bytes.Replace(svg, grid, []byte(`viewBox="0 0 24 24"`), 1) // i18n:same
	k := 24 / units
	svg = pathData.ReplaceAllFunc(svg, func(d []byte) []byte {
		return number.ReplaceAllFunc(d, func(n []byte) []byte {
			f, _ := strconv.ParseFloat(string(n), 64) // the pattern is a number
			return strconv.AppendFloat(nil, f*k, 'g', 6, 64)
		})
	})
	return theme.NewThemedResource(fyne.NewStaticResource(r.Name(), svg))
}

var (
	pathData = regexp.MustCompile(` d="[^"]*"`)
	number   = regexp.MustCompile(`-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`) // i18n:same
	arcs     = regexp.MustCompile(` d="[^"]*[Aa]`)                      // i18n:same
)
