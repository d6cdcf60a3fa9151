package data

import (
	"slices"
	"testing"
	"time"
)

// yearStore holds, around the turn of 2024 to 2025 and 2025 to 2026: a partner entered as a prospect in
// 2023, active through 2024 and 2025 and dormant from 2 January 2026; a partner entered in 2026; a need
// raised in 2024 and met in 2025, one raised in 2025 and still open, and one recorded before Accord kept
// days; an agreement in force from 2024 to the end of 2025 with the first partner; one signed in 2025 to
// start next year (2026) with the second; and an activity with the second partner on 31 December 2025.
func yearStore(t *testing.T) *Memory {
	t.Helper()
	s := NewMemory()
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.Local) }
	river := partner("Riverside Tenants")
	river.Stage, river.CreatedAt = StageDormant, at(2023, 5, 1)
	river.Stages = []StageChange{{StageProspect, NewDate(2023, 5, 1)}, {StageActive, NewDate(2024, 1, 1)},
		{StageDormant, NewDate(2026, 1, 2)}}
	school := partner("Hill School")
	school.Stage, school.CreatedAt = StageEngaged, at(2026, 1, 1)
	s.Add(river, school)
	s.Add(
		&Need{Meta: Meta{ID: "met", CreatedAt: at(2024, 3, 1)}, Name: "Warm space", Priority: PriorityHigh, Status: NeedMet,
			Opened: NewDate(2024, 3, 1), Closed: NewDate(2025, 2, 1)},
		&Need{Meta: Meta{ID: "open", CreatedAt: at(2025, 12, 31)}, Name: "Youth club", Priority: PriorityLow, Status: NeedOpen,
			Opened: NewDate(2025, 12, 31)},
		&Need{Meta: Meta{ID: "old", CreatedAt: at(2023, 6, 1)}, Name: "Bus stop", Priority: PriorityHigh, Status: NeedOpen},
	)
	signed := func(name string, p *Partner, on, start, end Date) *Agreement {
		a := validAgreement()
		a.Name, a.Status, a.Start, a.End = name, StatusSigned, start, end
		a.Parties[1].PartnerID = p.ID
		for i := range a.Parties {
			a.Parties[i].Signatory.SignedOn = on
		}
		return a
	}
	s.Add(signed("Tenants' hall", river, NewDate(2023, 12, 15), NewDate(2024, 1, 1), NewDate(2025, 12, 31)),
		signed("After-school club", school, NewDate(2025, 11, 20), NewDate(2026, 1, 1), NewDate(2026, 12, 31)))
	s.Add(&Activity{Name: "New Year's Eve lunch", ActivityKind: "event", Date: NewDate(2025, 12, 31), PartnerIDs: []string{school.ID},
		Participation: Participation{People: 40, New: 12, Volunteers: 6}})
	return s
}

func names(ps []*Partner) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

// Every figure of the year is as of its last day: 31 December, or today while the year runs.
func TestYearFiguresAcrossYearBoundaries(t *testing.T) {
	s := yearStore(t)
	for _, c := range []struct {
		name                 string
		year                 int
		today                Date
		current              bool
		partners, active     int
		stage                Stage // the first partner's
		raised, met, waiting int
		thanked              []string
		turnout              int
	}{
		{"2023: a prospect, nothing in force", 2023, NewDate(2026, 6, 1), false, 1, 0, StageProspect, 1, 0, 1, nil, 0},
		{"2024: active, a need raised", 2024, NewDate(2026, 6, 1), false, 1, 1, StageActive, 1, 0, 2, []string{"Riverside Tenants"}, 0},
		{"2025: the need met, a lunch with a partner whose agreement starts next year", 2025, NewDate(2026, 6, 1), false,
			1, 1, StageActive, 1, 1, 2, []string{"Hill School", "Riverside Tenants"}, 40},
		{"2025 seen on its last day", 2025, NewDate(2025, 12, 31), true, 1, 1, StageActive, 1, 1, 2, []string{"Hill School", "Riverside Tenants"}, 40},
		{"2025 seen before the lunch", 2025, NewDate(2025, 12, 30), true, 1, 1, StageActive, 0, 1, 1, []string{"Riverside Tenants"}, 0},
		{"2026 on 1 January: the new agreement in force, the old one ended", 2026, NewDate(2026, 1, 1), true, 2, 2, StageActive, 0, 0, 2, []string{"Hill School"}, 0},
		{"2026 on 2 January: the first partner dormant", 2026, NewDate(2026, 1, 2), true, 2, 1, StageDormant, 0, 0, 2, []string{"Hill School"}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			span, current := YearSpan(c.year, c.today)
			if current != c.current {
				t.Errorf("current year: %v, want %v", current, c.current)
			}
			on := PartnersOn(s, span.To)
			active := 0
			for _, p := range on {
				if p.Active {
					active++
				}
				if p.Name == "Riverside Tenants" && p.Stage != c.stage {
					t.Errorf("Riverside is %q, want %q", p.Stage, c.stage)
				}
			}
			if len(on) != c.partners || active != c.active {
				t.Errorf("%d partners, %d active; want %d, %d", len(on), active, c.partners, c.active)
			}
			needs := NeedsDuring(s, span)
			if needs.Raised != c.raised || needs.Met != c.met || len(needs.Waiting) != c.waiting {
				t.Errorf("needs raised %d, met %d, waiting %d; want %d, %d, %d", needs.Raised, needs.Met, len(needs.Waiting), c.raised, c.met, c.waiting)
			}
			if !needs.Undated {
				t.Error("the bus stop, recorded before Accord kept days, is counted without saying so")
			}
			if got := names(WorkedWith(s, span)); !slices.Equal(got, c.thanked) {
				t.Errorf("thanked %q, want %q", got, c.thanked)
			}
			if got := TurnoutIn(s, span, nil).People; got != c.turnout {
				t.Errorf("%d people took part, want %d", got, c.turnout)
			}
		})
	}
}

func TestAgreementInForce(t *testing.T) {
	for _, c := range []struct {
		name       string
		change     func(a *Agreement)
		from, last Date
		in         []Date
		out        []Date
	}{
		{"signed before it starts", func(a *Agreement) {}, NewDate(2024, 1, 1), NewDate(2025, 12, 31),
			[]Date{NewDate(2024, 1, 1), NewDate(2025, 12, 31)}, []Date{NewDate(2023, 12, 31), NewDate(2026, 1, 1)}},
		{"signed after it was to start", func(a *Agreement) { a.Parties[1].Signatory.SignedOn = NewDate(2024, 2, 10) },
			NewDate(2024, 2, 10), NewDate(2025, 12, 31), []Date{NewDate(2024, 2, 10)}, []Date{NewDate(2024, 1, 31)}},
		{"ended early", func(a *Agreement) { a.Status, a.TerminatedOn = StatusTerminated, NewDate(2024, 6, 30) },
			NewDate(2024, 1, 1), NewDate(2024, 6, 30), []Date{NewDate(2024, 6, 30)}, []Date{NewDate(2024, 7, 1), NewDate(2025, 1, 1)}},
		{"ended before everyone signed", func(a *Agreement) {
			a.Status, a.TerminatedOn, a.Parties[1].Signatory.SignedOn = StatusTerminated, NewDate(2024, 6, 30), Date{}
		}, Date{}, Date{}, nil, []Date{NewDate(2024, 3, 1)}},
		{"still a draft", func(a *Agreement) { a.Status = StatusDraft }, Date{}, Date{}, nil, []Date{NewDate(2024, 3, 1)}},
		{"no end", func(a *Agreement) { a.End = Date{} }, NewDate(2024, 1, 1), Date{}, []Date{NewDate(2040, 1, 1)}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := validAgreement()
			a.Status, a.Start, a.End = StatusSigned, NewDate(2024, 1, 1), NewDate(2025, 12, 31)
			for i := range a.Parties {
				a.Parties[i].Signatory.SignedOn = NewDate(2023, 12, 1)
			}
			c.change(a)
			if a.InForceFrom() != c.from || a.EndedOn() != c.last {
				t.Errorf("in force %s to %s, want %s to %s", a.InForceFrom(), a.EndedOn(), c.from, c.last)
			}
			for _, d := range c.in {
				if !a.InForceOn(d) {
					t.Errorf("not in force on %s", d)
				}
			}
			for _, d := range c.out {
				if a.InForceOn(d) {
					t.Errorf("in force on %s", d)
				}
			}
		})
	}
}

func TestYearSpan(t *testing.T) {
	for _, c := range []struct {
		year     int
		today    Date
		to       Date
		current  bool
		holdsEnd bool
	}{
		{2025, NewDate(2026, 1, 1), NewDate(2025, 12, 31), false, true},
		{2025, NewDate(2025, 12, 31), NewDate(2025, 12, 31), true, true},
		{2025, NewDate(2025, 12, 30), NewDate(2025, 12, 30), true, false},
		{2024, NewDate(2024, 2, 29), NewDate(2024, 2, 29), true, false},
	} {
		s, current := YearSpan(c.year, c.today)
		if s.From != NewDate(c.year, 1, 1) || s.To != c.to || current != c.current || s.Holds(NewDate(c.year, 12, 31)) != c.holdsEnd {
			t.Errorf("YearSpan(%d, %s) = %v, %v", c.year, c.today, s, current)
		}
	}
}

// A stage change is dated the day it is saved, unless it says when; the history starts with the stage the
// partner had since it was entered.
func TestStageChangesAreKeptWithTheirDays(t *testing.T) {
	s := NewMemory()
	day := time.Date(2024, 3, 10, 9, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return day }
	p := partner("Library")
	p.Stage = StageProspect
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	if len(p.Stages) != 0 || p.StageOn(NewDate(2024, 3, 10)) != StageProspect || p.StageOn(NewDate(2024, 3, 9)) != "" {
		t.Fatalf("a new partner: %v, on its first day %q", p.Stages, p.StageOn(NewDate(2024, 3, 10)))
	}
	day = time.Date(2025, 1, 5, 9, 0, 0, 0, time.Local)
	edited := Clone(p)
	edited.Stage = StageEngaged
	if err := s.Save(edited); err != nil {
		t.Fatal(err)
	}
	want := []StageChange{{StageProspect, NewDate(2024, 3, 10)}, {StageEngaged, NewDate(2025, 1, 5)}}
	if !slices.Equal(edited.Stages, want) {
		t.Fatalf("history %v, want %v", edited.Stages, want)
	}
	signed := Clone(edited)
	signed.MoveTo(StageActive, NewDate(2024, 12, 1)) // before the last change: counts from it
	if err := s.Save(signed); err != nil {
		t.Fatal(err)
	}
	if got := signed.Stages[2]; got != (StageChange{StageActive, NewDate(2025, 1, 5)}) || len(signed.Stages) != 3 {
		t.Errorf("history %v", signed.Stages)
	}
	if signed.StageOn(NewDate(2025, 1, 5)) != StageActive || signed.StageOn(NewDate(2024, 12, 31)) != StageProspect {
		t.Errorf("stages on the day: %q, before it: %q", signed.StageOn(NewDate(2025, 1, 5)), signed.StageOn(NewDate(2024, 12, 31)))
	}
}

// A need is dated from the day it is recorded and closed on the day it is met; one recorded before Accord
// kept the days counts from the day it was entered, and keeps its closing day when edited later.
func TestNeedDaysAreNoted(t *testing.T) {
	s := NewMemory()
	day := time.Date(2024, 3, 10, 9, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return day }
	n := &Need{Name: "Warm space", Priority: PriorityHigh, Status: NeedOpen}
	if err := s.Save(n); err != nil {
		t.Fatal(err)
	}
	if n.Opened != NewDate(2024, 3, 10) || !n.Closed.IsZero() {
		t.Fatalf("opened %s, closed %s", n.Opened, n.Closed)
	}
	day = time.Date(2025, 2, 1, 9, 0, 0, 0, time.Local)
	met := Clone(n)
	met.Status = NeedMet
	if err := s.Save(met); err != nil {
		t.Fatal(err)
	}
	if met.Closed != NewDate(2025, 2, 1) || met.UnmetOn(NewDate(2025, 2, 1)) || !met.UnmetOn(NewDate(2025, 1, 31)) {
		t.Errorf("closed %s", met.Closed)
	}
	again := Clone(met)
	again.Status = NeedInProgress
	if err := s.Save(again); err != nil || !again.Closed.IsZero() {
		t.Errorf("a need opened again is still closed on %s (%v)", again.Closed, err)
	}

	old := &Need{Meta: Meta{ID: "old", CreatedAt: time.Date(2022, 5, 1, 9, 0, 0, 0, time.Local),
		UpdatedAt: time.Date(2023, 7, 1, 9, 0, 0, 0, time.Local)}, Name: "Bus stop", Priority: PriorityLow, Status: NeedMet}
	s.Add(old)
	if old.OpenedOn() != NewDate(2022, 5, 1) || old.ClosedOn() != NewDate(2023, 7, 1) || !old.Undated() {
		t.Errorf("an undated need: opened %s, closed %s", old.OpenedOn(), old.ClosedOn())
	}
	edited := Clone(old)
	edited.Description = "The shelter blew down."
	if err := s.Save(edited); err != nil {
		t.Fatal(err)
	}
	if edited.ClosedOn() != NewDate(2023, 7, 1) || edited.OpenedOn() != NewDate(2022, 5, 1) {
		t.Errorf("editing an undated need moved its days: opened %s, closed %s", edited.OpenedOn(), edited.ClosedOn())
	}
}

func TestFirstYear(t *testing.T) {
	if FirstYear(NewMemory()) != 0 {
		t.Error("empty records start in some year")
	}
	if got := FirstYear(yearStore(t)); got != 2023 {
		t.Errorf("the records start in %d, want 2023", got)
	}
}

func TestParticipationIsChecked(t *testing.T) {
	a := &Activity{Name: "Fair", ActivityKind: "event", Date: NewDate(2025, 6, 1), Participation: Participation{People: 10, Volunteers: 11}}
	if err := a.Validate(); err == nil {
		t.Error("more volunteers than people is accepted")
	}
	a.Participation = Participation{People: -1}
	if err := a.Validate(); err == nil {
		t.Error("a negative count is accepted")
	}
	a.Participation = Participation{People: 10, New: 10, Volunteers: 2, Community: 7}
	if err := a.Validate(); err != nil {
		t.Error(err)
	}
}

// A long-standing partner entered after its agreement began counts as an active partner in the years the
// agreement was in force, and only then.
func TestPartnerEnteredAfterItsAgreementCountsFromIt(t *testing.T) {
	s := NewMemory()
	p := partner("Old Friends")
	p.Stage, p.CreatedAt = StageEngaged, time.Date(2026, 2, 1, 12, 0, 0, 0, time.Local)
	s.Add(p)
	a := validAgreement()
	a.Status, a.Start, a.End = StatusSigned, NewDate(2024, 3, 1), NewDate(2025, 2, 28)
	a.Parties[1].PartnerID = p.ID
	s.Add(a)
	for _, c := range []struct {
		day   Date
		stage Stage // "" when not counted
	}{
		{NewDate(2024, 2, 29), ""}, {NewDate(2024, 12, 31), StageActive}, {NewDate(2025, 12, 31), ""}, {NewDate(2026, 12, 31), StageEngaged},
	} {
		var got Stage
		for _, on := range PartnersOn(s, c.day) {
			got = on.Stage
		}
		if got != c.stage {
			t.Errorf("on %s: %q, want %q", c.day, got, c.stage)
		}
	}
}

// A partner's screen shows who took part year by year, newest first, across a year's last and first days;
// an activity planned after today and another partner's activity are not counted.
func TestPartnerTurnoutByYear(t *testing.T) {
	s := NewMemory()
	act := func(id string, on Date, people int, partners ...string) *Activity {
		return &Activity{Meta: Meta{ID: id}, Name: id, ActivityKind: "event", Date: on, PartnerIDs: partners,
			Participation: Participation{People: people, New: people / 4}}
	}
	s.Add(
		act("eve", NewDate(2024, 12, 31), 40, "p1"),
		act("new year", NewDate(2025, 1, 1), 25, "p1", "p2"),
		act("uncounted", NewDate(2025, 6, 1), 0, "p1"),
		act("other", NewDate(2025, 7, 1), 99, "p2"),
		act("planned", NewDate(2026, 3, 1), 60, "p1"),
	)
	got := PartnerTurnoutByYear(s, "p1", NewDate(2026, 2, 28))
	want := []YearTurnout{
		{2025, Turnout{Participation{People: 25, New: 6}, 1, 2}},
		{2024, Turnout{Participation{People: 40, New: 10}, 1, 1}},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := PartnerTurnoutByYear(s, "p3", NewDate(2026, 2, 28)); len(got) != 0 {
		t.Errorf("a partner with no activities: %+v", got)
	}
}
