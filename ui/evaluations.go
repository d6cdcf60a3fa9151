package ui

import (
	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// evaluationsScreen lists the health checks of each partnership, with the ones due or overdue (by each
// agreement's review cadence) on top, and the chosen one's form beside the list.
type evaluationsScreen struct {
	*browser[*data.Evaluation]
	editing
	editor *evaluationEditor
	due    *fyne.Container
}

// dueAhead is how far ahead an evaluation counts as due; maxDueShown keeps the list below visible.
const (
	dueAhead    = 30
	maxDueShown = 3
)

func newEvaluationsScreen(s *store.Store, w fyne.Window) *evaluationsScreen {
	es := &evaluationsScreen{editing: newEditing(s, w)}
	es.browser = &browser[*data.Evaluation]{
		search:  func(q string) []*data.Evaluation { return store.Search[data.Evaluation](s, q) },
		row:     es.row,
		detail:  es.openEditor,
		count:   func(n int) string { return countOf(n, "1 evaluation", "%d evaluations") },
		empty:   T("Choose an evaluation, or start one for an agreement that is due."),
		hint:    T("Search by respondent's name"),
		order:   func() func(a, b *data.Evaluation) int { return newestEvaluation },
		leave:   es.leave,
		unsaved: es.unsaved,
	}
	return es
}

func newestEvaluation(a, b *data.Evaluation) int { return b.Date.Time().Compare(a.Date.Time()) }

func (es *evaluationsScreen) buildUI() fyne.CanvasObject {
	es.due = container.NewVBox()
	add := widget.NewButtonWithIcon(T("New evaluation of an agreement…"), theme.ContentAddIcon(), es.create)
	add.Importance = widget.HighImportance
	ofPartner := widget.NewButtonWithIcon(T("New evaluation of a partner…"), theme.ContentAddIcon(), es.createForPartner)
	top := container.NewVBox(flowRow(add, ofPartner), es.due, es.undo)
	es.refreshDue()
	return container.NewBorder(top, nil, nil, nil, es.browser.buildUI())
}

func (es *evaluationsScreen) refresh() {
	es.browser.refresh()
	es.refreshDue()
}

// refreshDue lists the agreements whose evaluation is due, each with a button to start it.
func (es *evaluationsScreen) refreshDue() {
	background(func() {
		due := data.EvaluationsDue(es.store, data.DateOf(now()), dueAhead)
		onUI(func() {
			es.due.Objects = nil
			for _, d := range due[:min(len(due), maxDueShown)] {
				text := T("%s: evaluation due on %s", d.Agreement.Name, longDate(d.On))
				if d.Overdue {
					text = T("%s: evaluation overdue since %s", d.Agreement.Name, longDate(d.On))
				}
				start := widget.NewButton(T("Start"), func() { es.startFor(d.Agreement) })
				label := widget.NewLabel("⏰ " + text)
				label.Truncation = fyne.TextTruncateEllipsis // a long title must not widen the window
				es.due.Add(container.NewBorder(nil, nil, nil, start, label))
			}
			if more := len(due) - maxDueShown; more > 0 {
				es.due.Add(widget.NewLabel(T("and %d more due", more)))
			}
			es.due.Refresh()
		})
	})
}

func (es *evaluationsScreen) row(e *data.Evaluation) (string, string) {
	overall := e.Overall()
	return named(es.store, e), joinNonEmpty(" · ",
		T("health %s", oneDecimal(overall)), T(string(data.BandOf(overall))),
		countOf(len(e.Respondents), "1 respondent", "%d respondents"))
}

func (es *evaluationsScreen) openEditor(listed *data.Evaluation) fyne.CanvasObject {
	e, err := store.Get[data.Evaluation](es.store, listed.ID)
	if err != nil {
		showError(es.win, "open evaluation", err)
		return widget.NewLabel(T("This evaluation could not be opened."))
	}
	return es.edit(e)
}

func (es *evaluationsScreen) edit(e *data.Evaluation) fyne.CanvasObject {
	es.editor = newEvaluationEditor(es.store, es.win, e, func(id string) { es.selected = id; es.refresh() })
	del := widget.NewButtonWithIcon(T("Move to Trash"), theme.DeleteIcon(), es.onDelete)
	del.Importance = widget.LowImportance
	return container.NewBorder(nil, container.NewHBox(del), nil, nil, es.editor.buildUI())
}

// create asks which agreement to evaluate.
// print is Ctrl+P: the chosen evaluation's report, opened to print.
func (es *evaluationsScreen) print() {
	if es.editor != nil {
		es.editor.onReport(false)
	}
}

func (es *evaluationsScreen) create() {
	pickAgreement(es.store, es.win, es.startFor)
}

// createForPartner evaluates a partnership that has no agreement (yet).
func (es *evaluationsScreen) createForPartner() {
	pickPartner(es.store, es.win, func(p *data.Partner) {
		es.open(&data.Evaluation{PartnerID: p.ID, Date: data.DateOf(now()), PeriodEnd: data.DateOf(now())})
	})
}

// startFor opens a new evaluation of an agreement, with its goals ready for their progress.
func (es *evaluationsScreen) startFor(a *data.Agreement) {
	es.open(newEvaluationOf(a, data.DateOf(now())))
}

// open shows a new, unsaved evaluation in the form.
func (es *evaluationsScreen) open(e *data.Evaluation) {
	es.leave(func() {
		es.selected = ""
		es.list.UnselectAll()
		es.showPane(es.edit(e))
	})
}

func newEvaluationOf(a *data.Agreement, today data.Date) *data.Evaluation {
	e := &data.Evaluation{AgreementID: a.ID, Date: today, PeriodEnd: today}
	if a.ReviewEveryMonths > 0 {
		e.PeriodStart = today.AddMonths(-a.ReviewEveryMonths)
	}
	for _, g := range a.Goals {
		e.GoalProgress = append(e.GoalProgress, data.GoalProgress{GoalID: g.ID})
	}
	return e
}

func (es *evaluationsScreen) save() {
	if es.editor != nil {
		es.editor.onSave()
	}
}

func (es *evaluationsScreen) leave(proceed func()) {
	es.confirmLeave(es.unsaved(), func() { es.editor.dirty = false }, proceed)
}

// unsaved is true while the open editor holds changes not saved yet.
func (es *evaluationsScreen) unsaved() bool { return es.editor != nil && es.editor.dirty }

func (es *evaluationsScreen) onDelete() {
	e := es.editor.e
	if e.ID != "" && !es.trash(data.KindEvaluation, e.ID, named(es.store, e), func() { es.selectID(e.ID) }) {
		return
	}
	es.editor, es.selected = nil, ""
	es.showPane(container.NewCenter(widget.NewLabel(es.empty)))
	es.refresh()
}

func (*evaluationsScreen) shows() data.Kind { return data.KindEvaluation }
