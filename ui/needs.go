package ui

import (
	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// needsScreen is the community needs assessment: what the neighbourhood lacks, how urgent it is, and
// which partners and agreements work on it. Unmet high-priority needs come first.
type needsScreen struct {
	records[data.Need, *data.Need, *needEditor]
}

func newNeedsScreen(s *store.Store, w fyne.Window) *needsScreen {
	ns := &needsScreen{records: newRecords[data.Need](s, w, func(n *data.Need, onSaved func(string)) *needEditor {
		return newNeedEditor(s, w, n, onSaved)
	})}
	ns.browser = &browser[*data.Need]{
		search:  func(q string) []*data.Need { return store.Search[data.Need](s, q) },
		row:     ns.row,
		detail:  ns.openEditor,
		count:   func(n int) string { return N(n, "%d need", "%d needs") },
		empty:   T("Choose a need, or record a new one."),
		hint:    T("Search by title, area or description"),
		order:   func() func(a, b *data.Need) int { return urgentFirst },
		leave:   ns.leave,
		unsaved: ns.unsaved,
		own:     newOwnFilter(s, data.KindNeed),
	}
	return ns
}

// urgentFirst orders unmet high-priority needs first, then other unmet ones, then the rest.
func urgentFirst(a, b *data.Need) int { return urgency(b) - urgency(a) }

func urgency(n *data.Need) int {
	switch {
	case n.Unmet() && n.Priority == data.PriorityHigh:
		return 2
	case n.Unmet():
		return 1
	}
	return 0
}

func (ns *needsScreen) buildUI() fyne.CanvasObject {
	add := newKeyButton(T("New need"), theme.ContentAddIcon(), ns.create)
	add.Importance = widget.HighImportance
	return container.NewBorder(container.NewVBox(container.NewHBox(add), ns.undo), nil, nil, nil, ns.browser.buildUI())
}

func (ns *needsScreen) row(n *data.Need) (string, string) {
	flag := ""
	if urgency(n) == 2 {
		flag = "⚠ " + T("Unmet, high priority")
	}
	return n.Name, joinNonEmpty(" · ", flag, T(string(n.Priority)), T(string(n.Status)), n.Area)
}

// create is Ctrl+N and the New need button.
func (ns *needsScreen) create() {
	ns.openNew(&data.Need{Priority: data.PriorityMedium, Status: data.NeedOpen})
}

// needEditor edits one need and the partners and agreements linked to it.
type needEditor struct {
	*form
	n     *data.Need
	links *fyne.Container
}

func newNeedEditor(s *store.Store, w fyne.Window, n *data.Need, onSaved func(string)) *needEditor {
	return &needEditor{form: newForm(s, w, n, onSaved), n: n}
}

func (ed *needEditor) buildUI() fyne.CanvasObject {
	b, n := ed.bind, ed.n
	ed.links = container.NewVBox()
	ed.fillLinks()
	form := container.NewVBox(
		row(T("Title"), b.text(&n.Name, T("For example: A warm space for older residents in winter"))),
		columns(3,
			row(T("Priority"), choice(b, data.Priorities, &n.Priority)),
			row(T("Status"), choice(b, data.NeedStatuses, &n.Status)),
			row(T("How you learned of it"), choice(b, data.NeedSources, &n.Source))),
		// The days a need opened and closed make each year's report true for its year; Accord fills them in
		// when a need is recorded and when it is met, and they can be corrected here.
		container.NewGridWithColumns(2,
			row(T("Raised on"), b.date(&n.Opened)),
			row(T("Met or closed on"), b.date(&n.Closed))),
		row(T("Area"), b.text(&n.Area, T("Street, estate or neighbourhood"))),
		row(T("Description"), b.longText(&n.Description, "")),
	)
	if own := customSection(ed.store, ed.win, b, data.KindNeed, n); own != nil {
		form.Add(own)
	}
	form.Add(ed.links)
	ed.showProblems()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, ed.saveButton()), ed.problems)
	return container.NewBorder(top, nil, nil, nil, newPageScroll(container.NewPadded(form)))
}

// fillLinks lists the partners and agreements linked to the need, each with a Remove button, and offers
// to link more.
func (ed *needEditor) fillLinks() {
	n := ed.n
	ed.links.Objects = []fyne.CanvasObject{
		linkList(ed.form, ed.fillLinks, T("Partners working on it"), T("Link a partner"), partnerName(ed.store),
			func() []string { return n.PartnerIDs }, func(ids []string) { n.PartnerIDs = ids },
			func(add func(string)) { pickPartner(ed.store, ed.win, func(p *data.Partner) { add(p.ID) }) }),
		linkList(ed.form, ed.fillLinks, T("Agreements that address it"), T("Link an agreement"), agreementName(ed.store),
			func() []string { return n.AgreementIDs }, func(ids []string) { n.AgreementIDs = ids },
			func(add func(string)) { pickAgreement(ed.store, ed.win, func(a *data.Agreement) { add(a.ID) }) }),
	}
	ed.links.Refresh()
}
