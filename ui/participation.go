package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
)

// Size of one month's bar in the participation chart, in Fyne units at the normal text size.
const (
	monthWidth  = 30
	monthHeight = 56
)

// lastYear is the twelve months up to today, and the twelve before them.
func lastYear(today data.Date) (this, before data.Span) {
	this = data.Span{From: today.AddMonths(-12).AddDays(1), To: today}
	before = data.Span{From: this.From.AddMonths(-12), To: this.From.AddDays(-1)}
	return this, before
}

// participationChart draws the people who took part in activities each month of a span as bars, oldest on
// the left, each month named below its bar: how participation moves over the year.
func participationChart(months []data.Turnout, from data.Date) fyne.CanvasObject {
	top := 0
	for _, m := range months {
		top = max(top, m.People)
	}
	if top == 0 {
		return widget.NewLabel(T("No one was counted at an activity in the last 12 months."))
	}
	size := scaled(monthWidth, monthHeight)
	var bars []fyne.CanvasObject
	for i, m := range months {
		h := size.Height * float32(m.People) / float32(top)
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		bar.Move(fyne.NewPos(size.Width*0.15, size.Height-h))
		bar.Resize(fyne.NewSize(size.Width*0.7, h))
		month := from.AddMonths(i)
		name := canvas.NewText(shortMonth(month.Month), theme.Color(theme.ColorNameForeground))
		name.TextSize = theme.Size(theme.SizeNameCaptionText)
		name.Alignment = fyne.TextAlignCenter
		bars = append(bars, container.NewVBox(container.NewGridWrap(size, container.NewWithoutLayout(bar)), name))
	}
	return container.NewHBox(bars...)
}

// shortMonth is a month's name cut to three letters, in the language in use: "Jan", "ene", "jan".
func shortMonth(m time.Month) string {
	name := []rune(T(m.String()))
	return string(name[:min(3, len(name))])
}

// participationFigure is the dashboard's card on community participation: the people counted at
// activities in the last twelve months, against the twelve before.
func participationFigure(this, before data.Turnout) fyne.CanvasObject {
	note := N(this.Counted, "at %d activity in the last 12 months", "at %d activities in the last 12 months")
	if before.People > 0 {
		note = T("in the last 12 months; %s in the 12 before", i18n.Amount(fmt.Sprint(before.People), ""))
	}
	return figure(T("People taking part"), i18n.Amount(fmt.Sprint(this.People), ""), note)
}
