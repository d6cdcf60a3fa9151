package ui

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/calendar"
	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// dashboardScreen shows headline counts and what needs attention, computed off the UI goroutine.
type dashboardScreen struct {
	store *store.Store
	shell *shell
	body  *fyne.Container
}

func newDashboardScreen(s *store.Store, sh *shell) *dashboardScreen {
	return &dashboardScreen{store: s, shell: sh}
}

func (ds *dashboardScreen) buildUI() fyne.CanvasObject {
	ds.body = container.NewVBox(widget.NewLabel(T("Counting…")))
	ds.refresh()
	return newPageScroll(container.NewPadded(ds.body))
}

// turnout is the dashboard's picture of community participation: the last twelve months, month by month,
// and the twelve before.
type turnout struct {
	this, before data.Turnout
	months       []data.Turnout
	from         data.Date
}

func (ds *dashboardScreen) refresh() {
	background(func() {
		today := data.DateOf(now())
		o, r, h := data.OverviewOn(ds.store, today), data.Reminders(ds.store, today), data.HeadlinesOn(ds.store, today)
		this, before := lastYear(today)
		p := turnout{data.TurnoutIn(ds.store, this, nil), data.TurnoutIn(ds.store, before, nil),
			data.MonthlyTurnout(ds.store, this), this.From}
		onUI(func() { ds.show(o, r, h, p) })
	})
}

func (ds *dashboardScreen) show(o data.Overview, reminders []data.Reminder, h data.Headlines, p turnout) {
	title := widget.NewLabelWithStyle(ds.store.Organisation().Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if title.Text == "" {
		title.SetText(T("Dashboard"))
	}
	title.SizeName = theme.SizeNameHeadingText
	currency := ds.store.Organisation().Currency
	cards := tiles(240,
		figure(T("Active partners"), fmt.Sprint(o.ActivePartners), N(o.Partners, "of %d partner", "of %d partners")),
		figure(T("Active agreements"), fmt.Sprint(o.AgreementsByStatus[data.StatusActive]), N(o.AgreementsByStatus[data.StatusDraft], "%d draft", "%d drafts")+", "+
			N(len(o.Expiring), "%d ends within 60 days", "%d end within 60 days")),
		figure(T("Partners contribute"), money(h.PartnerContributions, currency), leverageText(h.Leverage)),
		figure(T("Average health"), oneDecimal(h.AverageHealth), healthChangeText(h.HealthChange)),
		figure(T("Partnership longevity"), years(h.LongevityYears), T("on average, for active partners")),
		figure(T("Overdue actions"), fmt.Sprint(o.OverdueActions), N(o.OpenActions, "%d action open", "%d actions open")),
		figure(T("Open community needs"), fmt.Sprint(o.OpenNeeds), T("%d high priority", o.UnmetHighNeeds)),
		participationFigure(p.this, p.before),
	)
	months := container.NewVBox(widget.NewLabelWithStyle(T("People taking part, month by month"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		participationChart(p.months, p.from))
	calendarButton := widget.NewButtonWithIcon(T("Save dates for your calendar…"), theme.CalendarIcon(), ds.onCalendar)
	reports := flowRow(
		widget.NewButtonWithIcon(T("Annual report…"), theme.DocumentPrintIcon(), ds.onAnnualReport),
		widget.NewButtonWithIcon(T("Agreement register"), theme.DocumentPrintIcon(), func() {
			ds.printReport(T("Agreement register"), func(today data.Date) ([]byte, error) { return pdf.AgreementRegister(ds.store, today) })
		}),
		widget.NewButtonWithIcon(T("Contact directory"), theme.DocumentPrintIcon(), func() {
			ds.printReport(T("Contact directory"), func(today data.Date) ([]byte, error) { return pdf.ContactDirectory(ds.store, today, false) })
		}),
		calendarButton)
	ds.body.Objects = []fyne.CanvasObject{title, reports, cards, ds.attention(reminders), months}
	ds.body.Refresh()
}

func leverageText(v float64) string {
	if math.IsNaN(v) {
		return T("in agreements active today")
	}
	return T("Partners put in %s for every %s we put in", i18n.Number(v, 2, false), i18n.Number(1, 2, false))
}

// years is a length of time to one decimal, or that it is not known yet.
func years(v float64) string {
	if math.IsNaN(v) {
		return T("not yet known")
	}
	return T("%s years", oneDecimal(v))
}

func healthChangeText(v float64) string {
	switch {
	case math.IsNaN(v):
		return T("from the latest evaluations")
	case math.Abs(v) < 0.05:
		return T("no change since the evaluations before")
	}
	sign := "+"
	if v < 0 {
		sign = "−"
	}
	return T("%s since the evaluations before", sign+i18n.Number(math.Abs(v), 1, false))
}

func figure(label, value, note string) fyne.CanvasObject {
	number := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	number.SizeName = theme.SizeNameHeadingText
	name := heading(label)
	name.Wrapping = fyne.TextWrapWord // "Necesidades de la comunidad abiertas" is wider than a card
	return widget.NewCard("", "", container.NewVBox(name, number, wrapped(note)))
}

// maxAttentionItems keeps the dashboard a short to-do list, however large the data; maxPerKind keeps one
// kind of reminder from filling it.
const (
	maxAttentionItems = 8
	maxPerKind        = 2
)

// attention lists what needs doing; each item opens its record.
func (ds *dashboardScreen) attention(reminders []data.Reminder) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(T("Needs attention"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(reminders) == 0 {
		box.Add(widget.NewLabel(T("Nothing needs attention today.")))
		return box
	}
	shown, perKind := 0, map[data.ReminderKind]int{}
	for _, r := range reminders {
		if shown == maxAttentionItems || perKind[r.Kind] == maxPerKind {
			continue // a few of each kind, so fifty overdue actions do not hide a lapsing agreement
		}
		shown++
		perKind[r.Kind]++
		// A link rather than a button: it wraps, so a long title at a large text size never widens the window.
		link := widget.NewHyperlink(reminderText(r, data.DateOf(now())), nil)
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { ds.shell.openRef(r.Target) }
		box.Add(link)
	}
	if more := len(reminders) - shown; more > 0 {
		box.Add(widget.NewLabel(N(more, "and %d more reminder", "and %d more reminders")))
	}
	return box
}

func reminderText(r data.Reminder, today data.Date) string {
	r.Title = shortened(r.Title, 60) // a reminder is read at a glance
	switch r.Kind {
	case data.RemindExpiring:
		if r.Date == today {
			return T("%s ends today", r.Title)
		}
		return N(today.DaysUntil(r.Date), "%[2]s ends in %[1]d day", "%[2]s ends in %[1]d days", r.Title)
	case data.RemindEvaluation:
		if r.Date.Before(today) {
			return T("Evaluation of %s overdue since %s", r.Title, longDate(r.Date))
		}
		return T("Evaluation of %s due on %s", r.Title, longDate(r.Date))
	case data.RemindAction:
		return T("Overdue action: %s (due %s)", r.Title, longDate(r.Date))
	case data.RemindSignatures:
		return T("%s has waited for signatures since %s", r.Title, longDate(r.Date))
	case data.RemindField:
		label := r.Field.Label(i18n.Current().Code())
		if r.Date.Before(today) {
			return T("%s for %s was %s", label, r.Title, longDate(r.Date))
		}
		return T("%s for %s: %s", label, r.Title, longDate(r.Date))
	}
	return T("No activity with %s since %s", r.Title, longDate(r.Date))
}

// onCalendar saves agreement ends, reviews, action due dates and meetings as an .ics file that Google
// Calendar, Outlook and Thunderbird import; importing it again updates the same events.
func (ds *dashboardScreen) onCalendar() {
	background(func() {
		var b bytes.Buffer
		err := calendar.Write(&b, ds.store, data.DateOf(now()))
		onUI(func() {
			if err != nil {
				showError(ds.shell.win, "write calendar", err)
				return
			}
			saveAs(ds.shell.win, "accord.ics", b.Bytes())
		})
	})
}

// print renders a report and opens it in the system's PDF viewer to print.
func (ds *dashboardScreen) printReport(name string, render func(today data.Date) ([]byte, error)) {
	today := data.DateOf(now())
	printDocument(ds.shell.win, ds.store.Dir(), safeFileName(name+" "+today.String()+".pdf"), false,
		func() ([]byte, error) { return render(today) }, func([]byte) {})
}

// print is Ctrl+P: the annual report.
func (ds *dashboardScreen) print() { ds.onAnnualReport() }

// onAnnualReport asks for the year, this year unless the user says otherwise.
func (ds *dashboardScreen) onAnnualReport() {
	year := newField("")
	year.SetText(fmt.Sprint(now().Year()))
	ask(ds.shell.win, T("Annual report"), T("Open to print"), T("Cancel"), row(T("Year"), year), func() {
		y, err := strconv.Atoi(strings.TrimSpace(year.Text))
		if err != nil || y < 1900 || y > 3000 {
			dialog.ShowInformation(T("Annual report"), T("Type a year, like %d.", now().Year()), ds.shell.win)
			return
		}
		ds.printReport(T("Annual report %d", y), func(today data.Date) ([]byte, error) { return pdf.AnnualReport(ds.store, y, today) })
	})
}

// shortened cuts text to at most n characters, ending with "…" when it had to cut.
func shortened(text string, n int) string {
	runes := []rune(text)
	if len(runes) <= n {
		return text
	}
	return string(runes[:n-1]) + "…"
}
