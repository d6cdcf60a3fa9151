package ui

import (
	"bytes"
	"image/png"
	"io"
	"net/url"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// settingsScreen holds this computer's own choices (language, theme, text size), our organisation's
// details — the letterhead and usual signatory of every document — and says where the data and its
// backups live.
type settingsScreen struct {
	store  *store.Store
	win    fyne.Window
	shell  *shell
	editor *form
	org    *data.Organisation
	logo   *fyne.Container
	body   *fyne.Container
}

func newSettingsScreen(s *store.Store, sh *shell) *settingsScreen {
	return &settingsScreen{store: s, win: sh.win, shell: sh}
}

func (ss *settingsScreen) buildUI() fyne.CanvasObject {
	ss.body = container.NewStack()
	ss.refresh()
	return ss.body
}

// refresh loads the organisation afresh, unless the user has unsaved changes in it.
func (ss *settingsScreen) refresh() {
	if ss.editor != nil && ss.editor.dirty {
		return
	}
	ss.show(ss.store.Organisation())
}

// show lays the screen out with the organisation's details in its form.
func (ss *settingsScreen) show(org *data.Organisation) {
	ss.org = org
	ss.editor = newForm(ss.store, ss.win, ss.org, func(string) {})
	ss.editor.reload = ss.refresh
	b, o := ss.editor.bind, ss.org
	ss.logo = container.NewHBox()
	ss.showLogo()
	paper := []string{data.PaperA4, data.PaperLetter}
	sel := newDropDown(paper, nil)
	sel.SetSelected(o.PaperSize)
	sel.OnChanged = func(v string) { o.PaperSize = v; ss.editor.changed() } // after: showing the size is no change
	folder := widget.NewButton(T("Open the data folder"), ss.onOpenFolder)
	form := container.NewVBox(
		heading(T("On this computer")),
		wrapped(T("These apply at once, and only on this computer.")),
		ss.computerChoices(),
		widget.NewSeparator(),
		heading(T("Our organisation")),
		wrapped(T("These details head every document Accord prints.")),
		row(T("Name"), b.text(&o.Name, T("For example: Riverside Residents' Association"))),
		row(T("Address"), b.longText(&o.Address, "")),
		columns(2,
			row(T("Legal form"), b.text(&o.LegalForm, T("For example: registered charity"))),
			row(T("Registration number"), b.text(&o.RegistrationNumber, T("Charity number, SIRET, CIF…")))),
		columns(3, row(T("Email"), b.text(&o.Email, "")), row(T("Phone"), b.text(&o.Phone, "")),
			row(T("Website"), b.text(&o.Website, ""))),
		columns(2,
			row(T("Who usually signs"), b.text(&o.SignatoryName, T("Name"))),
			row(T("Their role"), b.text(&o.SignatoryTitle, T("For example: Chair")))),
		columns(2,
			row(T("Currency (three letters)"), b.text(&o.Currency, "EUR")),
			row(T("Paper size"), sel)),
		row(T("Logo (a PNG picture)"), ss.logo),
		widget.NewSeparator(),
		heading(T("Fields and lists of your own")),
		wrapped(T("Record what your group needs on every partner: a charity number, when an insurance expires.")),
		flowRow(widget.NewButtonWithIcon(T("Fields…"), theme.ListIcon(), ss.onFields),
			widget.NewButtonWithIcon(T("Focus areas…"), theme.ListIcon(), func() { showFocusAreas(ss.store, ss.win) }),
			widget.NewButtonWithIcon(T("Lists…"), theme.ListIcon(), func() { showPickLists(ss.store, ss.win, data.ListPartnerKinds, func() {}) })),
		widget.NewSeparator(),
		heading(T("Where your data lives")),
		wrapped(ss.store.Path()),
		container.NewHBox(folder),
		widget.NewSeparator(),
		heading(T("Backups")),
		ss.backupsLine(),
		widget.NewSeparator(),
		heading(T("Sync with other laptops")),
		ss.shell.sync.syncSection(),
	)
	ss.editor.showProblems()
	top := container.NewBorder(nil, nil, nil, ss.editor.saveButton(), ss.editor.problems)
	ss.body.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, newPageScroll(container.NewPadded(form)))}
	ss.body.Refresh()
}

// save is Ctrl+S.
func (ss *settingsScreen) save() { ss.editor.onSave() }

// leave asks before unsaved changes to the organisation are lost.
func (ss *settingsScreen) leave(proceed func()) { ss.editor.leave(proceed) }

// restoreDraft shows the organisation's details as they were typed before a crash, unsaved.
func (ss *settingsScreen) restoreDraft(d store.Draft) {
	org, ok := d.Record.(*data.Organisation)
	if !ok {
		return
	}
	ss.show(org)
	ss.editor.takeDraft(d)
}

func (*settingsScreen) shows() data.Kind { return data.KindOrganisation }

// openForm is the organisation's form, for the window's close guard.
func (ss *settingsScreen) openForm() *form { return ss.editor }

// computerChoices are the language, theme and text size of this computer; each applies at once.
func (ss *settingsScreen) computerChoices() fyne.CanvasObject {
	prefs := fyne.CurrentApp().Preferences()
	codes := append([]string{""}, i18n.Languages()...)
	languages := make([]string, len(codes))
	for i, c := range codes {
		languages[i] = i18n.Name(c)
	}
	languages[0] = T("Follow the computer (%s)", i18n.Name(i18n.System()))
	language := newDropDown(languages, nil)
	language.SetSelectedIndex(slices.Index(codes, prefs.String(prefLanguage)))
	language.OnChanged = func(string) {
		if !ss.onLanguage(codes[language.SelectedIndex()]) {
			language.SetSelectedIndex(slices.Index(codes, prefs.String(prefLanguage)))
		}
	}

	look := newDropDown(mapped(themeChoices, themeLabel), nil)
	look.SetSelectedIndex(max(0, slices.Index(themeChoices, prefs.String(prefTheme))))
	look.OnChanged = func(string) {
		prefs.SetString(prefTheme, themeChoices[look.SelectedIndex()])
		applyLook(fyne.CurrentApp())
	}
	size := newDropDown(mapped(textSizes, textSizeLabel), nil)
	size.SetSelectedIndex(max(0, slices.Index(textSizes, float32(prefs.FloatWithFallback(prefTextSize, 1)))))
	size.OnChanged = func(string) {
		prefs.SetFloat(prefTextSize, float64(textSizes[size.SelectedIndex()]))
		applyLook(fyne.CurrentApp())
		if !ss.editor.dirty { // building the screens again would lose the unsaved changes
			ss.shell.relabel() // parts given a size are laid out again for the new text size
		}
	}
	return columns(3, row(T("Language"), language), row(T("Colours"), look), row(T("Text size"), size))
}

// onLanguage switches the whole window to another language, and says whether it did. Unsaved changes to
// the organisation would be lost as the screens are built again, so those are saved or undone first.
func (ss *settingsScreen) onLanguage(code string) bool {
	prefs := fyne.CurrentApp().Preferences()
	if code == prefs.String(prefLanguage) {
		return true
	}
	if ss.editor.dirty {
		dialog.ShowInformation(T("Language"), T("Save your changes to the organisation first, then choose the language again."), ss.win)
		return false
	}
	prefs.SetString(prefLanguage, code)
	applyLanguage(fyne.CurrentApp())
	ss.shell.relabel()
	return true
}

// backupsLine says when the newest backup was made, read off the UI goroutine, and opens the Backups
// screen.
func (ss *settingsScreen) backupsLine() fyne.CanvasObject {
	newest := wrapped(T("Looking for backups…"))
	dir := ss.store.Dir()
	background(func() {
		backups, err := store.ListBackups(dir)
		text := T("No backup has been made yet.")
		if err == nil && len(backups) > 0 {
			text = T("Newest backup: %s.", whenText(backups[0].Made))
		}
		onUI(func() { newest.SetText(text) })
	})
	open := widget.NewButtonWithIcon(T("Open Backups"), theme.HistoryIcon(), func() { ss.shell.goTo(backupsID) })
	return container.NewBorder(nil, nil, nil, open, newest)
}

func (ss *settingsScreen) showLogo() {
	ss.logo.Objects = nil
	if len(ss.org.Logo) > 0 {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("logo.png", ss.org.Logo))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(120, 60))
		ss.logo.Add(img)
		ss.logo.Add(widget.NewButton(T("Remove the logo"), func() { ss.org.Logo = nil; ss.showLogo(); ss.editor.changed() }))
	}
	ss.logo.Add(widget.NewButton(T("Choose a logo…"), ss.onChooseLogo))
	ss.logo.Refresh()
}

func (ss *settingsScreen) onChooseLogo() {
	chooseLogo(ss.win, func(png []byte) {
		ss.org.Logo = png
		ss.showLogo()
		ss.editor.changed()
	})
}

// chooseLogo asks for a PNG picture, reads and checks it off the UI goroutine, and hands it to use.
func chooseLogo(w fyne.Window, use func(png []byte)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		background(func() {
			defer r.Close()
			b, err := io.ReadAll(io.LimitReader(r, 2<<20+1))
			if err == nil {
				_, err = png.DecodeConfig(bytes.NewReader(b))
			}
			onUI(func() {
				if err != nil {
					dialog.ShowInformation(T("Not a logo"), T("Choose a PNG picture under 2 MB."), w)
					return
				}
				use(b)
			})
		})
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".PNG"}))
	startIn(d, documentsFolder())
	d.Show()
}

func (ss *settingsScreen) onOpenFolder() {
	u, _ := url.Parse(storage.NewFileURI(ss.store.Dir()).String())
	if err := fyne.CurrentApp().OpenURL(u); err != nil {
		dialog.ShowInformation(T("Data folder"), ss.store.Dir(), ss.win)
	}
}

// onFields opens the group's own fields; the partners screen shows them in the editor it opens next.
func (ss *settingsScreen) onFields() { showFields(ss.store, ss.win) }
