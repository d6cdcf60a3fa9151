package demo

import (
	"fmt"
	"slices"

	"accord/data"
)

var meetingTitles = []string{"Steering group meeting with %s", "Planning meeting with %s", "Review meeting with %s",
	"First meeting with %s"}

// makeActivities makes n meetings, calls, events and visits over the last two years and the next two months,
// mostly with partners we have agreements with.
func (g *gen) makeActivities(n int) {
	for range n {
		lead := g.r.IntN(len(g.partners))
		if g.chance(0.7) {
			lead = g.signingPartner()
		}
		p := g.partners[lead]
		kind := data.ActivityKinds[g.weighted(40, 30, 15, 15)]
		date := g.today.AddDays(-g.between(0, 720))
		future := g.chance(0.1)
		if future {
			date = g.today.AddDays(g.between(1, 60))
		}
		created := date
		if future {
			created = g.today.AddDays(-g.between(1, 20))
		}
		a := &data.Activity{
			Meta:         data.Meta{ID: data.NewID(), CreatedAt: g.at(created)},
			ActivityKind: kind,
			Date:         date,
			PartnerIDs:   []string{p.ID},
		}
		partners := []int{lead}
		if kind == "event" || (kind == "meeting" && g.chance(0.2)) {
			for range g.between(0, 2) {
				if other := g.r.IntN(len(g.partners)); !slices.Contains(partners, other) {
					partners = append(partners, other)
					a.PartnerIDs = append(a.PartnerIDs, g.partners[other].ID)
				}
			}
		}
		if len(p.agreements) > 0 && g.chance(0.5) {
			a.AgreementID = g.agreements[pick(g.r, p.agreements)].ID
		}
		switch kind {
		case "meeting":
			a.Name = fmt.Sprintf(pick(g.r, meetingTitles), p.Name)
		case "call":
			a.Name = fmt.Sprintf("Call with %s about %s", pick(g.r, p.Contacts).Name, pick(g.r, callTopics))
		case "event":
			a.Name = fmt.Sprintf("%s with %s", pick(g.r, eventNames), p.Name)
		default:
			a.Name = "Visit to " + p.Name
		}
		if !future {
			a.Summary = pick(g.r, activitySummaries[kind])
			a.Actions = g.actions(date, g.owners(partners...), g.weighted(30, 35, 25, 10))
		}
		if g.chance(0.3) {
			a.Notes = pick(g.r, activityNotes)
		}
		g.activities = append(g.activities, a)
	}
}

// makeNeeds makes n needs from the community needs assessment, linked to partners working on the theme and,
// for needs being met, to their agreements.
func (g *gen) makeNeeds(n int) {
	for range n {
		theme := pick(g.r, focusAreas)
		title := pick(g.r, needIdeas[theme])
		if g.chance(0.5) {
			title += " in " + pick(g.r, g.orgLoc.districts).name
		}
		status := data.NeedStatuses[g.weighted(35, 35, 20, 10)]
		need := &data.Need{
			Meta:        data.Meta{ID: data.NewID(), CreatedAt: g.at(g.today.AddDays(-g.between(10, 900)))},
			Name:        title,
			Description: fmt.Sprintf(pick(g.r, needDescriptions), g.between(20, 400)),
			Priority:    data.Priorities[g.weighted(30, 45, 25)],
			Source:      data.NeedSources[g.weighted(40, 30, 20, 10)],
			Area:        theme,
			Status:      status,
		}
		k := g.weighted(50, 35, 15)
		switch status {
		case data.NeedInProgress, data.NeedMet:
			k++
		case data.NeedDropped:
			k = g.weighted(70, 30)
		}
		linked := some(g, g.byFocus[theme], k)
		var agreements []int
		for _, p := range linked {
			need.PartnerIDs = append(need.PartnerIDs, g.partners[p].ID)
			for _, a := range g.partners[p].agreements {
				if !slices.Contains(agreements, a) {
					agreements = append(agreements, a)
				}
			}
		}
		if (status == data.NeedInProgress || status == data.NeedMet) && g.chance(0.6) {
			for _, a := range some(g, agreements, g.between(1, 2)) {
				need.AgreementIDs = append(need.AgreementIDs, g.agreements[a].ID)
			}
		}
		g.needs = append(g.needs, need)
	}
}
