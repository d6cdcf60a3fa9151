package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// showFocusAreas lists the focus areas the partners use, with how many use each, to rename one — every
// partner follows — or merge it into another by giving it that one's name.
func showFocusAreas(s *store.Store, w fyne.Window) {
	box := container.NewVBox()
	var fill func()
	fill = func() {
		box.Objects = []fyne.CanvasObject{wrapped(T("Rename a focus area and every partner follows; give it the name of another to merge the two."))}
		uses := map[string]int{}
		for _, p := range data.List[data.Partner](s) {
			for _, f := range p.FocusAreas {
				uses[f]++
			}
		}
		areas := data.FocusAreas(s)
		if len(areas) == 0 {
			box.Add(wrapped(T("No partner has a focus area yet.")))
		}
		for _, area := range areas {
			rename := widget.NewButtonWithIcon(T("Rename or merge…"), theme.DocumentCreateIcon(), func() {
				renameFocusArea(s, w, area, fill)
			})
			box.Add(container.NewBorder(nil, nil, nil, rename, wrapped(area+" — "+N(uses[area], "%d partner", "%d partners"))))
		}
		box.Refresh()
	}
	fill()
	d := dialog.NewCustom(T("Focus areas"), T("Close"), container.NewVScroll(box), w)
	d.Resize(scaled(620, 480))
	d.Show()
}

// renameFocusArea asks for the area's new name and gives it to every partner that has the area, in one
// write; done lists the areas again.
func renameFocusArea(s *store.Store, w fyne.Window, from string, done func()) {
	to := from
	b := newBinder(func() {})
	content := container.NewVBox(row(T("New name"), b.text(&to, from)))
	ask(w, T("Rename %s", from), T("Rename"), T("Cancel"), content, func() {
		to = strings.TrimSpace(to)
		if to == "" || to == from {
			return
		}
		background(func() {
			changed := data.RenameFocusArea(s, from, to)
			rs := make([]data.Record, len(changed))
			for i, p := range changed {
				rs[i] = p
			}
			err := s.SaveAll(rs)
			onUI(func() {
				if err != nil {
					showError(w, "rename a focus area", err)
					return
				}
				done()
			})
		})
	})
}
