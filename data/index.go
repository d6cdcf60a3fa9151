package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// index puts a record (a private copy) into the in-memory index. The caller holds s.mu for writing.
func (s *Store) index(r Record) {
	k, id := r.Kind(), r.meta().ID
	if s.records[k] == nil {
		s.records[k] = map[string]Record{}
	}
	s.records[k][id] = r
	s.text[id] = Fold(strings.Join(append(r.SearchText(), r.Title()), "\n"))
	s.titles[id] = Fold(r.Title())
	delete(s.sorted, k)
}

// Fold makes text comparable the way a volunteer expects a search to work: lower case, accents removed,
// so "jose" finds "José" and "ΑΘΗΝΑ" finds "Αθήνα".
func Fold(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	// Greek writes sigma as ς at the end of a word only in lower case; upper-case text folds to σ.
	return strings.ReplaceAll(strings.ToLower(out), "ς", "σ")
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
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
