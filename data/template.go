package data

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
)

// Template is a starting point for an agreement, written for community groups; the user edits every word.
type Template struct {
	Name                    string        `json:"name"`
	Description             string        `json:"description"`
	Kind                    AgreementKind `json:"kind"`
	Title                   string        `json:"title"`
	DurationMonths          int           `json:"duration_months"`
	ReviewEveryMonths       int           `json:"review_every_months"`
	Purpose                 string        `json:"purpose"`
	Background              string        `json:"background"`
	OurResponsibilities     string        `json:"our_responsibilities"`
	PartnerResponsibilities string        `json:"partner_responsibilities"`
	Governance              string        `json:"governance"`
	CommunicationFrequency  string        `json:"communication_frequency"`
	CommunicationChannels   []string      `json:"communication_channels"`
	ConflictResolution      string        `json:"conflict_resolution"`
	Confidentiality         string        `json:"confidentiality"`
	TerminationNotice       string        `json:"termination_notice"`
	RenewalTerms            string        `json:"renewal_terms"`
	LegallyBinding          bool          `json:"legally_binding"`
	// BindingSections bind although the rest does not, as in most MOUs that touch people's data.
	BindingSections   []BindingSection `json:"binding_sections,omitempty"`
	StandardClauses   []StandardClause `json:"standard_clauses,omitempty"`
	MoneyChangesHands bool             `json:"money_changes_hands"`
	Clauses           []Clause         `json:"clauses"`
	Annexes           []Annex          `json:"annexes,omitempty"`
}

// LoadTemplates reads every *.json template in a folder, in file-name order.
func LoadTemplates(fsys fs.FS) ([]Template, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]Template, 0, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read template %s: %w", n, err)
		}
		var t Template
		if err := json.Unmarshal(b, &t); err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// NewAgreement starts a draft from the template: our organisation and one partner as parties (each with
// the template's responsibilities), starting today and lasting the template's usual term. When anything in
// it binds, the governing law is the one the group's agreements used last (a template cannot know the
// group's country); the editor asks for it when there is none.
func (t Template) NewAgreement(partnerID string, today Date, v View) *Agreement {
	a := &Agreement{
		Name: t.Title, AgreementKind: t.Kind, Status: StatusDraft,
		Purpose: t.Purpose, Background: t.Background,
		Start: today, ReviewEveryMonths: t.ReviewEveryMonths, RenewalTerms: t.RenewalTerms,
		Governance:         t.Governance,
		Communication:      CommunicationPlan{Frequency: t.CommunicationFrequency, Channels: append([]string(nil), t.CommunicationChannels...)},
		ConflictResolution: t.ConflictResolution, Confidentiality: t.Confidentiality,
		TerminationNotice: t.TerminationNotice, LegallyBinding: t.LegallyBinding, MoneyChangesHands: t.MoneyChangesHands,
		BindingSections: slices.Clone(t.BindingSections), StandardClauses: slices.Clone(t.StandardClauses),
		Clauses: slices.Clone(t.Clauses), Annexes: slices.Clone(t.Annexes),
		Parties: []Party{
			{Us: true, Responsibilities: t.OurResponsibilities},
			{PartnerID: partnerID, Responsibilities: t.PartnerResponsibilities},
		},
	}
	if t.DurationMonths > 0 {
		a.End = today.AddMonths(t.DurationMonths).AddDays(-1)
	}
	if a.Binds() {
		a.GoverningLaw = LawUsedLast(v)
	}
	return a
}

// LawUsedLast is the governing law of the most recently started agreement that names one, or "".
func LawUsedLast(v View) string {
	var law string
	var started Date
	for _, a := range List[Agreement](v) {
		if a.GoverningLaw != "" && (law == "" || started.Before(a.Start)) {
			law, started = a.GoverningLaw, a.Start
		}
	}
	return law
}
