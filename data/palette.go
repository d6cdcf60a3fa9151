package data

import (
	"slices"
	"strings"
)

// Colour is a colour of the network map. The map on the screen and the map on paper take their colours
// from here, so a printed map's legend reads like the screen's.
type Colour struct{ R, G, B uint8 }

// UsColour is our own organisation's node: the teal of the letterhead.
var UsColour = Colour{0x1f, 0x6f, 0x78}

// AgreementColour is the colour of a tie made by an agreement.
var AgreementColour = Colour{0x21, 0x25, 0x29}

// kindColours tell the kinds of partner apart (Tableau's ten, and one more), distinct enough for most
// colour-blind readers beside the legend's words.
var kindColours = map[PartnerKind]Colour{
	PartnerCommunityOrg: {0x4e, 0x79, 0xa7},
	PartnerGovernment:   {0xf2, 0x8e, 0x2b},
	PartnerEducation:    {0xe1, 0x57, 0x59},
	PartnerBusiness:     {0x76, 0xb7, 0xb2},
	PartnerResidents:    {0x59, 0xa1, 0x4f},
	PartnerSocial:       {0xed, 0xc9, 0x48},
	PartnerNonProfit:    {0xb0, 0x7a, 0xa1},
	PartnerFaith:        {0xff, 0x9d, 0xa7},
	PartnerFunder:       {0x9c, 0x75, 0x5f},
	PartnerMedia:        {0xba, 0xb0, 0xac},
	PartnerOther:        {0xd4, 0xa6, 0xc8},
}

// ownKindColours are the group's own kinds of partner's: eight more, as far from Accord's eleven and from
// each other as they go (at least 28 and 53 apart in CIELAB), each at least 3:1 against the window's light
// and dark backgrounds.
var ownKindColours = []Colour{
	{0x1a, 0x94, 0xff}, {0xff, 0x00, 0x66}, {0x00, 0x99, 0x00}, {0x99, 0x00, 0xff},
	{0x86, 0x67, 0x13}, {0x00, 0x80, 0x66}, {0xe2, 0x36, 0xc0}, {0xff, 0x55, 0x00},
}

// KindPalette colours the kinds of partner on a network map, Accord's own and the group's.
type KindPalette struct {
	// Own are the group's own kinds, in the order they take their colours: the order the group added
	// them (their entries' IDs sort by time), so every laptop, at every start, draws a kind in the same
	// colour, and a renamed kind keeps it. Past eight kinds, the colours come round again.
	Own []PartnerKind
	own map[PartnerKind]Colour
}

// KindColours is the palette of the kinds of partner the view holds.
func KindColours(v View) KindPalette {
	entries := entriesOf(v, ListPartnerKinds)
	slices.SortFunc(entries, func(a, b *PickEntry) int { return strings.Compare(a.ID, b.ID) })
	p := KindPalette{own: map[PartnerKind]Colour{}}
	for _, e := range entries {
		k := PartnerKind(e.Value)
		if _, taken := p.own[k]; taken || ListPartnerKinds.BuiltIn(e.Value) {
			continue
		}
		p.own[k] = ownKindColours[len(p.Own)%len(ownKindColours)]
		p.Own = append(p.Own, k)
	}
	return p
}

// Of is the colour of a kind of partner; a kind no entry names (a partner's from a file, before the entry
// arrives) takes the colour of "other".
func (p KindPalette) Of(k PartnerKind) Colour {
	if c, ok := kindColours[k]; ok {
		return c
	}
	if c, ok := p.own[k]; ok {
		return c
	}
	return kindColours[PartnerOther]
}

// quadrantColours are the stakeholder map's four parts, as the Maps screen tints them; grey for a partner
// not judged yet.
var quadrantColours = map[Quadrant]Colour{
	ManageClosely: {0xd9, 0x53, 0x4f},
	KeepSatisfied: {0xf0, 0xad, 0x4e},
	KeepInformed:  {0x1f, 0x9f, 0xa8},
	Monitor:       {0x99, 0x99, 0x99},
	"":            {0xd0, 0xd0, 0xd0},
}

// QuadrantColour is the colour of a part of the stakeholder map.
func QuadrantColour(q Quadrant) Colour { return quadrantColours[q] }

// tieColours are the built-in kinds of relation; the group's own take otherColours in turn.
var (
	tieColours = map[string]Colour{
		RelationFunds:          {0x2e, 0x7d, 0x32},
		RelationMemberOf:       {0x15, 0x65, 0xc0},
		RelationPartOf:         {0x6a, 0x1b, 0x9a},
		RelationRefersTo:       {0xef, 0x6c, 0x00},
		RelationSharesPremises: {0x8d, 0x6e, 0x63},
		RelationWorksWith:      {0x5c, 0x6b, 0xc0},
		AgreementTies:          AgreementColour,
	}
	otherColours = []Colour{{0x00, 0x83, 0x8f}, {0xad, 0x14, 0x57}, {0x9e, 0x9d, 0x24}, {0x45, 0x27, 0xa0}, {0x00, 0x69, 0x5c}}
)

// TieColour is the colour of a tie: an agreement, a built-in kind of relation, or the group's own kind,
// by its place among the group's kinds.
func TieColour(v View, key string) Colour {
	if c, ok := tieColours[key]; ok {
		return c
	}
	for i, t := range List[RelationType](v) {
		if t.ID == key {
			return otherColours[i%len(otherColours)]
		}
	}
	return otherColours[0]
}
