package ui

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/pdf"
	"accord/store"
)

// evaluationEditor is the health check of one partnership: every respondent's scores on the seven
// dimensions, the averages and spread as they are typed, goal progress, impact, and actions.
type evaluationEditor struct {
	*form
	e       *data.Evaluation
	a       *data.Agreement // the agreement evaluated, when there is one
	summary *fyne.Container
	goals   []*widget.Label // each goal's percentage, updated as actual figures are typed
	names   bool            // the report names the respondents, for the group's own copy
}

func newEvaluationEditor(s *store.Store, w fyne.Window, e *data.Evaluation, onSaved func(string)) *evaluationEditor {
	ed := &evaluationEditor{form: newForm(s, w, e, onSaved), e: e, a: data.Lookup[data.Agreement](s, e.AgreementID)}
	ed.refreshed = ed.refreshSummary
	return ed
}

func (ed *evaluationEditor) buildUI() fyne.CanvasObject {
	ed.summary = container.NewVBox()
	sections := widget.NewAccordion(
		widget.NewAccordionItem(T("About this evaluation"), ed.aboutSection()),
		widget.NewAccordionItem(T("Respondents and their scores"), ed.respondentsSection()),
		widget.NewAccordionItem(T("Health summary"), ed.summary),
		widget.NewAccordionItem(T("Progress on shared goals"), ed.goalsSection()),
		widget.NewAccordionItem(T("Impact"), ed.impactSection()),
		widget.NewAccordionItem(T("Strengths, challenges and actions"), ed.reflectionSection()),
	)
	sections.MultiOpen = true
	sections.Open(1)
	sections.Open(2)
	ed.refreshSummary()
	ed.showProblems()
	title := widget.NewLabelWithStyle(named(ed.store, ed.e), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	// A report to share says who answered by organisation and role; names are for the group's own copy.
	names := widget.NewCheck(T("Name the respondents"), func(on bool) { ed.names = on })
	report := flowRow(
		widget.NewButtonWithIcon(T("Open report to print"), theme.DocumentPrintIcon(), func() { ed.onReport(false) }),
		widget.NewButtonWithIcon(T("Save report as…"), theme.DownloadIcon(), func() { ed.onReport(true) }),
		names)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, ed.saveButton(), title), report, ed.problems)
	return container.NewBorder(top, nil, nil, nil, newPageScroll(sections))
}

func (ed *evaluationEditor) aboutSection() fyne.CanvasObject {
	b := ed.bind
	return columns(3,
		row(T("Date of the evaluation"), b.date(&ed.e.Date)),
		row(T("Period from"), b.date(&ed.e.PeriodStart)),
		row(T("Period to"), b.date(&ed.e.PeriodEnd)))
}

// sides are who a respondent can speak for: our organisation and each partner of the agreement.
func (ed *evaluationEditor) sides() (labels []string, parties []data.Party) {
	parties = []data.Party{{Us: true}}
	if ed.a != nil {
		parties = nil
		for _, p := range ed.a.Parties {
			parties = append(parties, data.Party{Us: p.Us, PartnerID: p.PartnerID})
		}
	} else if ed.e.PartnerID != "" {
		parties = append(parties, data.Party{PartnerID: ed.e.PartnerID})
	}
	for _, p := range parties {
		labels = append(labels, partyName(ed.store, p))
	}
	return labels, parties
}

func (ed *evaluationEditor) respondentsSection() fyne.CanvasObject {
	b := ed.bind
	return listEditor(&ed.e.Respondents, T("Add a respondent"), func() data.Respondent {
		return data.Respondent{ID: data.NewID(), Us: true, Scores: map[data.Dimension]data.Score{}}
	}, func(r *data.Respondent) fyne.CanvasObject {
		if r.Scores == nil {
			r.Scores = map[data.Dimension]data.Score{}
		}
		box := container.NewVBox(columns(3,
			row(T("Name"), b.text(&r.Name, "")), row(T("Speaks for"), ed.sideSelect(r)), row(T("Role"), b.text(&r.Role, ""))))
		for _, d := range data.Dimensions {
			box.Add(ed.dimensionRow(r, d))
		}
		return box
	}, ed.bind)
}

func (ed *evaluationEditor) sideSelect(r *data.Respondent) *dropDown {
	labels, parties := ed.sides()
	sel := newDropDown(labels, nil)
	for i, p := range parties {
		if p.Us == r.Us && p.PartnerID == r.PartnerID {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		p := parties[sel.SelectedIndex()]
		r.Us, r.PartnerID = p.Us, p.PartnerID
		ed.changed()
	}
	return sel
}

// dimensionRow is one dimension for one respondent: its name, what a 1 and a 5 look like, a score
// (or none, for a dimension they skip) and a comment.
func (ed *evaluationEditor) dimensionRow(r *data.Respondent, d data.Dimension) fyne.CanvasObject {
	hints := data.DimensionHints[d]
	hint := widget.NewLabel(T("1: %s   5: %s", T(hints[0]), T(hints[1])))
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	score := newDropDown([]string{T("skip"), "1", "2", "3", "4", "5"}, nil)
	score.SetSelectedIndex(r.Scores[d].Value)
	comment := newField(T("Why this score? (optional)"))
	comment.SetText(r.Scores[d].Comment)
	update := func() {
		s := data.Score{Value: max(score.SelectedIndex(), 0), Comment: comment.Text}
		if s == (data.Score{}) {
			delete(r.Scores, d)
		} else {
			r.Scores[d] = s
		}
		ed.changed()
	}
	score.OnChanged = func(string) { update() }
	comment.OnChanged = func(string) { update() }
	label := widget.NewLabelWithStyle(T(data.DimensionNames[d]), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	label.Wrapping = fyne.TextWrapWord
	return container.NewVBox(container.NewBorder(nil, nil, nil, score, label), comment.withExample(), hint)
}

// refreshSummary shows each dimension's average, its spread between respondents and its band, flags
// where people disagree, and the change since the previous evaluation.
func (ed *evaluationEditor) refreshSummary() {
	if ed.summary == nil {
		return
	}
	prev := data.Previous(ed.store, ed.e)
	var d detailDoc
	overall := ed.e.Overall()
	d.field(T("Overall health"), T("%s out of 5 — %s", oneDecimal(overall), T(string(data.BandOf(overall)))))
	if prev != nil {
		d.field(T("Since the evaluation of %s", longDate(prev.Date)), change(prev.Overall(), overall))
	}
	var lines []string
	for _, dim := range data.Dimensions {
		s := ed.e.Summarise(dim)
		if s.Count == 0 {
			lines = append(lines, T("%s: not scored yet", T(data.DimensionNames[dim])))
			continue
		}
		line := T("%s: %s (%s), scores from %d to %d", T(data.DimensionNames[dim]), oneDecimal(s.Mean), T(string(data.BandOf(s.Mean))), s.Min, s.Max)
		if s.Spread() >= 2 {
			line += " — " + T("people see this differently: talk about it")
		}
		lines = append(lines, line)
	}
	d.bullets(lines)
	ed.summary.Objects = []fyne.CanvasObject{d.build()}
	ed.summary.Refresh()
	ed.refreshGoals()
}

func change(before, after float64) string {
	if math.IsNaN(before) || math.IsNaN(after) {
		return T("no comparison yet")
	}
	return fmt.Sprintf("%s → %s (%+.1f)", oneDecimal(before), oneDecimal(after), after-before)
}

// goalsSection has one row per goal of the agreement: its target, the actual figure and the share reached.
func (ed *evaluationEditor) goalsSection() fyne.CanvasObject {
	if ed.a == nil || len(ed.e.GoalProgress) == 0 {
		return wrapped(T("The agreement has no shared goals to report on."))
	}
	box := container.NewVBox()
	ed.goals = nil
	for i := range ed.e.GoalProgress {
		gp := &ed.e.GoalProgress[i]
		goal := goalOf(ed.a, gp.GoalID)
		pct := widget.NewLabel("")
		ed.goals = append(ed.goals, pct)
		about := wrapped(joinNonEmpty(" — ", goal.Text, T("target %s", joinNonEmpty(" ", fmt.Sprintf("%g", goal.Target), goal.Unit))))
		box.Add(widget.NewCard("", "", container.NewVBox(about,
			columns(3, row(T("Actual"), ed.bind.number(&gp.Actual)), row(T("Reached"), pct),
				row(T("Note"), ed.bind.text(&gp.Note, ""))))))
	}
	ed.refreshGoals()
	return box
}

func (ed *evaluationEditor) refreshGoals() {
	for i, pct := range ed.goals {
		gp := ed.e.GoalProgress[i]
		pct.SetText(fmt.Sprintf("%.0f%%", goalOf(ed.a, gp.GoalID).Progress(gp.Actual)))
	}
}

func goalOf(a *data.Agreement, id string) data.Goal {
	for _, g := range a.Goals {
		if g.ID == id {
			return g
		}
	}
	return data.Goal{Text: "?"}
}

func (ed *evaluationEditor) impactSection() fyne.CanvasObject {
	b, im := ed.bind, &ed.e.Impact
	custom := listEditor(&im.Custom, T("Add a figure you count"), func() data.Figure { return data.Figure{} },
		func(f *data.Figure) fyne.CanvasObject {
			return columns(3, row(T("What"), b.text(&f.Label, T("meals served"))),
				row(T("How many"), b.number(&f.Value)), row(T("Unit"), b.text(&f.Unit, "")))
		}, ed.bind)
	return container.NewVBox(
		columns(3,
			row(T("People reached"), b.whole(&im.PeopleReached)),
			row(T("Volunteer hours"), b.number(&im.VolunteerHours)),
			row(T("Events held"), b.whole(&im.EventsHeld))),
		columns(2,
			row(T("Funds leveraged"), b.money(&im.FundsLeveraged)),
			row(T("In-kind value"), b.money(&im.InKindValue))),
		custom)
}

func (ed *evaluationEditor) reflectionSection() fyne.CanvasObject {
	b := ed.bind
	actions := listEditor(&ed.e.Actions, T("Add an action"), func() data.ActionItem { return data.ActionItem{ID: data.NewID()} },
		func(x *data.ActionItem) fyne.CanvasObject {
			return container.NewVBox(row(T("Action"), b.text(&x.Text, "")),
				columns(3, row(T("Who"), b.text(&x.Owner, "")), row(T("By"), b.date(&x.Due)),
					b.check(T("Done"), &x.Done)))
		}, ed.bind)
	return container.NewVBox(
		row(T("Strengths"), b.longText(&ed.e.Strengths, T("What works well"))),
		row(T("Challenges"), b.longText(&ed.e.Challenges, T("What gets in the way"))),
		widget.NewLabelWithStyle(T("Actions"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		actions)
}

// onReport saves the evaluation, then prints its report to share with partners and funders.
func (ed *evaluationEditor) onReport(chooseWhere bool) {
	ed.saveFirst(func() { ed.report(chooseWhere) })
}

func (ed *evaluationEditor) report(chooseWhere bool) {
	id, today, names := ed.e.ID, data.DateOf(now()), ed.names
	name := safeFileName(T("Evaluation %s", data.Describe(ed.store, ed.e)) + ".pdf")
	printDocument(ed.win, ed.store.Dir(), name, chooseWhere, func() ([]byte, error) {
		e, err := store.Get[data.Evaluation](ed.store, id) // the saved one: the form may change while this renders
		if err != nil {
			return nil, err
		}
		return pdf.EvaluationReport(ed.store, e, today, names)
	}, func([]byte) {})
}
