package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

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
		saveInBackground("save a kind of relation", t, copied, func() error { return s.Save(copied) }, saved,
			func(problems string) { editRelationType(s, w, t, problems, saved) })
	}).Resize(scaled(640, 0))
}
