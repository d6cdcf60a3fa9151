package pdf

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"accord/data"
	"accord/i18n"
)

// recentForProgress is how many of the period's activities a progress report lists, newest first.
const recentForProgress = 8

// ProgressReport prints how an agreement is going, to hand to the partners in it: on one or two pages, in
// the agreement's own language, its goals and how far each has come, what each side committed and did,
// the period's activities and who took part, the latest health check, the next review and the actions
// still open on both sides. The period is the twelve months up to the printed day — or up to the end of an
// agreement that has ended — or the time since the agreement took effect, when that is shorter.
func ProgressReport(s data.View, a *data.Agreement, printed data.Date) ([]byte, error) {
	if !a.Agreed() {
		return nil, &data.PlainError{Message: "\"%s\" has not been signed by every party, so it has no progress to report yet.",
			Args: []any{a.Name}, Advice: "Print its MOU to send for signature instead; its progress report can be printed once everyone has signed."}
	}
	org := s.Organisation()
	parties, err := partiesOf(s, org, a)
	if err != nil {
		return nil, err
	}
	l := i18n.In(Languages(s, a)[0])
	p := &progress{s: s, a: a, org: org, l: l, parties: parties, printed: printed, sides: data.SidesOf(s, a),
		history: data.History(s, data.KindAgreement, a.ID)}
	p.span.To = printed
	if end := a.EndedOn(); !end.IsZero() && end.Before(printed) {
		p.span.To = end
	}
	p.span.From = p.span.To.AddMonths(-12).AddDays(1)
	if from := a.InForceFrom(); from.After(p.span.From) && !from.After(p.span.To) {
		p.span.From = from
	}
	for _, x := range data.ActivitiesOf(s, a) {
		if p.span.Holds(x.Date) {
			p.activities = append(p.activities, x)
		}
	}
	info := docInfo{title: l.T("Progress report: %s", a.Name), subject: l.T("Partnership progress report"), date: printed,
		langs: []i18n.Lang{l}, compact: true}
	return render(org, info, p.write)
}

// progress writes one agreement's progress report.
type progress struct {
	s          data.View
	a          *data.Agreement
	org        *data.Organisation
	l          i18n.Lang
	parties    []party
	printed    data.Date
	span       data.Span
	activities []*data.Activity   // the agreement's activities in the period, newest first
	history    []*data.Evaluation // the agreement's evaluations, oldest first
	sides      data.Sides
}

func (p *progress) date(d data.Date) string { return dateIn(p.l, d) }

func (p *progress) write(d *document) {
	var names []string
	for _, x := range p.parties {
		names = append(names, x.name)
	}
	details := []string{strings.Join(names, "  ·  "), p.l.T("Period: %s to %s", p.date(p.span.From), p.date(p.span.To))}
	d.reportTitle(p.l.T("Partnership progress report"), p.a.Name, strings.Join(details, "\n"))
	d.sections([]section{
		{p.l.T("At a glance"), p.glance()},
		{p.l.T("Goals and progress"), p.goals()},
		{p.l.T("What each side committed and did"), p.commitments()},
		{p.l.T("Activities and participation"), p.participation()},
		{p.l.T("Next review and open actions"), p.next()},
	})
}

// latest is the agreement's latest evaluation by the printed day, and the one before it; nil when none.
func (p *progress) latest() (last, before *data.Evaluation) {
	for _, e := range p.history {
		if !e.Date.After(p.printed) {
			last, before = e, last
		}
	}
	return last, before
}

// glance is the health headline and the period's figures.
func (p *progress) glance() []block {
	l := p.l
	var ts tiles
	if e, before := p.latest(); e != nil && !math.IsNaN(e.Overall()) {
		b := data.BandOf(e.Overall())
		note := l.T("%s, on %s", bandLabelIn(l, b), p.date(e.Date))
		ts = append(ts, tile{l.T("Partnership health"), scoreIn(l, e.Overall()), note, bandColour(b)})
		if before != nil && !math.IsNaN(before.Overall()) {
			ts = append(ts, tile{l.T("Change"), changeIn(l, e.Overall()-before.Overall()),
				l.T("since %s (%s)", p.date(before.Date), scoreIn(l, before.Overall())), muted})
		}
	}
	turnout := p.turnout()
	note := l.T("in the period")
	if turnout.People > 0 {
		note = l.T("%s people took part", l.Amount(fmt.Sprint(turnout.People), ""))
	}
	return []block{append(ts, tile{l.T("Activities"), fmt.Sprint(turnout.Activities), note, accent})}
}

func (p *progress) turnout() data.Turnout {
	var t data.Turnout
	for _, x := range p.activities {
		t.Activities++
		if x.Participation.People > 0 {
			t.Counted++
			t.Add(x.Participation)
		}
	}
	return t
}

// goals sets the latest figures reached against the agreement's goals; a goal nobody has measured yet
// shows its target alone.
func (p *progress) goals() []block {
	if len(p.a.Goals) == 0 {
		return nil
	}
	var measured []data.GoalProgress
	if e, _ := p.latest(); e != nil {
		measured = e.GoalProgress
	}
	return []block{goalTable(p.l, p.a.Goals, measured, true)}
}

// commitments sets what each party took on against what it did in the period: the activities it was at,
// and the actions its people finished.
func (p *progress) commitments() []block {
	l := p.l
	t := table{cols: []column{
		{title: l.T("Party"), share: 0.24, bold: true},
		{title: l.T("Committed"), share: 0.46},
		{title: l.T("Did in the period"), share: 0.3},
	}}
	done, open := p.actionsBySide()
	for i, x := range p.parties {
		var committed []string
		for _, c := range x.Contributions {
			line := l.T("%s: %s", capitalise(data.ListResourceKinds.Label(string(c.Kind), l.T)), c.Description) // French sets a space before the colon
			if c.Value > 0 {
				line += " (" + l.Amount(c.Value.String(), p.org.Currency) + ")"
			}
			committed = append(committed, line)
		}
		if len(committed) == 0 {
			committed = append(committed, firstLine(x.Responsibilities))
		}
		var did []string
		if done[i]+open[i] > 0 {
			did = append(did, l.T("Actions done: %d of %d", done[i], done[i]+open[i]))
		}
		if !x.Us && len(p.activities) > 0 {
			at := 0
			for _, a := range p.activities {
				if slices.Contains(a.PartnerIDs, x.PartnerID) {
					at++
				}
			}
			did = append([]string{l.N(len(p.activities), "At %[2]d of the %[1]d activity", "At %[2]d of the %[1]d activities", at)}, did...)
		}
		t.rows = append(t.rows, []string{x.name, strings.Join(committed, "\n"), orDash(strings.Join(did, "\n"))})
	}
	return []block{t}
}

// actionsBySide counts, for each party, the actions of the agreement its people finished in the period
// and those still open.
func (p *progress) actionsBySide() (done, open map[int]int) {
	done, open = map[int]int{}, map[int]int{}
	for _, x := range data.ActionsOf(p.s, p.a) {
		side := p.sides.Of(x.Owner)
		switch {
		case side < 0:
		case x.Done && p.span.Holds(x.DoneOn):
			done[side]++
		case !x.Done:
			open[side]++
		}
	}
	return done, open
}

// firstLine is the first line of a text, for a cell that has no room for the rest.
func firstLine(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return line
}

// participation is the period's activities, newest first, with who took part.
func (p *progress) participation() []block {
	if len(p.activities) == 0 {
		return nil
	}
	l := p.l
	var out []block
	if t := p.turnout(); t.People > 0 {
		out = participationBlocks(l, t)
	}
	t := table{dense: true, cols: []column{
		{title: l.T("Date"), share: 0.2},
		{title: l.T("Activity"), share: 0.62, lead: true},
		{title: l.T("People"), share: 0.18, right: true},
	}}
	for i, x := range p.activities {
		if i == recentForProgress {
			break
		}
		people, what := "—", x.Name
		if n := x.Participation.People; n > 0 {
			var groups []string
			for _, g := range data.ParticipantGroups {
				if k := *x.Participation.Of(g); k > 0 {
					groups = append(groups, l.T("%d %s", k, string(g)))
				}
			}
			// who they were reads under the activity's name, where the line is long enough to keep it on one
			people, what = l.Amount(fmt.Sprint(n), ""), lineByLine(x.Name, strings.Join(groups, ", "))
		}
		t.rows = append(t.rows, []string{lineByLine(p.date(x.Date), capitalise(data.ListActivityKinds.Label(string(x.ActivityKind), l.T))), what, people})
	}
	out = append(out, t)
	if more := len(p.activities) - recentForProgress; more > 0 {
		out = append(out, prose{text: l.T("And %d earlier activities in the period.", more)})
	}
	return out
}

// next says when the partners next review the agreement, and lists the actions still open, each with the
// side it falls to.
func (p *progress) next() []block {
	l := p.l
	review := l.T("Not set: the agreement sets no review cadence.")
	if ended := p.a.EndedOn(); !ended.IsZero() && ended.Before(p.printed) {
		review = l.T("None: the agreement ended on %s.", p.date(ended))
	} else if on := p.a.NextReview(p.history); !on.IsZero() {
		review = p.date(on)
		if on.Before(p.printed) {
			review = l.T("%s (overdue)", review)
		}
	}
	out := []block{fields{{l.T("Next review"), review}}}
	var open []data.ActionItem
	for _, x := range data.ActionsOf(p.s, p.a) {
		if !x.Done {
			open = append(open, x)
		}
	}
	if len(open) == 0 {
		return append(out, prose{text: l.T("No actions are open.")})
	}
	side := func(x data.ActionItem) string {
		if i := p.sides.Of(x.Owner); i >= 0 {
			return p.parties[i].name
		}
		return "—"
	}
	t := actionTable(l, open, p.printed, side)
	t.dense = true
	return append(out, t)
}
