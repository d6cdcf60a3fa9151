package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Options tune Open.
type Options struct {
	// LockTimeout is how long to wait for another Accord to let go of the file; zero means one second.
	LockTimeout time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Open opens (or creates) the database at path. An existing file is first examined read-only — locked,
// damaged, unreadable or newer files are refused with an *OpenError and left exactly as they were — and
// only then opened for writing, upgraded (after a backup) if it is from an older Accord, and indexed.
func Open(path string, opt Options) (*Store, error) {
	if opt.LockTimeout == 0 {
		opt.LockTimeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	fresh, err := examine(path, opt.LockTimeout)
	if err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.LockTimeout})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, Now: opt.Now}
	if err := s.prepare(fresh); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.load(); err != nil {
		db.Close()
		return nil, &OpenError{ProblemDamaged, path, err}
	}
	return s, nil
}

// examine looks at an existing file without writing to it: fresh is true when there is none yet.
func examine(path string, timeout time.Duration) (fresh bool, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false, &OpenError{ProblemUnreadable, path, err}
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return true, nil
	case err != nil:
		return false, &OpenError{ProblemUnreadable, path, err}
	case info.Size() == 0:
		// bbolt would quietly make an empty file a new database; an Accord file is never empty.
		return false, &OpenError{ProblemDamaged, path, errors.New("file is empty")}
	}
	if err := checkLength(path, info.Size()); err != nil {
		return false, &OpenError{ProblemDamaged, path, err}
	}
	return verify(path, timeout)
}

// verify opens the file read-only and checks its structure and schema version. A file bbolt made but Accord
// never filled (a first start cut short) counts as empty.
func verify(path string, timeout time.Duration) (empty bool, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = &OpenError{ProblemDamaged, path, fmt.Errorf("panic while reading: %v", r)}
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		return false, openError(path, err)
	}
	defer db.Close()
	return empty, db.View(func(tx *bolt.Tx) error {
		// Touch every page here first, where a fault in the mapped file becomes a panic we recover,
		// before bbolt's own check runs on a goroutine of its own.
		if err := walk(tx); err != nil {
			return &OpenError{ProblemDamaged, path, err}
		}
		if err := firstCheckError(tx); err != nil {
			return &OpenError{ProblemDamaged, path, err}
		}
		if empty = tx.ForEach(func([]byte, *bolt.Bucket) error { return errNoMeta }) == nil; empty {
			return nil
		}
		version, err := schemaOf(tx)
		if err != nil {
			return &OpenError{ProblemDamaged, path, err}
		}
		if version > SchemaVersion {
			return &OpenError{ProblemNewer, path, fmt.Errorf("schema %d, this Accord reads up to %d", version, SchemaVersion)}
		}
		return nil
	})
}

// openError classifies an error from bolt.Open.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return &OpenError{ProblemLocked, path, err}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return &OpenError{ProblemUnreadable, path, err}
	}
	return &OpenError{ProblemDamaged, path, err}
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

// load decodes every record into the in-memory index.
func (s *Store) load() (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic while loading: %v", r)
		}
	}()
	s.records = map[Kind]map[string]Record{}
	s.sorted = map[Kind][]Record{}
	s.text = map[string]string{}
	s.titles = map[string]string{}
	return s.db.View(func(tx *bolt.Tx) error {
		rev, err := getUint(tx.Bucket([]byte(bucketMeta)), keyRev)
		if err != nil {
			return err
		}
		s.rev = rev
		for _, k := range RecordKinds {
			err := tx.Bucket([]byte(k)).ForEach(func(key, v []byte) error {
				r := newRecord(k)
				if err := json.Unmarshal(v, r); err != nil {
					return fmt.Errorf("%s %s: %w", k, key, err)
				}
				s.index(r)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
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
