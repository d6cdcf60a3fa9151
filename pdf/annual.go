package pdf

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"accord/data"
	"accord/i18n"
)

// AnnualReport prints a year of partnership work for an annual general meeting: who the partners are,
// the agreements started, renewed and ended, what the partners and we put in, the impact counted in the
// year's evaluations, health against the year before, community needs, the stakeholder map and the
// partners we thank. Sections with nothing to show are left out.
//
// Resources count once, in full, in the year their agreement started: a three-year agreement's
// contributions belong to the year it was signed up to, so no year's figures depend on how a value
// would be spread over time.
func AnnualReport(s data.View, year int, printed data.Date) ([]byte, error) {
	org := s.Organisation()
	r := &annual{s: s, org: org, year: year, printed: printed, partners: data.List[data.Partner](s),
		agreements: data.List[data.Agreement](s)}
	info := docInfo{title: T("Annual report %d", year), subject: T("Annual partnership report"), date: printed}
	return render(org, info, r.write)
}

// annual writes one year's report; write runs once per rendering pass.
type annual struct {
	s          data.View
	org        *data.Organisation
	year       int
	printed    data.Date
	partners   []*data.Partner
	agreements []*data.Agreement
}

func (r *annual) write(d *document) {
	d.reportTitle(T("Annual partnership report"), r.org.Name, T("1 January – 31 December %d", r.year))
	d.sections([]section{
		{T("Our partners"), r.partnerCounts()},
		{T("Agreements"), r.agreementSummary()},
		{T("Resources contributed"), r.resources()},
		{T("Impact"), r.impact()},
		{T("Partnership health"), r.health()},
		{T("Community needs"), r.needs()},
		{T("Stakeholder map"), r.stakeholders()},
		{T("Our network"), r.network()},
		{T("With thanks"), r.thanks()},
	})
}

func (r *annual) in(day data.Date) bool { return !day.IsZero() && day.Year == r.year }

// agreed is true for an agreement every party committed to: drafts and unsigned ones never started.
func agreed(a *data.Agreement) bool {
	return a.Status == data.StatusSigned || a.Status == data.StatusTerminated
}

// started are the agreed agreements whose term began in the year.
func (r *annual) started() []*data.Agreement {
	var out []*data.Agreement
	for _, a := range r.agreements {
		if agreed(a) && r.in(a.Start) {
			out = append(out, a)
		}
	}
	return out
}

// ended is true for an agreement that ran out or was terminated in the year.
func (r *annual) ended(a *data.Agreement) bool {
	if a.Status == data.StatusTerminated {
		return r.in(a.TerminatedOn)
	}
	return a.Status == data.StatusSigned && r.in(a.End)
}

// partnerCounts are the live partners by kind and by stage, as bar charts.
func (r *annual) partnerCounts() []block {
	if len(r.partners) == 0 {
		return nil
	}
	kinds, stages := map[data.PartnerKind]int{}, map[data.Stage]int{}
	for _, p := range r.partners {
		kinds[p.PartnerKind]++
		stages[p.Stage]++
	}
	var byKind, byStage []count
	for _, k := range data.PartnerKinds {
		byKind = append(byKind, count{capitalise(T(string(k))), kinds[k]})
	}
	for _, st := range data.Stages {
		byStage = append(byStage, count{capitalise(T(string(st))), stages[st]})
	}
	return []block{
		tiles{{T("Partners"), grouped(fmt.Sprint(len(r.partners))), T("in the data folder on %s", longDate(r.printed)), accent},
			{T("Active"), grouped(fmt.Sprint(stages[data.StageActive])), T("partnerships at the active stage"), strengthColour}},
		subsection{T("By kind"), countChart(byKind, accent)},
		subsection{T("By stage"), countChart(byStage, accent)},
	}
}

// agreementSummary counts the agreements started, renewed and ended, and lists them.
func (r *annual) agreementSummary() []block {
	var started, renewed, ended int
	type event struct {
		on  data.Date
		row []string
	}
	var events []event
	t := table{cols: []column{
		{title: T("Agreement"), share: 0.4, bold: true},
		{title: T("Partners"), share: 0.32},
		{title: T("In %d", r.year), share: 0.28},
	}}
	for _, a := range r.agreements {
		var what []string
		var on data.Date
		if agreed(a) && r.in(a.Start) {
			if a.RenewalOf != "" {
				renewed++
				what = append(what, T("Renewed %s", longDate(a.Start)))
				on = a.Start
			} else {
				started++
				what = append(what, T("Started %s", longDate(a.Start)))
				on = a.Start
			}
		}
		if r.ended(a) {
			ended++
			switch {
			case a.Status == data.StatusTerminated:
				what = append(what, T("Terminated %s", longDate(a.TerminatedOn)))
			case a.End.After(r.printed): // a report printed before the year is out
				what = append(what, T("Ends %s", longDate(a.End)))
			default:
				what = append(what, T("Ended %s", longDate(a.End)))
			}
			if on.IsZero() {
				on = a.End
				if a.Status == data.StatusTerminated {
					on = a.TerminatedOn
				}
			}
		}
		if what != nil {
			events = append(events, event{on, []string{a.Name, orDash(strings.Join(r.partyNames(a), ", ")), lineByLine(what...)}})
		}
	}
	if len(events) == 0 {
		return nil
	}
	// The year's story in order: what happened first comes first.
	slices.SortStableFunc(events, func(a, b event) int { return a.on.Time().Compare(b.on.Time()) })
	for _, e := range events {
		t.rows = append(t.rows, e.row)
	}
	return []block{tiles{
		{T("Started"), fmt.Sprint(started), T("new agreements"), accent},
		{T("Renewed"), fmt.Sprint(renewed), T("renewals of earlier agreements"), strengthColour},
		{T("Ended"), fmt.Sprint(ended), T("run out in the year, or terminated"), muted},
	}, t}
}

// partyNames are the partners' names on an agreement, in its order; ours is understood.
func (r *annual) partyNames(a *data.Agreement) []string {
	var out []string
	for _, id := range a.PartnerIDs() {
		if p := data.Lookup[data.Partner](r.s, id); p != nil {
			out = append(out, p.Name)
		}
	}
	return out
}

// resources adds up, by kind, what the partners and we committed in the agreements started in the year,
// with the leverage: the partners' value per unit of ours.
func (r *annual) resources() []block {
	theirs, ours := map[data.ResourceKind]data.Money{}, map[data.ResourceKind]data.Money{}
	var totalTheirs, totalOurs data.Money
	any := false
	for _, a := range r.started() {
		for _, p := range a.Parties {
			for _, c := range p.Contributions {
				any = true
				if p.Us {
					ours[c.Kind] += c.Value
					totalOurs += c.Value
				} else {
					theirs[c.Kind] += c.Value
					totalTheirs += c.Value
				}
			}
		}
	}
	if !any {
		return nil
	}
	value := func(label string) string {
		if r.org.Currency != "" {
			return T("%s (%s)", label, r.org.Currency)
		}
		return label
	}
	t := table{cols: []column{
		{title: T("Resource"), share: 0.4},
		{title: value(T("Partners")), share: 0.3, right: true},
		{title: value(T("Us")), share: 0.3, right: true},
	}, total: []string{T("Total"), money(totalTheirs), money(totalOurs)}}
	for _, k := range data.ResourceKinds {
		if theirs[k] != 0 || ours[k] != 0 {
			t.rows = append(t.rows, []string{capitalise(T(string(k))), money(theirs[k]), money(ours[k])})
		}
	}
	return []block{
		tiles{
			{value(T("Partners contributed")), wholeUnits(totalTheirs), T("in agreements started this year"), accent},
			{value(T("We contributed")), wholeUnits(totalOurs), T("in the same agreements"), accent},
			{T("Leverage"), leverage(totalTheirs, totalOurs), T("partners' value per 1 of ours"), strengthColour},
		},
		whole{t},
		prose{text: T("Contributions count in full in the year their agreement started, at the value written into the agreement.")},
	}
}

// wholeUnits is an amount rounded to whole units, "38,846", short enough for a tile.
func wholeUnits(m data.Money) string {
	return grouped(fmt.Sprint(int64(m+50) / 100))
}

// leverage is the partners' contributions per unit of ours, to one decimal; a dash when we put in nothing.
func leverage(theirs, ours data.Money) string {
	if ours == 0 {
		return "–"
	}
	return i18n.Number(float64(theirs)/float64(ours), 1, false)
}

// evaluations are those dated in a year.
func (r *annual) evaluations(year int) []*data.Evaluation {
	var out []*data.Evaluation
	for _, e := range data.List[data.Evaluation](r.s) {
		if e.Date.Year == year {
			out = append(out, e)
		}
	}
	return out
}

// impact adds up the figures of the year's evaluations; custom figures add up by label and unit.
func (r *annual) impact() []block {
	var sum data.Impact
	custom := map[[2]string]int{} // label and unit to its index in sum.Custom
	for _, e := range r.evaluations(r.year) {
		im := e.Impact
		sum.PeopleReached += im.PeopleReached
		sum.VolunteerHours += im.VolunteerHours
		sum.FundsLeveraged += im.FundsLeveraged
		sum.InKindValue += im.InKindValue
		sum.EventsHeld += im.EventsHeld
		for _, f := range im.Custom {
			key := [2]string{f.Label, f.Unit}
			if i, ok := custom[key]; ok {
				sum.Custom[i].Value += f.Value
			} else {
				custom[key] = len(sum.Custom)
				f.Label = capitalise(f.Label) // a row of the table, as the standard figures are
				sum.Custom = append(sum.Custom, f)
			}
		}
	}
	// The evaluation report's impact table, over the year's sum; it leaves out figures nobody counted.
	return (&evalReport{org: r.org, e: &data.Evaluation{Impact: sum}}).impact()
}

// pooled gathers every respondent of the evaluations into one, so each dimension averages over every
// score given in the year; nil when there are none.
func pooled(es []*data.Evaluation) *data.Evaluation {
	out := &data.Evaluation{}
	for _, e := range es {
		out.Respondents = append(out.Respondents, e.Respondents...)
	}
	if math.IsNaN(out.Overall()) {
		return nil
	}
	return out
}

// health charts every score given in the year against the year before.
func (r *annual) health() []block {
	this := pooled(r.evaluations(r.year))
	if this == nil {
		return nil
	}
	prev := pooled(r.evaluations(r.year - 1))
	c := healthChart(this, prev)
	if prev != nil {
		c.legend[len(c.legend)-1].label = T("Lighter bar: %d", r.year-1)
	}
	n := len(r.evaluations(r.year))
	b := data.BandOf(this.Overall())
	ts := tiles{{T("Overall health"), score(this.Overall()), bandLabel(b), bandColour(b)},
		{T("Evaluations"), fmt.Sprint(n), T("%d respondents", len(this.Respondents)), accent}}
	if prev != nil {
		ts = append(ts, tile{T("Change"), change(this.Overall() - prev.Overall()), T("since %d (%s)", r.year-1, score(prev.Overall())), muted})
	}
	return []block{together{ts, c}}
}

// needs counts the community needs by where they stand now, and lists those still open, most pressing
// first. Needs carry no dates, so this is the picture on the printed day, not the year's alone.
func (r *annual) needs() []block {
	counts := map[data.NeedStatus]int{}
	t := table{cols: []column{
		{title: T("Still open"), share: 0.5, bold: true},
		{title: T("Area"), share: 0.2},
		{title: T("Priority"), share: 0.14},
		{title: T("Status"), share: 0.16},
	}}
	ns := data.List[data.Need](r.s)
	slices.SortStableFunc(ns, func(a, b *data.Need) int {
		return slices.Index(data.Priorities, a.Priority) - slices.Index(data.Priorities, b.Priority)
	})
	for _, n := range ns {
		counts[n.Status]++
		if n.Unmet() {
			t.rows = append(t.rows, []string{n.Name, orDash(n.Area), capitalise(T(string(n.Priority))), capitalise(T(string(n.Status)))})
		}
	}
	if len(counts) == 0 {
		return nil
	}
	open := counts[data.NeedOpen] + counts[data.NeedInProgress]
	ts := tiles{
		{T("Needs met"), fmt.Sprint(counts[data.NeedMet]), T("by partners and us"), strengthColour},
		{T("Still open"), fmt.Sprint(open), T("%d of them in progress", counts[data.NeedInProgress]), discussColour},
	}
	if len(t.rows) == 0 {
		return []block{ts}
	}
	return []block{ts, t}
}

// stakeholders is the influence × interest map of the live partners.
func (r *annual) stakeholders() []block {
	grid, unjudged := data.StakeholderGrid(r.s)
	if unjudged == len(r.partners) {
		return nil
	}
	out := []block{stakeholderMap{grid: grid}}
	if unjudged > 0 {
		out = append(out, prose{text: T("%d partners are not yet placed on the map.", unjudged)})
	}
	return out
}

// thanks names the partners who worked with us in the year: those at the active stage, those in an
// agreement that started or ran during the year, and those at an activity in it.
func (r *annual) thanks() []block {
	ids := map[string]bool{}
	for _, p := range r.partners {
		if p.Stage == data.StageActive {
			ids[p.ID] = true
		}
	}
	first, last := data.NewDate(r.year, 1, 1), data.NewDate(r.year, 12, 31)
	for _, a := range r.agreements {
		ran := agreed(a) && !a.Start.After(last) && (a.End.IsZero() || !a.End.Before(first))
		if ran {
			for _, id := range a.PartnerIDs() {
				ids[id] = true
			}
		}
	}
	for _, a := range data.List[data.Activity](r.s) {
		if r.in(a.Date) && !a.Date.After(r.printed) {
			for _, id := range a.PartnerIDs {
				ids[id] = true
			}
		}
	}
	var names []string
	for _, p := range r.partners {
		if ids[p.ID] {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(data.Fold(a), data.Fold(b)) })
	return []block{
		prose{text: T("We thank the %d partners who worked with us in %d:", len(names), r.year)},
		prose{text: strings.Join(names, " · ")},
	}
}

// count is one bar of a chart of counts.
type count struct {
	label string
	n     int
}

// countChart draws counts as bars on a scale from zero, leaving out the labels nothing is counted under.
func countChart(cs []count, colour rgb) barChart {
	top := 0
	for _, c := range cs {
		top = max(top, c.n)
	}
	step := niceStep(top)
	hi := math.Ceil(float64(max(top, 1))/step) * step
	ch := barChart{lo: 0, hi: hi}
	for v := 0.0; v <= hi; v += step {
		ch.ticks = append(ch.ticks, v)
	}
	for _, c := range cs {
		if c.n > 0 {
			ch.bars = append(ch.bars, bar{label: c.label, value: float64(c.n), before: math.NaN(), colour: colour, text: fmt.Sprint(c.n)})
		}
	}
	return ch
}

// niceStep is a tick spacing of 1, 2 or 5 times a power of ten giving at most about five ticks.
func niceStep(top int) float64 {
	for mag := 1.0; ; mag *= 10 {
		for _, m := range []float64{1, 2, 5} {
			if float64(top)/(m*mag) <= 5 {
				return m * mag
			}
		}
	}
}

// stakeholderMap draws the 5×5 influence × interest grid as vectors: each cell shaded by its quadrant and
// holding its count of partners, the quadrants named in their corners. It never splits across pages.
type stakeholderMap struct{ grid [5][5][]*data.Partner }

const (
	mapCell  = 17.0 // a cell's side
	mapAxis  = 12.0 // left of the grid, for the influence scale and title
	mapBelow = 12.0 // under the grid, for the interest scale and title
)

func (m stakeholderMap) lead(d *document, w float64) float64 { return 5*mapCell + mapBelow + 2 }

func (m stakeholderMap) draw(d *document, x, w float64) {
	f := d.f
	d.ensure(m.lead(d, w))
	gx, top := x+mapAxis, f.GetY()
	quadrants := map[data.Quadrant]rgb{data.ManageClosely: lighter(accent, 0.75), data.KeepSatisfied: lighter(accent, 0.88),
		data.KeepInformed: lighter(accent, 0.88), data.Monitor: lighter(shade, 0.5)}
	for inf := 1; inf <= 5; inf++ {
		cy := top + float64(5-inf)*mapCell // high influence at the top
		for in := 1; in <= 5; in++ {
			cx := gx + float64(in-1)*mapCell
			d.fill(quadrants[data.QuadrantOf(inf, in)])
			d.draw(lighter(muted, 0.6), 0.2)
			f.Rect(cx, cy, mapCell, mapCell, "FD")
			if n := len(m.grid[inf-1][in-1]); n > 0 {
				d.font("B", 11)
				d.colour(ink)
				f.SetXY(cx, cy)
				f.CellFormat(mapCell, mapCell, fmt.Sprint(n), "", 0, "CM", false, 0, "")
			}
		}
		d.font("", 8)
		d.colour(muted)
		f.SetXY(gx-5, cy)
		f.CellFormat(4, mapCell, fmt.Sprint(inf), "", 0, "RM", false, 0, "")
	}
	// The split between low and high falls below 3, as QuadrantOf counts 3 as high.
	d.draw(accent, 0.5)
	f.Line(gx+2*mapCell, top, gx+2*mapCell, top+5*mapCell)
	f.Line(gx, top+3*mapCell, gx+5*mapCell, top+3*mapCell)
	for in := 1; in <= 5; in++ {
		f.SetXY(gx+float64(in-1)*mapCell, top+5*mapCell+0.5)
		f.CellFormat(mapCell, 4, fmt.Sprint(in), "", 0, "C", false, 0, "")
	}
	f.SetXY(gx, top+5*mapCell+5)
	f.CellFormat(5*mapCell, 4, T("Interest →"), "", 0, "C", false, 0, "")
	// The influence title reads upwards; Text, unlike SetXY, takes the negative x the rotation needs.
	label := T("Influence →")
	px, py := x+3, top+2.5*mapCell
	f.TransformBegin()
	f.TransformRotate(90, px, py)
	f.Text(px-f.GetStringWidth(label)/2, py+1, label)
	f.TransformEnd()
	// The quadrants' names in a legend beside the grid, where they never hide a count.
	lx, lw := gx+5*mapCell+8, w-mapAxis-5*mapCell-8
	ly := top
	for _, q := range []struct {
		q    data.Quadrant
		note string
	}{{data.ManageClosely, T("high influence, high interest")}, {data.KeepSatisfied, T("high influence, low interest")},
		{data.KeepInformed, T("low influence, high interest")}, {data.Monitor, T("low influence, low interest")}} {
		n := 0
		for inf := 1; inf <= 5; inf++ {
			for in := 1; in <= 5; in++ {
				if data.QuadrantOf(inf, in) == q.q {
					n += len(m.grid[inf-1][in-1])
				}
			}
		}
		d.fill(quadrants[q.q])
		d.draw(lighter(muted, 0.6), 0.2)
		f.Rect(lx, ly+0.7, 4, 4, "FD")
		d.font("B", smallSize)
		d.colour(ink)
		f.SetXY(lx+6, ly)
		f.CellFormat(lw-6, smallLine+1, T("%s: %d", capitalise(T(string(q.q))), n), "", 2, "L", false, 0, "")
		d.font("", 8)
		d.colour(muted)
		f.SetX(lx + 6)
		f.CellFormat(lw-6, 4, q.note, "", 2, "L", false, 0, "")
		ly = f.GetY() + 3
	}
	d.colour(ink)
	f.SetY(top + m.lead(d, w))
}
