// Package assets holds the files built into the Accord executable: icon, fonts and translations.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed Icon.png
var Icon []byte

//go:embed fonts/*.ttf
var fonts embed.FS

//go:embed translations/*.json
var translations embed.FS

//go:embed templates
var templates embed.FS

// fyneWords are Fyne's own translations of its buttons and file dialog (copied from fyne.io/fyne/v2/lang,
// BSD licence in fyne/LICENSE-Fyne.txt), so Fyne's words can follow the language chosen in Accord.
//
//go:embed fyne/base.*.json
var fyneWords embed.FS

// Font returns a TrueType font by file name, such as "Go-Regular.ttf".
func Font(name string) ([]byte, error) { return fonts.ReadFile("fonts/" + name) }

// Translations is the folder of <language>.json translation files.
func Translations() fs.FS {
	sub, err := fs.Sub(translations, "translations")
	if err != nil {
		panic(err) // the embedded folder is there by construction
	}
	return sub
}

// FyneWords is Fyne's own translation file for a language ("es"), or nil if Accord does not carry one.
func FyneWords(language string) []byte {
	b, _ := fyneWords.ReadFile("fyne/base." + language + ".json")
	return b
}

// Templates is the folder of agreement templates in a language, or in English when there is none in it.
func Templates(language string) fs.FS {
	for _, dir := range []string{"templates/" + language, "templates/en"} {
		if sub, err := fs.Sub(templates, dir); err == nil {
			if entries, err := fs.ReadDir(sub, "."); err == nil && len(entries) > 0 {
				return sub
			}
		}
	}
	panic("no English agreement templates embedded") // assets/templates/en is built in
}
