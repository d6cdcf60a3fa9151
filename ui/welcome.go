package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// welcome walks a first-time user through what Accord needs to know — the language, the organisation
// (name, logo, paper) and who usually signs — or lets them explore demo data first, or skip.
type welcome struct {
	store *store.Store
	win   fyne.Window
	org   *data.Organisation
	body  *fyne.Container
	next  *keyButton // Next or Finish, enabled once the step's one required answer is given
}

// The welcome's steps.
const (
	stepLanguage = iota
	stepOrganisation
	stepSignatory
)

func newWelcome(s *store.Store, w fyne.Window) *welcome {
	org := s.Organisation()
	region := regionOf(lang.SystemLocale().LanguageString())
	if org.PaperSize == "" {
		org.PaperSize = paperFor(region)
	}
	if org.Currency == "" {
		org.Currency = currencyFor(region)
	}
	return &welcome{store: s, win: w, org: org}
}

func (wc *welcome) buildUI() fyne.CanvasObject {
	wc.win.SetMainMenu(nil)
	wc.body = container.NewStack()
	wc.show(stepLanguage)
	return wc.body
}

// show lays out one step: its title, what it asks, and the buttons to go on or back.
func (wc *welcome) show(step int) {
	var title, about string
	var ask fyne.CanvasObject
	switch step {
	case stepLanguage:
		title, about, ask = T("Welcome to Accord"), T("Accord keeps your group's partners, agreements and evaluations in order, in one file on this computer. It works without the internet. Three short questions, and you are ready."), wc.languageStep()
	case stepOrganisation:
		title, about, ask = T("Your organisation"), T("Its name, address and logo head every agreement and report Accord prints. You can change them later in Settings."), wc.organisationStep()
	default:
		title, about, ask = T("Who usually signs"), T("The person who usually signs agreements for your organisation. You can choose someone else on any agreement."), wc.signatoryStep()
	}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	text := widget.NewLabel(about)
	text.Wrapping = fyne.TextWrapWord
	progress := widget.NewLabel(T("Question %d of %d", step+1, 3))
	// The questions scroll between the title and the buttons, which stay in view at any text size.
	page := container.NewBorder(container.NewVBox(progress, heading), wc.buttons(step), nil, nil,
		newPageScroll(container.NewVBox(text, ask)))
	wc.body.Objects = []fyne.CanvasObject{upTo(620, 520, container.NewPadded(page))}
	wc.body.Refresh()
	wc.focusFirstEntry(page)
}

// buttons are Back (after the first step), Next or Finish, and on the first step the ways round the
// questions: the demo data, or later.
func (wc *welcome) buttons(step int) fyne.CanvasObject {
	label, icon := T("Next"), theme.NavigateNextIcon()
	if step == stepSignatory {
		label, icon = T("Finish"), theme.ConfirmIcon()
	}
	wc.next = newKeyButton(label, icon, func() { wc.onNext(step) })
	wc.next.Importance = widget.HighImportance
	wc.next.IconPlacement = widget.ButtonIconTrailingText
	if step == stepOrganisation && strings.TrimSpace(wc.org.Name) == "" {
		wc.next.Disable()
	}
	if step == stepLanguage {
		explore := widget.NewButtonWithIcon(T("Explore with demo data first"), theme.SearchIcon(), func() { enterDemo(wc.win, wc.store) })
		later := widget.NewButton(T("Skip for now"), wc.onSkip)
		later.Importance = widget.LowImportance
		return container.NewVBox(container.NewHBox(layout.NewSpacer(), wc.next), widget.NewSeparator(),
			widget.NewLabel(T("Not ready to set up yet?")), container.NewHBox(explore, later))
	}
	back := widget.NewButtonWithIcon(T("Back"), theme.NavigateBackIcon(), func() { wc.show(step - 1) })
	return container.NewHBox(back, layout.NewSpacer(), wc.next)
}

func (wc *welcome) languageStep() fyne.CanvasObject {
	prefs := fyne.CurrentApp().Preferences()
	codes := i18n.Languages()
	names := mapped(codes, i18n.Name)
	choice := widget.NewRadioGroup(names, nil)
	choice.SetSelected(i18n.Name(i18n.Language()))
	choice.OnChanged = func(name string) {
		for _, c := range codes {
			if i18n.Name(c) == name && c != i18n.Language() {
				prefs.SetString(prefLanguage, c)
				applyLanguage(fyne.CurrentApp())
				wc.show(stepLanguage)
			}
		}
	}
	return row(T("Language"), choice)
}

func (wc *welcome) organisationStep() fyne.CanvasObject {
	name := newField(T("For example: Riverside Residents' Association"))
	name.SetText(wc.org.Name)
	name.OnChanged = func(s string) {
		wc.org.Name = s
		if strings.TrimSpace(s) == "" {
			wc.next.Disable()
		} else {
			wc.next.Enable()
		}
	}
	name.OnSubmitted = func(string) { wc.next.OnTapped() }
	logo := container.NewHBox()
	var showLogo func()
	showLogo = func() {
		logo.Objects = nil
		if len(wc.org.Logo) > 0 {
			img := canvas.NewImageFromResource(fyne.NewStaticResource("logo.png", wc.org.Logo))
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(fyne.NewSize(120, 60))
			logo.Add(img)
		}
		logo.Add(widget.NewButton(T("Choose a logo…"), func() {
			chooseLogo(wc.win, func(png []byte) { wc.org.Logo = png; showLogo() })
		}))
		logo.Refresh()
	}
	showLogo()
	paper := widget.NewRadioGroup([]string{data.PaperA4, data.PaperLetter}, func(v string) { wc.org.PaperSize = v })
	paper.Horizontal = true
	paper.SetSelected(wc.org.PaperSize)
	address := newBinder(func() {}).text(&wc.org.Address, T("Street, town and postcode"))
	return container.NewVBox(row(T("Name"), name), row(T("Address"), address),
		row(T("Logo (a PNG picture, if you have one)"), logo), row(T("Paper size"), paper))
}

func (wc *welcome) signatoryStep() fyne.CanvasObject {
	b := newBinder(func() {})
	return container.NewVBox(
		row(T("Their name"), b.text(&wc.org.SignatoryName, T("Name"))),
		row(T("Their role"), b.text(&wc.org.SignatoryTitle, T("For example: Chair"))))
}

func (wc *welcome) onNext(step int) {
	if step == stepOrganisation {
		if err := wc.org.Validate(); err != nil { // a name too long, say: said here, not two steps on
			showError(wc.win, "check the organisation in the welcome", err)
			return
		}
	}
	if step < stepSignatory {
		wc.show(step + 1)
		return
	}
	if err := wc.store.Save(wc.org); err != nil {
		showError(wc.win, "save organisation from the welcome", err)
		return
	}
	wc.done()
}

// onSkip leaves the questions for later: Settings holds them all.
func (wc *welcome) onSkip() { wc.done() }

// done remembers that this data folder has been welcomed on this computer and shows the screens.
func (wc *welcome) done() {
	fyne.CurrentApp().Preferences().SetString(prefWelcomed, wc.store.Path())
	showData(wc.win, wc.store, dashboardID)
}

func (wc *welcome) focusFirstEntry(o fyne.CanvasObject) {
	var first *field
	inContainers(o, func(o fyne.CanvasObject) {
		if e, ok := o.(*field); ok && first == nil {
			first = e
		}
	})
	if first != nil {
		focusSoon(first)
	}
}

// regionOf is the region of a locale such as "en-US" ("US"), or "".
func regionOf(locale string) string {
	_, region, _ := strings.Cut(strings.ReplaceAll(locale, "_", "-"), "-")
	region, _, _ = strings.Cut(region, "-")
	return strings.ToUpper(region)
}

// paperFor is the paper a region prints on: Letter in North America and parts of Latin America and
// Asia, A4 everywhere else.
func paperFor(region string) string {
	switch region {
	case "US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV", "NI", "BZ":
		return data.PaperLetter
	}
	return data.PaperA4
}

// currencyFor is a region's usual currency, for the first guess; Settings changes it.
func currencyFor(region string) string {
	switch region {
	case "US", "PR", "EC", "SV":
		return "USD"
	case "GB":
		return "GBP"
	case "CA":
		return "CAD"
	case "MX":
		return "MXN"
	case "CH":
		return "CHF"
	case "AU":
		return "AUD"
	case "", "ES", "FR", "BE", "DE", "IT", "PT", "NL", "IE", "AT", "LU", "FI", "GR":
		return "EUR"
	}
	return ""
}
