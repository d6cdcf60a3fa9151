package data

import (
	"slices"
	"strings"
)

// Network is the web of ties between the partners and us, as the network map draws it: a node for us and
// for each partner, an edge for each relation and for each pair of parties to an agreement.
type Network struct {
	Nodes []NetworkNode
	Edges []NetworkEdge
	byID  map[string]int
	adj   [][]int         // edges at each node, made when first asked for
	pairs map[[2]int]bool // the pairs of nodes tied, made when first asked for
}

// NetworkNode is us, a partner, or — in a network clustered by kind — every partner of one kind.
type NetworkNode struct {
	// ID is the partner's ID, OrganisationID for us, or ClusterID(kind) for a cluster.
	ID      string
	Name    string
	Partner *Partner // nil for us and for a cluster
	// Agreements counts the agreements in force it is a party to; Contributions adds up what it offers and
	// what it commits in them.
	Agreements    int
	Contributions Money
	// Members is how many partners a cluster stands for; 1 for a partner, 0 for us.
	Members int
	Cluster PartnerKind // the kind a cluster gathers; empty otherwise
}

// Us is true for the node of our own organisation.
func (n NetworkNode) Us() bool { return n.ID == OrganisationID }

// NetworkEdge is a tie between two nodes: a relation, or an agreement both are parties to.
type NetworkEdge struct {
	From, To  int
	Relation  *Relation  // nil for an agreement
	Agreement *Agreement // nil for a relation
	Ended     bool
	// Ties is how many ties an edge between clusters stands for; 1 otherwise.
	Ties int
}

// Type is the edge's relation type key, or AgreementTies for an agreement.
func (e NetworkEdge) Type() string {
	if e.Relation != nil {
		return e.Relation.Type
	}
	return AgreementTies
}

// AgreementTies is the filter value, and edge type, of ties made by agreements.
const AgreementTies = "agreements"

// NetworkFilter chooses the part of the network to show. Zero values choose everything.
type NetworkFilter struct {
	Kind      PartnerKind
	FocusArea string
	Stage     Stage
	// Ties is a relation type key, AgreementTies for agreements only, or empty for every tie.
	Ties        string
	CurrentOnly bool
	// Around, when set, keeps only what lies within Depth ties of that partner (or of us, OrganisationID).
	Around string
	Depth  int
}

func (f NetworkFilter) keeps(p *Partner) bool {
	return (f.Kind == "" || p.PartnerKind == f.Kind) && (f.Stage == "" || p.Stage == f.Stage) &&
		(f.FocusArea == "" || slices.Contains(p.FocusAreas, f.FocusArea))
}

func (f NetworkFilter) keepsEdge(e NetworkEdge) bool {
	return (f.Ties == "" || e.Type() == f.Ties) && (!f.CurrentOnly || !e.Ended)
}

// BuildNetwork gathers the network on a day: us, the live partners the filter keeps, their live relations,
// and the agreements that were signed (drafts and those waiting for signatures tie no one yet). A relation
// or agreement that has ended is an edge marked Ended.
func BuildNetwork(v View, today Date, f NetworkFilter) *Network {
	n := &Network{byID: map[string]int{}}
	n.add(NetworkNode{ID: OrganisationID, Name: v.Organisation().Name})
	for _, p := range List[Partner](v) {
		if f.keeps(p) {
			n.add(NetworkNode{ID: p.ID, Name: p.Name, Partner: p, Members: 1, Contributions: p.OfferedValue()})
		}
	}
	for _, a := range List[Agreement](v) {
		n.addAgreement(a, today, f)
	}
	for _, r := range List[Relation](v) {
		from, ok1 := n.byID[r.From.Key()]
		to, ok2 := n.byID[r.To.Key()]
		e := NetworkEdge{From: from, To: to, Relation: r, Ended: r.EndedOn(today), Ties: 1}
		if ok1 && ok2 && f.keepsEdge(e) {
			n.Edges = append(n.Edges, e)
		}
	}
	if f.Around != "" {
		return n.around(f.Around, max(f.Depth, 1))
	}
	return n
}

func (n *Network) add(node NetworkNode) {
	n.byID[node.ID] = len(n.Nodes)
	n.Nodes = append(n.Nodes, node)
}

// addAgreement ties every pair of the agreement's parties, and counts it and what each commits for the
// nodes while it is in force.
func (n *Network) addAgreement(a *Agreement, today Date, f NetworkFilter) {
	status := a.StatusOn(today)
	if status == StatusDraft || status == StatusSent {
		return
	}
	inForce := status == StatusActive || status == StatusSigned
	var at []int
	for _, party := range a.Parties {
		key := party.PartnerID
		if party.Us {
			key = OrganisationID
		}
		i, ok := n.byID[key]
		if !ok || slices.Contains(at, i) {
			continue
		}
		at = append(at, i)
		if inForce {
			n.Nodes[i].Agreements++
			for _, c := range party.Contributions {
				n.Nodes[i].Contributions += c.Value
			}
		}
	}
	for x := range at {
		for _, y := range at[x+1:] {
			e := NetworkEdge{From: at[x], To: y, Agreement: a, Ended: !inForce, Ties: 1}
			if f.keepsEdge(e) {
				n.Edges = append(n.Edges, e)
			}
		}
	}
}

// Index is the node with the ID, if the network holds it.
func (n *Network) Index(id string) (int, bool) {
	i, ok := n.byID[id]
	return i, ok
}

// EdgesAt lists the edges at a node, by index into Edges.
func (n *Network) EdgesAt(i int) []int {
	if n.adj == nil {
		n.adj = make([][]int, len(n.Nodes))
		for j, e := range n.Edges {
			n.adj[e.From] = append(n.adj[e.From], j)
			if e.To != e.From {
				n.adj[e.To] = append(n.adj[e.To], j)
			}
		}
	}
	return n.adj[i]
}

// tied is true when an edge joins nodes a and b.
func (n *Network) tied(a, b int) bool {
	if n.pairs == nil {
		n.pairs = make(map[[2]int]bool, len(n.Edges))
		for _, e := range n.Edges {
			n.pairs[[2]int{min(e.From, e.To), max(e.From, e.To)}] = true
		}
	}
	return n.pairs[[2]int{min(a, b), max(a, b)}]
}

// other is the node at the far end of an edge from i.
func (e NetworkEdge) other(i int) int {
	if e.From == i {
		return e.To
	}
	return e.From
}

// Neighbours lists the nodes tied to node i, each once, in the order of Nodes.
func (n *Network) Neighbours(i int) []int {
	var out []int
	for _, j := range n.EdgesAt(i) {
		if o := n.Edges[j].other(i); !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	slices.Sort(out)
	return out
}

// around keeps the nodes within depth ties of the node with the ID, and the edges between them. The
// search does not go on through us: every partner is some tie of ours, so it would reach them all.
func (n *Network) around(id string, depth int) *Network {
	start, ok := n.byID[id]
	if !ok {
		return &Network{byID: map[string]int{}}
	}
	reached := map[int]bool{start: true}
	frontier := []int{start}
	for range depth {
		var next []int
		for _, i := range frontier {
			if n.Nodes[i].Us() && i != start {
				continue
			}
			for _, o := range n.Neighbours(i) {
				if !reached[o] {
					reached[o] = true
					next = append(next, o)
				}
			}
		}
		frontier = next
	}
	return n.keep(func(i int) bool { return reached[i] })
}

// keep is the network of the nodes chosen and the edges between them, in the same order.
func (n *Network) keep(chosen func(int) bool) *Network {
	out := &Network{byID: map[string]int{}}
	moved := make([]int, len(n.Nodes))
	for i, node := range n.Nodes {
		moved[i] = -1
		if chosen(i) {
			moved[i] = len(out.Nodes)
			out.add(node)
		}
	}
	for _, e := range n.Edges {
		if moved[e.From] >= 0 && moved[e.To] >= 0 {
			e.From, e.To = moved[e.From], moved[e.To]
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// ClusterID is the node ID of the cluster of a kind of partner.
func ClusterID(k PartnerKind) string { return "kind:" + string(k) }

// ClusterByKind gathers the partners into one node per kind — for a network too large to draw partner by
// partner — with us as we are, and one edge for all the ties between two kinds (ties within a kind are
// left out). An edge is Ended when every tie it stands for has ended.
func (n *Network) ClusterByKind() *Network {
	out := &Network{byID: map[string]int{}}
	at := make([]int, len(n.Nodes))
	for i, node := range n.Nodes {
		id := node.ID
		if node.Partner != nil {
			id = ClusterID(node.Partner.PartnerKind)
		}
		c, ok := out.byID[id]
		if !ok {
			c = len(out.Nodes)
			cluster := NetworkNode{ID: id, Name: node.Name}
			if node.Partner != nil {
				cluster.Name, cluster.Cluster = string(node.Partner.PartnerKind), node.Partner.PartnerKind
			}
			out.add(cluster)
		}
		at[i] = c
		out.Nodes[c].Members += node.Members
		out.Nodes[c].Agreements += node.Agreements
		out.Nodes[c].Contributions += node.Contributions
	}
	pairs := map[[2]int]int{}
	for _, e := range n.Edges {
		a, b := at[e.From], at[e.To]
		if a == b {
			continue
		}
		key := [2]int{min(a, b), max(a, b)}
		j, ok := pairs[key]
		if !ok {
			j = len(out.Edges)
			pairs[key] = j
			out.Edges = append(out.Edges, NetworkEdge{From: key[0], To: key[1], Ended: true})
		}
		out.Edges[j].Ties += e.Ties
		out.Edges[j].Ended = out.Edges[j].Ended && e.Ended
	}
	return out
}

// Partners counts the partner nodes, or the partners the clusters stand for.
func (n *Network) Partners() int {
	total := 0
	for _, node := range n.Nodes {
		total += node.Members
	}
	return total
}

// Search lists the partner nodes whose name holds every word of the query (accents and capitals aside),
// by name.
func (n *Network) Search(query string) []int {
	words := strings.Fields(Fold(query))
	var out []int
	for i, node := range n.Nodes {
		name := Fold(node.Name)
		if len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(name, w) }) {
			out = append(out, i)
		}
	}
	return out
}
