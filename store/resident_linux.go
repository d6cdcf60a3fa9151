package store

import (
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// forgetPages gives back the memory the file's pages take in this process after a read of every record
// (the index's load, 40 MB at 10,000 partners): bbolt reads the file through a memory map, whose pages
// would otherwise count as Accord's for as long as it runs. They stay in the system's file cache, and
// come back at the next read of them. It runs inside a read transaction, so bbolt cannot map the file
// afresh meanwhile.
func forgetPages(tx *bolt.Tx) {
	syscall.Syscall(syscall.SYS_MADVISE, tx.DB().Info().Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
}
