package data

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"
)

var networkDay = NewDate(2026, 6, 1)

// englishCount is english's Count, with the English plural rule.
func englishCount(n int, one, other string, args ...any) string {
	if n == 1 {
		return english(one, append([]any{n}, args...)...)
	}
	return english(other, append([]any{n}, args...)...)
}

func nodeNames(n *Network) []string {
	var out []string
	for _, node := range n.Nodes {
		out = append(out, node.Name)
	}
	slices.Sort(out)
	return out
}

func TestTheNetworkHoldsRelationsAndSignedAgreements(t *testing.T) {
	m, council, bank, _ := web(t)
	if err := m.Save(&Agreement{Name: "Not signed yet", AgreementKind: AgreementMOU, Status: StatusDraft,
		Parties: []Party{{Us: true, Responsibilities: "Ask"}, {PartnerID: council.ID, Responsibilities: "Think"}}}); err != nil {
		t.Fatal(err)
	}
	n := BuildNetwork(m, networkDay, NetworkFilter{})
	if len(n.Nodes) != 4 || len(n.Edges) != 3 {
		t.Fatalf("%d nodes and %d edges: %v", len(n.Nodes), len(n.Edges), nodeNames(n))
	}
	i, _ := n.Index(bank.ID)
	if got := n.Nodes[i]; got.Agreements != 1 || got.Contributions != 120000 {
		t.Errorf("the food bank: %d agreements, contributions %d", got.Agreements, got.Contributions)
	}
	c, _ := n.Index(council.ID)
	if got := n.Nodes[c].Agreements; got != 0 {
		t.Errorf("a draft counts as an agreement of the council: %d", got)
	}
}

func TestNetworkFiltersAndNeighbourhoods(t *testing.T) {
	m, council, bank, school := web(t)
	// A fourth partner, tied to the school only: two steps from the food bank.
	club := partner("Hillcrest Youth Club")
	if err := m.Save(club); err != nil {
		t.Fatal(err)
	}
	ended := &Relation{From: PartnerEnd(club.ID), To: PartnerEnd(school.ID), Type: RelationSharesPremises, Status: RelationEnded}
	if err := m.Save(ended); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		f    NetworkFilter
		want []string
	}{
		{"everything", NetworkFilter{}, []string{"Hillcrest School", "Hillcrest Youth Club", "Northside Food Bank", "Riverside Council", "Riverside Residents"}},
		{"one kind", NetworkFilter{Kind: PartnerGovernment}, []string{"Riverside Council", "Riverside Residents"}},
		{"one focus area", NetworkFilter{FocusArea: "youth"}, []string{"Hillcrest School", "Riverside Residents"}},
		{"one step from the food bank", NetworkFilter{Around: bank.ID, Depth: 1}, []string{"Hillcrest School", "Northside Food Bank", "Riverside Council", "Riverside Residents"}},
		{"two steps from the food bank", NetworkFilter{Around: bank.ID, Depth: 2}, []string{"Hillcrest School", "Hillcrest Youth Club", "Northside Food Bank", "Riverside Council", "Riverside Residents"}},
		{"two steps, current ties only", NetworkFilter{Around: bank.ID, Depth: 2, CurrentOnly: true}, []string{"Hillcrest School", "Northside Food Bank", "Riverside Council", "Riverside Residents"}},
		{"funding only, around the council", NetworkFilter{Around: council.ID, Depth: 2, Ties: RelationFunds}, []string{"Northside Food Bank", "Riverside Council"}},
		{"agreements only, around the food bank", NetworkFilter{Around: bank.ID, Depth: 2, Ties: AgreementTies}, []string{"Northside Food Bank", "Riverside Residents"}},
	} {
		if got := nodeNames(BuildNetwork(m, networkDay, c.f)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// A neighbourhood does not run on through us to every partner we have.
	ours := partner("Residents' Forum")
	if err := m.Save(ours); err != nil {
		t.Fatal(err)
	}
	if err := m.Save(&Relation{From: Us, To: PartnerEnd(ours.ID), Type: RelationMemberOf, Status: RelationCurrent}); err != nil {
		t.Fatal(err)
	}
	if got := nodeNames(BuildNetwork(m, networkDay, NetworkFilter{Around: bank.ID, Depth: 2})); slices.Contains(got, ours.Name) {
		t.Errorf("two steps from the food bank, through us: %q", got)
	}
	if got := nodeNames(BuildNetwork(m, networkDay, NetworkFilter{Around: OrganisationID, Depth: 1})); !slices.Equal(got, []string{"Northside Food Bank", ours.Name, "Riverside Residents"}) {
		t.Errorf("one step from us: %q", got)
	}
	full := BuildNetwork(m, networkDay, NetworkFilter{})
	for _, e := range full.Edges {
		if e.Relation == ended && !e.Ended {
			t.Error("an ended relation is not marked ended")
		}
	}
}

func TestInsightsFindTheBrokerTheBridgeAndTheOnePersonLink(t *testing.T) {
	m, council, bank, school := web(t)
	in := Insights(m, networkDay)
	if got := in[bank.ID]; !got.Broker() || len(got.ConnectsUsTo) != 2 {
		t.Errorf("the food bank connects us to %d partners", len(got.ConnectsUsTo))
	}
	if got := in[bank.ID].Bridges; !slices.Equal(got, []string{"housing", "youth"}) {
		t.Errorf("the food bank bridges %q", got)
	}
	if in[council.ID].Broker() {
		t.Error("the council, which has no tie with us, is a broker")
	}
	if got := in[school.ID]; got.Alone {
		t.Error("the school is tied to the food bank, yet counted as reached through one person only")
	}
	lonely := partner("Allotment Society")
	lonely.Contacts = []Contact{{ID: "c", Name: "Mr Osei"}}
	if err := m.Save(lonely); err != nil {
		t.Fatal(err)
	}
	got := InsightOf(m, networkDay, lonely.ID)
	if !got.Alone || got.Person != "Mr Osei" {
		t.Errorf("a partner known through one person, tied to no one: %+v", got)
	}
	said := got.Sentences(english, englishCount)
	if len(said) != 1 || said[0] != "You reach this partner only through Mr Osei, and no other partner is tied to it: if that person moves on, the partnership may go too. Add another contact, or a relation with a partner who knows them." {
		t.Errorf("in words: %q", said)
	}
	said = InsightOf(m, networkDay, bank.ID).Sentences(english, englishCount)
	want := []string{"Connects you to 2 partners you have no tie with yourselves: Hillcrest School, Riverside Council.",
		"Brings together partners with no tie of their own, working on housing, youth."}
	if !slices.Equal(said, want) {
		t.Errorf("the food bank in words: %q", said)
	}
}

func TestClusteringByKindKeepsUsAndCountsTies(t *testing.T) {
	m, _, _, _ := web(t)
	c := BuildNetwork(m, networkDay, NetworkFilter{}).ClusterByKind()
	got := map[string]int{}
	for _, node := range c.Nodes {
		got[node.ID] = node.Members
	}
	want := map[string]int{OrganisationID: 0, ClusterID(PartnerGovernment): 1, ClusterID(PartnerCommunityOrg): 1, ClusterID(PartnerEducation): 1}
	if !maps.Equal(got, want) || c.Partners() != 3 || len(c.Edges) != 3 {
		t.Fatalf("clusters %v, %d edges", got, len(c.Edges))
	}
}

// bigWeb is a network of us and n partners of every kind with three ties each, drawn from a formula.
func bigWeb(n int) *Network {
	net := &Network{byID: map[string]int{}}
	net.add(NetworkNode{ID: OrganisationID, Name: "Us"})
	for i := range n {
		p := partner(fmt.Sprintf("Partner %05d", i))
		p.ID, p.PartnerKind = fmt.Sprintf("p%05d", i), PartnerKinds[i%len(PartnerKinds)]
		net.add(NetworkNode{ID: p.ID, Name: p.Name, Partner: p, Members: 1})
	}
	for i := range 3 * n {
		a, b := 1+i%n, 1+(i*7919+13)%n
		if a != b {
			net.Edges = append(net.Edges, NetworkEdge{From: a, To: b, Ties: 1})
		}
	}
	return net
}

func TestLayoutIsTheSameForTheSameSeedAndKeepsPlacedNodes(t *testing.T) {
	n := bigWeb(60)
	a, b := Layout(n, 7, nil), Layout(n, 7, nil)
	if !maps.Equal(a, b) {
		t.Fatal("two layouts with one seed differ")
	}
	if maps.Equal(a, Layout(n, 8, nil)) {
		t.Error("another seed gives the very same layout")
	}
	// The same network with its nodes in another order lays out the same.
	shuffled := *n
	shuffled.Nodes = slices.Clone(n.Nodes)
	slices.Reverse(shuffled.Nodes)
	last := len(n.Nodes) - 1
	shuffled.Edges = slices.Clone(n.Edges)
	for i := range shuffled.Edges {
		shuffled.Edges[i].From, shuffled.Edges[i].To = last-n.Edges[i].From, last-n.Edges[i].To
	}
	if !maps.Equal(a, Layout(&shuffled, 7, nil)) {
		t.Error("the order of the nodes changes the layout")
	}
	for id, p := range a {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) {
			t.Fatalf("%s placed at %v", id, p)
		}
	}
	// Tied nodes end up nearer each other than nodes drawn at random.
	tied, all := 0.0, 0.0
	for _, e := range n.Edges {
		pa, pb := a[n.Nodes[e.From].ID], a[n.Nodes[e.To].ID]
		tied += math.Hypot(pa.X-pb.X, pa.Y-pb.Y)
	}
	for i := range n.Nodes {
		pa, pb := a[n.Nodes[i].ID], a[n.Nodes[(i*31+5)%len(n.Nodes)].ID]
		all += math.Hypot(pa.X-pb.X, pa.Y-pb.Y)
	}
	if tied/float64(len(n.Edges)) >= all/float64(len(n.Nodes)) {
		t.Errorf("tied nodes are %.0f apart on average, any two %.0f", tied/float64(len(n.Edges)), all/float64(len(n.Nodes)))
	}
	// A map laid out before keeps its places; a newcomer is placed among them.
	placed := maps.Clone(a)
	newcomer := n.Nodes[5].ID
	delete(placed, newcomer)
	again := Layout(n, 99, placed)
	for id, p := range placed {
		if again[id] != p {
			t.Fatalf("%s moved from %v to %v", id, p, again[id])
		}
	}
	lo, hi := Bounds(placed)
	if p := again[newcomer]; p.X < lo.X-2*EdgeLength || p.X > hi.X+2*EdgeLength || p.Y < lo.Y-2*EdgeLength || p.Y > hi.Y+2*EdgeLength {
		t.Errorf("the newcomer is placed at %v, outside the map %v–%v", p, lo, hi)
	}
}

func BenchmarkLayout500Partners1500Relations(b *testing.B) {
	n := bigWeb(500)
	for b.Loop() {
		Layout(n, 1, nil)
	}
}

func BenchmarkLayout10000Partners(b *testing.B) {
	n := bigWeb(10_000)
	for b.Loop() {
		Layout(n, 1, nil)
	}
}

func BenchmarkLayout10000PartnersClusteredByKind(b *testing.B) {
	n := bigWeb(10_000)
	for b.Loop() {
		Layout(n.ClusterByKind(), 1, nil)
	}
}

// bigMemory is a group of n partners, each with three relations and a third of them tied to us.
func bigMemory(n int) *Memory {
	var rs []Record
	ids := make([]string, n)
	for i := range n {
		p := partner(fmt.Sprintf("Partner %05d", i))
		p.ID, p.PartnerKind = fmt.Sprintf("p%05d", i), PartnerKinds[i%len(PartnerKinds)]
		p.FocusAreas = []string{[]string{"youth", "food", "housing"}[i%3]}
		ids[i] = p.ID
		rs = append(rs, p)
		if i%3 == 0 {
			rs = append(rs, &Relation{From: Us, To: PartnerEnd(p.ID), Type: RelationFunds, Status: RelationCurrent})
		}
	}
	for i := range 3 * n {
		if a, b := ids[i%n], ids[(i*7919+13)%n]; a != b {
			rs = append(rs, &Relation{From: PartnerEnd(a), To: PartnerEnd(b), Type: RelationWorksWith, Status: RelationCurrent})
		}
	}
	return NewMemory(rs...)
}

// mapWork is what the network map works out off the UI goroutine each time it is drawn: the network,
// clustered by kind past most partners, its layout from the places kept, and what it shows.
func mapWork(v View, today Date, placed map[string]Point, most int) map[string]Point {
	n := BuildNetwork(v, today, NetworkFilter{})
	if n.Partners() > most {
		n = n.ClusterByKind()
	}
	Insights(v, today)
	return Layout(n, 1, placed)
}

// BenchmarkMapRevisitAt500Partners: a later visit to the map of 500 partners, every node where it was put.
func BenchmarkMapRevisitAt500Partners(b *testing.B) {
	v, today := bigMemory(500), networkDay
	placed := mapWork(v, today, nil, 1000)
	for b.Loop() {
		mapWork(v, today, placed, 1000)
	}
}

// BenchmarkMapAt10000PartnersByKind: the map of 10,000 partners and 30,000 relations, drawn by kind.
func BenchmarkMapAt10000PartnersByKind(b *testing.B) {
	v, today := bigMemory(10_000), networkDay
	for b.Loop() {
		mapWork(v, today, nil, 1000)
	}
}
