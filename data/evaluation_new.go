package data

// NewEvaluationOf is a new evaluation of an agreement dated today, its goals ready for their progress. Its
// period follows from the records: from the day after the agreement's last evaluation ended (or, for the
// first, one review interval back), never before the agreement started, up to today.
func NewEvaluationOf(v View, a *Agreement, today Date) *Evaluation {
	e := &Evaluation{AgreementID: a.ID, Date: today, PeriodEnd: today}
	if a.ReviewEveryMonths > 0 {
		e.PeriodStart = today.AddMonths(-a.ReviewEveryMonths)
	}
	if last := lastPeriodEnd(v, a.ID, today); !last.IsZero() {
		e.PeriodStart = last.AddDays(1)
	}
	if !a.Start.IsZero() && (e.PeriodStart.IsZero() || e.PeriodStart.Before(a.Start)) && !a.Start.After(today) {
		e.PeriodStart = a.Start
	}
	for _, g := range a.Goals {
		e.GoalProgress = append(e.GoalProgress, GoalProgress{GoalID: g.ID})
	}
	return e
}

// lastPeriodEnd is the latest end, before today, of a period an earlier evaluation of the agreement covered.
func lastPeriodEnd(v View, agreementID string, today Date) Date {
	var last Date
	for _, e := range List[Evaluation](v) {
		if e.AgreementID == agreementID && !e.Deleted && e.PeriodEnd.Before(today) && e.PeriodEnd.After(last) {
			last = e.PeriodEnd
		}
	}
	return last
}
