package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"accord/data"
)

// indexEntry is a record ready for the index, with its folded search text (empty when the index is
// loaded without it: see searchable) and sort key.
type indexEntry struct {
	record      data.Record
	text, title string
}

// entryOf readies a record for the index, with its search text when search is set (see searchable).
func entryOf(r data.Record, search bool) indexEntry {
	e := indexEntry{record: r, title: data.Fold(r.Title())}
	if search {
		e.text = searchText(r)
	}
	return e
}

// searchText is what Search looks for words in: every text of the record, folded.
func searchText(r data.Record) string {
	return data.Fold(strings.Join(append(r.SearchText(), r.Title()), "\n"))
}

// index puts a record (a private copy) into the in-memory index, if it is loaded. The caller holds s.mu for
// writing.
func (s *Store) index(e indexEntry) {
	k, id := e.record.Kind(), e.record.Common().ID
	s.mended(k, id) // a sound version of it is stored now, whether or not the index is loaded
	if s.records == nil {
		return
	}
	if s.records[k] == nil {
		s.records[k] = map[string]data.Record{}
	}
	s.records[k][id] = e.record
	if s.text != nil {
		s.text[id] = e.text
	}
	s.titles[id] = e.title
	s.changedKind(k)
}

// Search returns the live records of a type whose text holds every word of the query, sorted by title.
// An empty query returns them all.
func Search[T any, P data.RecordPtr[T]](s *Store, query string) []P {
	s.searchable()
	all := s.listed(data.KindOf[T, P]())
	words := strings.Fields(data.Fold(query))
	if len(words) == 0 {
		return data.Typed[T, P](all.records)
	}
	found := make([]bool, len(all.records))
	match := func(from, to int) {
		for i := from; i < to; i++ {
			found[i] = containsAll(all.texts[i], words)
		}
	}
	inParts(len(found), searchOnEveryCore, match)
	var out []P
	for i, ok := range found {
		if ok {
			out = append(out, all.records[i].(P))
		}
	}
	return out
}

// searchOnEveryCore is how many records a search reads before it reads them on every core: a keystroke
// in the search of 10,000 partners reads a few megabytes of text.
const searchOnEveryCore = 2000

// searchable folds the search text of every record, if the index was loaded without it: a one-shot
// command that only reads records (a report of 10,000 partners) spent a sixth of its loading on it.
func (s *Store) searchable() {
	if s.indexed() != nil {
		return
	}
	s.mu.RLock()
	ready := s.text != nil || s.records == nil
	s.mu.RUnlock()
	if ready {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.text != nil || s.records == nil {
		return
	}
	text := map[string]string{}
	for _, byID := range s.records {
		for id, r := range byID {
			text[id] = searchText(r)
		}
	}
	s.text = text
	s.sorted = map[data.Kind]listed{} // their texts were empty
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// copiesOnEveryCore is how many records a write must hold before indexCopies decodes them on every core.
const copiesOnEveryCore = 256

// indexCopies indexes a copy of each record written, decoded from the bytes stored: never the caller's
// record, which a form may go on editing. Decoding and folding the search text are most of the work of
// indexing (an import of 30,000 partners spent more than a second on them), so a large write does them on
// every core. The caller holds s.mu for writing.
func (s *Store) indexCopies(rs []data.Record, encoded [][]byte) error {
	entries := make([]indexEntry, len(rs))
	errs := make([]error, len(rs))
	search := s.text != nil
	decode := func(from, to int) {
		for i := from; i < to; i++ {
			stored := data.NewRecord(rs[i].Kind())
			if err := json.Unmarshal(encoded[i], stored); err != nil {
				errs[i] = fmt.Errorf("index %s %s: %w", rs[i].Kind(), rs[i].Common().ID, err)
				continue
			}
			entries[i] = entryOf(stored, search)
		}
	}
	if len(rs) >= copiesOnEveryCore {
		// What the write just wrote is garbage now, as large as what is about to be decoded: collect it
		// sooner, so the copies take its place rather than piling up on it (an import of 100,000 rows
		// peaked 40 MB higher).
		defer debug.SetGCPercent(debug.SetGCPercent(50))
	}
	inParts(len(rs), copiesOnEveryCore, decode)
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, e := range entries {
		s.index(e)
	}
	return nil
}

// inParts does work on items [0, n), in one part per core when there are at least least of them, and
// otherwise in one: work(from, to) does the items from from to to.
func inParts(n, least int, work func(from, to int)) {
	cores := runtime.GOMAXPROCS(0)
	if n < least || cores < 2 {
		work(0, n)
		return
	}
	var wg sync.WaitGroup
	per := (n + cores - 1) / cores
	for from := 0; from < n; from += per {
		wg.Go(func() { work(from, min(from+per, n)) })
	}
	wg.Wait()
}
