package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// screenKeys are Ctrl+1 … Ctrl+9 and Ctrl+0, one for each screen in the navigation, in its order.
var screenKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7,
	fyne.Key8, fyne.Key9, fyne.Key0}

func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// menu is the window's menu bar. Its shortcuts work wherever the keyboard is — Fyne gives a shortcut to
// the menu before the field being typed in, which would otherwise swallow Ctrl+S — and it shows a
// keyboard user every action: Ctrl+N new, Ctrl+S save, Ctrl+P print, Ctrl+F find, Ctrl+1 … Ctrl+0 go to a
// screen.
func (sh *shell) menu() *fyne.MainMenu {
	item := func(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = ctrl(key)
		return it
	}
	file := fyne.NewMenu(T("File"),
		item(T("New"), fyne.KeyN, func() { with(sh, func(s interface{ create() }) { s.create() }) }),
		item(T("Save"), fyne.KeyS, func() { with(sh, func(s interface{ save() }) { s.save() }) }),
		item(T("Open PDF to print"), fyne.KeyP, func() { with(sh, func(s interface{ print() }) { s.print() }) }),
		item(T("Find"), fyne.KeyF, func() { with(sh, func(s interface{ find() }) { s.find() }) }),
		fyne.NewMenuItemSeparator(),
		quitItem(item(T("Quit"), fyne.KeyQ, sh.onClose)),
	)
	goTo := fyne.NewMenu(T("Go to"))
	for i, e := range sh.entries {
		if i < len(screenKeys) {
			goTo.Items = append(goTo.Items, item(T(e.label), screenKeys[i], func() { sh.nav.Select(i) }))
		}
	}
	help := fyne.NewMenu(T("Help"), fyne.NewMenuItem(T("Keyboard shortcuts"), sh.onShortcuts))
	return fyne.NewMainMenu(file, goTo, help)
}

// quitItem marks the menu's own Quit, which asks about unsaved changes, as the one Fyne places (it would
// otherwise add a Quit of its own without a shortcut).
func quitItem(it *fyne.MenuItem) *fyne.MenuItem {
	it.IsQuit = true
	return it
}

// with runs action on the screen showing, if that screen can do it.
func with[Action any](sh *shell, action func(Action)) {
	if s, ok := sh.screenOf(sh.current).(Action); ok {
		action(s)
	}
}

func (sh *shell) onShortcuts() {
	text := widget.NewLabel(strings.Join([]string{
		T("Ctrl+N: new partner, agreement, evaluation… on the screen showing"),
		T("Ctrl+S: save"),
		T("Ctrl+P: open the PDF to print"),
		T("Ctrl+F: find (go to the search box)"),
		T("Ctrl+1 to Ctrl+0: go to a screen, in the order of the list on the left"),
		T("Tab and Shift+Tab: move between fields and buttons; Space or Enter: press a button"),
		T("Escape: close a dialog without doing anything"),
	}, "\n"))
	dialog.ShowCustom(T("Keyboard shortcuts"), T("Close"), text, sh.win)
}

// closeDialogOnEscape is the window's key handler for keys typed outside a field: Escape closes the dialog
// on top, as its Cancel, Close or No button would.
func closeDialogOnEscape(w fyne.Window) func(*fyne.KeyEvent) {
	return func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			closeTopDialog(w.Canvas())
		}
	}
}

// closeTopDialog presses the button that closes the dialog on top without doing anything, and says
// whether there was one.
func closeTopDialog(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	if b := dismissButton(top); b != nil && b.OnTapped != nil {
		b.OnTapped()
		return true
	}
	return false
}

// searchBox is a search entry that answers Escape the way a volunteer expects: in a dialog (a picker) it
// closes the dialog — a field inside a dialog otherwise keeps the key from the window — and on a screen
// it clears the search.
type searchBox struct {
	widget.Entry
	// down moves the keyboard to the results; enter takes the first of them.
	down, enter func()
}

func newSearchBox(placeholder string) *searchBox {
	e := &searchBox{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

func (e *searchBox) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyDown && e.down != nil:
		e.down()
		return
	case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && e.enter != nil:
		e.enter()
		return
	case ev.Name != fyne.KeyEscape:
		e.Entry.TypedKey(ev)
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c == nil || !closeTopDialog(c) {
		e.SetText("")
	}
}

// dismissButton finds, in a dialog, the button that closes it without doing anything.
func dismissButton(o fyne.CanvasObject) *widget.Button {
	dismiss := map[string]bool{T("Cancel"): true, T("Close"): true, lang.L("Cancel"): true, lang.L("No"): true,
		lang.L("OK"): true, T("OK"): true}
	if p, ok := o.(*widget.PopUp); ok {
		o = p.Content
	}
	var found *widget.Button
	inContainers(o, func(o fyne.CanvasObject) { // a dialog's buttons sit in plain containers
		if b := asButton(o); b != nil && found == nil && dismiss[b.Text] && !b.Disabled() {
			found = b
		}
	})
	return found
}

// inContainers visits o and, inside plain containers, everything in them, in reading order; it does not
// look inside widgets.
func inContainers(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			inContainers(x, visit)
		}
	}
}

// keyList is a list the keyboard moves through with Up and Down and chooses from with Return as well as
// Space; Up from the first row goes back to the search box above it. Its rows are as tall as their text
// needs (see rows.go).
type keyList struct {
	widget.List
	cursor int // the row the keyboard is on: Fyne's list keeps it to itself
	back   fyne.Focusable
	rows   rowHeights
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem = length, create
	l.UpdateItem = l.rows.fitting(&l.List, update)
	l.ExtendBaseWidget(l)
	return l
}

// Refresh shows the rows afresh, each as tall as its text then needs.
func (l *keyList) Refresh() {
	l.rows.template = 0 // the text size may have changed
	l.List.Refresh()
	l.rows.apply(&l.List)
}

// Resize lays the rows out for a new width, where their text wraps to other heights.
func (l *keyList) Resize(size fyne.Size) {
	l.List.Resize(size)
	l.rows.apply(&l.List)
}

// enter puts the keyboard on the list's first row; Up from there returns to from.
func (l *keyList) enter(from fyne.Focusable) {
	if l.Length() == 0 {
		return
	}
	l.back = from
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
	for l.cursor > 0 { // Fyne's list starts where the keyboard last left it
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	}
}

func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.Select(l.cursor)
		return
	case fyne.KeyDown:
		if l.cursor < l.Length()-1 {
			l.cursor++
		}
	case fyne.KeyUp:
		if l.cursor == 0 && l.back != nil {
			if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
				c.Focus(l.back)
			}
			return
		}
		if l.cursor > 0 {
			l.cursor--
		}
	}
	l.List.TypedKey(ev)
}
