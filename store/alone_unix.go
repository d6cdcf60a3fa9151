//go:build !windows

package store

import (
	"os"
	"syscall"
)

// holdAlone takes the lock bbolt takes on the file, without waiting: false when another Accord holds the
// file open (bbolt holds that lock as long as it has the file), which must not have it cut under its map.
// release gives the lock back.
func holdAlone(f *os.File) (release func(), ok bool) {
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return nil, false
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }, true
}
