package data

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// PickList names one of Accord's built-in lists that a group can add to, rename in, merge and hide
// entries of.
type PickList string

const (
	ListPartnerKinds  PickList = "partner_kind"
	ListResourceKinds PickList = "resource_kind"
	ListActivityKinds PickList = "activity_kind"
	// ListRelationTypes holds the kinds of relation by key: a built-in type's, or the ID of one of the
	// group's own RelationType records, which are its own entries (named in each language there, not here).
	ListRelationTypes PickList = "relation_type"
)

// PickLists are the lists a group can edit, in the order Settings shows them.
var PickLists = []PickList{ListPartnerKinds, ListResourceKinds, ListActivityKinds, ListRelationTypes}

// PickEntry is one change a group made to a pick-list: an entry of its own, or one of Accord's hidden
// from new records. Each is a record of its own, so two laptops that add different entries, or hide
// different ones, never clash in a sync; a record that names an entry keeps the name itself, so it reads
// the same whether or not the entry arrived first.
type PickEntry struct {
	Meta
	List  PickList `json:"list"`
	Value string   `json:"value"`
	// Hidden keeps the entry off the drop-downs of new choices; records that have it keep and show it.
	Hidden bool `json:"hidden,omitempty"`
}

func (e *PickEntry) Kind() Kind           { return KindPickEntry }
func (e *PickEntry) Title() string        { return e.Value }
func (e *PickEntry) References() []Ref    { return nil }
func (e *PickEntry) SearchText() []string { return []string{e.Value} }

func (e *PickEntry) Validate() error {
	var ps problems
	oneOf(&ps, "list", e.List, PickLists, "list")
	ps.required("value", e.Value, "Give the entry a name.")
	ps.short("value", e.Value, "The name")
	return ps.err()
}

// BuiltIns are Accord's own entries of a list, as the translation keys records keep.
func BuiltIns(l PickList) []string {
	switch l {
	case ListPartnerKinds:
		return strs(PartnerKinds)
	case ListResourceKinds:
		return strs(ResourceKinds)
	case ListActivityKinds:
		return strs(ActivityKinds)
	case ListRelationTypes:
		out := make([]string, len(builtInRelations))
		for i, t := range builtInRelations {
			out[i] = t.ID
		}
		return out
	}
	return nil
}

func strs[S ~string](values []S) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// BuiltIn is true when the value is one of Accord's own entries of the list, shown translated.
func (l PickList) BuiltIn(value string) bool { return slices.Contains(BuiltIns(l), value) }

// Label is how an entry reads: one of Accord's own through t, a group's own as typed.
func (l PickList) Label(value string, t func(string, ...any) string) string {
	if l.BuiltIn(value) {
		return t(value)
	}
	return value
}

// PickItem is one entry of a list as Settings shows it.
type PickItem struct {
	Value   string
	BuiltIn bool
	Hidden  bool
	Uses    int // how many live records have it
}

// PickItems lists every entry of a list: Accord's own in their order, then the group's own sorted, then
// any value a record has that no entry names (one that came from another laptop or a file), each with
// whether it is hidden and how many records use it. It counts over every record that takes the list, so it
// is kept until any record changes (see Keeper).
func PickItems(v View, l PickList) []PickItem {
	return slices.Clone(kept(v, "pick items "+string(l), RecordKinds, func() []PickItem { return pickItems(v, l) }))
}

func pickItems(v View, l PickList) []PickItem {
	var out []PickItem
	at := map[string]int{}
	put := func(value string) *PickItem {
		if i, ok := at[value]; ok {
			return &out[i]
		}
		at[value] = len(out)
		out = append(out, PickItem{Value: value, BuiltIn: l.BuiltIn(value)})
		return &out[len(out)-1]
	}
	for _, b := range BuiltIns(l) {
		put(b)
	}
	for _, value := range ownValues(v, l) {
		put(value)
	}
	hidden := map[string]bool{}
	for _, e := range entriesOf(v, l) {
		hidden[e.Value] = hidden[e.Value] || e.Hidden
	}
	for _, r := range pickUsers(v, l) {
		for _, value := range pickValues(r, l) {
			put(*value).Uses++
		}
	}
	for i := range out {
		out[i].Hidden = hidden[out[i].Value]
	}
	return out
}

// Choices are the entries a drop-down offers: those not hidden, and keep (a record's own value) whatever
// it is, so that editing a record never changes its entry behind the user's back.
func Choices(v View, l PickList, keep string) []string {
	var out []string
	for _, it := range PickItems(v, l) {
		if !it.Hidden || it.Value == keep {
			out = append(out, it.Value)
		}
	}
	return out
}

func hasEntry(v View, l PickList, value string) bool {
	return slices.ContainsFunc(entriesOf(v, l), func(e *PickEntry) bool { return e.Value == value })
}

// ownValues are the group's own entries of a list: its own kinds of relation, by name; in the other lists,
// the values of its entries, sorted.
func ownValues(v View, l PickList) []string {
	var out []string
	if l == ListRelationTypes {
		for _, t := range List[RelationType](v) {
			out = append(out, t.ID)
		}
		return out
	}
	for _, e := range entriesOf(v, l) {
		out = append(out, e.Value)
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(Fold(a), Fold(b)) })
	return out
}

func entriesOf(v View, l PickList) []*PickEntry {
	var out []*PickEntry
	for _, e := range List[PickEntry](v) {
		if e.List == l {
			out = append(out, e)
		}
	}
	return out
}

// pickUsers are the live records whose fields take entries of the list. They are shared: read them.
func pickUsers(v View, l PickList) []Record {
	switch l {
	case ListPartnerKinds:
		return v.Records(KindPartner)
	case ListResourceKinds:
		return slices.Concat(v.Records(KindPartner), v.Records(KindAgreement))
	case ListActivityKinds:
		return v.Records(KindActivity)
	case ListRelationTypes:
		return v.Records(KindRelation)
	}
	return nil
}

// pickValues points at every field of r that holds an entry of the list, for reading and renaming.
func pickValues(r Record, l PickList) []*string {
	var out []*string
	switch r := r.(type) {
	case *Partner:
		if l == ListPartnerKinds {
			out = append(out, (*string)(&r.PartnerKind))
		}
		if l == ListResourceKinds {
			for i := range r.Offers {
				out = append(out, (*string)(&r.Offers[i].Kind))
			}
		}
	case *Agreement:
		for i := range r.Parties {
			for j := range r.Parties[i].Contributions {
				out = append(out, (*string)(&r.Parties[i].Contributions[j].Kind))
			}
		}
	case *Activity:
		out = append(out, (*string)(&r.ActivityKind))
	case *Relation:
		out = append(out, &r.Type)
	}
	return out
}

// SetHidden hides an entry from new choices, or shows it again, as the records to write: the entries of
// the group that name it, or a new one for one of Accord's own.
func SetHidden(v View, l PickList, value string, hidden bool) []Record {
	var out []Record
	for _, e := range entriesOf(v, l) {
		if e.Value == value && e.Hidden != hidden {
			c := Clone(e)
			c.Hidden = hidden
			out = append(out, c)
		}
	}
	if len(out) == 0 && !hasEntry(v, l, value) {
		out = append(out, &PickEntry{Meta: Meta{ID: NewID()}, List: l, Value: value, Hidden: hidden})
	}
	return out
}

// AddPick is the record that adds an entry of the group's own, or nil when the list has it already (a
// hidden one is shown again).
func AddPick(v View, l PickList, value string) []Record {
	value = strings.TrimSpace(value)
	for _, it := range PickItems(v, l) {
		if Fold(it.Value) == Fold(value) {
			if it.Hidden {
				return SetHidden(v, l, it.Value, false)
			}
			return nil
		}
	}
	return []Record{&PickEntry{Meta: Meta{ID: NewID()}, List: l, Value: value}}
}

// RenamePick renames an entry, as copies of every record to write in one go: each live record that has
// from gets to instead. When to is already an entry, the two merge (see MergePick). Otherwise a group's
// own entry takes the new name, and one of Accord's own is hidden behind a new entry of the group's called
// to. A name that differs from an entry's only in capitals or accents is that entry.
func RenamePick(v View, l PickList, from, to string, now time.Time) []Record {
	to = strings.TrimSpace(to)
	items := PickItems(v, l)
	if i := slices.IndexFunc(items, func(it PickItem) bool { return it.Value != from && Fold(it.Value) == Fold(to) }); i >= 0 {
		return MergePick(v, l, from, items[i].Value, now)
	}
	if to == "" || to == from {
		return nil
	}
	out := follow(v, l, from, to)
	if l.BuiltIn(from) {
		return append(append(out, SetHidden(v, l, from, true)...), &PickEntry{Meta: Meta{ID: NewID()}, List: l, Value: to})
	}
	renamed := false
	for _, e := range entriesOf(v, l) {
		if e.Value != from {
			continue
		}
		c := Clone(e)
		if renamed { // the same name added on two laptops: one entry keeps it
			c.Deleted, c.DeletedAt = true, now.UTC()
		} else {
			c.Value, renamed = to, true
		}
		out = append(out, c)
	}
	if !renamed {
		out = append(out, &PickEntry{Meta: Meta{ID: NewID()}, List: l, Value: to})
	}
	return out
}

// MergePick merges the entry from into the entry into, as copies of every record to write in one go: each
// live record that has from gets into, and from goes — a group's own entry (or kind of relation) to the
// Trash, one of Accord's own hidden. into is shown again if it was hidden.
func MergePick(v View, l PickList, from, into string, now time.Time) []Record {
	if from == into || into == "" {
		return nil
	}
	out := follow(v, l, from, into)
	if l.BuiltIn(from) {
		out = append(out, SetHidden(v, l, from, true)...)
	} else {
		for _, e := range entriesOf(v, l) {
			if e.Value == from {
				c := Clone(e)
				c.Deleted, c.DeletedAt = true, now.UTC()
				out = append(out, c)
			}
		}
		if t := Lookup[RelationType](v, from); l == ListRelationTypes && t != nil && !t.Deleted {
			c := Clone(t)
			c.Deleted, c.DeletedAt = true, now.UTC()
			out = append(out, c)
		}
	}
	if slices.ContainsFunc(entriesOf(v, l), func(e *PickEntry) bool { return e.Value == into && e.Hidden }) {
		out = append(out, SetHidden(v, l, into, false)...)
	}
	return out
}

// follow is a copy of each live record that has from, given to instead.
func follow(v View, l PickList, from, to string) []Record {
	var out []Record
	for _, r := range pickUsers(v, l) {
		c := Clone(r)
		changed := false
		for _, value := range pickValues(c, l) {
			if *value == from {
				*value, changed = to, true
			}
		}
		if changed {
			out = append(out, c)
		}
	}
	return out
}

// PickNamed is the entry of a list a user means by a name typed in the window: one whose value or label
// (through t, in the window's language) is the name, case and accents aside, or else the name as typed.
func PickNamed(v View, l PickList, typed string, t func(string, ...any) string) string {
	typed = strings.TrimSpace(typed)
	for _, it := range PickItems(v, l) {
		if Fold(it.Value) == Fold(typed) || Fold(l.Label(it.Value, t)) == Fold(typed) {
			return it.Value
		}
	}
	return typed
}

// InOrder lists the entries of a list that a count or sum holds, in the list's order: Accord's own as
// listed, then the group's own sorted, so that reports leave none out.
func InOrder[K ~string, V any](l PickList, present map[K]V) []K {
	var out []K
	for _, b := range BuiltIns(l) {
		if _, ok := present[K(b)]; ok {
			out = append(out, K(b))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(present)) {
		if !l.BuiltIn(string(k)) {
			out = append(out, k)
		}
	}
	return out
}
