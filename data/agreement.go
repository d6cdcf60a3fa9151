package data

import (
	"slices"
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
	// LegallyBinding is true when the whole agreement binds the parties; when it is false, only the
	// BindingSections do (none: nothing binds). GoverningLaw is the law of what binds.
	LegallyBinding    bool             `json:"legally_binding,omitempty"`
	BindingSections   []BindingSection `json:"binding_sections,omitempty"`
	GoverningLaw      string           `json:"governing_law,omitempty"`
	StandardClauses   []StandardClause `json:"standard_clauses,omitempty"`
	Amendments        []Amendment      `json:"amendments,omitempty"`
	TerminationNotice string           `json:"termination_notice,omitempty"`
	Clauses           []Clause         `json:"clauses,omitempty"`
	Annexes           []Annex          `json:"annexes,omitempty"`

	// Language is the language the agreement prints in (en, es or fr; empty: see DocumentLanguage), and
	// SecondLanguage, when set, that of a bilingual edition, which prints Translations (of the free-text
	// sections, keyed by TranslationKeys) after the texts they translate.
	Language       string            `json:"language,omitempty"`
	SecondLanguage string            `json:"second_language,omitempty"`
	Translations   map[string]string `json:"translations,omitempty"`

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
	// Custom holds the values of the group's own fields, by the field's ID. They are not part of the
	// wording: the MOU prints none of them.
	Custom map[string]string `json:"custom,omitempty"`
}

func (a *Agreement) CustomValues() map[string]string { return a.Custom }
func (a *Agreement) SetCustomValue(id, value string) { setCustom(&a.Custom, id, value) }

// Party is one side of an agreement: our organisation (Us) or a partner.
type Party struct {
	Us               bool   `json:"us,omitempty"`
	PartnerID        string `json:"partner_id,omitempty"`
	Responsibilities string `json:"responsibilities"`
	// ResponsibilitiesTranslation is the responsibilities in the agreement's second language.
	ResponsibilitiesTranslation string         `json:"responsibilities_translation,omitempty"`
	Contributions               []Contribution `json:"contributions,omitempty"`
	Signatory                   Signatory      `json:"signatory"`
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

// Amendment is a dated change agreed in writing. Version is the wording version it changes: the one
// signed, or the one an earlier amendment made (0 on amendments recorded before Accord kept it).
type Amendment struct {
	Date    Date   `json:"date"`
	Text    string `json:"text"`
	Version int    `json:"version,omitempty"`
}

// BindingSection is a part of an agreement that binds the parties although the rest does not.
type BindingSection string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	BindingConfidentiality BindingSection = "confidentiality"
	BindingDataProtection  BindingSection = "data protection"
	BindingNamesAndLogos   BindingSection = "use of names and logos"
)

var BindingSections = []BindingSection{BindingConfidentiality, BindingDataProtection, BindingNamesAndLogos}

// StandardClause is a clause of the usual legal kind an agreement may include, worded by Accord.
type StandardClause string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	ClauseNotices       StandardClause = "notices"
	ClauseEntire        StandardClause = "entire agreement"
	ClauseCounterparts  StandardClause = "counterparts and electronic copies"
	ClauseLastSignature StandardClause = "takes effect on the date of the last signature"
)

var StandardClauses = []StandardClause{ClauseNotices, ClauseEntire, ClauseCounterparts, ClauseLastSignature}

// Annex is a document printed after the agreement, numbered "Annex 1", "Annex 2"…: a text, or a PDF file
// kept with the agreement (File is its SHA-256 among the agreement's attachments).
type Annex struct {
	Title       string       `json:"title"`
	Text        string       `json:"text,omitempty"`
	File        string       `json:"file,omitempty"`
	Translation *Translation `json:"translation,omitempty"`
}

// DocumentLanguages are the languages an agreement can print in.
var DocumentLanguages = []string{"en", "es", "fr"}

// Binds says whether any part of the agreement is legally binding.
func (a *Agreement) Binds() bool { return a.LegallyBinding || len(a.BindingSections) > 0 }

// HasClause says whether the agreement includes a standard clause.
func (a *Agreement) HasClause(c StandardClause) bool { return slices.Contains(a.StandardClauses, c) }

// TranslationKeys name the agreement's own free-text sections, whose translations a bilingual edition
// prints from Translations; parties, clauses and annexes keep theirs beside the text they translate.
var TranslationKeys = []string{TextPurpose, TextBackground, TextRenewal, TextGovernance, TextConflict,
	TextConfidentiality, TextFunding, TextTermination}

// The keys of an agreement's own free-text sections in its Translations: their names in its JSON.
const (
	TextPurpose         = "purpose"
	TextBackground      = "background"
	TextRenewal         = "renewal_terms"
	TextGovernance      = "governance"
	TextConflict        = "conflict_resolution"
	TextConfidentiality = "confidentiality"
	TextFunding         = "funding_terms"
	TextTermination     = "termination_notice"
)

// Clause is an extra section, often taken from the clause library.
type Clause struct {
	Heading   string `json:"heading"`
	Text      string `json:"text"`
	LibraryID string `json:"library_id,omitempty"`
	// Translation is the clause in the agreement's second language.
	Translation *Translation `json:"translation,omitempty"`
}

// Translation is a heading and text in an agreement's second language.
type Translation struct {
	Heading string `json:"heading,omitempty"`
	Text    string `json:"text,omitempty"`
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
	a.validateLegal(&ps)
	a.validateLanguages(&ps)
	customProblems(&ps, a.Custom)
	return ps.err()
}

// validateLegal checks the legal options. The governing law is asked of a draft: a signed agreement is
// what was signed, and one written before Accord asked for the law must still open, sync and import.
func (a *Agreement) validateLegal(ps *problems) {
	for _, b := range a.BindingSections {
		oneOf(ps, "binding_sections", b, BindingSections, "binding section")
	}
	if a.LegallyBinding && len(a.BindingSections) > 0 {
		ps.add("binding_sections", "A binding agreement binds in every section: leave the binding sections unticked.")
	}
	if a.Binds() && strings.TrimSpace(a.GoverningLaw) == "" && a.Status == StatusDraft {
		ps.add("governing_law", "Say which law governs the agreement, such as the law of England and Wales: part of it is legally binding.")
	}
	ps.short("governing_law", a.GoverningLaw, "The governing law")
	for _, c := range a.StandardClauses {
		oneOf(ps, "standard_clauses", c, StandardClauses, "standard clause")
	}
	files := map[string]bool{}
	for _, f := range a.Attachments {
		files[f.SHA256] = true
	}
	for i, x := range a.Annexes {
		field := itemField("annexes", i)
		ps.short(field, x.Title, "An annex's title")
		ps.long(field, x.Text, "An annex")
		switch {
		case strings.TrimSpace(x.Title) == "":
			ps.add(field, "Give annex %d a title.", i+1)
		case x.File != "" && !files[x.File]:
			ps.add(field, "The file of annex %d is no longer kept with the agreement: attach it again.", i+1)
		case x.File == "" && strings.TrimSpace(x.Text) == "":
			ps.add(field, "Write the text of annex %d, or attach a PDF file.", i+1)
		}
	}
}

func (a *Agreement) validateLanguages(ps *problems) {
	if a.Language != "" {
		oneOf(ps, "language", a.Language, DocumentLanguages, "language")
	}
	if a.SecondLanguage != "" {
		oneOf(ps, "second_language", a.SecondLanguage, DocumentLanguages, "language")
		if a.SecondLanguage == a.Language {
			ps.add("second_language", "A bilingual edition needs two different languages.")
		}
	}
	for k, v := range a.Translations {
		if !slices.Contains(TranslationKeys, k) {
			ps.add("translations", "A translation belongs to no section of the agreement: %s.", k)
		}
		ps.long("translations", v, "A translation")
	}
	for _, p := range a.Parties {
		ps.long("translations", p.ResponsibilitiesTranslation, "A translation")
	}
	for _, c := range a.Clauses {
		c.Translation.validate(ps)
	}
	for _, x := range a.Annexes {
		x.Translation.validate(ps)
	}
}

func (t *Translation) validate(ps *problems) {
	if t != nil {
		ps.short("translations", t.Heading, "A translated heading")
		ps.long("translations", t.Text, "A translation")
	}
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
	return append(out, customText(a.Custom)...)
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
