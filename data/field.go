package data

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FieldType is what a custom field holds, and so how it is typed, checked, shown and converted.
type FieldType string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	FieldText     FieldType = "text"
	FieldLongText FieldType = "long text"
	FieldNumber   FieldType = "number"
	FieldAmount   FieldType = "amount"
	FieldDate     FieldType = "date"
	FieldYesNo    FieldType = "yes or no"
	FieldChoice   FieldType = "one choice from a list"
	FieldChoices  FieldType = "several choices from a list"
	FieldPartner  FieldType = "link to a partner"
)

var FieldTypes = []FieldType{FieldText, FieldLongText, FieldNumber, FieldAmount, FieldDate, FieldYesNo, FieldChoice,
	FieldChoices, FieldPartner}

// KindContact is what fields on a partner's contacts belong to. Contacts are kept inside their partner, not
// as records of their own: their values travel, sync and export with it.
const KindContact Kind = "contacts"

// FieldKinds are the kinds of record a group can add fields to: those whose editors, exports and
// documents show them.
var FieldKinds = []Kind{KindPartner, KindContact, KindAgreement, KindEvaluation, KindActivity, KindNeed}

// The stored words of a yes-or-no value: the same in every language, so a value means one thing on every
// laptop and in every export.
// i18n:keys: shown translated, so each string here is a translation key.
const (
	Yes = "yes"
	No  = "no"
)

// Limits of a field definition.
const (
	MaxFieldChoices = 200
	MaxRemindDays   = 366
	// MaxCustomValues bounds how many custom values one record carries, removed fields' included.
	MaxCustomValues = 500
)

// FieldDefinition is a field a group adds to one kind of record — "Charity number" on partners — with its
// type, whether it must be filled in, where it sits among the others, whether documents print it and, for a
// date, how many days before it to remind. Its ID comes from the kind and the name it was first given (see
// FieldID), so two laptops that each add "Charity number" to partners make the one same field, which sync
// then treats as any other record edited on two laptops. Renaming keeps the ID, and so the values.
type FieldDefinition struct {
	Meta
	Name string `json:"name"`
	// Names holds the name in other languages, by language code ("es", "fr"); Name is shown where there
	// is none.
	Names map[string]string `json:"names,omitempty"`
	For   Kind              `json:"for"`
	Type  FieldType         `json:"type"`
	// Choices are the entries of a one- or several-choice field, in the order they are offered.
	Choices  []string `json:"choices,omitempty"`
	Required bool     `json:"required,omitempty"`
	// Order places the field among the kind's others: lower first, then by name.
	Order int  `json:"order,omitempty"`
	Print bool `json:"print,omitempty"`
	// RemindDays, for a date, puts a reminder on the dashboard and an alarm in the calendar that many days
	// before the date; 0 reminds of nothing.
	RemindDays int `json:"remind_days,omitempty"`
}

func (d *FieldDefinition) Kind() Kind           { return KindField }
func (d *FieldDefinition) Title() string        { return d.Name }
func (d *FieldDefinition) References() []Ref    { return nil }
func (d *FieldDefinition) SearchText() []string { return []string{d.Name} }

func (d *FieldDefinition) Validate() error {
	var ps problems
	ps.required("name", d.Name, "Give the field a name.")
	ps.short("name", d.Name, "The name")
	for _, lang := range slices.Sorted(maps.Keys(d.Names)) {
		if len(lang) < 2 || len(lang) > 8 {
			ps.add("names", "%s is not a language code, like es or fr.", lang)
		}
		ps.short("names", d.Names[lang], "The name")
	}
	oneOf(&ps, "for", d.For, FieldKinds, "kind of record")
	oneOf(&ps, "type", d.Type, FieldTypes, "type of field")
	if d.chooses() && len(d.Choices) == 0 {
		ps.add("choices", "List the choices, one a line.")
	}
	if len(d.Choices) > MaxFieldChoices {
		ps.add("choices", "Keep the list to 200 choices or fewer.")
	}
	seen := map[string]bool{}
	for _, c := range d.Choices {
		switch {
		case strings.TrimSpace(c) == "" || strings.Contains(c, "\n"):
			ps.add("choices", "Each choice needs some words of its own, on one line.")
		case seen[Fold(c)]:
			ps.add("choices", "%s is in the list twice.", c)
		}
		seen[Fold(c)] = true
		ps.short("choices", c, "A choice")
	}
	if d.RemindDays < 0 || d.RemindDays > MaxRemindDays {
		ps.add("remind_days", "Remind between 1 and 366 days before, or not at all.")
	}
	if d.RemindDays != 0 && d.Type != FieldDate {
		ps.add("remind_days", "Only a date can remind you before it.")
	}
	return ps.err()
}

func (d *FieldDefinition) chooses() bool { return d.Type == FieldChoice || d.Type == FieldChoices }

// FieldID is the ID of a field first named name on records of kind k: the same on every laptop, so that
// two laptops adding the same field meet as one. Case and accents do not count ("Charity Number" is
// "charity number").
func FieldID(k Kind, name string) string {
	sum := sha256.Sum256([]byte(string(k) + "\x00" + Fold(strings.Join(strings.Fields(name), " "))))
	return "field-" + hex.EncodeToString(sum[:10])
}

// Label is the field's name in a language: what the group typed for it, else its name.
func (d *FieldDefinition) Label(lang string) string {
	if n := strings.TrimSpace(d.Names[lang]); n != "" {
		return n
	}
	return d.Name
}

// problemField names a custom field in a record's problems, so a form can show them by the field.
func (d *FieldDefinition) problemField() string { return "custom:" + d.ID }

// Valued carries custom values, keyed by their field's ID: a record, or a partner's contact.
type Valued interface {
	CustomValues() map[string]string
	SetCustomValue(id, value string)
}

// Customised is a record that carries custom values.
type Customised interface {
	Record
	Valued
}

// HolderKind is the kind of record that keeps the values of fields for k: a contact's are in its partner.
func HolderKind(k Kind) Kind {
	if k == KindContact {
		return KindPartner
	}
	return k
}

// ValuesIn is what holds the values of fields for k in r, a record of HolderKind(k): r itself, or each of
// a partner's contacts.
func ValuesIn(r Record, k Kind) []Valued {
	if k != KindContact {
		return []Valued{r.(Valued)}
	}
	p := r.(*Partner)
	out := make([]Valued, len(p.Contacts))
	for i := range p.Contacts {
		out[i] = &p.Contacts[i]
	}
	return out
}

// setCustom sets or, for an empty value, removes one value of a record's custom map.
func setCustom(m *map[string]string, id, value string) {
	if value == "" {
		delete(*m, id)
		return
	}
	if *m == nil {
		*m = map[string]string{}
	}
	(*m)[id] = value
}

// customProblems checks what a record's custom map may hold whatever its fields say: keys that could be
// IDs, values no longer than a long text, and not too many. What each value means is checked against its
// field (see CustomProblems): a record arriving from another laptop may hold values of a field this one has
// not heard of yet, and keeps them.
func customProblems(ps *problems, m map[string]string) {
	if len(m) > MaxCustomValues {
		ps.add("custom", "A record can hold at most 500 custom values.")
	}
	for _, id := range slices.Sorted(maps.Keys(m)) {
		if len(IDProblems(KindField, id)) > 0 {
			ps.add("custom", "A custom value belongs to no field that can exist.")
		}
		ps.long("custom", m[id], "A custom value")
	}
}

// customText is a record's custom values for its search text, in the order of their fields' IDs.
func customText(m map[string]string) []string {
	var out []string
	for _, id := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[id])
	}
	return out
}

// Fields lists the live fields of a kind of record, in their order.
func Fields(v View, k Kind) []*FieldDefinition {
	var out []*FieldDefinition
	for _, d := range List[FieldDefinition](v) {
		if d.For == k {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b *FieldDefinition) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(Fold(a.Name), Fold(b.Name)), strings.Compare(a.ID, b.ID))
	})
	return out
}

// CustomProblems checks a record's custom values (and a partner's, its contacts') against the live fields
// of its kind: the required ones filled in, texts within their length, and links to partners still there —
// each naming its field as it is called in the language lang, and the contact it is missing from.
func CustomProblems(v View, r Customised, lang string) []Problem {
	ps := valueProblems(v, r.Kind(), r.CustomValues(), lang, "")
	if p, ok := r.(*Partner); ok {
		for i, c := range p.Contacts {
			ps = append(ps, valueProblems(v, KindContact, c.Custom, lang, cmp.Or(c.Name, strconv.Itoa(i+1)))...)
		}
	}
	return ps
}

// valueProblems checks the values of fields for k; in, when not empty, names the contact that holds them.
func valueProblems(v View, k Kind, values map[string]string, lang, in string) []Problem {
	var ps problems
	for _, d := range Fields(v, k) {
		label := d.Label(lang)
		if in != "" {
			label += " (" + in + ")"
		}
		value := values[d.ID]
		if value == "" {
			if d.Required {
				ps.add(d.problemField(), "Fill in %s.", label)
			}
			continue
		}
		// A value the field's type cannot read was kept when the type changed (see Retype): the editor
		// shows it beside the input, to replace when someone can. A text too long is typed, and fixed now.
		text := d.Type == FieldText || d.Type == FieldLongText
		if text && !d.Holds(value) || d.Type == FieldPartner && Lookup[Partner](v, value) == nil {
			p := d.Unreadable()
			p.Args = []any{label}
			ps = append(ps, *p)
		}
	}
	return ps
}

// typeProblems say, for each type, what a value of it must be; %s is the field's name.
// i18n:keys: shown translated, so each string here is a translation key.
var typeProblems = map[FieldType]string{
	FieldText:     "%s holds one line of text: keep it under 300 characters.",
	FieldLongText: "%s is too long: keep it under 100,000 characters.",
	FieldNumber:   "%s takes a number, like 25 or 2.5.",
	FieldAmount:   "%s takes an amount of money, like 250 or 1250.50.",
	FieldDate:     "%s takes a date.",
	FieldYesNo:    "%s takes yes or no.",
	FieldChoice:   "Choose %s from its list.",
	FieldChoices:  "%s holds a choice that is not on its list.",
	FieldPartner:  "%s links to a partner no longer in Accord: choose another.",
}

// Unreadable is the problem of a value the field cannot hold: what a value of its type must be.
func (d *FieldDefinition) Unreadable() *Problem {
	return &Problem{Field: d.problemField(), Message: typeProblems[d.Type], Args: []any{d.Name}}
}

// Holds is true when the field can hold the stored value. (Whether a linked partner exists is a question
// for the view: see CustomProblems.)
func (d *FieldDefinition) Holds(value string) bool {
	switch d.Type {
	case FieldText, FieldPartner:
		return utf8.RuneCountInString(value) <= maxShortText && !strings.Contains(value, "\n")
	case FieldLongText:
		return utf8.RuneCountInString(value) <= maxLongText
	case FieldNumber:
		_, err := parseNumber(value)
		return err == nil
	case FieldAmount:
		m, err := ParseMoney(value)
		return err == nil && m >= 0 && m < MaxMoney
	case FieldDate:
		_, err := ParseDate(value)
		return err == nil
	case FieldYesNo:
		return value == Yes || value == No
	case FieldChoice:
		return slices.Contains(d.Choices, value)
	case FieldChoices:
		for _, c := range strings.Split(value, "\n") {
			if !slices.Contains(d.Choices, c) {
				return false
			}
		}
	}
	return true
}

func parseNumber(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err == nil && (v != v || v > 1e15 || v < -1e15) { // NaN, or beyond what prints as typed
		err = strconv.ErrRange
	}
	return v, err
}

// Value reads what a person typed or a spreadsheet holds for the field into the value Accord stores:
// a number or amount with a point for decimals, a date as YYYY-MM-DD (or DD/MM/YYYY), yes or no (true,
// false, 1, 0 and y, n too, in any case), a choice as listed (whatever its case), several choices one a line
// (or separated by ; or |). It returns the problem when the text does not read.
func (d *FieldDefinition) Value(text string) (string, *Problem) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", nil
	}
	var value string
	switch d.Type {
	case FieldNumber:
		if v, err := parseNumber(strings.ReplaceAll(text, ",", "")); err == nil {
			value = strconv.FormatFloat(v, 'f', -1, 64)
		}
	case FieldAmount:
		if m, err := ParseMoney(text); err == nil {
			value = m.String()
		}
	case FieldDate:
		value = readDate(text)
	case FieldYesNo:
		switch strings.ToLower(text) {
		case "yes", "y", "true", "1":
			value = Yes
		case "no", "n", "false", "0":
			value = No
		}
	case FieldChoice:
		value = d.choiceNamed(text)
	case FieldChoices:
		var picked []string
		for _, c := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ';' || r == '|' }) {
			if c = d.choiceNamed(strings.TrimSpace(c)); c == "" {
				return "", d.Unreadable()
			}
			if !slices.Contains(picked, c) {
				picked = append(picked, c)
			}
		}
		value = strings.Join(d.ordered(picked), "\n")
	default:
		value = text
	}
	if value == "" || !d.Holds(value) {
		return "", d.Unreadable()
	}
	return value, nil
}

// readDate reads YYYY-MM-DD or DD/MM/YYYY into YYYY-MM-DD, or "" when it is neither.
func readDate(s string) string {
	for _, layout := range []string{dateLayout, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t).String()
		}
	}
	return ""
}

// choiceNamed is the field's choice with the name, whatever its case and accents, or "".
func (d *FieldDefinition) choiceNamed(name string) string {
	for _, c := range d.Choices {
		if Fold(c) == Fold(name) {
			return c
		}
	}
	return ""
}

// ordered puts picked choices in the order the field lists them, so the same choices store the same.
func (d *FieldDefinition) ordered(picked []string) []string {
	return slices.DeleteFunc(slices.Clone(d.Choices), func(c string) bool { return !slices.Contains(picked, c) })
}

// Speech is what a field's value needs to be shown in a language; i18n.Lang has it.
type Speech interface {
	T(key string, args ...any) string
	LongDate(year int, month time.Month, day int) string
	Number(v float64, decimals int, group bool) string
	Amount(plain, currency string) string
}

// Show is a stored value as a person reads it in w's language: a date written out, an amount with the
// group's currency, yes or no translated, the partner linked to named. A value the field cannot read
// (stored by a laptop that changed the field's type) shows as stored.
func (d *FieldDefinition) Show(v View, value string, w Speech) string {
	if value == "" || !d.Holds(value) {
		return value
	}
	switch d.Type {
	case FieldNumber:
		f, _ := parseNumber(value)
		return w.Number(f, -1, true)
	case FieldAmount:
		return w.Amount(value, v.Organisation().Currency)
	case FieldDate:
		day, _ := ParseDate(value)
		return w.LongDate(day.Year, day.Month, day.Day)
	case FieldYesNo:
		return w.T(value)
	case FieldChoices:
		return strings.Join(strings.Split(value, "\n"), ", ")
	case FieldPartner:
		if p := Lookup[Partner](v, value); p != nil {
			return p.Name
		}
	}
	return value
}

// CustomLine is one custom field of a record with its value, as a document or a list shows it.
type CustomLine struct {
	Field *FieldDefinition
	Value string // stored
}

// CustomLines lists the filled-in values of live fields for k that r holds (a record of kind k, or a
// partner's contact), in the fields' order; with printed set, only those of fields marked to print on
// documents.
func CustomLines(v View, k Kind, r Valued, printed bool) []CustomLine {
	var out []CustomLine
	for _, d := range Fields(v, k) {
		if value := r.CustomValues()[d.ID]; value != "" && (d.Print || !printed) {
			out = append(out, CustomLine{d, value})
		}
	}
	return out
}

// RemindedDate is a date in a custom field that reminds before it, with the record that holds it and, for
// a contact's field, the contact.
type RemindedDate struct {
	Field   *FieldDefinition
	Record  Customised
	Contact *Contact
	Date    Date
	// Title names what the date belongs to: the record; a contact and its partner; an evaluation's
	// agreement or partner.
	Title string
}

// ID tells the dates of one field apart: the record's ID, and the contact's.
func (d RemindedDate) ID() string {
	if d.Contact != nil {
		return d.Record.Common().ID + "-" + d.Contact.ID
	}
	return d.Record.Common().ID
}

func remindedTitle(v View, r Record, contact *Contact) string {
	if contact != nil {
		return contact.Name + " (" + r.Title() + ")"
	}
	if e, ok := r.(*Evaluation); ok { // an evaluation's title is its date
		if subject := v.Record(e.SubjectOf()); subject != nil {
			return subject.Title()
		}
	}
	return r.Title()
}

// RemindedDates lists every date held in a live custom field that reminds, on live records.
func RemindedDates(v View) []RemindedDate {
	var out []RemindedDate
	for _, k := range FieldKinds {
		var fields []*FieldDefinition
		for _, d := range Fields(v, k) {
			if d.Type == FieldDate && d.RemindDays > 0 {
				fields = append(fields, d)
			}
		}
		if len(fields) == 0 {
			continue
		}
		for _, r := range v.Records(HolderKind(k)) {
			for _, values := range ValuesIn(r, k) {
				contact, _ := values.(*Contact)
				for _, d := range fields {
					if day, err := ParseDate(values.CustomValues()[d.ID]); err == nil && !day.IsZero() {
						out = append(out, RemindedDate{d, r.(Customised), contact, day, remindedTitle(v, r, contact)})
					}
				}
			}
		}
	}
	return out
}

// NewFieldID is the ID a field added now, named name on records of kind k, takes: FieldID, unless a field
// renamed since it was added holds that ID, in which case a number follows it. A field with the ID and
// the same name — live, or in the Trash with its values — is the one the caller meets again.
func NewFieldID(v View, k Kind, name string) string {
	base := FieldID(k, name)
	for i := 1; ; i++ {
		id := base
		if i > 1 {
			id = base + "-" + strconv.Itoa(i)
		}
		if d := Lookup[FieldDefinition](v, id); d == nil || FieldID(k, d.Name) == base {
			return id
		}
	}
}

// FieldTaken is the problem of adding a field under a name one of the kind already has.
func FieldTaken(existing *FieldDefinition) error {
	var ps problems
	ps.add("name", "There is already a field called %s.", existing.Name)
	return ps.err()
}

// Convert reads a stored value of the field from — the same field before its type changed — as a value of
// d's type: through its text as a person reads it (a linked partner by name, several choices separated by
// semicolons), as a spreadsheet cell is read. It says false when the value does not convert.
func (d *FieldDefinition) Convert(v View, from *FieldDefinition, value string) (string, bool) {
	text := value
	switch from.Type {
	case FieldPartner:
		if p := Lookup[Partner](v, value); p != nil {
			text = p.Name
		}
	case FieldChoices:
		text = strings.ReplaceAll(value, "\n", "; ")
	}
	if d.Type == FieldPartner {
		for _, p := range List[Partner](v) {
			if Fold(p.Name) == Fold(strings.TrimSpace(text)) {
				return p.ID, true
			}
		}
		return "", false
	}
	out, problem := d.Value(text)
	return out, problem == nil
}

// Retype works out what changing a field from was to now does to the records that hold a value of it:
// copies of those whose values convert, holding the converted values, and those with a value that does not
// (kept as it is, unseen while the field cannot read it). Nothing is written.
func Retype(v View, was, now *FieldDefinition) (converted, kept []Customised) {
	for _, r := range v.Records(HolderKind(was.For)) {
		var copied Customised
		unconverted := false
		for i, values := range ValuesIn(r, was.For) {
			value := values.CustomValues()[was.ID]
			if value == "" {
				continue
			}
			out, ok := now.Convert(v, was, value)
			switch {
			case !ok:
				unconverted = true
			case out != value:
				if copied == nil {
					copied = Clone(r.(Customised))
				}
				ValuesIn(copied, was.For)[i].SetCustomValue(was.ID, out)
			}
		}
		if unconverted {
			kept = append(kept, r.(Customised))
		}
		if copied != nil {
			converted = append(converted, copied)
		}
	}
	return converted, kept
}
