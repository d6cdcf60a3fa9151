package demo

import (
	"math"
	"slices"
	"strings"

	"accord/data"
)

var behindReasons = []string{"the venue was closed for two months", "fewer volunteers than planned",
	"the coordinator post was vacant for a while", "a slow start after the summer"}

// makeEvaluations reviews about half the signed agreements that have run a while: one evaluation a year,
// the latest one to three of them. Each agreement has its own level of health, drifting from year to year,
// and each party its own view of it, so the spread between organisations shows.
func (g *gen) makeEvaluations() {
	for _, a := range g.agreements {
		if a.Status != data.StatusSigned || a.Start.DaysUntil(g.today) < 90 || !g.chance(0.5) {
			continue
		}
		last := a.End
		if g.today.Before(last) {
			last = g.today
		}
		var periods [][2]data.Date
		for k := 1; ; k++ {
			end := a.Start.AddMonths(12 * k).AddDays(-1)
			if end.After(last) {
				break
			}
			periods = append(periods, [2]data.Date{a.Start.AddMonths(12 * (k - 1)), end})
		}
		if len(periods) == 0 {
			periods = append(periods, [2]data.Date{a.Start, last})
		}
		if n := g.between(1, 3); n < len(periods) {
			periods = periods[len(periods)-n:]
		}
		health := 2.4 + g.r.Float64()*2.2
		trend := g.noise(0.3)
		pace := 0.5 + g.r.Float64()*0.8
		bias := make([]float64, len(a.Parties))
		for i, p := range a.Parties {
			bias[i] = g.noise(0.7)
			if p.Us {
				bias[i] = 0.2 + g.noise(0.3)
			}
		}
		for _, period := range periods {
			g.evaluations = append(g.evaluations, g.evaluation(a, period, health, bias, pace))
			health += trend
		}
	}
	g.awaitAnswers()
}

// awaitAnswers starts this year's evaluation of the running agreement with the most partners (two or
// more but in the smallest demos): our chair has answered, and questionnaires have gone to a contact of
// each of two partners, whose answers are still awaited.
func (g *gen) awaitAnswers() {
	var running []*agreementInfo
	for _, a := range g.agreements {
		if a.Status == data.StatusSigned && a.StatusOn(g.today) == data.StatusActive {
			running = append(running, a)
		}
	}
	slices.SortStableFunc(running, func(a, b *agreementInfo) int { return len(b.partners) - len(a.partners) })
	for _, a := range running[:min(len(running), 1)] {
		e := data.NewEvaluationOf(data.NewMemory(), a.Agreement, g.today)
		e.ID, e.CreatedAt = data.NewID(), g.at(g.today)
		chair := data.Respondent{ID: data.NewID(), Us: true, Name: g.staff[0].name, Role: g.staff[0].role, Answered: g.today,
			Scores: map[data.Dimension]data.Score{}}
		for _, dim := range data.Dimensions {
			chair.Scores[dim] = data.Score{Value: g.between(3, 5)}
		}
		e.Respondents = append(e.Respondents, chair)
		for _, i := range a.partners[:min(len(a.partners), 2)] {
			p := g.partners[i]
			if len(p.Contacts) == 0 {
				continue
			}
			c := p.Contacts[0]
			e.Respondents = append(e.Respondents, data.Respondent{ID: data.NewID(), PartnerID: p.ID, ContactID: c.ID, Name: c.Name, Role: c.Role})
		}
		e.PrepareQuestionnaires(data.NewMemory()) // the only evaluation with codes, so any code is free
		g.evaluations = append(g.evaluations, e)
	}
}

func (g *gen) evaluation(a *agreementInfo, period [2]data.Date, health float64, bias []float64, pace float64) *data.Evaluation {
	date := period[1].AddDays(g.between(0, 30))
	if date.After(g.today) {
		date = g.today
	}
	e := &data.Evaluation{
		Meta:        data.Meta{ID: data.NewID(), CreatedAt: g.at(date)},
		AgreementID: a.ID,
		Date:        date,
		PeriodStart: period[0],
		PeriodEnd:   period[1],
	}
	g.respondents(e, a, health, bias)
	for _, goal := range a.Goals {
		elapsed := float64(a.Start.DaysUntil(period[1])) / float64(max(1, a.Start.DaysUntil(goal.Due)))
		expected := goal.Target * math.Min(1, elapsed)
		gp := data.GoalProgress{GoalID: goal.ID, Actual: math.Round(expected * pace * (0.85 + 0.3*g.r.Float64()))}
		if g.chance(0.4) {
			switch ratio := gp.Actual / math.Max(1, expected); {
			case ratio < 0.8:
				gp.Note = "Behind plan: " + pick(g.r, behindReasons) + "."
			case ratio > 1.1:
				gp.Note = "Ahead of plan."
			default:
				gp.Note = "On track."
			}
		}
		e.GoalProgress = append(e.GoalProgress, gp)
	}
	e.Impact = data.Impact{
		PeopleReached:  g.between(20, 1500),
		VolunteerHours: float64(g.between(0, 5000)) / 2,
		EventsHeld:     g.between(0, 30),
	}
	if g.chance(0.5) {
		e.Impact.FundsLeveraged = g.euros(500, 30000)
	}
	if g.chance(0.6) {
		e.Impact.InKindValue = g.euros(200, 15000)
	}
	for _, f := range some(g, customFigures, g.weighted(50, 35, 15)) {
		e.Impact.Custom = append(e.Impact.Custom, data.Figure{Label: f.label, Value: float64(g.between(10, 3000)), Unit: f.unit})
	}
	e.Strengths = strings.Join(some(g, strengthTexts, 2), " ")
	e.Challenges = strings.Join(some(g, challengeTexts, g.between(1, 2)), " ")
	e.Actions = g.actions(date, g.owners(a.partners...), g.between(1, 3))
	return e
}

// respondents asks two to six people, from us and from the partners, to score the seven dimensions.
func (g *gen) respondents(e *data.Evaluation, a *agreementInfo, health float64, bias []float64) {
	offset := make([]float64, len(data.Dimensions))
	for i := range offset {
		offset[i] = g.noise(0.5)
	}
	var asked []string
	n := g.between(2, 6)
	for i := range n {
		party := i // us first, then the lead partner, then anyone
		if i > 1 {
			party = g.r.IntN(len(a.Parties))
		}
		r := data.Respondent{ID: data.NewID()}
		var people []person
		loc := g.orgLoc
		if a.Parties[party].Us {
			r.Us = true
			people = g.staff
		} else {
			partner := g.partners[a.partners[party-1]]
			r.PartnerID = partner.ID
			loc = partner.loc
			for _, c := range partner.Contacts {
				people = append(people, person{c.Name, c.Role})
			}
		}
		who := person{g.personName(loc), "Volunteer"}
		for _, k := range g.r.Perm(len(people)) {
			if !slices.Contains(asked, people[k].name) {
				who = people[k]
				break
			}
		}
		asked = append(asked, who.name)
		r.Name, r.Role = who.name, who.role
		r.Scores = map[data.Dimension]data.Score{}
		for d, dim := range data.Dimensions {
			if g.chance(0.04) {
				continue // skipped
			}
			s := data.Score{Value: clampScore(health + bias[party] + offset[d] + g.noise(0.7))}
			if g.chance(0.25) {
				s.Comment = pick(g.r, scoreComments[s.Value])
			}
			r.Scores[dim] = s
		}
		e.Respondents = append(e.Respondents, r)
	}
}

// owners are the people who can take on an action: our staff and the partners' contacts.
func (g *gen) owners(partners ...int) []string {
	var out []string
	for _, s := range g.staff[1:] {
		out = append(out, s.name)
	}
	for _, p := range partners {
		for _, c := range g.partners[p].Contacts {
			out = append(out, c.Name)
		}
	}
	return out
}

// actions agreed on day from: due within three months; most past-due ones done, the rest overdue.
func (g *gen) actions(from data.Date, owners []string, n int) []data.ActionItem {
	var out []data.ActionItem
	for _, text := range some(g, actionTexts, n) {
		x := data.ActionItem{ID: data.NewID(), Text: text, Due: from.AddDays(g.between(7, 90))}
		if g.chance(0.9) {
			x.Owner = pick(g.r, owners)
		}
		switch {
		case x.Due.Before(g.today):
			x.Done = g.chance(0.65)
		case from.Before(g.today):
			x.Done = g.chance(0.2)
		}
		if x.Done {
			last := x.Due.AddDays(14)
			if g.today.Before(last) {
				last = g.today
			}
			x.DoneOn = from.AddDays(g.between(1, max(1, from.DaysUntil(last))))
		}
		out = append(out, x)
	}
	return out
}
