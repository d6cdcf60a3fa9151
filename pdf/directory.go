package pdf

import (
	"slices"
	"strings"

	"accord/data"
)

// ContactDirectory prints the partners' people as one table, A–Z: organisation, person, role, e-mail and
// phone, in small type, many partners a page. A partner's rows stay on one page, its name written once
// beside them; a partner with no one recorded gives its own e-mail and phone. Former partners are left
// out unless all is set: a directory is for getting in touch.
func ContactDirectory(s data.View, printed data.Date, all bool) ([]byte, error) {
	org := s.Organisation()
	var ps []*data.Partner
	for _, p := range data.List[data.Partner](s) {
		if all || p.Stage != data.StageFormer {
			ps = append(ps, p)
		}
	}
	slices.SortStableFunc(ps, func(a, b *data.Partner) int { return strings.Compare(data.Fold(a.Name), data.Fold(b.Name)) })
	details := N(len(ps), "%d partner, former partners left out, %s", "%d partners, former partners left out, %s", longDate(printed))
	if all {
		details = N(len(ps), "%d partner, former partners included, %s", "%d partners, former partners included, %s", longDate(printed))
	}
	info := docInfo{title: T("Contact directory"), subject: T("Contact directory"), date: printed}
	return render(org, info, func(d *document) {
		d.reportTitle(T("Contact directory"), org.Name, details)
		if len(ps) == 0 {
			prose{text: T("There are no partners to list yet.")}.draw(d, margin, d.width())
			return
		}
		directoryTable(s, ps).draw(d, margin, d.width())
		d.gap(paraGap)
		d.font("", 8)
		d.colour(muted)
		d.flow(d.wrap(T("* may sign agreements for their organisation"), d.width()), margin, d.width(), smallLine, "L")
	})
}

// directoryTable is one row per person, the partner's name heading its rows, with the values of the
// group's own fields marked to print under the partner's name and each person's.
func directoryTable(s data.View, ps []*data.Partner) table {
	t := table{dense: true, keepGroups: true, cols: []column{
		{title: T("Organisation"), share: 0.17, bold: true, group: true}, // runs down beside its people
		{title: T("Person"), share: 0.19},
		{title: T("Role"), share: 0.15},
		{title: T("Email"), share: 0.35}, // an address reads best on one line
		{title: T("Phone"), share: 0.14},
	}}
	for _, p := range ps {
		heading := withFields(p.Name, printedFields(s, data.KindPartner, p))
		if len(p.Contacts) == 0 {
			t.rows = append(t.rows, []string{heading, "—", "", orDash(p.Email), orDash(p.Phone)})
		}
		for i, c := range p.Contacts {
			name := ""
			if i == 0 {
				name = heading
			}
			person := c.Name
			if c.MaySign {
				person += "\u00a0*" // the mark never wraps alone
			}
			person = withFields(person, printedFields(s, data.KindContact, &c))
			t.rows = append(t.rows, []string{name, person, c.Role, c.Email, c.Phone})
		}
	}
	return t
}
