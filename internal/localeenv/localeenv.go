// Package localeenv repairs a locale environment Fyne cannot parse (LANG=C.UTF-8, an unknown language),
// which otherwise makes Fyne log "Error parsing user locale" before main runs. It must be imported by
// main: Go initialises "accord/..." packages before "fyne.io/..." ones whose imports are equally ready, so
// this init runs before Fyne's lang package reads the locale.
package localeenv

import (
	"os"

	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"
)

func init() {
	locales, err := locale.GetLocales()
	if err != nil {
		return
	}
	for _, l := range locales {
		if _, err := language.Parse(l); err != nil {
			// LANGUAGE outranks LANG and LC_* for the message language, and leaves formats alone.
			os.Setenv("LANGUAGE", "en")
			return
		}
	}
}
