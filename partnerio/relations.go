package partnerio

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// relationField is what a column of a relations file holds.
type relationField int

const (
	relIgnore relationField = iota
	relFrom
	relTo
	relType
	relStart
	relEnd
	relStatus
	relNote
)

// relationSynonyms are the headings of each column of a relations file, normalised (see normalise), in
// English, French, Spanish and German, and as Kumu's connection sheets write them (From, To, Type,
// Description). A column named like an organisation ("Organisation 1", "Partner") is the first end, and
// the next such column the second.
var relationSynonyms = map[relationField][]string{
	relFrom: {"from", "source", "from organisation", "from organization", "de", "desde", "origen", "von"},
	relTo: {"to", "target", "with", "to organisation", "to organization", "a", "vers", "avec", "hacia", "con",
		"destino", "zu", "mit"},
	relType: {"type", "relation", "relationship", "relation type", "relationship type", "connection type", "kind",
		"label", "type de relation", "lien", "nature", "tipo", "relacion", "tipo de relacion", "typ", "beziehung", "art"},
	relStart: {"start", "start date", "since", "from date", "debut", "date de debut", "depuis", "inicio",
		"fecha de inicio", "beginn", "seit"},
	relEnd: {"end", "end date", "until", "to date", "fin", "date de fin", "jusqu au", "fecha de fin", "hasta",
		"ende", "bis"},
	relStatus: {"status", "state", "statut", "etat", "estado", "zustand"},
	relNote: {"note", "notes", "description", "comment", "comments", "remarques", "commentaire", "notas", "descripcion",
		"comentarios", "beschreibung", "notiz", "bemerkungen"},
}

// guessRelations maps each column to what it holds: the first column of each heading, and for the ends,
// columns named like an organisation in the order they come. It fails with a *data.PlainError when there
// are not two ends.
func guessRelations(headers []string) ([]relationField, error) {
	of := map[string]relationField{}
	for f, names := range relationSynonyms {
		for _, n := range names {
			of[n] = f
		}
	}
	m := make([]relationField, len(headers))
	for i, h := range headers {
		name := normalise(h)
		f := of[name]
		if f == relIgnore && fieldOf[name] == Organisation {
			f = relFrom
			if slices.Contains(m, relFrom) {
				f = relTo
			}
		}
		if f != relIgnore && !slices.Contains(m, f) {
			m[i] = f
		}
	}
	if !slices.Contains(m, relFrom) || !slices.Contains(m, relTo) {
		return nil, &data.PlainError{Message: "The file needs two columns naming the organisations each relation joins.",
			Advice: "Head them From and To (or Organisation 1 and Organisation 2), with a Type column for the kind of relation, in the first row of the file. Nothing was imported."}
	}
	return m, nil
}

// RelationPlan is what an import of relations will add, for the user to look over before anything is
// written.
type RelationPlan struct {
	New      []*data.Relation
	NewTypes []*data.RelationType // kinds of relation the file names and Accord does not have yet
	Skipped  int                  // relations already in Accord, or twice in the file
	Problems []RowProblem
	Unused   []string
	backup   string
}

// PlanRelations works out what importing a file of relations would add. Each row names two organisations
// — matched by name, ignoring case and accents, with the partners in Accord and with your own
// organisation — and a kind of relation, matched with Accord's own kinds in any of its languages, either
// way round ("is funded by" turns the row round into "funds"), and with the group's own; a kind Accord
// does not know becomes a new kind of the group's, named as the file names it. A row without a kind is
// "works with". A relation already in Accord is skipped, so importing a file twice adds nothing. A row
// Accord cannot take is left out and named; the rest go ahead. Nothing is written.
func PlanRelations(s *store.Store, t *Table) (*RelationPlan, error) {
	cols, err := guessRelations(t.Headers)
	if err != nil {
		return nil, err
	}
	plan := &RelationPlan{Unused: unusedColumns(t, func(i int) bool { return cols[i] != relIgnore })}
	m := newRelationMatcher(s)
	for _, row := range t.Rows {
		cell := func(f relationField) string {
			if i := slices.Index(cols, f); i >= 0 {
				return row.Cell(i)
			}
			return ""
		}
		r, problem := m.relation(cell)
		switch {
		case problem != nil:
			plan.Problems = append(plan.Problems, RowProblem{Row: row.Number, Problem: *problem})
		case m.known(r):
			plan.Skipped++
		default:
			plan.New = append(plan.New, r)
			m.existing = append(m.existing, r)
		}
	}
	plan.NewTypes = m.added
	return plan, nil
}

// unusedColumns names the columns of t that hold something in some row but are not used, in the order of
// the file.
func unusedColumns(t *Table, used func(int) bool) []string {
	filled := make([]bool, len(t.Headers))
	for _, row := range t.Rows {
		for i, c := range row.Cells {
			filled[i] = filled[i] || c != ""
		}
	}
	var out []string
	for i, h := range t.Headers {
		if filled[i] && !used(i) {
			out = append(out, h)
		}
	}
	return out
}

// relationMatcher finds what a row's words name: organisations, kinds of relation, statuses.
type relationMatcher struct {
	ends      map[string]data.RelationEnd
	types     map[string]data.RelationChoice
	statuses  map[string]data.RelationStatus
	existing  []*data.Relation
	added     []*data.RelationType
	symmetric map[string]bool
}

func newRelationMatcher(s *store.Store) *relationMatcher {
	m := &relationMatcher{ends: map[string]data.RelationEnd{}, types: map[string]data.RelationChoice{},
		statuses: map[string]data.RelationStatus{}, existing: data.List[data.Relation](s), symmetric: map[string]bool{}}
	for _, p := range data.List[data.Partner](s) {
		m.ends[data.Fold(p.Name)] = data.PartnerEnd(p.ID)
	}
	if name := s.Organisation().Name; name != "" {
		m.ends[data.Fold(name)] = data.Us
	}
	for _, code := range i18n.Languages() {
		lang := i18n.In(code)
		for _, c := range data.RelationChoices(s) {
			if _, taken := m.types[data.Fold(c.Type.ID)]; !taken {
				m.types[data.Fold(c.Type.ID)] = data.RelationChoice{Type: c.Type}
			}
			m.types[data.Fold(c.Type.Named(c.Backwards, code, lang.T))] = c
			m.symmetric[c.Type.ID] = c.Type.Symmetric()
		}
		for _, st := range data.RelationStatuses {
			m.statuses[data.Fold(lang.T(string(st)))] = st
		}
	}
	return m
}

// relation reads one row, or says why it cannot be imported.
func (m *relationMatcher) relation(cell func(relationField) string) (*data.Relation, *data.Sentence) {
	from, to := cell(relFrom), cell(relTo)
	if from == "" || to == "" {
		return nil, &data.Sentence{Text: "Name both organisations the relation joins."}
	}
	fromEnd, ok := m.ends[data.Fold(from)]
	if !ok {
		return nil, unknownOrganisation(from)
	}
	toEnd, ok := m.ends[data.Fold(to)]
	if !ok {
		return nil, unknownOrganisation(to)
	}
	r := m.kind(cell(relType)).Between(fromEnd, toEnd)
	var err error
	if r.Start, err = parseDate(cell(relStart)); err != nil {
		return nil, notADate(cell(relStart))
	}
	if r.End, err = parseDate(cell(relEnd)); err != nil {
		return nil, notADate(cell(relEnd))
	}
	if st := cell(relStatus); st != "" {
		status, ok := m.statuses[data.Fold(st)]
		if !ok {
			return nil, &data.Sentence{Text: "%s is not a status Accord knows: write current or ended.", Args: []any{st}}
		}
		r.Status = status
	}
	r.Note = cell(relNote)
	if err := r.Validate(); err != nil {
		s := firstProblem(err)
		return nil, &s
	}
	return r, nil
}

func unknownOrganisation(name string) *data.Sentence {
	return &data.Sentence{Text: "No partner is called %s in Accord: add it first, or write its name as Accord has it.", Args: []any{name}}
}

func notADate(s string) *data.Sentence {
	return &data.Sentence{Text: "%s is not a date: write it as 2025-03-31.", Args: []any{s}}
}

func parseDate(s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	return data.ParseDate(s)
}

// kind is the kind of relation a cell names; a name Accord does not know makes a new kind of the group's,
// the same both ways until someone names it the other way round.
func (m *relationMatcher) kind(name string) data.RelationChoice {
	if strings.TrimSpace(name) == "" {
		return data.RelationChoice{Type: data.BuiltInRelation(data.RelationWorksWith)}
	}
	if c, ok := m.types[data.Fold(name)]; ok {
		return c
	}
	t := &data.RelationType{Meta: data.Meta{ID: data.NewID()}, Name: name}
	m.added = append(m.added, t)
	c := data.RelationChoice{Type: t}
	m.types[data.Fold(name)] = c
	m.symmetric[t.ID] = true
	return c
}

// known is true when Accord (or an earlier row) has the relation already: the same kind between the same
// two, in the same direction unless the kind reads the same both ways.
func (m *relationMatcher) known(r *data.Relation) bool {
	return slices.ContainsFunc(m.existing, func(e *data.Relation) bool {
		return e.Type == r.Type && (e.From == r.From && e.To == r.To || m.symmetric[r.Type] && e.From == r.To && e.To == r.From)
	})
}

// Apply writes the plan in one transaction, after a backup of the data it is about to change (see
// store.BackupBeforeImport): everything or, if anything fails, nothing.
func (plan *RelationPlan) Apply(s *store.Store) (RelationSummary, error) {
	records := make([]data.Record, 0, len(plan.NewTypes)+len(plan.New))
	for _, t := range plan.NewTypes {
		records = append(records, t)
	}
	for _, r := range plan.New {
		records = append(records, r)
	}
	if len(records) > 0 {
		backup, err := s.BackupBeforeImport()
		if err != nil {
			return RelationSummary{}, err
		}
		if err := s.ImportAll(records); err != nil {
			return RelationSummary{}, fmt.Errorf("import %d relations: %w", len(plan.New), err)
		}
		plan.backup = backup
	}
	return plan.Summary(), nil
}

// RelationSummary counts what an import of relations adds, and lists what it leaves out and why.
type RelationSummary struct {
	Relations, Skipped int
	NewTypes           []string
	Problems           []RowProblem
	Unused             []string
	Backup             string
}

// Summary is what the plan would do, or has done once applied.
func (plan *RelationPlan) Summary() RelationSummary {
	sum := RelationSummary{Relations: len(plan.New), Skipped: plan.Skipped, Problems: plan.Problems, Unused: plan.Unused, Backup: plan.backup}
	for _, t := range plan.NewTypes {
		sum.NewTypes = append(sum.NewTypes, t.Name)
	}
	return sum
}

// Describe tells the summary in a few lines, translated with t and count.
func (s RelationSummary) Describe(t data.Translate, count data.Count) []string {
	var lines []string
	if s.Relations > 0 {
		lines = append(lines, t("Added %s.", count(s.Relations, "%d relation", "%d relations")))
	} else {
		lines = append(lines, t("Nothing new was added."))
	}
	if len(s.NewTypes) > 0 {
		lines = append(lines, t("New kinds of relation: %s. If one reads differently the other way round, name it so in Maps → Network → Kinds of relation.", someOf(count, s.NewTypes)))
	}
	if s.Skipped > 0 {
		lines = append(lines, t("Skipped %s already in Accord.", count(s.Skipped, "%d relation", "%d relations")))
	}
	return append(lines, leftOut(t, count, s.Unused, s.Problems, s.Backup)...)
}

// relationHeaders are the columns WriteRelationsCSV writes; PlanRelations reads every one of them back.
var relationHeaders = []string{"From", "To", "Relation", "Start", "End", "Status", "Note"}

// WriteRelationsCSV writes one row per live relation, the kind of relation and its status in the
// language lang (through t), as WriteCSV writes partners: UTF-8 with a BOM, CRLF, no cell starting like
// a formula. It imports back as it was.
func WriteRelationsCSV(w io.Writer, v data.View, lang string, t data.Translate) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(relationHeaders)
	for _, r := range data.List[data.Relation](v) {
		row := []string{data.EndName(v, r.From, t), data.EndName(v, r.To, t), data.RelationTypeOf(v, r.Type).Named(false, lang, t),
			r.Start.String(), r.End.String(), t(string(r.Status)), r.Note}
		for i, c := range row {
			row[i] = neutralise(c)
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// RelatedInWords is, by partner ID, the relations in force on today that each partner is part of, as
// sentences in the language lang ("Riverside Council funds Riverside Food Bank"): for the vCard export.
func RelatedInWords(v data.View, lang string, t data.Translate, today data.Date) map[string][]string {
	out := map[string][]string{}
	for _, r := range data.List[data.Relation](v) {
		if r.EndedOn(today) {
			continue
		}
		sentence := r.Sentence(v, lang, t)
		for _, end := range []data.RelationEnd{r.From, r.To} {
			if end.PartnerID != "" {
				out[end.PartnerID] = append(out[end.PartnerID], sentence)
			}
		}
	}
	return out
}
