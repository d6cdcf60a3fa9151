package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// relationsSection lists the partner's relations with other organisations, each read from this partner
// ("is funded by Riverside Council"), what the network says about it, and a button to add one. A relation
// is a record of its own: adding, changing or ending one saves it at once, whatever the partner's form
// holds unsaved.
func (ed *partnerEditor) relationsSection() fyne.CanvasObject {
	ed.relations = container.NewVBox()
	ed.fillRelations()
	return ed.relations
}

// fillRelations shows the partner's relations and insight as stored now, worked out off the UI goroutine.
func (ed *partnerEditor) fillRelations() { ed.fill(ed.findRelations()) }

// findRelations is fillRelations' work: see fill.
func (ed *partnerEditor) findRelations() func() func() {
	id := ed.p.ID
	if id == "" {
		ed.relations.Objects = []fyne.CanvasObject{wrapped(T("Save the partner first; then you can record its relations with other organisations."))}
		ed.relations.Refresh()
		return nil
	}
	here, lang, today := data.PartnerEnd(id), i18n.Current().Code(), data.DateOf(now())
	return func() func() {
		sides := data.RelationsOf(ed.store, here)
		lines := make([]string, len(sides))
		for i, s := range sides {
			lines[i] = relationLine(ed.store, s, lang, today)
		}
		insight := ed.network.insightOf(ed.store, today, id).Sentences(T, N)
		return func() { ed.showRelations(sides, lines, insight) }
	}
}

func (ed *partnerEditor) showRelations(sides []data.RelationSide, lines, insight []string) {
	box := ed.relations
	box.Objects = nil
	if len(sides) == 0 {
		box.Add(wrapped(T("No relations recorded yet: who funds them, what they are a member of, who they share premises or work with.")))
	}
	for i, s := range sides {
		r := s.Relation
		label := wrapped(lines[i])
		change := widget.NewButtonWithIcon(T("Change…"), theme.DocumentCreateIcon(), func() { ed.editRelation(r) })
		box.Add(container.NewBorder(nil, nil, nil, change, label))
	}
	if len(insight) > 0 {
		var d detailDoc
		d.section(T("In the network"))
		d.bullets(insight)
		box.Add(d.build())
	}
	buttons := flowRow(widget.NewButtonWithIcon(T("Add a relation…"), theme.ContentAddIcon(), ed.addRelation))
	if ed.showOnMap != nil {
		id := ed.p.ID
		buttons.Add(widget.NewButtonWithIcon(T("Show on the network map"), theme.GridIcon(), func() { ed.showOnMap(id) }))
	}
	box.Add(buttons)
	box.Refresh()
}

// relationLine reads a relation from one side: "is funded by Riverside Council — from 1 April 2024,
// ended".
func relationLine(v data.View, s data.RelationSide, lang string, today data.Date) string {
	line := s.Verb(v, lang, T) + " " + data.EndName(v, s.Other, T)
	status := ""
	if s.EndedOn(today) {
		status = T("ended")
	}
	if about := joinNonEmpty(", ", period(s.Start, s.End), status); about != "" {
		line += " — " + about
	}
	return line
}

// addRelation asks for a new relation of this partner.
func (ed *partnerEditor) addRelation() {
	here := data.PartnerEnd(ed.p.ID)
	newRelationDialog(ed.store, ed.win, here, &data.Relation{From: here, Type: data.RelationWorksWith, Status: data.RelationCurrent},
		ed.fillRelations, ed.moveRelation).show("")
}

// editRelation asks for changes to one of this partner's relations, on a fresh copy of it.
func (ed *partnerEditor) editRelation(r *data.Relation) {
	newRelationDialog(ed.store, ed.win, data.PartnerEnd(ed.p.ID), data.Clone(r), ed.fillRelations, ed.moveRelation).show("")
}

// networkMemo keeps the network of ties last built, for the insight a partner's screen shows: building it
// reads every partner and relation (about 40 ms at 10,000 partners), and a click on another partner needs
// the same network until something is saved.
type networkMemo struct {
	mu  sync.Mutex
	rev uint64
	day data.Date
	n   *data.Network
}

func (m *networkMemo) insightOf(s *store.Store, today data.Date, id string) data.Insight {
	m.mu.Lock()
	defer m.mu.Unlock()
	// The revision is read first: a save meanwhile may be in the network built, and makes the next call
	// build it again.
	if rev := s.Rev(); m.n == nil || rev != m.rev || today != m.day {
		m.n, m.rev, m.day = data.BuildNetwork(s, today, data.NetworkFilter{CurrentOnly: true}), rev, today
	}
	return m.n.InsightOf(id)
}
