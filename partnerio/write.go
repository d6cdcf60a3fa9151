package partnerio

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"accord/data"
	"accord/internal/contentline"
)

// csvHeaders are the columns WriteCSV writes, in English; Guess maps every one of them back, so an export
// imports again as it was.
var csvHeaders = []string{"Organisation", "Kind", "Stage", "Address", "Website", "Organisation e-mail",
	"Organisation phone", "Organisation notes", "Contact name", "Role", "Contact e-mail", "Contact phone", "Contact notes"}

// formulaStarts are the first characters that make a spreadsheet run a cell as a formula (OWASP's list for
// CSV injection): "=HYPERLINK(…)" typed into a partner's notes must open as text, not as a live link.
const formulaStarts = "=+-@\t\r"

// neutralise puts an apostrophe before a cell that starts like a formula, as OWASP recommends: spreadsheets
// then take it as text. Read takes the apostrophe off again.
func neutralise(cell string) string {
	if cell != "" && strings.IndexByte(formulaStarts, cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}

// WriteCSV writes one row per contact, the partner's columns repeated on each, and one row for a partner
// without contacts, then a column for each of the group's own fields of partners and of contacts (see
// fieldHeaders), a contact's values on its own row. It is UTF-8 with a BOM and CRLF line ends, so Excel
// opens accents and line breaks right, and no cell starts like a formula (see neutralise).
func WriteCSV(w io.Writer, v data.View, partners []*data.Partner) error {
	ofPartners, ofContacts := data.Fields(v, data.KindPartner), data.Fields(v, data.KindContact)
	headers := slices.Concat(csvHeaders, fieldHeaders(ofPartners, ofContacts))
	cells := func(own []*data.FieldDefinition, values map[string]string) []string {
		out := make([]string, len(own))
		for i, d := range own {
			out[i] = cellOf(v, d, values[d.ID])
		}
		return out
	}
	return writeSheet(w, headers, func(row func(cells ...string)) {
		for _, p := range partners {
			values := cells(ofPartners, p.Custom)
			org := []string{p.Name, string(p.PartnerKind), string(p.Stage), p.Address, p.Website, p.Email, p.Phone, p.Notes}
			if len(p.Contacts) == 0 {
				row(slices.Concat(org, []string{"", "", "", "", ""}, values, make([]string, len(ofContacts)))...)
			}
			for _, c := range p.Contacts {
				row(slices.Concat(org, []string{c.Name, c.Role, c.Email, c.Phone, c.Notes}, values, cells(ofContacts, c.Custom))...)
			}
		}
	})
}

// fieldHeaders head the columns of the group's own fields: each by the field's name, except a contacts'
// field named as a partners' one, which is "Contact" and its name, as the built-in columns of contacts are
// — so that each imports back into its own field (see WithFields).
func fieldHeaders(ofPartners, ofContacts []*data.FieldDefinition) []string {
	var out []string
	taken := map[string]bool{}
	for _, d := range ofPartners {
		out = append(out, d.Name)
		taken[normalise(d.Name)] = true
	}
	for _, d := range ofContacts {
		if taken[normalise(d.Name)] {
			out = append(out, "Contact "+d.Name)
		} else {
			out = append(out, d.Name)
		}
	}
	return out
}

// cellOf is a stored value of the group's own field as a spreadsheet cell that imports back: a linked
// partner by name, several choices separated by semicolons, the rest as stored.
func cellOf(v data.View, d *data.FieldDefinition, value string) string {
	switch d.Type {
	case data.FieldPartner:
		if p := data.Lookup[data.Partner](v, value); p != nil {
			return p.Name
		}
	case data.FieldChoices:
		return strings.ReplaceAll(value, "\n", "; ")
	}
	return value
}

// activityHeaders are the columns WriteActivitiesCSV writes, in English as WriteCSV's are.
var activityHeaders = []string{"Date", "Kind", "Title", "Partners", "Agreement", "People", "New to us", "Volunteers",
	"From the community served", "Summary"}

// WriteActivitiesCSV writes one row per activity, oldest first, with its partners and agreement by name and
// how many people took part — for a spreadsheet or a funder's form on community participation. A count
// nobody took is left empty, not zero.
func WriteActivitiesCSV(w io.Writer, v data.View) error {
	activities := data.List[data.Activity](v)
	slices.SortStableFunc(activities, func(a, b *data.Activity) int { return a.Date.Time().Compare(b.Date.Time()) })
	count := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	return writeSheet(w, activityHeaders, func(row func(cells ...string)) {
		for _, a := range activities {
			var partners []string
			for _, id := range a.PartnerIDs {
				if p := data.Lookup[data.Partner](v, id); p != nil {
					partners = append(partners, p.Name)
				}
			}
			agreement := ""
			if x := data.Lookup[data.Agreement](v, a.AgreementID); x != nil {
				agreement = x.Name
			}
			n := a.Participation
			row(a.Date.String(), string(a.ActivityKind), a.Name, strings.Join(partners, "; "), agreement,
				count(n.People), count(n.New), count(n.Volunteers), count(n.Community), a.Summary)
		}
	})
}

// writeSheet writes a CSV file a spreadsheet opens as it was meant: UTF-8 with a BOM, CRLF line ends, and
// no cell starting like a formula (see neutralise).
func writeSheet(w io.Writer, headers []string, rows func(row func(cells ...string))) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(headers)
	rows(func(cells ...string) {
		for i, c := range cells {
			cells[i] = neutralise(c)
		}
		cw.Write(cells)
	})
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// WriteVCard writes a vCard 3.0 for every contact, with its partner as the organisation, and one for each
// partner without contacts, so a phone or an e-mail program can take the whole address book. related
// holds, by partner ID, the partner's relations with other organisations in words (see RelatedInWords):
// each goes on every card of the partner, since a partner with people has no card of its own. A person's
// values of the group's own fields on contacts go on their card (see ownProperty).
func WriteVCard(w io.Writer, v data.View, partners []*data.Partner, related map[string][]string) error {
	ofContacts := data.Fields(v, data.KindContact)
	bw := bufio.NewWriter(w)
	for _, p := range partners {
		if len(p.Contacts) == 0 {
			writeCard(bw, card{uid: p.ID, name: p.Name, org: p.Name, email: p.Email, phone: p.Phone,
				notes: p.Notes, address: p.Address, website: p.Website, related: related[p.ID], isOrg: true})
		}
		for _, c := range p.Contacts {
			var own []string
			for _, d := range ofContacts {
				if value := c.Custom[d.ID]; value != "" {
					own = append(own, ownProperty(d.Name, cellOf(v, d, value)))
				}
			}
			writeCard(bw, card{uid: c.ID, name: c.Name, org: p.Name, role: c.Role, email: c.Email, phone: c.Phone,
				notes: c.Notes, address: p.Address, website: p.Website, related: related[p.ID], own: own})
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write vCard: %w", err)
	}
	return nil
}

// ownProperty is one value of the group's own fields as a vCard property. vCard has no property for a
// field a group made up, and a property's name cannot hold a field's (only letters, digits and hyphens):
// so each is an X-ACCORD-FIELD whose value has two parts, the field's name and its value as the CSV export
// writes it, each escaped as RFC 6350 (3.4) asks. An address book that does not know it keeps or skips it.
func ownProperty(name, value string) string {
	return "X-ACCORD-FIELD:" + escape(name) + ";" + escape(value)
}

type card struct {
	uid, name, org, role, email, phone, notes, address, website string
	related                                                     []string
	own                                                         []string // whole properties (see ownProperty)
	isOrg                                                       bool
}

// writeCard writes one vCard; errors stay in the bufio.Writer until its Flush.
func writeCard(w *bufio.Writer, c card) {
	family, given := "", ""
	if !c.isOrg {
		family, given = splitName(c.name)
	}
	lines := []string{"BEGIN:VCARD", "VERSION:3.0",
		"FN:" + escape(c.name),
		"N:" + escape(family) + ";" + escape(given) + ";;;",
		"ORG:" + escape(c.org)}
	// The address is free text: it goes in the street part of ADR, whose other six parts stay empty.
	optional := []struct{ prop, value, after string }{
		{"UID:", c.uid, ""}, {"TITLE:", c.role, ""}, {"EMAIL;TYPE=INTERNET:", c.email, ""}, {"TEL;TYPE=WORK:", c.phone, ""},
		{"ADR;TYPE=WORK:;;", c.address, ";;;;"}, {"URL:", c.website, ""}, {"NOTE:", c.notes, ""}}
	for _, o := range optional {
		if o.value != "" {
			lines = append(lines, o.prop+escape(o.value)+o.after)
		}
	}
	// RELATED is vCard 4.0's property for a tie to someone else (RFC 6350, 6.6.6), here with a text value;
	// vCard 3.0 has none, and an address book that does not know it skips it.
	for _, r := range c.related {
		lines = append(lines, "RELATED;VALUE=text:"+escape(r))
	}
	lines = append(lines, c.own...)
	if c.isOrg {
		lines = append(lines, "X-ABSHOWAS:COMPANY") // Apple's address book then files it under the organisation
	}
	lines = append(lines, "END:VCARD")
	for _, l := range lines {
		w.WriteString(fold(l))
	}
}

// splitName takes the last word as the family name, the way most address books split a typed name.
func splitName(name string) (family, given string) {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name, ""
	}
	return words[len(words)-1], strings.Join(words[:len(words)-1], " ")
}

var escaper = strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// escape writes a text value the way vCard 3.0 (RFC 2426) reads it.
func escape(s string) string { return escaper.Replace(s) }

// fold breaks a content line as vCard asks (see contentline).
func fold(line string) string { return contentline.Fold(line) }
