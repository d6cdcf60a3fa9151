package data

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold makes text comparable the way a volunteer expects a search to work: lower case, accents removed,
// so "jose" finds "José" and "ΑΘΗΝΑΣ" finds "Αθήνας".
func Fold(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// foldTable holds the folded form of every Latin, Greek and Cyrillic letter, and foldedRunes caches the
// rest as they are met: decomposing each rune of each record with x/text at start-up took longer than
// decoding the records. The table is made at the first text to fold that is not plain ASCII, not as the
// program starts: a command that never folds such text does not wait for it.
var (
	foldTable     [0x530]string
	foldTableOnce sync.Once
	foldedRunes   sync.Map // rune -> string
)

func foldRune(r rune) string {
	if int(r) < len(foldTable) {
		foldTableOnce.Do(func() {
			for r := range foldTable {
				foldTable[r] = foldSlow(rune(r))
			}
		})
		return foldTable[r]
	}
	if f, ok := foldedRunes.Load(r); ok {
		return f.(string)
	}
	f := foldSlow(r)
	foldedRunes.Store(r, f)
	return f
}

// foldSlow folds one rune with x/text. Its transformer is made afresh each time: a transformer keeps state
// and may not be shared, and the index is built by several goroutines at once (sharing one broke the
// opening of good files, now and then, with "slice bounds out of range").
func foldSlow(r rune) string {
	stripMarks := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	f, _, err := transform.String(stripMarks, string(r))
	if err != nil {
		f = string(r)
	}
	// Greek writes sigma as ς at the end of a word only in lower case; upper-case text folds to σ.
	return strings.ReplaceAll(strings.ToLower(f), "ς", "σ")
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
