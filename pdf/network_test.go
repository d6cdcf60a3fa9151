package pdf

import (
	"bytes"
	"fmt"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"time"

	"accord/data"
)

// webOfPartners is our organisation with an agreement with the food bank, which the council funds and
// which works with the school; the allotments are known through one person, and tied to no one.
func webOfPartners(t *testing.T) (*data.Memory, *data.Partner) {
	t.Helper()
	s := data.NewMemory(&data.Organisation{Meta: data.Meta{ID: data.OrganisationID}, Name: "Riverside Residents", PaperSize: data.PaperA4})
	council := &data.Partner{Name: "Riverside Council", PartnerKind: data.PartnerGovernment, Stage: data.StageActive, FocusAreas: []string{"housing"}}
	bank := &data.Partner{Name: "Northside Food Bank", PartnerKind: data.PartnerNonProfit, Stage: data.StageActive, FocusAreas: []string{"food"}}
	school := &data.Partner{Name: "Hillcrest School", PartnerKind: data.PartnerEducation, Stage: data.StageEngaged, FocusAreas: []string{"youth"}}
	allotments := &data.Partner{Name: "Green Allotments", PartnerKind: data.PartnerResidents, Stage: data.StageProspect,
		Contacts: []data.Contact{{ID: "c", Name: "Kofi Mensah"}}}
	for _, p := range []*data.Partner{council, bank, school, allotments} {
		save(t, s, p)
	}
	save(t, s, &data.Agreement{Name: "Food parcels", AgreementKind: data.AgreementMOU, Status: data.StatusSigned, Start: data.NewDate(2025, 1, 1),
		Parties: []data.Party{{Us: true, Responsibilities: "Volunteers"}, {PartnerID: bank.ID, Responsibilities: "Parcels"}}})
	save(t, s, &data.Relation{From: data.PartnerEnd(council.ID), To: data.PartnerEnd(bank.ID), Type: data.RelationFunds,
		Status: data.RelationCurrent, Start: data.NewDate(2024, time.April, 1)})
	save(t, s, &data.Relation{From: data.PartnerEnd(school.ID), To: data.PartnerEnd(bank.ID), Type: data.RelationWorksWith, Status: data.RelationCurrent})
	save(t, s, &data.Relation{From: data.PartnerEnd(school.ID), To: data.Us, Type: data.RelationSharesPremises, Status: data.RelationEnded,
		End: data.NewDate(2025, time.June, 30)})
	return s, bank
}

func TestNetworkReportReadsBack(t *testing.T) {
	s, _ := webOfPartners(t)
	b, err := NetworkReport(s, printedOn, NetworkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := words(strings.Join(pages(t, b), "\n"))
	for _, want := range []string{"PARTNERSHIP NETWORK", "4 partners and 4 ties on 10 March 2025",
		// the legend
		"Our organisation", "Local government", "Non-profit", "Agreement", "Funds", "Works with", "Shares premises with", "Dashed: ended.",
		// the relation list
		"Riverside Council Funds Northside Food Bank from 1 April 2024 Current",
		"Hillcrest School Shares premises with Riverside Residents until 30 June 2025 Ended",
		// what the network shows
		"Northside Food Bank connects you to 2", "Bring fields together Northside Food Bank (housing, youth)",
		"Reached through one Green Allotments"} {
		if !strings.Contains(text, want) {
			t.Errorf("the network report does not say %q\n%s", want, text)
		}
	}
	wantHeadings(t, strings.Join(pages(t, b), "\n"), "1 Relations", "2 What the network shows")
	if info := run(t, b, "pdfinfo"); !regexp.MustCompile(`Page size:\s+841\.8\d* x 595\.\d+ pts \(A4\)`).MatchString(info) {
		t.Errorf("not A4 landscape:\n%s", info)
	}
	a3, err := NetworkReport(s, printedOn, NetworkOptions{Paper: "A3"})
	if err != nil {
		t.Fatal(err)
	}
	if info := run(t, a3, "pdfinfo"); !regexp.MustCompile(`Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)`).MatchString(info) {
		t.Errorf("not A3 landscape:\n%s", info)
	}
	run(t, b, "qpdf", "--check")
	embedded(t, b)
	again, _ := NetworkReport(s, printedOn, NetworkOptions{})
	if string(again) != string(b) {
		t.Error("the same network printed twice gives two different files")
	}
}

func TestNetworkReportOfOneFocusArea(t *testing.T) {
	s, _ := webOfPartners(t)
	b, err := NetworkReport(s, printedOn, NetworkOptions{Focus: "food"})
	if err != nil {
		t.Fatal(err)
	}
	text := words(strings.Join(pages(t, b), "\n"))
	if !strings.Contains(text, "Partners working on food: 1 partner and 1 tie on 10 March 2025") || strings.Contains(text, "Riverside Council") {
		t.Errorf("the food network:\n%s", text)
	}
}

// A network of more partners than a page can show draws each kind of partner as one circle.
func TestALargeNetworkIsDrawnByKind(t *testing.T) {
	s := data.NewMemory()
	var rs []data.Record
	for i := range mostDrawn + 20 {
		rs = append(rs, &data.Partner{Meta: data.Meta{ID: fmt.Sprintf("p%04d", i)}, Name: fmt.Sprintf("Partner %d", i),
			PartnerKind: data.PartnerKinds[i%3], Stage: data.StageActive})
	}
	for i := range mostDrawn {
		rs = append(rs, &data.Relation{Meta: data.Meta{ID: fmt.Sprintf("r%04d", i)}, From: data.PartnerEnd(fmt.Sprintf("p%04d", i)),
			To: data.PartnerEnd(fmt.Sprintf("p%04d", i+1)), Type: data.RelationWorksWith, Status: data.RelationCurrent})
	}
	s.Add(rs...)
	b, err := NetworkReport(s, printedOn, NetworkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := words(pages(t, b)[0])
	for _, want := range []string{"Community organisation: 90", "Local government: 90", "School, college or university: 90",
		"Too many partners to draw one by one"} {
		if !strings.Contains(text, want) {
			t.Errorf("the clustered map does not say %q:\n%s", want, text)
		}
	}
}

func TestTheAnnualReportDrawsTheNetwork(t *testing.T) {
	s, _ := webOfPartners(t)
	b, err := AnnualReport(s, 2025, printedOn)
	if err != nil {
		t.Fatal(err)
	}
	text := words(strings.Join(pages(t, b), "\n"))
	for _, want := range []string{"Our network", "Every partner is a circle and every tie a line", "Northside Food Bank connects you to 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("the annual report does not say %q", want)
		}
	}
}

// A partner of a kind the group added is drawn in that kind's own colour, not other's, and the legend names
// the kind as the group typed it.
func TestTheGroupsOwnKindIsDrawnInItsColour(t *testing.T) {
	s, bank := webOfPartners(t)
	save(t, s, &data.PickEntry{Meta: data.Meta{ID: data.NewID()}, List: data.ListPartnerKinds, Value: "allotment society"})
	plots := &data.Partner{Name: "Green Lanes Plots", PartnerKind: "allotment society", Stage: data.StageActive}
	save(t, s, plots)
	save(t, s, &data.Relation{From: data.PartnerEnd(plots.ID), To: data.PartnerEnd(bank.ID), Type: data.RelationWorksWith, Status: data.RelationCurrent})
	b, err := NetworkReport(s, printedOn, NetworkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if text := words(pages(t, b)[0]); !strings.Contains(text, "allotment society") {
		t.Errorf("the legend does not name the group's own kind:\n%s", text)
	}
	img, err := png.Decode(bytes.NewReader(render50(t, b, 1)))
	if err != nil {
		t.Fatal(err)
	}
	want := data.KindColours(s).Of("allotment society")
	if want == data.KindColours(s).Of(data.PartnerOther) {
		t.Fatal("the group's own kind has the colour of other")
	}
	// The partner's circle and the legend's, a few pixels each at 50 dpi, far apart across the page.
	left, right := img.Bounds().Max.X, -1
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			near := func(v uint32, c uint8) bool { return max(int(v>>8)-int(c), int(c)-int(v>>8)) <= 6 }
			if near(r, want.R) && near(g, want.G) && near(b, want.B) {
				left, right = min(left, x), max(right, x)
			}
		}
	}
	if right-left < 40 {
		t.Errorf("the kind's colour %v is drawn from x %d to %d: not on the partner and in the legend both", want, left, right)
	}
}
