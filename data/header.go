package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's file layout, read here only to refuse a cut-short file before bbolt maps it: bbolt trusts the
// page count in its meta page, and reading a page past the end of a mapped file kills the process (SIGBUS)
// instead of returning an error.
const (
	boltMagic      = 0xED0CDAED
	pageHeaderSize = 16
	metaSize       = 64 // magic, version, page size, flags, root, sequence, freelist, pgid, txid, checksum
)

// checkLength reads both meta pages and returns an error when the newest valid one describes more pages
// than the file holds.
func checkLength(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	first := make([]byte, pageHeaderSize+metaSize)
	if _, err := io.ReadFull(f, first); err != nil {
		return fmt.Errorf("read first page: %w", err)
	}
	pageSize := int64(binary.LittleEndian.Uint32(first[pageHeaderSize+8:]))
	if pageSize < 512 || pageSize > 1<<20 {
		return errors.New("not a database file")
	}
	second := make([]byte, pageHeaderSize+metaSize)
	if _, err := f.ReadAt(second, pageSize); err != nil {
		second = nil
	}
	var newest []byte
	for _, m := range [][]byte{first, second} {
		if m == nil || !validMeta(m[pageHeaderSize:]) {
			continue
		}
		if newest == nil || txid(m) > txid(newest) {
			newest = m
		}
	}
	if newest == nil {
		return errors.New("no valid meta page")
	}
	pages := int64(binary.LittleEndian.Uint64(newest[pageHeaderSize+40:]))
	if pages*pageSize > size {
		return fmt.Errorf("file is %d bytes but holds %d pages of %d bytes: it was cut short", size, pages, pageSize)
	}
	return nil
}

func validMeta(m []byte) bool {
	if binary.LittleEndian.Uint32(m) != boltMagic {
		return false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	return h.Sum64() == binary.LittleEndian.Uint64(m[56:])
}

func txid(page []byte) uint64 { return binary.LittleEndian.Uint64(page[pageHeaderSize+48:]) }
