package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// relationDialog asks for one relation as it reads from one of its ends ("here"): how it reads, with
// whom, its dates, whether it still holds, and a note. It edits a copy of the relation; Save writes it at
// once, off the UI goroutine. When the relation cannot be saved as it is, the dialog comes back with
// what was typed and what to fix.
type relationDialog struct {
	store *store.Store
	win   fyne.Window
	here  data.RelationEnd
	r     *data.Relation
	// choice is how the relation reads from here, other who is at its other end.
	choice data.RelationChoice
	other  data.RelationEnd
	// saved runs once the relation is written; trash, when set, moves a saved relation to the Trash.
	saved func()
	trash func(r *data.Relation)

	d *dialog.CustomDialog
}

func newRelationDialog(s *store.Store, w fyne.Window, here data.RelationEnd, r *data.Relation, saved func(), trash func(*data.Relation)) *relationDialog {
	rd := &relationDialog{store: s, win: w, here: here, r: r, saved: saved, trash: trash}
	rd.choice = data.RelationChoice{Type: data.RelationTypeOf(s, r.Type)}
	rd.other = r.To
	if r.To == here && r.ID != "" {
		rd.other, rd.choice.Backwards = r.From, !rd.choice.Type.Symmetric()
	}
	return rd
}

// show asks, with the problems of the last try, if any, at the top.
func (rd *relationDialog) show(problems string) {
	b := newBinder(func() {})
	keep := rd.r.Type // a relation keeps its kind, hidden or not; a new one is offered the kinds not hidden
	if rd.r.ID == "" {
		keep = ""
	}
	choices := data.OfferedRelationChoices(rd.store, keep)
	lang := i18n.Current().Code()
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = c.Type.Named(c.Backwards, lang, T) + " …"
	}
	how := widget.NewSelect(labels, nil)
	for i, c := range choices {
		if c.Type.ID == rd.choice.Type.ID && c.Backwards == rd.choice.Backwards {
			how.SetSelectedIndex(i)
		}
	}
	if how.SelectedIndex() < 0 && len(choices) > 0 { // the kind a new relation starts with is hidden
		how.SetSelectedIndex(0)
		rd.choice = choices[0]
	}
	how.OnChanged = func(string) {
		if i := how.SelectedIndex(); i >= 0 {
			rd.choice = choices[i]
		}
	}
	with := wrapped(rd.otherName())
	choose := widget.NewButton(T("Choose a partner…"), func() {
		pickPartner(rd.store, rd.win, func(p *data.Partner) {
			rd.other = data.PartnerEnd(p.ID)
			with.SetText(rd.otherName())
		})
	})
	us := widget.NewButton(T("Our organisation"), func() {
		rd.other = data.Us
		with.SetText(rd.otherName())
	})
	status := choice(b, data.RelationStatuses, &rd.r.Status)
	content := container.NewVBox(
		widget.NewLabelWithStyle(data.EndName(rd.store, rd.here, T), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		row(T("How it reads from here"), how),
		row(T("With"), container.NewBorder(nil, nil, nil, container.NewHBox(choose, us), with)),
		container.NewGridWithColumns(3, row(T("Since"), b.date(&rd.r.Start)), row(T("Until"), b.date(&rd.r.End)), row(T("Status"), status)),
		row(T("Note"), b.longText(&rd.r.Note, T("For example: a yearly grant for the summer scheme"))),
	)
	if problems != "" {
		p := wrapped(problems)
		p.Importance = widget.DangerImportance
		content.Objects = slices.Insert(content.Objects, 0, fyne.CanvasObject(p))
	}
	if rd.r.ID != "" && rd.trash != nil {
		remove := widget.NewButtonWithIcon(T("Move to Trash"), theme.DeleteIcon(), func() {
			rd.d.Hide()
			rd.trash(rd.r)
		})
		remove.Importance = widget.LowImportance
		content.Add(container.NewHBox(remove))
	}
	title := T("Add a relation")
	if rd.r.ID != "" {
		title = T("Change a relation")
	}
	rd.d = ask(rd.win, title, T("Save"), T("Cancel"), content, rd.save)
	rd.d.Resize(scaled(640, 0))
}

// otherName is who is at the other end, or what to do about it.
func (rd *relationDialog) otherName() string {
	if rd.other == (data.RelationEnd{}) {
		return T("Not chosen yet")
	}
	return data.EndName(rd.store, rd.other, T)
}

// save writes the relation as chosen, or asks again with its problems.
func (rd *relationDialog) save() {
	if rd.other == (data.RelationEnd{}) { // either end could be missing, read backwards: name the one the user sees
		rd.show(T("Say who the relation is with: a partner, or your organisation."))
		return
	}
	chosen := rd.choice.Between(rd.here, rd.other)
	if rd.choice.Type.Symmetric() && rd.r.To == rd.here && rd.r.From == rd.other { // it reads the same both ways: keep it as it was
		chosen.From, chosen.To = rd.other, rd.here
	}
	rd.r.From, rd.r.To, rd.r.Type = chosen.From, chosen.To, chosen.Type
	if err := rd.r.Validate(); err != nil {
		rd.show(plainText(err))
		return
	}
	r := data.Clone(rd.r)
	saveInBackground("save relation", rd.r, r, func() error { return rd.store.Save(r) }, rd.saved, rd.show)
}
