package data

import (
	"slices"
	"time"
)

// Historied is a record that keeps dated history of its own, which the store notes at every save from this
// laptop against the version it replaces: a partner its stage changes, a need the days it opened and
// closed. A sync keeps what the other laptop noted.
type Historied interface {
	NoteHistory(stored Record, today Date)
}

// StageChange is a partner's move to a stage, from a day on.
type StageChange struct {
	Stage Stage `json:"stage"`
	From  Date  `json:"from"`
}

// dayOf is the day a moment fell on, on this computer's calendar; zero for the zero time.
func dayOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return DateOf(t.Local())
}

// StageHistory is the partner's stages, oldest first: its recorded changes or, for a partner whose stage has
// not changed since Accord kept them, its stage since the day it was entered.
func (p *Partner) StageHistory() []StageChange {
	if len(p.Stages) > 0 {
		return p.Stages
	}
	return []StageChange{{p.Stage, dayOf(p.CreatedAt)}}
}

// StageOn is the stage the partner was at at the end of a day; empty before it was entered. Of two changes
// on one day, the later one counts.
func (p *Partner) StageOn(d Date) Stage {
	var on Stage
	var since Date
	for _, c := range p.StageHistory() {
		if !c.From.After(d) && !c.From.Before(since) {
			on, since = c.Stage, c.From
		}
	}
	return on
}

// MoveTo puts the partner at a stage from a day on and notes the change in its history. A day before its
// last recorded change counts as that change's day, so the history stays in order.
func (p *Partner) MoveTo(stage Stage, on Date) {
	if stage == p.Stage {
		return
	}
	p.Stages = slices.Clone(p.StageHistory())
	p.Stage = stage
	p.noteStage(on)
}

// noteStage adds the partner's stage to its history from a day, unless the history already ends with it.
func (p *Partner) noteStage(on Date) {
	last := p.Stages[len(p.Stages)-1]
	if last.Stage == p.Stage {
		return
	}
	if on.Before(last.From) {
		on = last.From
	}
	p.Stages = append(p.Stages, StageChange{p.Stage, on})
}

// NoteHistory dates a change of stage made in a form: from today, unless the history already says when.
// A partner whose stage never changed keeps no history; it is its stage since the day it was entered.
func (p *Partner) NoteHistory(stored Record, today Date) {
	if len(p.Stages) == 0 {
		old, ok := stored.(*Partner)
		if !ok || old.Stage == p.Stage {
			return
		}
		p.Stages = slices.Clone(old.StageHistory())
	}
	p.noteStage(today)
}

// OpenedOn is the day the need was raised: as recorded or, for a need entered before Accord kept the day,
// the day it was entered.
func (n *Need) OpenedOn() Date {
	if !n.Opened.IsZero() {
		return n.Opened
	}
	return dayOf(n.CreatedAt)
}

// ClosedOn is the day a need that is met or no longer relevant stopped waiting: as recorded or, for one
// closed before Accord kept the day, the day it was last changed (or raised, when that is not known
// either). It is zero while the need is unmet.
func (n *Need) ClosedOn() Date {
	switch {
	case n.Unmet():
		return Date{}
	case !n.Closed.IsZero():
		return n.Closed
	case !n.UpdatedAt.IsZero():
		return dayOf(n.UpdatedAt)
	}
	return n.OpenedOn()
}

// Undated is true for a need whose days are taken from when it was entered or last changed, not recorded.
func (n *Need) Undated() bool { return n.Opened.IsZero() || !n.Unmet() && n.Closed.IsZero() }

// UnmetOn says whether the need was waiting to be met at the end of a day.
func (n *Need) UnmetOn(d Date) bool {
	return !n.OpenedOn().After(d) && (n.Unmet() || n.ClosedOn().After(d))
}

// NoteHistory dates a new need from today, and the day it is met or dropped; one opened again is no
// longer closed. A need closed before Accord kept the day keeps the day it was last changed before, so
// that editing it later does not move the day it was met.
func (n *Need) NoteHistory(stored Record, today Date) {
	old, _ := stored.(*Need)
	if n.Opened.IsZero() && old == nil {
		n.Opened = today
	}
	switch {
	case n.Unmet():
		n.Closed = Date{}
	case !n.Closed.IsZero():
	case old != nil && !old.Unmet():
		n.Closed = old.ClosedOn()
	default:
		n.Closed = today
	}
}
