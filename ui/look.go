package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"accord/assets"
	"accord/i18n"
)

// This laptop's own choices live in Fyne's preferences, not in the database: they belong to the person at
// this computer, and never travel with a backup, an export or a sync.
const (
	prefLanguage = "language"  // "" follows the computer, else "en", "es", "fr"
	prefTheme    = "theme"     // "" follows the computer, else "light" or "dark"
	prefTextSize = "text-size" // a scale: 1 normal, up to 1.5 (more would not fit a 1366-pixel screen)
	prefWelcomed = "welcomed"  // the data folder (path) whose welcome was finished or skipped
)

// themeChoices and textSizes are what Settings offers, in order.
var (
	themeChoices = []string{"", "light", "dark"}
	textSizes    = []float32{1, 1.15, 1.3, 1.5}
)

// themeLabel and textSizeLabel name each choice for the menus.
func themeLabel(v string) string {
	switch v {
	case "light":
		return T("Light")
	case "dark":
		return T("Dark")
	}
	return T("Follow the computer")
}

func textSizeLabel(scale float32) string {
	switch {
	case scale >= 1.5:
		return T("Largest")
	case scale >= 1.3:
		return T("Larger")
	case scale >= 1.15:
		return T("Large")
	}
	return T("Normal")
}

// applyLook sets the theme and text size this laptop's preferences ask for.
func applyLook(a fyne.App) {
	p := a.Preferences()
	a.Settings().SetTheme(&look{Theme: theme.DefaultTheme(), variant: p.String(prefTheme), scale: float32(p.FloatWithFallback(prefTextSize, 1))})
}

// look is Fyne's theme with a forced light or dark variant and everything scaled by the text size, so
// bigger text brings bigger buttons and spacing with it and nothing is cut off.
type look struct {
	fyne.Theme
	variant string
	scale   float32
}

func (l *look) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch l.variant {
	case "light":
		v = theme.VariantLight
	case "dark":
		v = theme.VariantDark
	}
	if n == theme.ColorNameFocus {
		return focusShade[v == theme.VariantDark]
	}
	return l.Theme.Color(n, v)
}

// focusShade marks the button, check or choice the keyboard is on. Fyne's own is a tint of the primary
// colour, which a primary button (Save, Next) already is, so a keyboard user could not see it there; a
// shade darker (lighter on dark) shows on every background.
var focusShade = map[bool]color.Color{
	false: color.NRGBA{A: 0x50},
	true:  color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x50},
}

func (l *look) Size(n fyne.ThemeSizeName) float32 {
	if l.scale < 1 {
		return l.Theme.Size(n)
	}
	return l.Theme.Size(n) * l.scale
}

// scaled is a size laid out for normal text, grown with the text size chosen in Settings, for the few
// parts of a screen that are given a size rather than taking their content's.
func scaled(width, height float32) fyne.Size {
	k := theme.Size(theme.SizeNameText) / theme.DefaultTheme().Size(theme.SizeNameText)
	return fyne.NewSize(width*k, height*k)
}

// textWidth is how wide a text is drawn at the text size in use.
func textWidth(text string) float32 {
	return fyne.MeasureText(text, theme.Size(theme.SizeNameText), fyne.TextStyle{}).Width
}

// applyLanguage switches Accord to this laptop's chosen language (or the computer's) and makes Fyne's own
// words — dialog buttons, the file chooser — follow it. Fyne looks its words up by the computer's locale
// and cannot be told otherwise (fyne issue 5333), so the chosen language's words are given to Fyne under
// the computer's locale.
func applyLanguage(a fyne.App) {
	i18n.SetLanguage(a.Preferences().String(prefLanguage))
	words := assets.FyneWords(i18n.Language())
	if words == nil {
		return
	}
	if err := lang.AddTranslationsForLocale(words, lang.SystemLocale()); err != nil {
		fyne.LogError("give Fyne the words of "+i18n.Language(), err)
	}
}
