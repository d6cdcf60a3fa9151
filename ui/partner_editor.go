package ui

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// partnerEditor edits one partner organisation: its details, people, what it offers and how much say it
// has, and shows what is linked to it. It works on a copy until Save.
type partnerEditor struct {
	*form
	p     *data.Partner
	title *widget.Label
	page  *pageScroll
	// linked holds what is linked to the partner, filled off the UI goroutine (see fillLinked).
	linked *fyne.Container
	// relations holds the partner's relations; moveRelation, when set, moves one to the Trash.
	relations    *fyne.Container
	moveRelation func(r *data.Relation)
	// network is the partners screen's network of ties, shared by its editors (see networkMemo).
	network *networkMemo
	// showOnMap, when set, shows a partner on the network map.
	showOnMap func(id string)
}

func newPartnerEditor(s *store.Store, w fyne.Window, p *data.Partner, onSaved func(string)) *partnerEditor {
	ed := &partnerEditor{form: newForm(s, w, p, onSaved), p: p}
	ed.refreshed = ed.refreshTitle
	fields := fieldsOf(s, data.KindPartner, data.KindContact)
	ed.stale = func() bool { return fieldsOf(s, data.KindPartner, data.KindContact) != fields }
	return ed
}

func (ed *partnerEditor) buildUI() fyne.CanvasObject {
	ed.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.title.Wrapping = fyne.TextWrapWord
	about := widget.NewAccordionItem(T("About the partner"), ed.aboutSection())
	people := widget.NewAccordionItem(T("People"), ed.contactsSection())
	about.Open, people.Open = true, true
	sections := widget.NewAccordion(withOwnFields(ed.store, ed.win, ed.bind, data.KindPartner, ed.p, about, people,
		widget.NewAccordionItem(T("What they offer"), ed.offersSection()),
		widget.NewAccordionItem(T("Influence, interest and notes"), ed.stakeholderSection()),
		widget.NewAccordionItem(T("Relations with other organisations"), ed.relationsSection()),
		widget.NewAccordionItem(T("Linked records"), ed.linkedSection()),
	)...)
	sections.MultiOpen = true
	ed.refreshTitle()
	ed.showProblems()
	profile := widget.NewButtonWithIcon(T("Open profile to print"), theme.DocumentPrintIcon(), ed.onProfile)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, ed.saveButton(), ed.title), flowRow(profile), ed.problems)
	ed.page = newPageScroll(sections)
	return container.NewBorder(top, nil, nil, nil, ed.page)
}

// refill shows another partner, read afresh from the store, in this editor.
func (ed *partnerEditor) refill(p *data.Partner) {
	*ed.p = *p
	ed.form.refill()
	ed.relations.Objects = nil // not the last partner's meanwhile
	ed.relations.Refresh()
	ed.fill(ed.findRelations(), ed.findLinked()) // in one frame, not one each
	ed.page.ScrollToTop()
}

// fill runs finders' work off the UI goroutine, together, and shows what they found at once; what was
// found for a partner the editor no longer holds is dropped. A finder reads what it needs on the UI
// goroutine and returns its work (nil when there is none), which returns how to show what it found.
func (ed *partnerEditor) fill(finders ...func() func()) {
	id := ed.p.ID
	finders = slices.DeleteFunc(finders, func(f func() func()) bool { return f == nil })
	if len(finders) == 0 {
		return
	}
	background(func() {
		shows := make([]func(), len(finders))
		for i, find := range finders {
			shows[i] = find()
		}
		onUI(func() {
			if ed.p.ID != id {
				return
			}
			for _, show := range shows {
				show()
			}
		})
	})
}

func (ed *partnerEditor) refreshTitle() {
	name := ed.p.Name
	if name == "" {
		name = T("New partner")
	}
	ed.title.SetText(ed.notSaved(name))
}

func (ed *partnerEditor) aboutSection() fyne.CanvasObject {
	b, p := ed.bind, ed.p
	return container.NewVBox(
		row(T("Name"), b.text(&p.Name, T("For example: Northside Library"))),
		columns(2,
			row(T("Kind"), pickChoice(b, ed.store, data.ListPartnerKinds, &p.PartnerKind)),
			row(T("Stage"), choice(b, data.Stages, &p.Stage))),
		row(T("Focus areas"), b.tags(&p.FocusAreas, func() []string { return data.FocusAreas(ed.store) },
			T("Type a focus area and press Return: youth, housing…"))),
		row(T("Description"), b.longText(&p.Description, T("What they do, in a sentence or two"))),
		columns(2,
			row(T("Email"), b.text(&p.Email, "info@example.org")), // i18n:same
			row(T("Phone"), b.text(&p.Phone, ""))),
		columns(2,
			row(T("Website"), b.text(&p.Website, "")),
			row(T("Languages"), b.list(&p.Languages, T("en, es")))),
		row(T("Address"), b.longText(&p.Address, "")),
		columns(2,
			row(T("Legal form"), b.text(&p.LegalForm, T("For example: registered charity"))),
			row(T("Registration number"), b.text(&p.RegistrationNumber, T("Charity number, SIRET, CIF…")))),
	)
}

func (ed *partnerEditor) contactsSection() fyne.CanvasObject {
	b := ed.bind
	return listEditor(&ed.p.Contacts, T("Add a person"), func() data.Contact { return data.Contact{ID: data.NewID()} },
		func(c *data.Contact) fyne.CanvasObject {
			block := container.NewVBox(
				columns(2, row(T("Name"), b.text(&c.Name, "")), row(T("Role"), b.text(&c.Role, T("For example: Chair")))),
				columns(3, row(T("Email"), b.text(&c.Email, "")), row(T("Phone"), b.text(&c.Phone, "")),
					row(T("Language"), b.text(&c.Language, ""))),
				b.check(T("May sign agreements for this partner"), &c.MaySign),
				row(T("Notes"), b.text(&c.Notes, "")))
			if own := customSection(ed.store, ed.win, b, data.KindContact, c); own != nil {
				block.Add(own)
			}
			return block
		}, ed.bind)
}

func (ed *partnerEditor) offersSection() fyne.CanvasObject {
	b := ed.bind
	return listEditor(&ed.p.Offers, T("Add something they offer"), func() data.Offer { return data.Offer{Kind: data.ResourceSpace} },
		func(o *data.Offer) fyne.CanvasObject {
			return columns(3,
				row(T("Kind"), pickChoice(b, ed.store, data.ListResourceKinds, &o.Kind)),
				row(T("What"), b.text(&o.Description, T("For example: meeting room on Tuesdays"))),
				row(T("Estimated value"), b.money(&o.Value)))
		}, ed.bind)
}

func (ed *partnerEditor) stakeholderSection() fyne.CanvasObject {
	b, p := ed.bind, ed.p
	return container.NewVBox(
		columns(2,
			row(T("Influence: how much say they have over what you do"), b.scale(&p.Influence)),
			row(T("Interest: how much they care about it"), b.scale(&p.Interest))),
		row(T("Notes"), b.longText(&p.Notes, "")),
	)
}

// linkedSection shows the agreements, evaluations, activities and needs that name this partner. Finding
// them reads every agreement, evaluation, activity and need, which at thousands of partners would hold the
// editor's first frame back: it is done off the UI goroutine, and the section filled when it is ready.
func (ed *partnerEditor) linkedSection() fyne.CanvasObject {
	ed.linked = container.NewVBox()
	ed.fill(ed.findLinked())
	return ed.linked
}

// findLinked is the work of showing what is linked to the partner: see fill.
func (ed *partnerEditor) findLinked() func() func() {
	box := ed.linked
	if ed.p.ID == "" {
		box.Objects = []fyne.CanvasObject{wrapped(T("Save the partner first; what is linked to it will show here."))}
		box.Refresh()
		return nil
	}
	box.Objects = nil
	box.Refresh()
	id, today, stages := ed.p.ID, data.DateOf(now()), ed.p.StageHistory()
	return func() func() {
		l := data.LinkedTo(ed.store, id, today)
		history := partnerHistory(ed.store, id, l)
		turnout := data.PartnerTurnoutByYear(ed.store, id, today)
		return func() {
			box.Objects = linkedRecords(l, history, turnout, stages, today)
			box.Refresh()
		}
	}
}

// linkedRecords draws what is linked to a partner, who took part year by year, its stages and its health
// over time.
func linkedRecords(l data.Links, history []*data.Evaluation, turnout []data.YearTurnout, stages []data.StageChange, today data.Date) []fyne.CanvasObject {
	var d detailDoc
	d.section(T("Agreements"))
	d.bullets(mapped(l.Agreements, func(a *data.Agreement) string { return a.Name + " — " + T(string(a.StatusOn(today))) }))
	d.section(T("Latest health check"))
	if l.LatestEvaluation != nil {
		overall := l.LatestEvaluation.Overall()
		d.para(T("%s: %s out of 5 (%s)", longDate(l.LatestEvaluation.Date), oneDecimal(overall), T(string(data.BandOf(overall)))))
	}
	d.section(T("Activities"))
	d.bullets(mapped(l.Activities, func(a *data.Activity) string { return longDate(a.Date) + " — " + a.Name }))
	d.section(T("Community needs"))
	d.bullets(mapped(l.Needs, func(n *data.Need) string { return n.Name + " — " + T(string(n.Status)) }))
	d.section(T("People taking part"))
	d.bullets(mapped(turnout, func(y data.YearTurnout) string {
		return fmt.Sprintf("%d: %s", y.Year, N(y.Activities, "%d activity, %s people", "%d activities, %s people", i18n.Amount(fmt.Sprint(y.People), "")))
	}))
	d.section(T("Stages"))
	d.bullets(mapped(stages, func(c data.StageChange) string {
		if c.From.IsZero() {
			return capitalFirst(T(string(c.Stage)))
		}
		return T("%s from %s", capitalFirst(T(string(c.Stage))), longDate(c.From))
	}))
	heading := widget.NewLabelWithStyle(T("Health over time"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return []fyne.CanvasObject{d.build(), heading, healthTrend(history)}
}

func oneDecimal(v float64) string {
	if math.IsNaN(v) {
		return T("not yet known")
	}
	return i18n.Number(v, 1, false)
}

func mapped[X any](xs []X, f func(X) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// partnerHistory is every evaluation of the partner and of its agreements, oldest first. It reads the
// evaluations once, not once for each agreement.
func partnerHistory(s *store.Store, id string, l data.Links) []*data.Evaluation {
	subjects := map[data.Ref]bool{{Kind: data.KindPartner, ID: id}: true}
	for _, a := range l.Agreements {
		subjects[data.Ref{Kind: data.KindAgreement, ID: a.ID}] = true
	}
	var out []*data.Evaluation
	for _, e := range data.List[data.Evaluation](s) {
		if kind, id := e.SubjectOf(); subjects[data.Ref{Kind: kind, ID: id}] {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b *data.Evaluation) int { return a.Date.Time().Compare(b.Date.Time()) })
	return out
}

// onProfile saves the partner, then prints its one-page profile.
func (ed *partnerEditor) onProfile() {
	ed.saveFirst(ed.profile)
}

func (ed *partnerEditor) profile() {
	id, today := ed.p.ID, data.DateOf(now())
	printDocument(ed.win, ed.store.Dir(), safeFileName(T("Profile of %s", ed.p.Name)+".pdf"), false, func() ([]byte, error) {
		p, err := store.Get[data.Partner](ed.store, id) // the saved one: the form may change while this renders
		if err != nil {
			return nil, err
		}
		return pdf.PartnerProfile(ed.store, p, today)
	}, func([]byte) {})
}
