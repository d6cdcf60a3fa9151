package ui

import (
	"bytes"
	"image/png"
	"io"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// settingsScreen holds our own organisation's details — the letterhead and usual signatory of every
// document — and says where the data lives.
type settingsScreen struct {
	store  *data.Store
	win    fyne.Window
	editor *form
	org    *data.Organisation
	logo   *fyne.Container
	body   *fyne.Container
}

func newSettingsScreen(s *data.Store, w fyne.Window) *settingsScreen {
	return &settingsScreen{store: s, win: w}
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
	ss.org = ss.store.Organisation()
	ss.editor = newForm(ss.store, ss.win, ss.org, func(string) {})
	b, o := ss.editor.bind, ss.org
	ss.logo = container.NewHBox()
	ss.showLogo()
	paper := []string{data.PaperA4, data.PaperLetter}
	sel := widget.NewSelect(paper, func(v string) { o.PaperSize = v; ss.editor.changed() })
	sel.SetSelected(o.PaperSize)
	folder := widget.NewButton(T("Open the data folder"), ss.onOpenFolder)
	form := container.NewVBox(
		widget.NewLabelWithStyle(T("Our organisation"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(T("These details head every document Accord prints.")),
		row(T("Name"), b.text(&o.Name, T("For example: Riverside Residents' Association"))),
		row(T("Address"), b.longText(&o.Address, "")),
		container.NewGridWithColumns(3, row(T("Email"), b.text(&o.Email, "")), row(T("Phone"), b.text(&o.Phone, "")),
			row(T("Website"), b.text(&o.Website, ""))),
		container.NewGridWithColumns(2,
			row(T("Who usually signs"), b.text(&o.SignatoryName, T("Name"))),
			row(T("Their role"), b.text(&o.SignatoryTitle, T("For example: Chair")))),
		container.NewGridWithColumns(2,
			row(T("Currency (three letters)"), b.text(&o.Currency, "EUR")),
			row(T("Paper size"), sel)),
		row(T("Logo (a PNG picture)"), ss.logo),
		widget.NewSeparator(),
		widget.NewLabelWithStyle(T("Where your data lives"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(ss.store.Path()),
		container.NewHBox(folder),
	)
	ss.editor.showProblems()
	top := container.NewBorder(nil, nil, nil, ss.editor.saveButton(), ss.editor.problems)
	ss.body.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(form)))}
	ss.body.Refresh()
}

// save is Ctrl+S.
func (ss *settingsScreen) save() { ss.editor.onSave() }

// leave asks before unsaved changes to the organisation are lost.
func (ss *settingsScreen) leave(proceed func()) {
	newEditing(ss.store, ss.win).confirmLeave(ss.editor.dirty, func() { ss.editor.dirty = false }, proceed)
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
			fyne.Do(func() {
				if err != nil {
					dialog.ShowInformation(T("Not a logo"), T("Choose a PNG picture under 2 MB."), ss.win)
					return
				}
				ss.org.Logo = b
				ss.showLogo()
				ss.editor.changed()
			})
		})
	}, ss.win)
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
