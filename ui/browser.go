package ui

import (
	"image/color"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// frame is the time a search may take and still answer every keystroke at once.
const frame = 16 * time.Millisecond

// browser is the list-and-detail layout every record screen shares: a search box, a virtualised list
// filtered as you type (off the UI goroutine), and the selected record beside it.
type browser[P data.Record] struct {
	search func(query string) []P // runs off the UI goroutine
	row    func(P) (title, subtitle string)
	detail func(P) fyne.CanvasObject
	count  func(n int) string
	empty  string // shown beside the list when nothing is selected
	hint   string // what the search looks in, under the search box
	// filter, when set, is read on the UI goroutine before each search and returns which results to keep.
	filter func() func(P) bool
	// order, when set, is read like filter and returns how to sort the results (nil keeps the search's order).
	order func() func(a, b P) int
	// onPick, when set, receives the chosen record instead of the detail pane showing it.
	onPick func(P)
	// leave, when set, is asked before the selection moves away; it calls proceed when that may happen.
	leave func(proceed func())
	// unsaved, when set, says whether the pane holds changes not saved yet.
	unsaved func() bool
	// also, when set, refreshes what the screen shows beside the list (the open actions, the evaluations
	// due) whenever the list is refreshed.
	also func()
	// own, when set, filters the list by the group's own fields, above it: the records P are data.Valued.
	own *ownFilter

	items      []P
	query      *searchBox
	counter    *widget.Label
	list       *keyList
	pane       *fyne.Container
	generation int
	took       time.Duration // how long the last search took, off the UI goroutine
	waiting    bool          // a slow search waits for a pause in typing
	selected   string        // the record the pane shows
	shownRev   uint64        // the revision of it the pane shows
	pending    string        // a record to open once the list has it
	reverting  bool          // set while the list is made to show the selection, not a user's choice
	// marked is the row the list shows chosen, when the browser knows it; -1 when it may not be the one
	// the pane shows (the rows changed, or nothing is marked).
	marked widget.ListItemID
}

// buildUI is the list with the detail pane beside it.
func (b *browser[P]) buildUI() fyne.CanvasObject {
	b.pane = container.NewStack(emptyPane(b.empty))
	b.marked = -1
	split := container.NewHSplit(b.listUI(), b.pane)
	split.Offset = 0.36
	return split
}

// emptyPane says what to do while no record is chosen, wrapped to the pane's width.
func emptyPane(text string) fyne.CanvasObject {
	l := wrapped(text)
	l.Alignment = fyne.TextAlignCenter
	return container.NewVBox(layout.NewSpacer(), l, layout.NewSpacer())
}

// find is Ctrl+F: the keyboard goes to the search box.
func (b *browser[P]) find() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.query); c != nil {
		c.Focus(b.query)
	}
}

// listUI is the search box, the count and the list.
func (b *browser[P]) listUI() fyne.CanvasObject {
	b.query = newSearchBox(T("Search"))
	b.query.OnChanged = func(string) { b.filterSoon() }
	b.counter = widget.NewLabel("")
	b.list = newKeyList(
		func() int { return len(b.items) },
		func() fyne.CanvasObject { return titleAndDetails() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			title, sub := b.row(b.items[id])
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(title)
			box.Objects[1].(*widget.Label).SetText(sub)
		},
	)
	b.list.OnSelected = b.onSelected
	b.query.down = func() { b.list.enter(b.query) }
	b.query.enter = func() {
		if len(b.items) > 0 {
			b.list.Select(0) // Return in the search box takes the first match
		}
	}
	b.filterNow()
	// The hint goes under the box, where it wraps: in the box, as its placeholder, it was cut at the box's
	// edge ("Search by name, contact, email, focus area or no").
	hint := wrapped(b.hint)
	hint.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(b.query, hint)
	if b.own != nil {
		top.Add(b.own.buildUI(b.filterNow))
	}
	top.Add(b.counter)
	return container.NewBorder(top, nil, nil, nil, readable(b.list))
}

// titleAndDetails is a list row: a record's name in bold and its details below in small print, each
// wrapping onto more lines when the list is narrow (the list makes the row as tall as they need).
func titleAndDetails() *fyne.Container {
	title := heading("")
	title.Wrapping = fyne.TextWrapWord
	details := wrapped("")
	details.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(title, details)
}

// listWidth is the narrowest a list of records may be, at normal text size: beside an editor, a list of
// names squeezed narrower would show a word or two a line.
const listWidth = 200

// readable keeps a list at least listWidth wide.
func readable(list fyne.CanvasObject) fyne.CanvasObject {
	least := canvas.NewRectangle(color.Transparent)
	least.SetMinSize(scaled(listWidth, 0))
	return container.NewStack(least, list)
}

func (b *browser[P]) onSelected(id widget.ListItemID) {
	if b.reverting {
		return
	}
	b.marked = id // the user chose it where they saw it: the list needs no scrolling or redrawing to show it
	p := b.items[id]
	switch {
	case b.onPick != nil:
		b.onPick(p)
	case data.MetaOf(p).ID == b.selected:
	case b.leave != nil:
		b.leave(func() { b.open(p) })
		b.markSelected() // until the user decides, the list shows what the pane shows
	default:
		b.open(p)
	}
}

func (b *browser[P]) open(p P) {
	b.selected, b.shownRev = data.MetaOf(p).ID, data.MetaOf(p).Rev
	b.showDetail(p)
	b.markSelected()
}

func (b *browser[P]) showDetail(p P) {
	b.showPane(b.detail(p))
}

func (b *browser[P]) showPane(o fyne.CanvasObject) {
	if len(b.pane.Objects) == 1 && b.pane.Objects[0] == o {
		// An editor refilled in place, whose inputs showed their new values themselves: refreshing the
		// pane would refresh every widget in it again.
		return
	}
	b.pane.Objects = []fyne.CanvasObject{o}
	b.pane.Refresh()
}

// filterSoon filters as the user types: at once, while a search takes less than a frame (the usual case,
// even at 10,000 partners); a slower one waits for a pause in typing as long as it takes, so a slow laptop
// is not swamped with searches nobody will see.
func (b *browser[P]) filterSoon() {
	switch {
	case b.took <= frame:
		b.filterNow()
	case !b.waiting:
		b.waiting = true
		after(b.took, func() {
			b.waiting = false
			b.filterNow() // with what the box holds by then
		})
	}
}

// filterNow searches off the UI goroutine; only the newest search's results are shown.
func (b *browser[P]) filterNow() {
	b.generation++
	gen, query := b.generation, b.query.Text
	keep := func(P) bool { return true }
	if b.filter != nil {
		keep = b.filter()
	}
	if b.own != nil {
		if own := b.own.filter(); own != nil {
			screen := keep
			keep = func(r P) bool { return screen(r) && own(any(r).(data.Valued).CustomValues()) }
		}
	}
	var order func(a, b P) int
	if b.order != nil {
		order = b.order()
	}
	background(func() {
		start := time.Now()
		var found []P
		for _, p := range b.search(query) {
			if keep(p) {
				found = append(found, p)
			}
		}
		if order != nil {
			slices.SortStableFunc(found, order)
		}
		took := time.Since(start)
		onUI(func() {
			b.took = took
			if gen == b.generation { // a newer search is on its way: this one's results are stale
				b.show(found)
			}
		})
	})
}

func (b *browser[P]) show(items []P) {
	b.items, b.marked = items, -1
	b.counter.SetText(b.count(len(items)))
	b.list.Refresh()
	if b.pending != "" {
		for _, it := range items {
			if data.MetaOf(it).ID == b.pending {
				b.open(it)
			}
		}
		b.pending = ""
	}
	b.reopenChanged()
	b.markSelected()
}

// reopenChanged shows the open record afresh when it changed elsewhere (a sync brought another laptop's
// change) and nothing in the pane is unsaved; with unsaved changes the pane stays, and saving asks.
func (b *browser[P]) reopenChanged() {
	if b.selected == "" || b.unsaved == nil || b.unsaved() {
		return
	}
	for _, it := range b.items {
		if m := data.MetaOf(it); m.ID == b.selected && m.Rev != b.shownRev {
			b.open(it)
		}
	}
}

// markSelected highlights the open record in the list, if the list shows it.
func (b *browser[P]) markSelected() {
	for i, it := range b.items {
		if data.MetaOf(it).ID == b.selected {
			if i == b.marked {
				return // redrawing the list's rows again takes longer than drawing the editor
			}
			b.reverting = true
			b.list.Select(i)
			b.reverting = false
			b.list.ScrollTo(i)
			b.marked = i
			return
		}
	}
	b.unselect()
}

// unselect shows no row chosen in the list.
func (b *browser[P]) unselect() {
	b.marked = -1
	b.list.UnselectAll()
}

// refresh reloads the list, keeping the selection when the record is still there.
func (b *browser[P]) refresh() {
	if b.own != nil {
		b.own.fill() // a field may have been added, renamed or removed in Settings
	}
	b.filterNow()
	if b.also != nil {
		b.also()
	}
}

// selectID opens a record, clearing a search that hides it, once unsaved changes in the pane are dealt
// with.
func (b *browser[P]) selectID(id string) {
	open := func() {
		b.pending = id
		if b.query.Text != "" {
			b.query.SetText("") // its OnChanged filters again
			return
		}
		b.filterNow()
	}
	if b.leave == nil || id == b.selected {
		open()
		return
	}
	b.leave(open)
}
