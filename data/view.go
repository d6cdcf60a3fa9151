package data

import (
	"slices"
	"strings"
	"time"
)

// View is read access to a group's records: all that documents, the calendar and derived figures need.
// The store implements it; tests use Memory. Records it returns are shared with whoever holds them: read
// them, never change them (take a Clone to edit).
type View interface {
	// Records lists the live (not deleted) records of a kind, sorted by title.
	Records(k Kind) []Record
	// Record returns the record of a kind with an ID, deleted ones too, or nil.
	Record(k Kind, id string) Record
	// Organisation is our own group; a new data folder has an empty one.
	Organisation() *Organisation
}

// Keeper is a View that can keep a figure derived from its records until a record of a kind it was
// derived from changes. The store is one: a drop-down's choices, counted over every partner, are then not
// counted again at every click on a partner.
type Keeper interface {
	Keep(key string, kinds []Kind, derive func() any) any
}

// kept derives a figure through v's Keeper when it has one. The figure is shared by every caller: read it.
func kept[T any](v View, key string, kinds []Kind, derive func() T) T {
	if k, ok := v.(Keeper); ok {
		return k.Keep(key, kinds, func() any { return derive() }).(T)
	}
	return derive()
}

// RecordPtr ties a record type to its pointer, so List[Partner] returns []*Partner.
type RecordPtr[T any] interface {
	*T
	Record
}

// KindOf is the kind of a record type: KindOf[Partner]() is KindPartner.
func KindOf[T any, P RecordPtr[T]]() Kind { return P(new(T)).Kind() }

// List returns the live records of a type, sorted by title. They are shared: read them, Clone to edit.
func List[T any, P RecordPtr[T]](v View) []P {
	return Typed[T, P](v.Records(KindOf[T, P]()))
}

// Lookup returns the record of a type with the ID (deleted ones too), or nil. Like List, it is read-only.
func Lookup[T any, P RecordPtr[T]](v View, id string) P {
	r := v.Record(KindOf[T, P](), id)
	if r == nil {
		return nil
	}
	return r.(P)
}

// Typed turns records known to be of one type into that type.
func Typed[T any, P RecordPtr[T]](rs []Record) []P {
	out := make([]P, len(rs))
	for i, r := range rs {
		out[i] = r.(P)
	}
	return out
}

// Describe names a record for a list line: its title, for an evaluation what it evaluates, and for a
// relation the two organisations it joins, from one to the other.
func Describe(v View, r Record) string {
	if rel, ok := r.(*Relation); ok {
		return EndName(v, rel.From, english) + " → " + EndName(v, rel.To, english)
	}
	e, ok := r.(*Evaluation)
	if !ok {
		return r.Title()
	}
	if a := Lookup[Agreement](v, e.AgreementID); a != nil {
		return e.Title() + " — " + a.Title()
	}
	if p := Lookup[Partner](v, e.PartnerID); p != nil {
		return e.Title() + " — " + p.Title()
	}
	return e.Title()
}

// Memory is a View held in memory: what tests of documents and figures read, with no file behind it.
type Memory struct {
	// Now is the clock Save stamps records with.
	Now     func() time.Time
	org     *Organisation
	records map[Kind][]Record
	rev     uint64
}

// NewMemory returns a Memory holding the records, each given an ID if it has none.
func NewMemory(rs ...Record) *Memory {
	m := &Memory{Now: time.Now, records: map[Kind][]Record{}}
	m.Add(rs...)
	return m
}

// Add puts records in, replacing one with the same kind and ID (the last one given wins); our own
// organisation becomes the one. Each kind is sorted once, so tens of thousands of records go in quickly.
func (m *Memory) Add(rs ...Record) {
	type key struct {
		kind Kind
		id   string
	}
	last := make(map[key]int, len(rs))
	for i, r := range rs {
		meta := r.Common()
		if meta.ID == "" {
			meta.ID = NewID()
		}
		if o, ok := r.(*Organisation); ok {
			m.org = o
		}
		last[key{r.Kind(), meta.ID}] = i
	}
	kinds := map[Kind]bool{}
	for k := range last {
		kinds[k.kind] = true
	}
	for k := range kinds {
		m.records[k] = slices.DeleteFunc(m.records[k], func(x Record) bool {
			_, replaced := last[key{k, x.Common().ID}]
			return replaced
		})
	}
	for i, r := range rs {
		if last[key{r.Kind(), r.Common().ID}] == i {
			m.records[r.Kind()] = append(m.records[r.Kind()], r)
		}
	}
	for k := range kinds {
		slices.SortStableFunc(m.records[k], func(a, b Record) int { return strings.Compare(Fold(a.Title()), Fold(b.Title())) })
	}
}

// Save validates the record, stamps its times and revision, and adds it, as the store's Save would.
func (m *Memory) Save(r Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	meta, now := r.Common(), m.Now().UTC()
	if meta.CreatedAt.IsZero() {
		meta.CreatedAt = now
	}
	stored := m.Record(r.Kind(), meta.ID)
	if v, ok := r.(Versioned); ok {
		v.NoteWording(stored, now)
	}
	if h, ok := r.(Historied); ok {
		h.NoteHistory(stored, DateOf(m.Now()))
	}
	m.rev++
	meta.UpdatedAt, meta.Rev = now, m.rev
	m.Add(r)
	return nil
}

func (m *Memory) Records(k Kind) []Record {
	return slices.DeleteFunc(slices.Clone(m.records[k]), func(r Record) bool { return r.Common().Deleted })
}

func (m *Memory) Record(k Kind, id string) Record {
	for _, r := range m.records[k] {
		if r.Common().ID == id {
			return r
		}
	}
	return nil
}

func (m *Memory) Organisation() *Organisation {
	if m.org == nil {
		return &Organisation{Meta: Meta{ID: OrganisationID}, PaperSize: PaperA4}
	}
	return m.org
}
