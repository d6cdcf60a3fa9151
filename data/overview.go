package data

import "sort"

// ExpiryWarningDays is how far ahead the dashboard warns of an agreement's end.
const ExpiryWarningDays = 60

// Overview is the dashboard's picture of the data on one day. It is derived every time, never stored.
type Overview struct {
	Partners, ActivePartners    int // active: by stage, or party to an agreement in force
	Agreements                  int
	AgreementsByStatus          map[AgreementStatus]int
	Expiring                    []*Agreement // active, ending within ExpiryWarningDays, soonest first
	Evaluations, Activities     int
	OpenNeeds, UnmetHighNeeds   int
	OpenActions, OverdueActions int
}

// OverviewOn counts what the dashboard shows on a day.
func OverviewOn(v View, today Date) Overview {
	o := Overview{AgreementsByStatus: map[AgreementStatus]int{}}
	inForce := map[string]bool{} // partners party to an agreement in force: active, whatever their stage says
	for _, a := range List[Agreement](v) {
		if a.StatusOn(today) == StatusActive {
			for _, id := range a.PartnerIDs() {
				inForce[id] = true
			}
		}
	}
	for _, p := range List[Partner](v) {
		o.Partners++
		if p.Stage == StageActive || inForce[p.ID] {
			o.ActivePartners++
		}
	}
	for _, a := range List[Agreement](v) {
		o.Agreements++
		status := a.StatusOn(today)
		o.AgreementsByStatus[status]++
		if endsSoon(a, today) {
			o.Expiring = append(o.Expiring, a)
		}
	}
	sort.SliceStable(o.Expiring, func(i, j int) bool { return o.Expiring[i].End.Before(o.Expiring[j].End) })
	for _, n := range List[Need](v) {
		if n.Unmet() {
			o.OpenNeeds++
			if n.Priority == PriorityHigh {
				o.UnmetHighNeeds++
			}
		}
	}
	evaluations := List[Evaluation](v)
	o.Evaluations = len(evaluations)
	activities := List[Activity](v)
	o.Activities = len(activities)
	for _, e := range evaluations {
		o.countActions(e.Actions, today)
	}
	for _, a := range activities {
		o.countActions(a.Actions, today)
	}
	return o
}

func (o *Overview) countActions(actions []ActionItem, today Date) {
	for _, x := range actions {
		if !x.Done {
			o.OpenActions++
		}
		if x.Overdue(today) {
			o.OverdueActions++
		}
	}
}

// endsSoon is true for an active agreement whose end is within ExpiryWarningDays (today included).
func endsSoon(a *Agreement, today Date) bool {
	return a.StatusOn(today) == StatusActive && !a.End.IsZero() && today.DaysUntil(a.End) <= ExpiryWarningDays
}
