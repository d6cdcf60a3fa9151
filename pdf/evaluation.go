package pdf

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"accord/data"
	"accord/i18n"
)

// EvaluationReport prints an evaluation as the report a group shares with its partners and funders: the
// health scores with their bands and spread, a chart against the previous evaluation, the respondents'
// comments, goal progress, impact figures and the actions agreed. Sections with nothing to show are left
// out. printed is the report's date, so the same evaluation printed on the same day gives the same bytes.
// A report to share names each respondent by their organisation and role, so people speak freely; names
// prints their names too, for the group's own file.
func EvaluationReport(s data.View, e *data.Evaluation, printed data.Date, names bool) ([]byte, error) {
	org := s.Organisation()
	subject, goals := "", []data.Goal(nil)
	if a := data.Lookup[data.Agreement](s, e.AgreementID); a != nil {
		subject, goals = a.Name, a.Goals
	} else if p := data.Lookup[data.Partner](s, e.PartnerID); p != nil {
		subject = p.Name
	} else {
		return nil, data.Plain("This evaluation is about an agreement or partner that is no longer in the data folder, so its report cannot say what it evaluates.")
	}
	r := &evalReport{s: s, org: org, e: e, prev: data.Previous(s, e), subject: subject, goals: goals, printed: printed, names: names && !e.Anonymous}
	info := docInfo{title: T("Partnership evaluation: %s", subject), subject: T("Partnership evaluation"), date: printed}
	return render(org, info, r.write)
}

// evalReport writes one evaluation.
type evalReport struct {
	s       data.View
	org     *data.Organisation
	e, prev *data.Evaluation // prev is nil for a first evaluation
	subject string
	goals   []data.Goal
	printed data.Date
	names   bool // respondents by name, not only by organisation and role
}

func (r *evalReport) write(d *document) {
	details := []string{T("Evaluated on %s", longDate(r.e.Date))}
	if p := period(r.e.PeriodStart, r.e.PeriodEnd); p != "" {
		details = append(details, T("Period %s", p))
	}
	d.reportTitle(T("Partnership evaluation"), r.subject, strings.Join(details, "  ·  "))
	d.sections([]section{
		{T("Summary"), r.summary()},
		{T("Who answered"), r.answered()},
		{T("Health by dimension"), r.health()},
		{T("What respondents said"), r.comments()},
		{T("Goal progress"), r.goalProgress()},
		{T("Impact"), r.impact()},
		{T("Strengths"), text(r.e.Strengths)},
		{T("Challenges"), text(r.e.Challenges)},
		{T("Actions"), r.actions()},
	})
}

// period is "1 April 2024 – 31 March 2025", or as much of it as is known.
func period(from, to data.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case from.IsZero():
		return T("until %s", longDate(to))
	case to.IsZero():
		return T("from %s", longDate(from))
	}
	return longDate(from) + " – " + longDate(to)
}

// summary is the key figures: overall health, who answered, and the change since last time.
func (r *evalReport) summary() []block {
	e := r.e
	var ts tiles
	overall := e.Overall()
	if !math.IsNaN(overall) {
		ts = append(ts, tile{T("Overall health"), score(overall), bandLabel(data.BandOf(overall)), bandColour(data.BandOf(overall))})
	}
	if n := r.answeredCount(); n > 0 {
		ts = append(ts, tile{T("Respondents"), fmt.Sprint(n), r.sidesNote(), accent})
	}
	if r.prev != nil && !math.IsNaN(overall) && !math.IsNaN(r.prev.Overall()) {
		// Green, amber and red mean the bands: a change is neither, and a small drop is no concern.
		ts = append(ts, tile{T("Change"), change(overall - r.prev.Overall()), T("since %s (%s)", longDate(r.prev.Date), score(r.prev.Overall())), muted})
	}
	if len(ts) == 0 {
		return nil
	}
	return []block{ts, prose{text: T("Scores run from 1 to 5. An average of 4.0 or more is a strength, 3.0 to 3.9 is worth discussing, and below 3.0 is a concern.")}}
}

// answeredCount is how many respondents have answered; those still awaited are not counted.
func (r *evalReport) answeredCount() int {
	n := 0
	for _, p := range r.e.Respondents {
		if p.HasAnswered() {
			n++
		}
	}
	return n
}

// answered says, for each organisation, how many of those asked answered and whose answers are still
// awaited (by role, or by name too in the group's own copy), so the review knows whose voice is missing.
// An evaluation that sent no questionnaires and awaits nobody has only the answers typed in: it says
// nothing here.
func (r *evalReport) answered() []block {
	if r.e.Code == "" && r.answeredCount() == len(r.e.Respondents) {
		return nil
	}
	t := table{cols: []column{
		{title: T("Organisation"), share: 0.36},
		{title: T("Answered"), share: 0.2, right: true},
		{title: T("Not answered yet"), share: 0.44},
	}}
	for _, side := range r.e.AnsweredBySide(r.s) {
		if side.Expected() == 0 {
			continue
		}
		var waiting []string
		for _, p := range side.Waiting {
			name := ""
			if r.names {
				name = p.Name
			}
			waiting = append(waiting, orDash(joinNonEmpty(", ", name, p.Role)))
		}
		t.rows = append(t.rows, []string{r.side(data.Respondent{Us: side.Side.Us, PartnerID: side.Side.PartnerID}),
			T("%d of %d", side.Answered, side.Expected()), orDash(strings.Join(waiting, "; "))})
	}
	if len(t.rows) == 0 {
		return nil
	}
	return []block{whole{t}}
}

// sidesNote says whom the respondents who answered speak for: one organisation by name, or how many.
func (r *evalReport) sidesNote() string {
	sides := map[string]bool{}
	name := ""
	for _, p := range r.e.Respondents {
		if !p.HasAnswered() {
			continue
		}
		name = r.side(p)
		sides[name] = true
	}
	if len(sides) == 1 {
		return T("from %s", name)
	}
	return N(len(sides), "from %d organisation", "from %d organisations")
}

// side names whom a respondent speaks for: our organisation or their partner.
func (r *evalReport) side(p data.Respondent) string {
	if p.Us {
		return r.org.Name
	}
	if partner := data.Lookup[data.Partner](r.s, p.PartnerID); partner != nil {
		return partner.Name
	}
	return T("a partner")
}

// who says who a respondent is: their role and organisation, and their name when the report names people.
func (r *evalReport) who(p data.Respondent) string {
	role := p.Role
	if role == "" && !r.names {
		role = T("A respondent")
	}
	if r.names {
		return lineByLine(p.Name, role, r.side(p))
	}
	return lineByLine(role, r.side(p))
}

// change is a difference of averages with its sign, "+0.4" or "−0.2".
func change(delta float64) string { return changeIn(i18n.Current(), delta) }

// changeIn is a change as a language writes it.
func changeIn(l i18n.Lang, delta float64) string {
	switch rounded := math.Round(delta*10) / 10; {
	case rounded > 0:
		return "+" + l.Number(rounded, 1, false)
	case rounded < 0:
		return "−" + l.Number(-rounded, 1, false)
	}
	return "±" + l.Number(0, 1, false)
}

// score is an average to one decimal, or a dash when nobody scored.
func score(v float64) string { return scoreIn(i18n.Current(), v) }

// scoreIn is a score as a language writes it.
func scoreIn(l i18n.Lang, v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return l.Number(v, 1, false)
}

// band places an average in its band as printed, to one decimal: 3.96 prints as 4.0, and a reader
// would rightly ask why 4.0 is not a strength.

func bandLabel(b data.Band) string { return bandLabelIn(i18n.Current(), b) }

// bandLabelIn names a band in a language.
func bandLabelIn(l i18n.Lang, b data.Band) string {
	switch b {
	case data.BandStrength:
		return l.T("Strength")
	case data.BandDiscuss:
		return l.T("Worth discussing")
	case data.BandConcern:
		return l.T("Concern")
	}
	return l.T("No scores")
}

func bandColour(b data.Band) rgb {
	switch b {
	case data.BandStrength:
		return strengthColour
	case data.BandDiscuss:
		return discussColour
	case data.BandConcern:
		return concernColour
	}
	return rule
}

// talkAt is the spread between the lowest and highest score at which respondents see a dimension
// differently enough for the review meeting to talk about it.
const talkAt = 2

// health is the chart of the seven dimensions and the table of their averages, spread and bands.
func (r *evalReport) health() []block {
	if math.IsNaN(r.e.Overall()) {
		return nil
	}
	out := []block{healthChart(r.e, r.prev), whole{r.dimensionTable()}}
	if sides := r.bySide(); sides != nil {
		out = append(out, prose{text: T("How each organisation's respondents scored, on average: a wide gap shows where the partners see the partnership differently.")}, whole{*sides})
	}
	return out
}

// bySide averages each dimension over each organisation's respondents, with the gap between the highest
// and lowest organisation; nil when only one organisation answered.
func (r *evalReport) bySide() *table {
	var sides []string
	groups := map[string]*data.Evaluation{} // each side's respondents, to average with Summarise
	for _, p := range r.e.Respondents {
		if !p.HasAnswered() {
			continue
		}
		side := r.side(p)
		if groups[side] == nil {
			sides = append(sides, side)
			groups[side] = &data.Evaluation{}
		}
		groups[side].Respondents = append(groups[side].Respondents, p)
	}
	if len(sides) < 2 {
		return nil
	}
	const dimShare, gapShare = 0.28, 0.1
	t := &table{cols: []column{{title: T("Dimension"), share: dimShare}}}
	for _, side := range sides {
		t.cols = append(t.cols, column{title: side, share: (1 - dimShare - gapShare) / float64(len(sides)), right: true})
	}
	t.cols = append(t.cols, column{title: T("Gap"), share: gapShare, right: true, bold: true})
	for _, dim := range data.Dimensions {
		row := []string{T(data.DimensionNames[dim])}
		lo, hi, scored := math.Inf(1), math.Inf(-1), 0
		for _, side := range sides {
			mean := groups[side].Summarise(dim).Mean
			row = append(row, score(mean))
			if !math.IsNaN(mean) {
				lo, hi, scored = math.Min(lo, mean), math.Max(hi, mean), scored+1
			}
		}
		gap := "—" // a gap needs two organisations' scores
		if scored > 1 {
			gap = score(hi - lo)
		}
		t.rows = append(t.rows, append(row, gap))
	}
	return t
}

// healthChart draws each dimension's average as a bar coloured by its band, with the previous
// evaluation's beside it when there is one.
func healthChart(e, prev *data.Evaluation) barChart {
	c := barChart{lo: 1, hi: 5, ticks: []float64{1, 2, 3, 4, 5}, empty: T("no scores")}
	for _, dim := range data.Dimensions {
		mean := e.Summarise(dim).Mean
		b := bar{label: T(data.DimensionNames[dim]), value: mean, before: math.NaN(), colour: bandColour(data.BandOf(mean)), text: score(mean)}
		if prev != nil {
			if before := prev.Summarise(dim).Mean; !math.IsNaN(before) {
				b.before, b.textPrev = before, score(before)
			}
		}
		c.bars = append(c.bars, b)
	}
	c.legend = []swatch{
		{strengthColour, T("Strength (4.0–5.0)")},
		{discussColour, T("Worth discussing (3.0–3.9)")},
		{concernColour, T("Concern (below 3.0)")},
	}
	if c.hasBefore() {
		c.legend = append(c.legend, swatch{lighter(muted, 0.55), T("Lighter bar: previous evaluation, %s", longDate(prev.Date))})
	}
	return c
}

func (r *evalReport) dimensionTable() table {
	var means []float64
	cols := []column{
		{title: T("Dimension"), share: 0.31},
		{title: T("Average"), share: 0.12, right: true, paint: func(d *document, i int, x, y, w, h float64) {
			if !math.IsNaN(means[i]) {
				dot(d, x+cellPadX+1.2, y+cellPadY+smallLine/2, bandColour(data.BandOf(means[i])))
			}
		}},
		{title: T("Lowest–highest"), share: 0.19, right: true},
		{title: T("Band"), share: 0.18},
		{title: T("For the review"), share: 0.2, bold: true},
	}
	if r.prev != nil {
		cols[0].share -= 0.1
		cols = append(cols[:2], append([]column{{title: T("Change"), share: 0.1, right: true}}, cols[2:]...)...)
	}
	t := table{cols: cols}
	for _, dim := range data.Dimensions {
		sum := r.e.Summarise(dim)
		means = append(means, sum.Mean)
		spread, flag := "—", ""
		if sum.Count > 0 {
			spread = fmt.Sprintf("%d–%d", sum.Min, sum.Max)
		}
		if sum.Count > 1 && sum.Spread() >= talkAt {
			flag = T("Talk about this: scores differ by %d", sum.Spread())
		}
		row := []string{T(data.DimensionNames[dim]), score(sum.Mean)}
		if r.prev != nil {
			delta := "—"
			if before := r.prev.Summarise(dim).Mean; !math.IsNaN(before) && !math.IsNaN(sum.Mean) {
				delta = change(sum.Mean - before)
			}
			row = append(row, delta)
		}
		t.rows = append(t.rows, append(row, spread, bandLabel(data.BandOf(sum.Mean)), flag))
	}
	return t
}

// comments lists what respondents wrote, grouped by dimension, with who said it and for which side.
func (r *evalReport) comments() []block {
	t := table{cols: []column{
		{title: T("Dimension"), share: 0.24, bold: true, group: true},
		{title: T("Respondent"), share: 0.26},
		{title: T("Score"), share: 0.1, right: true},
		{title: T("Comment"), share: 0.4},
	}}
	for _, dim := range data.Dimensions {
		name := T(data.DimensionNames[dim])
		for _, p := range r.e.Respondents {
			sc := p.Scores[dim]
			if strings.TrimSpace(sc.Comment) == "" {
				continue
			}
			value := "—"
			if sc.Value > 0 {
				value = fmt.Sprint(sc.Value)
			}
			t.rows = append(t.rows, []string{name, r.who(p), value, sc.Comment})
			name = "" // the dimension heads its group of comments
		}
	}
	if len(t.rows) == 0 {
		return nil
	}
	return []block{t}
}

// goalProgress sets each measured goal's actual figure against its target, with a drawn bar, and how
// the respondents rated progress on each goal in their questionnaires.
func (r *evalReport) goalProgress() []block {
	var out []block
	if t := goalTable(i18n.Current(), r.goals, r.e.GoalProgress, false); len(t.rows) > 0 {
		out = append(out, t)
	}
	rated := table{cols: []column{
		{title: T("Goal"), share: 0.52},
		{title: T("Respondents' rating, 1 to 5"), share: 0.28, right: true},
		{title: T("Lowest–highest"), share: 0.2, right: true},
	}}
	for _, g := range r.goals {
		if s := r.e.SummariseGoal(g.ID); s.Count > 0 {
			rated.rows = append(rated.rows, []string{g.Text, score(s.Mean), fmt.Sprintf("%d–%d", s.Min, s.Max)})
		}
	}
	if len(rated.rows) > 0 {
		out = append(out, whole{rated})
	}
	return out
}

// goalTable sets the figures reached against the goals' targets, in a language, with a drawn bar; progress
// on a goal no longer on the agreement is left out. With unmeasured, the goals nobody measured follow,
// with their targets alone.
func goalTable(l i18n.Lang, goals []data.Goal, progress []data.GoalProgress, unmeasured bool) table {
	var shares []float64
	t := table{cols: []column{
		{title: l.T("Goal"), share: 0.34},
		{title: l.T("Target"), share: 0.15, right: true},
		{title: l.T("Actual"), share: 0.15, right: true},
		{title: l.T("Reached"), share: 0.12, right: true},
		{title: "", share: 0.24, paint: func(d *document, i int, x, y, w, h float64) {
			if i >= len(shares) {
				return // not measured
			}
			colour := accent
			if shares[i] >= 1 {
				colour = strengthColour
			}
			meter(d, shares[i], x+cellPadX, y+cellPadY+0.6, w-2*cellPadX, smallLine-1.2, colour)
		}},
	}}
	for _, gp := range progress {
		g, ok := goalByID(goals, gp.GoalID)
		if !ok {
			continue // the goal was taken off the agreement since
		}
		pct := g.Progress(gp.Actual)
		shares = append(shares, pct/100)
		goal := g.Text
		if note := strings.TrimSpace(gp.Note); note != "" {
			goal += "\n" + note
		}
		t.rows = append(t.rows, []string{goal, withUnitIn(l, g.Target, g.Unit), withUnitIn(l, gp.Actual, g.Unit),
			l.Number(math.Round(pct), 0, false) + "%", ""})
	}
	for _, g := range goals {
		measured := slices.ContainsFunc(progress, func(gp data.GoalProgress) bool { return gp.GoalID == g.ID })
		if unmeasured && !measured {
			t.rows = append(t.rows, []string{g.Text, withUnitIn(l, g.Target, g.Unit), "—", "—", ""})
		}
	}
	return t
}

func goalByID(goals []data.Goal, id string) (data.Goal, bool) {
	for _, g := range goals {
		if g.ID == id {
			return g, true
		}
	}
	return data.Goal{}, false
}

func withUnit(v float64, unit string) string { return withUnitIn(i18n.Current(), v, unit) }

// withUnitIn is a figure and its unit, as a language writes the figure.
func withUnitIn(l i18n.Lang, v float64, unit string) string {
	return strings.TrimSpace(l.Number(v, -1, true) + " " + unit)
}

// impact lists the figures that were counted; a figure left at zero was not.
func (r *evalReport) impact() []block {
	im := r.e.Impact
	t := table{cols: []column{{title: T("Figure"), share: 0.6}, {title: T("This period"), share: 0.4, right: true}}}
	add := func(label string, v float64, unit string) {
		if v != 0 {
			t.rows = append(t.rows, []string{label, withUnit(v, unit)})
		}
	}
	add(T("People reached"), float64(im.PeopleReached), "")
	add(T("Volunteer hours"), im.VolunteerHours, "")
	for _, m := range []struct {
		label string
		value data.Money
	}{{T("Funds leveraged"), im.FundsLeveraged}, {T("In-kind value"), im.InKindValue}} {
		if m.value != 0 {
			t.rows = append(t.rows, []string{m.label, strings.TrimSpace(money(m.value) + " " + r.org.Currency)})
		}
	}
	add(T("Events held"), float64(im.EventsHeld), "")
	for _, f := range im.Custom {
		add(f.Label, f.Value, f.Unit)
	}
	if len(t.rows) == 0 {
		return nil
	}
	return []block{whole{t}}
}

// actions are what the review agreed to do, with who does it, by when, and whether it is done.
func (r *evalReport) actions() []block {
	if len(r.e.Actions) == 0 {
		return nil
	}
	return []block{whole{actionTable(i18n.Current(), r.e.Actions, r.printed, nil)}}
}

// actionTable lists actions in a language: what, who, by when and whether done, overdue or not yet. With
// side, a column says for which party the owner acts.
func actionTable(l i18n.Lang, actions []data.ActionItem, today data.Date, side func(data.ActionItem) string) table {
	t := table{cols: []column{
		{title: l.T("Action"), share: 0.44},
		{title: l.T("Owner"), share: 0.2},
		{title: l.T("Due"), share: 0.2, right: true},
		{title: l.T("Status"), share: 0.16},
	}}
	if side != nil { // room for the party, and for a long date on one line
		t.cols[0].share -= 0.16
		t.cols[1].share -= 0.02
		t.cols = slices.Insert(t.cols, 2, column{title: l.T("For"), share: 0.18})
	}
	for _, x := range actions {
		status := l.T("Not done yet")
		switch {
		case x.Done:
			status = l.T("Done")
		case x.Overdue(today):
			status = l.T("Overdue")
		}
		row := []string{x.Text, orDash(x.Owner), orDash(dateIn(l, x.Due)), status}
		if side != nil {
			row = slices.Insert(row, 2, side(x))
		}
		t.rows = append(t.rows, row)
	}
	return t
}
