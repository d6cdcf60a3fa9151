package data

// Paper sizes an organisation prints on.
const (
	PaperA4     = "A4"
	PaperLetter = "Letter"
)

// OrganisationID is the fixed key of the one Organisation record: our own group.
const OrganisationID = "organisation"

// Organisation is our own group: the letterhead and the default signatory of every document.
type Organisation struct {
	Meta
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	Email   string `json:"email,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Website string `json:"website,omitempty"`
	// LegalForm and RegistrationNumber identify the organisation in law on the agreements it signs.
	LegalForm          string `json:"legal_form,omitempty"`
	RegistrationNumber string `json:"registration_number,omitempty"`
	Logo               []byte `json:"logo,omitempty"` // PNG
	SignatoryName      string `json:"signatory_name,omitempty"`
	SignatoryTitle     string `json:"signatory_title,omitempty"`
	Currency           string `json:"currency,omitempty"` // ISO 4217, e.g. EUR
	PaperSize          string `json:"paper_size,omitempty"`
	Language           string `json:"language,omitempty"` // BCP 47, e.g. es; empty follows the system
}

func (o *Organisation) Kind() Kind    { return KindOrganisation }
func (o *Organisation) Title() string { return o.Name }

func (o *Organisation) Validate() error {
	var ps problems
	ps.required("name", o.Name, "Give your organisation a name.")
	ps.short("name", o.Name, "The name")
	ps.email("email", o.Email)
	ps.short("legal_form", o.LegalForm, "The legal form")
	ps.short("registration_number", o.RegistrationNumber, "The registration number")
	if o.PaperSize != "" {
		oneOf(&ps, "paper_size", o.PaperSize, []string{PaperA4, PaperLetter}, "paper size")
	}
	if o.Currency != "" && len(o.Currency) != 3 {
		ps.add("currency", "Use the three-letter currency code, like EUR, GBP or USD.")
	}
	if len(o.Logo) > 2<<20 {
		ps.add("logo", "The logo is too large: use a PNG under 2 MB.")
	}
	return ps.err()
}

func (o *Organisation) SearchText() []string { return []string{o.Name} }
func (o *Organisation) References() []Ref    { return nil }
