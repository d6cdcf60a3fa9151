package data

import (
	"slices"
	"strings"
)

// ActivitiesOf lists an agreement's activities, newest first: those recorded against it, and those with
// one of its partners recorded against no agreement.
func ActivitiesOf(v View, a *Agreement) []*Activity {
	partners := a.PartnerIDs()
	var out []*Activity
	for _, x := range List[Activity](v) {
		mine := x.AgreementID == a.ID
		if x.AgreementID == "" {
			for _, id := range x.PartnerIDs {
				mine = mine || slices.Contains(partners, id)
			}
		}
		if mine {
			out = append(out, x)
		}
	}
	slices.SortStableFunc(out, func(x, y *Activity) int { return y.Date.Time().Compare(x.Date.Time()) })
	return out
}

// ActionsOf lists the actions agreed at an agreement's activities and evaluations.
func ActionsOf(v View, a *Agreement) []ActionItem {
	var out []ActionItem
	for _, x := range ActivitiesOf(v, a) {
		out = append(out, x.Actions...)
	}
	for _, e := range History(v, KindAgreement, a.ID) {
		out = append(out, e.Actions...)
	}
	return out
}

// Sides knows whom the people of an agreement speak for, so an action's owner can be put on a side.
type Sides map[string]int

// SidesOf gathers, for each party of an agreement (by its index), the names that stand for it: its own,
// its signatory's, a partner's contacts', our organisation's usual signatory's, and those of the
// respondents of the agreement's evaluations.
func SidesOf(v View, a *Agreement) Sides {
	out := Sides{}
	note := func(name string, party int) {
		if key := Fold(strings.TrimSpace(name)); key != "" {
			out[key] = party
		}
	}
	org := v.Organisation()
	for i, p := range a.Parties {
		note(p.Signatory.Name, i)
		if p.Us {
			note(org.Name, i)
			note(org.SignatoryName, i)
			continue
		}
		if partner := Lookup[Partner](v, p.PartnerID); partner != nil {
			note(partner.Name, i)
			for _, c := range partner.Contacts {
				note(c.Name, i)
			}
		}
	}
	for _, e := range History(v, KindAgreement, a.ID) {
		for _, r := range e.Respondents {
			for i, p := range a.Parties {
				if p.Us && r.Us || !p.Us && r.PartnerID == p.PartnerID && r.PartnerID != "" {
					note(r.Name, i)
				}
			}
		}
	}
	return out
}

// Of is the party whose person the owner is, or -1 when the owner names no one known.
func (s Sides) Of(owner string) int {
	if i, ok := s[Fold(strings.TrimSpace(owner))]; ok {
		return i
	}
	return -1
}
