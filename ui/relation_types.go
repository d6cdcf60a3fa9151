package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// showRelationTypes lists the kinds of relation: Accord's own, named in every language it speaks, and the
// group's own, to add, rename (in each language) and move to the Trash. changed runs after each change.
func showRelationTypes(s *store.Store, w fyne.Window, changed func()) {
	box := container.NewVBox()
	var fill func()
	fill = func() {
		lang := i18n.Current().Code()
		box.Objects = []fyne.CanvasObject{heading(T("Accord's own"))}
		var own []string
		for _, t := range data.RelationTypes(s) {
			if t.BuiltIn() {
				own = append(own, typeNames(t, lang))
			}
		}
		var d detailDoc
		d.bullets(own)
		box.Add(d.build())
		box.Add(heading(T("Your group's own")))
		for _, t := range data.List[data.RelationType](s) {
			label := wrapped(typeNames(t, lang))
			change := widget.NewButtonWithIcon(T("Change…"), theme.DocumentCreateIcon(), func() {
				editRelationType(s, w, data.Clone(t), "", func() { fill(); changed() })
			})
			remove := widget.NewButtonWithIcon(T("Move to Trash"), theme.DeleteIcon(), func() {
				background(func() {
					err := s.Delete(data.KindRelationType, t.ID)
					onUI(func() {
						if err != nil {
							showError(w, "move a kind of relation to the Trash", err)
							return
						}
						fill()
						changed()
					})
				})
			})
			box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(change, remove), label))
		}
		box.Add(container.NewHBox(widget.NewButtonWithIcon(T("Add a kind of relation…"), theme.ContentAddIcon(), func() {
			editRelationType(s, w, &data.RelationType{}, "", func() { fill(); changed() })
		})))
		box.Refresh()
	}
	fill()
	d := dialog.NewCustom(T("Kinds of relation"), T("Close"), container.NewVScroll(box), w)
	d.Resize(scaled(620, 480))
	d.Show()
}

// typeNames is a kind of relation's two names: "funds / is funded by", or one when it reads the same both
// ways.
func typeNames(t *data.RelationType, lang string) string {
	if t.Symmetric() {
		return t.Named(false, lang, T)
	}
	return t.Named(false, lang, T) + " / " + t.Named(true, lang, T)
}

// editRelationType asks for a kind of relation's names, in the group's words and in each of Accord's
// languages; saved runs once it is written. A kind that cannot be saved as it is comes back with what was
// typed and what to fix.
func editRelationType(s *store.Store, w fyne.Window, t *data.RelationType, problems string, saved func()) {
	b := newBinder(func() {})
	content := container.NewVBox(
		wrapped(T("Name it as it reads from the first organisation to the second, and the other way round; leave the second empty when it reads the same both ways.")),
		container.NewGridWithColumns(2,
			row(T("Name"), b.text(&t.Name, T("For example: lends equipment to"))),
			row(T("The other way round"), b.text(&t.Reverse, T("For example: borrows equipment from")))),
	)
	if t.Names == nil {
		t.Names = map[string]data.RelationNames{}
	}
	names := map[string]*data.RelationNames{}
	for _, lang := range i18n.Languages() {
		n := t.Names[lang]
		names[lang] = &n
		content.Add(container.NewGridWithColumns(2,
			row(T("In %s", i18n.Name(lang)), b.text(&names[lang].Name, "")),
			row(T("The other way round, in %s", i18n.Name(lang)), b.text(&names[lang].Reverse, ""))))
	}
	if problems != "" {
		p := wrapped(problems)
		p.Importance = widget.DangerImportance
		content.Objects = append([]fyne.CanvasObject{p}, content.Objects...)
	}
	title := T("Add a kind of relation")
	if t.ID != "" {
		title = T("Change a kind of relation")
	}
	ask(w, title, T("Save"), T("Cancel"), content, func() {
		for lang, n := range names {
			if n.Name == "" && n.Reverse == "" {
				delete(t.Names, lang)
			} else {
				t.Names[lang] = *n
			}
		}
		if err := t.Validate(); err != nil {
			editRelationType(s, w, t, plainText(err), saved)
			return
		}
		copied := data.Clone(t)
		background(func() {
			err := s.Save(copied)
			onUI(func() {
				if err != nil {
					fyne.LogError("save a kind of relation", err)
					editRelationType(s, w, t, plainText(err), saved)
					return
				}
				data.TakeStamps(t, copied)
				saved()
			})
		})
	}).Resize(scaled(640, 0))
}
