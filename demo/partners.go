package demo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"accord/data"
)

// Weights, in the order of data.PartnerKinds and data.Stages.
var (
	kindWeights  = []int{16, 8, 10, 14, 10, 7, 13, 6, 5, 4, 7}
	stageWeights = []int{15, 20, 40, 15, 10}
	// leadWeights say how likely a partner at each stage is a party to an agreement.
	leadWeights = map[data.Stage]int{data.StageProspect: 1, data.StageEngaged: 6, data.StageActive: 12,
		data.StageDormant: 4, data.StageFormer: 4}
	baseInfluence = map[data.PartnerKind]int{data.PartnerGovernment: 4, data.PartnerFunder: 4,
		data.PartnerEducation: 3, data.PartnerSocial: 3, data.PartnerMedia: 3, data.PartnerCommunityOrg: 3,
		data.PartnerNonProfit: 3, data.PartnerBusiness: 2, data.PartnerFaith: 2, data.PartnerResidents: 2,
		data.PartnerOther: 2}
	baseInterest = map[data.Stage]int{data.StageProspect: 2, data.StageEngaged: 3, data.StageActive: 4,
		data.StageDormant: 2, data.StageFormer: 1}
	genericMailboxes = map[string][]string{"en": {"hello", "info"}, "es": {"info", "hola"},
		"fr": {"contact", "bonjour"}, "pt": {"geral", "info"}, "de": {"info", "kontakt"}, "el": {"info"},
		"ru": {"info", "mail"}}
	extraLanguages = []string{"ga", "pl", "ar", "pt", "ro", "uk"}
)

// makePartners makes n partners. Every kind and every stage appears once n allows it; the rest are drawn by
// weight.
func (g *gen) makePartners(n int) {
	kinds := make([]data.PartnerKind, n)
	stages := make([]data.Stage, n)
	for i := range n {
		if i < len(data.PartnerKinds) {
			kinds[i] = data.PartnerKinds[i]
		} else {
			kinds[i] = data.PartnerKinds[g.weighted(kindWeights...)]
		}
		if i < len(data.Stages) {
			stages[i] = data.Stages[i]
		} else {
			stages[i] = data.Stages[g.weighted(stageWeights...)]
		}
	}
	g.r.Shuffle(n, func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	g.r.Shuffle(n, func(i, j int) { stages[i], stages[j] = stages[j], stages[i] })

	localeWeights := make([]int, len(locales))
	for i, l := range locales {
		localeWeights[i] = l.weight
	}
	g.partners = make([]*partnerInfo, n)
	for i := range n {
		g.partners[i] = g.partner(locales[g.weighted(localeWeights...)], kinds[i], stages[i])
	}
	if len(g.signable()) == 0 {
		// Too few partners to have a signatory by chance: the first contact of the first partner signs.
		c := &g.partners[0].Contacts[0]
		c.MaySign, c.Role = true, kindRoles[g.partners[0].PartnerKind].signers[0]
	}
	total := 0
	for i, p := range g.partners {
		for _, f := range p.FocusAreas {
			g.byFocus[f] = append(g.byFocus[f], i)
		}
		if len(p.Signatories()) > 0 {
			total += leadWeights[p.Stage]
			g.signers = append(g.signers, i)
			g.signWeights = append(g.signWeights, total)
		}
	}
}

func (g *gen) partner(loc *locale, kind data.PartnerKind, stage data.Stage) *partnerInfo {
	name, dist := g.partnerName(loc, kind)
	p := &partnerInfo{loc: loc, dist: dist, domain: slug(name, 3) + "." + loc.tld}
	p.Partner = &data.Partner{
		Meta:        data.Meta{ID: data.NewID(), CreatedAt: g.at(g.today.AddDays(-g.between(20, 2000)))},
		Name:        name,
		PartnerKind: kind,
		Stage:       stage,
		FocusAreas:  some(g, focusAreas, 1+g.weighted(45, 35, 20)),
		Address:     fmt.Sprintf(loc.address, pick(g.r, loc.streets), g.between(1, 120), loc.postcode(g.r)),
	}
	p.Description = fmt.Sprintf("%s in %s, %s, working on %s.", kindDescriptions[kind], dist.name, loc.city,
		joinAnd(p.FocusAreas))
	if g.chance(0.6) {
		p.Website = "https://www." + p.domain
	}
	if g.chance(0.85) {
		p.Email = pick(g.r, genericMailboxes[loc.code]) + "@" + p.domain
	}
	if g.chance(0.8) {
		p.Phone = loc.phone(g.r)
	}
	p.Languages = []string{loc.code}
	switch {
	case loc != english && g.chance(0.5):
		p.Languages = append(p.Languages, "en")
	case loc == english && g.chance(0.15):
		p.Languages = append(p.Languages, pick(g.r, extraLanguages))
	}
	g.contacts(p)
	g.offers(p)
	if stage != data.StageProspect || g.chance(0.7) {
		p.Influence = min(5, max(1, baseInfluence[kind]+g.between(-1, 1)))
		p.Interest = min(5, max(1, baseInterest[stage]+g.between(-1, 1)))
	}
	if g.chance(0.3) {
		p.Notes = pick(g.r, partnerNotes)
	}
	return p
}

// partnerName composes a name from the locale's templates, in a district that is also the partner's address.
// A name already taken is drawn again; failing that it becomes a branch in another district, and failing
// that it gets a branch number.
func (g *gen) partnerName(loc *locale, kind data.PartnerKind) (string, district) {
	var name string
	var dist district
	for range 6 {
		dist = pick(g.r, loc.districts)
		if name = g.fill(loc, pick(g.r, loc.templates[kind]), dist); !g.names[name] {
			g.names[name] = true
			return name, dist
		}
	}
	for range 4 {
		other := pick(g.r, loc.districts)
		if site := fmt.Sprintf(loc.site, name, other.name, other.gen); other != dist && !g.names[site] {
			g.names[site] = true
			return site, other
		}
	}
	for n := 2; ; n++ {
		if branch := fmt.Sprintf(loc.branch, name, n); !g.names[branch] {
			g.names[branch] = true
			return branch, dist
		}
	}
}

// fill replaces the placeholders of a name template.
func (g *gen) fill(loc *locale, tpl string, dist district) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tpl, '{')
		if open < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		end := strings.IndexByte(tpl[open:], '}') + open
		b.WriteString(tpl[:open])
		b.WriteString(g.placeholder(loc, tpl[open+1:end], dist))
		tpl = tpl[end+1:]
	}
}

func (g *gen) placeholder(loc *locale, key string, dist district) string {
	switch key {
	case "d":
		return dist.gen
	case "s":
		form := 0
		if loc == greek {
			form = 1 // the genitive a shop name needs: Φούρνος Παπαδοπούλου
		}
		return pick(g.r, loc.surnames)[form]
	case "w":
		return pick(g.r, loc.words)
	case "saint":
		return pick(g.r, loc.saints)
	case "famous":
		return pick(g.r, loc.famous)
	case "street":
		return pick(g.r, loc.streets)
	case "n":
		return strconv.Itoa(g.between(1, 180))
	case "a":
		if len(loc.ordinals) > 0 {
			return pick(g.r, loc.ordinals)
		}
		return strconv.Itoa(g.between(1, 9))
	}
	return key
}

// contacts gives the partner one to four people; everyone past the prospect stage has someone who may sign.
func (g *gen) contacts(p *partnerInfo) {
	rs := kindRoles[p.PartnerKind]
	needSigner := p.Stage != data.StageProspect || g.chance(0.5)
	n := 1 + g.weighted(30, 35, 20, 15)
	for i := range n {
		full, first, surname := g.newPerson(p.loc)
		c := data.Contact{ID: data.NewID(), Name: full, Language: p.loc.code}
		switch {
		case i == 0 && needSigner:
			c.Role, c.MaySign = pick(g.r, rs.signers), true
		case g.chance(0.25):
			c.Role, c.MaySign = pick(g.r, rs.signers), g.chance(0.5)
		default:
			c.Role = pick(g.r, rs.others)
		}
		if g.chance(0.8) {
			c.Email = mailbox(first, surname) + "@" + p.domain
		}
		if g.chance(0.6) {
			c.Phone = p.loc.phone(g.r)
		}
		if p.loc != english && g.chance(0.15) {
			c.Language = "en"
		}
		if g.chance(0.1) {
			c.Notes = pick(g.r, contactNotes)
		}
		p.Contacts = append(p.Contacts, c)
	}
}

// offers fills the partner's line of the resource map, mostly with what its kind usually brings.
func (g *gen) offers(p *partnerInfo) {
	n := g.weighted(25, 35, 25, 15)
	if p.PartnerKind == data.PartnerFunder {
		n = max(n, 1)
	}
	var used []string
	for range n {
		kind := pick(g.r, data.ResourceKinds)
		if g.chance(0.7) {
			kind = pick(g.r, preferredOffers[p.PartnerKind])
		}
		idea := pick(g.r, offerIdeas[kind])
		if slices.Contains(used, idea.text) {
			continue
		}
		used = append(used, idea.text)
		p.Offers = append(p.Offers, data.Offer{Kind: kind, Description: idea.text, Value: g.euros(idea.lo, idea.hi)})
	}
}

// signable lists the partners with a contact who may sign.
func (g *gen) signable() []int {
	var out []int
	for i, p := range g.partners {
		if len(p.Signatories()) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// signingPartner draws a partner that can sign, favouring active ones.
func (g *gen) signingPartner() int {
	x := g.r.IntN(g.signWeights[len(g.signWeights)-1])
	i, _ := slices.BinarySearchFunc(g.signWeights, x, func(w, x int) int {
		if w <= x {
			return -1
		}
		return 1
	})
	return g.signers[i]
}
