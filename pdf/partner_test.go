package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"accord/data"
	"accord/demo"
)

// profiled is the Athens partner of the evaluated fixture with a second contact, three offers, two more
// agreements (one active on the printed day, one expired), twelve past activities and a planned one.
func profiled(t *testing.T) (*data.Memory, *data.Partner) {
	t.Helper()
	s, a, _, _ := evaluated(t)
	p := data.Lookup[data.Partner](s, a.PartnerIDs()[0])
	p.Description, p.Website, p.FocusAreas = "A neighbourhood association in central Athens.", "https://syllogos.example", []string{"food", "youth"}
	p.Influence, p.Interest = 4, 5
	p.Contacts = append(p.Contacts, data.Contact{ID: "c2", Name: "Νίκος Αλεξίου", Role: "Ταμίας", Email: "nikos@syllogos.example", Language: "el"})
	p.Offers = []data.Offer{
		{Kind: data.ResourceSpace, Description: "Hall and kitchen", Value: 1250050},
		{Kind: data.ResourceVolunteers, Description: "Ten volunteers on Saturdays", Value: 249950},
		{Kind: data.ResourceExpertise, Description: "Greek cooking lessons"},
	}
	save(t, s, p)
	for _, x := range []*data.Agreement{
		{Name: "Summer meals 2025", Status: data.StatusSigned, Start: data.NewDate(2025, time.January, 1), End: data.NewDate(2025, time.December, 31)},
		{Name: "Summer meals 2022", Status: data.StatusSigned, Start: data.NewDate(2022, time.June, 1), End: data.NewDate(2022, time.August, 31)},
	} {
		x.AgreementKind = data.AgreementPartnership
		x.Parties = []data.Party{{Us: true, Responsibilities: "Cook."}, {PartnerID: p.ID, Responsibilities: "Host."}}
		save(t, s, x)
	}
	save(t, s, &data.Activity{ActivityKind: "event", Date: printedOn.AddDays(1), PartnerIDs: []string{p.ID}, Name: "Planned fair"})
	for i := range 12 {
		save(t, s, &data.Activity{ActivityKind: "meeting", Date: data.NewDate(2024, time.January, 10+i), PartnerIDs: []string{p.ID},
			Name: fmt.Sprintf("Steering meeting %d", i+1), Summary: "Planned the menu."})
	}
	return s, p
}

func TestPartnerProfileReadsBack(t *testing.T) {
	s, p := profiled(t)
	pdf, err := PartnerProfile(s, p, printedOn)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, pdf)
	text := words(run(t, pdf, "pdftotext", "-raw"))
	for _, want := range []string{"PARTNER PROFILE", "Σύλλογος Γειτονιάς Αθήνας", "A neighbourhood association in central Athens.",
		"Influence 4, interest 5 (out of 5)",
		"Ελένη Παπαδοπούλου Πρόεδρος — — Yes", "Νίκος Αλεξίου Ταμίας Speaks el nikos@syllogos.example —",
		"Value (EUR)", "Space Hall and kitchen 12,500.50", "Expertise Greek cooking lessons —", "Total 15,000.00",
		"Café and community kitchen partnership (2025–2027) Memorandum of understanding Sent for signature",
		"Summer meals 2025 Partnership agreement Active 1 January 2025 – 31 December 2025",
		"Summer meals 2022 Partnership agreement Expired",
		"Overall health 3.6 Worth discussing", "Evaluated on 5 March 2025",
		"Steering meeting 12", "Steering meeting 7"} {
		if !strings.Contains(text, want) {
			t.Errorf("the profile does not say %q", want)
		}
	}
	if strings.Contains(text, "Planned fair") {
		t.Error("an activity after the printed day is listed as recent")
	}
	if strings.Contains(text, "Νίκος Αλεξίου Ταμίας Speaks el nikos@syllogos.example — Yes") || regexp.MustCompile(`Steering meeting [1-6]\b`).MatchString(text) {
		t.Error("a contact who may not sign is marked, or a seventh-newest activity is listed")
	}

	if i, j := strings.Index(text, "Steering meeting 12"), strings.Index(text, "Steering meeting 11"); i < 0 || j < i {
		t.Error("the activities are not newest first")
	}
	wantHeadings(t, strings.Join(ps, "\n"), "1 About", "2 Contacts", "3 What they offer", "4 Agreements", "5 Partnership health", "6 Recent activities")
	run(t, pdf, "qpdf", "--check")
	embedded(t, pdf)
}

// A typical partner's profile is one page: of 40 demo partners, four in five.
func TestPartnerProfileFitsOnAPage(t *testing.T) {
	s := data.NewMemory(demo.Records(demo.Options{Partners: 40, Seed: 2, Today: demoToday}, demoToday.Time())...)
	one := 0
	for _, p := range data.List[data.Partner](s) {
		b, err := PartnerProfile(s, p, demoToday)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Count(b, []byte("/Type /Page\n")) == 1 {
			one++
		}
	}
	if one < 32 {
		t.Errorf("%d of 40 profiles fit on one page", one)
	}
}

func TestPartnerProfileOfANewPartnerIsShort(t *testing.T) {
	s, _ := fixture(t)
	p := &data.Partner{Name: "Asociación Nueva", PartnerKind: data.PartnerNonProfit, Stage: data.StageProspect}
	save(t, s, p)
	pdf, err := PartnerProfile(s, p, printedOn)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages(t, pdf), "\n")
	if !strings.Contains(text, "Asociación Nueva") || !strings.Contains(text, "Non-profit · Stage: prospect") {
		t.Errorf("the title block:\n%s", text)
	}
	for _, gone := range []string{"About", "Contacts", "What they offer", "Agreements", "Partnership health", "Recent activities"} {
		if strings.Contains(text, gone) {
			t.Errorf("a new partner's profile prints the empty section %q", gone)
		}
	}
}

// The group's own fields marked to print show on the profile and in the directory, written in the
// document's language; the others do not.
func TestTheGroupsOwnFieldsPrintWhenMarked(t *testing.T) {
	s, p := profiled(t)
	number := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Charity number")}, Name: "Charity number",
		For: data.KindPartner, Type: data.FieldText, Print: true}
	insurance := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Insurance expires")}, Name: "Insurance expires",
		For: data.KindPartner, Type: data.FieldDate, Print: true, Order: 1}
	secret := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Internal rating")}, Name: "Internal rating",
		For: data.KindPartner, Type: data.FieldNumber}
	save(t, s, number)
	save(t, s, insurance)
	save(t, s, secret)
	p.SetCustomValue(number.ID, "1098765")
	p.SetCustomValue(insurance.ID, "2027-01-09")
	p.SetCustomValue(secret.ID, "2")
	save(t, s, p)
	for name, text := range printedAbout(t, s, p) {
		for _, want := range []string{"Charity number", "1098765", "Insurance expires", "9 January 2027"} {
			if !strings.Contains(text, want) {
				t.Errorf("the %s holds no %q:\n%s", name, want, text)
			}
		}
		if strings.Contains(text, "Internal rating") {
			t.Errorf("the %s prints a field not marked to print", name)
		}
	}
}

// A contact's values of the group's own fields marked to print show under that person, on the profile and
// in the directory; a contact's field not marked to print does not show.
func TestContactsFieldsPrintUnderTheirPerson(t *testing.T) {
	s, p := profiled(t)
	def := func(name string, typ data.FieldType, print bool, choices ...string) *data.FieldDefinition {
		d := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, name)}, Name: name, For: data.KindContact,
			Type: typ, Print: print, Choices: choices}
		save(t, s, d)
		return d
	}
	dbs, aid, diet := def("DBS check expires", data.FieldDate, true), def("First aid", data.FieldChoice, true, "In date", "Lapsed"),
		def("Diet", data.FieldText, false)
	p.Contacts[0].Custom = map[string]string{dbs.ID: "2027-03-31", diet.ID: "No nuts"}
	p.Contacts[1].Custom = map[string]string{aid.ID: "Lapsed"}
	save(t, s, p)
	for name, text := range printedAbout(t, s, p) {
		// Each in the order read: the first person, their date, the second person, their first aid.
		at := 0
		for _, want := range []string{p.Contacts[0].Name, "DBS check expires: 31 March 2027", p.Contacts[1].Name, "First aid: Lapsed"} {
			i := strings.Index(text[at:], want)
			if i < 0 {
				t.Errorf("the %s holds no %q after the text before it:\n%s", name, want, text)
				break
			}
			at += i + len(want)
		}
		if strings.Contains(text, "No nuts") || strings.Contains(text, "Diet") {
			t.Errorf("the %s prints a contact's field not marked to print", name)
		}
	}
}

// printedAbout is the words of p's profile and of the contact directory, as a reader reads them, by name.
func printedAbout(t *testing.T, v data.View, p *data.Partner) map[string]string {
	t.Helper()
	profile, err := PartnerProfile(v, p, printedOn)
	if err != nil {
		t.Fatal(err)
	}
	directory, err := ContactDirectory(v, printedOn, true)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{"profile": words(run(t, profile, "pdftotext", "-raw")), "directory": words(run(t, directory, "pdftotext", "-raw"))}
}
