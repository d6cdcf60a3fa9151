package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"accord/data"
	"accord/i18n"
)

// Edition says how to print an agreement: in which of its languages, and on what day.
type Edition struct {
	// Languages are one language, or two for a bilingual edition (of data.DocumentLanguages); none: the
	// agreement's own (see Languages).
	Languages []string
	// Today is the day the PDF is made: an agreement whose end date has passed by then says it has ended.
	// The document's date stays that of its wording, so the same words print the same bytes on a day.
	Today data.Date
	// Files reads a file kept with the agreement, by its SHA-256: the pages of an annex that is a PDF file
	// print from it. nil prints such an annex as a page naming the file.
	Files func(sha256 string) ([]byte, error)
}

// MOU prints an agreement — an MOU or one of its kin — as the document the parties sign: a title block
// saying what the paper is (a draft, an ended agreement), the parties, numbered sections, a signature
// block for each party, the annexes and an amendment sheet. The footer gives the wording's version and
// date, also the PDF's creation date, so the same words always print the same bytes.
func MOU(s data.View, a *data.Agreement, e Edition) ([]byte, error) {
	org := s.Organisation()
	parties, err := partiesOf(s, org, a)
	if err != nil {
		return nil, err
	}
	own := Languages(s, a)
	codes := e.Languages
	if len(codes) == 0 {
		codes = own
	}
	m := &mou{a: a, org: org, parties: parties, view: s, edition: e}
	if err := m.readAnnexes(); err != nil {
		return nil, err
	}
	for _, c := range codes {
		m.langs = append(m.langs, i18n.In(c))
	}
	m.printed = m.shown()
	if !slices.Equal(codes, own) { // the same words in another language are another paper
		m.printed = append(m.printed, codes...)
	}
	version, since := a.PrintedWording()
	m.fingerprint = a.Fingerprint(m.printed...)
	info := docInfo{
		title:   a.Name,
		subject: capitalise(m.t(m.kind())),
		date:    since,
		langs:   m.langs,
	}
	info.details = []string{info.say("Version %d", version), info.say("Fingerprint %s", m.fingerprint)}
	if a.Status == data.StatusDraft {
		for _, l := range m.langs {
			info.watermark = append(info.watermark, l.T("DRAFT"))
			info.notice = append(info.notice, l.T("Draft — not for signature"))
		}
	}
	return render(org, info, m.write)
}

// Languages are the languages an agreement prints in: its own, or the one it would default to (see
// DefaultLanguage), and its bilingual edition's second language.
func Languages(s data.View, a *data.Agreement) []string {
	first := a.Language
	if first == "" {
		first = DefaultLanguage(s, a)
	}
	if a.SecondLanguage == "" || a.SecondLanguage == first {
		return []string{first}
	}
	return []string{first, a.SecondLanguage}
}

// DefaultLanguage is the language an agreement prints in until one is chosen: its first partner's, when
// Accord speaks it, else our organisation's, else the screen's.
func DefaultLanguage(s data.View, a *data.Agreement) string {
	if ids := a.PartnerIDs(); len(ids) > 0 {
		if p := data.Lookup[data.Partner](s, ids[0]); p != nil {
			spoken := slices.Clone(p.Languages)
			for _, c := range p.Contacts {
				spoken = append(spoken, c.Language)
			}
			for _, l := range spoken {
				if code, ok := i18n.Match(l); ok {
					return code
				}
			}
		}
	}
	if code, ok := i18n.Match(s.Organisation().Language); ok {
		return code
	}
	return i18n.Language()
}

// mou writes one agreement.
type mou struct {
	a           *data.Agreement
	org         *data.Organisation
	parties     []party
	view        data.View
	edition     Edition
	langs       []i18n.Lang // the first for dates and amounts; a second prints a bilingual edition
	printed     []string    // what the fingerprint covers beyond the agreement (see shown)
	fingerprint string
	annexPDFs   map[string]*annexPDF // by SHA-256: the annexes' PDF files that print page by page
	unreadable  map[string]bool      // annexes' PDF files that cannot print (see CheckAnnex)
}

// party is one side of the agreement with what the document prints about it.
type party struct {
	data.Party
	name, contact           string
	legalForm, registration string
}

// shown is what the document prints about the parties beyond the record itself, which the fingerprint
// covers too. Empty legal details add nothing, so an agreement printed before Accord kept them keeps its
// fingerprint.
func (m *mou) shown() []string {
	var out []string
	for _, p := range m.parties {
		out = append(out, p.name, p.contact, p.Signatory.Name, p.Signatory.Title)
		if p.legalForm != "" || p.registration != "" {
			out = append(out, p.legalForm, p.registration)
		}
	}
	return out
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
			out = append(out, party{p, org.Name, lineByLine(org.Address, org.Email, org.Phone, org.Website),
				org.LegalForm, org.RegistrationNumber})
			continue
		}
		partner := data.Lookup[data.Partner](s, p.PartnerID)
		if partner == nil {
			// A document that leaves a party unnamed must not be signed: refuse rather than print a gap.
			return nil, &data.PlainError{Message: "Party %d of this agreement is a partner that is no longer in the data folder: choose the partner again.", Args: []any{i + 1}}
		}
		out = append(out, party{p, partner.Name, lineByLine(partner.Address, partner.Email, partner.Phone, partner.Website),
			partner.LegalForm, partner.RegistrationNumber})
	}
	return out, nil
}

// t is a sentence in the document's first language.
func (m *mou) t(key string, args ...any) string { return m.langs[0].T(key, args...) }

// say is a heading or label in each of the document's languages: "Purpose / Finalidad".
func (m *mou) say(key string, args ...any) string {
	return docInfo{langs: m.langs}.say(key, args...)
}

// sayN is say for a sentence that counts n.
func (m *mou) sayN(n int, one, other string, args ...any) string {
	return docInfo{langs: m.langs}.sayN(n, one, other, args...)
}

// sayCapital is a label in each language, each starting with a capital: "Notices / Notificaciones".
func (m *mou) sayCapital(key string) string {
	var out []string
	for _, l := range m.langs {
		if text := capitalise(l.T(key)); !slices.Contains(out, text) {
			out = append(out, text)
		}
	}
	return strings.Join(out, " / ")
}

// said is a fixed sentence as paragraphs: in the first language, then, in a bilingual edition, in the
// second, in italics.
func (m *mou) said(key string, args ...any) []block {
	out := text(m.t(key, args...))
	for _, l := range m.langs[1:] {
		out = append(out, prose{text: l.T(key, args...), italic: true})
	}
	return out
}

// typed is a text the parties wrote and, in a bilingual edition, its translation when the agreement
// holds one.
func (m *mou) typed(text, translation string, list bool) []block {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	out := []block{prose{text: text, list: list}}
	if len(m.langs) > 1 && strings.TrimSpace(translation) != "" {
		out = append(out, prose{text: translation, list: list, italic: true})
	}
	return out
}

// own is the agreement's text of one of its free-text sections, with its translation.
func (m *mou) own(key, text string) []block { return m.typed(text, m.a.Translations[key], false) }

// date is a day written out in the document's first language.
func (m *mou) date(day data.Date) string { return dateIn(m.langs[0], day) }

// money is an amount with thousands grouped in the document's style; a dash for none.
func (m *mou) money(v data.Money) string {
	if v == 0 {
		return "—"
	}
	return m.langs[0].Amount(v.String(), "")
}

// section is a numbered section of the agreement; one with no blocks is left out.
type section struct {
	title  string
	blocks []block
}

// kind is the translation key of the sort of agreement, "memorandum of understanding"; a record without
// one is an agreement.
func (m *mou) kind() string {
	if m.a.AgreementKind == "" {
		return "agreement"
	}
	return string(m.a.AgreementKind)
}

// write lays the agreement out: what the paper is, the parties, the numbered sections, the signatures,
// then the annexes and the amendment sheet, each from a new page.
func (m *mou) write(d *document) {
	m.titleBlock(d)
	m.status(d)
	x, w := margin+indent, d.width()-indent
	rows := m.partiesTable()
	d.heading(m.say("The parties"), false, rows.lead(d, w))
	rows.draw(d, x, w)
	sections := m.sections()
	if n := len(sections); n > 0 {
		// The signatures never start a page alone: the last section's end goes with them.
		last := sections[n-1].blocks
		last[len(last)-1] = keeping(d, last[len(last)-1], m.signaturesLead(d))
	}
	d.sections(sections)
	m.signatures(d, m.say("Signatures"), m.kindSentence("Each party signs below to confirm that it agrees to this %s."), true)
	m.annexes(d)
	m.amendmentSheet(d)
}

// keeping gives a section's last block what must follow its last lines on their page.
func keeping(d *document, b block, next follow) block {
	switch b := b.(type) {
	case prose:
		b.next = next
		return b
	case subsection:
		// The subsection's heading, and perhaps its section's, may start the page with its end.
		next.page -= d.subheadingHeight(b.title) + sectionGap + headingLine + headingAfter
		b.body = keeping(d, b.body, next)
		return b
	case proseAll:
		out := slices.Clone(b)
		out[len(out)-1] = keeping(d, out[len(out)-1], next)
		return out
	}
	return b
}

// titleBlock prints the kind of agreement as the heading, its title, and the parties it is between.
func (m *mou) titleBlock(d *document) {
	centre := func(text, style string, size, lh float64, c rgb) {
		d.font(style, size)
		d.colour(c)
		d.flow(d.wrap(text, d.width()), margin, d.width(), lh, "C")
	}
	centre(strings.ToUpper(m.t(m.kind())), "B", 17, 8, accent)
	for _, l := range m.langs[1:] {
		centre(strings.ToUpper(l.T(m.kind())), "B", 12, 6, accent)
	}
	d.gap(1.5)
	centre(m.a.Name, "", 13, 6.5, ink)
	d.gap(5)
	centre(m.say("between"), "I", bodySize, lineHeight+1, muted)
	for i, p := range m.parties {
		if i > 0 {
			centre(m.say("and"), "I", bodySize, lineHeight+1, muted)
		}
		centre(p.name, "B", 11.5, 6, ink)
	}
	d.gap(5)
	d.draw(rule, 0.3)
	d.f.Line(margin+d.width()/3, d.f.GetY(), margin+2*d.width()/3, d.f.GetY())
	d.colour(ink)
}

// status says on page 1 what the paper is, beyond the draft's watermark: an agreement that has ended,
// and one that, once signed, replaces another.
func (m *mou) status(d *document) {
	var notes []string
	a := m.a
	switch {
	case a.Status == data.StatusTerminated:
		notes = append(notes, m.eachLang("Ended on %s (%s)", func(l i18n.Lang) []any {
			return []any{dateIn(l, a.TerminatedOn), a.TerminationReason}
		})...)
	case !m.edition.Today.IsZero() && a.StatusOn(m.edition.Today) == data.StatusExpired:
		notes = append(notes, m.eachLang("Ended on %s", func(l i18n.Lang) []any {
			return []any{dateIn(l, a.End)}
		})...)
	}
	if a.Replaces != "" {
		notes = append(notes, m.replaces()...)
	}
	if len(notes) == 0 {
		return
	}
	d.gap(5)
	d.font("B", bodySize)
	var lines []string
	for _, n := range notes {
		lines = append(lines, d.wrap(n, d.width()-8)...)
	}
	h := float64(len(lines))*lineHeight + 4
	d.ensure(h)
	y := d.f.GetY()
	d.fill(shade)
	d.draw(accent, 0.4)
	d.f.Rect(margin, y, d.width(), h, "FD")
	d.colour(accent)
	d.f.SetY(y + 2)
	d.flow(lines, margin+4, d.width()-8, lineHeight, "L")
	d.f.SetY(y + h)
	d.colour(ink)
}

// eachLang is a sentence in each of the document's languages, its arguments written in that language.
func (m *mou) eachLang(key string, args func(l i18n.Lang) []any) []string {
	var out []string
	for _, l := range m.langs {
		out = append(out, l.T(key, args(l)...))
	}
	return out
}

// replaces says which signed agreement this one takes the place of once it is signed.
func (m *mou) replaces() []string {
	old := data.Lookup[data.Agreement](m.view, m.a.Replaces)
	if old == nil {
		return m.eachLang("Once signed, this agreement replaces an earlier signed version.", func(i18n.Lang) []any { return nil })
	}
	version, _ := old.PrintedWording()
	signed := old.LastSignature()
	return m.eachLang("Once signed, this agreement replaces “%s”, version %d, signed on %s.", func(l i18n.Lang) []any {
		return []any{old.Name, version, dateIn(l, signed)}
	})
}

func (m *mou) partiesTable() table {
	t := table{cols: []column{
		{title: m.say("Party"), share: 0.32, lead: true},
		{title: m.say("Represented by"), share: 0.27},
		{title: m.say("Address and contact"), share: 0.41},
	}}
	for _, p := range m.parties {
		legal := lineByLine(p.legalForm, m.registration(p.registration))
		t.rows = append(t.rows, []string{lineByLine(p.name, legal), orDash(lineByLine(p.Signatory.Name, p.Signatory.Title)), orDash(p.contact)})
	}
	return t
}

func (m *mou) registration(number string) string {
	if number == "" {
		return ""
	}
	return m.say("Registration no. %s", number)
}

// sections lists the agreement's sections in their printed order; d.sections leaves out the empty
// ones, so the numbering stays continuous.
func (m *mou) sections() []section {
	a := m.a
	all := []section{
		{m.say("Purpose"), m.own(data.TextPurpose, a.Purpose)},
		{m.say("Background"), m.own(data.TextBackground, a.Background)},
		{m.say("Shared goals"), m.goals()},
		{m.say("Responsibilities"), m.responsibilities()},
		{m.say("Contributions"), m.contributions()},
		{m.say("Term and review"), m.term()},
		{m.say("Governance and decision-making"), m.own(data.TextGovernance, a.Governance)},
		{m.say("Communication"), m.communication()},
		{m.say("Conflict resolution"), m.own(data.TextConflict, a.ConflictResolution)},
		{m.say("Confidentiality and data sharing"), m.own(data.TextConfidentiality, a.Confidentiality)},
		{m.say("Funding"), m.funding()},
		{m.say("Legal status"), m.legalStatus()},
		{m.say("Changes to this agreement"), m.changes()},
		{m.say("Termination"), m.termination()},
	}
	for _, c := range a.Clauses {
		all = append(all, section{m.clauseHeading(c), m.typed(c.Text, translated(c.Translation).Text, false)})
	}
	all = append(all, section{m.say("General provisions"), m.generalProvisions()})
	out := all[:0]
	for _, s := range all {
		if len(s.blocks) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// clauseHeading is an extra clause's heading, with its translation in a bilingual edition.
func (m *mou) clauseHeading(c data.Clause) string {
	heading := strings.TrimSpace(c.Heading)
	if heading == "" {
		return m.say("Further terms")
	}
	if t := strings.TrimSpace(translated(c.Translation).Heading); len(m.langs) > 1 && t != "" {
		return heading + " / " + t
	}
	return heading
}

// translated is a translation that may not have been written: none is empty.
func translated(t *data.Translation) data.Translation {
	if t == nil {
		return data.Translation{}
	}
	return *t
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
		{title: m.say("Goal"), share: 0.38},
		{title: m.say("Measure"), share: 0.26},
		{title: m.say("Target"), share: 0.16, right: true},
		{title: m.say("Due"), share: 0.20, right: true},
	}}
	for _, g := range m.a.Goals {
		target := strings.TrimSpace(m.langs[0].Number(g.Target, -1, true) + " " + g.Unit)
		t.rows = append(t.rows, []string{g.Text, orDash(g.Metric), target, orDash(m.date(g.Due))})
	}
	return []block{t}
}

func (m *mou) responsibilities() []block {
	var out []block
	for _, p := range m.parties {
		for i, b := range m.typed(p.Responsibilities, p.ResponsibilitiesTranslation, true) {
			if i == 0 {
				b = subsection{p.name, b}
			}
			out = append(out, b)
		}
	}
	return out
}

func (m *mou) contributions() []block {
	value := m.say("Value")
	if m.org.Currency != "" {
		value = m.say("Value (%s)", m.org.Currency)
	}
	t := table{cols: []column{
		{title: m.say("Party"), share: 0.26, bold: true, group: true},
		{title: m.say("Resource"), share: 0.16},
		{title: m.say("Description"), share: 0.40},
		{title: value, share: 0.18, right: true},
	}}
	var total data.Money
	for _, p := range m.parties {
		for i, c := range p.Contributions {
			name := p.name
			if i > 0 {
				name = "" // the party's name heads its group of rows
			}
			kind := capitalise(string(c.Kind)) // a kind of the group's own, as typed
			if data.ListResourceKinds.BuiltIn(string(c.Kind)) {
				kind = m.sayCapital(string(c.Kind))
			}
			t.rows = append(t.rows, []string{name, kind, c.Description, m.money(c.Value)})
			total += c.Value
		}
	}
	if len(t.rows) == 0 {
		return nil
	}
	if total > 0 {
		t.total = []string{m.say("Total"), "", "", m.money(total)}
	}
	return []block{t}
}

func (m *mou) term() []block {
	a := m.a
	start := m.date(a.Start)
	if a.HasClause(data.ClauseLastSignature) {
		start = m.say("On the date of the last signature")
	}
	end := m.date(a.End)
	if end == "" && start != "" {
		end = m.say("No fixed end date")
	}
	review := ""
	switch {
	case a.ReviewEveryMonths == 1:
		review = m.say("Every month")
	case a.ReviewEveryMonths > 1:
		review = m.sayN(a.ReviewEveryMonths, "Every %d month", "Every %d months")
	}
	out := labelled(
		field{m.say("Starts"), start},
		field{m.say("Ends"), end},
		field{m.say("Review"), review},
		field{m.say("Renewal"), a.RenewalTerms},
	)
	if t := a.Translations[data.TextRenewal]; len(m.langs) > 1 && strings.TrimSpace(t) != "" && a.RenewalTerms != "" {
		out = append(out, fields{{"", t}}) // the translation under its original, in the same column
	}
	return out
}

func (m *mou) communication() []block {
	c := m.a.Communication
	return labelled(
		field{m.say("How often"), c.Frequency},
		field{m.say("Channels"), strings.Join(c.Channels, ", ")},
		field{m.say("Contact people"), c.ContactPeople},
	)
}

func (m *mou) funding() []block {
	a := m.a
	if !a.MoneyChangesHands && strings.TrimSpace(a.FundingTerms) == "" {
		return nil
	}
	out := m.said("No money changes hands between the parties under this agreement.")
	if a.MoneyChangesHands {
		out = m.said("Money changes hands between the parties under this agreement.")
	}
	return append(out, m.own(data.TextFunding, a.FundingTerms)...)
}

// legalWording is what each kind of agreement says of its legal force: not binding, binding, or not
// binding except some sections (%s: those sections).
// i18n:keys: printed translated, so each string here is a translation key.
var legalWording = map[data.AgreementKind][3]string{
	data.AgreementMOU: {
		"This memorandum is not legally binding; it records the parties' shared intentions.",
		"This memorandum is legally binding on the parties.",
		"This memorandum is not legally binding; it records the parties' shared intentions, except for its terms on %s, which are legally binding on the parties.",
	},
	data.AgreementPartnership: {
		"This partnership agreement sets out how the parties mean to work together; it is not legally binding.",
		"This partnership agreement is legally binding on the parties.",
		"This partnership agreement sets out how the parties mean to work together; it is not legally binding, except for its terms on %s, which are legally binding on the parties.",
	},
	data.AgreementDataSharing: {
		"This data-sharing agreement records how the parties mean to share information; it is not legally binding, and leaves each party's duties under data protection law as they are.",
		"This data-sharing agreement is legally binding on the parties.",
		"This data-sharing agreement records how the parties mean to share information; it is not legally binding, except for its terms on %s, which are legally binding on the parties.",
	},
	data.AgreementLetterOfIntent: {
		"This letter of intent records the parties' intention to work together; it is not legally binding and does not oblige any party to enter into a further agreement.",
		"This letter of intent is legally binding on the parties.",
		"This letter of intent records the parties' intention to work together; it is not legally binding, except for its terms on %s, which are legally binding on the parties.",
	},
}

// legalStatus says, in the words of the agreement's kind, what binds the parties and under which law.
func (m *mou) legalStatus() []block {
	a := m.a
	wording, ok := legalWording[a.AgreementKind]
	if !ok {
		wording = legalWording[data.AgreementMOU]
	}
	var out []block
	switch {
	case a.LegallyBinding:
		out = m.said(wording[1])
	case len(a.BindingSections) > 0:
		out = m.saidEach(wording[2], func(l i18n.Lang) []any { return []any{m.sectionList(l)} })
	default:
		return m.said(wording[0])
	}
	if law := strings.TrimSpace(a.GoverningLaw); law != "" {
		out = append(out, m.said("The legally binding terms of this document are governed by %s.", law)...)
	}
	return out
}

// saidEach is a fixed sentence in each language, as said is, its arguments written in that language.
func (m *mou) saidEach(key string, args func(l i18n.Lang) []any) []block {
	var out []block
	for i, text := range m.eachLang(key, args) {
		out = append(out, prose{text: text, italic: i > 0})
	}
	return out
}

// sectionList names the binding sections in a language: "confidentiality and data protection".
func (m *mou) sectionList(l i18n.Lang) string {
	names := make([]string, len(m.a.BindingSections))
	for i, b := range m.a.BindingSections {
		names[i] = l.T(string(b))
	}
	if len(names) == 1 {
		return names[0]
	}
	return l.T("%s and %s", strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

func (m *mou) changes() []block {
	out := m.said("This agreement may be changed only in writing, signed by all parties.")
	if len(m.a.Amendments) > 0 {
		out = append(out, m.said("The changes the parties have agreed in writing are on the amendment sheet at the end of this document.")...)
	}
	return out
}

func (m *mou) termination() []block {
	a := m.a
	out := m.own(data.TextTermination, a.TerminationNotice)
	if !a.TerminatedOn.IsZero() {
		out = append(out, labelled(
			field{m.say("Ended on"), m.date(a.TerminatedOn)},
			field{m.say("Reason"), a.TerminationReason},
		)...)
	}
	return out
}

// standardWording is Accord's wording of each standard clause, printed under its name.
// i18n:keys: printed translated, so each string here is a translation key.
var standardWording = []struct {
	clause data.StandardClause
	text   string
}{
	{data.ClauseNotices, "Notices under this document are given in writing, by post or e-mail, to the addresses in the table of parties, or to another address a party has given the others in writing."},
	{data.ClauseEntire, "This document, with its annexes, is the entire agreement between the parties on its subject, and replaces any earlier understanding between them on it."},
	{data.ClauseCounterparts, "This document may be signed in several copies, each an original, which together make one document; a signed copy sent electronically, such as a scan, counts as an original."},
}

// generalProvisions are the standard clauses the agreement includes, each under its name, and the use of
// names and logos when that binds.
func (m *mou) generalProvisions() []block {
	var out []block
	for _, c := range standardWording {
		if m.a.HasClause(c.clause) {
			out = append(out, m.provision(m.sayCapital(string(c.clause)), c.text))
		}
	}
	if slices.Contains(m.a.BindingSections, data.BindingNamesAndLogos) {
		out = append(out, m.provision(m.sayCapital(string(data.BindingNamesAndLogos)),
			"No party uses another party's name or logo without that party's consent in writing."))
	}
	return out
}

// provision is a standard clause: its name as a subsection, its sentence in each language.
func (m *mou) provision(title, key string) block {
	var body together
	for _, b := range m.said(key) {
		body = append(body, b)
	}
	if len(body) == 1 {
		return subsection{title, body[0]}
	}
	return subsection{title, proseAll(body)}
}

// proseAll is paragraphs in turn, such as a sentence and its translation; its lead is the first's.
type proseAll []block

func (p proseAll) lead(d *document, w float64) float64 { return p[0].lead(d, w) }

func (p proseAll) draw(d *document, x, w float64) {
	for i, b := range p {
		if i > 0 {
			d.gap(paraGap)
		}
		b.draw(d, x, w)
	}
}

// Signature blocks, two to a row, each kept whole on one page, the rows of a pair level with each other.
const (
	sigGutter  = 10.0
	sigIntro   = 4.0  // between the introduction and the first blocks
	sigSpace   = 13.0 // room to sign above the signature line
	sigValue   = 6.5  // a printed name, title or date above its line
	sigLabel   = 4.0  // the small label under each line
	sigRowGap  = 2.0
	sigPairGap = 9.0
)

// kindSentence is a sentence about "this %s", the kind of agreement, in each language.
func (m *mou) kindSentence(key string) block {
	return together(m.saidEach(key, func(i18n.Lang) []any { return []any{m.kind()} }))
}

// signaturesLead is what the signatures need below the last section: their heading, introduction and
// first row of blocks, or all their blocks when they fit on a page.
func (m *mou) signaturesLead(d *document) follow {
	w := d.width() - indent
	before := m.sigBefore(d, m.say("Signatures"), m.kindSentence("Each party signs below to confirm that it agrees to this %s."))
	bw := (w - sigGutter) / 2
	return follow{first: before + m.pair(d, 0, bw, true).height(), all: before + m.allBlocks(d, bw, true), page: d.page()}
}

// sigBefore is the height of the signatures' heading and introduction.
func (m *mou) sigBefore(d *document, heading string, intro block) float64 {
	w := d.width() - indent
	d.font("B", headingSize)
	return sectionGap + float64(len(d.wrap(heading, w)))*headingLine + headingAfter + intro.lead(d, w) + sigIntro
}

// allBlocks is the height of every signature block, pair under pair.
func (m *mou) allBlocks(d *document, bw float64, dated bool) float64 {
	all := 0.0
	for i := 0; i < len(m.parties); i += 2 {
		if i > 0 {
			all += sigPairGap
		}
		all += m.pair(d, i, bw, dated).height()
	}
	return all
}

// signatures prints a heading, an introduction and one block per party to sign by hand; dated blocks
// print the signing dates recorded.
func (m *mou) signatures(d *document, heading string, intro block, dated bool) {
	x, w := margin+indent, d.width()-indent
	bw := (w - sigGutter) / 2
	// Every block starts on the heading's page when there is room for all: the last clause's end was
	// kept for that, or for the first pair alone.
	blocks := m.pair(d, 0, bw, dated).height()
	if all := m.allBlocks(d, bw, dated); d.room() >= m.sigBefore(d, heading, intro)+all {
		blocks = all
	}
	d.heading(heading, false, intro.lead(d, w)+sigIntro+blocks)
	intro.draw(d, x, w)
	d.gap(sigIntro)
	for i := 0; i < len(m.parties); i += 2 {
		pair := m.pair(d, i, bw, dated)
		if i > 0 {
			d.gap(sigPairGap)
		}
		d.ensure(pair.height()) // a pair never splits: it moves whole to the next page
		y := d.f.GetY()
		for j, b := range pair.blocks {
			pair.draw(d, b, x+float64(j)*(bw+sigGutter), y, bw)
		}
		d.f.SetY(y + pair.height())
	}
}

// sigBlock is one party's signature block, wrapped: its name, "Signed for and on behalf of" it, and the
// values printed above the signature, name, position and date lines.
type sigBlock struct {
	name, behalf []string
	values       [4][]string
}

// sigPair is up to two blocks side by side, each part as tall as the taller block's, so that the lines
// of the pair stay level whatever wraps.
type sigPair struct {
	blocks       []sigBlock
	name, behalf int
	values       [4]int
	labels       [4]string // under the lines: "Signature", "Name", "Position", "Date"
}

// pair wraps the blocks of parties i and i+1 in columns bw wide.
func (m *mou) pair(d *document, i int, bw float64, dated bool) sigPair {
	out := sigPair{labels: [4]string{m.say("Signature"), m.say("Name"), m.say("Position"), m.say("Date")}}
	for _, p := range m.parties[i:min(i+2, len(m.parties))] {
		var b sigBlock
		d.font("B", bodySize)
		b.name = d.wrap(p.name, bw)
		d.font("I", smallSize)
		b.behalf = d.wrap(m.say("Signed for and on behalf of %s", p.name), bw)
		d.font("", bodySize)
		signed := ""
		if dated {
			signed = m.date(p.Signatory.SignedOn)
		}
		for j, v := range []string{"", p.Signatory.Name, p.Signatory.Title, signed} {
			b.values[j] = d.wrap(v, bw)
			out.values[j] = max(out.values[j], len(b.values[j]), 1)
		}
		out.name, out.behalf = max(out.name, len(b.name)), max(out.behalf, len(b.behalf))
		out.blocks = append(out.blocks, b)
	}
	return out
}

// valueHeight is the room above line j: a signature's, or that of the longest value's lines.
func (p sigPair) valueHeight(j int) float64 {
	if j == 0 {
		return sigSpace
	}
	return sigValue + float64(p.values[j]-1)*lineHeight
}

func (p sigPair) height() float64 {
	h := float64(p.name)*lineHeight + float64(p.behalf)*smallLine
	for j := range p.values {
		if j > 0 {
			h += sigRowGap
		}
		h += p.valueHeight(j) + sigLabel
	}
	return h
}

// draw prints block b at x, y. What is known is printed above its line, its last line on the line;
// the rest is left blank to fill in by hand.
func (p sigPair) draw(d *document, b sigBlock, x, y, bw float64) {
	f := d.f
	put := func(lines []string, style string, size, lh float64, c rgb, at float64) {
		d.font(style, size)
		d.colour(c)
		for i, l := range lines {
			f.SetXY(x, at+float64(i)*lh)
			f.CellFormat(bw, lh, l, "", 0, "L", false, 0, "")
		}
	}
	put(b.name, "B", bodySize, lineHeight, accent, y)
	y += float64(p.name) * lineHeight
	put(b.behalf, "I", smallSize, smallLine, muted, y)
	y += float64(p.behalf) * smallLine
	for j, lines := range b.values {
		if j > 0 {
			y += sigRowGap
		}
		line := y + p.valueHeight(j)
		if n := len(lines); n > 0 { // the last line sits on the rule, the others above it
			put(lines, "", bodySize, lineHeight, ink, line-sigValue-float64(n-1)*lineHeight+(sigValue-lineHeight))
		}
		d.draw(muted, 0.25)
		f.Line(x, line, x+bw, line)
		y = line
		put([]string{p.labels[j]}, "", 7.5, sigLabel, muted, y)
		y += sigLabel
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

// annexes prints each annex from a new page, numbered "Annex 1", "Annex 2"…: its text, or the pages of
// its attached PDF file (see annexFile).
func (m *mou) annexes(d *document) {
	for i, x := range m.a.Annexes {
		d.f.AddPage()
		title := m.say("Annex %d", i+1) + " — " + x.Title
		if t := translated(x.Translation).Heading; len(m.langs) > 1 && strings.TrimSpace(t) != "" {
			title += " / " + t
		}
		if x.File != "" {
			d.heading(title, false, 0)
			m.annexFile(d, title, x)
			continue
		}
		body := m.typed(x.Text, translated(x.Translation).Text, false)
		d.heading(title, false, body[0].lead(d, d.width()-indent))
		for j, b := range body {
			if j > 0 {
				d.gap(paraGap)
			}
			b.draw(d, margin+indent, d.width()-indent)
		}
	}
}

// inGroups writes a SHA-256 in groups of eight characters, the way people compare it by eye; a line
// breaks only between groups, never inside one with a hyphen that is not part of it.
func inGroups(sha string) string {
	var groups []string
	for len(sha) > 8 {
		groups, sha = append(groups, sha[:8]), sha[8:]
	}
	return strings.Join(append(groups, sha), " ")
}

// readAnnexes reads the annexes' PDF files through the edition's Files.
func (m *mou) readAnnexes() error {
	m.annexPDFs, m.unreadable = map[string]*annexPDF{}, map[string]bool{}
	for i, x := range m.a.Annexes {
		if x.File == "" || m.edition.Files == nil {
			continue
		}
		content, err := m.edition.Files(x.File)
		if err != nil {
			return fmt.Errorf("read the file of annex %d: %w", i+1, err)
		}
		if file, err := readAnnex(content); err == nil {
			m.annexPDFs[x.File] = file
		} else {
			m.unreadable[x.File] = true
		}
	}
	return nil
}

// annexFile prints the pages of an annex's attached PDF file, each captioned with the annex, the file's
// name and the page. A file Accord cannot read or no longer holds prints as a page naming it and its
// SHA-256, so the copy attached to the signed paper can be checked against the one Accord keeps.
func (m *mou) annexFile(d *document, title string, x data.Annex) {
	name := x.File
	for _, f := range m.a.Attachments {
		if f.SHA256 == x.File {
			name = f.Name
		}
	}
	if file, ok := m.annexPDFs[x.File]; ok {
		file.drawPages(d, func(page, of int) string {
			if page == 1 {
				return m.say("The file “%s”, page %d of %d", name, page, of)
			}
			return title + " · " + m.say("The file “%s”, page %d of %d", name, page, of)
		})
		return
	}
	body := m.said("This annex is the file “%s”, attached to this document and kept with the agreement in Accord.", name)
	if m.unreadable[x.File] {
		body = append(body, m.said("Its pages cannot be printed here: the file is damaged or protected by a password. Print it from the file and add it to this document.")...)
	}
	body = append(body, labelled(field{m.say("File"), name}, field{"SHA-256", inGroups(x.File)})...)
	for i, b := range body {
		if i > 0 {
			d.gap(paraGap)
		}
		b.draw(d, margin+indent, d.width()-indent)
	}
}

// amendmentSheet lists the dated changes made to the signed agreement, from a new page, with the version
// and fingerprint of the wording they change, for every party to sign.
func (m *mou) amendmentSheet(d *document) {
	amendments := m.a.Amendments
	if len(amendments) == 0 {
		return
	}
	signed := *m.a
	signed.Amendments = nil
	version := amendments[0].Version
	if version == 0 { // recorded before Accord kept it: each amendment moved the version on by one
		v, _ := m.a.PrintedWording()
		version = max(1, v-len(amendments))
	}
	d.f.AddPage()
	d.heading(m.say("Amendment sheet"), false, 0)
	last := signed.LastSignature()
	intro := m.saidEach("These changes to “%s”, version %d (fingerprint %s), signed on %s, are agreed in writing by all parties.",
		func(l i18n.Lang) []any {
			return []any{signed.Name, version, signed.Fingerprint(m.printed...), dateIn(l, last)}
		})
	t := table{cols: []column{{title: m.say("Agreed on"), share: 0.26}, {title: m.say("Change"), share: 0.74}}}
	for _, am := range amendments {
		t.rows = append(t.rows, []string{m.date(am.Date), am.Text})
	}
	for _, b := range append(intro, t) {
		d.gap(paraGap)
		b.draw(d, margin+indent, d.width()-indent)
	}
	m.signatures(d, m.say("Signatures"), m.kindSentence("Each party signs below to confirm these changes to this %s."), false)
}
