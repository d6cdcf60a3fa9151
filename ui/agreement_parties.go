package ui

import (
	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// partiesSection shows our organisation and each partner: what it will do, what it contributes, and who
// signs for it.
func (ed *agreementEditor) partiesSection() fyne.CanvasObject {
	box := container.NewVBox()
	var rebuild func()
	rebuild = func() {
		box.Objects = nil
		for i := range ed.a.Parties {
			box.Add(ed.partyCard(i, rebuild))
		}
		box.Add(container.NewHBox(widget.NewButtonWithIcon(T("Add a partner as a party"), theme.ContentAddIcon(), func() {
			pickPartner(ed.store, ed.win, func(p *data.Partner) {
				ed.a.Parties = append(ed.a.Parties, data.Party{PartnerID: p.ID})
				rebuild()
				ed.changed()
				ed.nameAfter(p)
			})
		})))
		box.Refresh()
	}
	rebuild()
	return box
}

func (ed *agreementEditor) partyCard(i int, rebuild func()) fyne.CanvasObject {
	b, p := ed.bind, &ed.a.Parties[i]
	var buttons []fyne.CanvasObject
	if !p.Us {
		buttons = append(buttons,
			widget.NewButton(T("Choose another partner…"), func() {
				pickPartner(ed.store, ed.win, func(chosen *data.Partner) {
					p.PartnerID, p.Signatory = chosen.ID, data.Signatory{}
					rebuild()
					ed.changed()
					ed.nameAfter(chosen)
				})
			}),
			widget.NewButtonWithIcon(T("Remove this party"), theme.DeleteIcon(), func() {
				ed.a.Parties = append(ed.a.Parties[:i], ed.a.Parties[i+1:]...)
				rebuild()
				ed.changed()
			}))
	}
	contributions := listEditor(&p.Contributions, T("Add a contribution"),
		func() data.Contribution { return data.Contribution{Kind: data.ResourceVolunteers} },
		func(c *data.Contribution) fyne.CanvasObject {
			return columns(3,
				row(T("Kind"), pickChoice(b, ed.store, data.ListResourceKinds, &c.Kind)),
				row(T("What"), b.text(&c.Description, T("For example: two volunteers each week"))),
				row(T("Estimated value"), b.money(&c.Value)))
		}, ed.bind)
	body := container.NewVBox(
		flowRow(buttons...),
		ed.withTranslation(row(T("Responsibilities"), b.longText(&p.Responsibilities, T("What this party will do, one point per line"))),
			func() string { return p.ResponsibilitiesTranslation }, func(s string) { p.ResponsibilitiesTranslation = s }),
		widget.NewLabelWithStyle(T("Contributions"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		contributions,
		widget.NewLabelWithStyle(T("Who signs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		ed.signatoryInputs(p),
	)
	return titledCard(partyName(ed.store, *p), body)
}

// signatoryInputs offers the partner's contacts who may sign, and lets the user type anyone else.
func (ed *agreementEditor) signatoryInputs(p *data.Party) fyne.CanvasObject {
	name := ed.bind.text(&p.Signatory.Name, T("Name"))
	title := ed.bind.text(&p.Signatory.Title, T("Role, for example Chair"))
	candidates := signatoriesFor(ed.store, *p)
	inputs := columns(2, name.withExample(), title.withExample())
	if len(candidates) == 0 {
		return inputs
	}
	labels := make([]string, len(candidates))
	for i, c := range candidates {
		labels[i] = joinNonEmpty(", ", c.Name, c.Title)
	}
	pick := newDropDown(labels, func(string) {})
	pick.PlaceHolder = T("Choose who signs…")
	pick.OnChanged = func(string) {
		c := candidates[pick.SelectedIndex()]
		p.Signatory.ContactID = c.ContactID
		name.SetText(c.Name)
		title.SetText(c.Title)
	}
	return container.NewVBox(pick, inputs)
}

// signatoriesFor lists who can sign for a party: our usual signatory, or the partner's contacts who may sign.
func signatoriesFor(s *store.Store, p data.Party) []data.Signatory {
	if p.Us {
		org := s.Organisation()
		if org.SignatoryName == "" {
			return nil
		}
		return []data.Signatory{{Name: org.SignatoryName, Title: org.SignatoryTitle}}
	}
	partner := data.Lookup[data.Partner](s, p.PartnerID)
	if partner == nil {
		return nil
	}
	var out []data.Signatory
	for _, c := range partner.Signatories() {
		out = append(out, data.Signatory{ContactID: c.ID, Name: c.Name, Title: c.Role})
	}
	return out
}

// partyName is our organisation's name or the partner's.
func partyName(s *store.Store, p data.Party) string {
	if p.Us {
		if name := s.Organisation().Name; name != "" {
			return name
		}
		return T("Our organisation")
	}
	if partner := data.Lookup[data.Partner](s, p.PartnerID); partner != nil {
		return partner.Name
	}
	return T("Partner not chosen yet")
}

// pickPartner asks for a partner in a dialog that searches as you type.
func pickPartner(s *store.Store, w fyne.Window, chosen func(*data.Partner)) {
	pick(w, T("Choose a partner"), &browser[*data.Partner]{
		search: func(q string) []*data.Partner { return store.Search[data.Partner](s, q) },
		row: func(p *data.Partner) (string, string) {
			return p.Name, joinNonEmpty(" · ", data.ListPartnerKinds.Label(string(p.PartnerKind), T), T(string(p.Stage)))
		},
		count: func(n int) string { return N(n, "%d partner", "%d partners") },
		hint:  T("Type part of the partner's name"),
	}, chosen)
}

// pickAgreement asks for an agreement the same way.
func pickAgreement(s *store.Store, w fyne.Window, chosen func(*data.Agreement)) {
	pick(w, T("Choose an agreement"), &browser[*data.Agreement]{
		search: func(q string) []*data.Agreement { return store.Search[data.Agreement](s, q) },
		row: func(a *data.Agreement) (string, string) {
			return a.Name, joinNonEmpty(" · ", T(string(a.StatusOn(data.DateOf(now())))), period(a.Start, a.End))
		},
		count: func(n int) string { return N(n, "%d agreement", "%d agreements") },
		hint:  T("Type part of the agreement's title"),
	}, chosen)
}

// pick shows a searchable list in a dialog and hands back the record chosen.
func pick[P data.Record](w fyne.Window, title string, b *browser[P], chosen func(P)) {
	var d dialog.Dialog
	b.onPick = func(p P) {
		d.Hide()
		chosen(p)
	}
	d = dialog.NewCustom(title, T("Cancel"), b.listUI(), w)
	d.Resize(fyne.NewSize(520, 560))
	d.Show()
	w.Canvas().Focus(b.query)
}
