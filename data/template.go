package data

import (
	"encoding/json"
	"fmt"
	"io/fs"
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
	MoneyChangesHands       bool          `json:"money_changes_hands"`
	Clauses                 []Clause      `json:"clauses"`
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
// the template's responsibilities), starting today and lasting the template's usual term.
func (t Template) NewAgreement(partnerID string, today Date) *Agreement {
	a := &Agreement{
		Name: t.Title, AgreementKind: t.Kind, Status: StatusDraft,
		Purpose: t.Purpose, Background: t.Background,
		Start: today, ReviewEveryMonths: t.ReviewEveryMonths, RenewalTerms: t.RenewalTerms,
		Governance:         t.Governance,
		Communication:      CommunicationPlan{Frequency: t.CommunicationFrequency, Channels: append([]string(nil), t.CommunicationChannels...)},
		ConflictResolution: t.ConflictResolution, Confidentiality: t.Confidentiality,
		TerminationNotice: t.TerminationNotice, LegallyBinding: t.LegallyBinding, MoneyChangesHands: t.MoneyChangesHands,
		Clauses: append([]Clause(nil), t.Clauses...),
		Parties: []Party{
			{Us: true, Responsibilities: t.OurResponsibilities},
			{PartnerID: partnerID, Responsibilities: t.PartnerResponsibilities},
		},
	}
	if t.DurationMonths > 0 {
		a.End = today.AddMonths(t.DurationMonths).AddDays(-1)
	}
	return a
}
