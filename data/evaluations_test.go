package data

import "testing"

func TestEvaluationsDueFollowTheReviewCadence(t *testing.T) {
	s := NewMemory()
	p := partner("Library")
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	today := NewDate(2026, 11, 23)
	mk := func(title string, start Date, months int) *Agreement {
		a := validAgreement()
		a.Name, a.Status, a.Start, a.End, a.ReviewEveryMonths = title, StatusSigned, start, NewDate(2028, 1, 1), months
		a.Parties[1].PartnerID = p.ID
		if err := s.Save(a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	late := mk("Reviewed long ago", NewDate(2025, 1, 1), 6)
	soon := mk("Due in ten days", NewDate(2026, 6, 3), 6)
	mk("Just started", NewDate(2026, 11, 1), 12)
	mk("Never reviewed", NewDate(2026, 1, 1), 0)
	if err := s.Save(&Evaluation{AgreementID: late.ID, Date: NewDate(2025, 7, 1)}); err != nil {
		t.Fatal(err)
	}
	due := EvaluationsDue(s, today, 30)
	if len(due) != 2 || due[0].Agreement.ID != late.ID || !due[0].Overdue || due[0].On != NewDate(2026, 1, 1) {
		t.Fatalf("due = %+v", due)
	}
	if due[1].Agreement.ID != soon.ID || due[1].Overdue || due[1].On != NewDate(2026, 12, 3) {
		t.Fatalf("second = %+v", due[1])
	}
}

func TestPreviousEvaluationOfTheSameAgreement(t *testing.T) {
	s := NewMemory()
	first := &Evaluation{AgreementID: "a", Date: NewDate(2025, 5, 1)}
	second := &Evaluation{AgreementID: "a", Date: NewDate(2026, 5, 1)}
	other := &Evaluation{AgreementID: "b", Date: NewDate(2026, 1, 1)}
	for _, e := range []*Evaluation{second, first, other} {
		if err := s.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	if Previous(s, second) != Lookup[Evaluation](s, first.ID) || Previous(s, first) != nil {
		t.Fatal("the previous evaluation is the latest earlier one of the same agreement")
	}
	if got := (Goal{Target: 20}).Progress(15); got != 75 {
		t.Fatalf("progress = %v", got)
	}
}
