package data

import "testing"

func TestANewEvaluationsPeriodFollowsTheRecords(t *testing.T) {
	today := Date{2026, 12, 1}
	yearly := func(start Date) *Agreement {
		return &Agreement{Meta: Meta{ID: "a1"}, Start: start, ReviewEveryMonths: 12, Goals: []Goal{{ID: "g1"}}}
	}
	earlier := &Evaluation{Meta: Meta{ID: "e1"}, AgreementID: "a1", PeriodStart: Date{2025, 9, 1}, PeriodEnd: Date{2026, 5, 31}}
	for _, c := range []struct {
		name  string
		a     *Agreement
		v     View
		start Date
	}{
		{"one review interval back", yearly(Date{2024, 1, 15}), NewMemory(), Date{2025, 12, 1}},
		{"not before the agreement started", yearly(Date{2026, 6, 1}), NewMemory(), Date{2026, 6, 1}},
		{"from the day after the last evaluation", yearly(Date{2024, 1, 15}), NewMemory(earlier), Date{2026, 6, 1}},
		{"a future start is no period yet", yearly(Date{2027, 1, 1}), NewMemory(), Date{2025, 12, 1}},
		{"no review interval: from the start", &Agreement{Meta: Meta{ID: "a1"}, Start: Date{2026, 3, 2}}, NewMemory(), Date{2026, 3, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := NewEvaluationOf(c.v, c.a, today)
			if e.PeriodStart != c.start || e.PeriodEnd != today || e.Date != today || e.AgreementID != "a1" {
				t.Fatalf("period %v – %v on %v, want %v – %v", e.PeriodStart, e.PeriodEnd, e.Date, c.start, today)
			}
			if len(e.GoalProgress) != len(c.a.Goals) {
				t.Fatalf("%d goals ready for progress", len(e.GoalProgress))
			}
		})
	}
}
