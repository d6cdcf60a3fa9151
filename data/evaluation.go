package data

import (
	"math"
	"strings"
)

// Dimension is one of the seven aspects of partnership health each respondent scores.
type Dimension string

const (
	DimTrust         Dimension = "trust"
	DimDecisions     Dimension = "decisions"
	DimCommunication Dimension = "communication"
	DimBenefit       Dimension = "benefit"
	DimInclusion     Dimension = "inclusion"
	DimResources     Dimension = "resources"
	DimProgress      Dimension = "progress"
)

// Dimensions are the health dimensions in the order forms and reports show them.
var Dimensions = []Dimension{DimTrust, DimDecisions, DimCommunication, DimBenefit, DimInclusion, DimResources, DimProgress}

// DimensionNames are the English names (and translation keys) of the dimensions.
// i18n:keys: shown translated, so each string here is a translation key.
var DimensionNames = map[Dimension]string{
	DimTrust:         "Trust and respect",
	DimDecisions:     "Shared decision-making",
	DimCommunication: "Communication",
	DimBenefit:       "Mutual benefit",
	DimInclusion:     "Inclusion and cultural competence",
	DimResources:     "Resources and sustainability",
	DimProgress:      "Progress toward shared goals",
}

// Evaluation is a periodic look at one agreement (or one partner): health, goal progress and impact.
type Evaluation struct {
	Meta
	AgreementID  string         `json:"agreement_id,omitempty"`
	PartnerID    string         `json:"partner_id,omitempty"`
	Date         Date           `json:"date"`
	PeriodStart  Date           `json:"period_start,omitzero"`
	PeriodEnd    Date           `json:"period_end,omitzero"`
	Respondents  []Respondent   `json:"respondents,omitempty"`
	GoalProgress []GoalProgress `json:"goal_progress,omitempty"`
	Impact       Impact         `json:"impact"`
	Strengths    string         `json:"strengths,omitempty"`
	Challenges   string         `json:"challenges,omitempty"`
	Actions      []ActionItem   `json:"actions,omitempty"`
	// Anonymous evaluations know respondents only by organisation and role: no name is kept or shown.
	Anonymous bool `json:"anonymous,omitempty"`
	// Code is the evaluation's part of every questionnaire code; Secret signs the answers files its
	// questionnaires save. Both are set when its first questionnaire goes out (PrepareQuestionnaires).
	Code   string `json:"code,omitempty"`
	Secret string `json:"secret,omitempty"`
	// Custom holds the values of the group's own fields, by the field's ID.
	Custom map[string]string `json:"custom,omitempty"`
}

func (e *Evaluation) CustomValues() map[string]string { return e.Custom }
func (e *Evaluation) SetCustomValue(id, value string) { setCustom(&e.Custom, id, value) }

// Respondent is one person's health self-assessment. A dimension left out of Scores was skipped.
type Respondent struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Us is true for someone from our organisation; otherwise PartnerID says whose side they speak for.
	Us        bool                `json:"us,omitempty"`
	PartnerID string              `json:"partner_id,omitempty"`
	Role      string              `json:"role,omitempty"`
	Scores    map[Dimension]Score `json:"scores,omitempty"`
	// ContactID is the partner's contact asked to answer, whose language their questionnaire speaks.
	ContactID string `json:"contact_id,omitempty"`
	// Lang is the questionnaire's language for someone who is no contact (BCP 47, as "es").
	Lang string `json:"lang,omitempty"`
	// Code is the respondent's part of their questionnaire code (see QuestionnaireCode).
	Code string `json:"code,omitempty"`
	// Answered is when their answers came back from a questionnaire; zero while they are awaited.
	Answered Date `json:"answered,omitzero"`
	// Goals is how far they see each of the agreement's goals come, 1 to 5, by goal ID.
	Goals map[string]Score `json:"goals,omitempty"`
}

// Score is a 1–5 rating with a comment.
type Score struct {
	Value   int    `json:"value"`
	Comment string `json:"comment,omitempty"`
}

// GoalProgress is the actual figure reached against one of the agreement's goals.
type GoalProgress struct {
	GoalID string  `json:"goal_id"`
	Actual float64 `json:"actual"`
	Note   string  `json:"note,omitempty"`
}

// Impact holds the figures funders ask about.
type Impact struct {
	PeopleReached  int      `json:"people_reached,omitempty"`
	VolunteerHours float64  `json:"volunteer_hours,omitempty"`
	FundsLeveraged Money    `json:"funds_leveraged,omitempty"`
	InKindValue    Money    `json:"in_kind_value,omitempty"`
	EventsHeld     int      `json:"events_held,omitempty"`
	Custom         []Figure `json:"custom,omitempty"`
}

// Figure is a custom impact figure the group counts, like "meals served".
type Figure struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
}

func (e *Evaluation) Kind() Kind { return KindEvaluation }

// Title names an evaluation by its date; Store.Describe adds the agreement or partner it is about.
func (e *Evaluation) Title() string { return e.Date.String() }

func (e *Evaluation) Validate() error {
	var ps problems
	if e.AgreementID == "" && e.PartnerID == "" {
		ps.add("agreement", "Choose the agreement or partner this evaluation is about.")
	}
	if e.Date.IsZero() {
		ps.add("date", "Give the date of the evaluation.")
	}
	ps.dateOrder("period_end", e.PeriodStart, e.PeriodEnd)
	for i, r := range e.Respondents {
		field := itemField("respondents", i)
		switch {
		case e.Anonymous && (r.Name != "" || r.ContactID != ""):
			ps.add(field, "This evaluation is anonymous: respondent %d is known by organisation and role, without a name.", i+1)
		case e.Anonymous && strings.TrimSpace(r.Role) == "":
			ps.add(field, "Respondent %d needs a role: this evaluation is anonymous.", i+1)
		case !e.Anonymous && strings.TrimSpace(r.Name) == "" && strings.TrimSpace(r.Role) == "":
			ps.add(field, "Respondent %d needs a name or a role.", i+1)
		}
		if !r.scoresValid() {
			ps.add(field, "Scores go from 1 to 5 (respondent %d).", i+1)
		}
		for _, s := range r.Scores {
			ps.long(field, s.Comment, "A comment")
		}
		for _, s := range r.Goals {
			ps.long(field, s.Comment, "A comment")
		}
	}
	ps.amount("funds_leveraged", e.Impact.FundsLeveraged, "Funds leveraged")
	ps.amount("in_kind_value", e.Impact.InKindValue, "In-kind value")
	ps.long("strengths", e.Strengths, "Strengths")
	ps.long("challenges", e.Challenges, "Challenges")
	validateActions(&ps, e.Actions)
	customProblems(&ps, e.Custom)
	return ps.err()
}

// scoresValid is true when every score is 1 to 5, on a known dimension; 0 is a question skipped with
// a comment.
func (r Respondent) scoresValid() bool {
	for d, s := range r.Scores {
		if _, known := DimensionNames[d]; !known || s.Value < 0 || s.Value > 5 {
			return false
		}
	}
	for _, s := range r.Goals {
		if s.Value < 0 || s.Value > 5 {
			return false
		}
	}
	return true
}

func (e *Evaluation) SearchText() []string {
	var out []string
	for _, r := range e.Respondents {
		out = append(out, r.Name)
	}
	return append(out, customText(e.Custom)...)
}

func (e *Evaluation) References() []Ref {
	out := append(refs(KindAgreement, e.AgreementID), refs(KindPartner, e.PartnerID)...)
	for _, r := range e.Respondents {
		out = append(out, refs(KindPartner, r.PartnerID)...)
	}
	return out
}

// Band is how an average health score reads, as in the Wilder Collaboration Factors Inventory.
type Band string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	BandNone       Band = ""
	BandStrength   Band = "strength"
	BandDiscuss    Band = "worth discussing"
	BandConcern    Band = "concern"
	bandStrengthAt      = 4.0
	bandDiscussAt       = 3.0
)

// BandOf places an average in its band; NaN (no scores) has none. The average is rounded to one decimal
// first, as it is shown, so a 3.96 that reads "4.0" is a strength, not "worth discussing".
func BandOf(avg float64) Band {
	avg = math.Round(avg*10) / 10
	switch {
	case math.IsNaN(avg):
		return BandNone
	case avg >= bandStrengthAt:
		return BandStrength
	case avg >= bandDiscussAt:
		return BandDiscuss
	}
	return BandConcern
}

// DimensionSummary is how the respondents scored one dimension (or rated one goal).
type DimensionSummary struct {
	Dimension Dimension
	Mean      float64 // NaN when nobody scored it
	Min, Max  int
	Count     int
}

// Spread is the gap between the highest and lowest score: the bigger it is, the more the review should talk.
func (s DimensionSummary) Spread() int { return s.Max - s.Min }

// Summarise averages one dimension over the respondents who scored it; skipped scores do not count as zero.
func (e *Evaluation) Summarise(d Dimension) DimensionSummary {
	s := e.summarise(func(r Respondent) Score { return r.Scores[d] })
	s.Dimension = d
	return s
}

// SummariseGoal averages how the respondents rated progress on one of the agreement's goals, 1 to 5.
func (e *Evaluation) SummariseGoal(goalID string) DimensionSummary {
	return e.summarise(func(r Respondent) Score { return r.Goals[goalID] })
}

func (e *Evaluation) summarise(score func(Respondent) Score) DimensionSummary {
	s := DimensionSummary{Mean: math.NaN()}
	sum := 0
	for _, r := range e.Respondents {
		v := score(r).Value
		if v < 1 {
			continue
		}
		if s.Count == 0 || v < s.Min {
			s.Min = v
		}
		if v > s.Max {
			s.Max = v
		}
		sum += v
		s.Count++
	}
	if s.Count > 0 {
		s.Mean = float64(sum) / float64(s.Count)
	}
	return s
}

// Overall is the mean of the dimension averages (each dimension weighs the same), NaN with no scores.
func (e *Evaluation) Overall() float64 {
	sum, n := 0.0, 0
	for _, d := range Dimensions {
		if m := e.Summarise(d).Mean; !math.IsNaN(m) {
			sum += m
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}
