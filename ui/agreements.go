package ui

import (
	"slices"

	"accord/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/assets"
	"accord/data"
	"accord/i18n"
)

// agreementsScreen lists the agreements and MOUs, filtered by status, partner, coming end and the group's
// own fields, with the editor of the chosen one beside the list.
type agreementsScreen struct {
	records[data.Agreement, *data.Agreement, *agreementEditor]

	status   *dropDown
	partner  *data.Partner
	partnerB *widget.Button
	expiring *widget.Check
}

// statusFilters are the choices of the status filter; the first shows every agreement.
var statusFilters = []data.AgreementStatus{"", data.StatusDraft, data.StatusSent, data.StatusSigned,
	data.StatusActive, data.StatusExpired, data.StatusTerminated}

func newAgreementsScreen(s *store.Store, w fyne.Window) *agreementsScreen {
	as := &agreementsScreen{}
	as.records = newRecords[data.Agreement](s, w, func(a *data.Agreement, onSaved func(string)) *agreementEditor {
		return newAgreementEditor(s, w, a, onSaved, as.openNew)
	})
	as.browser = &browser[*data.Agreement]{
		search:  func(q string) []*data.Agreement { return store.Search[data.Agreement](s, q) },
		row:     as.row,
		detail:  as.openEditor,
		count:   func(n int) string { return N(n, "%d agreement", "%d agreements") },
		empty:   T("Choose an agreement, or start a new one."),
		hint:    T("Search by title, kind or signatory"),
		filter:  as.filter,
		leave:   as.leave,
		unsaved: as.unsaved,
		own:     newOwnFilter(s, data.KindAgreement),
	}
	return as
}

func (as *agreementsScreen) buildUI() fyne.CanvasObject {
	labels := []string{T("All statuses")}
	labels = append(labels, translated(statusFilters[1:])...)
	as.status = newDropDown(labels, nil)
	as.status.SetSelectedIndex(0)
	as.status.OnChanged = func(string) { as.filterNow() }
	as.partnerB = widget.NewButtonWithIcon(T("Any partner"), theme.AccountIcon(), as.onChoosePartner)
	as.expiring = widget.NewCheck(T("Ending within 60 days"), func(bool) { as.filterNow() })
	newButton := newKeyButton(T("New agreement…"), theme.ContentAddIcon(), as.onNew)
	newButton.Importance = widget.HighImportance
	filters := flowRow(newButton, as.status, as.partnerB, as.expiring)
	return container.NewBorder(container.NewVBox(filters, as.undo), nil, nil, nil, as.browser.buildUI())
}

// filter reads the filter choices (on the UI goroutine) for the search that follows.
func (as *agreementsScreen) filter() func(*data.Agreement) bool {
	today := data.DateOf(now())
	status := statusFilters[max(as.status.SelectedIndex(), 0)]
	partnerID, expiring := "", as.expiring.Checked
	if as.partner != nil {
		partnerID = as.partner.ID
	}
	return func(a *data.Agreement) bool {
		st := a.StatusOn(today)
		switch {
		case status != "" && st != status:
			return false
		case expiring && (st != data.StatusActive || a.End.IsZero() || today.DaysUntil(a.End) > data.ExpiryWarningDays):
			return false
		case partnerID != "":
			for _, id := range a.PartnerIDs() {
				if id == partnerID {
					return true
				}
			}
			return false
		}
		return true
	}
}

func (as *agreementsScreen) onChoosePartner() {
	if as.partner != nil { // a second press clears the filter
		as.partner = nil
		as.partnerB.SetText(T("Any partner"))
		as.filterNow()
		return
	}
	pickPartner(as.store, as.win, func(p *data.Partner) {
		as.partner = p
		as.partnerB.SetText(T("With %s (press to clear)", p.Name))
		as.filterNow()
	})
}

func (as *agreementsScreen) row(a *data.Agreement) (string, string) {
	var names []string
	for _, id := range a.PartnerIDs() {
		if p := data.Lookup[data.Partner](as.store, id); p != nil {
			names = append(names, p.Name)
		}
	}
	return a.Name, joinNonEmpty(" · ", T(string(a.StatusOn(data.DateOf(now())))), period(a.Start, a.End), joinNonEmpty(", ", names...))
}

// create is Ctrl+N: it starts a new agreement.
func (as *agreementsScreen) create() { as.onNew() }

// print is Ctrl+P: the chosen agreement's MOU, opened to print.
func (as *agreementsScreen) print() {
	if as.open() {
		as.editor.onPrint(false)
	}
}

// onNew asks which template to start from; the user picks partners in the editor.
func (as *agreementsScreen) onNew() {
	templates, err := data.LoadTemplates(assets.Templates(i18n.Language()))
	if err != nil {
		showError(as.win, "load templates", err)
		return
	}
	names := make([]string, len(templates))
	for i, t := range templates {
		names[i] = t.Name
	}
	// The names are the choices and the chosen one's description shows below, where it wraps: a choice
	// cannot, and with its description each was wider than the window.
	about := wrapped("")
	pick := widget.NewRadioGroup(names, func(name string) {
		about.SetText(templates[max(0, slices.Index(names, name))].Description)
	})
	pick.Required = true
	pick.SetSelected(names[0])
	form := container.NewVBox(wrapped(T("Start from one of these. You can change every word.")), pick, widget.NewSeparator(), about)
	d := ask(as.win, T("New agreement"), T("Start"), T("Cancel"), form, func() {
		if i := slices.Index(names, pick.Selected); i >= 0 {
			as.startFrom(templates[i])
		}
	})
	d.Resize(scaled(520, 0))
}

func (as *agreementsScreen) startFrom(t data.Template) {
	a := t.NewAgreement("", data.DateOf(now()), as.store)
	org := as.store.Organisation()
	a.Parties[0].Signatory = data.Signatory{Name: org.SignatoryName, Title: org.SignatoryTitle}
	as.openNew(a)
}
