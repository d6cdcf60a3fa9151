package partnerio

import (
	"maps"
	"slices"
	"strings"
	"unicode"

	"accord/data"
)

// Field is what a column holds, as Accord understands it.
type Field string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	Ignore            Field = ""
	Organisation      Field = "organisation"
	ContactName       Field = "contact name"
	FirstName         Field = "first name"
	LastName          Field = "last name"
	Email             Field = "e-mail"
	Phone             Field = "phone"
	Address           Field = "address"
	Website           Field = "website"
	Role              Field = "role"
	Notes             Field = "notes"
	Kind              Field = "kind"
	Stage             Field = "stage"
	OrganisationEmail Field = "organisation e-mail"
	OrganisationPhone Field = "organisation phone"
	OrganisationNotes Field = "organisation notes"
)

// Fields lists every field a column can be set to, in the order a mapping menu offers them.
var Fields = fieldsInOrder[:]

var fieldsInOrder = [...]Field{Ignore, Organisation, ContactName, FirstName, LastName, Email, Phone, Address, Website,
	Role, Notes, Kind, Stage, OrganisationEmail, OrganisationPhone, OrganisationNotes}

// customPrefix begins the Field of a column that holds one of the group's own fields: the field's ID follows.
const customPrefix = "custom:"

// CustomField is the Field of a column holding the group's own field with the ID.
func CustomField(id string) Field { return Field(customPrefix + id) }

// CustomID is the ID of the group's own field a column holds, or "".
func (f Field) CustomID() string {
	id, ok := strings.CutPrefix(string(f), customPrefix)
	if !ok {
		return ""
	}
	return id
}

// Label names what a column holds in the user's language: a built-in field translated with t, one of the
// group's own fields by its name in lang, a contacts' one saying so.
func (f Field) Label(v data.View, lang string, t data.Translate) string {
	id := f.CustomID()
	if id == "" {
		return t(string(f))
	}
	d := data.Lookup[data.FieldDefinition](v, id)
	switch {
	case d == nil:
		return id
	case d.For == data.KindContact:
		return t("%s (contact)", d.Label(lang))
	}
	return d.Label(lang)
}

// OwnFields are the group's own fields a spreadsheet of partners can hold: the partners', then their
// contacts'.
func OwnFields(v data.View) []*data.FieldDefinition {
	return slices.Concat(data.Fields(v, data.KindPartner), data.Fields(v, data.KindContact))
}

// Mapping gives the field of each column of a Table, by position. The window lets the user change it.
type Mapping []Field

// synonyms are header names as spreadsheets, Google Contacts and Outlook write them, in English, French,
// Spanish and German, already normalised (see normalise). Several columns may share a field: Outlook splits
// the address into street, city and code, and has three phone columns. A column about a person ("Contact
// person", "Personne à contacter", "Ansprechpartner") must be found, or its people are dropped and their
// e-mail addresses land on the organisation. Kumu's element sheets name each organisation under "Label".
var synonyms = map[Field][]string{
	Organisation: {"organisation", "organization", "organisation name", "organization name", "company",
		"company name", "org", "partner", "partner name", "partner organisation", "partner organization",
		"entreprise", "societe", "organisme", "nom de l organisme", "nom de l organisation", "structure",
		"association", "partenaire", "organizacion", "nombre de la organizacion", "empresa", "entidad",
		"institucion", "socio", "firma", "unternehmen", "verein", "einrichtung", "institution", "trager",
		"name der organisation", "partnerorganisation", "label"},
	ContactName: {"name", "full name", "contact", "contact name", "contact person", "contact full name",
		"key contact", "main contact", "primary contact", "display name", "person", "nom complet", "nom et prenom",
		"personne", "contact principal", "nom du contact", "personne a contacter", "personne de contact",
		"interlocuteur", "interlocutrice", "referent", "referente", "nombre completo", "persona",
		"persona de contacto", "contacto", "nombre del contacto", "nombre de contacto", "ansprechpartner",
		"ansprechpartnerin", "ansprechperson", "kontaktperson", "kontakt", "vollstandiger name"},
	FirstName: {"first name", "first", "given name", "forename", "prenom", "nombre", "nombre de pila", "vorname"},
	LastName: {"last name", "last", "family name", "surname", "nom", "nom de famille", "apellido", "apellidos",
		"nachname", "familienname"},
	Email: {"email", "e mail", "contact e mail", "contact email", "email address", "e mail address", "e mail value", "mail", "courriel",
		"adresse e mail", "adresse email", "adresse electronique", "courriel du contact", "correo", "correo electronico",
		"e mail adresse", "email adresse"},
	Phone: {"phone", "telephone", "contact phone", "phone number", "phone value", "mobile", "mobile phone", "cell", "cell phone",
		"business phone", "home phone", "primary phone", "tel", "portable", "telephone portable", "numero de telephone",
		"telefono", "movil", "celular", "telefono movil", "telefon", "telefonnummer", "handy", "mobil", "mobiltelefon"},
	Address: {"address", "address formatted", "street", "business street", "business city", "business postal code",
		"business state", "business country region", "city", "postcode", "postal code", "zip", "adresse", "rue",
		"ville", "code postal", "direccion", "calle", "ciudad", "codigo postal", "anschrift", "strasse", "straße",
		"ort", "stadt", "plz", "postleitzahl"},
	Website: {"website", "web site", "web page", "website value", "url", "site", "site web", "site internet",
		"sitio web", "pagina web", "webseite", "internetseite", "homepage"},
	Role: {"role", "job title", "position", "organization title", "organisation title", "fonction",
		"poste", "cargo", "puesto", "rol", "funktion", "rolle"},
	Notes: {"notes", "note", "comments", "comment", "remarques", "commentaires", "notas", "comentarios",
		"observaciones", "contact notes", "notizen", "notiz", "bemerkungen", "bemerkung", "anmerkungen", "kommentar"},
	Kind:              {"kind", "type", "category", "partner kind", "genre", "categorie", "tipo", "categoria", "typ", "kategorie"},
	Stage:             {"stage", "status", "etape", "statut", "etapa", "estado", "phase"},
	OrganisationEmail: {"organisation e mail", "organization e mail", "organisation email", "organization email"},
	OrganisationPhone: {"organisation phone", "organization phone", "company main phone", "company phone"},
	OrganisationNotes: {"organisation notes", "organization notes"},
}

var fieldOf = func() map[string]Field {
	m := map[string]Field{}
	for f, names := range synonyms {
		for _, n := range names {
			m[n] = f
		}
	}
	return m
}()

// Guess maps each header it recognises to a field, the rest to Ignore. Headers are compared after
// normalising, so "E-mail 1 - Value", "Courriel" and "CORREO ELECTRÓNICO" are all found. It fails with a
// *data.PlainError when no column names an organisation, a person or an e-mail address, since nothing
// could then be imported.
func Guess(headers []string) (Mapping, error) {
	m := make(Mapping, len(headers))
	for i, h := range headers {
		m[i] = fieldOf[normalise(h)]
	}
	return m, m.Check()
}

// WithFields maps each column the mapping leaves out whose header names one of the group's own fields (in
// any of its languages, ignoring case, accents and punctuation) to that field, as an export names them: a
// name that a partners' field and a contacts' field share is the partners', and "Contact" with the name
// the contacts'.
func (m Mapping) WithFields(headers []string, v data.View) Mapping {
	byName := map[string]Field{}
	for _, d := range OwnFields(v) {
		for _, name := range append([]string{d.Name}, slices.Collect(maps.Values(d.Names))...) {
			name = normalise(name)
			if d.For == data.KindContact {
				byName["contact "+name] = CustomField(d.ID)
			}
			if _, taken := byName[name]; !taken {
				byName[name] = CustomField(d.ID)
			}
		}
	}
	for i, h := range headers {
		if f, ok := byName[normalise(h)]; ok && i < len(m) && m[i] == Ignore {
			m[i] = f
		}
	}
	return m
}

// Check says whether a mapping can import anything: it needs an organisation, a name or an e-mail column.
func (m Mapping) Check() error {
	for _, f := range m {
		switch f {
		case Organisation, ContactName, FirstName, LastName, Email:
			return nil
		}
	}
	return &data.PlainError{Message: "No column looks like a name, an organisation or an e-mail address.",
		Advice: "Give the columns headings such as Organisation, Name and E-mail in the first row of the file, or choose what each column holds. Nothing was imported."}
}

// Unused names the columns of t that hold something in some row but that the mapping leaves out, in the
// order of the file, so an import can say what it did not take.
func (m Mapping) Unused(t *Table) []string {
	return unusedColumns(t, func(i int) bool { return i < len(m) && m[i] != Ignore })
}

// normalise folds case and accents, turns punctuation into spaces and drops numbers, so "E-mail 1 - Value"
// becomes "e mail value".
func normalise(header string) string {
	words := strings.FieldsFunc(data.Fold(header), func(r rune) bool { return !unicode.IsLetter(r) })
	return strings.Join(words, " ")
}
