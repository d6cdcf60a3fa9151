package partnerio

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"accord/data"
	"accord/store"
)

// DuplicateChoice says what an import does with a partner that is already in Accord.
type DuplicateChoice int

const (
	// Skip leaves the partner in Accord as it is.
	Skip DuplicateChoice = iota
	// Merge adds the file's contacts that the partner in Accord does not have yet.
	Merge
)

// Options tune Plan.
type Options struct {
	Duplicates DuplicateChoice
	// Progress, if set, is told now and then how many rows of how many are done.
	Progress func(done, total int)
}

// ImportPlan is what an import will do, for the user to look over before anything is written.
type ImportPlan struct {
	New      []*data.Partner // partners to add, with their contacts
	Merged   []*Merged       // partners in Accord that gain contacts
	Skipped  []Skipped       // partners of the file already in Accord, left as they are
	Problems []RowProblem    // rows left out, and why
	Unused   []string        // columns that hold something but are not imported, by header
	backup   string          // the backup Apply made before writing
}

// Merged is a partner in Accord with the file's new contacts added to an editable copy.
type Merged struct {
	Partner *data.Partner
	Added   int
	rev     uint64 // the revision the copy was taken from, so Apply never overwrites a newer edit
}

// Skipped is a partner of the file that is already in Accord.
type Skipped struct {
	Name     string // as the file spells it
	Existing string // the name of the partner in Accord
	Reason   data.Sentence
}

// RowProblem is why one row of the file was left out.
type RowProblem struct {
	Row     int
	Problem data.Sentence
}

// progressEvery is how many rows pass between progress reports and checks for cancellation.
const progressEvery = 256

// Plan works out what importing the table under the mapping would add. Rows of one organisation (compared
// ignoring case and accents) become one partner with several contacts; a row without an organisation
// becomes a partner named after the person. A partner is already in Accord when one there has the same name
// ignoring case and accents, or shares an e-mail address with it or its contacts. A row Accord cannot
// take (an e-mail address that is not one, a name too long) is left out and listed in Problems; the other
// rows still go ahead, since one typing mistake should not stop a list of hundreds. Nothing is written.
func Plan(ctx context.Context, s *store.Store, t *Table, m Mapping, opt Options) (*ImportPlan, error) {
	if len(m) != len(t.Headers) {
		return nil, fmt.Errorf("plan import: mapping has %d columns, table %d", len(m), len(t.Headers))
	}
	if err := m.Check(); err != nil {
		return nil, err
	}
	plan := &ImportPlan{Unused: m.Unused(t)}
	g, cols := newGrouping(s), m.places(s)
	for i, row := range t.Rows {
		if i%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, &data.PlainError{Message: "The import was stopped.", Advice: "Nothing was imported.", Err: err}
			}
			report(opt.Progress, i, len(t.Rows))
		}
		if p := g.add(row.Number, cols.entry(row.Cells)); p != nil {
			plan.Problems = append(plan.Problems, *p)
		}
	}
	report(opt.Progress, len(t.Rows), len(t.Rows))
	if err := plan.sort(s, g, opt.Duplicates); err != nil {
		return nil, err
	}
	return plan, nil
}

func report(progress func(done, total int), done, total int) {
	if progress != nil {
		progress(done, total)
	}
}

// places is a mapping as the place of each column's field in Fields (0 for Ignore, and for a column of the
// group's own fields, whose ID custom holds), worked out once per plan.
type places struct {
	at     []int
	custom []string
	// kinds are the kinds of partner a cell may name: Accord's and the group's own (hidden ones too: the
	// file says what the partner is).
	kinds []data.PartnerKind
}

func (m Mapping) places(v data.View) places {
	p := places{at: make([]int, len(m)), custom: make([]string, len(m))}
	for _, it := range data.PickItems(v, data.ListPartnerKinds) {
		p.kinds = append(p.kinds, data.PartnerKind(it.Value))
	}
	for i, f := range m {
		p.at[i] = max(0, slices.Index(Fields, f))
		p.custom[i] = f.CustomID()
	}
	return p
}

// entry is one row read under a mapping. Where several columns share a field, the address and notes
// join them and the rest take the first one filled in (Outlook's business, home and mobile phones).
type entry struct {
	org, person                     string
	kind                            data.PartnerKind
	stage                           data.Stage
	address, website                string
	orgEmail, orgPhone, orgNotes    string
	role, email, phone, personNotes string
	// custom holds the cells of the group's own fields, as typed, by field ID; the first filled in counts.
	custom map[string]string
}

func (m places) entry(cells []string) entry {
	var vals [len(fieldsInOrder)][]string // by field, in the order of Fields: no map to make for every row
	var custom map[string]string
	for i, c := range cells {
		switch {
		case c == "":
		case m.custom[i] != "":
			if custom == nil {
				custom = map[string]string{}
			}
			if custom[m.custom[i]] == "" {
				custom[m.custom[i]] = strings.Clone(c)
			}
		case m.at[i] != 0:
			vals[m.at[i]] = append(vals[m.at[i]], c)
		}
	}
	all := func(f Field) []string { return vals[slices.Index(Fields, f)] }
	first := func(f Field) string {
		if v := all(f); len(v) > 0 {
			return strings.Clone(v[0]) // the partner outlives the file's text: see ImportPlan.Apply
		}
		return ""
	}
	e := entry{
		org:         first(Organisation),
		person:      first(ContactName),
		kind:        oneOf(first(Kind), m.kinds, data.PartnerOther),
		stage:       oneOf(first(Stage), data.Stages, data.StageProspect),
		address:     joined(all(Address), ", "),
		website:     first(Website),
		orgEmail:    first(OrganisationEmail),
		orgPhone:    first(OrganisationPhone),
		orgNotes:    joined(all(OrganisationNotes), "\n"),
		role:        first(Role),
		email:       first(Email),
		phone:       first(Phone),
		personNotes: joined(all(Notes), "\n"),
		custom:      custom,
	}
	if e.person == "" {
		e.person = joined(slices.Concat(all(FirstName), all(LastName)), " ")
	}
	if e.person == "" && e.org == "" {
		e.person = e.email // an address book entry may hold only an address
	}
	if e.person == "" { // a row about the organisation itself
		e.orgEmail, e.orgPhone = or(e.orgEmail, e.email), or(e.orgPhone, e.phone)
		e.orgNotes = strings.TrimSpace(e.orgNotes + "\n" + e.personNotes)
	}
	return e
}

// joined joins cells into text of its own, never a slice of the file's text (see ImportPlan.Apply).
func joined(cells []string, sep string) string {
	if len(cells) == 1 {
		return strings.Clone(cells[0])
	}
	return strings.Join(cells, sep)
}

// oneOf finds the value among the allowed ones, ignoring case and accents.
func oneOf[T ~string](value string, allowed []T, otherwise T) T {
	if value == "" {
		return otherwise
	}
	folded := data.Fold(value)
	for _, a := range allowed {
		if folded == data.Fold(string(a)) {
			return a
		}
	}
	return otherwise
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// grouping gathers rows into partners, by folded name, in the order the file first names them; fields are
// the group's own fields of partners and of contacts, by ID, that read the file's values, and partners those in Accord by
// folded name, which a link to a partner names.
type grouping struct {
	order    []*group
	byName   map[string]*group
	fields   map[string]*data.FieldDefinition
	partners map[string]*data.Partner
}

type group struct {
	partner  *data.Partner
	firstRow int
}

func newGrouping(v data.View) *grouping {
	g := &grouping{byName: map[string]*group{}, fields: map[string]*data.FieldDefinition{}, partners: map[string]*data.Partner{}}
	links := false
	for _, d := range OwnFields(v) {
		g.fields[d.ID] = d
		links = links || d.Type == data.FieldPartner
	}
	if links {
		for _, p := range data.List[data.Partner](v) {
			g.partners[data.Fold(p.Name)] = p
		}
	}
	return g
}

// customValues reads the row's values of the group's own fields as the editor would take them typed, a
// contacts' field's into the row's person; a link to a partner names one in Accord.
func (g *grouping) customValues(p *data.Partner, cells map[string]string) *data.Problem {
	for _, id := range slices.Sorted(maps.Keys(cells)) {
		d := g.fields[id]
		if d == nil {
			continue // a field moved to the Trash while the preview was open
		}
		var holder data.Valued = p
		if d.For == data.KindContact {
			if len(p.Contacts) == 0 {
				return &data.Problem{Message: "%s is about a person, and the row names none.", Args: []any{d.Name}}
			}
			holder = &p.Contacts[0]
		}
		if d.Type == data.FieldPartner {
			linked, ok := g.partners[data.Fold(strings.TrimSpace(cells[id]))]
			if !ok {
				return d.Unreadable()
			}
			holder.SetCustomValue(id, linked.ID)
			continue
		}
		v, problem := d.Value(cells[id])
		if problem != nil {
			return problem
		}
		holder.SetCustomValue(id, v)
	}
	return nil
}

// add takes one row into its partner's group, or says why it cannot.
func (g *grouping) add(row int, e entry) *RowProblem {
	name := or(e.org, e.person)
	if name == "" {
		return &RowProblem{row, data.Sentence{Text: "It has no organisation, name or e-mail address."}}
	}
	p := &data.Partner{Name: name, PartnerKind: e.kind, Stage: e.stage, Address: e.address, Website: e.website,
		Email: e.orgEmail, Phone: e.orgPhone, Notes: e.orgNotes}
	if e.person != "" {
		p.Contacts = []data.Contact{{ID: data.NewID(), Name: e.person, Role: e.role, Email: e.email, Phone: e.phone, Notes: e.personNotes}}
	}
	if problem := g.customValues(p, e.custom); problem != nil {
		return &RowProblem{row, data.Sentence{Text: problem.Message, Args: problem.Args}}
	}
	if err := p.Validate(); err != nil {
		return &RowProblem{row, firstProblem(err)}
	}
	key := data.Fold(name)
	if grp, ok := g.byName[key]; ok {
		fillIn(grp.partner, p)
		return nil
	}
	grp := &group{partner: p, firstRow: row}
	g.byName[key] = grp
	g.order = append(g.order, grp)
	return nil
}

func firstProblem(err error) data.Sentence {
	var verr *data.ValidationError
	if errors.As(err, &verr) && len(verr.Problems) > 0 {
		return data.Sentence{Text: verr.Problems[0].Message, Args: verr.Problems[0].Args}
	}
	return data.Sentence{Text: "%s", Args: []any{err.Error()}}
}

// fillIn adds what a later row of the same partner says: fields still empty, notes not yet there, and
// contacts not yet there (by name or e-mail, ignoring case and accents).
func fillIn(p, from *data.Partner) {
	p.Address, p.Website = or(p.Address, from.Address), or(p.Website, from.Website)
	p.Email, p.Phone = or(p.Email, from.Email), or(p.Phone, from.Phone)
	if p.PartnerKind == data.PartnerOther {
		p.PartnerKind = from.PartnerKind
	}
	if p.Stage == data.StageProspect {
		p.Stage = from.Stage
	}
	if from.Notes != "" && !strings.Contains(p.Notes, from.Notes) {
		p.Notes = strings.TrimSpace(p.Notes + "\n" + from.Notes)
	}
	for id, v := range from.Custom {
		if p.Custom[id] == "" {
			p.SetCustomValue(id, v)
		}
	}
	addContacts(p, from.Contacts)
}

// addContacts appends the contacts p does not have yet and says how many it added.
func addContacts(p *data.Partner, cs []data.Contact) int {
	added := 0
	for _, c := range cs {
		if !hasContact(p, c) {
			p.Contacts = append(p.Contacts, c)
			added++
		}
	}
	return added
}

func hasContact(p *data.Partner, c data.Contact) bool {
	for _, have := range p.Contacts {
		if data.Fold(have.Name) == data.Fold(c.Name) || c.Email != "" && data.Fold(have.Email) == data.Fold(c.Email) {
			return true
		}
	}
	return false
}

// sort puts each group among the new, merged or skipped partners, by what Accord already holds.
func (plan *ImportPlan) sort(s *store.Store, g *grouping, dup DuplicateChoice) error {
	known := indexPartners(data.List[data.Partner](s))
	copies := map[string]*Merged{} // by partner ID
	for _, grp := range g.order {
		p := grp.partner
		same, reason := known.match(p)
		switch {
		case same == nil:
			plan.add(grp)
		case dup == Skip:
			plan.Skipped = append(plan.Skipped, Skipped{p.Name, same.Name, reason})
		default:
			if err := plan.merge(s, copies, same, grp); err != nil {
				return err
			}
		}
	}
	return nil
}

// add plans a new partner, once the whole of it (notes gathered from many rows) is known to be valid.
func (plan *ImportPlan) add(grp *group) {
	if err := grp.partner.Validate(); err != nil {
		plan.Problems = append(plan.Problems, RowProblem{grp.firstRow, firstProblem(err)})
		return
	}
	plan.New = append(plan.New, grp.partner)
}

// merge adds the group's new contacts to a copy of the partner in Accord, one copy however many groups
// of the file match it. A partner that gains nothing is not rewritten.
func (plan *ImportPlan) merge(s *store.Store, copies map[string]*Merged, same *data.Partner, grp *group) error {
	m, ok := copies[same.ID]
	if !ok {
		cp, err := store.Get[data.Partner](s, same.ID)
		if err != nil {
			return fmt.Errorf("plan import: merge into %s: %w", same.Name, err)
		}
		m = &Merged{Partner: cp, rev: cp.Rev}
		copies[same.ID] = m
	}
	added := addContacts(m.Partner, grp.partner.Contacts)
	switch {
	case added == 0:
		plan.Skipped = append(plan.Skipped, Skipped{grp.partner.Name, same.Name,
			data.Sentence{Text: "%s is already in Accord with these contacts.", Args: []any{same.Name}}})
	case m.Partner.Validate() != nil:
		m.Partner.Contacts = m.Partner.Contacts[:len(m.Partner.Contacts)-added]
		plan.Problems = append(plan.Problems, RowProblem{grp.firstRow, data.Sentence{
			Text: "%s is already in Accord, and its record has a problem to fix before contacts can be added to it.", Args: []any{same.Name}}})
	default:
		if m.Added == 0 {
			plan.Merged = append(plan.Merged, m)
		}
		m.Added += added
	}
	return nil
}

// known finds the partners in Accord by folded name and by every e-mail address they and their contacts have.
type known struct {
	byName, byEmail map[string]*data.Partner
}

func indexPartners(ps []*data.Partner) known {
	k := known{map[string]*data.Partner{}, map[string]*data.Partner{}}
	for _, p := range ps {
		k.byName[data.Fold(p.Name)] = p
		for _, e := range emails(p) {
			k.byEmail[data.Fold(e)] = p
		}
	}
	return k
}

func emails(p *data.Partner) []string {
	var out []string
	if p.Email != "" {
		out = append(out, p.Email)
	}
	for _, c := range p.Contacts {
		if c.Email != "" {
			out = append(out, c.Email)
		}
	}
	return out
}

// match returns the partner in Accord that p duplicates, if any, and why it is taken as the same.
func (k known) match(p *data.Partner) (*data.Partner, data.Sentence) {
	if same, ok := k.byName[data.Fold(p.Name)]; ok {
		return same, data.Sentence{Text: "%s is already in Accord.", Args: []any{same.Name}}
	}
	for _, e := range emails(p) {
		if same, ok := k.byEmail[data.Fold(e)]; ok {
			return same, data.Sentence{Text: "%s is already in Accord with the same e-mail address, %s.", Args: []any{same.Name, e}}
		}
	}
	return nil, data.Sentence{}
}

// Apply writes the plan in one transaction: everything or, if anything fails, nothing. Like every import,
// it first backs up the data it is about to change (see store.BackupBeforeImport). It hands the partners
// over to the store, which keeps them: the plan is spent once applied.
func (plan *ImportPlan) Apply(s *store.Store) (Summary, error) {
	records := make([]data.Record, 0, len(plan.New)+len(plan.Merged))
	for _, p := range plan.New {
		records = append(records, p)
	}
	for _, m := range plan.Merged {
		if now := data.Lookup[data.Partner](s, m.Partner.ID); now == nil || now.Rev != m.rev {
			return Summary{}, &data.PlainError{Message: "%s was changed while the import was being prepared.", Args: []any{m.Partner.Name},
				Advice: "Start the import again to see what it would do now. Nothing was imported."}
		}
		records = append(records, m.Partner)
	}
	if len(records) > 0 {
		backup, err := s.BackupBeforeImport()
		if err != nil {
			return Summary{}, err
		}
		if err := s.ImportAll(records); err != nil {
			return Summary{}, fmt.Errorf("import %d partners: %w", len(records), err)
		}
		plan.backup = backup
	}
	return plan.Summary(), nil
}
