package syncfolder

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"accord/data"
	"accord/store"
)

// The volunteer records on one laptop that the council funds the food bank, from the food bank's side,
// and a kind of relation of the group's own; after a sync the second laptop shows the same on both
// partners, and the same food bank as a broker. A change and an end made there come back.
func TestRelationsSyncBetweenTwoLaptops(t *testing.T) {
	folder := t.TempDir()
	ana, ben := newLaptop(t, "ana"), newLaptop(t, "ben")
	council, bank := newPartner("Riverside Council"), newPartner("Northside Food Bank")
	ana.save(council)
	ana.save(bank)
	ana.save(&data.Agreement{Name: "Food parcels", AgreementKind: data.AgreementMOU, Status: data.StatusSigned,
		Parties: []data.Party{{Us: true, Responsibilities: "Volunteers"}, {PartnerID: bank.ID, Responsibilities: "Parcels"}}})
	lends := &data.RelationType{Name: "lends equipment to", Reverse: "borrows equipment from"}
	ana.save(lends)
	var fundedBy data.RelationChoice
	for _, c := range data.RelationChoices(ana.s) {
		if c.Type.ID == data.RelationFunds && c.Backwards {
			fundedBy = c
		}
	}
	funding := fundedBy.Between(data.PartnerEnd(bank.ID), data.PartnerEnd(council.ID))
	ana.save(funding)
	ana.save(&data.Relation{From: data.PartnerEnd(bank.ID), To: data.Us, Type: lends.ID, Status: data.RelationCurrent})
	ana.round(folder)
	ben.now = ben.now.Add(time.Minute)
	if rep := ben.round(folder); rep.In == 0 {
		t.Fatalf("nothing came in: %+v", rep)
	}
	shown := func(l *laptop, p *data.Partner) []string {
		var out []string
		for _, s := range data.RelationsOf(l.s, data.PartnerEnd(p.ID)) {
			out = append(out, s.Verb(l.s, "en", fmt.Sprintf)+" "+data.EndName(l.s, s.Other, fmt.Sprintf))
		}
		return out
	}
	for _, l := range []*laptop{ana, ben} {
		if got := shown(l, council); !slices.Equal(got, []string{"funds Northside Food Bank"}) {
			t.Errorf("%s shows the council %q", l.name, got)
		}
		if got := shown(l, bank); !slices.Equal(got, []string{"lends equipment to Our organisation", "is funded by Riverside Council"}) {
			t.Errorf("%s shows the food bank %q", l.name, got)
		}
		if in := data.InsightOf(l.s, data.DateOf(l.now), bank.ID); len(in.ConnectsUsTo) != 1 || in.ConnectsUsTo[0].ID != council.ID {
			t.Errorf("%s: the food bank connects us to %v", l.name, in.ConnectsUsTo)
		}
	}
	// Ben ends the funding; Ana sees it ended.
	ended, err := store.Get[data.Relation](ben.s, funding.ID)
	if err != nil {
		t.Fatal(err)
	}
	ended.Status, ended.End = data.RelationEnded, data.DateOf(ben.now)
	ben.save(ended)
	ben.round(folder)
	ana.now = ana.now.Add(2 * time.Minute)
	ana.round(folder)
	if r := data.Lookup[data.Relation](ana.s, funding.ID); r == nil || r.Status != data.RelationEnded {
		t.Fatalf("the ended relation on ana's laptop: %+v", r)
	}
	if got, want := ana.export(), ben.export(); string(got) != string(want) {
		t.Fatal("the two laptops hold different data after the sync")
	}
}
