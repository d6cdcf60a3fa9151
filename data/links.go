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
	ix := kept(v, "links by partner", []Kind{KindAgreement, KindEvaluation, KindActivity, KindNeed}, func() *linksIndex { return indexLinks(v) })
	l := Links{
		Agreements: slices.Clone(ix.agreements[partnerID]),
		Activities: slices.Clone(ix.activities[partnerID]),
		Needs:      slices.Clone(ix.needs[partnerID]),
	}
	slices.SortStableFunc(l.Activities, func(a, b *Activity) int { return b.Date.Time().Compare(a.Date.Time()) })
	latest := -1 // the latest evaluation up to today; of two on one day, the first listed
	consider := func(at []int) {
		for _, i := range at {
			e := ix.evaluations[i]
			if !e.Date.After(today) && (latest < 0 || e.Date.After(ix.evaluations[latest].Date) ||
				!ix.evaluations[latest].Date.After(e.Date) && i < latest) {
				latest = i
			}
		}
	}
	consider(ix.evaluationsOf[partnerID])
	for _, a := range l.Agreements {
		consider(ix.evaluationsOf[a.ID])
	}
	if latest >= 0 {
		l.LatestEvaluation = ix.evaluations[latest]
	}
	return l
}

// linksIndex is, for each partner, the live records that name it, in list order, kept until one of their
// kinds changes: gathering them for one partner read every agreement, evaluation, activity and need of
// the group, at each click on a partner.
type linksIndex struct {
	agreements    map[string][]*Agreement // by partner ID
	evaluations   []*Evaluation           // as List gives them
	evaluationsOf map[string][]int        // positions in evaluations, by the partner or agreement evaluated
	activities    map[string][]*Activity  // by partner ID
	needs         map[string][]*Need      // by partner ID
}

func indexLinks(v View) *linksIndex {
	ix := &linksIndex{agreements: map[string][]*Agreement{}, evaluationsOf: map[string][]int{},
		activities: map[string][]*Activity{}, needs: map[string][]*Need{}}
	for _, a := range List[Agreement](v) {
		for _, id := range uniq(a.PartnerIDs()) {
			ix.agreements[id] = append(ix.agreements[id], a)
		}
	}
	ix.evaluations = List[Evaluation](v)
	for i, e := range ix.evaluations {
		for _, id := range uniq([]string{e.PartnerID, e.AgreementID}) {
			ix.evaluationsOf[id] = append(ix.evaluationsOf[id], i)
		}
	}
	for _, a := range List[Activity](v) {
		for _, id := range uniq(a.PartnerIDs) {
			ix.activities[id] = append(ix.activities[id], a)
		}
	}
	for _, n := range List[Need](v) {
		for _, id := range uniq(n.PartnerIDs) {
			ix.needs[id] = append(ix.needs[id], n)
		}
	}
	return ix
}

// uniq is ids without repeats and blanks, in order: a record that names a partner twice is linked once.
func uniq(ids []string) []string {
	var out []string
	for _, id := range ids {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
