package data

import "testing"

func TestQuadrants(t *testing.T) {
	for _, c := range []struct {
		influence, interest int
		want                Quadrant
	}{{5, 5, ManageClosely}, {3, 3, ManageClosely}, {5, 1, KeepSatisfied}, {2, 4, KeepInformed}, {2, 2, Monitor}, {0, 4, ""}} {
		if got := QuadrantOf(c.influence, c.interest); got != c.want {
			t.Errorf("influence %d interest %d: %q, want %q", c.influence, c.interest, got, c.want)
		}
	}
}

func TestMapsPlacePartnersAndAddUpOffers(t *testing.T) {
	s := NewMemory()
	hall := partner("Parish hall")
	hall.Influence, hall.Interest = 4, 2
	hall.Offers = []Offer{{Kind: ResourceSpace, Description: "Hall", Value: 20000}, {Kind: ResourceSpace, Description: "Kitchen", Value: 5000}}
	bank := partner("Credit union")
	bank.Influence, bank.Interest = 4, 2
	bank.Offers = []Offer{{Kind: ResourceFunding, Description: "Grant", Value: 100000}, {Kind: ResourceSpace, Description: "Room", Value: 30000}}
	unjudged := partner("New contact")
	for _, p := range []*Partner{hall, bank, unjudged} {
		if err := s.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	grid, n := StakeholderGrid(s)
	if n != 1 || len(grid[3][1]) != 2 {
		t.Fatalf("unjudged %d, cell (4,2) has %d", n, len(grid[3][1]))
	}
	m := ResourceMap(s, NewDate(2026, 6, 1))
	if len(m) != 2 || m[0].Kind != ResourceFunding || m[1].Kind != ResourceSpace {
		t.Fatalf("resource map kinds: %+v", m)
	}
	space := m[1]
	if space.Offers != 3 || space.Value != 55000 || space.Partners[0].Name != "Credit union" || len(space.Partners) != 2 {
		t.Fatalf("space = %+v (the partner offering most comes first, each partner once)", space)
	}
}

func TestTheResourceMapCountsWhatAgreementsInForceCommit(t *testing.T) {
	s := NewMemory()
	school := partner("Hill School")
	if err := s.Save(school); err != nil {
		t.Fatal(err)
	}
	signed := validAgreement()
	signed.Status, signed.Start, signed.End = StatusSigned, NewDate(2026, 1, 1), NewDate(2026, 12, 31)
	signed.Parties[1].PartnerID = school.ID
	signed.Parties[1].Contributions = []Contribution{{Kind: ResourceSpace, Description: "The school hall on Saturdays", Value: 40000}}
	draft := validAgreement()
	draft.Parties[1].PartnerID = school.ID
	draft.Parties[1].Contributions = []Contribution{{Kind: ResourceFunding, Description: "A grant not agreed yet", Value: 900000}}
	for _, a := range []*Agreement{signed, draft} {
		if err := s.Save(a); err != nil {
			t.Fatal(err)
		}
	}
	m := ResourceMap(s, NewDate(2026, 6, 1))
	if len(m) != 1 || m[0].Kind != ResourceSpace || m[0].Commitments != 1 || m[0].CommittedValue != 40000 || m[0].Partners[0] != school {
		t.Fatalf("resource map = %+v: want the hall the signed agreement commits, and not the draft's grant", m)
	}
	if after := ResourceMap(s, NewDate(2027, 1, 1)); len(after) != 0 {
		t.Fatalf("an agreement that has ended still commits: %+v", after)
	}
}

func TestNeedsForAResourceKind(t *testing.T) {
	s := NewMemory()
	for _, n := range []*Need{
		{Name: "Warm SPACE for older residents in winter", Priority: PriorityHigh, Status: NeedOpen},
		{Name: "Homework help", Description: "Volunteers to read with children", Priority: PriorityMedium, Status: NeedInProgress},
		{Name: "A room for the choir", Priority: PriorityLow, Status: NeedMet},
	} {
		if err := s.Save(n); err != nil {
			t.Fatal(err)
		}
	}
	if got := titles(NeedsFor(s, ResourceSpace)); len(got) != 1 || got[0] != "Warm SPACE for older residents in winter" {
		t.Fatalf("space meets %v (a met need is not open)", got)
	}
	if got := titles(NeedsFor(s, ResourceVolunteers)); len(got) != 1 || got[0] != "Homework help" {
		t.Fatalf("volunteers meet %v", got)
	}
}
