package data

import "slices"

// Links is what names one partner: its agreements, evaluations, activities and needs.
type Links struct {
	Agreements       []*Agreement
	LatestEvaluation *Evaluation
	Activities       []*Activity // newest first
	Needs            []*Need
}

// LinkedTo gathers the live records that name a partner, from the in-memory index.
func LinkedTo(v View, partnerID string, today Date) Links {
	var l Links
	agreements := map[string]bool{}
	for _, a := range List[Agreement](v) {
		if slices.Contains(a.PartnerIDs(), partnerID) {
			l.Agreements = append(l.Agreements, a)
			agreements[a.ID] = true
		}
	}
	for _, e := range List[Evaluation](v) {
		if (e.PartnerID == partnerID || agreements[e.AgreementID]) && !e.Date.After(today) &&
			(l.LatestEvaluation == nil || e.Date.After(l.LatestEvaluation.Date)) {
			l.LatestEvaluation = e
		}
	}
	for _, a := range List[Activity](v) {
		if slices.Contains(a.PartnerIDs, partnerID) {
			l.Activities = append(l.Activities, a)
		}
	}
	slices.SortStableFunc(l.Activities, func(a, b *Activity) int { return b.Date.Time().Compare(a.Date.Time()) })
	for _, n := range List[Need](v) {
		if slices.Contains(n.PartnerIDs, partnerID) {
			l.Needs = append(l.Needs, n)
		}
	}
	return l
}
