package pdf

import (
	"fmt"
	"math"
	"strings"

	"accord/data"
	"accord/i18n"
)

// recentActivities is how many of a partner's latest activities its profile lists: enough to show how
// the partnership lives, few enough to keep a typical profile to one page.
const recentActivities = 6

// PartnerProfile prints one partner, on one page for a typical partner: who they are, whom to talk to and who may sign, what
// they offer, the agreements with them and where each stands on the printed day, the latest health
// evaluation and the recent activities. Sections with nothing to show are left out. printed is "today"
// for every status, so the same partner printed on the same day gives the same bytes.
func PartnerProfile(s data.View, p *data.Partner, printed data.Date) ([]byte, error) {
	org := s.Organisation()
	pp := &profile{s: s, org: org, p: p, links: data.LinkedTo(s, p.ID, printed), printed: printed}
	info := docInfo{title: T("Partner profile: %s", p.Name), subject: T("Partner profile"), date: printed, compact: true}
	return render(org, info, pp.write)
}

// profile writes one partner.
type profile struct {
	s       data.View
	org     *data.Organisation
	p       *data.Partner
	links   data.Links
	printed data.Date
}

func (pp *profile) write(d *document) {
	p := pp.p
	var kind []string
	if p.PartnerKind != "" {
		kind = append(kind, capitalise(data.ListPartnerKinds.Label(string(p.PartnerKind), T)))
	}
	if p.Stage != "" {
		kind = append(kind, T("Stage: %s", T(string(p.Stage))))
	}
	d.reportTitle(T("Partner profile"), p.Name, strings.Join(kind, "  ·  "))
	d.sections([]section{
		{T("About"), pp.about()},
		{T("Contacts"), pp.contacts()},
		{T("What they offer"), pp.offers()},
		{T("Agreements"), pp.agreements()},
		{T("Partnership health"), pp.health()},
		{T("Recent activities"), pp.activities()},
	})
}

func (pp *profile) about() []block {
	p := pp.p
	out := text(p.Description)
	stake := ""
	if p.Influence > 0 || p.Interest > 0 {
		stake = T("Influence %s, interest %s (out of 5)", outOf5(p.Influence), outOf5(p.Interest))
	}
	out = append(out, labelled(
		field{T("Focus areas"), strings.Join(p.FocusAreas, ", ")},
		field{T("Address"), p.Address},
		field{T("Get in touch"), joinNonEmpty("  ·  ", p.Email, p.Phone, p.Website)},
	)...)
	out = append(out, labelled(printedFields(pp.s, data.KindPartner, p)...)...)
	if short := (fields{{T("Languages"), strings.Join(p.Languages, ", ")}, {T("Stakeholder map"), stake}}).filled(); len(short) > 0 {
		out = append(out, fieldGrid(short))
	}
	return out
}

// printedFields are the values r holds of the group's own fields for k marked to print on documents, each
// labelled with its field's name in the document's language: a partner's, or a contact's.
func printedFields(s data.View, k data.Kind, r data.Valued) []field {
	lang := i18n.Current()
	var out []field
	for _, l := range data.CustomLines(s, k, r, true) {
		out = append(out, field{l.Field.Label(lang.Code()), l.Field.Show(s, l.Value, lang)})
	}
	return out
}

// withFields puts fields to print under a name in a table's cell, a line each.
func withFields(name string, fs []field) string {
	for _, f := range fs {
		name += "\n" + f.label + ": " + f.value
	}
	return name
}

func outOf5(v int) string {
	if v == 0 {
		return T("not judged")
	}
	return fmt.Sprint(v)
}

// contacts lists the people, those who may sign for the partner marked, each with their values of the
// group's own fields marked to print under their name.
func (pp *profile) contacts() []block {
	if len(pp.p.Contacts) == 0 {
		return nil
	}
	t := table{dense: true, cols: []column{
		{title: T("Name"), share: 0.22, lead: true}, // the fields printed under a name are not bold,
		{title: T("Role"), share: 0.19},
		{title: T("Email"), share: 0.33},
		{title: T("Phone"), share: 0.16},
		{title: T("May sign"), share: 0.1},
	}}
	for _, c := range pp.p.Contacts {
		sign := ""
		if c.MaySign {
			sign = T("Yes")
		}
		role := c.Role
		if c.Language != "" {
			role = lineByLine(role, T("Speaks %s", c.Language))
		}
		t.rows = append(t.rows, []string{withFields(c.Name, printedFields(pp.s, data.KindContact, &c)), orDash(role), orDash(c.Email), orDash(c.Phone), sign})
	}
	return []block{t}
}

// offers is the partner's part of the resource map, with the estimated total.
func (pp *profile) offers() []block {
	if len(pp.p.Offers) == 0 {
		return nil
	}
	value := T("Value")
	if pp.org.Currency != "" {
		value = T("Value (%s)", pp.org.Currency)
	}
	t := table{dense: true, cols: []column{
		{title: T("Resource"), share: 0.2},
		{title: T("Description"), share: 0.56},
		{title: value, share: 0.24, right: true},
	}}
	for _, o := range pp.p.Offers {
		t.rows = append(t.rows, []string{capitalise(data.ListResourceKinds.Label(string(o.Kind), T)), o.Description, money(o.Value)})
	}
	if total := pp.p.OfferedValue(); total > 0 {
		t.total = []string{T("Total"), "", money(total)}
	}
	return []block{t}
}

// agreements lists the agreements with the partner and their status on the printed day.
func (pp *profile) agreements() []block {
	if len(pp.links.Agreements) == 0 {
		return nil
	}
	t := table{dense: true, cols: []column{
		{title: T("Agreement"), share: 0.38, bold: true},
		{title: T("Kind"), share: 0.22},
		{title: T("Status"), share: 0.14},
		{title: T("Runs"), share: 0.26},
	}}
	for _, a := range pp.links.Agreements {
		t.rows = append(t.rows, []string{a.Name, orDash(capitalise(T(string(a.AgreementKind)))),
			capitalise(T(string(a.StatusOn(pp.printed)))), orDash(period(a.Start, a.End))})
	}
	return []block{t}
}

// health shows the latest evaluation among the partner's agreements (or of the partner itself): its
// overall score and band, and the chart of its dimensions.
func (pp *profile) health() []block {
	e := pp.links.LatestEvaluation
	if e == nil || math.IsNaN(e.Overall()) {
		return nil
	}
	of := pp.p.Name
	if a := data.Lookup[data.Agreement](pp.s, e.AgreementID); a != nil {
		of = a.Name
	}
	b := data.BandOf(e.Overall())
	ts := tiles{
		{T("Overall health"), score(e.Overall()), bandLabel(b), bandColour(b)},
		{T("Evaluated on"), longDate(e.Date), of, accent},
	}
	chart := healthChart(e, data.Previous(pp.s, e))
	chart.tight = true
	return []block{ts, chart}
}

// activities are the latest few meetings, calls, events and visits, newest first.
func (pp *profile) activities() []block {
	var acts []*data.Activity
	for _, a := range pp.links.Activities {
		if !a.Date.After(pp.printed) && len(acts) < recentActivities { // planned ones are not yet activity
			acts = append(acts, a)
		}
	}
	if len(acts) == 0 {
		return nil
	}
	t := table{dense: true, cols: []column{
		{title: T("Date"), share: 0.2},
		{title: T("Activity"), share: 0.38, bold: true},
		{title: T("Summary"), share: 0.42},
	}}
	for _, a := range acts {
		t.rows = append(t.rows, []string{lineByLine(longDate(a.Date), capitalise(data.ListActivityKinds.Label(string(a.ActivityKind), T))), a.Name, orDash(a.Summary)})
	}
	return []block{t}
}
