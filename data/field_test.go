package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func field(name string, t FieldType) *FieldDefinition {
	return &FieldDefinition{Meta: Meta{ID: FieldID(KindPartner, name)}, Name: name, For: KindPartner, Type: t}
}

func TestEachFieldTypeReadsWhatPeopleTypeAndRefusesTheRest(t *testing.T) {
	colours := field("Colours", FieldChoices)
	colours.Choices = []string{"Red", "Green", "Blue"}
	ward := field("Ward", FieldChoice)
	ward.Choices = []string{"North", "Saint-Étienne"}
	for _, c := range []struct {
		field      *FieldDefinition
		typed      string
		want       string // "" with ok: nothing stored
		refused    bool
		wantOnLine string
	}{
		{field: field("Charity number", FieldText), typed: "  1234567 ", want: "1234567"},
		{field: field("Charity number", FieldText), typed: strings.Repeat("x", 301), refused: true},
		{field: field("History", FieldLongText), typed: "one\ntwo", want: "one\ntwo"},
		{field: field("Volunteers", FieldNumber), typed: "1,250.5", want: "1250.5"},
		{field: field("Volunteers", FieldNumber), typed: "twelve", refused: true},
		{field: field("Volunteers", FieldNumber), typed: "NaN", refused: true},
		{field: field("Grant", FieldAmount), typed: "1250.5", want: "1250.50"},
		{field: field("Grant", FieldAmount), typed: "-5", refused: true},
		{field: field("Grant", FieldAmount), typed: "20000000000", refused: true},
		{field: field("Insurance expires", FieldDate), typed: "2027-01-15", want: "2027-01-15"},
		{field: field("Insurance expires", FieldDate), typed: "15/01/2027", want: "2027-01-15"},
		{field: field("Insurance expires", FieldDate), typed: "2027-02-30", refused: true},
		{field: field("Insurance expires", FieldDate), typed: "next week", refused: true},
		{field: field("Safeguarding policy", FieldYesNo), typed: "TRUE", want: Yes},
		{field: field("Safeguarding policy", FieldYesNo), typed: "n", want: No},
		{field: field("Safeguarding policy", FieldYesNo), typed: "maybe", refused: true},
		{field: ward, typed: "saint-etienne", want: "Saint-Étienne"},
		{field: ward, typed: "South", refused: true},
		{field: colours, typed: "blue; red|Blue", want: "Red\nBlue"},
		{field: colours, typed: "Red; Purple", refused: true},
		{field: field("Funder", FieldPartner), typed: "some-id", want: "some-id"},
		{field: field("Anything", FieldText), typed: "   ", want: ""},
	} {
		t.Run(fmt.Sprintf("%s %q", c.field.Type, c.typed), func(t *testing.T) {
			got, p := c.field.Value(c.typed)
			if c.refused {
				if p == nil {
					t.Fatalf("%q was read as %q; want it refused", c.typed, got)
				}
				if p.Field != "custom:"+c.field.ID || !strings.Contains(p.Text(), c.field.Name) {
					t.Errorf("the problem %q (field %s) does not name the field", p.Text(), p.Field)
				}
				return
			}
			if p != nil || got != c.want {
				t.Fatalf("%q read as %q, %v; want %q", c.typed, got, p, c.want)
			}
			if got != "" && !c.field.Holds(got) {
				t.Errorf("the field cannot hold %q, which it read itself", got)
			}
		})
	}
}

func TestTwoLaptopsAddingTheSameFieldMakeOneID(t *testing.T) {
	if FieldID(KindPartner, "Charity number") != FieldID(KindPartner, "  charity   NUMBER ") {
		t.Error("case and spacing made two fields")
	}
	if FieldID(KindPartner, "Número de caridad") != FieldID(KindPartner, "numero de caridad") {
		t.Error("accents made two fields")
	}
	if FieldID(KindPartner, "Charity number") == FieldID(KindActivity, "Charity number") {
		t.Error("the same name on two kinds of record is one field")
	}
	if ps := IDProblems(KindField, FieldID(KindPartner, "Charity number")); len(ps) > 0 {
		t.Errorf("a field's ID breaks the ID rule: %v", ps)
	}
}

func TestFieldDefinitionsAreChecked(t *testing.T) {
	ok := field("Ward", FieldChoice)
	ok.Choices = []string{"North", "South"}
	if err := ok.Validate(); err != nil {
		t.Fatalf("a sound field: %v", err)
	}
	for name, spoil := range map[string]func(d *FieldDefinition){
		"no name":               func(d *FieldDefinition) { d.Name = " " },
		"no choices":            func(d *FieldDefinition) { d.Choices = nil },
		"a choice twice":        func(d *FieldDefinition) { d.Choices = []string{"North", "north"} },
		"an empty choice":       func(d *FieldDefinition) { d.Choices = []string{"North", ""} },
		"an unknown type":       func(d *FieldDefinition) { d.Type = "colour" },
		"a kind without fields": func(d *FieldDefinition) { d.For = KindPrint },
		"a reminder on a list":  func(d *FieldDefinition) { d.RemindDays = 30 },
		"a reminder too far":    func(d *FieldDefinition) { d.Type, d.RemindDays = FieldDate, 400 },
		"a bad language code":   func(d *FieldDefinition) { d.Names = map[string]string{"x": "Barrio"} },
	} {
		d := Clone(ok)
		spoil(d)
		if d.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestCustomValuesAreCheckedAgainstTheirFields(t *testing.T) {
	number := field("Charity number", FieldText)
	number.Required = true
	insurance := field("Insurance expires", FieldDate)
	funder := field("Funder", FieldPartner)
	gone := field("Old field", FieldNumber)
	gone.Deleted = true
	p := partner("Library")
	v := NewMemory(number, insurance, funder, gone, p)

	problems := func() []string {
		var out []string
		for _, pr := range CustomProblems(v, p, "en") {
			out = append(out, pr.Field)
		}
		return out
	}
	if got := problems(); !slices.Equal(got, []string{"custom:" + number.ID}) {
		t.Errorf("a required field left empty: problems %v", got)
	}
	p.SetCustomValue(number.ID, strings.Repeat("1", 301))
	p.SetCustomValue(insurance.ID, "soon") // kept from when the field was text: shown beside the input, not refused
	p.SetCustomValue(funder.ID, "no-such-partner")
	p.SetCustomValue(gone.ID, "not a number") // a removed field's value is kept, and not judged
	if got := problems(); !slices.Equal(got, []string{"custom:" + number.ID, "custom:" + funder.ID}) {
		t.Errorf("a text too long and a link to no partner: problems %v", got)
	}
	p.SetCustomValue(number.ID, "1234")
	p.SetCustomValue(insurance.ID, "2027-01-15")
	p.SetCustomValue(funder.ID, p.ID)
	if got := problems(); len(got) > 0 {
		t.Errorf("sound values: problems %v", got)
	}
	p.SetCustomValue(number.ID, "")
	if _, ok := p.Custom[number.ID]; ok {
		t.Error("emptying a value kept it in the record")
	}
	if err := p.Validate(); err != nil {
		t.Errorf("the partner with its values: %v", err)
	}
	p.Custom["a/b"] = "x"
	if p.Validate() == nil {
		t.Error("a value kept under a key no field can have was accepted")
	}
}

func TestAPartnerWithoutCustomValuesEncodesAsBefore(t *testing.T) {
	p := partner("Library")
	p.SetCustomValue("field-1", "x")
	p.SetCustomValue("field-1", "")
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "custom") {
		t.Errorf("a partner with no custom values gained a custom key: %s", b)
	}
	p.Contacts = []Contact{{ID: "c1", Name: "Ana"}}
	p.Contacts[0].SetCustomValue("field-1", "x")
	p.Contacts[0].SetCustomValue("field-1", "")
	if b, _ := json.Marshal(p); strings.Contains(string(b), "custom") {
		t.Errorf("a contact with no custom values gained a custom key: %s", b)
	}
}

func TestCustomDatesRemindAcrossTheYearEnd(t *testing.T) {
	insurance := field("Insurance expires", FieldDate)
	insurance.RemindDays = 30
	unreminded := field("Founded", FieldDate)
	p := partner("Library")
	p.SetCustomValue(insurance.ID, "2027-01-09")
	p.SetCustomValue(unreminded.ID, "2026-12-20")
	v := NewMemory(insurance, unreminded, p)
	about := func(today Date) []Reminder {
		return slices.DeleteFunc(Reminders(v, today), func(r Reminder) bool { return r.Kind != RemindField })
	}
	if got := about(NewDate(2026, 12, 9)); len(got) > 0 {
		t.Errorf("31 days before: %+v", got)
	}
	got := about(NewDate(2026, 12, 10))
	if len(got) != 1 || got[0].Field != insurance || got[0].Date != NewDate(2027, 1, 9) || got[0].Target != (Ref{KindPartner, p.ID}) || got[0].Title != "Library" {
		t.Fatalf("30 days before, in the year before: %+v", got)
	}
	if got := about(NewDate(2027, 2, 1)); len(got) != 1 {
		t.Errorf("a lapsed insurance no longer reminds: %+v", got)
	}
	insurance.Deleted = true
	if got := about(NewDate(2026, 12, 20)); len(got) > 0 {
		t.Errorf("a removed field reminds: %+v", got)
	}
}

func TestValuesShowInTheReadersLanguage(t *testing.T) {
	v := NewMemory(&Organisation{Meta: Meta{ID: OrganisationID}, Currency: "EUR"})
	w := fakeSpeech{}
	colours := field("Colours", FieldChoices)
	colours.Choices = []string{"Red", "Blue"}
	lib := partner("Library")
	v.Add(lib)
	for _, c := range []struct {
		field       *FieldDefinition
		value, want string
	}{
		{field("Insurance expires", FieldDate), "2027-01-09", "9/1/2027"},
		{field("Grant", FieldAmount), "1250.50", "EUR 1250.50"},
		{field("Volunteers", FieldNumber), "12.5", "n12.5"},
		{field("Safeguarding policy", FieldYesNo), Yes, "[yes]"},
		{colours, "Red\nBlue", "Red, Blue"},
		{field("Funder", FieldPartner), lib.ID, "Library"},
		{field("Insurance expires", FieldDate), "soon", "soon"}, // kept from a field of another type
	} {
		if got := c.field.Show(v, c.value, w); got != c.want {
			t.Errorf("%s %q shows as %q; want %q", c.field.Type, c.value, got, c.want)
		}
	}
}

type fakeSpeech struct{}

func (fakeSpeech) T(key string, args ...any) string { return "[" + fmt.Sprintf(key, args...) + "]" }
func (fakeSpeech) LongDate(y int, m time.Month, d int) string {
	return fmt.Sprintf("%d/%d/%d", d, m, y)
}
func (fakeSpeech) Number(v float64, _ int, _ bool) string { return fmt.Sprintf("n%v", v) }
func (fakeSpeech) Amount(plain, currency string) string   { return currency + " " + plain }

func TestAFieldRenamedLeavesItsFirstNameFree(t *testing.T) {
	v := NewMemory()
	first := NewFieldID(v, KindPartner, "Charity number")
	if first != FieldID(KindPartner, "Charity number") {
		t.Fatalf("a new field's ID is not the one every laptop gives it: %s", first)
	}
	d := field("Registered charity number", FieldText)
	d.ID = first
	v.Add(d)
	if again := NewFieldID(v, KindPartner, "Charity Number"); again == first {
		t.Error("a new field takes the ID of one renamed since")
	}
	d.Name = "charity number"
	if again := NewFieldID(v, KindPartner, "Charity Number"); again != first {
		t.Errorf("a field named the same again is not met again: %s", again)
	}
}

func TestChangingATypeConvertsWhatConverts(t *testing.T) {
	council := partner("Riverside Council")
	v := NewMemory(council)
	ward := field("Ward", FieldChoices)
	ward.Choices = []string{"North", "South"}
	for _, c := range []struct {
		from, to  *FieldDefinition
		value     string
		want      string
		converted bool
	}{
		{field("Volunteers", FieldText), field("Volunteers", FieldNumber), "12", "12", true},
		{field("Volunteers", FieldText), field("Volunteers", FieldNumber), "a dozen", "", false},
		{field("Grant", FieldNumber), field("Grant", FieldAmount), "1250.5", "1250.50", true},
		{field("Grant", FieldAmount), field("Grant", FieldNumber), "1250.50", "1250.5", true},
		{field("Expires", FieldText), field("Expires", FieldDate), "09/01/2027", "2027-01-09", true},
		{field("Expires", FieldDate), field("Expires", FieldText), "2027-01-09", "2027-01-09", true},
		{field("Policy", FieldText), field("Policy", FieldYesNo), "Yes", Yes, true},
		{field("Policy", FieldYesNo), field("Policy", FieldText), No, No, true},
		{field("Ward", FieldText), ward, "north", "North", true},
		{field("Ward", FieldText), ward, "East", "", false},
		{ward, field("Ward", FieldText), "North\nSouth", "North; South", true},
		{ward, field("Ward", FieldLongText), "North\nSouth", "North; South", true},
		{field("History", FieldLongText), field("History", FieldText), "one\ntwo", "", false},
		{field("Funder", FieldText), field("Funder", FieldPartner), "riverside council", council.ID, true},
		{field("Funder", FieldText), field("Funder", FieldPartner), "Nobody", "", false},
		{field("Funder", FieldPartner), field("Funder", FieldText), council.ID, "Riverside Council", true},
	} {
		got, ok := c.to.Convert(v, c.from, c.value)
		if ok != c.converted || ok && got != c.want {
			t.Errorf("%s %q to %s: %q, %v; want %q, %v", c.from.Type, c.value, c.to.Type, got, ok, c.want, c.converted)
		}
	}
}

func TestRetypeCopiesWhatConvertsAndNamesTheRest(t *testing.T) {
	was := field("Volunteers", FieldText)
	now := Clone(was)
	now.Type = FieldNumber
	a, b, c, d := partner("A"), partner("B"), partner("C"), partner("D")
	a.SetCustomValue(was.ID, "12")
	b.SetCustomValue(was.ID, "a dozen")
	c.SetCustomValue(was.ID, "7")
	v := NewMemory(was, a, b, c, d)
	converted, kept := Retype(v, was, now)
	if len(converted) != 0 || len(kept) != 1 || kept[0].Title() != "B" {
		t.Fatalf("from text to number: converted %d, kept %v", len(converted), kept)
	}
	now.Type = FieldAmount
	converted, _ = Retype(v, was, now)
	if len(converted) != 2 || converted[0].CustomValues()[was.ID] != "12.00" || a.Custom[was.ID] != "12" {
		t.Fatalf("from text to amount: %v; the stored partner now holds %q", converted, a.Custom[was.ID])
	}
}

func TestProblemsNameTheFieldInTheReadersLanguage(t *testing.T) {
	ward := field("Ward", FieldText)
	ward.Required, ward.Names = true, map[string]string{"es": "Barrio"}
	p := partner("Library")
	v := NewMemory(ward, p)
	if got := CustomProblems(v, p, "es"); len(got) != 1 || got[0].Args[0] != "Barrio" {
		t.Errorf("in Spanish: %+v", got)
	}
	if got := CustomProblems(v, p, "fr"); len(got) != 1 || got[0].Args[0] != "Ward" {
		t.Errorf("in French, with no French name: %+v", got)
	}
}

func contactField(name string, t FieldType) *FieldDefinition {
	return &FieldDefinition{Meta: Meta{ID: FieldID(KindContact, name)}, Name: name, For: KindContact, Type: t}
}

// A partner's volunteers each carry their own DBS check: a required field on contacts is asked of every
// contact, naming the one it is missing from, and a link to a partner gone is refused there too.
func TestAContactsValuesAreCheckedWithItsPartner(t *testing.T) {
	dbs := contactField("DBS check expires", FieldDate)
	dbs.Required = true
	mentor := contactField("Mentor", FieldPartner)
	p := partner("Library")
	p.Contacts = []Contact{{ID: "c1", Name: "Ana"}, {ID: "c2", Name: "Ben"}}
	p.Contacts[0].SetCustomValue(dbs.ID, "2027-03-01")
	v := NewMemory(dbs, mentor, p)
	got := CustomProblems(v, p, "en")
	if len(got) != 1 || got[0].Field != "custom:"+dbs.ID || got[0].Args[0] != "DBS check expires (Ben)" {
		t.Fatalf("one contact without the date: %+v", got)
	}
	p.Contacts[1].SetCustomValue(dbs.ID, "2027-04-01")
	p.Contacts[1].SetCustomValue(mentor.ID, "no-such-partner")
	if got := CustomProblems(v, p, "en"); len(got) != 1 || got[0].Field != "custom:"+mentor.ID {
		t.Fatalf("a contact linked to no partner: %+v", got)
	}
	p.Contacts[1].SetCustomValue(mentor.ID, p.ID)
	if got := CustomProblems(v, p, "en"); len(got) > 0 {
		t.Fatalf("sound values: %+v", got)
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("the partner with its contacts' values: %v", err)
	}
	p.Contacts[0].Custom["a/b"] = "x"
	if p.Validate() == nil {
		t.Error("a contact's value under a key no field can have was accepted")
	}
	delete(p.Contacts[0].Custom, "a/b")
	if found := p.SearchText(); !slices.Contains(found, "2027-04-01") {
		t.Errorf("a contact's value is not searched: %v", found)
	}
}

// DBS-check expiry dates for a partner's volunteers remind as a partner's own dates do, naming the contact
// and its partner, and opening the partner.
func TestAContactsDateReminds(t *testing.T) {
	dbs := contactField("DBS check expires", FieldDate)
	dbs.RemindDays = 30
	p := partner("Library")
	p.Contacts = []Contact{{ID: "c1", Name: "Ana"}, {ID: "c2", Name: "Ben"}}
	p.Contacts[1].SetCustomValue(dbs.ID, "2027-01-09")
	v := NewMemory(dbs, p)
	var got []Reminder
	for _, r := range Reminders(v, NewDate(2026, 12, 10)) {
		if r.Kind == RemindField {
			got = append(got, r)
		}
	}
	if len(got) != 1 || got[0].Field != dbs || got[0].Title != "Ben (Library)" || got[0].Target != (Ref{KindPartner, p.ID}) || got[0].Date != NewDate(2027, 1, 9) {
		t.Fatalf("reminders %+v", got)
	}
	if dates := RemindedDates(v); len(dates) != 1 || dates[0].ID() != p.ID+"-c2" {
		t.Fatalf("reminded dates %+v", dates)
	}
}

// Changing a contact field's type converts each contact's value in one copy of the partner, and names the
// partner whose contact holds a value that does not convert.
func TestRetypingAContactsFieldConvertsEachContact(t *testing.T) {
	was := contactField("Hours a week", FieldText)
	now := Clone(was)
	now.Type = FieldAmount
	a, b := partner("A"), partner("B")
	a.Contacts = []Contact{{ID: "c1", Name: "Ana"}, {ID: "c2", Name: "Ben"}}
	a.Contacts[0].SetCustomValue(was.ID, "4")
	a.Contacts[1].SetCustomValue(was.ID, "6")
	b.Contacts = []Contact{{ID: "c3", Name: "Cy", Custom: map[string]string{was.ID: "some"}}}
	v := NewMemory(was, a, b)
	converted, kept := Retype(v, was, now)
	if len(kept) != 1 || kept[0].Title() != "B" {
		t.Fatalf("kept %v", kept)
	}
	if len(converted) != 1 {
		t.Fatalf("converted %d copies", len(converted))
	}
	c := converted[0].(*Partner)
	if c.Contacts[0].Custom[was.ID] != "4.00" || c.Contacts[1].Custom[was.ID] != "6.00" || a.Contacts[0].Custom[was.ID] != "4" {
		t.Fatalf("converted %v; the stored partner holds %v", c.Contacts, a.Contacts)
	}
}

// Agreements and evaluations carry the group's own fields as other records do: checked against their
// fields, searched, and their dates reminding — an evaluation's named by its agreement, as its own title is
// only its date.
func TestAgreementsAndEvaluationsTakeFieldsOfTheirOwn(t *testing.T) {
	grant := &FieldDefinition{Meta: Meta{ID: FieldID(KindAgreement, "Grant reference")}, Name: "Grant reference", For: KindAgreement,
		Type: FieldText, Required: true}
	visit := &FieldDefinition{Meta: Meta{ID: FieldID(KindEvaluation, "Follow-up visit")}, Name: "Follow-up visit", For: KindEvaluation,
		Type: FieldDate, RemindDays: 7}
	a := &Agreement{Meta: Meta{ID: "a1"}, Name: "Homework club"}
	e := &Evaluation{Meta: Meta{ID: "e1"}, AgreementID: a.ID, Date: NewDate(2026, 11, 1)}
	v := NewMemory(grant, visit, a, e)
	if got := CustomProblems(v, a, "en"); len(got) != 1 || got[0].Field != "custom:"+grant.ID {
		t.Fatalf("an agreement without its required field: %+v", got)
	}
	a.SetCustomValue(grant.ID, "GR-2026-14")
	if got := CustomProblems(v, a, "en"); len(got) > 0 {
		t.Fatalf("an agreement with its field: %+v", got)
	}
	if !slices.Contains(a.SearchText(), "GR-2026-14") {
		t.Error("an agreement's value is not searched")
	}
	e.SetCustomValue(visit.ID, "2026-12-10")
	if !slices.Contains(e.SearchText(), "2026-12-10") {
		t.Error("an evaluation's value is not searched")
	}
	var got []Reminder
	for _, r := range Reminders(v, NewDate(2026, 12, 3)) {
		if r.Kind == RemindField {
			got = append(got, r)
		}
	}
	if len(got) != 1 || got[0].Title != "Homework club" || got[0].Target != (Ref{KindEvaluation, e.ID}) {
		t.Fatalf("reminders %+v", got)
	}
	for _, r := range []Customised{a, e} {
		r.CustomValues()["a/b"] = "x"
		var verr *ValidationError
		if !errors.As(r.Validate(), &verr) || !slices.ContainsFunc(verr.Problems, func(p Problem) bool { return p.Field == "custom" }) {
			t.Errorf("a %s's value under a key no field can have was accepted", r.Kind())
		}
	}
}
