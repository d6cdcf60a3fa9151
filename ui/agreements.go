package ui

import (
	"fmt"

	"fyne.io/fyne/v2"

	"accord/data"
)

// agreementsScreen lists the agreements and MOUs and shows the selected one.
type agreementsScreen struct {
	*browser[*data.Agreement]
	store *data.Store
}

func newAgreementsScreen(s *data.Store) *agreementsScreen {
	as := &agreementsScreen{store: s}
	as.browser = &browser[*data.Agreement]{
		search: func(q string) []*data.Agreement { return data.Search[data.Agreement](s, q) },
		row:    as.row,
		detail: as.detail,
		count:  func(n int) string { return countOf(n, "1 agreement", "%d agreements") },
		empty:  T("Choose an agreement to see its details."),
		hint:   T("Search by title, kind or signatory"),
	}
	return as
}

func (as *agreementsScreen) row(a *data.Agreement) (string, string) {
	return a.Name, joinNonEmpty(" · ", T(string(a.StatusOn(data.DateOf(now())))), period(a.Start, a.End),
		joinNonEmpty(", ", as.partnerNames(a)...))
}

func (as *agreementsScreen) partnerNames(a *data.Agreement) []string {
	var names []string
	for _, id := range a.PartnerIDs() {
		if p := data.Lookup[data.Partner](as.store, id); p != nil {
			names = append(names, p.Name)
		}
	}
	return names
}

func (as *agreementsScreen) detail(a *data.Agreement) fyne.CanvasObject {
	org := as.store.Organisation()
	var d detailDoc
	d.heading(a.Name)
	d.field(T("Kind"), T(string(a.AgreementKind)))
	d.field(T("Status"), T(string(a.StatusOn(data.DateOf(now())))))
	d.field(T("Period"), period(a.Start, a.End))
	if a.ReviewEveryMonths > 0 {
		d.field(T("Review"), T("every %d months", a.ReviewEveryMonths))
	}
	d.section(T("Parties"))
	var parties []string
	for _, p := range a.Parties {
		name := org.Name
		if !p.Us {
			if partner := data.Lookup[data.Partner](as.store, p.PartnerID); partner != nil {
				name = partner.Name
			}
		}
		signed := ""
		if !p.Signatory.SignedOn.IsZero() {
			signed = T("signed %s", p.Signatory.SignedOn.String())
		}
		parties = append(parties, joinNonEmpty(" — ", name, joinNonEmpty(", ", p.Signatory.Name, p.Signatory.Title, signed)))
	}
	d.bullets(parties)
	if a.Purpose != "" {
		d.section(T("Purpose"))
		d.para(a.Purpose)
	}
	if len(a.Goals) > 0 {
		d.section(T("Shared goals"))
		var goals []string
		for _, g := range a.Goals {
			target := joinNonEmpty(" ", fmt.Sprintf("%g", g.Target), g.Unit)
			goals = append(goals, joinNonEmpty(" — ", g.Text, T("target %s", target), dueText(g.Due)))
		}
		d.bullets(goals)
	}
	if a.RenewalTerms != "" {
		d.section(T("Renewal"))
		d.para(a.RenewalTerms)
	}
	return d.build()
}

func dueText(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return T("by %s", d.String())
}
