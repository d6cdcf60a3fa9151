package demo

import (
	"fmt"
	"slices"
	"strings"

	"accord/data"
)

// plan is the life an agreement has had by today.
type plan int

const (
	planDraft      plan = iota
	planSent            // sent for signature, some parties have signed
	planCurrent         // signed and running, or about to start
	planExpired         // signed, ended
	planTerminated      // ended early
)

// makeAgreements makes n agreements between us and partners that can sign; some renew an earlier one.
func (g *gen) makeAgreements(n int) {
	for len(g.agreements) < n {
		lead := g.signingPartner()
		ps := g.parties(lead)
		p := g.planFor(g.partners[lead].Stage)
		a := g.agreement(ps, p, nil)
		if p == planCurrent && len(g.agreements)+2 <= n && g.chance(0.25) {
			prev := g.agreement(ps, planExpired, a)
			a.RenewalOf = prev.ID
			g.add(prev)
		}
		g.add(a)
	}
}

func (g *gen) add(a *agreementInfo) {
	for _, p := range a.partners {
		g.partners[p].agreements = append(g.partners[p].agreements, len(g.agreements))
	}
	g.agreements = append(g.agreements, a)
}

// planFor ties an agreement's life to where its lead partner stands.
func (g *gen) planFor(s data.Stage) plan {
	switch s {
	case data.StageActive:
		return []plan{planCurrent, planSent}[g.weighted(85, 15)]
	case data.StageEngaged:
		return []plan{planDraft, planSent}[g.weighted(50, 50)]
	case data.StageDormant:
		return []plan{planExpired, planDraft}[g.weighted(80, 20)]
	case data.StageFormer:
		return []plan{planTerminated, planExpired}[g.weighted(60, 40)]
	}
	return planDraft
}

// parties is the lead partner and up to two more, all able to sign.
func (g *gen) parties(lead int) []int {
	ps := []int{lead}
	extra := g.weighted(60, 30, 10)
	for try := 0; len(ps) < 1+extra && try < 10; try++ {
		if p := g.signingPartner(); !slices.Contains(ps, p) {
			ps = append(ps, p)
		}
	}
	return ps
}

// agreement makes one agreement with the partners ps. With next set it is the earlier agreement that next
// renews: same parties, ending the day before next starts.
func (g *gen) agreement(ps []int, p plan, next *agreementInfo) *agreementInfo {
	lead := g.partners[ps[0]]
	a := &agreementInfo{Agreement: &data.Agreement{Meta: data.Meta{ID: data.NewID()}}, partners: ps}
	if next != nil {
		a.themes = next.themes
		a.AgreementKind = next.AgreementKind
	} else {
		a.themes = some(g, lead.FocusAreas, 1+g.weighted(60, 40))
		kindWeights := []int{55, 25, 12, 8}
		if p == planDraft || p == planSent {
			kindWeights = []int{40, 20, 10, 30}
		}
		a.AgreementKind = data.AgreementKinds[g.weighted(kindWeights...)]
	}
	g.dates(a, p, next)
	g.fillParties(a, p)
	g.goals(a)
	g.terms(a, p)
	created := g.today.AddDays(-g.between(1, 60))
	if !a.SentOn.IsZero() {
		created = a.SentOn.AddDays(-g.between(5, 40))
	}
	a.CreatedAt = g.at(created)
	return a
}

// dates sets the start, end, sending, termination and status that go with the plan.
func (g *gen) dates(a *agreementInfo, p plan, next *agreementInfo) {
	term := []int{12, 24, 36}[g.weighted(40, 40, 20)]
	if a.AgreementKind == data.AgreementLetterOfIntent {
		term = 12
	}
	today := g.today
	byTerm := func() { a.End = a.Start.AddMonths(term).AddDays(-1) }
	a.Status = data.StatusSigned
	switch p {
	case planDraft:
		a.Status = data.StatusDraft
		a.Start = today.AddDays(g.between(14, 120))
		byTerm()
	case planSent:
		a.Status = data.StatusSent
		a.SentOn = today.AddDays(-g.between(1, 40))
		a.Start = today.AddDays(g.between(7, 90))
		byTerm()
	case planCurrent:
		switch g.weighted(72, 20, 8) {
		case 0: // running
			a.End = today.AddDays(g.between(61, term*30-10))
		case 1: // running, ends within 60 days
			a.End = today.AddDays(g.between(1, 60))
		case 2: // signed, not started yet
			a.Start = today.AddDays(g.between(3, 45))
			byTerm()
		}
	case planExpired:
		a.End = today.AddDays(-g.between(1, 900))
		if next != nil {
			a.End = next.Start.AddDays(-1)
		}
	case planTerminated:
		a.Status = data.StatusTerminated
		a.Start = today.AddDays(-g.between(120, 1400))
		byTerm()
		last := a.End
		if today.Before(last) {
			last = today
		}
		a.TerminatedOn = a.Start.AddDays(g.between(30, a.Start.DaysUntil(last)-1))
		a.TerminationReason = pick(g.r, terminationReasons)
	}
	if a.Start.IsZero() {
		a.Start = a.End.AddMonths(-term).AddDays(1)
	}
	if a.Status == data.StatusSigned || a.Status == data.StatusTerminated {
		a.SentOn = a.Start.AddDays(-g.between(14, 60))
		if a.SentOn.After(today) {
			a.SentOn = today.AddDays(-g.between(1, 20))
		}
	}
	a.ReviewEveryMonths = []int{6, 12}[g.weighted(40, 60)]
}

// signedOn is the day a party signs: between sending and the start (or today, if that is sooner).
func (g *gen) signedOn(a *agreementInfo) data.Date {
	last := a.Start
	if g.today.Before(last) {
		last = g.today
	}
	return a.SentOn.AddDays(g.between(0, max(0, a.SentOn.DaysUntil(last))))
}

func (g *gen) fillParties(a *agreementInfo, p plan) {
	signs := func() bool {
		switch p {
		case planDraft:
			return false
		case planSent:
			return g.chance(0.4)
		}
		return true
	}
	us := data.Party{
		Us:               true,
		Responsibilities: strings.Join(some(g, ourResponsibilities, 2), " "),
		Signatory:        data.Signatory{Name: g.sigName, Title: g.sigTitle},
	}
	for _, idea := range some(g, ourContributions, 1+g.weighted(60, 40)) {
		kind := data.ResourceExpertise
		switch {
		case strings.Contains(idea.text, "grant"):
			kind = data.ResourceFunding
		case strings.Contains(idea.text, "Volunteers"):
			kind = data.ResourceVolunteers
		case strings.Contains(idea.text, "room"):
			kind = data.ResourceSpace
		case strings.Contains(idea.text, "Outreach"):
			kind = data.ResourceOutreach
		}
		us.Contributions = append(us.Contributions, data.Contribution{Kind: kind, Description: idea.text, Value: g.euros(idea.lo, idea.hi)})
	}
	if signs() {
		us.Signatory.SignedOn = g.signedOn(a)
	}
	a.Parties = append(a.Parties, us)
	contacts := []string{fmt.Sprintf("%s (%s)", g.staff[1].name, g.orgName)}
	var funder string
	for _, i := range a.partners {
		partner := g.partners[i]
		signer := pick(g.r, partner.Signatories())
		party := data.Party{
			PartnerID: partner.ID,
			Signatory: data.Signatory{ContactID: signer.ID, Name: signer.Name, Title: signer.Role},
		}
		offers := partner.Offers
		if len(offers) == 0 {
			kind := pick(g.r, preferredOffers[partner.PartnerKind])
			idea := pick(g.r, offerIdeas[kind])
			offers = []data.Offer{{Kind: kind, Description: idea.text, Value: g.euros(idea.lo, idea.hi)}}
		}
		for _, o := range some(g, offers, 1+g.weighted(65, 35)) {
			party.Contributions = append(party.Contributions, data.Contribution(o))
			if o.Kind == data.ResourceFunding && funder == "" {
				funder = partner.Name
				a.FundingTerms = fmt.Sprintf("%s pays %s in two instalments: half on signature, half after the first review, against receipts.", partner.Name, money(o.Value))
			}
		}
		party.Responsibilities = "Provides " + lowerFirst(party.Contributions[0].Description) + ". " + pick(g.r, partnerResponsibilities)
		if signs() {
			party.Signatory.SignedOn = g.signedOn(a)
		}
		a.Parties = append(a.Parties, party)
		contacts = append(contacts, fmt.Sprintf("%s (%s)", partner.Contacts[0].Name, partner.Name))
	}
	a.MoneyChangesHands = funder != ""
	a.Communication = data.CommunicationPlan{
		Frequency:     pick(g.r, frequencies),
		Channels:      some(g, channels, g.between(2, 4)),
		ContactPeople: strings.Join(contacts, "; "),
	}
}

// goals sets one to four SMART goals drawn from the agreement's themes, due before it ends.
func (g *gen) goals(a *agreementInfo) {
	var ideas []goalIdea
	for _, t := range a.themes {
		ideas = append(ideas, goalIdeas[t]...)
	}
	span := a.Start.DaysUntil(a.End)
	for _, idea := range some(g, ideas, 1+g.weighted(25, 35, 25, 15)) {
		target := g.between(idea.lo, idea.hi)
		if target >= 50 {
			target = target / 10 * 10
		}
		a.Goals = append(a.Goals, data.Goal{
			ID:     data.NewID(),
			Text:   idea.text,
			Metric: idea.metric,
			Target: float64(target),
			Unit:   idea.unit,
			Due:    a.Start.AddDays(g.between(span/2, span)),
		})
	}
}

// terms fills the title and the written parts of the agreement.
func (g *gen) terms(a *agreementInfo, p plan) {
	lead := g.partners[a.partners[0]]
	with := lead.Name
	if n := len(a.partners) - 1; n == 1 {
		with += " and one more partner"
	} else if n > 1 {
		with += fmt.Sprintf(" and %d more partners", n)
	}
	theme := capitalise(a.themes[0])
	var title string
	switch a.AgreementKind {
	case data.AgreementMOU:
		title = fmt.Sprintf("%s MOU with %s", theme, with)
	case data.AgreementPartnership:
		title = fmt.Sprintf("%s partnership with %s", theme, with)
	case data.AgreementDataSharing:
		title = fmt.Sprintf("Data sharing on %s with %s", a.themes[0], with)
	default:
		title = fmt.Sprintf("Letter of intent: %s with %s", a.themes[0], with)
	}
	a.Name = fmt.Sprintf("%s (%d–%d)", title, a.Start.Year, a.End.Year)

	a.Purpose = fmt.Sprintf("To work together on %s for residents of %s, %s, sharing resources and know-how so that more people are reached than any party could reach alone.",
		joinAnd(a.themes), lead.dist.name, lead.loc.city)
	a.Background = fmt.Sprintf(pick(g.r, backgroundTexts), a.themes[0], a.Start.Year-g.between(1, 4))
	a.Governance = fmt.Sprintf(pick(g.r, governanceTexts), pick(g.r, frequencies))
	a.ConflictResolution = pick(g.r, conflictTexts)
	a.Confidentiality = pick(g.r, confidentialityTexts)
	switch a.AgreementKind {
	case data.AgreementDataSharing:
		a.Confidentiality = dataSharingText
		a.BindingSections = []data.BindingSection{data.BindingConfidentiality, data.BindingDataProtection}
		a.Annexes = []data.Annex{{Title: "Data-sharing schedule", Text: dataSharingSchedule}} // the schedule the text cites
	case data.AgreementPartnership:
		a.LegallyBinding = g.chance(0.5)
	}
	if a.Binds() {
		a.GoverningLaw = "the law of Ireland" // the demo group is in Dublin
		a.StandardClauses = []data.StandardClause{data.ClauseNotices, data.ClauseEntire, data.ClauseCounterparts}
	}
	a.RenewalTerms = pick(g.r, renewalTexts)
	a.TerminationNotice = fmt.Sprintf("Either party may end this agreement with %d days' written notice.", pick(g.r, []int{30, 60, 90}))
	a.Clauses = some(g, clauseLibrary, g.weighted(40, 35, 25))
	if (p == planCurrent || p == planExpired || p == planTerminated) && a.Start.Before(g.today) && g.chance(0.2) {
		last := a.End
		if !a.TerminatedOn.IsZero() {
			last = a.TerminatedOn
		}
		if g.today.Before(last) {
			last = g.today
		}
		span := a.Start.DaysUntil(last)
		for range g.between(1, 2) {
			a.Amendments = append(a.Amendments, data.Amendment{
				Date: a.Start.AddDays(g.between(min(20, span), span)),
				Text: pick(g.r, amendmentTexts),
			})
		}
		slices.SortFunc(a.Amendments, func(x, y data.Amendment) int { return x.Date.Time().Compare(y.Date.Time()) })
	}
}
