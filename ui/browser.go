package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// searchDelay lets a fast typist finish a word before the list filters.
const searchDelay = 150 * time.Millisecond

// browser is the list-and-detail layout every record screen shares: a search box, a virtualised list
// filtered as you type (off the UI goroutine), and the selected record beside it.
type browser[P data.Record] struct {
	search     func(query string) []P // runs off the UI goroutine
	row        func(P) (title, subtitle string)
	detail     func(P) fyne.CanvasObject
	count      func(n int) string
	empty      string // shown beside the list when nothing is selected
	hint       string // the search box placeholder
	items      []P
	query      *widget.Entry
	counter    *widget.Label
	list       *widget.List
	pane       *fyne.Container
	generation int
	timer      *time.Timer
	selected   string
}

func (b *browser[P]) buildUI() fyne.CanvasObject {
	b.query = widget.NewEntry()
	b.query.SetPlaceHolder(b.hint)
	b.query.OnChanged = func(string) { b.filterSoon() }
	b.counter = widget.NewLabel("")
	b.list = widget.NewList(
		func() int { return len(b.items) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(title, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			title, sub := b.row(b.items[id])
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(title)
			box.Objects[1].(*widget.Label).SetText(sub)
		},
	)
	b.list.OnSelected = func(id widget.ListItemID) {
		b.selected = data.MetaOf(b.items[id]).ID
		b.showDetail(b.items[id])
	}
	b.pane = container.NewStack(container.NewCenter(widget.NewLabel(b.empty)))
	left := container.NewBorder(container.NewVBox(b.query, b.counter), nil, nil, nil, b.list)
	split := container.NewHSplit(left, b.pane)
	split.Offset = 0.38
	b.filterNow()
	return split
}

func (b *browser[P]) showDetail(p P) {
	b.pane.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(b.detail(p)))}
	b.pane.Refresh()
}

// filterSoon waits for a pause in typing, then filters.
func (b *browser[P]) filterSoon() {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(searchDelay, func() { fyne.Do(b.filterNow) })
}

// filterNow searches off the UI goroutine; only the newest search's results are shown.
func (b *browser[P]) filterNow() {
	b.generation++
	gen, query := b.generation, b.query.Text
	go func() {
		found := b.search(query)
		fyne.Do(func() {
			if gen == b.generation {
				b.show(found)
			}
		})
	}()
}

func (b *browser[P]) show(items []P) {
	b.items = items
	b.counter.SetText(b.count(len(items)))
	b.list.UnselectAll()
	b.list.Refresh()
	for i, it := range items {
		if data.MetaOf(it).ID == b.selected {
			b.list.Select(i)
			b.list.ScrollTo(i)
			return
		}
	}
}

// refresh reloads the list, keeping the selection when the record is still there.
func (b *browser[P]) refresh() { b.filterNow() }

// selectID selects a record, clearing a search that hides it.
func (b *browser[P]) selectID(id string) {
	b.selected = id
	if b.query.Text != "" {
		b.query.SetText("") // its OnChanged filters again
		return
	}
	b.filterNow()
}
