package demo

import (
	"math/rand/v2"
	"slices"

	"accord/data"
)

// history gives the records the past a group's data has after a few years: partners moved through their
// stages on their days, needs raised and met on theirs, and people counted at the activities — so the
// annual reports of different years differ as the years did. It draws from a generator of its own, so the
// rest of the data stays as the seed has always made it.
func (g *gen) history() {
	h := &past{r: rand.New(rand.NewPCG(uint64(g.seed), 0x2545f4914f6cdd1d)), today: g.today}
	for _, p := range g.partners {
		h.stages(p.Partner, g.agreedSpans(p))
	}
	for _, n := range g.needs {
		h.needDays(n)
	}
	for _, a := range g.activities {
		h.participation(a)
	}
}

// past draws the history from its own generator.
type past struct {
	r     *rand.Rand
	today data.Date
}

// agreedSpans are the days the partner's agreements took effect and ended, in the order they took effect.
func (g *gen) agreedSpans(p *partnerInfo) []data.Span {
	var out []data.Span
	for _, i := range p.agreements {
		a := g.agreements[i].Agreement
		if from := a.InForceFrom(); !from.IsZero() {
			out = append(out, data.Span{From: from, To: a.EndedOn()})
		}
	}
	slices.SortFunc(out, func(a, b data.Span) int { return a.From.Time().Compare(b.From.Time()) })
	return out
}

// day is a day from from to to, both included; from when to is not later.
func (h *past) day(from, to data.Date) data.Date {
	if n := from.DaysUntil(to); n > 0 {
		return from.AddDays(h.r.IntN(n + 1))
	}
	return from
}

// stages walks the partner from its first stage, the day it was entered, to its stage today: engaged some
// months in, active from its first agreement (or a day before today), and dormant or former after its
// last agreement ended. A prospect keeps no history: it has been one since it was entered.
func (h *past) stages(p *data.Partner, agreed []data.Span) {
	entered := data.DateOf(p.CreatedAt)
	if p.CreatedAt.IsZero() {
		entered = h.today
	}
	first := data.StageProspect
	if h.r.Float64() < 0.4 {
		first = data.StageEngaged // met through a partner, and working together at once
	}
	path := map[data.Stage][]data.Stage{
		data.StageEngaged: {data.StageEngaged},
		data.StageActive:  {data.StageEngaged, data.StageActive},
		data.StageDormant: {data.StageEngaged, data.StageActive, data.StageDormant},
		data.StageFormer:  {data.StageEngaged, data.StageActive, data.StageFormer},
	}[p.Stage]
	if len(path) == 0 {
		return
	}
	p.Stage, p.Stages = first, nil
	on := entered
	for i, st := range path {
		if st == p.Stage {
			continue
		}
		left := len(path) - i // the changes still to come share the days to today
		next := h.day(on, on.AddDays(on.DaysUntil(h.today)/left))
		switch {
		case st == data.StageActive && len(agreed) > 0 && agreed[0].From.After(on) && !agreed[0].From.After(h.today):
			next = agreed[0].From
		case (st == data.StageDormant || st == data.StageFormer) && len(agreed) > 0:
			if end := agreed[len(agreed)-1].To; !end.IsZero() && end.After(on) && !end.After(h.today) {
				next = end.AddDays(1)
			}
		}
		p.MoveTo(st, next)
		on = p.Stages[len(p.Stages)-1].From
	}
}

// needDays dates a need from the day it was entered, and a need met or dropped some weeks or months later.
func (h *past) needDays(n *data.Need) {
	n.Opened = data.DateOf(n.CreatedAt)
	if n.CreatedAt.IsZero() {
		n.Opened = h.today
	}
	if !n.Unmet() {
		last := n.Opened.AddDays(420)
		if last.After(h.today) {
			last = h.today
		}
		n.Closed = h.day(n.Opened.AddDays(14), last)
		if n.Closed.After(h.today) {
			n.Closed = h.today // raised in the last fortnight and already met
		}
	}
}

// participation counts the people at most past meetings, events and visits: dozens to a couple of hundred
// at an event, many of them from the neighbourhood and some new; a handful at a meeting or a visit. Calls
// and planned activities count no one.
func (h *past) participation(a *data.Activity) {
	if a.Date.After(h.today) || a.ActivityKind == "call" || h.r.Float64() < 0.15 {
		return
	}
	share := func(n int, lo, hi float64) int { return int(float64(n) * (lo + h.r.Float64()*(hi-lo))) }
	switch a.ActivityKind {
	case "event":
		n := 25 + h.r.IntN(196)
		a.Participation = data.Participation{People: n, New: share(n, 0.1, 0.4), Volunteers: share(n, 0.05, 0.15),
			Community: share(n, 0.5, 0.9)}
	case "meeting":
		n := 4 + h.r.IntN(15)
		a.Participation = data.Participation{People: n, New: share(n, 0, 0.2), Volunteers: share(n, 0, 0.3)}
	default:
		a.Participation = data.Participation{People: 2 + h.r.IntN(7)}
	}
}
