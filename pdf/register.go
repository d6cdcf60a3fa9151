package pdf

import (
	"slices"
	"strings"

	"accord/data"
)

// registerOrder is the order statuses read in the register: what is in force first, then what is on its
// way, then what has finished.
var registerOrder = []data.AgreementStatus{data.StatusActive, data.StatusSigned, data.StatusSent, data.StatusDraft,
	data.StatusExpired, data.StatusTerminated}

// AgreementRegister prints every live agreement as one table — title, kind, parties, term and status on
// the printed day — sorted by status, then by end date, soonest first, so what needs renewing stands out.
// It stays portrait, as every Accord document but the network map does.
func AgreementRegister(s data.View, printed data.Date) ([]byte, error) {
	org := s.Organisation()
	as := data.List[data.Agreement](s)
	rank := func(a *data.Agreement) int { return slices.Index(registerOrder, a.StatusOn(printed)) }
	slices.SortStableFunc(as, func(a, b *data.Agreement) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		switch {
		case a.End == b.End:
			return strings.Compare(data.Fold(a.Name), data.Fold(b.Name))
		case a.End.IsZero(): // open-ended ones last
			return 1
		case b.End.IsZero():
			return -1
		case a.End.Before(b.End):
			return -1
		}
		return 1
	})
	info := docInfo{title: T("Agreement register"), subject: T("Agreement register"), date: printed}
	return render(org, info, func(d *document) {
		d.reportTitle(T("Agreement register"), org.Name, N(len(as), "%d agreement, status on %s", "%d agreements, status on %s", longDate(printed)))
		t := table{cols: []column{
			{title: T("Agreement"), share: 0.27, bold: true},
			{title: T("Kind"), share: 0.16},
			{title: T("Parties"), share: 0.25},
			{title: T("Runs"), share: 0.2},
			{title: T("Status"), share: 0.12},
		}}
		for _, a := range as {
			var names []string
			for _, id := range a.PartnerIDs() {
				if p := data.Lookup[data.Partner](s, id); p != nil {
					names = append(names, p.Name)
				}
			}
			t.rows = append(t.rows, []string{a.Name, orDash(capitalise(T(string(a.AgreementKind)))),
				orDash(strings.Join(names, "\n")), orDash(period(a.Start, a.End)), capitalise(T(string(a.StatusOn(printed))))})
		}
		if len(t.rows) == 0 {
			prose{text: T("There are no agreements yet.")}.draw(d, margin, d.width())
			return
		}
		t.draw(d, margin, d.width())
	})
}
