package data

import "sort"

// Span is a run of days, both ends included.
type Span struct{ From, To Date }

// Holds says whether a day falls within the span.
func (s Span) Holds(d Date) bool { return !d.IsZero() && !d.Before(s.From) && !d.After(s.To) }

// YearSpan is the part of a calendar year that its annual report counts: 1 January to 31 December, or to
// today while the year is still running (current is then true). Every figure of the report is as of the
// span's last day.
func YearSpan(year int, today Date) (s Span, current bool) {
	s = Span{NewDate(year, 1, 1), NewDate(year, 12, 31)}
	if !today.After(s.To) {
		s.To, current = today, true
	}
	return s, current
}

// LastSignature is the latest day a party signed on; zero when none has.
func (a *Agreement) LastSignature() Date {
	var last Date
	for _, p := range a.Parties {
		if p.Signatory.SignedOn.After(last) {
			last = p.Signatory.SignedOn
		}
	}
	return last
}

// Agreed is true for an agreement every party committed to: one signed, or one signed and later ended early.
// A draft, or one ended before everyone signed, never took effect.
func (a *Agreement) Agreed() bool {
	return a.Status == StatusSigned || a.Status == StatusTerminated && a.AllSigned()
}

// InForceFrom is the day an agreed agreement took effect: its start, or its last signature when that came
// later (an agreement signed in February to start in January was not in force in January). Zero for one
// never agreed; an agreed one with neither date was in force from the first day there is.
func (a *Agreement) InForceFrom() Date {
	if !a.Agreed() {
		return Date{}
	}
	from := a.Start
	if last := a.LastSignature(); last.After(from) {
		from = last
	}
	if from.IsZero() {
		return NewDate(1, 1, 1)
	}
	return from
}

// EndedOn is the last day an agreed agreement was, or will be, in force: the day it was ended early, or its
// end date; zero for one with no end, or never agreed.
func (a *Agreement) EndedOn() Date {
	if !a.Agreed() {
		return Date{}
	}
	if a.Status == StatusTerminated && !a.TerminatedOn.IsZero() && (a.End.IsZero() || a.TerminatedOn.Before(a.End)) {
		return a.TerminatedOn
	}
	return a.End
}

// InForceDuring says whether the agreement was in force on any day of a span.
func (a *Agreement) InForceDuring(s Span) bool {
	from := a.InForceFrom()
	if from.IsZero() || from.After(s.To) {
		return false
	}
	end := a.EndedOn()
	return end.IsZero() || !end.Before(s.From) && !end.Before(from)
}

// InForceOn says whether the agreement was in force at the end of a day.
func (a *Agreement) InForceOn(d Date) bool { return a.InForceDuring(Span{d, d}) }

// ActiveOn are the partners, by ID, that were active at the end of a day: at the active stage then, or
// party to an agreement in force, whatever their stage said.
func ActiveOn(v View, d Date) map[string]bool {
	out := map[string]bool{}
	for _, a := range List[Agreement](v) {
		if a.InForceOn(d) {
			for _, id := range a.PartnerIDs() {
				out[id] = true
			}
		}
	}
	for _, p := range List[Partner](v) {
		if p.StageOn(d) == StageActive {
			out[p.ID] = true
		}
	}
	return out
}

// PartnerOn is a partner as it stood at the end of a day.
type PartnerOn struct {
	*Partner
	Stage  Stage
	Active bool // at the active stage, or party to an agreement in force
}

// PartnersOn lists the partners at the end of a day, each at the stage it was then, sorted by name: those
// entered by then, and those party to an agreement in force then although entered later, as a group
// entering its long-standing partners does — an agreement in force says they were active.
func PartnersOn(v View, d Date) []PartnerOn {
	active := ActiveOn(v, d)
	var out []PartnerOn
	for _, p := range List[Partner](v) {
		st := p.StageOn(d)
		if st == "" && active[p.ID] {
			st = StageActive
		}
		if st != "" {
			out = append(out, PartnerOn{p, st, active[p.ID]})
		}
	}
	return out
}

// WorkedWith lists the partners who worked with us during a span, sorted by name: those party to an
// agreement in force at some time in it — which is where a partner's contributions are written — and those
// at an activity dated in it.
func WorkedWith(v View, s Span) []*Partner {
	ids := map[string]bool{}
	for _, a := range List[Agreement](v) {
		if a.InForceDuring(s) {
			for _, id := range a.PartnerIDs() {
				ids[id] = true
			}
		}
	}
	for _, a := range List[Activity](v) {
		if s.Holds(a.Date) {
			for _, id := range a.PartnerIDs {
				ids[id] = true
			}
		}
	}
	var out []*Partner
	for _, p := range List[Partner](v) {
		if ids[p.ID] {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return Fold(out[i].Name) < Fold(out[j].Name) })
	return out
}

// NeedsSummary is what the needs assessment says about a span: the needs raised in it, those met in it, and
// those still waiting at its end, most pressing first.
type NeedsSummary struct {
	Raised, Met int
	Waiting     []*Need
	// Undated is true when some of the needs counted were recorded before Accord kept their days, so that
	// they count from the day they were entered (or closed on the day they were last changed).
	Undated bool
}

// NeedsDuring sums up the needs assessment over a span.
func NeedsDuring(v View, s Span) NeedsSummary {
	var out NeedsSummary
	for _, n := range List[Need](v) {
		counted := false
		if s.Holds(n.OpenedOn()) {
			out.Raised++
			counted = true
		}
		if n.Status == NeedMet && s.Holds(n.ClosedOn()) {
			out.Met++
			counted = true
		}
		if n.UnmetOn(s.To) {
			out.Waiting = append(out.Waiting, n)
			counted = true
		}
		out.Undated = out.Undated || counted && n.Undated()
	}
	rank := func(n *Need) int {
		for i, p := range Priorities {
			if n.Priority == p {
				return i
			}
		}
		return len(Priorities)
	}
	sort.SliceStable(out.Waiting, func(i, j int) bool { return rank(out.Waiting[i]) < rank(out.Waiting[j]) })
	return out
}

// FirstYear is the earliest year the records speak of — a partner or need entered, an agreement's start or
// signature, an evaluation, an activity — or 0 when they speak of none.
func FirstYear(v View) int {
	first := 0
	note := func(d Date) {
		if !d.IsZero() && d.Year > 1 && (first == 0 || d.Year < first) {
			first = d.Year
		}
	}
	for _, p := range List[Partner](v) {
		note(p.StageHistory()[0].From)
	}
	for _, n := range List[Need](v) {
		note(n.OpenedOn())
	}
	for _, a := range List[Agreement](v) {
		note(a.Start)
		for _, p := range a.Parties {
			note(p.Signatory.SignedOn)
		}
	}
	for _, e := range List[Evaluation](v) {
		note(e.Date)
	}
	for _, a := range List[Activity](v) {
		note(a.Date)
	}
	return first
}
