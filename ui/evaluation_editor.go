package ui

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	// respondents holds the respondents' blocks, built again when contacts are asked all at once;
	// answered says who has answered and who has not, by organisation.
	respondents *fyne.Container
	answered    *fyne.Container
}

func newEvaluationEditor(s *store.Store, w fyne.Window, e *data.Evaluation, onSaved func(string)) *evaluationEditor {
	ed := &evaluationEditor{form: newForm(s, w, e, onSaved), e: e, a: data.Lookup[data.Agreement](s, e.AgreementID)}
	ed.refreshed = ed.refreshSummary
	return ed
}

func (ed *evaluationEditor) buildUI() fyne.CanvasObject {
	ed.summary = container.NewVBox()
	items := []*widget.AccordionItem{
		widget.NewAccordionItem(T("About this evaluation"), ed.aboutSection()),
		widget.NewAccordionItem(T("Questionnaires and answers"), ed.questionnairesSection()),
		widget.NewAccordionItem(T("Respondents and their scores"), ed.respondentsSection()),
		widget.NewAccordionItem(T("Health summary"), ed.summary),
		widget.NewAccordionItem(T("Progress on shared goals"), ed.goalsSection()),
		widget.NewAccordionItem(T("Impact"), ed.impactSection()),
		widget.NewAccordionItem(T("Strengths, challenges and actions"), ed.reflectionSection()),
	}
	for _, item := range items[1:4] {
		item.Open = true
	}
	sections := widget.NewAccordion(withOwnFields(ed.store, ed.win, ed.bind, data.KindEvaluation, ed.e, items...)...)
	sections.MultiOpen = true
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
	return container.NewVBox(columns(3,
		row(T("Date of the evaluation"), b.date(&ed.e.Date)),
		row(T("Period from"), b.date(&ed.e.PeriodStart)),
		row(T("Period to"), b.date(&ed.e.PeriodEnd))),
		b.check(T("Anonymous: respondents are known only by organisation and role, and no report shows a name"), &ed.e.Anonymous))
}

// sides are who a respondent can speak for: our organisation and each partner of the agreement.
func (ed *evaluationEditor) sides() (labels []string, parties []data.Party) {
	parties = ed.e.Sides(ed.store)
	for _, p := range parties {
		labels = append(labels, partyName(ed.store, p))
	}
	return labels, parties
}

// questionnairesSection says who has answered, by organisation, and sends questionnaires out: to every
// partner's contacts at once, and blank ones on paper or as a file.
func (ed *evaluationEditor) questionnairesSection() fyne.CanvasObject {
	ed.answered = container.NewVBox()
	ask := widget.NewButtonWithIcon(T("Ask the partners' contacts"), theme.ContentAddIcon(), ed.onAskContacts)
	blankPaper := widget.NewButtonWithIcon(T("Print a blank questionnaire"), theme.DocumentPrintIcon(), func() { ed.onQuestionnaire("", false) })
	blankFile := widget.NewButtonWithIcon(T("Save a blank questionnaire file…"), theme.DownloadIcon(), func() { ed.onQuestionnaire("", true) })
	ed.refreshAnswered()
	return container.NewVBox(ed.answered, flowRow(ask, blankPaper, blankFile))
}

// refreshAnswered says, for each organisation, how many of those asked have answered and who is awaited.
func (ed *evaluationEditor) refreshAnswered() {
	if ed.answered == nil {
		return
	}
	var lines []string
	for _, side := range ed.e.AnsweredBySide(ed.store) {
		line := T("%s: %d of %d answered", partyName(ed.store, side.Side), side.Answered, side.Expected())
		if side.Expected() == 0 {
			line = T("%s: nobody asked yet", partyName(ed.store, side.Side))
		}
		var waiting []string
		for _, r := range side.Waiting {
			name := r.Name
			if ed.e.Anonymous {
				name = ""
			}
			waiting = append(waiting, joinNonEmpty(", ", name, r.Role))
		}
		if len(waiting) > 0 {
			line += " — " + T("waiting for %s", joinNonEmpty("; ", waiting...))
		}
		lines = append(lines, line)
	}
	var d detailDoc
	d.bullets(lines)
	ed.answered.Objects = []fyne.CanvasObject{d.build()}
	ed.answered.Refresh()
}

// onAskContacts adds every partner's contacts not asked yet as respondents awaited.
func (ed *evaluationEditor) onAskContacts() {
	if ed.e.AskContacts(ed.store) == 0 {
		dialog.ShowInformation(T("Ask the partners' contacts"), T("Every contact of the partners is asked already."), ed.win)
		return
	}
	ed.respondents.Objects = []fyne.CanvasObject{ed.respondentList()}
	ed.respondents.Refresh()
	ed.changed()
}

// onQuestionnaire saves the evaluation, with its questionnaire codes, then prints the questionnaire of
// one respondent (by ID; none: a blank one), or saves it as an HTML file to send where the user chooses.
func (ed *evaluationEditor) onQuestionnaire(respondentID string, html bool) {
	if ed.e.PrepareQuestionnaires(ed.store) {
		ed.changed()
	}
	id, today := ed.e.ID, data.DateOf(now())
	name := T("Questionnaire %s", data.Describe(ed.store, ed.e))
	if i := slices.IndexFunc(ed.e.Respondents, func(r data.Respondent) bool { return r.ID == respondentID }); i >= 0 {
		name = T("Questionnaire %s", respondentLabel(ed.store, ed.e, ed.e.Respondents[i]))
	}
	if html {
		name = safeFileName(name + ".html")
	} else {
		name = safeFileName(name + ".pdf")
	}
	ed.saveFirst(func() {
		printDocument(ed.win, ed.store.Dir(), name, html, func() ([]byte, error) {
			e, err := store.Get[data.Evaluation](ed.store, id) // the saved one: the form may change while this renders
			if err != nil {
				return nil, err
			}
			index := slices.IndexFunc(e.Respondents, func(r data.Respondent) bool { return r.ID == respondentID })
			if html {
				return pdf.QuestionnaireHTML(ed.store, e, index)
			}
			return pdf.Questionnaire(ed.store, e, index, today)
		}, func([]byte) {})
	})
}

func (ed *evaluationEditor) respondentsSection() fyne.CanvasObject {
	ed.respondents = container.NewStack(ed.respondentList())
	return ed.respondents
}

func (ed *evaluationEditor) respondentList() fyne.CanvasObject {
	b := ed.bind
	return listEditor(&ed.e.Respondents, T("Add a respondent"), func() data.Respondent {
		return data.Respondent{ID: data.NewID(), Us: true, Scores: map[data.Dimension]data.Score{}}
	}, func(r *data.Respondent) fyne.CanvasObject {
		if r.Scores == nil {
			r.Scores = map[data.Dimension]data.Score{}
		}
		id := r.ID
		status := T("Answers awaited")
		if r.HasAnswered() {
			status = T("Answered")
			if !r.Answered.IsZero() {
				status = T("Answered on %s", longDate(r.Answered))
			}
		}
		paper := widget.NewButtonWithIcon(T("Print questionnaire"), theme.DocumentPrintIcon(), func() { ed.onQuestionnaire(id, false) })
		file := widget.NewButtonWithIcon(T("Save questionnaire file…"), theme.DownloadIcon(), func() { ed.onQuestionnaire(id, true) })
		box := container.NewVBox(columns(3,
			row(T("Name"), b.text(&r.Name, "")), row(T("Speaks for"), ed.sideSelect(r)), row(T("Role"), b.text(&r.Role, ""))),
			flowRow(widget.NewLabel(status), paper, file))
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
	ed.refreshAnswered()
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
		if rated := ed.e.SummariseGoal(gp.GoalID); rated.Count > 0 {
			about.SetText(about.Text + "\n" + N(rated.Count, "Respondents' rating: %[2]s out of 5 (%[1]d answer)", "Respondents' rating: %[2]s out of 5 (%[1]d answers)", oneDecimal(rated.Mean)))
		}
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
