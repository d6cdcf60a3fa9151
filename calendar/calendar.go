// Package calendar writes Accord's dates — agreements ending, evaluations due, action items due, meetings —
// as an iCalendar (RFC 5545) file, so a group sees them in the calendar program it already uses. The file is
// a snapshot: every event's UID comes from the record it is about, so importing a newer file updates the
// events rather than adding copies.
package calendar

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"accord/data"
	"accord/i18n"
	"accord/internal/contentline"
)

// ProdID names the program that made the file, as RFC 5545 asks.
const ProdID = "-//Accord//Community partnerships//EN"

// RecentDays is how far back activities are kept: a month or three of past meetings is useful context
// in a calendar, years of them are clutter.
const RecentDays = 90

// Event is one all-day entry.
type Event struct {
	UID         string
	Date        data.Date
	Summary     string
	Description string
	Categories  []string
	// Stamp and Sequence come from the records the event is drawn from, not the clock, so the same data
	// always gives the same file and a calendar program sees a change exactly when a record changed.
	Stamp    time.Time
	Sequence uint64
	// AlarmDays, when not 0, asks the calendar program to remind that many days before.
	AlarmDays int
}

// Events lists what the calendar holds on the day today, by date and then UID.
func Events(s data.View, today data.Date) []Event {
	var out []Event
	for _, a := range data.List[data.Agreement](s) {
		// Drafts and agreements out for signature may never happen, and a terminated one no longer
		// ends on its end date; only signed ones (active, or expired as history) put a date in the diary.
		if a.Status != data.StatusSigned || a.End.IsZero() {
			continue
		}
		out = append(out, Event{
			UID:         "agreement-end-" + a.ID + "@accord",
			Date:        a.End,
			Summary:     i18n.T("Agreement ends: %s", a.Name),
			Description: lines(i18n.T("Agreement: %s", a.Name), partnersLine(s, a.PartnerIDs())),
			Categories:  []string{i18n.T("Agreement")},
			Stamp:       a.UpdatedAt, Sequence: a.Rev,
		})
	}
	out = append(out, reviews(s, today)...)
	out = append(out, customDates(s, today)...)
	for _, a := range data.List[data.Activity](s) {
		if !a.Date.Before(today.AddDays(-RecentDays)) {
			out = append(out, activityEvent(s, a))
		}
		out = append(out, actions(a.Actions, a.Meta, activitySource(s, a))...)
	}
	for _, e := range data.List[data.Evaluation](s) {
		out = append(out, actions(e.Actions, e.Meta, evaluationSource(s, e))...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].UID < out[j].UID
	})
	return out
}

// reviews gives every active agreement's next evaluation, however far off: EvaluationsDue with no horizon,
// so the rule for when a review falls due stays in one place. Overdue reviews keep their past date.
func reviews(s data.View, today data.Date) []Event {
	var out []Event
	for _, d := range data.EvaluationsDue(s, today, math.MaxInt) {
		a := d.Agreement
		ev := Event{
			UID:         "review-" + a.ID + "@accord",
			Date:        d.On,
			Summary:     i18n.T("Evaluation due: %s", a.Name),
			Description: lines(i18n.T("Agreement: %s", a.Name), partnersLine(s, a.PartnerIDs()), i18n.N(a.ReviewEveryMonths, "Review every %d month.", "Review every %d months.")),
			Categories:  []string{i18n.T("Evaluation")},
			Stamp:       a.UpdatedAt, Sequence: a.Rev,
		}
		// The date moves when an evaluation is saved, not only when the agreement is, so the newest of
		// them stamps the event; otherwise a calendar program would keep the old date.
		for _, e := range data.History(s, data.KindAgreement, a.ID) {
			if e.Rev > ev.Sequence {
				ev.Stamp, ev.Sequence = e.UpdatedAt, e.Rev
			}
		}
		out = append(out, ev)
	}
	return out
}

// customDates are the dates of the group's own fields that remind before them, each with its alarm; those
// past more than RecentDays ago have left the diary.
func customDates(s data.View, today data.Date) []Event {
	var out []Event
	lang := i18n.Current().Code()
	for _, d := range data.RemindedDates(s) {
		if d.Date.Before(today.AddDays(-RecentDays)) {
			continue
		}
		label, m := d.Field.Label(lang), d.Record.Common()
		ev := Event{
			UID:         "field-" + d.Field.ID + "-" + d.ID() + "@accord",
			Date:        d.Date,
			Summary:     i18n.T("%s: %s", label, d.Title),
			Description: lines(i18n.N(d.Field.RemindDays, "Accord reminds %d day before.", "Accord reminds %d days before.")),
			Categories:  []string{label},
			Stamp:       m.UpdatedAt, Sequence: m.Rev,
			AlarmDays: d.Field.RemindDays,
		}
		// The alarm moves when the field is changed, not only when the record is.
		if d.Field.Rev > ev.Sequence {
			ev.Stamp, ev.Sequence = d.Field.UpdatedAt, d.Field.Rev
		}
		out = append(out, ev)
	}
	return out
}

// activityLabels are the summary and category of each kind of activity, as whole sentences to translate.
// i18n:keys: shown translated, so each string here is a translation key.
var activityLabels = map[data.ActivityKind][2]string{
	"meeting": {"Meeting: %s", "Meeting"},
	"call":    {"Call: %s", "Call"},
	"event":   {"Event: %s", "Event"},
	"visit":   {"Visit: %s", "Visit"},
}

func activityEvent(s data.View, a *data.Activity) Event {
	label, ok := activityLabels[a.ActivityKind]
	if !ok {
		label = [2]string{"Activity: %s", "Activity"}
	}
	return Event{
		UID:         "activity-" + a.ID + "@accord",
		Date:        a.Date,
		Summary:     i18n.T(label[0], a.Name),
		Description: lines(partnersLine(s, a.PartnerIDs), agreementLine(s, a.AgreementID), a.Summary),
		Categories:  []string{i18n.T("Activity"), i18n.T(label[1])},
		Stamp:       a.UpdatedAt, Sequence: a.Rev,
	}
}

// source says where an action was agreed, for its description.
type source struct{ where, agreement, partners string }

func activitySource(s data.View, a *data.Activity) source {
	return source{i18n.T("Agreed at: %s, %s", a.Name, a.Date.String()), agreementLine(s, a.AgreementID), partnersLine(s, a.PartnerIDs)}
}

func evaluationSource(s data.View, e *data.Evaluation) source {
	partners := []string{e.PartnerID}
	if a := data.Lookup[data.Agreement](s, e.AgreementID); a != nil {
		partners = a.PartnerIDs()
	}
	return source{i18n.T("Agreed at the evaluation of %s", e.Date.String()), agreementLine(s, e.AgreementID), partnersLine(s, partners)}
}

// actions gives the open, dated actions of one record; done ones have left the diary.
func actions(items []data.ActionItem, m data.Meta, src source) []Event {
	var out []Event
	for i, x := range items {
		if x.Done || x.Due.IsZero() {
			continue
		}
		id := x.ID
		if id == "" { // older or imported records: the position is the best identity there is
			id = fmt.Sprintf("%s-%d", m.ID, i+1)
		}
		summary := i18n.T("Action due: %s", x.Text)
		owner := ""
		if x.Owner != "" {
			summary = i18n.T("Action due: %s (%s)", x.Text, x.Owner)
			owner = i18n.T("Owner: %s", x.Owner)
		}
		out = append(out, Event{
			UID:         "action-" + id + "@accord",
			Date:        x.Due,
			Summary:     summary,
			Description: lines(x.Text, owner, src.where, src.agreement, src.partners),
			Categories:  []string{i18n.T("Action")},
			Stamp:       m.UpdatedAt, Sequence: m.Rev,
		})
	}
	return out
}

func agreementLine(s data.View, id string) string {
	if a := data.Lookup[data.Agreement](s, id); a != nil {
		return i18n.T("Agreement: %s", a.Name)
	}
	return ""
}

func partnersLine(s data.View, ids []string) string {
	var names []string
	for _, id := range ids {
		if p := data.Lookup[data.Partner](s, id); p != nil {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return i18n.T("Partners: %s", strings.Join(names, ", "))
}

// lines joins the non-empty parts of a description, one a line.
func lines(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n")
}

// Write writes the calendar for the day today. The output depends only on the records and today.
func Write(w io.Writer, s data.View, today data.Date) error {
	name := "Accord"
	if o := data.Lookup[data.Organisation](s, data.OrganisationID); o != nil && o.Name != "" {
		name = o.Name
	}
	var b bytes.Buffer
	line := func(prop, value string) { fold(&b, prop+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("PRODID", ProdID)
	line("VERSION", "2.0")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", escape(name))
	for _, ev := range Events(s, today) {
		line("BEGIN", "VEVENT")
		line("UID", escape(ev.UID))
		line("DTSTAMP", ev.Stamp.UTC().Format("20060102T150405Z"))
		line("SEQUENCE", fmt.Sprint(ev.Sequence))
		line("DTSTART;VALUE=DATE", dateValue(ev.Date))
		line("DTEND;VALUE=DATE", dateValue(ev.Date.AddDays(1)))
		line("SUMMARY", escape(ev.Summary))
		if ev.Description != "" {
			line("DESCRIPTION", escape(ev.Description))
		}
		cats := make([]string, len(ev.Categories))
		for i, c := range ev.Categories {
			cats[i] = escape(c)
		}
		line("CATEGORIES", strings.Join(cats, ","))
		// Deadlines and day-long entries should not mark the whole day busy for free/busy lookups.
		line("TRANSP", "TRANSPARENT")
		if ev.AlarmDays > 0 {
			line("BEGIN", "VALARM")
			line("ACTION", "DISPLAY")
			line("DESCRIPTION", escape(ev.Summary))
			line("TRIGGER", fmt.Sprintf("-P%dD", ev.AlarmDays))
			line("END", "VALARM")
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	_, err := w.Write(b.Bytes())
	return err
}

func dateValue(d data.Date) string { return d.Time().Format("20060102") }

// textEscaper escapes a TEXT value (RFC 5545 3.3.11); a newline becomes the two characters \n.
var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`)

// escape makes a TEXT value, dropping control characters the format forbids (a tab is allowed).
func escape(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\t' || r == '\n':
			return r
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
	return textEscaper.Replace(s)
}

// fold writes a content line folded as RFC 5545 3.1 asks.
func fold(b *bytes.Buffer, line string) { b.WriteString(contentline.Fold(line)) }
