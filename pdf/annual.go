package pdf

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"accord/data"
	"accord/i18n"
)

// AnnualReport prints a year of partnership work for an annual general meeting: who the partners were,
// the agreements started, renewed and ended, what the partners and we put in, who took part, the impact
// counted in the year's evaluations, health against the year before, community needs, the stakeholder map
// and the partners we thank. Every figure is as of the year's last day — 31 December, or the printed day
// while the year runs, which the report then says — so the report of a year says the same whenever it is
// printed. Sections with nothing to show are left out. A year before the records start, or one not yet
// begun, is refused.
//
// Resources count once, in full, in the year their agreement took effect: a three-year agreement's
// contributions belong to the year it was signed up to, so no year's figures depend on how a value
// would be spread over time.
func AnnualReport(s data.View, year int, printed data.Date) ([]byte, error) {
	if first := data.FirstYear(s); first != 0 && year < first {
		return nil, &data.PlainError{Message: "Your records start in %d, so there is nothing to report for %d: choose %d or a later year.",
			Args: []any{first, year, first}}
	}
	if year > printed.Year {
		return nil, &data.PlainError{Message: "%d has not begun yet: choose this year or an earlier one.", Args: []any{year}}
	}
	org := s.Organisation()
	span, current := data.YearSpan(year, printed)
	r := &annual{s: s, org: org, year: year, span: span, current: current, printed: printed,
		agreements: data.List[data.Agreement](s), partners: data.PartnersOn(s, span.To)}
	info := docInfo{title: T("Annual report %d", year), subject: T("Annual partnership report"), date: printed}
	sections := r.sections() // before the drawing, on every core: at 10,000 partners they take as long
	return render(org, info, func(d *document) { r.write(d, sections) })
}

// annual works out one year's report.
type annual struct {
	s          data.View
	org        *data.Organisation
	year       int
	span       data.Span // the year up to the day its figures are as of
	current    bool      // the year is still running: its figures are as of the printed day
	printed    data.Date
	partners   []data.PartnerOn // on the records at the span's end, as they stood then
	agreements []*data.Agreement
}

// write draws the report's sections.
func (r *annual) write(d *document, sections []section) {
	details := T("1 January – 31 December %d", r.year)
	if r.current {
		details += "  ·  " + T("figures as of %s", longDate(r.span.To))
	}
	d.reportTitle(T("Annual partnership report"), r.org.Name, details)
	d.sections(sections)
}

// sections are the report's sections, with their figures, each worked out on a core of its own: they
// only read, and the network alone takes as long as the others together.
func (r *annual) sections() []section {
	parts := []struct {
		title  string
		blocks func() []block
	}{
		{T("Our partners"), r.partnerCounts},
		{T("Agreements"), r.agreementSummary},
		{T("Resources contributed"), r.resources},
		{T("Community participation"), r.participation},
		{T("Impact"), r.impact},
		{T("Partnership health"), r.health},
		{T("Community needs"), r.needs},
		{T("Stakeholder map"), r.stakeholders},
		{T("Our network"), r.network},
		{T("With thanks"), r.thanks},
	}
	out := make([]section, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Go(func() { out[i] = section{p.title, p.blocks()} })
	}
	wg.Wait()
	return out
}

// asOf names the day the figures are as of, for a tile's note: "on 31 December 2025".
func (r *annual) asOf() string { return T("on %s", longDate(r.span.To)) }

// started are the agreements that took effect in the year, by the day its figures are as of.
func (r *annual) started() []*data.Agreement {
	var out []*data.Agreement
	for _, a := range r.agreements {
		if r.span.Holds(a.InForceFrom()) {
			out = append(out, a)
		}
	}
	return out
}

// partnerCounts are the partners on the records at the year's end, by kind and by the stage each was at
// then, as bar charts.
func (r *annual) partnerCounts() []block {
	if len(r.partners) == 0 {
		return nil
	}
	kinds, stages := map[data.PartnerKind]int{}, map[data.Stage]int{}
	active := 0
	for _, p := range r.partners {
		kinds[p.PartnerKind]++
		stages[p.Stage]++
		if p.Active {
			active++
		}
	}
	var byKind, byStage []count
	for _, k := range data.InOrder(data.ListPartnerKinds, kinds) {
		if kinds[k] > 0 {
			byKind = append(byKind, count{capitalise(data.ListPartnerKinds.Label(string(k), T)), kinds[k]})
		}
	}
	for _, st := range data.Stages {
		if stages[st] > 0 {
			byStage = append(byStage, count{capitalise(T(string(st))), stages[st]})
		}
	}
	return []block{
		tiles{{T("Partners"), grouped(fmt.Sprint(len(r.partners))), T("in our records %s", r.asOf()), accent},
			{T("Active"), grouped(fmt.Sprint(active)), T("at the active stage or in an agreement in force"), strengthColour}},
		subsection{T("By kind"), countChart(byKind, accent)},
		subsection{T("By stage, %s", r.asOf()), countChart(byStage, accent)},
	}
}

// agreementSummary counts the agreements that took effect, were renewed and ended in the year, and lists
// them; one still to start or end later in a running year is listed as such, and not yet counted.
func (r *annual) agreementSummary() []block {
	var started, renewed, ended int
	type event struct {
		on  data.Date
		row []string
	}
	var events []event
	t := table{dense: true, cols: []column{ // a busy year starts and ends many: a list, as the directory is
		{title: T("Agreement"), share: 0.4, bold: true},
		{title: T("Partners"), share: 0.32},
		{title: T("In %d", r.year), share: 0.28},
	}}
	for _, a := range r.agreements {
		var what []string
		var on data.Date
		if from := a.InForceFrom(); from.Year == r.year {
			on = from
			switch {
			case from.After(r.span.To):
				what = append(what, T("Starts on %s", longDate(from)))
			case a.RenewalOf != "":
				renewed++
				what = append(what, T("Renewed %s", longDate(from)))
			default:
				started++
				what = append(what, T("Started %s", longDate(from)))
			}
		}
		if last := a.EndedOn(); last.Year == r.year && !last.Before(a.InForceFrom()) {
			switch {
			case last.After(r.span.To):
				what = append(what, T("Ends on %s", longDate(last)))
			case a.Status == data.StatusTerminated && last == a.TerminatedOn:
				ended++
				what = append(what, T("Terminated %s", longDate(last)))
			default:
				ended++
				what = append(what, T("Ended %s", longDate(last)))
			}
			if on.IsZero() {
				on = last
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

// resources adds up, by kind, what the partners and we committed in the agreements that took effect in
// the year, with the leverage: the partners' value per unit of ours.
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
	both := maps.Clone(theirs)
	maps.Copy(both, ours) // only the keys matter
	for _, k := range data.InOrder(data.ListResourceKinds, both) {
		if theirs[k] != 0 || ours[k] != 0 {
			t.rows = append(t.rows, []string{capitalise(data.ListResourceKinds.Label(string(k), T)), money(theirs[k]), money(ours[k])})
		}
	}
	return []block{
		tiles{
			{value(T("Partners contributed")), wholeUnits(totalTheirs), T("in agreements started this year"), accent},
			{value(T("We contributed")), wholeUnits(totalOurs), T("in the same agreements"), accent},
			{T("Leverage"), leverage(totalTheirs, totalOurs), T("partners' value per 1 of ours"), strengthColour},
		},
		whole{t},
		prose{text: T("Contributions count in full in the year their agreement took effect, at the value written into the agreement.")},
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

// topTurnout is how many partners the participation section names, those with the most people.
const topTurnout = 10

// participation is who took part in the year's activities: the people counted and the groups among them,
// month by month, and at the partners' activities that drew the most people.
func (r *annual) participation() []block {
	total := data.TurnoutIn(r.s, r.span, nil)
	if total.People == 0 {
		return nil
	}
	out := participationBlocks(i18n.Current(), total)
	var months []count
	for i, m := range data.MonthlyTurnout(r.s, r.span) {
		months = append(months, count{capitalise(T(time.Month(i + 1).String())), m.People})
	}
	out = append(out, subsection{T("People taking part, month by month"), countChart(months, accent)})
	t := table{cols: []column{
		{title: T("Partner"), share: 0.6, bold: true},
		{title: T("Activities"), share: 0.2, right: true},
		{title: T("People"), share: 0.2, right: true},
	}}
	for _, p := range data.TurnoutByPartner(r.s, r.span) {
		if len(t.rows) == topTurnout || p.People == 0 {
			break
		}
		t.rows = append(t.rows, []string{p.Partner.Name, fmt.Sprint(p.Activities), grouped(fmt.Sprint(p.People))})
	}
	out = append(out, subsection{T("With the partners who drew the most people"), whole{t}})
	return out
}

// evaluations are those dated in a span.
func (r *annual) evaluations(s data.Span) []*data.Evaluation {
	var out []*data.Evaluation
	for _, e := range data.List[data.Evaluation](r.s) {
		if s.Holds(e.Date) {
			out = append(out, e)
		}
	}
	return out
}

// before is the whole of the year before.
func (r *annual) before() data.Span {
	return data.Span{From: data.NewDate(r.year-1, 1, 1), To: data.NewDate(r.year-1, 12, 31)}
}

// impact adds up the figures of the year's evaluations; custom figures add up by label and unit.
func (r *annual) impact() []block {
	var sum data.Impact
	custom := map[[2]string]int{} // label and unit to its index in sum.Custom
	for _, e := range r.evaluations(r.span) {
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
	this := pooled(r.evaluations(r.span))
	if this == nil {
		return nil
	}
	prev := pooled(r.evaluations(r.before()))
	c := healthChart(this, prev)
	if prev != nil {
		c.legend[len(c.legend)-1].label = T("Lighter bar: %d", r.year-1)
	}
	n := len(r.evaluations(r.span))
	b := data.BandOf(this.Overall())
	ts := tiles{{T("Overall health"), score(this.Overall()), bandLabel(b), bandColour(b)},
		{T("Evaluations"), fmt.Sprint(n), N(len(this.Respondents), "%d respondent", "%d respondents"), accent}}
	if prev != nil {
		ts = append(ts, tile{T("Change"), change(this.Overall() - prev.Overall()), T("since %d (%s)", r.year-1, score(prev.Overall())), muted})
	}
	return []block{together{ts, c}}
}

// needs counts the community needs raised and met in the year and those still waiting at its end, and
// lists those, most pressing first.
func (r *annual) needs() []block {
	sum := data.NeedsDuring(r.s, r.span)
	if sum.Raised == 0 && sum.Met == 0 && len(sum.Waiting) == 0 {
		return nil
	}
	out := []block{tiles{
		{T("Raised"), fmt.Sprint(sum.Raised), T("needs raised in %d", r.year), accent},
		{T("Needs met"), fmt.Sprint(sum.Met), T("by partners and us, in %d", r.year), strengthColour},
		{T("Still open"), fmt.Sprint(len(sum.Waiting)), r.asOf(), discussColour},
	}}
	if len(sum.Waiting) > 0 {
		t := table{dense: true, cols: []column{
			{title: T("Still open"), share: 0.46, bold: true},
			{title: T("Area"), share: 0.2},
			{title: T("Priority"), share: 0.14},
			{title: T("Raised"), share: 0.2, right: true},
		}}
		for _, n := range sum.Waiting {
			t.rows = append(t.rows, []string{n.Name, orDash(n.Area), capitalise(T(string(n.Priority))), longDate(n.OpenedOn())})
		}
		out = append(out, t)
	}
	if sum.Undated {
		out = append(out, prose{text: T("Needs recorded before Accord kept their dates count as raised on the day they were entered, and as met on the day they were last changed.")})
	}
	return out
}

// stakeholders is the influence × interest map of the partners at the year's end, former ones left out.
// Accord keeps no history of the scores, so a past year's map places them as they are judged today.
func (r *annual) stakeholders() []block {
	var ps []*data.Partner
	for _, p := range r.partners {
		if p.Stage != data.StageFormer {
			ps = append(ps, p.Partner)
		}
	}
	grid, unjudged := data.PlaceOnGrid(ps)
	if unjudged == len(ps) {
		return nil
	}
	out := []block{stakeholderMap{grid: grid}}
	if unjudged > 0 {
		out = append(out, prose{text: N(unjudged, "%d partner is not yet placed on the map.", "%d partners are not yet placed on the map.")})
	}
	if !r.current {
		out = append(out, prose{text: T("The partners of %d are placed by their influence and interest as judged on %s: Accord keeps no history of these scores.", r.year, longDate(r.printed))})
	}
	return out
}

// thanks names the partners who worked with us in the year — in an agreement in force, or at an activity
// — in columns, A to Z.
func (r *annual) thanks() []block {
	ps := data.WorkedWith(r.s, r.span)
	if len(ps) == 0 {
		return nil
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return []block{
		// the sentence keeps the first lines of names on its page
		prose{text: N(len(names), "We thank the %d partner who worked with us in %d:", "We thank the %d partners who worked with us in %d:", r.year),
			next: follow{first: paraGap + keepLines*smallLine}},
		columnList{items: names},
	}
}

// count is one bar of a chart of counts.
type count struct {
	label string
	n     int
}

// countChart draws counts as bars on a scale from zero, each with its label: a month with no one counted
// stays on a month-by-month chart, so the chart shows the gap.
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
		ch.bars = append(ch.bars, bar{label: c.label, value: float64(c.n), before: math.NaN(), colour: colour, text: fmt.Sprint(c.n)})
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
