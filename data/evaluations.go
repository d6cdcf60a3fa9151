package data

import "sort"

// DimensionHints say in one line what a 1 and a 5 look like for each health dimension, so respondents
// score the same way.
// i18n:keys: shown translated, so each string here is a translation key.
var DimensionHints = map[Dimension][2]string{
	DimTrust:         {"We do not rely on each other; promises are often broken.", "We trust each other fully and treat each other as equals."},
	DimDecisions:     {"One side decides; the others hear afterwards.", "We decide together, and everyone's view counts."},
	DimCommunication: {"We rarely hear from each other, or hear too late.", "We keep each other informed, openly and in good time."},
	DimBenefit:       {"One side gains; the others mostly give.", "Every partner gains something that matters to it."},
	DimInclusion:     {"Some people and communities are left out or not understood.", "Everyone is welcome, heard and understood, whatever their background."},
	DimResources:     {"We lack what we need and the work may stop.", "We have what we need, and the work will last."},
	DimProgress:      {"We are not moving toward our shared goals.", "We are meeting or beating our shared goals."},
}

// SubjectOf is what an evaluation is about: its agreement, or else its partner.
func (e *Evaluation) SubjectOf() (kind Kind, id string) {
	if e.AgreementID != "" {
		return KindAgreement, e.AgreementID
	}
	return KindPartner, e.PartnerID
}

// Sides are whom a respondent can speak for: each party to the agreement, or our organisation and the
// partner evaluated.
func (e *Evaluation) Sides(v View) []Party {
	if a := Lookup[Agreement](v, e.AgreementID); a != nil {
		out := make([]Party, len(a.Parties))
		for i, p := range a.Parties {
			out[i] = Party{Us: p.Us, PartnerID: p.PartnerID}
		}
		return out
	}
	out := []Party{{Us: true}}
	if e.PartnerID != "" {
		out = append(out, Party{PartnerID: e.PartnerID})
	}
	return out
}

// History lists the live evaluations of the same agreement (or partner), oldest first.
func History(v View, kind Kind, id string) []*Evaluation {
	return histories(v)[Ref{kind, id}]
}

// histories groups the live evaluations by what they evaluate, each group oldest first, so a caller that
// needs many histories scans the evaluations once.
func histories(v View) map[Ref][]*Evaluation {
	out := map[Ref][]*Evaluation{}
	for _, e := range List[Evaluation](v) {
		kind, id := e.SubjectOf()
		out[Ref{kind, id}] = append(out[Ref{kind, id}], e)
	}
	for _, h := range out {
		sort.SliceStable(h, func(i, j int) bool { return h[i].Date.Before(h[j].Date) })
	}
	return out
}

// Previous is the latest evaluation of the same subject dated before this one, or nil.
func Previous(v View, e *Evaluation) *Evaluation {
	var prev *Evaluation
	kind, id := e.SubjectOf()
	for _, h := range History(v, kind, id) {
		if h.ID != e.ID && h.Date.Before(e.Date) {
			prev = h
		}
	}
	return prev
}

// Due is an agreement whose review, by its review cadence, is coming or late.
type Due struct {
	Agreement *Agreement
	On        Date
	Overdue   bool
}

// EvaluationsDue lists active agreements whose next evaluation falls within `ahead` days or has passed:
// due every ReviewEveryMonths after the last evaluation, or after the start when there is none. Overdue
// ones come first, then by date.
func EvaluationsDue(v View, today Date, ahead int) []Due {
	var out []Due
	hist := histories(v)
	for _, a := range List[Agreement](v) {
		if a.StatusOn(today) != StatusActive {
			continue
		}
		if on := a.NextReview(hist[Ref{KindAgreement, a.ID}]); !on.IsZero() && today.DaysUntil(on) <= ahead {
			out = append(out, Due{a, on, on.Before(today)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].On.Before(out[j].On) })
	return out
}

// NextReview is when the agreement's next evaluation is due, by its review cadence: every ReviewEveryMonths
// after the last of its evaluations (history, oldest first), or after its start when there is none; zero
// when it sets no cadence or start.
func (a *Agreement) NextReview(history []*Evaluation) Date {
	if a.ReviewEveryMonths <= 0 || a.Start.IsZero() {
		return Date{}
	}
	last := a.Start
	if len(history) > 0 {
		last = history[len(history)-1].Date
	}
	return last.AddMonths(a.ReviewEveryMonths)
}

// Progress is the share of a goal's target reached, as a percentage (0 when the target is unset).
func (g Goal) Progress(actual float64) float64 {
	if g.Target <= 0 {
		return 0
	}
	return actual / g.Target * 100
}
