package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// rowHeights makes a list's rows as tall as their text needs: a long title or a long line of details
// wraps onto more lines rather than being cut ("Homework club at the lib…"). Fyne's list gives every row
// the height of its template unless told otherwise, row by row; a row's height is known only once Fyne
// has filled it at the list's width, and may not be changed while Fyne fills rows, so a change waits
// until the filling is over (apply).
type rowHeights struct {
	set      map[widget.ListItemID]float32 // the rows told a height other than the template's
	pending  map[widget.ListItemID]float32 // heights found while filling rows, not told yet
	filling  int                           // rows being filled
	queued   bool                          // an apply is on its way
	template float32                       // the template's height; 0 until measured (again, after a refresh)
}

// fitting wraps a list's UpdateItem so that each row filled is measured.
func (r *rowHeights) fitting(l *widget.List, update func(widget.ListItemID, fyne.CanvasObject)) func(widget.ListItemID, fyne.CanvasObject) {
	return func(id widget.ListItemID, o fyne.CanvasObject) {
		r.filling++
		defer func() { r.filling-- }()
		update(id, o)
		need := o.MinSize().Height
		if r.template == 0 {
			r.template = l.CreateItem().MinSize().Height
		}
		if now, ok := r.set[id]; (ok && now == need) || (!ok && need <= r.template) {
			return
		}
		if r.pending == nil {
			r.pending = map[widget.ListItemID]float32{}
		}
		r.pending[id] = need
		if !r.queued {
			r.queued = true
			onUI(func() { r.apply(l) }) // a row scrolled into view: once Fyne has filled the others
		}
	}
}

// apply tells the list the heights found, unless rows are being filled (it then runs again after).
func (r *rowHeights) apply(l *widget.List) {
	if r.filling > 0 {
		return
	}
	r.queued = false
	for range 3 { // a height told makes Fyne fill the rows again, which measures them again
		pending := r.pending
		r.pending = nil
		if len(pending) == 0 {
			return
		}
		if r.set == nil {
			r.set = map[widget.ListItemID]float32{}
		}
		for id, h := range pending {
			r.set[id] = h
			l.SetItemHeight(id, h)
		}
	}
}
