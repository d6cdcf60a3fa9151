package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"sort"

	"accord/data"
)

// maxImportBytes bounds an import file. A group's records export to a few tens of megabytes (10,000
// partners: 42 MB); attachments of up to data.MaxAttachmentBytes each make the rest.
const maxImportBytes = 512 << 20

// maxValueBytes bounds one value of an import file — a record, an attachment in base64 — as it is read, so
// a hostile file with a 1 GB name is refused as the name is read, instead of being buffered whole (the
// JSON decoder doubles its buffer as a value grows) and then decoded. No record comes near it; the largest
// attachment in base64 is 27 MB.
const maxValueBytes = 32 << 20

var errTooLargeToImport = &data.PlainError{Message: "This file is too large to import: Accord takes export files up to 512 MB.",
	Advice: "Nothing was imported. Check that it is an export made by Accord; an export of a group's records is far smaller."}

// errValueTooLarge stops the reading of a value longer than maxValueBytes.
var errValueTooLarge = errors.New("a value of the import file is larger than any record")

// source is an import file as the parser's JSON decoder reads it: piece by piece, never the whole file in
// memory at once (which, beside what the file holds once decoded, made an import take four times the
// file's size), never more than maxImportBytes in all, nor more than maxValueBytes past the start of the
// value being read. It notes where each line ends, to name the line of a problem, and lets the parser
// look at what comes next before the decoder reads it.
type source struct {
	in   *bufio.Reader
	dec  *json.Decoder
	read int64
	// newlines are the offsets of the newlines read since the line asked for before the last (a file is
	// at most maxImportBytes), and before is how many came earlier: the parser asks for lines in the order
	// of the file, at most back to the start of the value it reads, and a list of every newline of a file
	// of a million lines took a fifth of the file's size.
	newlines []uint32
	before   int
	asked    int64 // the offset last asked for
}

// newSource reads r through a decoder of its own. A file larger than maxImportBytes is refused before
// anything is read.
func newSource(r io.Reader) (*source, error) {
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > maxImportBytes {
			return nil, errTooLargeToImport
		}
	}
	s := &source{in: bufio.NewReader(r)}
	s.dec = json.NewDecoder(s)
	return s, nil
}

func (s *source) Read(p []byte) (int, error) {
	room := min(s.dec.InputOffset()+maxValueBytes, maxImportBytes+1) - s.read
	switch {
	case s.read > maxImportBytes:
		return 0, errTooLargeToImport
	case room <= 0:
		return 0, errValueTooLarge
	}
	n, err := s.in.Read(p[:min(int64(len(p)), room)])
	for i := 0; i < n; {
		nl := bytes.IndexByte(p[i:n], '\n')
		if nl < 0 {
			break
		}
		s.newlines = append(s.newlines, uint32(s.read)+uint32(i+nl))
		i += nl + 1
	}
	s.read += int64(n)
	return n, err
}

// lineOf is the line of the byte at offset, among the bytes read so far, and no earlier than the offset
// asked for before the last.
func (s *source) lineOf(offset int64) int {
	if offset > s.asked {
		gone := sort.Search(len(s.newlines), func(i int) bool { return int64(s.newlines[i]) >= s.asked })
		s.before += gone
		s.newlines = append(s.newlines[:0], s.newlines[gone:]...)
		s.asked = offset
	}
	return 1 + s.before + sort.Search(len(s.newlines), func(i int) bool { return int64(s.newlines[i]) >= offset })
}

// lookahead is how far next looks past spaces: an export puts a few between values.
const lookahead = 512

// next is the offset of the next value and its first bytes. The decoder stands just after the last token
// it read, before any spaces, comma or colon; what follows is in its buffer or not yet read, and is looked
// at without being taken from it.
func (s *source) next() (int64, []byte) {
	head, _ := io.ReadAll(io.LimitReader(s.dec.Buffered(), lookahead))
	if len(head) < lookahead {
		more, _ := s.in.Peek(lookahead - len(head))
		head = append(head, more...)
	}
	rest := bytes.TrimLeft(head, " \t\r\n,:")
	return s.dec.InputOffset() + int64(len(head)-len(rest)), rest
}
