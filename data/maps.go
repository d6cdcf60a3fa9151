package data

import (
	"sort"
	"strings"
)

// Quadrant names a part of the stakeholder map (influence × interest).
type Quadrant string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	ManageClosely Quadrant = "manage closely" // high influence, high interest
	KeepSatisfied Quadrant = "keep satisfied" // high influence, low interest
	KeepInformed  Quadrant = "keep informed"  // low influence, high interest
	Monitor       Quadrant = "monitor"        // low influence, low interest
)

// QuadrantOf places scores of 1–5 on the map: 3 and above counts as high. Unjudged scores have none.
func QuadrantOf(influence, interest int) Quadrant {
	switch {
	case influence == 0 || interest == 0:
		return ""
	case influence >= 3 && interest >= 3:
		return ManageClosely
	case influence >= 3:
		return KeepSatisfied
	case interest >= 3:
		return KeepInformed
	}
	return Monitor
}

// StakeholderGrid puts every live partner with both scores in its cell: [influence-1][interest-1].
func StakeholderGrid(v View) (grid [5][5][]*Partner, unjudged int) {
	return PlaceOnGrid(List[Partner](v))
}

// PlaceOnGrid puts each of the partners with both scores in its cell of the stakeholder map.
func PlaceOnGrid(ps []*Partner) (grid [5][5][]*Partner, unjudged int) {
	for _, p := range ps {
		if p.Influence == 0 || p.Interest == 0 {
			unjudged++
			continue
		}
		grid[p.Influence-1][p.Interest-1] = append(grid[p.Influence-1][p.Interest-1], p)
	}
	return grid, unjudged
}

// ResourceSummary is one line of the resource map: what partners offer of one kind, and what they have
// committed to in agreements in force.
type ResourceSummary struct {
	Kind                  ResourceKind
	Offers, Commitments   int
	Value, CommittedValue Money
	Partners              []*Partner // who offers or commits it, largest value first
}

// ResourceMap adds up, by kind of resource and in the order of ResourceKinds (then the group's own), every live partner's offers
// and what partners commit in the agreements in force on a day — a partner whose hall is promised in a
// signed MOU brings that hall, whether or not anyone listed it among its offers.
func ResourceMap(v View, today Date) []ResourceSummary {
	byKind := map[ResourceKind]*ResourceSummary{}
	value := map[ResourceKind]map[*Partner]Money{}
	add := func(p *Partner, k ResourceKind, v Money, committed bool) {
		sum := byKind[k]
		if sum == nil {
			sum = &ResourceSummary{Kind: k}
			byKind[k], value[k] = sum, map[*Partner]Money{}
		}
		if committed {
			sum.Commitments++
			sum.CommittedValue += v
		} else {
			sum.Offers++
			sum.Value += v
		}
		if _, seen := value[k][p]; !seen {
			sum.Partners = append(sum.Partners, p)
		}
		value[k][p] += v
	}
	for _, p := range List[Partner](v) {
		for _, o := range p.Offers {
			add(p, o.Kind, o.Value, false)
		}
	}
	for _, a := range List[Agreement](v) {
		if a.StatusOn(today) != StatusActive {
			continue
		}
		for _, party := range a.Parties {
			if p := Lookup[Partner](v, party.PartnerID); p != nil && !party.Us && !p.Deleted {
				for _, c := range party.Contributions {
					add(p, c.Kind, c.Value, true)
				}
			}
		}
	}
	var out []ResourceSummary
	for _, k := range InOrder(ListResourceKinds, byKind) {
		if sum := byKind[k]; sum != nil {
			sort.SliceStable(sum.Partners, func(i, j int) bool { return value[k][sum.Partners[i]] > value[k][sum.Partners[j]] })
			out = append(out, *sum)
		}
	}
	return out
}

// resourceWords are words in a need's title or description that suggest a kind of resource could meet it.
// English only for now: a need written in another language matches no kind.
var resourceWords = map[ResourceKind][]string{
	ResourceFunding:    {"fund", "money", "grant", "cost", "afford"},
	ResourceSpace:      {"space", "room", "hall", "venue", "place to"},
	ResourceVolunteers: {"volunteer", "helper", "befriend", "mentor"},
	ResourceExpertise:  {"advice", "expert", "training", "skills", "legal"},
	ResourceEquipment:  {"equipment", "tools", "laptop", "computer", "furniture"},
	ResourceInKind:     {"food", "donation", "clothes", "meals"},
	ResourceOutreach:   {"outreach", "publicity", "awareness", "isolated", "reach"},
	ResourceData:       {"data", "survey", "information", "evidence"},
}

// NeedsFor lists the open needs whose wording suggests this kind of resource could help meet them.
func NeedsFor(v View, k ResourceKind) []*Need {
	var out []*Need
	for _, n := range List[Need](v) {
		if n.Unmet() && containsAny(Fold(n.Name+" "+n.Description), resourceWords[k]) {
			out = append(out, n)
		}
	}
	return out
}

func containsAny(text string, words []string) bool {
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
