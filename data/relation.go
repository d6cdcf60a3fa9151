package data

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// Relation is a tie between two partners, or between a partner and us, of a type named in each direction:
// "the council funds the food bank" is, seen from the food bank, "the food bank is funded by the council".
// It is kept once, from From to To, and shown on both partners' screens in their own direction.
type Relation struct {
	Meta
	From RelationEnd `json:"from"`
	To   RelationEnd `json:"to"`
	// Type is the key of a built-in type ("funds") or the ID of one of the group's own RelationType records.
	Type   string         `json:"type"`
	Start  Date           `json:"start,omitzero"`
	End    Date           `json:"end,omitzero"`
	Status RelationStatus `json:"status"`
	Note   string         `json:"note,omitempty"`
}

// RelationEnd is one end of a relation: a partner, or our own organisation.
type RelationEnd struct {
	PartnerID string `json:"partner_id,omitempty"`
	Us        bool   `json:"us,omitempty"`
}

// Us is the end of a relation that is our own organisation.
var Us = RelationEnd{Us: true}

// PartnerEnd is the end of a relation that is a partner.
func PartnerEnd(id string) RelationEnd { return RelationEnd{PartnerID: id} }

// Key names the end as the network does: the partner's ID, or OrganisationID for us.
func (e RelationEnd) Key() string {
	if e.Us {
		return OrganisationID
	}
	return e.PartnerID
}

func (e RelationEnd) set() bool { return e.Us != (e.PartnerID != "") }

// RelationStatus says whether a relation still holds.
type RelationStatus string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	RelationCurrent RelationStatus = "current"
	RelationEnded   RelationStatus = "ended"
)

var RelationStatuses = []RelationStatus{RelationCurrent, RelationEnded}

func (r *Relation) Kind() Kind { return KindRelation }

// Title is the relation's type; Describe names both ends.
func (r *Relation) Title() string        { return r.Type }
func (r *Relation) SearchText() []string { return []string{r.Note} }

func (r *Relation) References() []Ref {
	var out []Ref
	for _, e := range []RelationEnd{r.From, r.To} {
		out = append(out, refs(KindPartner, e.PartnerID)...)
	}
	if BuiltInRelation(r.Type) == nil {
		out = append(out, refs(KindRelationType, r.Type)...)
	}
	return out
}

func (r *Relation) Validate() error {
	var ps problems
	switch {
	case !r.From.set():
		ps.add("from", "Say who the relation is from: a partner, or your organisation.")
	case !r.To.set():
		ps.add("to", "Say who the relation is with: a partner, or your organisation.")
	case r.From == r.To:
		ps.add("to", "A relation joins two different organisations: choose another partner.")
	}
	ps.required("type", r.Type, "Choose the kind of relation.")
	ps.short("type", r.Type, "The kind of relation")
	oneOf(&ps, "status", r.Status, RelationStatuses, "status")
	ps.dateOrder("end", r.Start, r.End)
	ps.long("note", r.Note, "The note")
	return ps.err()
}

// EndedOn is true when the relation no longer holds on the day: marked ended, or past its end date.
func (r *Relation) EndedOn(today Date) bool {
	return r.Status == RelationEnded || !r.End.IsZero() && r.End.Before(today)
}

// Joins is true when the relation has the end at either side.
func (r *Relation) Joins(e RelationEnd) bool { return r.From == e || r.To == e }

// RelationType is a kind of relation named in both directions: "funds" and "is funded by". Accord has a
// few built in, named in every language it speaks; a group adds its own as records, with a name in each
// language it uses.
type RelationType struct {
	Meta
	// Name reads from the relation's From to its To ("lends equipment to"); Reverse from To to From
	// ("borrows equipment from"). An empty Reverse reads the same both ways ("works with").
	Name    string `json:"name"`
	Reverse string `json:"reverse,omitempty"`
	// Names holds the two names in other languages, by language code ("es", "fr").
	Names map[string]RelationNames `json:"names,omitempty"`

	builtIn bool
}

// RelationNames are a relation type's two names in one language.
type RelationNames struct {
	Name    string `json:"name"`
	Reverse string `json:"reverse,omitempty"`
}

func (t *RelationType) Kind() Kind           { return KindRelationType }
func (t *RelationType) Title() string        { return t.Name }
func (t *RelationType) References() []Ref    { return nil }
func (t *RelationType) SearchText() []string { return []string{t.Name, t.Reverse} }

func (t *RelationType) Validate() error {
	var ps problems
	ps.required("name", t.Name, "Give the kind of relation a name, as it reads from the first organisation to the second.")
	ps.short("name", t.Name, "The name")
	ps.short("reverse", t.Reverse, "The name the other way round")
	for _, lang := range slices.Sorted(maps.Keys(t.Names)) {
		ns := t.Names[lang]
		if len(lang) < 2 || len(lang) > 8 {
			ps.add("names", "%s is not a language code, like es or fr.", lang)
		}
		ps.short("names", ns.Name, "The name")
		ps.short("names", ns.Reverse, "The name the other way round")
	}
	return ps.err()
}

// BuiltIn is true for the types Accord has of its own, whose names come from its translations.
func (t *RelationType) BuiltIn() bool { return t.builtIn }

// Symmetric is true for a type that reads the same both ways.
func (t *RelationType) Symmetric() bool { return t.Reverse == "" || t.Reverse == t.Name }

// Named is the type's name read forwards, or backwards when backwards is set, in a language: a built-in
// type's through t (its English names are translation keys), a group's own from what the group typed for
// the language, else its first names.
func (t *RelationType) Named(backwards bool, lang string, tr Translate) string {
	name, reverse := t.Name, t.Reverse
	if t.builtIn {
		name, reverse = tr(t.Name), tr(t.Reverse)
	} else if ns, ok := t.Names[lang]; ok && strings.TrimSpace(ns.Name) != "" {
		name, reverse = ns.Name, ns.Reverse
	}
	if backwards && reverse != "" {
		return reverse
	}
	return name
}

// Relation type keys of the built-in types, for code that makes relations of them.
const (
	RelationFunds          = "funds"
	RelationMemberOf       = "member-of"
	RelationPartOf         = "part-of"
	RelationRefersTo       = "refers-to"
	RelationSharesPremises = "shares-premises"
	RelationWorksWith      = "works-with"
)

// builtInRelations are the relation types every group has. Their IDs are the keys relations store.
// i18n:keys: shown translated, so each string here is a translation key.
var builtInRelations = []*RelationType{
	{Meta: Meta{ID: RelationFunds}, Name: "funds", Reverse: "is funded by", builtIn: true},
	{Meta: Meta{ID: RelationMemberOf}, Name: "is a member of", Reverse: "has as a member", builtIn: true},
	{Meta: Meta{ID: RelationPartOf}, Name: "is part of", Reverse: "includes", builtIn: true},
	{Meta: Meta{ID: RelationRefersTo}, Name: "refers people to", Reverse: "receives referrals from", builtIn: true},
	{Meta: Meta{ID: RelationSharesPremises}, Name: "shares premises with", builtIn: true},
	{Meta: Meta{ID: RelationWorksWith}, Name: "works with", builtIn: true},
}

// BuiltInRelation is the built-in type with the key, or nil. Read it, never change it.
func BuiltInRelation(key string) *RelationType {
	for _, t := range builtInRelations {
		if t.ID == key {
			return t
		}
	}
	return nil
}

// RelationTypes lists every type a group can choose: the built-in ones, then its own, by name.
func RelationTypes(v View) []*RelationType {
	return append(slices.Clone(builtInRelations), List[RelationType](v)...)
}

// RelationTypeOf is the type a relation names — built in, the group's own (in the Trash too), or, for a
// key no type has (a type deleted for good on another laptop), one named by the key, so the relation still
// shows.
func RelationTypeOf(v View, key string) *RelationType {
	if t := BuiltInRelation(key); t != nil {
		return t
	}
	if t := Lookup[RelationType](v, key); t != nil {
		return t
	}
	return &RelationType{Meta: Meta{ID: key}, Name: key}
}

// RelationSide is a relation as one of its ends sees it: who is at the other end, and whether the type's
// name reads backwards from here ("is funded by" on the food bank's screen).
type RelationSide struct {
	*Relation
	Other     RelationEnd
	Backwards bool
}

// RelationsOf lists the live relations of a partner (or, with Us, our own), each as seen from there:
// current ones first, then those with us, then by the other end's name and the type, so the list reads
// the same every time.
func RelationsOf(v View, end RelationEnd) []RelationSide {
	var out []RelationSide
	for _, r := range kept(v, "relations by end", []Kind{KindRelation}, func() map[RelationEnd][]*Relation { return relationsByEnd(v) })[end] {
		switch end {
		case r.From:
			out = append(out, RelationSide{Relation: r, Other: r.To})
		case r.To:
			out = append(out, RelationSide{Relation: r, Other: r.From, Backwards: !RelationTypeOf(v, r.Type).Symmetric()})
		}
	}
	name := func(e RelationEnd) string { return Fold(EndName(v, e, english)) }
	slices.SortStableFunc(out, func(a, b RelationSide) int {
		return cmp.Or(compareBool(a.Status == RelationEnded, b.Status == RelationEnded), compareBool(!a.Other.Us, !b.Other.Us),
			strings.Compare(name(a.Other), name(b.Other)), strings.Compare(a.Type, b.Type), strings.Compare(a.ID, b.ID))
	})
	return out
}

// relationsByEnd lists the live relations by each of their ends, in list order, kept until a relation
// changes (see RelationsOf): a click on a partner read all of a group's relations to find its few.
func relationsByEnd(v View) map[RelationEnd][]*Relation {
	by := map[RelationEnd][]*Relation{}
	for _, r := range List[Relation](v) {
		by[r.From] = append(by[r.From], r)
		if r.To != r.From {
			by[r.To] = append(by[r.To], r)
		}
	}
	return by
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Verb is the relation's type named as this side reads it: "funds", or "is funded by".
func (s RelationSide) Verb(v View, lang string, t Translate) string {
	return RelationTypeOf(v, s.Type).Named(s.Backwards, lang, t)
}

// RelationChoice is one way to describe a relation from a partner's side, as a list to choose from offers
// it: a type, read forwards ("funds …") or backwards ("is funded by …").
type RelationChoice struct {
	Type      *RelationType
	Backwards bool
}

// RelationChoices lists every way a relation can read from one side: each type forwards and, unless it
// reads the same both ways, backwards.
func RelationChoices(v View) []RelationChoice {
	var out []RelationChoice
	for _, t := range RelationTypes(v) {
		out = append(out, RelationChoice{Type: t})
		if !t.Symmetric() {
			out = append(out, RelationChoice{Type: t, Backwards: true})
		}
	}
	return out
}

// OfferedRelationChoices are the choices a relation is offered: those of kinds not hidden from new
// relations (Settings → Lists…), and those of keep, the relation's own kind, whatever it is, so that
// editing a relation never changes its kind behind the user's back.
func OfferedRelationChoices(v View, keep string) []RelationChoice {
	offered := Choices(v, ListRelationTypes, keep)
	return slices.DeleteFunc(RelationChoices(v), func(c RelationChoice) bool { return !slices.Contains(offered, c.Type.ID) })
}

// Between makes the relation a choice describes, from this side to the other: read backwards, the other is
// its From.
func (c RelationChoice) Between(this, other RelationEnd) *Relation {
	r := &Relation{From: this, To: other, Type: c.Type.ID, Status: RelationCurrent}
	if c.Backwards {
		r.From, r.To = other, this
	}
	return r
}

// EndName names an end of a relation: the partner's name, or our organisation's.
func EndName(v View, e RelationEnd, t Translate) string {
	if e.Us {
		if name := v.Organisation().Name; name != "" {
			return name
		}
		return t("Our organisation")
	}
	if p := Lookup[Partner](v, e.PartnerID); p != nil {
		return p.Name
	}
	return t("a partner no longer in Accord")
}

// Sentence says the relation in a line: "Riverside Council funds Northside Food Bank".
func (r *Relation) Sentence(v View, lang string, t Translate) string {
	return EndName(v, r.From, t) + " " + RelationTypeOf(v, r.Type).Named(false, lang, t) + " " + EndName(v, r.To, t)
}
