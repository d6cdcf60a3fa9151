package store

import (
	"errors"
	"fmt"
	"os"
	"runtime"

	bolt "go.etcd.io/bbolt"
)

// update runs one write transaction and, when it fails, gives back the space the failed write took.
//
// bbolt writes a transaction's new pages past the end of the data before it records them as part of it,
// growing the file as it goes. When the disk fills up halfway (a large import, most often), the transaction
// is undone but the file keeps the pages written until then: on a full disk, all of its free space. The
// pages past the data are no one's, so the file is cut back to the data's end (see giveBackSpace).
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	err := s.db.Load().Update(fn)
	if err != nil {
		s.giveBackSpace() // as best it can: the write's own error is what the user must hear
	}
	return err
}

// giveBackSpace cuts the file back to the end of its data: the high-water mark of the newest transaction,
// past which bbolt reads nothing, and from which it grows the file again when a write needs more. It holds
// bbolt's writer lock while it does (in a transaction it then rolls back), so that no write of another
// goroutine is halfway through lengthening the file.
//
// On Windows bbolt sets the file's length to its memory map's before writing into it, so a failed write
// cannot grow the file past the map (which grows in steps, as the data does), and a mapped file cannot be
// cut short anyway: there is nothing to give back, and nothing is tried.
func (s *Store) giveBackSpace() error {
	if runtime.GOOS == "windows" {
		return nil
	}
	err := s.db.Load().Update(func(tx *bolt.Tx) error {
		info, err := os.Stat(s.path)
		if err == nil && info.Size() > tx.Size() {
			err = os.Truncate(s.path, tx.Size())
		}
		if err != nil {
			return fmt.Errorf("give back the space past the data of %s: %w", s.path, err)
		}
		return errWriteNothing
	})
	if errors.Is(err, errWriteNothing) {
		return nil
	}
	return err
}

// errWriteNothing rolls back a write transaction taken only for its lock.
var errWriteNothing = errors.New("nothing to write")

// cutBackBeforeOpen cuts a file far longer than its data back to the data's end, before bbolt maps it.
// On Windows a write that failed (a full disk during a large import) keeps the room it took while the file
// stays mapped (see giveBackSpace): it is given back here, at the next start. A file some other Accord
// holds open is left alone.
func cutBackBeforeOpen(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil // no file yet, or one Open will explain
	}
	defer f.Close()
	release, alone := holdAlone(f)
	if !alone {
		return nil
	}
	defer release()
	pageSize, pages, _, err := readMeta(f)
	info, statErr := f.Stat()
	if err != nil || statErr != nil {
		return nil // not a database Accord can read: Open says so
	}
	if end := pages * pageSize; info.Size() > 2*end+slack {
		if err := f.Truncate(end); err != nil {
			return fmt.Errorf("give back the space past the data of %s: %w", path, err)
		}
	}
	return nil
}

// slack is how much longer than twice its data a file may be before cutBackBeforeOpen cuts it: bbolt on
// Windows keeps the file as long as its memory map, which grows in steps, doubling.
const slack = 64 << 20
