package data

import (
	"strings"
	"time"
)

// AgreementKind is the sort of document an agreement is.
type AgreementKind string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	AgreementMOU            AgreementKind = "memorandum of understanding"
	AgreementPartnership    AgreementKind = "partnership agreement"
	AgreementDataSharing    AgreementKind = "data-sharing agreement"
	AgreementLetterOfIntent AgreementKind = "letter of intent"
)

var AgreementKinds = []AgreementKind{AgreementMOU, AgreementPartnership, AgreementDataSharing, AgreementLetterOfIntent}

// AgreementStatus is where an agreement is in its life. Only draft, sent, signed and terminated are ever
// stored; active and expired follow from the dates (see Agreement.StatusOn).
type AgreementStatus string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	StatusDraft      AgreementStatus = "draft"
	StatusSent       AgreementStatus = "sent for signature"
	StatusSigned     AgreementStatus = "signed"
	StatusActive     AgreementStatus = "active"
	StatusExpired    AgreementStatus = "expired"
	StatusTerminated AgreementStatus = "terminated"
)

var storedStatuses = []AgreementStatus{StatusDraft, StatusSent, StatusSigned, StatusTerminated}

// Agreement is an MOU or kin between our organisation and one or more partners.
type Agreement struct {
	Meta
	Name          string          `json:"title"`
	AgreementKind AgreementKind   `json:"kind"`
	Status        AgreementStatus `json:"status"`
	Parties       []Party         `json:"parties"`
	Purpose       string          `json:"purpose,omitempty"`
	Background    string          `json:"background,omitempty"`
	Goals         []Goal          `json:"goals,omitempty"`

	Start             Date   `json:"start"`
	End               Date   `json:"end"`
	ReviewEveryMonths int    `json:"review_every_months,omitempty"`
	RenewalTerms      string `json:"renewal_terms,omitempty"`

	Governance         string            `json:"governance,omitempty"`
	Communication      CommunicationPlan `json:"communication"`
	ConflictResolution string            `json:"conflict_resolution,omitempty"`
	Confidentiality    string            `json:"confidentiality,omitempty"`
	MoneyChangesHands  bool              `json:"money_changes_hands,omitempty"`
	FundingTerms       string            `json:"funding_terms,omitempty"`
	LegallyBinding     bool              `json:"legally_binding,omitempty"`
	Amendments         []Amendment       `json:"amendments,omitempty"`
	TerminationNotice  string            `json:"termination_notice,omitempty"`
	Clauses            []Clause          `json:"clauses,omitempty"`

	SentOn            Date   `json:"sent_on,omitzero"`
	TerminatedOn      Date   `json:"terminated_on,omitzero"`
	TerminationReason string `json:"termination_reason,omitempty"`
	// RenewalOf is the agreement this one renews; Replaces, the signed agreement whose wording this new
	// version changes, which stays as it was signed until this one is.
	RenewalOf string `json:"renewal_of,omitempty"`
	Replaces  string `json:"replaces,omitempty"`

	// Wording is the version of what the agreement says, noted each time it is saved (see NoteWording).
	Wording     Wording      `json:"wording,omitzero"`
	Attachments []Attachment `json:"attachments,omitempty"`
}

// Party is one side of an agreement: our organisation (Us) or a partner.
type Party struct {
	Us               bool           `json:"us,omitempty"`
	PartnerID        string         `json:"partner_id,omitempty"`
	Responsibilities string         `json:"responsibilities"`
	Contributions    []Contribution `json:"contributions,omitempty"`
	Signatory        Signatory      `json:"signatory"`
}

// Contribution is something a party puts into the partnership.
type Contribution struct {
	Kind        ResourceKind `json:"kind"`
	Description string       `json:"description"`
	Value       Money        `json:"value,omitempty"`
}

// Signatory is the person who signs for a party, and when they signed.
type Signatory struct {
	ContactID string `json:"contact_id,omitempty"`
	Name      string `json:"name"`
	Title     string `json:"title,omitempty"`
	SignedOn  Date   `json:"signed_on,omitzero"`
}

// Goal is a shared SMART goal: what, measured how, how much, by when.
type Goal struct {
	ID     string  `json:"id"`
	Text   string  `json:"text"`
	Metric string  `json:"metric,omitempty"`
	Target float64 `json:"target"`
	Unit   string  `json:"unit,omitempty"`
	Due    Date    `json:"due,omitzero"`
}

// CommunicationPlan says how the partners keep each other informed.
type CommunicationPlan struct {
	Frequency     string   `json:"frequency,omitempty"`
	Channels      []string `json:"channels,omitempty"`
	ContactPeople string   `json:"contact_people,omitempty"`
}

// Amendment is a dated change agreed in writing.
type Amendment struct {
	Date Date   `json:"date"`
	Text string `json:"text"`
}

// Clause is an extra section, often taken from the clause library.
type Clause struct {
	Heading   string `json:"heading"`
	Text      string `json:"text"`
	LibraryID string `json:"library_id,omitempty"`
}

// Attachment is a file kept with the agreement, such as the scanned signed copy. Its bytes live in the
// store's attachment bucket, keyed by SHA256.
type Attachment struct {
	Name    string    `json:"name"`
	MIME    string    `json:"mime"`
	Size    int64     `json:"size"`
	SHA256  string    `json:"sha256"`
	AddedAt time.Time `json:"added_at"`
}

func (a *Agreement) Kind() Kind    { return KindAgreement }
func (a *Agreement) Title() string { return a.Name }

func (a *Agreement) Validate() error {
	var ps problems
	ps.required("title", a.Name, "Give the agreement a title.")
	ps.short("title", a.Name, "The title")
	oneOf(&ps, "kind", a.AgreementKind, AgreementKinds, "kind of agreement")
	oneOf(&ps, "status", a.Status, storedStatuses, "status")
	ps.dateOrder("end", a.Start, a.End)
	if a.ReviewEveryMonths < 0 || a.ReviewEveryMonths > 120 {
		ps.add("review_every_months", "Review every 1 to 120 months, or leave it empty.")
	}
	a.validateParties(&ps)
	for i, g := range a.Goals {
		field := itemField("goals", i)
		if strings.TrimSpace(g.Text) == "" {
			ps.add(field, "Say what goal %d is.", i+1)
		}
		if g.Target <= 0 {
			ps.add(field, "Goal %d needs a target above zero.", i+1)
		}
	}
	for _, f := range []struct{ name, value, label string }{
		{"purpose", a.Purpose, "The purpose"}, {"background", a.Background, "The background"},
		{"governance", a.Governance, "Governance"}, {"conflict_resolution", a.ConflictResolution, "Conflict resolution"},
		{"confidentiality", a.Confidentiality, "Confidentiality"}, {"renewal_terms", a.RenewalTerms, "Renewal terms"},
	} {
		ps.long(f.name, f.value, f.label)
	}
	if a.Status == StatusTerminated && a.TerminatedOn.IsZero() {
		ps.add("terminated_on", "Say on what date the agreement was ended.")
	}
	return ps.err()
}

func (a *Agreement) validateParties(ps *problems) {
	us, partners := 0, 0
	for i, p := range a.Parties {
		field := itemField("parties", i)
		if p.Us {
			us++
		} else if p.PartnerID != "" {
			partners++
		} else {
			ps.add(field, "Party %d needs a partner chosen.", i+1)
		}
		if strings.TrimSpace(p.Responsibilities) == "" {
			ps.add(field, "Say what party %d will do: its responsibilities.", i+1)
		}
		for j, c := range p.Contributions {
			if c.Description == "" {
				ps.add(field, "Say what contribution %d of party %d is.", j+1, i+1)
			}
			ps.amount(field, c.Value, "A value")
		}
	}
	if us != 1 {
		ps.add("parties", "Your own organisation must be one of the parties, once.")
	}
	if partners == 0 {
		ps.add("parties", "Add at least one partner as a party.")
	}
}

func (a *Agreement) SearchText() []string {
	out := []string{a.Name, string(a.AgreementKind)}
	for _, p := range a.Parties {
		out = append(out, p.Signatory.Name)
	}
	return out
}

func (a *Agreement) References() []Ref {
	var out []Ref
	for _, p := range a.Parties {
		out = append(out, refs(KindPartner, p.PartnerID)...)
	}
	return append(out, refs(KindAgreement, a.RenewalOf)...)
}

// PartnerIDs lists the partners that are parties, in order.
func (a *Agreement) PartnerIDs() []string {
	var out []string
	for _, p := range a.Parties {
		if !p.Us && p.PartnerID != "" {
			out = append(out, p.PartnerID)
		}
	}
	return out
}

// AllSigned is true when every party's signatory has a signed date.
func (a *Agreement) AllSigned() bool {
	if len(a.Parties) == 0 {
		return false
	}
	for _, p := range a.Parties {
		if p.Signatory.SignedOn.IsZero() {
			return false
		}
	}
	return true
}

// StatusOn derives the status a user sees on a day: a signed agreement is active from its start date and
// expired after its end date; the stored status covers the rest.
func (a *Agreement) StatusOn(today Date) AgreementStatus {
	if a.Status != StatusSigned {
		return a.Status
	}
	switch {
	case !a.End.IsZero() && today.After(a.End):
		return StatusExpired
	case a.Start.IsZero() || !today.Before(a.Start):
		return StatusActive
	}
	return StatusSigned
}
