package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// partnersScreen lists the partner organisations, filtered as you type and by kind, stage and focus area,
// with the editor of the chosen one beside the list.
type partnersScreen struct {
	records[data.Partner, *data.Partner, *partnerEditor]

	kind, stage, focus *dropDown
	kinds              []string // the kinds the kind filter offers, Accord's and the group's own
	newest             *widget.Check
	// showOnMap, when set, shows a partner on the network map.
	showOnMap func(id string)
	network   networkMemo
}

func newPartnersScreen(s *store.Store, w fyne.Window) *partnersScreen {
	var ps *partnersScreen
	ps = &partnersScreen{records: newRecords[data.Partner](s, w, func(p *data.Partner, onSaved func(string)) *partnerEditor {
		ed := newPartnerEditor(s, w, p, onSaved)
		ed.showOnMap, ed.network = ps.showOnMap, &ps.network
		ed.moveRelation = func(r *data.Relation) {
			ps.trash(data.KindRelation, r.ID, r.Sentence(s, i18n.Current().Code(), T), ed.fillRelations, ed.fillRelations)
		}
		return ed
	})}
	ps.browser = &browser[*data.Partner]{
		search:  func(q string) []*data.Partner { return store.Search[data.Partner](s, q) },
		row:     ps.row,
		detail:  ps.openEditor,
		count:   func(n int) string { return N(n, "%d partner", "%d partners") },
		empty:   T("Choose a partner, or add a new one."),
		hint:    T("Search by name, contact, email, focus area, notes or your own fields"),
		filter:  ps.filter,
		order:   ps.order,
		leave:   ps.leave,
		unsaved: ps.unsaved,
		also:    func() { ps.refreshRelations(); ps.fillLists() },
		own:     newOwnFilter(s, data.KindPartner),
	}
	return ps
}

// refreshRelations shows the open partner's relations afresh: a sync or another screen may have changed
// them, and they are records of their own, not part of the partner.
func (ps *partnersScreen) refreshRelations() {
	if ps.open() && ps.editor.relations != nil {
		ps.editor.fillRelations()
	}
}

func (ps *partnersScreen) buildUI() fyne.CanvasObject {
	ps.kind = filterSelect(T("Any kind"), nil, ps.filterNow)
	ps.stage = filterSelect(T("Any stage"), translated(data.Stages), ps.filterNow)
	ps.focus = filterSelect(T("Any focus area"), nil, ps.filterNow)
	ps.fillLists()
	ps.newest = widget.NewCheck(T("Recently changed first"), func(bool) { ps.filterNow() })
	add := newKeyButton(T("New partner"), theme.ContentAddIcon(), ps.create)
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(T("Import contacts…"), theme.UploadIcon(), ps.onImport)
	bar := flowRow(add, imp, ps.kind, ps.stage, ps.focus, ps.newest)
	return container.NewBorder(container.NewVBox(bar, ps.undo), nil, nil, nil, ps.browser.buildUI())
}

// filterSelect is a drop-down whose first choice means "no filter".
func filterSelect(any string, choices []string, changed func()) *dropDown {
	sel := newDropDown(append([]string{any}, choices...), nil)
	sel.SetSelectedIndex(0)
	sel.OnChanged = func(string) { changed() }
	return sel
}

// refillFilter offers a filter's choices as they are now — values, named by labels, after its first
// choice, "any" — keeping the value chosen, among was, while it is still offered; a choice that stays is no
// change. It reports false when the value chosen went and the filter is back at "any".
func refillFilter(sel *dropDown, was, values, labels []string) bool {
	chosen := ""
	if i := sel.SelectedIndex() - 1; i >= 0 && i < len(was) {
		chosen = was[i]
	}
	changed := sel.OnChanged
	sel.OnChanged = nil
	sel.Options = append([]string{sel.Options[0]}, labels...)
	at := slices.Index(values, chosen)
	sel.SetSelectedIndex(at + 1)
	sel.OnChanged = changed
	return chosen == "" || at >= 0
}

// fillLists offers the kinds and focus areas as they are now: a kind may have been added, renamed or
// hidden in Settings → Lists…, a focus area renamed, since the screen was built.
func (ps *partnersScreen) fillLists() {
	was, wasFocus := ps.kinds, ps.focus.Options[1:]
	var labels []string
	ps.kinds, labels = pickOptions(ps.store, data.ListPartnerKinds)
	focus := data.FocusAreas(ps.store)
	if !refillFilter(ps.kind, was, ps.kinds, labels) || !refillFilter(ps.focus, wasFocus, focus, focus) {
		ps.filterNow() // the kind or focus area filtered by is gone: show every partner again
	}
}

// order sorts by last change when asked; otherwise the list stays in name order.
func (ps *partnersScreen) order() func(a, b *data.Partner) int {
	if !ps.newest.Checked {
		return nil
	}
	return func(a, b *data.Partner) int { return b.UpdatedAt.Compare(a.UpdatedAt) }
}

// filter reads the filter choices on the UI goroutine for the search that follows.
func (ps *partnersScreen) filter() func(*data.Partner) bool {
	kind, stage, focus := "", ps.stage.SelectedIndex()-1, ""
	if i := ps.kind.SelectedIndex() - 1; i >= 0 {
		kind = ps.kinds[i] // read here: the search runs off the UI goroutine, which may offer other kinds meanwhile
	}
	if ps.focus.SelectedIndex() > 0 {
		focus = ps.focus.Selected
	}
	return func(p *data.Partner) bool {
		return (kind == "" || string(p.PartnerKind) == kind) &&
			(stage < 0 || p.Stage == data.Stages[stage]) &&
			(focus == "" || slices.Contains(p.FocusAreas, focus))
	}
}

func (ps *partnersScreen) row(p *data.Partner) (string, string) {
	return p.Name, joinNonEmpty(" · ", data.ListPartnerKinds.Label(string(p.PartnerKind), T), T(string(p.Stage)),
		N(len(p.Contacts), "%d contact", "%d contacts"))
}

// create is Ctrl+N and the New partner button.
// print is Ctrl+P: the chosen partner's profile, opened to print.
func (ps *partnersScreen) print() {
	if ps.open() {
		ps.editor.onProfile()
	}
}

// create is Ctrl+N and the New partner button.
func (ps *partnersScreen) create() {
	ps.openNew(&data.Partner{PartnerKind: data.PartnerCommunityOrg, Stage: data.StageProspect})
}
