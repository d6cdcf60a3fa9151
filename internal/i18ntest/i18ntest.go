// Package i18ntest fails a package's tests when they showed a sentence that is not in the English
// catalogue: a key built at run time (a kind, a status, an error) that the key finder cannot see.
package i18ntest

import (
	"fmt"
	"os"
	"testing"

	"accord/i18n"
)

// Main runs the tests, then fails the run if any of them asked for a key the catalogue lacks. Use it as
// a package's TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if missed := i18n.Misses(); len(missed) > 0 {
		fmt.Fprintf(os.Stderr, "these sentences were shown but are not in assets/translations/en.json; mark where they come from with // i18n:keys, then run make i18n:\n")
		for _, k := range missed {
			fmt.Fprintf(os.Stderr, "\t%q\n", k)
		}
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}
