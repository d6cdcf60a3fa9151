package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// An import reads its file once, record by record, and writes what it changes as it goes, in batches,
// into a copy of the database; only once the whole file is read and found sound does the copy replace the
// database, in one rename. Memory holds one batch, the IDs the file holds (for the links checked at the
// end) and the links not found yet, never the whole file: an import of 10,000 partners took six times the
// file's size when it held every record until the one transaction that wrote them all. A file with a
// problem, a failed write or a stop halfway leaves the database as it was, and the copy is removed.

// importBatch is how many records an import writes in one transaction of the copy, and importBatchBytes
// how many bytes of attachments.
const (
	importBatch      = 1000
	importBatchBytes = 32 << 20
)

// importSuffix names an import's copy of the database, beside it; it ends in ".partial", so that a copy
// an Accord stopped halfway left is removed at the next start (see removeLeftovers).
const importSuffix = ".import.partial"

// errChangedDuringImport: the database changed (a save in the window, a sync) while the import wrote its
// copy, which the copy does not hold.
var errChangedDuringImport = &data.PlainError{Message: "Your data changed while the import ran, so nothing was imported.",
	Advice: "Import the file again."}

// importer writes an import's records into the copy as the parser hands them over.
type importer struct {
	s   *Store
	sum ImportSummary
	// refused is set at the first problem in the file, failed at the first write that fails: from then on
	// nothing more is written, and the reading only goes on to name every problem.
	refused bool
	failed  error

	batch     []incoming
	files     map[string][]byte // the batch's attachments
	fileBytes int
	added     map[string]bool               // attachments written to the copy
	seen      map[data.Kind]map[string]bool // the IDs of the records read so far
	unlinked  []unlinked                    // records linking to records neither the database nor the file held so far

	copy     *bolt.DB // nil until something is to be written
	copyPath string
	snapshot int    // the database's last transaction when it was copied
	rev      uint64 // the copy's revision
}

// unlinked is a record of the file with the links it holds to records the database does not hold.
type unlinked struct {
	line      int
	kind      data.Kind
	id, title string
	refs      []data.Ref
}

func (s *Store) newImporter() *importer {
	return &importer{s: s, files: map[string][]byte{}, added: map[string]bool{}, seen: map[data.Kind]map[string]bool{},
		sum: ImportSummary{Added: data.Counts{}, Updated: data.Counts{}, Skipped: data.Counts{}}}
}

// refuse stops the writing: the file has a problem, so nothing of it will be imported.
func (imp *importer) refuse() {
	imp.refused = true
	imp.batch, imp.files = nil, nil
}

func (imp *importer) writing() bool { return !imp.refused && imp.failed == nil }

// take is handed each sound record of the file, in the file's order.
func (imp *importer) take(in incoming) {
	if imp.writing() {
		imp.batch = append(imp.batch, in)
		if len(imp.batch) >= importBatch {
			imp.flush()
		}
	}
}

// attach is handed each sound attachment of the file.
func (imp *importer) attach(sha string, content []byte) {
	if imp.writing() && imp.files[sha] == nil {
		imp.files[sha] = content
		if imp.fileBytes += len(content); imp.fileBytes >= importBatchBytes {
			imp.flush()
		}
	}
}

// flush writes the batch, and notes a failure for the end.
func (imp *importer) flush() {
	if imp.writing() && (len(imp.batch) > 0 || len(imp.files) > 0) {
		imp.failed = imp.write()
	}
	imp.batch, imp.files, imp.fileBytes = imp.batch[:0], map[string][]byte{}, 0
}

// write decides, record by record, what the batch changes — a record the database lacks is added, one it
// holds is replaced only when the file's copy was changed later — and writes that into the copy, in one
// transaction. What the database holds is read from it, untouched until the end.
func (imp *importer) write() error {
	var write, olds []data.Record
	files := map[string][]byte{}
	err := imp.s.db.Load().View(func(tx *bolt.Tx) error {
		for _, in := range imp.batch {
			r, m := in.record, in.record.Common()
			imp.noteLinks(tx, in)
			local, err := storedMeta(tx, r.Kind(), m.ID)
			if err != nil {
				return err
			}
			switch {
			case local == nil:
				imp.sum.Added[r.Kind()]++
			case m.UpdatedAt.After(local.Common().UpdatedAt):
				imp.sum.Updated[r.Kind()]++
			default:
				imp.sum.Skipped[r.Kind()]++
				continue
			}
			write, olds = append(write, r), append(olds, local)
		}
		held := tx.Bucket([]byte(bucketAttachments))
		for sha, content := range imp.files {
			if !imp.added[sha] && held.Get([]byte(sha)) == nil {
				files[sha] = content
			}
		}
		return nil
	})
	if err != nil || len(write) == 0 && len(files) == 0 {
		return err
	}
	if err := imp.makeCopy(); err != nil {
		return err
	}
	return imp.put(write, olds, files)
}

// storedMeta is the stored version of a record, decoded as far as its common fields, or nil when there is
// none, or none sound (a damaged one is mended by the import).
func storedMeta(tx *bolt.Tx, k data.Kind, id string) (data.Record, error) {
	raw := tx.Bucket([]byte(k)).Get([]byte(id))
	if raw == nil {
		return nil, nil
	}
	value, err := unseal(k, []byte(id), raw)
	var d *DamagedRecord
	if errors.As(err, &d) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	r := data.NewRecord(k)
	if err := json.Unmarshal(value, r.Common()); err != nil {
		return nil, fmt.Errorf("%s %s: %w", k, id, err)
	}
	return r, nil
}

// noteLinks notes the links of a record to records neither the database nor the file so far holds: the
// rest of the file must hold them.
func (imp *importer) noteLinks(tx *bolt.Tx, in incoming) {
	var missing []data.Ref
	for _, ref := range in.record.References() {
		if !imp.seen[ref.Kind][ref.ID] && tx.Bucket([]byte(ref.Kind)).Get([]byte(ref.ID)) == nil {
			missing = append(missing, ref)
		}
	}
	if len(missing) > 0 {
		m := in.record.Common()
		imp.unlinked = append(imp.unlinked, unlinked{in.line, in.record.Kind(), m.ID, in.record.Title(), missing})
	}
}

// missingLinks names every record of the file that links to a record neither the file nor the database
// holds: imported, its link would point at nothing, which check reports and a report cannot print.
func (imp *importer) missingLinks() []RecordProblem {
	var out []RecordProblem
	for _, u := range imp.unlinked {
		var found []data.Problem
		for _, ref := range u.refs {
			if !imp.seen[ref.Kind][ref.ID] {
				found = append(found, data.Problem{Message: "It links to a record that is neither in the file nor in Accord: %s %s.",
					Args: []any{data.KindNoun(ref.Kind), ref.ID}})
			}
		}
		if len(found) > 0 {
			out = append(out, RecordProblem{Line: u.line, Kind: u.kind, ID: u.id, Title: u.title, Problems: found})
		}
	}
	return out
}

// makeCopy copies the database beside it, once, for the import to write into.
func (imp *importer) makeCopy() error {
	if imp.copy != nil {
		return nil
	}
	s := imp.s
	path := s.path + importSuffix
	os.Remove(path) // a copy an earlier import left, if any
	imp.copyPath = path
	s.mu.RLock() // no write begins meanwhile: the revision is the copy's
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		imp.snapshot = tx.ID()
		return tx.CopyFile(path, 0o600)
	})
	imp.rev = s.rev
	s.mu.RUnlock()
	if err == nil {
		imp.copy, err = bolt.Open(path, 0o600, &bolt.Options{InitialMmapSize: initialMap()})
	}
	if err != nil {
		if p := data.OSProblem(theImport, s.path, err); p != nil {
			err = p
		}
		return fmt.Errorf("copy the data for the import: %w", err)
	}
	imp.copy.AllocSize = growStep
	return nil
}

// put writes records and attachments into the copy in one transaction, through the path every edit made
// here takes, stamped as ImportJSON says. The caller holds neither s.mu nor a transaction of the database.
func (imp *importer) put(write, olds []data.Record, files map[string][]byte) error {
	// In the order of their revisions in the file, as far as a batch goes.
	order := make([]int, len(write))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return write[order[a]].Common().Rev < write[order[b]].Common().Rev })
	rs, from, notedFrom := make([]data.Record, len(write)), make([]data.Record, len(write)), make([]data.Record, len(write))
	for i, j := range order {
		r, m := write[j], write[j].Common()
		rs[i], from[i], notedFrom[i] = r, olds[j], shallowCopy(r)
		m.Prev = ancestry(m.Stamp(), m.Prev)
		m.Rev = 0
		if olds[j] != nil {
			m.Rev = olds[j].Common().Rev
		}
	}
	s := imp.s
	s.mu.Lock()
	defer s.mu.Unlock()
	encoded, err := s.stampAll(edit{what: theImport, notedFrom: notedFrom}, rs, from, imp.rev)
	if err != nil {
		return err
	}
	rev := imp.rev + uint64(len(rs))
	err = imp.copy.Update(func(tx *bolt.Tx) error {
		return s.putAll(tx, rs, encoded, rev, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucketAttachments))
			for sha, content := range files {
				if err := b.Put([]byte(sha), content); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		if p := data.OSProblem(theImport, s.path, err); p != nil {
			err = p
		}
		return fmt.Errorf("import %d records: %w", len(rs), err)
	}
	imp.rev = rev
	for sha := range files {
		imp.added[sha] = true
	}
	imp.sum.Attachments += len(files)
	return nil
}

// swapIn makes the copy the database, in one rename, if the database has not changed since it was copied.
// The index, if loaded, is loaded again from the file when next needed (the window does it at once, see
// LoadIndex): holding every record written until the end would take the memory streaming saves.
func (imp *importer) swapIn() error {
	if imp.copy == nil {
		return nil
	}
	s := imp.s
	err := imp.copy.Close()
	imp.copy = nil
	if err != nil {
		return fmt.Errorf("close the import's copy: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.db.Load()
	if lastTx(old) != imp.snapshot {
		return errChangedDuringImport
	}
	// Closed first: Windows renames no file over one that is open.
	if err := old.Close(); err != nil {
		return fmt.Errorf("close the data for the import: %w", err)
	}
	renamed := os.Rename(imp.copyPath, s.path)
	if renamed == nil {
		imp.copyPath = ""
		syncDir(s.Dir())
	}
	// The import's file, or the database as it was if the rename failed.
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.lockTimeout, InitialMmapSize: initialMap()})
	if err != nil {
		return openError(s.path, err)
	}
	db.AllocSize = growStep
	s.db.Store(db)
	if renamed != nil {
		if p := data.OSProblem(theImport, s.path, renamed); p != nil {
			renamed = p
		}
		return fmt.Errorf("put the imported data in place: %w", renamed)
	}
	s.rev, s.notedTx, s.records = imp.rev, -1, nil
	s.mendedByImport()
	s.giveBackSpace()
	return nil
}

// mendedByImport forgets the damaged records the import stored sound versions of. The caller holds s.mu
// for writing.
func (s *Store) mendedByImport() {
	s.db.Load().View(func(tx *bolt.Tx) error {
		for _, d := range s.damaged {
			if raw := tx.Bucket([]byte(d.Kind)).Get([]byte(d.ID)); raw != nil {
				if _, err := unseal(d.Kind, []byte(d.ID), raw); err == nil {
					s.mended(d.Kind, d.ID)
				}
			}
		}
		return nil
	})
}

// discard removes the copy, unless it replaced the database.
func (imp *importer) discard() {
	if imp.copy != nil {
		imp.copy.Close()
	}
	if imp.copyPath != "" {
		os.Remove(imp.copyPath)
	}
}
