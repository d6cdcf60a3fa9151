package demo

import (
	"accord/data"
)

// maxRelations bounds the demo's relations: three a partner, as real webs have, up to what a map of
// thousands of partners needs to show its shape.
const maxRelations = 6000

// makeRelations ties the partners together the way a neighbourhood's organisations are: funders and the
// council fund local groups (and us), umbrella bodies have members (us among them), groups in one
// district share premises, social services refer people on, schools are part of the council's network,
// businesses lend equipment (a kind of relation of the group's own), and partners in one field work
// together. Some ties have ended. It draws after everything else, so adding it changed no other demo record.
func (g *gen) makeRelations() {
	n := len(g.partners)
	r := &relating{gen: g, budget: min(3*n, maxRelations), seen: map[[3]string]bool{}}
	byKind := map[data.PartnerKind][]int{}
	for i, p := range g.partners {
		byKind[p.PartnerKind] = append(byKind[p.PartnerKind], i)
	}
	var grassroots []int
	for _, k := range []data.PartnerKind{data.PartnerCommunityOrg, data.PartnerNonProfit, data.PartnerResidents, data.PartnerFaith} {
		grassroots = append(grassroots, byKind[k]...)
	}
	if len(grassroots) == 0 {
		grassroots = make([]int, n)
		for i := range grassroots {
			grassroots[i] = i
		}
	}
	lends := &data.RelationType{Meta: data.Meta{ID: data.NewID(), CreatedAt: g.at(g.today.AddDays(-g.between(100, 600)))},
		Name: "lends equipment to", Reverse: "borrows equipment from", Names: map[string]data.RelationNames{
			"es": {Name: "presta material a", Reverse: "toma material prestado de"},
			"fr": {Name: "prête du matériel à", Reverse: "emprunte du matériel à"}}}
	g.relationTypes = append(g.relationTypes, lends)

	for _, f := range append(byKind[data.PartnerFunder], byKind[data.PartnerGovernment]...) {
		for range g.between(2, 5) {
			r.add(g.partnerEnd(f), g.partnerEnd(pick(g.r, grassroots)), data.RelationFunds)
		}
	}
	if funders := byKind[data.PartnerFunder]; len(funders) > 0 {
		r.add(g.partnerEnd(funders[0]), data.Us, data.RelationFunds)
	}
	umbrellas := byKind[data.PartnerCommunityOrg][:min(max(1, n/40), len(byKind[data.PartnerCommunityOrg]))]
	for i, u := range umbrellas {
		if i == 0 {
			r.add(data.Us, g.partnerEnd(u), data.RelationMemberOf)
		}
		for range g.between(3, 8) {
			r.add(g.partnerEnd(pick(g.r, grassroots)), g.partnerEnd(u), data.RelationMemberOf)
		}
	}
	r.sharePremises(grassroots)
	for _, s := range byKind[data.PartnerSocial] {
		for range g.between(1, 4) {
			r.add(g.partnerEnd(s), g.partnerEnd(pick(g.r, grassroots)), data.RelationRefersTo)
		}
		if g.chance(0.3) {
			r.add(g.partnerEnd(s), data.Us, data.RelationRefersTo)
		}
	}
	if councils := byKind[data.PartnerGovernment]; len(councils) > 0 {
		for _, s := range byKind[data.PartnerEducation] {
			if g.chance(0.3) {
				r.add(g.partnerEnd(s), g.partnerEnd(pick(g.r, councils)), data.RelationPartOf)
			}
		}
	}
	for _, b := range byKind[data.PartnerBusiness] {
		if g.chance(0.4) {
			r.add(g.partnerEnd(b), g.partnerEnd(pick(g.r, grassroots)), lends.ID)
		}
	}
	for tries := 0; r.budget > 0 && tries < 4*n; tries++ {
		p := g.partners[g.r.IntN(n)]
		field := g.byFocus[pick(g.r, p.FocusAreas)]
		r.add(data.PartnerEnd(p.ID), g.partnerEnd(pick(g.r, field)), data.RelationWorksWith)
	}
}

func (g *gen) partnerEnd(i int) data.RelationEnd { return data.PartnerEnd(g.partners[i].ID) }

// relating adds relations until its budget is spent, each pair and kind once.
type relating struct {
	*gen
	budget int
	seen   map[[3]string]bool
}

// add makes a relation of the kind, most of them dated and a few of them ended, unless it joins an
// organisation to itself or is there already.
func (r *relating) add(from, to data.RelationEnd, kind string) {
	key := [3]string{from.Key(), to.Key(), kind}
	back := [3]string{to.Key(), from.Key(), kind}
	if r.budget <= 0 || from == to || r.seen[key] || r.seen[back] {
		return
	}
	r.seen[key] = true
	r.budget--
	g := r.gen
	began := g.today.AddDays(-g.between(60, 2500))
	rel := &data.Relation{Meta: data.Meta{ID: data.NewID(), CreatedAt: g.at(began)}, From: from, To: to, Type: kind,
		Status: data.RelationCurrent}
	if g.chance(0.7) {
		rel.Start = began
	}
	if g.chance(0.12) {
		rel.Status, rel.End = data.RelationEnded, began.AddDays(g.between(30, began.DaysUntil(g.today)))
	}
	g.relations = append(g.relations, rel)
}

// sharePremises pairs up groups in the same district of the same city, as a hall, a church and a
// residents' group often share one building.
func (r *relating) sharePremises(grassroots []int) {
	byPlace := map[[2]string][]int{}
	var places [][2]string
	for _, i := range grassroots {
		p := r.partners[i]
		place := [2]string{p.loc.code, p.dist.name}
		if byPlace[place] == nil {
			places = append(places, place)
		}
		byPlace[place] = append(byPlace[place], i)
	}
	for _, place := range places {
		in := byPlace[place]
		for j := 0; j+1 < len(in); j += 2 {
			if r.chance(0.5) {
				r.add(r.partnerEnd(in[j]), r.partnerEnd(in[j+1]), data.RelationSharesPremises)
			}
		}
	}
}
