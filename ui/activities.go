package ui

import (
	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// activitiesScreen logs meetings, calls, events and visits with the actions agreed at them, and lists
// every open action — overdue first — to tick off.
type activitiesScreen struct {
	records[data.Activity, *data.Activity, *activityEditor]
	actions     []data.ActionRef
	openActions *keyList
	tabs        *container.AppTabs
}

func newActivitiesScreen(s *store.Store, w fyne.Window) *activitiesScreen {
	as := &activitiesScreen{records: newRecords[data.Activity](s, w, func(a *data.Activity, onSaved func(string)) *activityEditor {
		return newActivityEditor(s, w, a, onSaved)
	})}
	as.browser = &browser[*data.Activity]{
		search: func(q string) []*data.Activity { return store.Search[data.Activity](s, q) },
		row: func(a *data.Activity) (string, string) {
			return a.Name, joinNonEmpty(" · ", longDate(a.Date), data.ListActivityKinds.Label(string(a.ActivityKind), T), N(len(a.Actions), "%d action", "%d actions"))
		},
		detail:  as.openEditor,
		count:   func(n int) string { return N(n, "%d activity", "%d activities") },
		empty:   T("Choose an activity, or log a new one."),
		hint:    T("Search by title, summary or action"),
		order:   func() func(a, b *data.Activity) int { return newestActivity },
		leave:   as.leave,
		unsaved: as.unsaved,
		also:    as.refreshActions,
		own:     newOwnFilter(s, data.KindActivity),
	}
	return as
}

func newestActivity(a, b *data.Activity) int { return b.Date.Time().Compare(a.Date.Time()) }

func (as *activitiesScreen) buildUI() fyne.CanvasObject {
	add := newKeyButton(T("Log an activity"), theme.ContentAddIcon(), as.create)
	add.Importance = widget.HighImportance
	log := container.NewBorder(container.NewVBox(container.NewHBox(add), as.undo), nil, nil, nil, as.browser.buildUI())
	as.openActions = newKeyList(func() int { return len(as.actions) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil, wrapped("")) // a long action wraps
		}, as.showAction)
	as.tabs = container.NewAppTabs(
		container.NewTabItem(T("Activities"), log),
		container.NewTabItem(T("Open actions"), as.openActions))
	as.refreshActions()
	return as.tabs
}

func (as *activitiesScreen) refreshActions() {
	background(func() {
		actions := data.OpenActions(as.store, data.DateOf(now()))
		onUI(func() {
			as.actions = actions
			as.openActions.Refresh()
		})
	})
}

// showAction fills one row of open actions: a box to tick when done, and what, who, when and where from.
func (as *activitiesScreen) showAction(i widget.ListItemID, o fyne.CanvasObject) {
	x := as.actions[i]
	row := o.(*fyne.Container)
	text := joinNonEmpty(" · ", x.Action.Text, x.Action.Owner, dueText(x.Action.Due), named(as.store, x.Source))
	if x.Overdue {
		text = "⚠ " + T("Overdue") + ": " + text
	}
	row.Objects[0].(*widget.Label).SetText(text)
	done := row.Objects[1].(*widget.Check)
	done.OnChanged = nil
	done.SetChecked(false)
	done.OnChanged = func(bool) { as.markDone(x) }
}

// markDone ticks an action off in the activity or evaluation it belongs to.
func (as *activitiesScreen) markDone(x data.ActionRef) {
	err := as.store.MarkActionDone(x.Source, x.Action.ID, data.DateOf(now()))
	if err != nil {
		showError(as.win, "mark action done", err)
	}
	as.refresh()
}

// create is Ctrl+N and the Log an activity button.
func (as *activitiesScreen) create() {
	as.tabs.SelectIndex(0)
	as.openNew(&data.Activity{ActivityKind: "meeting", Date: data.DateOf(now())})
}

// activityEditor records one meeting, call, event or visit.
type activityEditor struct {
	*form
	a     *data.Activity
	links *fyne.Container
}

func newActivityEditor(s *store.Store, w fyne.Window, a *data.Activity, onSaved func(string)) *activityEditor {
	return &activityEditor{form: newForm(s, w, a, onSaved), a: a}
}

func (ed *activityEditor) buildUI() fyne.CanvasObject {
	b, a := ed.bind, ed.a
	ed.links = container.NewVBox()
	ed.fillLinks()
	actions := listEditor(&a.Actions, T("Add an action"), func() data.ActionItem { return data.ActionItem{ID: data.NewID()} },
		func(x *data.ActionItem) fyne.CanvasObject {
			return container.NewVBox(row(T("Action"), b.text(&x.Text, "")),
				columns(3, row(T("Who"), b.text(&x.Owner, "")), row(T("By"), b.date(&x.Due)), b.check(T("Done"), &x.Done)))
		}, ed.bind)
	form := container.NewVBox(
		row(T("Title"), b.text(&a.Name, T("For example: Planning meeting for the summer fair"))),
		columns(2, row(T("Kind"), pickChoice(b, ed.store, data.ListActivityKinds, &a.ActivityKind)), row(T("Date"), b.date(&a.Date))),
		ed.participation())
	if own := customSection(ed.store, ed.win, b, data.KindActivity, a); own != nil {
		form.Add(own)
	}
	form.Add(ed.links)
	form.Add(row(T("Summary"), b.longText(&a.Summary, T("What was decided, in a few lines"))))
	form.Add(row(T("Notes"), b.longText(&a.Notes, "")))
	form.Add(widget.NewLabelWithStyle(T("Actions agreed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	form.Add(actions)
	ed.showProblems()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, ed.saveButton()), ed.problems)
	return container.NewBorder(top, nil, nil, nil, newPageScroll(container.NewPadded(form)))
}

// participation counts who took part, and, for those who count them, the groups funders ask about.
func (ed *activityEditor) participation() fyne.CanvasObject {
	b, p := ed.bind, &ed.a.Participation
	counts := []fyne.CanvasObject{row(T("How many took part"), b.whole(&p.People))}
	for _, g := range data.ParticipantGroups {
		counts = append(counts, row(T("Of them: %s", string(g)), b.whole(p.Of(g))))
	}
	return container.NewGridWithColumns(2, counts...)
}

func (ed *activityEditor) fillLinks() {
	a := ed.a
	ed.links.Objects = []fyne.CanvasObject{
		linkList(ed.form, ed.fillLinks, T("Partners"), T("Add a partner"), partnerName(ed.store),
			func() []string { return a.PartnerIDs }, func(ids []string) { a.PartnerIDs = ids },
			func(add func(string)) { pickPartner(ed.store, ed.win, func(p *data.Partner) { add(p.ID) }) }),
		linkList(ed.form, ed.fillLinks, T("Agreement"), T("Choose the agreement"), agreementName(ed.store),
			func() []string { return nonEmpty(a.AgreementID) },
			func(ids []string) {
				a.AgreementID = ""
				if len(ids) > 0 {
					a.AgreementID = ids[len(ids)-1]
				}
			},
			func(add func(string)) { pickAgreement(ed.store, ed.win, func(x *data.Agreement) { add(x.ID) }) }),
	}
	ed.links.Refresh()
}

func nonEmpty(id string) []string {
	if id == "" {
		return nil
	}
	return []string{id}
}
