package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"accord/data"
	"accord/i18n"
)

// MOU prints an agreement — an MOU or one of its kin — as the document the parties sign: a title block,
// the parties, numbered sections, and a signature block for each party. The footer gives the wording's
// version and date, also the PDF's creation date, so the same words always print the same bytes.
func MOU(s data.View, a *data.Agreement) ([]byte, error) {
	org := s.Organisation()
	parties, err := partiesOf(s, org, a)
	if err != nil {
		return nil, err
	}
	m := &mou{a: a, org: org, parties: parties}
	var shown []string // what the document prints about the parties beyond the record itself
	for _, p := range parties {
		shown = append(shown, p.name, p.contact, p.Signatory.Name, p.Signatory.Title)
	}
	version, since := a.PrintedWording()
	info := docInfo{
		title:   a.Name,
		subject: capitalise(m.kind()),
		date:    since,
		details: []string{T("Version %d", version), T("Fingerprint %s", a.Fingerprint(shown...))},
	}
	return render(org, info, m.write)
}

// mou writes one agreement; write runs once per rendering pass.
type mou struct {
	a       *data.Agreement
	org     *data.Organisation
	parties []party
}

// party is one side of the agreement with what the document prints about it.
type party struct {
	data.Party
	name, contact string
}

// partiesOf names the parties. Our own party falls back to the organisation's default signatory, the
// person who signs every document unless the agreement names someone else.
func partiesOf(s data.View, org *data.Organisation, a *data.Agreement) ([]party, error) {
	out := make([]party, 0, len(a.Parties))
	for i, p := range a.Parties {
		if p.Us {
			if p.Signatory.Name == "" {
				p.Signatory.Name, p.Signatory.Title = org.SignatoryName, org.SignatoryTitle
			}
			out = append(out, party{p, org.Name, lineByLine(org.Address, org.Email, org.Phone, org.Website)})
			continue
		}
		partner := data.Lookup[data.Partner](s, p.PartnerID)
		if partner == nil {
			// A document that leaves a party unnamed must not be signed: refuse rather than print a gap.
			return nil, &data.PlainError{Message: "Party %d of this agreement is a partner that is no longer in the data folder: choose the partner again.", Args: []any{i + 1}}
		}
		out = append(out, party{p, partner.Name, lineByLine(partner.Address, partner.Email, partner.Phone, partner.Website)})
	}
	return out, nil
}

// section is a numbered section of the agreement; one with no blocks is left out.
type section struct {
	title  string
	blocks []block
}

// kind names the sort of agreement, "memorandum of understanding"; a record without one is an agreement.
func (m *mou) kind() string {
	if m.a.AgreementKind == "" {
		return T("agreement")
	}
	return T(string(m.a.AgreementKind))
}

// write lays the agreement out: the title block and the parties, the numbered sections, the signatures.
func (m *mou) write(d *document) {
	m.titleBlock(d)
	x, w := margin+indent, d.width()-indent
	rows := m.partiesTable()
	d.heading(T("The parties"), false, rows.lead(d, w))
	rows.draw(d, x, w)
	for _, s := range m.sections() {
		d.heading(s.title, true, s.blocks[0].lead(d, w))
		for i, b := range s.blocks {
			if i > 0 {
				d.gap(paraGap)
			}
			b.draw(d, x, w)
		}
	}
	m.signatures(d)
}

// titleBlock prints the kind of agreement as the heading, its title, and the parties it is between.
func (m *mou) titleBlock(d *document) {
	centre := func(text, style string, size, lh float64, c rgb) {
		d.font(style, size)
		d.colour(c)
		d.flow(d.wrap(text, d.width()), margin, d.width(), lh, "C")
	}
	centre(strings.ToUpper(m.kind()), "B", 17, 8, accent)
	d.gap(1.5)
	centre(m.a.Name, "", 13, 6.5, ink)
	d.gap(5)
	centre(T("between"), "I", bodySize, lineHeight+1, muted)
	for i, p := range m.parties {
		if i > 0 {
			centre(T("and"), "I", bodySize, lineHeight+1, muted)
		}
		centre(p.name, "B", 11.5, 6, ink)
	}
	d.gap(5)
	d.draw(rule, 0.3)
	d.f.Line(margin+d.width()/3, d.f.GetY(), margin+2*d.width()/3, d.f.GetY())
	d.colour(ink)
}

func (m *mou) partiesTable() table {
	t := table{cols: []column{
		{title: T("Party"), share: 0.32, bold: true},
		{title: T("Represented by"), share: 0.27},
		{title: T("Address and contact"), share: 0.41},
	}}
	for _, p := range m.parties {
		t.rows = append(t.rows, []string{p.name, orDash(lineByLine(p.Signatory.Name, p.Signatory.Title)), orDash(p.contact)})
	}
	return t
}

// sections lists the agreement's sections in their printed order, leaving out the empty ones, so the
// numbering stays continuous.
func (m *mou) sections() []section {
	a := m.a
	all := []section{
		{T("Purpose"), text(a.Purpose)},
		{T("Background"), text(a.Background)},
		{T("Shared goals"), m.goals()},
		{T("Responsibilities"), m.responsibilities()},
		{T("Contributions"), m.contributions()},
		{T("Term and review"), m.term()},
		{T("Governance and decision-making"), text(a.Governance)},
		{T("Communication"), m.communication()},
		{T("Conflict resolution"), text(a.ConflictResolution)},
		{T("Confidentiality and data sharing"), text(a.Confidentiality)},
		{T("Funding"), m.funding()},
		{T("Legal status"), text(m.legalStatus())},
		{T("Changes to this agreement"), m.changes()},
		{T("Termination"), m.termination()},
	}
	for _, c := range a.Clauses {
		heading := c.Heading
		if strings.TrimSpace(heading) == "" {
			heading = T("Further terms")
		}
		all = append(all, section{heading, text(c.Text)})
	}
	out := all[:0]
	for _, s := range all {
		if len(s.blocks) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// text is a body of running text, or nothing when it is empty.
func text(s string) []block {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []block{prose{text: s}}
}

// labelled is a fields block of the filled fields, or nothing when none is.
func labelled(fs ...field) []block {
	if filled := fields(fs).filled(); len(filled) > 0 {
		return []block{filled}
	}
	return nil
}

func (m *mou) goals() []block {
	if len(m.a.Goals) == 0 {
		return nil
	}
	t := table{cols: []column{
		{title: T("Goal"), share: 0.38},
		{title: T("Measure"), share: 0.26},
		{title: T("Target"), share: 0.16, right: true},
		{title: T("Due"), share: 0.20, right: true},
	}}
	for _, g := range m.a.Goals {
		target := strings.TrimSpace(number(g.Target) + " " + g.Unit)
		t.rows = append(t.rows, []string{g.Text, orDash(g.Metric), target, orDash(longDate(g.Due))})
	}
	return []block{t}
}

func (m *mou) responsibilities() []block {
	var out []block
	for _, p := range m.parties {
		if strings.TrimSpace(p.Responsibilities) != "" {
			out = append(out, subsection{p.name, prose{text: p.Responsibilities, list: true}})
		}
	}
	return out
}

func (m *mou) contributions() []block {
	value := T("Value")
	if m.org.Currency != "" {
		value = T("Value (%s)", m.org.Currency)
	}
	t := table{cols: []column{
		{title: T("Party"), share: 0.26, bold: true, group: true},
		{title: T("Resource"), share: 0.16},
		{title: T("Description"), share: 0.40},
		{title: value, share: 0.18, right: true},
	}}
	var total data.Money
	for _, p := range m.parties {
		for i, c := range p.Contributions {
			name := p.name
			if i > 0 {
				name = "" // the party's name heads its group of rows
			}
			t.rows = append(t.rows, []string{name, capitalise(T(string(c.Kind))), c.Description, money(c.Value)})
			total += c.Value
		}
	}
	if len(t.rows) == 0 {
		return nil
	}
	if total > 0 {
		t.total = []string{T("Total"), "", "", money(total)}
	}
	return []block{t}
}

func (m *mou) term() []block {
	a := m.a
	end := longDate(a.End)
	if end == "" && !a.Start.IsZero() {
		end = T("No fixed end date")
	}
	review := ""
	switch {
	case a.ReviewEveryMonths == 1:
		review = T("Every month")
	case a.ReviewEveryMonths > 1:
		review = T("Every %d months", a.ReviewEveryMonths)
	}
	return labelled(
		field{T("Starts"), longDate(a.Start)},
		field{T("Ends"), end},
		field{T("Review"), review},
		field{T("Renewal"), a.RenewalTerms},
	)
}

func (m *mou) communication() []block {
	c := m.a.Communication
	return labelled(
		field{T("How often"), c.Frequency},
		field{T("Channels"), strings.Join(c.Channels, ", ")},
		field{T("Contact people"), c.ContactPeople},
	)
}

func (m *mou) funding() []block {
	a := m.a
	if !a.MoneyChangesHands && strings.TrimSpace(a.FundingTerms) == "" {
		return nil
	}
	sentence := T("No money changes hands between the parties under this agreement.")
	if a.MoneyChangesHands {
		sentence = T("Money changes hands between the parties under this agreement.")
	}
	return append(text(sentence), text(a.FundingTerms)...)
}

func (m *mou) legalStatus() string {
	if m.a.LegallyBinding {
		return T("This agreement is legally binding on the parties.")
	}
	return T("This memorandum is not legally binding; it records the parties' shared intentions.")
}

func (m *mou) changes() []block {
	out := text(T("This agreement may be changed only in writing, signed by all parties."))
	if len(m.a.Amendments) == 0 {
		return out
	}
	var amendments []field
	for _, am := range m.a.Amendments {
		amendments = append(amendments, field{longDate(am.Date), am.Text})
	}
	out = append(out, text(T("The parties have agreed these changes in writing:"))...)
	return append(out, labelled(amendments...)...)
}

func (m *mou) termination() []block {
	a := m.a
	out := text(a.TerminationNotice)
	if !a.TerminatedOn.IsZero() {
		out = append(out, labelled(
			field{T("Ended on"), longDate(a.TerminatedOn)},
			field{T("Reason"), a.TerminationReason},
		)...)
	}
	return out
}

// Signature blocks, two to a row, each kept whole on one page.
const (
	sigGutter  = 10.0
	sigIntro   = 4.0  // between the introduction and the first blocks
	sigSpace   = 13.0 // room to sign above the signature line
	sigValue   = 6.5  // a printed name, title or date above its line
	sigLabel   = 4.0  // the small label under each line
	sigRowGap  = 2.0
	sigPairGap = 9.0
)

// signatures prints one block per party to sign by hand.
func (m *mou) signatures(d *document) {
	x, w := margin+indent, d.width()-indent
	bw := (w - sigGutter) / 2
	intro := prose{text: T("Each party signs below to confirm that it agrees to this %s.", m.kind())}
	d.heading(T("Signatures"), false, intro.lead(d, w)+sigIntro+m.pairHeight(d, 0, bw))
	intro.draw(d, x, w)
	d.gap(sigIntro)
	for i := 0; i < len(m.parties); i += 2 {
		h := m.pairHeight(d, i, bw)
		if i > 0 {
			d.gap(sigPairGap)
		}
		d.ensure(h) // a block never splits: it moves whole to the next page
		y := d.f.GetY()
		for j, p := range m.parties[i:min(i+2, len(m.parties))] {
			m.signatureBlock(d, p, x+float64(j)*(bw+sigGutter), y, bw)
		}
		d.f.SetY(y + h)
	}
}

func (m *mou) pairHeight(d *document, i int, bw float64) float64 {
	var h float64
	for _, p := range m.parties[i:min(i+2, len(m.parties))] {
		name, behalf := m.sigHeader(d, p, bw)
		h = max(h, float64(len(name))*lineHeight+float64(len(behalf))*smallLine+sigSpace+
			sigLabel+3*(sigRowGap+sigValue+sigLabel))
	}
	return h
}

// sigHeader wraps a block's heading: the party's name and "Signed for and on behalf of" it.
func (m *mou) sigHeader(d *document, p party, bw float64) (name, behalf []string) {
	d.font("B", bodySize)
	name = d.wrap(p.name, bw)
	d.font("I", smallSize)
	behalf = d.wrap(T("Signed for and on behalf of %s", p.name), bw)
	return name, behalf
}

// signatureBlock draws one party's block at x, y: its name, then lines for the signature, name, title and
// date. What is known is printed above its line; the rest is left blank to fill in by hand.
func (m *mou) signatureBlock(d *document, p party, x, y, bw float64) {
	f := d.f
	name, behalf := m.sigHeader(d, p, bw)
	put := func(lines []string, style string, size, lh float64, c rgb) {
		d.font(style, size)
		d.colour(c)
		for _, l := range lines {
			f.SetXY(x, y)
			f.CellFormat(bw, lh, l, "", 0, "L", false, 0, "")
			y += lh
		}
	}
	put(name, "B", bodySize, lineHeight, accent)
	put(behalf, "I", smallSize, smallLine, muted)
	y += sigSpace - sigValue
	rows := []field{{T("Signature"), ""}, {T("Name"), p.Signatory.Name}, {T("Position"), p.Signatory.Title},
		{T("Date"), longDate(p.Signatory.SignedOn)}}
	for i, row := range rows {
		if i > 0 {
			y += sigRowGap
		}
		d.font("", bodySize)
		put([]string{fit(f, clean(row.value), bw)}, "", bodySize, sigValue, ink)
		d.draw(muted, 0.25)
		f.Line(x, y, x+bw, y)
		put([]string{row.label}, "", 7.5, sigLabel, muted)
	}
	d.colour(ink)
}

// lineByLine joins the non-empty parts one to a line.
func lineByLine(parts ...string) string {
	return joinNonEmpty("\n", parts...)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// money is an amount with thousands grouped in the language's style, "1,250.00" or "1.250,00"; a dash
// for none.
func money(m data.Money) string {
	if m == 0 {
		return "—"
	}
	return i18n.Amount(m.String(), "")
}

// number is a target such as 1200 or 2.5, with thousands grouped.
func number(v float64) string {
	return i18n.Number(v, -1, true)
}

// grouped groups the thousands of a whole number written in digits, in the language's style.
func grouped(digits string) string {
	return i18n.Amount(digits, "")
}

// capitalise puts the first letter in upper case: "volunteers" becomes "Volunteers".
func capitalise(s string) string {
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
