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
	records[data.Evaluation, *data.Evaluation, *evaluationEditor]
	due *fyne.Container
}

// dueAhead is how far ahead an evaluation counts as due; maxDueShown keeps the list below visible.
const (
	dueAhead    = 30
	maxDueShown = 3
)

func newEvaluationsScreen(s *store.Store, w fyne.Window) *evaluationsScreen {
	es := &evaluationsScreen{records: newRecords[data.Evaluation](s, w, func(e *data.Evaluation, onSaved func(string)) *evaluationEditor {
		return newEvaluationEditor(s, w, e, onSaved)
	})}
	es.browser = &browser[*data.Evaluation]{
		search:  func(q string) []*data.Evaluation { return store.Search[data.Evaluation](s, q) },
		row:     es.row,
		detail:  es.openEditor,
		count:   func(n int) string { return N(n, "%d evaluation", "%d evaluations") },
		empty:   T("Choose an evaluation, or start one for an agreement that is due."),
		hint:    T("Search by respondent's name"),
		order:   func() func(a, b *data.Evaluation) int { return newestEvaluation },
		leave:   es.leave,
		unsaved: es.unsaved,
		also:    es.refreshDue,
		own:     newOwnFilter(s, data.KindEvaluation),
	}
	return es
}

func newestEvaluation(a, b *data.Evaluation) int { return b.Date.Time().Compare(a.Date.Time()) }

func (es *evaluationsScreen) buildUI() fyne.CanvasObject {
	es.due = container.NewVBox()
	add := newKeyButton(T("New evaluation of an agreement…"), theme.ContentAddIcon(), es.create)
	add.Importance = widget.HighImportance
	ofPartner := widget.NewButtonWithIcon(T("New evaluation of a partner…"), theme.ContentAddIcon(), es.createForPartner)
	paper := widget.NewButtonWithIcon(T("Enter answers from paper…"), theme.DocumentCreateIcon(), es.onQuickEntry)
	files := widget.NewButtonWithIcon(T("Import answers files…"), theme.FolderOpenIcon(), es.onImportAnswers)
	top := container.NewVBox(flowRow(add, ofPartner, paper, files), es.due, es.undo)
	es.refreshDue()
	return container.NewBorder(top, nil, nil, nil, es.browser.buildUI())
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
				es.due.Add(container.NewBorder(nil, nil, nil, start, wrapped("⏰ "+text))) // a long title wraps
			}
			if more := len(due) - maxDueShown; more > 0 {
				es.due.Add(widget.NewLabel(N(more, "and %d more evaluation due", "and %d more evaluations due")))
			}
			es.due.Refresh()
		})
	})
}

func (es *evaluationsScreen) row(e *data.Evaluation) (string, string) {
	overall := e.Overall()
	answered := 0
	for _, r := range e.Respondents {
		if r.HasAnswered() {
			answered++
		}
	}
	respondents := N(len(e.Respondents), "%d respondent", "%d respondents")
	if answered < len(e.Respondents) { // questionnaires are out: say how many came back
		respondents = T("%d of %d answered", answered, len(e.Respondents))
	}
	return named(es.store, e), joinNonEmpty(" · ", T("health %s", oneDecimal(overall)), T(string(data.BandOf(overall))), respondents)
}

// print is Ctrl+P: the chosen evaluation's report, opened to print.
func (es *evaluationsScreen) print() {
	if es.open() {
		es.editor.onReport(false)
	}
}

// create is Ctrl+N: it asks which agreement to evaluate.
func (es *evaluationsScreen) create() {
	pickAgreement(es.store, es.win, es.startFor)
}

// createForPartner evaluates a partnership that has no agreement (yet).
func (es *evaluationsScreen) createForPartner() {
	pickPartner(es.store, es.win, func(p *data.Partner) {
		es.openNew(&data.Evaluation{PartnerID: p.ID, Date: data.DateOf(now()), PeriodEnd: data.DateOf(now())})
	})
}

// startFor opens a new evaluation of an agreement, with its goals ready for their progress.
func (es *evaluationsScreen) startFor(a *data.Agreement) {
	es.openNew(data.NewEvaluationOf(es.store, a, data.DateOf(now())))
}

// onQuickEntry opens the view that types in paper questionnaires, code by code.
func (es *evaluationsScreen) onQuickEntry() {
	newQuickEntry(es.store, es.win, es.browser.refresh).show()
}
