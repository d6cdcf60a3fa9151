package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"accord/data"
)

// Options tune Open.
type Options struct {
	// LockTimeout is how long to wait for another Accord to let go of the file; zero means one second.
	LockTimeout time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.LockTimeout == 0 {
		o.LockTimeout = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Open opens (or creates) the database at path. An existing file is first read in full with bbolt in
// read-only mode — so locked, damaged, unreadable or newer files are refused with a *data.PlainError that
// says why (see openFailure) and left exactly as they were — and indexed in the same pass; a file that is,
// byte for byte, one this Accord knew to be sound (see checkedBefore) is not read again, and its records
// are indexed when something first needs them (see indexed): a one-shot command that prints one MOU never
// decodes the other records. Only then is it opened for writing, and upgraded (after a backup) if an
// older Accord wrote it.
func Open(path string, opt Options) (*Store, error) {
	opt = opt.withDefaults()
	s := &Store{path: path, lockTimeout: opt.LockTimeout, Now: opt.Now, notedTx: -1}
	seen, err := s.examine(opt.LockTimeout)
	if err != nil {
		return nil, err
	}
	_ = cutBackBeforeOpen(path) // as best it can, like giveBackSpace: the data is as it was either way
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.LockTimeout, InitialMmapSize: initialMap()})
	if err != nil {
		return nil, openError(path, err)
	}
	db.AllocSize = growStep
	s.db.Store(db)
	// Holding the database now, tidy what an Accord stopped halfway may have left.
	removeLeftovers(path, opt.Now())
	s.giveBackSpace()
	if seen.txid == lastTx(db) && (seen.indexed || seen.sound) {
		if seen.sound {
			s.notedTx = seen.txid
		}
		if err := db.View(s.readMeta); err != nil {
			db.Close()
			return nil, openFailure(data.CodeDamaged, path, err)
		}
		return s, nil
	}
	// A new or older file, or (rarely) one another Accord wrote between the two opens: set up and index now.
	if err := s.prepare(seen.version); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// initialMap is how much of the file bbolt maps into memory from the start. Each time a write outgrows the
// map, bbolt maps the file afresh and copies every value the transaction holds — an import of 300 MB of
// attachments copied them a dozen times, and peaked at five times its size. Mapping 1 GB from the start
// costs only address space on 64-bit Linux and macOS, where the map may run past the end of the file. On
// Windows the file must be as long as its map, so it grows as bbolt sees fit.
func initialMap() int {
	if runtime.GOOS == "windows" || strconv.IntSize < 64 {
		return 0
	}
	return 1 << 30
}

// growStep is how far past its data bbolt lengthens the file when a write needs more room, so that not
// every such write syncs the file's length. bbolt's own 16 MB would, with the map set from the start,
// apply from the first record (20 partners showed as a 16 MB file); Close gives back what is unused.
const growStep = 1 << 20

// examined is what the read-only pass found.
type examined struct {
	version int  // schema version; 0 for a new or empty file
	indexed bool // the records were loaded into the index
	sound   bool // the file is one known to be sound, not read again (see checkedBefore)
	txid    int  // bbolt's last transaction when they were
}

// examine looks at an existing file without writing to it.
func (s *Store) examine(timeout time.Duration) (examined, error) {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return examined{}, openFailure(data.CodeUnreadable, s.path, err)
	}
	info, err := os.Stat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return examined{}, nil
	case err != nil:
		return examined{}, openFailure(data.CodeUnreadable, s.path, err)
	case info.Size() == 0:
		// bbolt would quietly make an empty file a new database; an Accord file is never empty.
		return examined{}, openFailure(data.CodeDamaged, s.path, errors.New("file is empty"))
	}
	if txid, ok := checkedBefore(s.path); ok {
		return examined{version: SchemaVersion, sound: true, txid: txid}, nil
	}
	if err := checkLength(s.path, info.Size()); err != nil {
		return examined{}, openError(s.path, err) // damaged, or not ours to read
	}
	return s.verify(timeout)
}

// verify reads the whole file read-only: every page, bbolt's consistency check, the schema version, and —
// when the schema is current — every record into the index. A file bbolt made but Accord never filled (a
// first start cut short) counts as new.
func (s *Store) verify(timeout time.Duration) (seen examined, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = openFailure(data.CodeDamaged, s.path, fmt.Errorf("panic while reading: %v", r))
		}
	}()
	// PreLoadFreelist reads the freelist here, where a damaged one panics into the recover above, instead
	// of in bbolt's check below, whose goroutine of its own would take the whole program down.
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout, PreLoadFreelist: true})
	if err != nil {
		return seen, openError(s.path, err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		// Touch every page here first, where a fault in the mapped file becomes a panic we recover,
		// before bbolt's own check runs on a goroutine of its own. Both run before a file with no buckets
		// counts as new: a damaged root can hide every bucket, and the check then finds their pages.
		if err := walk(tx); err != nil {
			return err
		}
		if err := firstCheckError(tx); err != nil {
			return err
		}
		if tx.ForEach(func([]byte, *bolt.Bucket) error { return errNoMeta }) == nil {
			return nil // no buckets at all
		}
		if seen.version, err = schemaOf(tx); err != nil || seen.version > SchemaVersion {
			return err
		}
		if err := checkBuckets(tx, seen.version); err != nil || seen.version < SchemaVersion {
			return err
		}
		seen.indexed, seen.txid = true, tx.ID()
		return s.load(tx)
	})
	switch {
	case err != nil:
		return seen, openFailure(data.CodeDamaged, s.path, err)
	case seen.version > SchemaVersion:
		return seen, openFailure(data.CodeNewer, s.path, fmt.Errorf("schema %d, this Accord reads up to %d", seen.version, SchemaVersion))
	}
	return seen, nil
}

func lastTx(db *bolt.DB) int {
	id := -1
	db.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil })
	return id
}

// openError classifies an error from bolt.Open.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return openFailure(data.CodeLocked, path, err)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return openFailure(data.CodeUnreadable, path, err)
	}
	return openFailure(data.CodeDamaged, path, err)
}

func schemaOf(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil {
		return 0, errNoMeta
	}
	v, err := getUint(meta, keySchema)
	if err != nil || v == 0 {
		return 0, fmt.Errorf("no schema version: %w", err)
	}
	return int(v), nil
}

// readMeta reads the store's revision, its clock and the shared revision.
func (s *Store) readMeta(tx *bolt.Tx) (err error) {
	if s.rev, err = getUint(tx.Bucket([]byte(bucketMeta)), keyRev); err != nil {
		return err
	}
	return s.loadSync(tx)
}

// load reads the store's revision and decodes every record into the in-memory index, without the search
// text (see searchable). A low GC target while it runs keeps the peak memory of a large file's start-up
// close to what the index really holds.
func (s *Store) load(tx *bolt.Tx) (err error) {
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	if err := s.readMeta(tx); err != nil {
		return err
	}
	return s.loadRecords(tx, false)
}

// loadRecords decodes every record into the in-memory index, on every core, with the search text when
// search is set.
func (s *Store) loadRecords(tx *bolt.Tx, search bool) (err error) {
	s.records = map[data.Kind]map[string]data.Record{}
	s.sorted = map[data.Kind]listed{}
	s.loads++
	s.text = nil
	if search {
		s.text = map[string]string{}
	}
	s.titles = map[string]string{}
	defer func() {
		if err != nil {
			s.records = nil // not loaded: the next need tries again
		}
	}()
	type job struct {
		kind       data.Kind
		key, value []byte
	}
	jobs, done := make(chan job, 256), make(chan indexEntry, 256)
	errs := make(chan error, runtime.GOMAXPROCS(0)+1)
	var workers sync.WaitGroup
	var asideMu sync.Mutex
	var aside []*DamagedRecord
	for range runtime.GOMAXPROCS(0) {
		workers.Go(func() {
			var failed error
			for j := range jobs {
				if failed != nil {
					continue // keep draining, so the reader never blocks
				}
				failed = safely(func() error {
					value, err := unseal(j.kind, j.key, j.value)
					var d *DamagedRecord
					if errors.As(err, &d) {
						asideMu.Lock()
						aside = append(aside, d)
						asideMu.Unlock()
						return nil
					}
					r := data.NewRecord(j.kind)
					if err := json.Unmarshal(value, r); err != nil {
						return fmt.Errorf("%s %s: %w", j.kind, j.key, err)
					}
					done <- entryOf(r, search)
					return nil
				})
			}
			errs <- failed
		})
	}
	go func() {
		errs <- safely(func() error {
			defer close(jobs)
			for _, k := range data.RecordKinds {
				err := tx.Bucket([]byte(k)).ForEach(func(key, v []byte) error {
					jobs <- job{k, key, v}
					return nil
				})
				if err != nil {
					return err
				}
				forgetPages(tx) // after each kind, so the pages of no more than one count at a time
			}
			return nil
		})
		workers.Wait()
		close(done)
	}()
	for e := range done {
		s.index(e)
	}
	close(errs)
	for _, d := range aside {
		s.setAside(d)
	}
	for e := range errs {
		err = cmp.Or(err, e)
	}
	return err
}

// safely runs f, which reads the mapped file, turning a fault or panic into an error.
func safely(f func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic while loading: %v", r)
		}
	}()
	return f()
}

// walk reads every key and value of every bucket.
func walk(tx *bolt.Tx) error {
	var sum byte
	var visit func(b *bolt.Bucket) error
	visit = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return visit(b.Bucket(k))
			} else if len(k) > 0 {
				sum += k[0]
			}
			for i := 0; i < len(v); i += 512 { // one read per page of a long value
				sum += v[i]
			}
			return nil
		})
	}
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return visit(b) })
}

// firstCheckError runs bbolt's consistency check and returns its first complaint. It reads the check's
// channel to the end: stopping early would leave bbolt's checker reading pages after the file is closed.
func firstCheckError(tx *bolt.Tx) error {
	var first error
	for err := range tx.Check() {
		if first == nil {
			first = err
		}
	}
	return first
}
