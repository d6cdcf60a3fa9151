// Package store keeps a group's records in one bbolt file: it verifies the file as it opens, indexes the
// records for lists and search, and keeps the Trash, backups and restores, schema migrations, the JSON
// exchange format, attachments, this laptop's identity and the sync state. It implements data.View; the
// rules it applies come from package data.
package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// Bucket and key names beside the one bucket per record kind.
const (
	bucketMeta        = "meta"
	bucketAttachments = "attachments"
	keySchema         = "schema"
	keyRev            = "rev"
)

// fillPercent packs pages fuller than bbolt's default half: IDs are UUIDv7, so new records append at the
// end of their bucket, where half-empty pages would only double the file.
const fillPercent = 0.9

// FileName is the database's name inside the data folder.
const FileName = "accord.db"

// Store keeps every record in one bbolt file and an in-memory index of them for lists and search.
// It is safe for use from several goroutines.
type Store struct {
	db   atomic.Pointer[bolt.DB] // swapped whole when an import replaces the file (see swapIn)
	path string
	// lockTimeout is Options.LockTimeout, for opening the file again after an import replaced it.
	lockTimeout time.Duration
	// Now is the clock; tests replace it.
	Now func() time.Time

	mu      sync.RWMutex
	damaged map[string]*DamagedRecord // kind/ID -> a record set aside: see DamagedRecord
	// records and the maps below are the index; records is nil until the index is loaded (see indexed).
	records map[data.Kind]map[string]data.Record
	sorted  map[data.Kind]listed // live records by title, rebuilt after a write to the kind
	text    map[string]string    // ID -> folded search text
	titles  map[string]string    // ID -> folded title, the sort key of lists
	rev     uint64
	// changed counts the index's changes of each kind, and loads those of every kind: a figure kept (see
	// Keep) is good while the counts it was derived at hold.
	changed map[data.Kind]uint64
	loads   uint64
	kept    map[string]keptFigure
	clock   data.Clock // stamps changes for sync; its Device is empty until DeviceID is first needed
	sentRev uint64     // SyncState.SentRev: versions up to this revision have been shared

	draftOrder draftOrder // orders the background writes of forms' drafts
	importing  sync.Mutex // one JSON import at a time: each writes its copy of the file under one name
	// notedTx is bbolt's last transaction when Open found the file as its note says (see checkedBefore),
	// -1 otherwise: if no write followed, Close need not note the file again.
	notedTx int
	// unsound is set when records of a file Open trusted did not load: Close then forgets its note, as it
	// does for a file with a record set aside, so that the next Open reads every record again.
	unsound bool
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Dir is the data folder holding the database and its backups.
func (s *Store) Dir() string { return filepath.Dir(s.path) }

// Close gives back the room bbolt keeps past the data for the next writes (see giveBackSpace), notes the
// file as sound for the next Open (see checkedBefore), and releases the file so another Accord can open it.
func (s *Store) Close() error {
	s.giveBackSpace()
	s.noteSound()
	return s.db.Load().Close()
}

// noteSound notes the file as it is now as sound — it passed the full check, or was as a note said, and
// this Accord wrote everything since — unless it is unchanged since Open found it as noted. It holds
// bbolt's writer lock meanwhile (in a transaction it then rolls back), so no write is halfway.
func (s *Store) noteSound() {
	s.mu.RLock()
	unsound := s.unsound || len(s.damaged) > 0
	s.mu.RUnlock()
	if unsound {
		os.Remove(s.path + checkedSuffix)
		return
	}
	s.db.Load().Update(func(tx *bolt.Tx) error {
		if tx.ID()-1 != s.notedTx {
			if err := noteChecked(s.path); err != nil {
				os.Remove(s.path + checkedSuffix) // no note is better than one that may not match
			}
		}
		return errWriteNothing
	})
}

// indexed loads every record into the index if it is not loaded yet: Open leaves that to the first
// need when it trusted the file's note. What needs the index calls this before it takes s.mu. A failure
// is returned to callers that can return one; the others see no records. The search text is left to
// the first search (see searchable).
func (s *Store) indexed() error { return s.loadIndex(false) }

// loadIndex is indexed, with the search text when search is set.
func (s *Store) loadIndex(search bool) error {
	s.mu.RLock()
	loaded := s.records != nil
	s.mu.RUnlock()
	if loaded {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.records != nil {
		return nil
	}
	if err := s.db.Load().View(func(tx *bolt.Tx) error { return s.loadRecords(tx, search) }); err != nil {
		s.unsound = true
		return openFailure(data.CodeDamaged, s.path, err)
	}
	return nil
}

// LoadIndex loads every record into the index now, with their search text, if it is not loaded yet (see
// Open): the window does it before it shows the data, so that neither lists nor the first search wait
// for it, and a file that fails is explained as Open explains one. A low GC target while it loads keeps
// the window's peak memory close to what the index really holds.
func (s *Store) LoadIndex() error {
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	if err := s.loadIndex(true); err != nil {
		return err
	}
	s.searchable()
	return nil
}

// Rev is the store's latest revision: every save raises it by one.
func (s *Store) Rev() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.rev
}

// Save validates the record, stamps its ID, times, revision and clock stamp, writes it and updates the
// index. On failure the record is left as it was, so the user can fix the problem and save again. A copy
// read before the stored record last changed (by a sync, say) is refused with ErrChangedElsewhere rather
// than saved over that change.
func (s *Store) Save(r data.Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.stampAndWrite(edit{what: yourChange}, []data.Record{r})
}

// Rebase makes r — a copy read before its record changed elsewhere — a change of the record as it is now,
// so that saving r keeps what r says over the other change. The window does this only once the user has
// seen what changed and chosen their own version.
func (s *Store) Rebase(r data.Record) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if current := s.current(r.Kind(), r.Common().ID); current != nil {
		r.Common().Rev = current.Common().Rev
	}
}

// current is the record as stored now, or nil: from the index, or, before the index is loaded, decoded
// from the file. The caller holds s.mu, and reads the record only.
func (s *Store) current(k data.Kind, id string) data.Record {
	if s.records != nil {
		return s.records[k][id]
	}
	r, err := s.get(k, id)
	if err != nil {
		return nil
	}
	return r
}

// SaveAll is Save for many records — demo data, imports, sync — in one transaction, so one fsync however
// many there are. Every record is validated before any is written: if one is invalid, or the write fails,
// nothing is saved and every record is left as it was.
func (s *Store) SaveAll(rs []data.Record) error {
	if err := validateAll(rs); err != nil {
		return err
	}
	return s.stampAndWrite(edit{what: yourChange}, rs)
}

// ImportAll is SaveAll for records an import made and hands over: nothing else holds them or changes them
// afterwards, so the index keeps them as they are instead of a copy decoded from what was written (a
// third of the work of importing 100,000 rows of a spreadsheet), and a write that fails is the import's.
func (s *Store) ImportAll(rs []data.Record) error {
	if err := validateAll(rs); err != nil {
		return err
	}
	// What is encoded and written piles up on the records, all of them live until the commit: collect the
	// garbage of encoding them sooner (an import of 100,000 rows peaked about 30 MB higher).
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	return s.stampAndWrite(edit{what: theImport, handedOver: true}, rs)
}

func validateAll(rs []data.Record) error {
	for i, r := range rs {
		if err := r.Validate(); err != nil {
			return fmt.Errorf("record %d of %d, %s %q: %w", i+1, len(rs), r.Kind(), r.Title(), err)
		}
	}
	return nil
}

func (s *Store) stampAndWrite(e edit, rs []data.Record) error {
	now := s.Now().UTC()
	before := make([]data.Meta, len(rs))
	for i, r := range rs {
		m := r.Common()
		before[i] = *m
		if m.ID == "" {
			m.ID = data.NewID()
		}
		if m.CreatedAt.IsZero() {
			m.CreatedAt = now
		}
		m.UpdatedAt = now
	}
	s.mu.Lock()
	err := s.writeLocked(e, rs...)
	s.mu.Unlock()
	if err != nil {
		for i, r := range rs {
			*r.Common() = before[i]
		}
		return err
	}
	return nil
}

// write stores the records under new revisions and clock stamps in one transaction, with extra work (if
// any) in the same transaction, and indexes a copy of what was written.
func (s *Store) write(extra func(tx *bolt.Tx) error, rs ...data.Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writeLocked(edit{what: yourChange, extra: extra}, rs...)
}

// What the user calls a write that fails, in data.OSProblem's sentences (i18n:keys).
const (
	yourChange = "Your change"
	theImport  = "The import"
)

// edit is how one write goes through writeLocked.
type edit struct {
	what  string                  // what the user calls it when it fails: yourChange, theImport
	extra func(tx *bolt.Tx) error // more work in the same transaction, or nil
	// notedFrom is, for each record, what its wording version and history are noted against; nil means
	// the copy here it replaces (see data.Versioned and data.Historied).
	notedFrom []data.Record
	// handedOver: no one else holds the records (an import read them from its file), so the index
	// keeps them as they are instead of a copy decoded from what was written.
	handedOver bool
}

// writeLocked is the one path every change made on this laptop takes — a save, a move to the Trash, an
// import: each record gets the next revision, a fresh stamp of this laptop's clock made from the version
// it replaces, and its wording version (an agreement) or dated history (a partner's stages, a need's days)
// noted. The caller holds s.mu for writing.
func (s *Store) writeLocked(e edit, rs ...data.Record) error {
	if _, err := s.deviceID(); err != nil {
		return err
	}
	olds := make([]data.Record, len(rs))
	for i, r := range rs {
		if olds[i] = s.current(r.Kind(), r.Common().ID); olds[i] != nil && olds[i].Common().Rev > r.Common().Rev {
			return fmt.Errorf("save %s %q: %w", r.Kind(), r.Title(), ErrChangedElsewhere)
		}
	}
	encoded, err := s.stampAll(e, rs, olds, s.rev)
	if err != nil {
		return err
	}
	if err := s.put(rs, encoded, s.rev+uint64(len(rs)), e.extra); err != nil {
		if p := data.OSProblem(e.what, s.path, err); p != nil {
			err = p
		}
		return fmt.Errorf("save %d records, first %s %q: %w", len(rs), rs[0].Kind(), rs[0].Title(), err)
	}
	switch {
	case s.records == nil: // the index, when it loads, reads what was written
		return nil
	case e.handedOver:
		for _, r := range rs {
			s.index(entryOf(r, s.text != nil))
		}
		return nil
	}
	return s.indexCopies(rs, encoded)
}

// stampAll gives each record the next revision after rev, a fresh stamp of this laptop's clock made from
// the version it replaces (olds, nil where there is none), and its wording version or dated history noted;
// and returns each encoded. The caller holds s.mu for writing.
func (s *Store) stampAll(e edit, rs, olds []data.Record, rev uint64) ([][]byte, error) {
	now := s.Now()
	encoded := make([][]byte, len(rs))
	for i, r := range rs {
		m := r.Common()
		m.Rev = rev + uint64(i) + 1
		old := olds[i]
		s.stamp(m, old, now)
		from := old
		if e.notedFrom != nil {
			from = e.notedFrom[i]
		}
		if v, ok := r.(data.Versioned); ok {
			v.NoteWording(from, now)
		}
		if h, ok := r.(data.Historied); ok {
			h.NoteHistory(from, data.DateOf(now))
		}
		b, err := json.Marshal(r)
		if err != nil {
			return nil, fmt.Errorf("encode %s %s: %w", r.Kind(), m.ID, err)
		}
		encoded[i] = b
	}
	return encoded, nil
}

// put writes encoded records in one transaction, with extra work (if any) in the same transaction, and
// makes rev the store's revision. The caller holds s.mu for writing, and indexes the records after.
func (s *Store) put(rs []data.Record, encoded [][]byte, rev uint64, extra func(tx *bolt.Tx) error) error {
	err := s.update(func(tx *bolt.Tx) error { return s.putAll(tx, rs, encoded, rev, extra) })
	if err == nil {
		s.rev = rev
	}
	return err
}

// putAll is put's work in the transaction: of the open database, or of an import's copy of it. The caller
// holds s.mu for writing.
func (s *Store) putAll(tx *bolt.Tx, rs []data.Record, encoded [][]byte, rev uint64, extra func(tx *bolt.Tx) error) error {
	for i, r := range rs {
		b := tx.Bucket([]byte(r.Kind()))
		b.FillPercent = fillPercent
		if err := b.Put([]byte(r.Common().ID), seal(encoded[i])); err != nil {
			return err
		}
	}
	if extra != nil {
		if err := extra(tx); err != nil {
			return err
		}
	}
	return s.putRev(tx, rev)
}

// putRev stores the store's revision and its clock, which must never go back even if the laptop's does.
func (s *Store) putRev(tx *bolt.Tx, rev uint64) error {
	meta := tx.Bucket([]byte(bucketMeta))
	return errors.Join(putUint(meta, keyRev, rev), meta.Put([]byte(keyClock), []byte(s.clock.Last.String())))
}

// stamp gives a version about to be written its clock stamp, and its ancestry: the version it replaces,
// when that one has been shared with other laptops (an unshared one is no one else's to conflict with),
// with that one's ancestry and any the version already holds (a conflict's, when one is resolved). The
// caller holds s.mu for writing.
func (s *Store) stamp(m *data.Meta, old data.Record, now time.Time) {
	if old != nil {
		om := old.Common()
		from := om.Prev
		if om.Rev <= s.sentRev || om.Stamp().Device != s.clock.Device {
			from = ancestry(om.Stamp(), om.Prev)
		}
		m.Prev = mergeAncestry(m.Prev, from)
	}
	m.HLC = s.clock.Tick(now).String()
}

// Delete moves a record to the Trash; Undelete brings it back.
func (s *Store) Delete(k data.Kind, id string) error { return s.setDeleted(k, id, true) }

// Undelete takes a record out of the Trash.
func (s *Store) Undelete(k data.Kind, id string) error { return s.setDeleted(k, id, false) }

func (s *Store) setDeleted(k data.Kind, id string, deleted bool) error {
	r, err := s.get(k, id)
	if err != nil {
		return err
	}
	m := r.Common()
	m.Deleted = deleted
	m.DeletedAt = time.Time{}
	if deleted {
		m.DeletedAt = s.Now().UTC()
	}
	m.UpdatedAt = s.Now().UTC()
	return s.write(nil, r)
}

// get decodes a fresh copy of one record from the file, for the caller to edit.
func (s *Store) get(k data.Kind, id string) (data.Record, error) {
	r := data.NewRecord(k)
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(k)).Get([]byte(id))
		if b == nil {
			return ErrNotFound
		}
		record, err := unseal(k, []byte(id), b)
		if err != nil {
			return err
		}
		return json.Unmarshal(record, r)
	})
	if err != nil {
		return nil, fmt.Errorf("get %s %s: %w", k, id, err)
	}
	return r, nil
}

// Get returns an editable copy of one record, or an error wrapping ErrNotFound.
func Get[T any, P data.RecordPtr[T]](s *Store, id string) (P, error) {
	r, err := s.get(data.KindOf[T, P](), id)
	if err != nil {
		return nil, err
	}
	return r.(P), nil
}

// GetRecord is Get for a record whose kind is known only as it runs.
func (s *Store) GetRecord(k data.Kind, id string) (data.Record, error) { return s.get(k, id) }

// Records lists the live records of a kind, sorted by title. They are shared with the index: read them,
// and Get a copy to edit.
func (s *Store) Records(k data.Kind) []data.Record { return s.list(k) }

// Record returns the indexed record of a kind with an ID (deleted ones too), or nil. Like Records, it is
// read-only. Before the index is loaded, it is decoded from the file at each call.
func (s *Store) Record(k data.Kind, id string) data.Record {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.current(k, id)
}

func (s *Store) list(k data.Kind) []data.Record { return s.listed(k).records }

// listed is the live records of a kind by title, with their search text beside them: a search reads it
// in order rather than looking each record's up.
type listed struct {
	records []data.Record
	texts   []string
}

func (s *Store) listed(k data.Kind) listed {
	if s.indexed() != nil {
		return listed{}
	}
	s.mu.RLock()
	if cached, ok := s.sorted[k]; ok {
		s.mu.RUnlock()
		return cached
	}
	s.mu.RUnlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	// Sorted with each title beside its record: looking titles up at each comparison took a tenth of
	// the annual report's time at 10,000 partners.
	type titled struct {
		title, id string
		r         data.Record
	}
	var byTitle []titled
	for id, r := range s.records[k] {
		if !r.Common().Deleted {
			byTitle = append(byTitle, titled{s.titles[id], id, r})
		}
	}
	slices.SortFunc(byTitle, func(a, b titled) int { return cmp.Or(strings.Compare(a.title, b.title), strings.Compare(a.id, b.id)) })
	var live []data.Record
	var texts []string
	for _, t := range byTitle {
		live = append(live, t.r)
		texts = append(texts, s.text[t.id])
	}
	s.sorted[k] = listed{live, texts}
	return s.sorted[k]
}

// keptFigure is a figure Keep derived, with the counts of changes it was derived at.
type keptFigure struct {
	at    []uint64
	value any
}

// Keep returns the figure kept under key while no record of the kinds changed since it was derived, and
// derives it again otherwise (data.Keeper). derive runs without the store's lock: a change meanwhile
// leaves the figure kept at the counts from before it, so the next call derives it again.
func (s *Store) Keep(key string, kinds []data.Kind, derive func() any) any {
	s.mu.RLock()
	at := append(make([]uint64, 0, len(kinds)+1), s.loads)
	for _, k := range kinds {
		at = append(at, s.changed[k])
	}
	f, ok := s.kept[key]
	s.mu.RUnlock()
	if ok && slices.Equal(f.at, at) {
		return f.value
	}
	value := derive()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.kept == nil {
		s.kept = map[string]keptFigure{}
	}
	s.kept[key] = keptFigure{at, value}
	return value
}

// changedKind notes a change to the index's records of a kind. The caller holds s.mu for writing.
func (s *Store) changedKind(k data.Kind) {
	delete(s.sorted, k)
	if s.changed == nil {
		s.changed = map[data.Kind]uint64{}
	}
	s.changed[k]++
}

// Count is the number of live records of a kind.
func (s *Store) Count(k data.Kind) int { return len(s.list(k)) }

// Trash lists deleted records of every kind, most recently deleted first.
func (s *Store) Trash() []data.Record {
	if s.indexed() != nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []data.Record
	for _, byID := range s.records {
		for _, r := range byID {
			if r.Common().Deleted {
				out = append(out, r)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Common().DeletedAt.After(out[j].Common().DeletedAt) })
	return out
}

// Organisation returns an editable copy of our own group's record; a new store has an empty one.
func (s *Store) Organisation() *data.Organisation {
	o, err := Get[data.Organisation](s, data.OrganisationID)
	if err != nil {
		return &data.Organisation{Meta: data.Meta{ID: data.OrganisationID}, PaperSize: data.PaperA4}
	}
	return o
}

func putUint(b *bolt.Bucket, key string, v uint64) error {
	return b.Put([]byte(key), []byte(fmt.Sprint(v)))
}

func getUint(b *bolt.Bucket, key string) (uint64, error) {
	raw := b.Get([]byte(key))
	if raw == nil {
		return 0, nil
	}
	var v uint64
	if _, err := fmt.Sscan(string(raw), &v); err != nil {
		return 0, fmt.Errorf("meta %s %q: %w", key, raw, err)
	}
	return v, nil
}

var errNoMeta = errors.New("no meta bucket: not an Accord database")
