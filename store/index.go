package store

import (
	"strings"

	"accord/data"
)

// indexEntry is a record ready for the index, with its folded search text and sort key.
type indexEntry struct {
	record      data.Record
	text, title string
}

func entryOf(r data.Record) indexEntry {
	return indexEntry{r, data.Fold(strings.Join(append(r.SearchText(), r.Title()), "\n")), data.Fold(r.Title())}
}

// index puts a record (a private copy) into the in-memory index. The caller holds s.mu for writing.
func (s *Store) index(e indexEntry) {
	k, id := e.record.Kind(), e.record.Common().ID
	if s.records[k] == nil {
		s.records[k] = map[string]data.Record{}
	}
	s.records[k][id] = e.record
	s.text[id] = e.text
	s.titles[id] = e.title
	delete(s.sorted, k)
}

// Search returns the live records of a type whose text holds every word of the query, sorted by title.
// An empty query returns them all.
func Search[T any, P data.RecordPtr[T]](s *Store, query string) []P {
	all := s.list(data.KindOf[T, P]())
	words := strings.Fields(data.Fold(query))
	if len(words) == 0 {
		return data.Typed[T, P](all)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []P
	for _, r := range all {
		if containsAll(s.text[r.Common().ID], words) {
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
