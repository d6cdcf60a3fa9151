package data

import "slices"

// PartnerKind says what sort of organisation a partner is.
type PartnerKind string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	PartnerCommunityOrg PartnerKind = "community organisation"
	PartnerGovernment   PartnerKind = "local government"
	PartnerEducation    PartnerKind = "school, college or university"
	PartnerBusiness     PartnerKind = "business"
	PartnerResidents    PartnerKind = "resident group"
	PartnerSocial       PartnerKind = "social services"
	PartnerNonProfit    PartnerKind = "non-profit"
	PartnerFaith        PartnerKind = "faith group"
	PartnerFunder       PartnerKind = "funder"
	PartnerMedia        PartnerKind = "media"
	PartnerOther        PartnerKind = "other"
)

var PartnerKinds = []PartnerKind{PartnerCommunityOrg, PartnerGovernment, PartnerEducation, PartnerBusiness,
	PartnerResidents, PartnerSocial, PartnerNonProfit, PartnerFaith, PartnerFunder, PartnerMedia, PartnerOther}

// Stage is where a partnership stands.
type Stage string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	StageProspect Stage = "prospect"
	StageEngaged  Stage = "engaged"
	StageActive   Stage = "active"
	StageDormant  Stage = "dormant"
	StageFormer   Stage = "former"
)

var Stages = []Stage{StageProspect, StageEngaged, StageActive, StageDormant, StageFormer}

// ResourceKind is what a partner (or we) can bring: the categories of the resource map.
type ResourceKind string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	ResourceFunding    ResourceKind = "funding"
	ResourceSpace      ResourceKind = "space"
	ResourceVolunteers ResourceKind = "volunteers"
	ResourceExpertise  ResourceKind = "expertise"
	ResourceEquipment  ResourceKind = "equipment"
	ResourceInKind     ResourceKind = "in-kind"
	ResourceOutreach   ResourceKind = "outreach"
	ResourceData       ResourceKind = "data"
)

var ResourceKinds = []ResourceKind{ResourceFunding, ResourceSpace, ResourceVolunteers, ResourceExpertise,
	ResourceEquipment, ResourceInKind, ResourceOutreach, ResourceData}

// Partner is an organisation the group works with, its people, what it brings and how much say it has.
type Partner struct {
	Meta
	Name        string      `json:"name"`
	PartnerKind PartnerKind `json:"kind"`
	FocusAreas  []string    `json:"focus_areas,omitempty"`
	Description string      `json:"description,omitempty"`
	Address     string      `json:"address,omitempty"`
	Website     string      `json:"website,omitempty"`
	Email       string      `json:"email,omitempty"`
	Phone       string      `json:"phone,omitempty"`
	// LegalForm ("registered charity", "association loi 1901") and RegistrationNumber (charity number,
	// SIRET, CIF…) identify the partner in law on the agreements it signs.
	LegalForm          string    `json:"legal_form,omitempty"`
	RegistrationNumber string    `json:"registration_number,omitempty"`
	Languages          []string  `json:"languages,omitempty"`
	Contacts           []Contact `json:"contacts,omitempty"`
	Offers             []Offer   `json:"offers,omitempty"`
	// Influence and Interest place the partner on the stakeholder map: 1 (low) to 5 (high), 0 not yet judged.
	Influence int   `json:"influence,omitempty"`
	Interest  int   `json:"interest,omitempty"`
	Stage     Stage `json:"stage"`
	// Stages are the partner's stage changes, oldest first (see StageHistory); none until its stage first
	// changes after Accord began keeping them.
	Stages []StageChange `json:"stage_history,omitempty"`
	Notes  string        `json:"notes,omitempty"`
	// Custom holds the values of the group's own fields (see FieldDefinition), by the field's ID.
	Custom map[string]string `json:"custom,omitempty"`
}

// Contact is a person at a partner organisation.
type Contact struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Role     string `json:"role,omitempty"`
	Email    string `json:"email,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Language string `json:"language,omitempty"`
	Notes    string `json:"notes,omitempty"`
	MaySign  bool   `json:"may_sign,omitempty"`
	// Custom holds the values of the group's own fields on contacts, by the field's ID.
	Custom map[string]string `json:"custom,omitempty"`
}

func (c *Contact) CustomValues() map[string]string { return c.Custom }
func (c *Contact) SetCustomValue(id, value string) { setCustom(&c.Custom, id, value) }

// Offer is one thing a partner brings: an entry on the resource map.
type Offer struct {
	Kind        ResourceKind `json:"kind"`
	Description string       `json:"description"`
	Value       Money        `json:"value,omitempty"`
}

func (p *Partner) Kind() Kind    { return KindPartner }
func (p *Partner) Title() string { return p.Name }

func (p *Partner) Validate() error {
	var ps problems
	ps.required("name", p.Name, "Give the partner a name.")
	ps.short("name", p.Name, "The name")
	onePick(&ps, "kind", p.PartnerKind, "kind of partner")
	oneOf(&ps, "stage", p.Stage, Stages, "stage")
	for _, c := range p.Stages {
		oneOf(&ps, "stage_history", c.Stage, Stages, "stage")
	}
	ps.email("email", p.Email)
	ps.short("legal_form", p.LegalForm, "The legal form")
	ps.short("registration_number", p.RegistrationNumber, "The registration number")
	ps.score("influence", p.Influence, "Influence")
	ps.score("interest", p.Interest, "Interest")
	ps.long("notes", p.Notes, "The notes")
	ps.long("description", p.Description, "The description")
	customProblems(&ps, p.Custom)
	for i, c := range p.Contacts {
		field := itemField("contacts", i)
		if c.Name == "" {
			ps.add(field, "Contact %d needs a name.", i+1)
		}
		ps.email(field, c.Email)
		customProblems(&ps, c.Custom)
	}
	for i, o := range p.Offers {
		field := itemField("offers", i)
		onePick(&ps, field, o.Kind, "kind of resource")
		if o.Description == "" {
			ps.add(field, "Say what offer %d is.", i+1)
		}
		ps.amount(field, o.Value, "A value")
	}
	return ps.err()
}

func (p *Partner) SearchText() []string {
	out := []string{p.Name, p.Email, p.Notes, p.Description, string(p.PartnerKind)}
	out = append(out, p.FocusAreas...)
	for _, c := range p.Contacts {
		out = append(out, c.Name, c.Email, c.Role)
		out = append(out, customText(c.Custom)...)
	}
	return append(out, customText(p.Custom)...)
}

func (p *Partner) CustomValues() map[string]string { return p.Custom }
func (p *Partner) SetCustomValue(id, value string) { setCustom(&p.Custom, id, value) }

func (p *Partner) References() []Ref { return nil }

// Signatories are the contacts who may sign agreements on the partner's behalf.
func (p *Partner) Signatories() []Contact {
	var out []Contact
	for _, c := range p.Contacts {
		if c.MaySign {
			out = append(out, c)
		}
	}
	return out
}

// OfferedValue adds up the estimated value of everything the partner offers.
func (p *Partner) OfferedValue() Money {
	var total Money
	for _, o := range p.Offers {
		total += o.Value
	}
	return total
}

// FocusAreas lists every focus area the live partners use, sorted, for filters and suggestions.
func FocusAreas(v View) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range List[Partner](v) {
		for _, f := range p.FocusAreas {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	slices.Sort(out)
	return out
}

// RenameFocusArea gives every live partner with the focus area from the area to instead — a new name, or
// one already in use, which merges the two — as copies of the partners it changes, for one write. A partner
// with both keeps to once, where from was.
func RenameFocusArea(v View, from, to string) []*Partner {
	var out []*Partner
	for _, p := range List[Partner](v) {
		at := slices.Index(p.FocusAreas, from)
		if at < 0 || from == to {
			continue
		}
		c := Clone(p)
		c.FocusAreas[at] = to
		c.FocusAreas = withoutRepeats(c.FocusAreas)
		out = append(out, c)
	}
	return out
}

// withoutRepeats keeps the first of each repeated string, in order.
func withoutRepeats(xs []string) []string {
	seen := map[string]bool{}
	return slices.DeleteFunc(xs, func(x string) bool {
		repeat := seen[x]
		seen[x] = true
		return repeat
	})
}
