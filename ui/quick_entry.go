package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// quickEntry types in paper questionnaires as fast as the eye reads them: the code printed on the
// paper, then each tick as one key — 1 to 5, 0 for a question left blank — and the keyboard moves on
// to the next question by itself. A comment is one Tab away from its tick (Shift+Tab once the tick is
// typed). Return on the last question saves, and the code field waits for the next paper.
type quickEntry struct {
	store   *store.Store
	win     fyne.Window
	code    *field
	status  *widget.Label
	form    *fyne.Container
	scroll  *container.Scroll
	save    *keyButton
	d       *dialog.CustomDialog
	saved   func() // after each questionnaire is saved, so lists show it
	entered int    // questionnaires saved since the view opened

	// of the questionnaire whose code was typed:
	found    data.Arrival
	side     *tickField // which organisation a blank copy answers for
	sides    []data.Party
	role     *field
	name     *field
	ticks    []*tickField
	comments []*field
	keys     []string // each question's dimension, or goal ID after the dimensions
}

func newQuickEntry(s *store.Store, w fyne.Window, saved func()) *quickEntry {
	return &quickEntry{store: s, win: w, saved: saved}
}

func (q *quickEntry) show() {
	q.code = newField(T("K7QM-4TX9"))
	q.code.OnSubmitted = func(string) { q.lookUp() }
	q.status = wrapped(T("Type the code printed on the questionnaire, then press Return."))
	q.form = container.NewVBox()
	q.save = newKeyButton(T("Save these answers"), theme.DocumentSaveIcon(), q.onSave)
	q.save.Importance = widget.HighImportance
	q.save.Disable()
	help := wrapped(T("For each question type the ticked box: 1 to 5, or 0 when it was left blank; the next question follows. Tab goes to a question's comment, Shift+Tab back to the comment of the question just typed."))
	help.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(row(T("Questionnaire code"), q.code), q.status, help)
	q.scroll = container.NewVScroll(q.form)
	content := container.NewBorder(top, nil, nil, nil, q.scroll)
	closeButton := newKeyButton(T("Close"), theme.CancelIcon(), func() { q.d.Hide() })
	q.d = dialog.NewCustomWithoutButtons(T("Enter answers from paper"), content, q.win)
	q.d.SetButtons([]fyne.CanvasObject{closeButton, q.save})
	q.d.Resize(scaled(760, 560))
	q.d.Show()
	q.win.Canvas().Focus(q.code)
}

// lookUp finds the evaluation and respondent of the typed code, off the UI goroutine, and lays out
// their questionnaire.
func (q *quickEntry) lookUp() {
	typed := q.code.Text
	background(func() {
		e, index, err := data.ByCode(q.store, typed)
		onUI(func() {
			if err != nil {
				q.say(plainText(err), true)
				q.form.RemoveAll()
				q.save.Disable()
				q.win.Canvas().Focus(q.code)
				return
			}
			q.found = data.Arrival{Evaluation: e, Index: index}
			q.layOut()
		})
	})
}

func (q *quickEntry) say(text string, problem bool) {
	q.status.SetText(text)
	q.status.Importance = widget.MediumImportance
	if problem {
		q.status.Importance = widget.DangerImportance
	}
	q.status.Refresh()
}

// layOut shows the questions of the questionnaire found, in the paper's order, and puts the keyboard on
// the first box to fill in.
func (q *quickEntry) layOut() {
	e, index := q.found.Evaluation, q.found.Index
	q.form.RemoveAll()
	q.ticks, q.comments, q.keys, q.side, q.role, q.name = nil, nil, nil, nil, nil, nil
	who := T("A blank questionnaire: say whom it answers for.")
	if index >= 0 {
		r := e.Respondents[index]
		who = T("Questionnaire of %s", respondentLabel(q.store, e, r))
		if r.HasAnswered() {
			who += " " + T("Their answers are already in: saving replaces them.")
		}
	}
	q.say(joinNonEmpty(" — ", named(q.store, e), who), false)
	var first fyne.Focusable
	if index < 0 {
		q.sides = e.Sides(q.store)
		names := make([]string, len(q.sides))
		for i, p := range q.sides {
			names[i] = fmt.Sprintf("%d %s", i+1, partyName(q.store, p))
		}
		q.side = newTickField(len(q.sides), false, func(v int) string { return names[v-1] })
		q.role = newField("")
		q.side.done = func() { q.win.Canvas().Focus(q.role) }
		q.form.Add(row(T("Answers for (type the number ticked)"), q.side))
		q.form.Add(wrapped(joinNonEmpty("   ", names...)))
		q.form.Add(row(T("Role"), q.role))
		if !e.Anonymous {
			q.name = newField("")
			q.form.Add(row(T("Name"), q.name))
		}
		first = q.side
	}
	for i, dim := range data.Dimensions {
		q.question(fmt.Sprintf("%d. %s", i+1, T(data.DimensionNames[dim])), string(dim))
	}
	if a := data.Lookup[data.Agreement](q.store, e.AgreementID); a != nil {
		for _, gp := range e.GoalProgress {
			q.question(T("Goal: %s", goalOf(a, gp.GoalID).Text), gp.GoalID)
		}
	}
	for i, t := range q.ticks {
		next := fyne.Focusable(q.save)
		if i+1 < len(q.ticks) {
			next = q.ticks[i+1]
		}
		t.done = func() { q.win.Canvas().Focus(next) }
	}
	if first == nil {
		first = q.ticks[0]
	}
	q.save.Enable()
	q.win.Canvas().Focus(first)
}

// question adds one question: its title, the box its tick is typed in, and its comment.
func (q *quickEntry) question(title, key string) {
	t := newTickField(5, true, func(v int) string { return fmt.Sprint(v) })
	comment := newField(T("Comment, if one was written"))
	block := container.NewVBox()
	t.focused = func() { q.reveal(block) }
	q.ticks, q.comments, q.keys = append(q.ticks, t), append(q.comments, comment), append(q.keys, key)
	label := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	label.Wrapping = fyne.TextWrapWord
	// The tick before its comment, so Tab goes from a tick to its comment and Shift+Tab from the next tick
	// back to it.
	block.Add(container.New(layout.NewBorderLayout(nil, nil, t, nil), t, container.NewVBox(label, comment)))
	q.form.Add(block)
}

// reveal scrolls the questions so that the block with the keyboard is in sight: Fyne's scroll does not
// follow the keyboard, and the eye must not lose the question being typed.
func (q *quickEntry) reveal(block fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(block).Y - d.AbsolutePositionForObject(q.form).Y
	switch view := q.scroll.Size().Height; {
	case y < q.scroll.Offset.Y:
		q.scroll.Offset.Y = y
	case y+block.Size().Height > q.scroll.Offset.Y+view:
		q.scroll.Offset.Y = y + block.Size().Height - view
	default:
		return
	}
	q.scroll.Refresh()
}

// answers are what was typed, as the questionnaire's answers.
func (q *quickEntry) answers() data.Answers {
	a := data.Answers{Scores: map[data.Dimension]data.Score{}, Goals: map[string]data.Score{}}
	for i, t := range q.ticks {
		s := data.Score{Value: max(t.value, 0), Comment: q.comments[i].Text}
		if i < len(data.Dimensions) {
			a.Scores[data.Dimension(q.keys[i])] = s
		} else {
			a.Goals[q.keys[i]] = s
		}
	}
	if q.side != nil && q.side.value > 0 {
		p := q.sides[q.side.value-1]
		a.Us, a.PartnerID = p.Us, p.PartnerID
	}
	if q.role != nil {
		a.Role = q.role.Text
	}
	if q.name != nil {
		a.Name = q.name.Text
	}
	return a
}

// onSave saves the answers into the evaluation, asking first when they would replace answers already
// entered.
func (q *quickEntry) onSave() {
	if q.side != nil && q.side.value <= 0 {
		q.say(T("Type the number of the organisation ticked on the paper."), true)
		q.win.Canvas().Focus(q.side)
		return
	}
	if q.found.Replaces() {
		r := q.found.Evaluation.Respondents[q.found.Index]
		ask(q.win, T("Replace their answers?"), T("Replace"), T("Cancel"),
			wrapped(T("The answers of %s are already in the evaluation. Replace them with these?", respondentLabel(q.store, q.found.Evaluation, r))),
			q.saveNow)
		return
	}
	q.saveNow()
}

// saveNow saves the answers into the evaluation, read afresh, or says what stops them.
func (q *quickEntry) saveNow() {
	answers, typed, today := q.answers(), q.code.Text, data.DateOf(now())
	background(func() {
		e, index, err := data.ByCode(q.store, typed) // read afresh: another paper may have been saved since
		arrival := data.Arrival{Evaluation: data.Clone(e), Index: index, Answers: answers}
		if err == nil {
			err = arrival.Apply(today)
		}
		if err == nil {
			err = q.store.Save(arrival.Evaluation)
		}
		onUI(func() {
			if err != nil {
				fyne.LogError("save answers from paper", err)
				q.say(plainText(err), true)
				return
			}
			q.entered++
			q.form.RemoveAll()
			q.save.Disable()
			q.code.SetText("")
			q.say(N(q.entered, "%d questionnaire entered. Type the next code.", "%d questionnaires entered. Type the next code."), false)
			q.win.Canvas().Focus(q.code)
			q.saved()
		})
	})
}

// respondentLabel names a respondent as the evaluation allows: by name, role and organisation, or only
// by role and organisation when it is anonymous.
func respondentLabel(s *store.Store, e *data.Evaluation, r data.Respondent) string {
	name := r.Name
	if e.Anonymous {
		name = ""
	}
	return joinNonEmpty(", ", name, r.Role, partyName(s, data.Party{Us: r.Us, PartnerID: r.PartnerID}))
}

// tickField takes one tick from a paper as one key: a digit from 1 to most (0 too, for a question left
// blank, when blank is allowed); Backspace clears it. Typing a digit moves on (done).
type tickField struct {
	widget.BaseWidget
	most    int
	blank   bool
	value   int // -1: nothing typed yet; 0: left blank
	show    func(v int) string
	done    func()
	focused func() // when it takes the keyboard
	hasKeys bool
	text    *widget.Label
	box     *canvas.Rectangle
}

func newTickField(most int, blank bool, show func(int) string) *tickField {
	t := &tickField{most: most, blank: blank, value: -1, show: show, text: widget.NewLabel("")}
	t.text.Alignment = fyne.TextAlignCenter
	t.box = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	t.box.StrokeWidth = 2
	t.ExtendBaseWidget(t)
	t.refreshText()
	return t
}

func (t *tickField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.box, t.text))
}

func (t *tickField) MinSize() fyne.Size {
	least := t.BaseWidget.MinSize()
	return fyne.NewSize(max(least.Width, scaled(56, 0).Width), least.Height)
}

func (t *tickField) refreshText() {
	switch {
	case t.value < 0:
		t.text.SetText("·")
	case t.value == 0:
		t.text.SetText(T("blank"))
	default:
		t.text.SetText(t.show(t.value))
	}
	t.box.StrokeColor, t.box.FillColor = theme.Color(theme.ColorNameInputBorder), theme.Color(theme.ColorNameInputBackground)
	if t.hasKeys {
		t.box.StrokeColor, t.box.FillColor = theme.Color(theme.ColorNamePrimary), theme.Color(theme.ColorNameFocus)
	}
	t.box.Refresh()
}

func (t *tickField) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
}

func (t *tickField) FocusGained() {
	t.hasKeys = true
	t.refreshText()
	if t.focused != nil {
		t.focused()
	}
}

func (t *tickField) FocusLost() { t.hasKeys = false; t.refreshText() }

func (t *tickField) TypedRune(r rune) {
	v := int(r - '0')
	if v < 0 || v > t.most || v == 0 && !t.blank {
		return
	}
	t.value = v
	t.refreshText()
	if t.done != nil {
		t.done()
	}
}

func (t *tickField) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyBackspace || ev.Name == fyne.KeyDelete {
		t.value = -1
		t.refreshText()
	}
}
