package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's file layout, read here only to refuse a damaged file before bbolt maps it: bbolt trusts the page
// count in its meta page, and reading a page past the end of a mapped file kills the process (SIGBUS)
// instead of returning an error; see also checkPageHeaders and checkTree.
const (
	boltMagic      = 0xED0CDAED
	pageHeaderSize = 16
	metaSize       = 64 // magic, version, page size, flags, root, sequence, freelist, pgid, txid, checksum
	noFreelist     = 1<<64 - 1
	// A page header is its number (8 bytes), one of these flags (2), a count (2) and an overflow (4).
	branchPage, leafPage, metaPage, freelistPage = 0x01, 0x02, 0x04, 0x10
)

// checkLength reads both meta pages and returns an error when the newest valid one describes more pages
// than the file holds, or a page tree bbolt could not safely walk (see checkPageHeaders and checkTree).
func checkLength(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	pageSize, pages, newest, err := readMeta(f)
	if err != nil {
		return err
	}
	if pages < 0 || pages > size/pageSize {
		return fmt.Errorf("file is %d bytes but holds %d pages of %d bytes: it was cut short", size, pages, pageSize)
	}
	if err := checkPageHeaders(f, pageSize, pages, binary.LittleEndian.Uint64(newest[pageHeaderSize+32:])); err != nil {
		return err
	}
	return checkTree(f, pageSize, pages, binary.LittleEndian.Uint64(newest[pageHeaderSize+16:]))
}

// readMeta reads the page size and the newest valid meta page, and the number of pages it says the data
// takes: the data ends there, and nothing past it is read.
func readMeta(f *os.File) (pageSize, pages int64, newest []byte, err error) {
	first := make([]byte, pageHeaderSize+metaSize)
	if _, err := io.ReadFull(f, first); err != nil {
		return 0, 0, nil, fmt.Errorf("read first page: %w", err)
	}
	pageSize = int64(binary.LittleEndian.Uint32(first[pageHeaderSize+8:]))
	if pageSize < 512 || pageSize > 1<<20 {
		return 0, 0, nil, errors.New("not a database file")
	}
	second := make([]byte, pageHeaderSize+metaSize)
	if _, err := f.ReadAt(second, pageSize); err != nil {
		second = nil
	}
	if newest = newestMeta(first, second); newest == nil {
		return 0, 0, nil, errors.New("no valid meta page")
	}
	return pageSize, int64(binary.LittleEndian.Uint64(newest[pageHeaderSize+40:])), newest, nil
}

// checkPageHeaders makes sure the pages bbolt's consistency check looks up by number before anything Open
// reads itself — both meta pages and the freelist — say they are the page they should be. bbolt asserts
// that on a goroutine of its own, where a failed assertion ends the whole program.
func checkPageHeaders(f *os.File, pageSize, pages int64, freelist uint64) error {
	ids := []uint64{0, 1}
	if freelist != noFreelist {
		if freelist >= uint64(pages) {
			return fmt.Errorf("the freelist is on page %d, past the last page %d", freelist, pages-1)
		}
		ids = append(ids, freelist)
	}
	header := make([]byte, pageHeaderSize)
	for _, id := range ids {
		if _, err := f.ReadAt(header, int64(id)*pageSize); err != nil {
			return fmt.Errorf("read page %d: %w", id, err)
		}
		if got := binary.LittleEndian.Uint64(header); got != id {
			return fmt.Errorf("page %d says it is page %d", id, got)
		}
		switch binary.LittleEndian.Uint16(header[8:]) {
		case branchPage, leafPage, metaPage, freelistPage:
		default:
			return fmt.Errorf("page %d is of no known type", id)
		}
		overflow := uint64(binary.LittleEndian.Uint32(header[12:]))
		if overflow >= uint64(pages)-id {
			return fmt.Errorf("page %d runs on past the end of the file", id)
		}
		if id == freelist {
			if err := checkFreelistCount(f, header, pageSize, overflow); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkFreelistCount makes sure the freelist holds no more page numbers than its pages have room for:
// bbolt would allocate room for as many as the count says, and a huge count exhausts the memory.
func checkFreelistCount(f *os.File, header []byte, pageSize int64, overflow uint64) error {
	count, room := uint64(binary.LittleEndian.Uint16(header[10:])), (uint64(pageSize)*(overflow+1)-pageHeaderSize)/8
	if count == 0xFFFF { // the real count is the first number after the header
		first := make([]byte, 8)
		if _, err := f.ReadAt(first, int64(binary.LittleEndian.Uint64(header))*pageSize+pageHeaderSize); err != nil {
			return fmt.Errorf("read the freelist: %w", err)
		}
		count, room = binary.LittleEndian.Uint64(first), room-1
	}
	if count > room {
		return fmt.Errorf("the freelist counts %d pages but has room for %d", count, room)
	}
	return nil
}

// newestMeta is the valid meta page (each with its page header) with the higher transaction number, or nil.
func newestMeta(pages ...[]byte) []byte {
	var newest []byte
	for _, m := range pages {
		if len(m) < pageHeaderSize+metaSize || !validMeta(m[pageHeaderSize:]) {
			continue
		}
		if newest == nil || txid(m) > txid(newest) {
			newest = m
		}
	}
	return newest
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
