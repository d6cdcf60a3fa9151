// Package demo fills a store with realistic, linked demo data — partners from several countries and scripts,
// agreements between them and us, evaluations, activities and needs — for trying Accord out, for screenshots
// and for benchmarks. The same seed and day always give the same names, values and links; only the record IDs
// (UUIDv7) and save times differ.
package demo

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"accord/data"
	"accord/store"
)

// Options say how much to make and from which seed.
type Options struct {
	// Partners is how many partners to make; agreements, evaluations, activities and needs follow from it.
	Partners int
	// Seed picks the names and values: the same seed and Today give the same data.
	Seed int64
	// Today is the day the data is built around (active, expiring and expired agreements, overdue actions);
	// zero means the store's clock.
	Today data.Date
	// Progress, if set, is called now and then while records are saved, with how many are done out of total.
	Progress func(done, total int)
}

// MaxPartners bounds Options.Partners: enough for any benchmark, not enough to fill a disk by a typo.
const MaxPartners = 100_000

// ErrNotEmpty is returned when the store already holds partners, agreements or other records (in the Trash
// too): demo data never mixes with real data. Our own organisation's record alone is fine, and is kept.
var ErrNotEmpty = errors.New("demo data goes only into a data folder without partners, agreements or other records, and this one already holds some")

// Summary counts the records Generate saved, by kind.
type Summary map[data.Kind]int

// Total is the number of records saved.
func (s Summary) Total() int {
	total := 0
	for _, n := range s {
		total += n
	}
	return total
}

func (s Summary) String() string {
	var parts []string
	for _, k := range data.RecordKinds {
		parts = append(parts, fmt.Sprintf("%d %s", s[k], k))
	}
	return strings.Join(parts, ", ")
}

// Generate makes opt.Partners partners and everything linked to them, and saves it all in s, which must hold
// no records but, perhaps, our own organisation's: a named organisation is kept as it is and signs the
// agreements, otherwise a demo one is saved. On failure Generate returns what was saved so far and the reason.
func Generate(s *store.Store, opt Options) (Summary, error) {
	switch {
	case opt.Partners < 1:
		return nil, errors.New("demo: make at least one partner")
	case opt.Partners > MaxPartners:
		return nil, fmt.Errorf("demo: make at most %d partners", MaxPartners)
	case holdsRecords(s):
		return nil, ErrNotEmpty
	}
	var keep *data.Organisation
	if o := data.Lookup[data.Organisation](s, data.OrganisationID); o != nil && o.Name != "" {
		keep = o
	}
	return save(s, makeRecords(opt, s.Now(), keep), opt.Progress)
}

// Records makes the demo records of Generate without saving them, as of now: for tests of documents and
// figures, which read them through a data.Memory.
func Records(opt Options, now time.Time) []data.Record { return makeRecords(opt, now, nil) }

// makeRecords makes the records; a kept organisation signs the agreements instead of a demo one.
func makeRecords(opt Options, now time.Time, keep *data.Organisation) []data.Record {
	today := opt.Today
	if today.IsZero() {
		today = data.DateOf(now)
	}
	g := newGen(opt.Seed, today, now)
	g.keep = keep
	return g.build(opt.Partners)
}

// holdsRecords is true when the store has any record but the organisation's, live or in the Trash.
func holdsRecords(s *store.Store) bool {
	for _, k := range data.RecordKinds {
		if k != data.KindOrganisation && s.Count(k) > 0 {
			return true
		}
	}
	for _, r := range s.Trash() {
		if r.Kind() != data.KindOrganisation {
			return true
		}
	}
	return false
}

// batchSize is how many records go into one transaction, between two progress reports.
const batchSize = 500

// save writes the records in order, in batches of one transaction each.
func save(s *store.Store, records []data.Record, progress func(done, total int)) (Summary, error) {
	sum := Summary{}
	for start := 0; start < len(records); start += batchSize {
		if progress != nil {
			progress(start, len(records))
		}
		batch := records[start:min(start+batchSize, len(records))]
		if err := s.SaveAll(batch); err != nil {
			return sum, fmt.Errorf("demo: %w", err)
		}
		for _, r := range batch {
			sum[r.Kind()]++
		}
	}
	if progress != nil {
		progress(len(records), len(records))
	}
	return sum, nil
}
