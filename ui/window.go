package ui

import (
	"image/color"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/demo"
	"accord/store"
)

// The demo data lives in a folder of its own inside the data folder, so exploring never mixes made-up
// partners with real ones; a file in it says, to anyone who finds it, what it is.
const (
	demoFolder  = "demo"
	demoMarker  = "THIS FOLDER HOLDS DEMO DATA.txt"
	demoPartner = 40
)

// showData puts opened data in the window: the welcome for a data folder not set up yet, else the
// screens — under a banner when they show the demo data — starting on the screen named landing. It
// returns the screens' shell, or nil while the welcome shows.
func showData(w fyne.Window, s *store.Store, landing screenID) *shell {
	inDemo := isDemo(s.Dir())
	w.SetCloseIntercept(nil)
	if !inDemo && needsWelcome(s) {
		w.SetTitle("Accord") // i18n:same
		w.SetContent(newWelcome(s, w).buildUI())
		return nil
	}
	sh := newShell(s, w)
	if inDemo {
		w.SetTitle(T("Accord — demo data"))
		w.SetContent(container.NewBorder(demoBanner(w, s), nil, nil, nil, sh.buildUI()))
	} else {
		w.SetTitle("Accord") // i18n:same
		w.SetContent(sh.buildUI())
	}
	sh.goTo(landing)
	w.SetCloseIntercept(sh.onClose)
	sh.offerDrafts()
	sh.offerRepair()
	root := w.Content()
	sh.sync.start(func() bool { return w.Content() == root })
	return sh
}

// needsWelcome is true for a data folder with no organisation name whose welcome this computer has not
// finished or skipped.
func needsWelcome(s *store.Store) bool {
	return s.Organisation().Name == "" && fyne.CurrentApp().Preferences().String(prefWelcomed) != s.Path()
}

func isDemo(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, demoMarker))
	return err == nil
}

// demoBanner says, on every screen, that this is demo data, and leads back to the real data.
func demoBanner(w fyne.Window, s *store.Store) fyne.CanvasObject {
	text := widget.NewLabelWithStyle(T("You are exploring demo data. Nothing you do here touches your own data."),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text.Wrapping = fyne.TextWrapWord
	leave := newKeyButton(T("Leave the demo"), theme.LogoutIcon(), func() { leaveDemo(w, s) })
	leave.Importance = widget.HighImportance
	bg := canvas.NewRectangle(color.NRGBA{R: 0xff, G: 0xc1, B: 0x07, A: 0x55})
	return container.NewStack(bg, container.NewPadded(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), leave, text)))
}

// enterDemo closes the real data and opens the demo folder, making the demo data the first time.
func enterDemo(w fyne.Window, real *store.Store) {
	dir := filepath.Join(real.Dir(), demoFolder)
	real.Close()
	w.SetContent(loadingView(T("Making demo data to explore…")))
	background(func() {
		if err := makeDemo(dir); err != nil {
			onUI(func() { showError(w, "make demo data in "+dir, err) })
			openInBackground(w, real.Dir(), nil)
			return
		}
		openInBackground(w, dir, nil)
	})
}

// makeDemo fills the demo folder once: a made-up group with partners, agreements and evaluations.
func makeDemo(dir string) error {
	if isDemo(dir) {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	s, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := demo.Generate(s, demo.Options{Partners: demoPartner, Seed: 1, Today: data.DateOf(now())}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, demoMarker), []byte(T("This folder holds made-up demo data to explore Accord with. You can delete it.")+"\n"), 0o600)
}

// leaveDemo closes the demo data and opens the real data folder it lives in.
func leaveDemo(w fyne.Window, s *store.Store) {
	s.Close()
	w.SetContent(loadingView(T("Opening your data…")))
	background(func() { openInBackground(w, filepath.Dir(s.Dir()), nil) })
}
