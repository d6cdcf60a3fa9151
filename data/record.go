// Package data is Accord's domain: partners, agreements, evaluations and the rest, the rules that keep them
// valid, their lifecycle, money, dates, clock stamps, field merges and the figures derived from them. It
// stores nothing and imports no storage, Fyne or PDF library; readers see the records through View.
package data

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Kind names a type of record; it is also the name of the record's bucket in the database.
type Kind string

const (
	KindOrganisation Kind = "organisation"
	KindPartner      Kind = "partners"
	KindNeed         Kind = "needs"
	KindAgreement    Kind = "agreements"
	KindEvaluation   Kind = "evaluations"
	KindActivity     Kind = "activities"
	KindPrint        Kind = "prints"
	KindRelationType Kind = "relation_types"
	KindRelation     Kind = "relations"
	KindField        Kind = "fields"
	KindPickEntry    Kind = "pick_entries"
)

// RecordKinds lists every kind kept in the store, in the order checks and exports walk them.
// A kind comes after the kinds its records link to: relation types before the relations of those types.
var RecordKinds = []Kind{KindOrganisation, KindPartner, KindNeed, KindAgreement, KindEvaluation, KindActivity, KindPrint,
	KindRelationType, KindRelation, KindField, KindPickEntry}

// Meta is what every record carries: identity, times, the revision used by backups, export and sync, and
// the soft-delete mark that puts it in the Trash.
type Meta struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Rev       uint64    `json:"rev"`
	Deleted   bool      `json:"deleted,omitempty"`
	DeletedAt time.Time `json:"deleted_at,omitzero"`
	// HLC stamps the change for sync (see HLC); Prev lists the stamps of the versions this one was made
	// from, newest first, so that a laptop can tell an edit of what it holds from a conflicting one.
	HLC  string   `json:"hlc,omitempty"`
	Prev []string `json:"prev,omitempty"`
}

func (m *Meta) Common() *Meta { return m }

// Record is one stored thing: a partner, an agreement, an evaluation...
type Record interface {
	Kind() Kind
	// Title is what lists show and what the user calls the record.
	Title() string
	// Validate returns a *ValidationError listing every problem, or nil.
	Validate() error
	// SearchText is the text a search finds the record by: names, contacts, tags and short notes, not
	// long clause text, which would make the in-memory index as large as the file.
	SearchText() []string
	// References lists the other records this one points at, so checks can find broken links.
	References() []Ref
	Common() *Meta
}

// Ref points from one record to another.
type Ref struct {
	Kind Kind
	ID   string
}

// NewID returns a UUIDv7: unique across laptops and sortable by creation time.
func NewID() string { return uuid.Must(uuid.NewV7()).String() }

// NewRecord returns an empty record of the kind, ready to decode into or to compare with.
func NewRecord(k Kind) Record {
	switch k {
	case KindOrganisation:
		return &Organisation{}
	case KindPartner:
		return &Partner{}
	case KindNeed:
		return &Need{}
	case KindAgreement:
		return &Agreement{}
	case KindEvaluation:
		return &Evaluation{}
	case KindActivity:
		return &Activity{}
	case KindPrint:
		return &Print{}
	case KindRelationType:
		return &RelationType{}
	case KindRelation:
		return &Relation{}
	case KindField:
		return &FieldDefinition{}
	case KindPickEntry:
		return &PickEntry{}
	}
	return nil
}

// MetaOf gives read access to a record's common fields.
func MetaOf(r Record) Meta { return *r.Common() }

// Clone is a deep copy of a record, with slices and maps of its own, for work that must not share the
// struct a form is still editing (a PDF rendering, a save in the background). Every field of a record
// travels in its JSON, so a round trip copies all of it.
func Clone[P Record](r P) P {
	b, err := json.Marshal(r)
	if err != nil {
		panic(fmt.Sprintf("clone %s: %v", r.Kind(), err)) // records are plain data: they always encode
	}
	c := NewRecord(r.Kind())
	if err := json.Unmarshal(b, c); err != nil {
		panic(fmt.Sprintf("clone %s: %v", r.Kind(), err))
	}
	return c.(P)
}

// TakeStamps gives a record what saving its copy stamped on that copy: identity, times, revision, clock
// stamp and, for an agreement, its wording version. The rest — what the user may still be typing — stays.
func TakeStamps(r, saved Record) {
	*r.Common() = *saved.Common()
	if a, ok := r.(*Agreement); ok {
		a.Wording = saved.(*Agreement).Wording
	}
}
