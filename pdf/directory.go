package pdf

import (
	"slices"
	"strings"

	"accord/data"
)

// ContactDirectory prints the live partners A–Z, each with its people: name, role, e-mail, phone and
// whether they may sign. A partner's block never splits across pages, so a page torn out stays whole.
func ContactDirectory(s data.View, printed data.Date) ([]byte, error) {
	org := s.Organisation()
	ps := data.List[data.Partner](s)
	slices.SortStableFunc(ps, func(a, b *data.Partner) int { return strings.Compare(data.Fold(a.Name), data.Fold(b.Name)) })
	info := docInfo{title: T("Contact directory"), subject: T("Contact directory"), date: printed}
	return render(org, info, func(d *document) {
		d.reportTitle(T("Contact directory"), org.Name, N(len(ps), "%d partner, %s", "%d partners, %s", longDate(printed)))
		for i, p := range ps {
			if i > 0 {
				d.gap(sectionGap)
			}
			contactBlock{p}.draw(d, margin, d.width())
		}
	})
}

// contactBlock is one partner's entry: its name and general lines over a table of its people.
type contactBlock struct{ p *data.Partner }

func (c contactBlock) table() table {
	t := table{cols: []column{
		{title: T("Name"), share: 0.21, bold: true},
		{title: T("Role"), share: 0.15},
		{title: T("Email"), share: 0.34}, // an address reads best unbroken
		{title: T("Phone"), share: 0.18},
		{title: T("May sign"), share: 0.12},
	}}
	for _, ct := range c.p.Contacts {
		sign := ""
		if ct.MaySign {
			sign = T("Yes")
		}
		t.rows = append(t.rows, []string{ct.Name, orDash(ct.Role), orDash(ct.Email), orDash(ct.Phone), sign})
	}
	return t
}

func (c contactBlock) general() string {
	return joinNonEmpty("  ·  ", capitalise(T(string(c.p.PartnerKind))), c.p.Email, c.p.Phone)
}

func (c contactBlock) lead(d *document, w float64) float64 {
	d.font("B", 11)
	h := float64(len(d.wrap(c.p.Name, w))) * 5.5
	if c.general() != "" {
		h += smallLine
	}
	if t := c.table(); len(t.rows) > 0 {
		h += 1.5 + whole{t}.lead(d, w)
	} else {
		h += smallLine
	}
	return h
}

func (c contactBlock) draw(d *document, x, w float64) {
	d.ensure(c.lead(d, w))
	d.font("B", 11)
	d.colour(accent)
	d.flow(d.wrap(c.p.Name, w), x, w, 5.5, "L")
	d.font("", 8.5)
	d.colour(muted)
	if g := c.general(); g != "" {
		d.f.SetX(x)
		d.f.CellFormat(w, smallLine, fit(d.f, clean(g), w), "", 2, "L", false, 0, "")
	}
	t := c.table()
	if len(t.rows) == 0 {
		d.font("I", 8.5)
		d.f.SetX(x)
		d.f.CellFormat(w, smallLine, T("No contacts recorded."), "", 2, "L", false, 0, "")
		d.colour(ink)
		return
	}
	d.colour(ink)
	d.f.SetY(d.f.GetY() + 1.5)
	t.draw(d, x, w)
}
