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

// indexEntry is a record ready for the index, with its folded search text and sort key.
type indexEntry struct {
	record      Record
	text, title string
}

func entryOf(r Record) indexEntry {
	return indexEntry{r, Fold(strings.Join(append(r.SearchText(), r.Title()), "\n")), Fold(r.Title())}
}

// index puts a record (a private copy) into the in-memory index. The caller holds s.mu for writing.
func (s *Store) index(e indexEntry) {
	k, id := e.record.Kind(), e.record.meta().ID
	if s.records[k] == nil {
		s.records[k] = map[string]Record{}
	}
	s.records[k][id] = e.record
	s.text[id] = e.text
	s.titles[id] = e.title
	delete(s.sorted, k)
}

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
// decoding the records.
var (
	foldTable   [0x530]string
	foldedRunes sync.Map // rune -> string
)

func init() {
	for r := range foldTable {
		foldTable[r] = foldSlow(rune(r))
	}
}

func foldRune(r rune) string {
	if int(r) < len(foldTable) {
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

// Search returns the live records of a type whose text holds every word of the query, sorted by title.
// An empty query returns them all.
func Search[T any, P recordPtr[T]](s *Store, query string) []P {
	all := s.list(kindOf[T, P]())
	words := strings.Fields(Fold(query))
	if len(words) == 0 {
		return typed[T, P](all)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []P
	for _, r := range all {
		if containsAll(s.text[r.meta().ID], words) {
			out = append(out, r.(P))
		}
	}
	return out
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
