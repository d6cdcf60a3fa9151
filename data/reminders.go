package data

import (
	"math"
	"sort"
)

// How long before something counts as needing attention.
const (
	SignatureWaitDays = 30 // an agreement sent for signature this long ago and still unsigned
	QuietMonths       = 6  // an active partner with no activity for this long
)

// ReminderKind says what a reminder is about, so the window knows which screen opens it.
type ReminderKind string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	RemindExpiring   ReminderKind = "agreement ends"
	RemindEvaluation ReminderKind = "evaluation due"
	RemindAction     ReminderKind = "action overdue"
	RemindSignatures ReminderKind = "waiting for signatures"
	RemindQuiet      ReminderKind = "no recent activity"
	RemindField      ReminderKind = "date of a custom field"
)

// Reminder is one thing that needs doing, with the record that opens it.
type Reminder struct {
	Kind   ReminderKind
	Title  string // the record's name, or the action's text
	Date   Date   // when it is (or was) due
	Target Ref    // the record to open
	// Field is the custom date field a RemindField reminder is about.
	Field *FieldDefinition
}

// ActionRef is an open action item with the record it was agreed in.
type ActionRef struct {
	Action  ActionItem
	Source  Record // an *Activity or an *Evaluation
	Overdue bool
}

// eachOpenAction calls f for every action not yet done, with the activity or evaluation it belongs to.
func eachOpenAction(v View, f func(src Record, x ActionItem)) {
	for _, a := range List[Activity](v) {
		for _, x := range a.Actions {
			if !x.Done {
				f(a, x)
			}
		}
	}
	for _, e := range List[Evaluation](v) {
		for _, x := range e.Actions {
			if !x.Done {
				f(e, x)
			}
		}
	}
}

// OpenActions lists every action not yet done, overdue first, then by due date (undated last).
func OpenActions(v View, today Date) []ActionRef {
	var out []ActionRef
	eachOpenAction(v, func(src Record, x ActionItem) { out = append(out, ActionRef{x, src, x.Overdue(today)}) })
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Overdue != b.Overdue:
			return a.Overdue
		case a.Action.Due.IsZero() != b.Action.Due.IsZero():
			return b.Action.Due.IsZero()
		}
		return a.Action.Due.Before(b.Action.Due)
	})
	return out
}

// Reminders gathers what needs attention today: agreements ending within ExpiryWarningDays, evaluations
// due within a month or overdue, overdue actions, agreements waiting for signatures for more than
// SignatureWaitDays, dates of custom fields that remind (from their days before on, until the date is
// changed: an insurance that has lapsed still needs seeing to), and active partners with no activity for QuietMonths — by kind (see reminderRank),
// then date.
func Reminders(v View, today Date) []Reminder {
	var out []Reminder
	for _, a := range List[Agreement](v) {
		switch {
		case endsSoon(a, today):
			out = append(out, Reminder{RemindExpiring, a.Name, a.End, Ref{KindAgreement, a.ID}, nil})
		case a.StatusOn(today) == StatusSent && !a.SentOn.IsZero() && a.SentOn.DaysUntil(today) > SignatureWaitDays:
			out = append(out, Reminder{RemindSignatures, a.Name, a.SentOn, Ref{KindAgreement, a.ID}, nil})
		}
	}
	for _, d := range EvaluationsDue(v, today, 30) {
		out = append(out, Reminder{RemindEvaluation, d.Agreement.Name, d.On, Ref{KindAgreement, d.Agreement.ID}, nil})
	}
	eachOpenAction(v, func(src Record, x ActionItem) {
		if x.Overdue(today) {
			out = append(out, Reminder{RemindAction, x.Text, x.Due, Ref{src.Kind(), src.Common().ID}, nil})
		}
	})
	for _, d := range RemindedDates(v) {
		if !today.Before(d.Date.AddDays(-d.Field.RemindDays)) {
			out = append(out, Reminder{RemindField, d.Title, d.Date, Ref{d.Record.Kind(), d.Record.Common().ID}, d.Field})
		}
	}
	out = append(out, quietPartners(v, today)...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return reminderRank[out[i].Kind] < reminderRank[out[j].Kind]
		}
		return out[i].Date.Before(out[j].Date)
	})
	return out
}

// reminderRank orders reminders by what costs most if missed: an agreement lapsing first, a quiet
// partner last.
var reminderRank = map[ReminderKind]int{RemindExpiring: 0, RemindEvaluation: 1, RemindSignatures: 2, RemindField: 3, RemindAction: 4,
	RemindQuiet: 5}

// quietPartners are active partners whose last activity (or, with none, whose record) is older than
// QuietMonths.
func quietPartners(v View, today Date) []Reminder {
	activities := List[Activity](v)
	last := make(map[string]Date, len(activities))
	for _, a := range activities {
		for _, id := range a.PartnerIDs {
			if a.Date.After(last[id]) {
				last[id] = a.Date
			}
		}
	}
	cutoff := today.AddMonths(-QuietMonths)
	var out []Reminder
	for _, p := range List[Partner](v) {
		seen := last[p.ID]
		if seen.IsZero() {
			seen = DateOf(p.CreatedAt)
		}
		if p.Stage == StageActive && seen.Before(cutoff) {
			out = append(out, Reminder{RemindQuiet, p.Name, seen, Ref{KindPartner, p.ID}, nil})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// Headlines are the dashboard's figures about how the partnerships are doing.
type Headlines struct {
	PartnerContributions, OurContributions Money   // in agreements active today
	Leverage                               float64 // partners' contributions per unit of ours; NaN when ours is 0
	AverageHealth, HealthChange            float64 // latest evaluation per agreement, and change from the one before; NaN when unknown
	LongevityYears                         float64 // average years since active partners' first agreement started; NaN with none
}

// HeadlinesOn works the figures out for a day.
func HeadlinesOn(v View, today Date) Headlines {
	h := Headlines{Leverage: math.NaN()}
	first := map[string]Date{}
	var latest, before []float64
	hist := histories(v)
	for _, a := range List[Agreement](v) {
		for _, id := range a.PartnerIDs() {
			if f, ok := first[id]; !a.Start.IsZero() && (!ok || a.Start.Before(f)) {
				first[id] = a.Start
			}
		}
		if a.StatusOn(today) != StatusActive {
			continue
		}
		for _, p := range a.Parties {
			for _, c := range p.Contributions {
				if p.Us {
					h.OurContributions += c.Value
				} else {
					h.PartnerContributions += c.Value
				}
			}
		}
		if h := hist[Ref{KindAgreement, a.ID}]; len(h) > 0 {
			latest = append(latest, h[len(h)-1].Overall())
			if len(h) > 1 {
				before = append(before, h[len(h)-2].Overall())
			}
		}
	}
	if h.OurContributions > 0 {
		h.Leverage = float64(h.PartnerContributions) / float64(h.OurContributions)
	}
	h.AverageHealth = meanOf(latest)
	h.HealthChange = h.AverageHealth - meanOf(before)
	var years []float64
	for _, p := range List[Partner](v) {
		if f, ok := first[p.ID]; ok && p.Stage == StageActive {
			years = append(years, float64(f.DaysUntil(today))/365.25)
		}
	}
	h.LongevityYears = meanOf(years)
	return h
}

// meanOf averages the numbers that are not NaN; NaN when there are none.
func meanOf(xs []float64) float64 {
	sum, n := 0.0, 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			sum += x
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// TickAction marks one action done on a day, in an activity or evaluation (an editable copy, which the
// caller saves). It reports whether the record holds that action.
func TickAction(r Record, actionID string, on Date) bool {
	var actions []ActionItem
	switch x := r.(type) {
	case *Activity:
		actions = x.Actions
	case *Evaluation:
		actions = x.Actions
	}
	for i := range actions {
		if actions[i].ID == actionID {
			actions[i].Done, actions[i].DoneOn = true, on
			return true
		}
	}
	return false
}
