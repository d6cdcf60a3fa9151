package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// agreementEditor edits one agreement: every field, its parties and goals, and its life from draft to
// signed. It works on a copy; nothing reaches the store until Save (or a lifecycle step, which saves).
type agreementEditor struct {
	*form
	a       *data.Agreement
	status  *widget.Label
	actions *fyne.Container
	signing *fyne.Container
	linked  *fyne.Container // what other records say of it: see fillLinked
	// translations are the fields for the texts' translations, shown while there is a second language.
	translations []fyne.CanvasObject
	// onOpen shows another agreement (a renewal) in the editor.
	onOpen func(a *data.Agreement)
	// title is the title field; untitled, the title a new agreement came with from its template, which
	// its first partner's name completes (see nameAfter).
	title    *field
	untitled string
}

func newAgreementEditor(s *store.Store, w fyne.Window, a *data.Agreement, onSaved func(string), onOpen func(*data.Agreement)) *agreementEditor {
	ed := &agreementEditor{form: newForm(s, w, a, onSaved), a: a, onOpen: onOpen}
	if a.ID == "" {
		ed.untitled = a.Name
	}
	ed.refreshed = ed.refreshState
	ed.guard = ed.holdSigned
	return ed
}

func (ed *agreementEditor) buildUI() fyne.CanvasObject {
	ed.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.status.Wrapping = fyne.TextWrapWord
	ed.actions = flowRow()
	about := widget.NewAccordionItem(T("About the agreement"), ed.aboutSection())
	parties := widget.NewAccordionItem(T("Parties and what each will do"), ed.partiesSection())
	about.Open, parties.Open = true, true
	sections := widget.NewAccordion(withOwnFields(ed.store, ed.win, ed.bind, data.KindAgreement, ed.a, about, parties,
		widget.NewAccordionItem(T("Shared goals"), ed.goalsSection()),
		widget.NewAccordionItem(T("Dates and review"), ed.datesSection()),
		widget.NewAccordionItem(T("How you work together"), ed.workingSection()),
		widget.NewAccordionItem(T("Extra clauses and changes"), ed.clausesSection()),
		widget.NewAccordionItem(T("Legal terms and annexes"), ed.legalSection()),
		widget.NewAccordionItem(T("Signatures, prints and signed copy"), ed.signingSection()),
	)...)
	sections.MultiOpen = true
	ed.refreshState()
	ed.showProblems()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, ed.saveButton(), ed.status), ed.actions, ed.problems)
	return container.NewBorder(top, nil, nil, nil, newPageScroll(sections))
}

// refreshState shows where the agreement stands and offers the lifecycle steps that make sense now.
func (ed *agreementEditor) refreshState() {
	today := data.DateOf(now())
	ed.status.SetText(joinNonEmpty(" · ", ed.a.Name, ed.notSaved(T(string(ed.a.StatusOn(today))))))
	ed.actions.Objects = ed.lifecycleButtons()
	ed.actions.Refresh()
	if ed.signing != nil {
		ed.fillSigning()
	}
}

func (ed *agreementEditor) aboutSection() fyne.CanvasObject {
	b := ed.bind
	ed.title = b.text(&ed.a.Name, T("For example: Homework club at the library"))
	return container.NewVBox(
		row(T("Title"), ed.title),
		row(T("Kind of agreement"), choice(b, data.AgreementKinds, &ed.a.AgreementKind)),
		ed.languageRows(),
		ed.own(T("Purpose"), data.TextPurpose, &ed.a.Purpose, T("Why the parties work together")),
		ed.own(T("Background"), data.TextBackground, &ed.a.Background, T("What led to this agreement")),
	)
}

func (ed *agreementEditor) goalsSection() fyne.CanvasObject {
	b := ed.bind
	return listEditor(&ed.a.Goals, T("Add a goal"), func() data.Goal { return data.Goal{ID: data.NewID()} },
		func(g *data.Goal) fyne.CanvasObject {
			return container.NewVBox(
				row(T("Goal"), b.text(&g.Text, T("For example: Young people attending each week"))),
				columns(4,
					row(T("Measured by"), b.text(&g.Metric, T("attendance register"))),
					row(T("Target"), b.number(&g.Target)),
					row(T("Unit"), b.text(&g.Unit, T("people"))),
					row(T("By"), b.date(&g.Due))))
		}, ed.bind)
}

func (ed *agreementEditor) datesSection() fyne.CanvasObject {
	b := ed.bind
	return container.NewVBox(
		columns(3,
			row(T("Starts"), b.date(&ed.a.Start)),
			row(T("Ends"), b.date(&ed.a.End)),
			row(T("Review every (months)"), b.whole(&ed.a.ReviewEveryMonths))),
		ed.own(T("Renewal"), data.TextRenewal, &ed.a.RenewalTerms, T("What happens when the agreement ends")),
	)
}

func (ed *agreementEditor) workingSection() fyne.CanvasObject {
	b, a := ed.bind, ed.a
	channels := newField(T("email, phone, meetings"))
	channels.SetText(strings.Join(a.Communication.Channels, ", "))
	channels.OnChanged = func(s string) { a.Communication.Channels = splitList(s); ed.changed() }
	return container.NewVBox(
		ed.own(T("Governance and decision-making"), data.TextGovernance, &a.Governance, T("Who decides what, and how")),
		columns(2,
			row(T("How often you keep in touch"), b.text(&a.Communication.Frequency, T("monthly"))),
			row(T("Channels"), channels)),
		row(T("Contact people"), b.text(&a.Communication.ContactPeople, T("Who to call about this agreement"))),
		ed.own(T("Conflict resolution"), data.TextConflict, &a.ConflictResolution, ""),
		ed.own(T("Confidentiality and data sharing"), data.TextConfidentiality, &a.Confidentiality, ""),
		b.check(T("Money changes hands under this agreement"), &a.MoneyChangesHands),
		ed.own(T("Funding terms"), data.TextFunding, &a.FundingTerms, T("Who pays what, and when")),
		ed.own(T("Ending the agreement (notice)"), data.TextTermination, &a.TerminationNotice, ""),
	)
}

func (ed *agreementEditor) clausesSection() fyne.CanvasObject {
	b := ed.bind
	clauses := listEditor(&ed.a.Clauses, T("Add a clause"), func() data.Clause { return data.Clause{} },
		func(c *data.Clause) fyne.CanvasObject {
			return ed.translatedSection(row(T("Heading"), b.text(&c.Heading, "")), row(T("Text"), b.longText(&c.Text, "")), &c.Translation)
		}, ed.bind)
	amendments := listEditor(&ed.a.Amendments, T("Record a change agreed in writing"),
		func() data.Amendment { return data.Amendment{Date: data.DateOf(now())} },
		func(m *data.Amendment) fyne.CanvasObject {
			return container.NewVBox(row(T("Agreed on"), b.date(&m.Date)), row(T("What changed"), b.longText(&m.Text, "")))
		}, ed.bind)
	return container.NewVBox(clauses, widget.NewSeparator(), widget.NewLabel(T("Changes agreed in writing")), amendments)
}

func splitList(s string) []string { return splitTrimmed(s, ",") }

// nameAfter completes a new agreement's title with its first partner's name — "Shared use of the hall —
// Asociación Vecinal San José" — while the title is still the one its template gave, so that lists,
// pickers and file names tell agreements apart. A title the user typed is left alone.
func (ed *agreementEditor) nameAfter(p *data.Partner) {
	if ed.untitled == "" || ed.a.Name != ed.untitled || ed.title == nil {
		return
	}
	ed.untitled = ""
	ed.title.SetText(ed.a.Name + " — " + p.Name)
}
