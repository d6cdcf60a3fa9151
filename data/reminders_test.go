package data

import (
	"math"
	"testing"
	"time"
)

// reminderStore has one partner, created long ago, for agreements and activities to point at.
func reminderStore(t *testing.T) (*Memory, *Partner) {
	s := NewMemory()
	p := partner("Library")
	p.CreatedAt = time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	return s, p
}

func TestRemindersAroundDateEdges(t *testing.T) {
	for _, c := range []struct {
		name  string
		today Date
		setup func(a *Agreement)
		want  ReminderKind // "" means no reminder about the agreement
	}{
		{"ends today", NewDate(2026, 3, 1), func(a *Agreement) { a.End = NewDate(2026, 3, 1) }, RemindExpiring},
		{"ended yesterday", NewDate(2026, 3, 2), func(a *Agreement) { a.End = NewDate(2026, 3, 1) }, ""},
		{"ends in 60 days across a leap day", NewDate(2028, 1, 1), func(a *Agreement) { a.End = NewDate(2028, 3, 1) }, RemindExpiring},
		{"ends in 61 days", NewDate(2027, 1, 1), func(a *Agreement) { a.End = NewDate(2027, 3, 3) }, ""},
		{"sent 31 days ago", NewDate(2026, 3, 31), func(a *Agreement) { a.Status, a.SentOn = StatusSent, NewDate(2026, 2, 28) }, RemindSignatures},
		{"sent 30 days ago", NewDate(2026, 3, 30), func(a *Agreement) { a.Status, a.SentOn = StatusSent, NewDate(2026, 2, 28) }, ""},
		{"review due on 29 February", NewDate(2028, 2, 1), func(a *Agreement) {
			a.Start, a.End, a.ReviewEveryMonths = NewDate(2027, 8, 29), NewDate(2030, 1, 1), 6
		}, RemindEvaluation},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, p := reminderStore(t)
			a := validAgreement()
			a.Status, a.Start, a.End = StatusSigned, NewDate(2025, 1, 1), NewDate(2030, 1, 1)
			a.Parties[1].PartnerID = p.ID
			c.setup(a)
			if err := s.Save(a); err != nil {
				t.Fatal(err)
			}
			var got ReminderKind
			for _, r := range Reminders(s, c.today) {
				if r.Target.ID == a.ID {
					got = r.Kind
				}
			}
			if got != c.want {
				t.Fatalf("reminder %q, want %q", got, c.want)
			}
		})
	}
}

func TestOpenActionsOverdueFirstAndQuietPartners(t *testing.T) {
	s, p := reminderStore(t)
	today := NewDate(2026, 11, 23)
	meeting := &Activity{Name: "Planning", ActivityKind: "meeting", Date: NewDate(2026, 3, 1), PartnerIDs: []string{p.ID},
		Actions: []ActionItem{{Text: "Due today", Due: today}, {Text: "Late", Due: today.AddDays(-1)}, {Text: "No date"}, {Text: "Done", Due: today.AddDays(-9), Done: true}}}
	if err := s.Save(meeting); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, x := range OpenActions(s, today) {
		texts = append(texts, x.Action.Text)
	}
	if len(texts) != 3 || texts[0] != "Late" || texts[1] != "Due today" || texts[2] != "No date" {
		t.Fatalf("open actions %v", texts)
	}
	quiet := func(day Date) bool {
		for _, r := range Reminders(s, day) {
			if r.Kind == RemindQuiet && r.Target.ID == p.ID {
				return true
			}
		}
		return false
	}
	if quiet(NewDate(2026, 9, 1)) || !quiet(NewDate(2026, 9, 2)) {
		t.Fatal("an active partner is quiet once its last activity is more than six months old")
	}
}

func TestHeadlinesLeverageHealthAndLongevity(t *testing.T) {
	s, p := reminderStore(t)
	a := validAgreement()
	a.Status, a.Start, a.End = StatusSigned, NewDate(2024, 11, 23), NewDate(2027, 1, 1)
	a.Parties[0].Contributions = []Contribution{{Kind: ResourceVolunteers, Description: "Tutors", Value: 100000}}
	a.Parties[1].PartnerID = p.ID
	a.Parties[1].Contributions = []Contribution{{Kind: ResourceSpace, Description: "Room", Value: 300000}}
	if err := s.Save(a); err != nil {
		t.Fatal(err)
	}
	for day, v := range map[Date]int{NewDate(2025, 5, 1): 3, NewDate(2026, 5, 1): 4} {
		e := &Evaluation{AgreementID: a.ID, Date: day, Respondents: []Respondent{{Name: "A", Scores: map[Dimension]Score{DimTrust: {Value: v}}}}}
		if err := s.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	h := HeadlinesOn(s, NewDate(2026, 11, 23))
	if h.Leverage != 3 || h.PartnerContributions != 300000 || h.AverageHealth != 4 || h.HealthChange != 1 {
		t.Fatalf("headlines %+v", h)
	}
	if math.Abs(h.LongevityYears-2) > 0.01 {
		t.Fatalf("longevity %.2f years, want 2", h.LongevityYears)
	}
}
