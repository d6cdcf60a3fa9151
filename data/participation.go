package data

import (
	"slices"
	"sort"
)

// Participation is how many people took part in an activity and, of them, how many were in each of the few
// groups funders ask about; a group left at zero was not counted.
type Participation struct {
	People     int `json:"people,omitempty"`
	New        int `json:"new,omitempty"`        // came for the first time
	Volunteers int `json:"volunteers,omitempty"` // came to help rather than to take part
	Community  int `json:"community,omitempty"`  // live in the community the group serves
}

// ParticipantGroup names one of the groups the people at an activity may be counted in.
type ParticipantGroup string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	GroupNew        ParticipantGroup = "new to us"
	GroupVolunteers ParticipantGroup = "volunteers"
	GroupCommunity  ParticipantGroup = "from the community served"
)

// ParticipantGroups are the groups in the order forms and reports show them.
var ParticipantGroups = []ParticipantGroup{GroupNew, GroupVolunteers, GroupCommunity}

// Of is the count of one group, for a form to edit or a report to read.
func (p *Participation) Of(g ParticipantGroup) *int {
	switch g {
	case GroupNew:
		return &p.New
	case GroupVolunteers:
		return &p.Volunteers
	}
	return &p.Community
}

// MaxPeople bounds the people counted at one activity: a few zeros too many are a typo to catch, not a
// figure to add into every report.
const MaxPeople = 1_000_000

func (p Participation) validate(ps *problems) {
	if p.People < 0 || p.People > MaxPeople {
		ps.add("participation", "Say how many people took part: a number from 0 to 1,000,000.")
	}
	for _, g := range ParticipantGroups {
		switch n := *p.Of(g); {
		case n < 0:
			ps.add("participation", "The number of people %s cannot be negative.", string(g))
		case n > p.People:
			ps.add("participation", "More people are counted as %s than took part.", string(g))
		}
	}
}

// Add counts another activity's people in.
func (p *Participation) Add(o Participation) {
	p.People += o.People
	p.New += o.New
	p.Volunteers += o.Volunteers
	p.Community += o.Community
}

// Turnout is the participation at the activities of a span: the people counted, how many activities
// counted them, and how many took place in all.
type Turnout struct {
	Participation
	Counted, Activities int
}

// Count counts an activity in.
func (t *Turnout) Count(a *Activity) {
	t.Activities++
	if a.Participation.People > 0 {
		t.Counted++
		t.Add(a.Participation)
	}
}

// TurnoutIn adds up the participation at the activities dated in a span that keep accepts (nil: all).
func TurnoutIn(v View, s Span, keep func(*Activity) bool) Turnout {
	var t Turnout
	for _, a := range List[Activity](v) {
		if s.Holds(a.Date) && (keep == nil || keep(a)) {
			t.Count(a)
		}
	}
	return t
}

// MonthlyTurnout is the participation of each month of a span, oldest first.
func MonthlyTurnout(v View, s Span) []Turnout {
	months := monthsOf(s)
	out := make([]Turnout, len(months))
	for _, a := range List[Activity](v) {
		if s.Holds(a.Date) {
			out[monthIndex(s.From, a.Date)].Count(a)
		}
	}
	return out
}

// monthsOf lists the first day of each month a span touches.
func monthsOf(s Span) []Date {
	var out []Date
	for m := NewDate(s.From.Year, s.From.Month, 1); !m.After(s.To); m = m.AddMonths(1) {
		out = append(out, m)
	}
	return out
}

func monthIndex(from, d Date) int {
	return (d.Year-from.Year)*12 + int(d.Month) - int(from.Month)
}

// PartnerTurnout is one partner's participation in a span.
type PartnerTurnout struct {
	Partner *Partner
	Turnout
}

// TurnoutByPartner is the participation at each partner's activities of a span, most people first; an
// activity with several partners counts for each of them.
func TurnoutByPartner(v View, s Span) []PartnerTurnout {
	by := map[string]*Turnout{}
	for _, a := range List[Activity](v) {
		if !s.Holds(a.Date) {
			continue
		}
		for _, id := range a.PartnerIDs {
			if by[id] == nil {
				by[id] = &Turnout{}
			}
			by[id].Count(a)
		}
	}
	var out []PartnerTurnout
	for id, t := range by {
		if p := Lookup[Partner](v, id); p != nil && !p.Deleted {
			out = append(out, PartnerTurnout{p, *t})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].People != out[j].People {
			return out[i].People > out[j].People
		}
		return Fold(out[i].Partner.Name) < Fold(out[j].Partner.Name)
	})
	return out
}

// YearTurnout is the participation of one year.
type YearTurnout struct {
	Year int
	Turnout
}

// PartnerTurnoutByYear is the participation at a partner's activities year by year, newest first, up to a
// day (activities planned after it are not counted); years with none of its activities are left out.
func PartnerTurnoutByYear(v View, partnerID string, upTo Date) []YearTurnout {
	years := map[int]*Turnout{}
	for _, a := range List[Activity](v) {
		if slices.Contains(a.PartnerIDs, partnerID) && !a.Date.After(upTo) {
			if years[a.Date.Year] == nil {
				years[a.Date.Year] = &Turnout{}
			}
			years[a.Date.Year].Count(a)
		}
	}
	out := make([]YearTurnout, 0, len(years))
	for year, t := range years {
		out = append(out, YearTurnout{year, *t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year > out[j].Year })
	return out
}
