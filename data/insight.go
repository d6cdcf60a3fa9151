package data

import (
	"slices"
	"strings"
)

// Insight is what the network says about one partner that no list shows.
type Insight struct {
	// ConnectsUsTo lists the partners it has a tie with that have none with us: the people it can
	// introduce us to. Only a partner tied to us itself connects us to anyone.
	ConnectsUsTo []*Partner
	// Bridges lists the focus areas of the partners it ties together when at least two of them work on
	// different things and have no tie of their own: it links worlds that would not otherwise meet.
	Bridges []string
	// Alone is true when no other partner is tied to it and we know at most one person there: when that
	// person moves on, the partnership goes with them. Person is their name, if there is one.
	Alone  bool
	Person string
}

// Broker is true when the partner connects us to others.
func (in Insight) Broker() bool { return len(in.ConnectsUsTo) > 0 }

// Insights works the insight out for every live partner, from the ties that hold on the day.
func Insights(v View, today Date) map[string]Insight {
	n := BuildNetwork(v, today, NetworkFilter{CurrentOnly: true})
	out := map[string]Insight{}
	for i, node := range n.Nodes {
		if node.Partner != nil {
			out[node.ID] = n.insight(i)
		}
	}
	return out
}

// InsightOf is the insight of one partner: what its screen shows.
func InsightOf(v View, today Date, partnerID string) Insight {
	return BuildNetwork(v, today, NetworkFilter{CurrentOnly: true}).InsightOf(partnerID)
}

// InsightOf is the insight of one partner in a network built from the ties current on a day, so that the
// screens of several partners can share one network. It is not safe to call from several goroutines at
// once.
func (n *Network) InsightOf(partnerID string) Insight {
	if i, ok := n.Index(partnerID); ok && n.Nodes[i].Partner != nil {
		return n.insight(i)
	}
	return Insight{}
}

func (n *Network) insight(i int) Insight {
	us, _ := n.Index(OrganisationID)
	p := n.Nodes[i].Partner
	others := slices.DeleteFunc(n.Neighbours(i), func(o int) bool { return o == us })
	var in Insight
	if n.tied(i, us) {
		for _, o := range others {
			if !n.tied(o, us) {
				in.ConnectsUsTo = append(in.ConnectsUsTo, n.Nodes[o].Partner)
			}
		}
	}
	in.Bridges = n.bridged(others)
	if len(others) == 0 && len(p.Contacts) <= 1 {
		in.Alone = true
		if len(p.Contacts) == 1 {
			in.Person = p.Contacts[0].Name
		}
	}
	return in
}

// bridged is the focus areas of the partners when two of them share no focus area and no tie; else none.
func (n *Network) bridged(partners []int) []string {
	for x, a := range partners {
		for _, b := range partners[x+1:] {
			pa, pb := n.Nodes[a].Partner, n.Nodes[b].Partner
			if len(pa.FocusAreas) == 0 || len(pb.FocusAreas) == 0 ||
				slices.ContainsFunc(pa.FocusAreas, func(f string) bool { return slices.Contains(pb.FocusAreas, f) }) ||
				n.tied(a, b) {
				continue
			}
			var areas []string
			for _, o := range partners {
				for _, f := range n.Nodes[o].Partner.FocusAreas {
					if !slices.Contains(areas, f) {
						areas = append(areas, f)
					}
				}
			}
			slices.Sort(areas)
			return areas
		}
	}
	return nil
}

// Sentences say the insight in plain words, translated with t and count, for the partner's screen and
// the map.
func (in Insight) Sentences(t Translate, count Count) []string {
	var out []string
	if n := len(in.ConnectsUsTo); n > 0 {
		names := someNames(count, in.ConnectsUsTo)
		if n == 1 {
			out = append(out, t("Connects you to a partner you have no tie with yourselves: %s.", names))
		} else {
			out = append(out, count(n, "Connects you to %d partner you have no tie with yourselves: %s.", "Connects you to %d partners you have no tie with yourselves: %s.", names))
		}
	}
	if len(in.Bridges) > 0 {
		out = append(out, t("Brings together partners with no tie of their own, working on %s.", strings.Join(in.Bridges, ", ")))
	}
	switch {
	case in.Alone && in.Person != "":
		out = append(out, t("You reach this partner only through %s, and no other partner is tied to it: if that person moves on, the partnership may go too. Add another contact, or a relation with a partner who knows them.", in.Person))
	case in.Alone:
		out = append(out, t("You know no one by name at this partner, and no other partner is tied to it. Add a contact, or a relation with a partner who knows them."))
	}
	return out
}

// someNames lists the first few partners by name, and how many more there are.
func someNames(count Count, ps []*Partner) string {
	const most = 5
	names := make([]string, 0, most)
	for _, p := range ps[:min(len(ps), most)] {
		names = append(names, p.Name)
	}
	text := strings.Join(names, ", ")
	if more := len(ps) - most; more > 0 {
		text += " " + count(more, "and %d other", "and %d others")
	}
	return text
}

// Findings are what a network shows that no list does, partner by partner.
type Findings struct {
	// Brokers connect us to partners we have no tie with ourselves, those who connect us to most first.
	Brokers []Broker
	// Bridges bring together partners with no tie of their own, working on the fields named.
	Bridges []Bridge
	// Alone are reached through one person, or no one.
	Alone []string
}

// Broker is a partner that connects us to others.
type Broker struct {
	Name    string
	Reaches int // how many partners it connects us to
}

// Bridge is a partner that brings fields together.
type Bridge struct {
	Name   string
	Fields []string
}

// FindingsOf gathers, for the partners of a network, what their insights show.
func FindingsOf(n *Network, insights map[string]Insight) Findings {
	var f Findings
	for _, node := range n.Nodes {
		in, ok := insights[node.ID]
		if !ok {
			continue
		}
		if in.Broker() {
			f.Brokers = append(f.Brokers, Broker{node.Name, len(in.ConnectsUsTo)})
		}
		if len(in.Bridges) > 0 {
			f.Bridges = append(f.Bridges, Bridge{node.Name, in.Bridges})
		}
		if in.Alone {
			f.Alone = append(f.Alone, node.Name)
		}
	}
	slices.SortStableFunc(f.Brokers, func(a, b Broker) int { return b.Reaches - a.Reaches })
	return f
}

// Empty is true when the network shows nothing of the kind.
func (f Findings) Empty() bool { return len(f.Brokers)+len(f.Bridges)+len(f.Alone) == 0 }

// Lines says each finding in a line, translated with t: "Riverside Council connects you to 4", "Food bank
// (food, youth)".
func (f Findings) Lines(t Translate) (brokers, bridges, alone []string) {
	for _, b := range f.Brokers {
		brokers = append(brokers, t("%s connects you to %d", b.Name, b.Reaches))
	}
	for _, b := range f.Bridges {
		bridges = append(bridges, t("%s (%s)", b.Name, strings.Join(b.Fields, ", ")))
	}
	return brokers, bridges, f.Alone
}
