package ui

import (
	"fyne.io/fyne/v2"

	"accord/data"
)

// partnersScreen lists the partner organisations and shows the selected one.
type partnersScreen struct {
	*browser[*data.Partner]
	store *data.Store
}

func newPartnersScreen(s *data.Store) *partnersScreen {
	ps := &partnersScreen{store: s}
	ps.browser = &browser[*data.Partner]{
		search: func(q string) []*data.Partner { return data.Search[data.Partner](s, q) },
		row:    ps.row,
		detail: ps.detail,
		count:  func(n int) string { return countOf(n, "1 partner", "%d partners") },
		empty:  T("Choose a partner to see its details."),
		hint:   T("Search by name, contact, email or focus area"),
	}
	return ps
}

func (ps *partnersScreen) row(p *data.Partner) (string, string) {
	return p.Name, joinNonEmpty(" · ", T(string(p.PartnerKind)), T(string(p.Stage)),
		countOf(len(p.Contacts), "1 contact", "%d contacts"))
}

func (ps *partnersScreen) detail(p *data.Partner) fyne.CanvasObject {
	currency := ps.store.Organisation().Currency
	var d detailDoc
	d.heading(p.Name)
	d.field(T("Kind"), T(string(p.PartnerKind)))
	d.field(T("Stage"), T(string(p.Stage)))
	d.field(T("Focus areas"), joinNonEmpty(", ", p.FocusAreas...))
	d.field(T("Influence"), outOfFive(p.Influence))
	d.field(T("Interest"), outOfFive(p.Interest))
	d.field(T("Email"), p.Email)
	d.field(T("Phone"), p.Phone)
	d.field(T("Website"), p.Website)
	d.field(T("Address"), p.Address)
	d.field(T("Languages"), joinNonEmpty(", ", p.Languages...))
	d.para(p.Description)
	if len(p.Contacts) > 0 {
		d.section(T("Contacts"))
		var lines []string
		for _, c := range p.Contacts {
			signs := ""
			if c.MaySign {
				signs = T("may sign")
			}
			lines = append(lines, joinNonEmpty(" — ", c.Name, joinNonEmpty(", ", c.Role, c.Email, c.Phone, signs)))
		}
		d.bullets(lines)
	}
	if len(p.Offers) > 0 {
		d.section(T("What they offer"))
		var lines []string
		for _, o := range p.Offers {
			value := ""
			if o.Value > 0 {
				value = money(o.Value, currency)
			}
			lines = append(lines, joinNonEmpty(" — ", T(string(o.Kind)), o.Description, value))
		}
		d.bullets(lines)
	}
	if agreements := agreementsOf(ps.store, p.ID); len(agreements) > 0 {
		d.section(T("Agreements"))
		d.bullets(agreements)
	}
	if p.Notes != "" {
		d.section(T("Notes"))
		d.para(p.Notes)
	}
	return d.build()
}

// agreementsOf lists the agreements a partner is party to, with their status today.
func agreementsOf(s *data.Store, partnerID string) []string {
	today := data.DateOf(now())
	var out []string
	for _, a := range data.List[data.Agreement](s) {
		for _, id := range a.PartnerIDs() {
			if id == partnerID {
				out = append(out, a.Name+" — "+T(string(a.StatusOn(today))))
				break
			}
		}
	}
	return out
}
