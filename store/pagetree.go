package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// bbolt's cursors and its consistency check follow page numbers wherever they point, so a damaged page that
// points back up its own tree sends them round forever (a walk that never ends, or a recursion that ends the
// program). checkTree follows every bucket's pages once, from the root the newest meta page names, before
// bbolt does, and refuses a page number that points outside the file, at a meta page, or at a page already
// met.
const (
	elementSize = 16 // a branch element: position, key size, page; a leaf element: flags, position, key size, value size
	bucketEntry = 0x01
	bucketSize  = 16 // a bucket's value: its root page, then its sequence; root 0 is a bucket inline in the value
	maxDepth    = 64 // far deeper than any real tree
)

var errLoop = errors.New("a page points at a page already met")

type pageTree struct {
	f        *os.File
	pageSize int64
	pages    uint64
	met      []bool
	bufs     [][]byte // one per depth, reused: a branch's buffer must outlive its children's reads
}

func checkTree(f *os.File, pageSize, pages int64, root uint64) error {
	t := &pageTree{f: f, pageSize: pageSize, pages: uint64(pages), met: make([]bool, pages)}
	return t.page(root, 0)
}

// page reads one page (with its overflow) and follows what it points at.
func (t *pageTree) page(id uint64, depth int) error {
	switch {
	case id < 2 || id >= t.pages:
		return fmt.Errorf("a page points at page %d, outside the tree's pages 2 to %d", id, t.pages-1)
	case t.met[id]:
		return fmt.Errorf("page %d: %w", id, errLoop)
	case depth > maxDepth:
		return fmt.Errorf("page %d is %d levels deep", id, depth)
	}
	t.met[id] = true
	for len(t.bufs) <= depth {
		t.bufs = append(t.bufs, make([]byte, t.pageSize))
	}
	buf := t.bufs[depth][:t.pageSize]
	if _, err := t.f.ReadAt(buf, int64(id)*t.pageSize); err != nil {
		return fmt.Errorf("read page %d: %w", id, err)
	}
	if got := binary.LittleEndian.Uint64(buf); got != id {
		return fmt.Errorf("page %d says it is page %d", id, got)
	}
	if overflow := uint64(binary.LittleEndian.Uint32(buf[12:])); overflow > 0 {
		if overflow >= t.pages-id {
			return fmt.Errorf("page %d runs on past the end of the file", id)
		}
		for i := uint64(1); i <= overflow; i++ {
			t.met[id+i] = true
		}
		if size := int64(overflow+1) * t.pageSize; int64(cap(t.bufs[depth])) < size {
			t.bufs[depth] = make([]byte, size)
		}
		buf = t.bufs[depth][:int64(overflow+1)*t.pageSize]
		if _, err := t.f.ReadAt(buf, int64(id)*t.pageSize); err != nil {
			return fmt.Errorf("read page %d: %w", id, err)
		}
	}
	return t.elements(buf, depth, id)
}

// elements checks the elements of a page held in buf — a page of the file, or a bucket inline in a value —
// and follows the pages and buckets they point at.
func (t *pageTree) elements(buf []byte, depth int, id uint64) error {
	flags, count := binary.LittleEndian.Uint16(buf[8:]), int(binary.LittleEndian.Uint16(buf[10:]))
	if pageHeaderSize+count*elementSize > len(buf) {
		return fmt.Errorf("page %d lists more elements than it holds", id)
	}
	for i := range count {
		at := pageHeaderSize + i*elementSize
		e := buf[at : at+elementSize]
		switch flags {
		case branchPage:
			start := at + int(binary.LittleEndian.Uint32(e))
			if start+int(binary.LittleEndian.Uint32(e[4:])) > len(buf) {
				return fmt.Errorf("page %d: key %d lies outside it", id, i)
			}
			if err := t.page(binary.LittleEndian.Uint64(e[8:]), depth+1); err != nil {
				return err
			}
		case leafPage:
			start := at + int(binary.LittleEndian.Uint32(e[4:]))
			ksize, vsize := int(binary.LittleEndian.Uint32(e[8:])), int(binary.LittleEndian.Uint32(e[12:]))
			if start+ksize+vsize > len(buf) {
				return fmt.Errorf("page %d: element %d lies outside it", id, i)
			}
			if binary.LittleEndian.Uint32(e)&bucketEntry != 0 {
				if err := t.bucket(buf[start+ksize:start+ksize+vsize], depth+1, id); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("page %d is neither a branch nor a leaf", id)
		}
	}
	return nil
}

// bucket follows a bucket: to its root page, or into the page inline in its value.
func (t *pageTree) bucket(value []byte, depth int, id uint64) error {
	if len(value) < bucketSize {
		return fmt.Errorf("page %d: a bucket's value is too short", id)
	}
	if root := binary.LittleEndian.Uint64(value); root != 0 {
		return t.page(root, depth)
	}
	inline := value[bucketSize:]
	if len(inline) < pageHeaderSize || binary.LittleEndian.Uint16(inline[8:]) != leafPage {
		return fmt.Errorf("page %d: a small bucket inside it is damaged", id)
	}
	if depth > maxDepth {
		return fmt.Errorf("page %d: buckets nested %d deep", id, depth)
	}
	return t.elements(inline, depth, id)
}
