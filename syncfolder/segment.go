package syncfolder

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"

	"accord/data"
	"accord/store"
)

// Layout of a shared folder: Top holds one folder per laptop, named by its device ID, which only that
// laptop writes to. It holds the laptop's segments — its changes, in numbered files — and, in Files, the
// attachments its records use, each named by its SHA-256.
const (
	Top   = "accord-sync"
	Files = "files"
)

// Segment format.
const (
	segmentFormat  = "accord-sync"
	segmentVersion = 1
	maxSegmentSize = 1 << 30 // a bound on what one read takes in, far above any real segment
	// maxEntrySize bounds one line of a segment, one record: far above the largest the window lets anyone
	// make (a 2 MB logo; texts of 100,000 characters), far below what would exhaust a laptop's memory.
	maxEntrySize = 16 << 20
	// A segment may unpack to unpackRatio times its size, and never less than minUnpacked: JSON records
	// pack to a fifth or a tenth of their size, while a file made to unpack to gigabytes packs a
	// thousandfold.
	unpackRatio = 32
	minUnpacked = 64 << 20
)

// Only names of exactly these shapes are read; everything else a sync program leaves beside them
// (".sync-conflict-…", "… (conflicted copy)", ".syncthing.….tmp", "~syncthing~…", desktop.ini, our own
// ".partial") is ignored. A segment's name carries its number, its size and the start of its SHA-256, so a
// file that has not fully arrived yet is known by its name and size alone, and any other damage by its hash.
var (
	deviceName     = regexp.MustCompile(`^[0-9a-f]{16}$`)
	segmentName    = regexp.MustCompile(`^(\d{8})-(\d{1,10})-([0-9a-f]{16})\.seg$`)
	attachmentName = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// segment is one segment file in a laptop's folder.
type segment struct {
	device string // the folder it lies in
	seq    uint64
	size   int64
	hash   string // first 16 hex digits of the SHA-256 of the file
	path   string
}

// ref names the segment, where it lies, in what a round reports.
func (g segment) ref() string { return g.device + "/" + filepath.Base(g.path) }

// id is what the segment is known by once read (see store.SegmentsRead): its contents, not its place or
// number, so that a copy of it anywhere is the same segment and a new one under an old number is not.
func (g segment) id() string { return g.hash }

func segmentFileName(seq uint64, content []byte) string {
	sum := sha256.Sum256(content)
	return fmt.Sprintf("%08d-%d-%s.seg", seq, len(content), hex.EncodeToString(sum[:8]))
}

// parseSegment reads a segment's name; ok is false for any name not of the exact shape.
func parseSegment(dir, device, name string) (segment, bool) {
	m := segmentName.FindStringSubmatch(name)
	if m == nil {
		return segment{}, false
	}
	seq, err1 := strconv.ParseUint(m[1], 10, 64)
	size, err2 := strconv.ParseInt(m[2], 10, 64)
	if err1 != nil || err2 != nil || seq == 0 || size > maxSegmentSize {
		return segment{}, false
	}
	return segment{device, seq, size, m[3], filepath.Join(dir, name)}, true
}

// segments lists a laptop's segments by number.
func segments(top, device string) ([]segment, error) {
	dir := filepath.Join(top, device)
	entries, err := list(dir)
	if err != nil {
		return nil, err
	}
	var out []segment
	for _, e := range entries {
		if g, ok := parseSegment(dir, device, e.Name()); ok && e.Type().IsRegular() {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b segment) int { return int(a.seq) - int(b.seq) })
	return out, nil
}

// devices lists the laptops with a folder in top.
func devices(top string) ([]string, error) {
	entries, err := list(top)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && deviceName.MatchString(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// list reads a folder's entries; a missing folder has none.
func list(dir string) ([]os.DirEntry, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	return entries, nil
}

// header opens every segment.
type header struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Device  string `json:"device"`
	Seq     uint64 `json:"seq"`
	Schema  int    `json:"schema"`
	Count   int    `json:"count"`
}

// entry is one line after the header: a record's version, or a tombstone.
type entry struct {
	Kind   data.Kind       `json:"kind"`
	ID     string          `json:"id,omitempty"`
	HLC    string          `json:"hlc,omitempty"`
	Prev   []string        `json:"prev,omitempty"`
	Gone   bool            `json:"gone,omitempty"`
	Record json.RawMessage `json:"record,omitempty"`
}

// encodeSegment makes a segment's content: gzip'ed JSON lines, the header first, then one version a line.
// A record's JSON goes in as it is stored, compact, not encoded again; gzip packs at its fastest level,
// which costs a little size and saves most of the time.
func encodeSegment(device string, seq uint64, vs []store.Version) ([]byte, error) {
	var buf bytes.Buffer
	z, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // a valid level: no error
	w := bufio.NewWriterSize(z, 64<<10)
	enc := json.NewEncoder(w)
	err := enc.Encode(header{segmentFormat, segmentVersion, device, seq, store.SchemaVersion, len(vs)})
	for _, v := range vs {
		if err != nil {
			break
		}
		if v.Gone {
			err = enc.Encode(entry{Kind: v.Kind, ID: v.ID, HLC: v.HLC.String(), Prev: v.Prev, Gone: true})
			continue
		}
		err = writeRecordLine(w, v)
	}
	if err == nil {
		err = errors.Join(w.Flush(), z.Close())
	}
	if err != nil {
		return nil, fmt.Errorf("encode segment %d: %w", seq, err)
	}
	return buf.Bytes(), nil
}

// writeRecordLine writes the entry of a record's version, as json.Encoder would write it, on one line.
func writeRecordLine(w *bufio.Writer, v store.Version) error {
	record := v.JSON
	if bytes.ContainsAny(record, "\r\n") { // stored compact: only a hand-made record could hold a line break
		var compact bytes.Buffer
		if err := json.Compact(&compact, record); err != nil {
			return fmt.Errorf("%s: %w", v.Key(), err)
		}
		record = compact.Bytes()
	}
	kind, _ := json.Marshal(v.Kind) // a string: no error
	w.WriteString(`{"kind":`)
	w.Write(kind)
	w.WriteString(`,"record":`)
	w.Write(record)
	_, err := w.WriteString("}\n")
	return err
}

// recordLine reads a line as writeRecordLine writes it without decoding the record, which ParseVersion
// decodes and checks anyway (on every core: see versionsOf); false for any other line, which is decoded
// in full. A record that is not JSON is then refused as unreadable, on its own.
func recordLine(line []byte) (entry, bool) {
	const start, middle = `{"kind":"`, `","record":{`
	rest, ok := bytes.CutPrefix(line, []byte(start))
	if !ok || !bytes.HasSuffix(rest, []byte("}}")) {
		return entry{}, false
	}
	kind, record, ok := bytes.Cut(rest, []byte(middle))
	if !ok || !slices.Contains(data.RecordKinds, data.Kind(kind)) {
		return entry{}, false
	}
	record = append([]byte{'{'}, record[:len(record)-1]...) // a copy: the line is read over next
	return entry{Kind: data.Kind(kind), Record: record}, true
}

// writeSegment writes this laptop's next segment: under a temporary name, synced, then renamed, so that
// no one ever reads half of it under its real name; and under a new number, so no segment is ever
// rewritten.
func writeSegment(dir, device string, seq uint64, vs []store.Version) error {
	content, err := encodeSegment(device, seq, vs)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, segmentFileName(seq, content))
	if err := store.WriteAtomically(path, func(w io.Writer) error { _, err := w.Write(content); return err }); err != nil {
		return fmt.Errorf("write segment %s: %w", path, err)
	}
	return nil
}

// errNotArrived marks a file that is not all there yet: shorter than its name says, or not matching its
// hash (a sync program still writing it, a USB stick pulled out while copying). It is read next time.
var errNotArrived = errors.New("not fully arrived yet")

// errNewerSegment marks a segment written by a newer Accord, in a format this one cannot read.
var errNewerSegment = errors.New("written by a newer Accord")

// badSegment is a segment that has fully arrived and still cannot be read: damaged before it was sealed,
// not Accord's, or made to unpack to more than any real segment. Reading it again will not help, so it is
// set aside; Why says why in words a user reads.
type badSegment struct {
	Why data.Problem
	Err error
}

func (b *badSegment) Error() string { return b.Why.Text() + ": " + b.Err.Error() }

func damaged(err error) error {
	return &badSegment{data.Problem{Message: "it is damaged, or it is not an Accord sync file"}, err}
}

// readSegment reads and checks a whole segment, or returns an error wrapping errNotArrived or
// errNewerSegment, or a *badSegment. It reads line by line, each line bounded, and never unpacks more
// than a bound set by the segment's size, so a file made to unpack to gigabytes is refused after a few
// megabytes, and memory stays near the size of what the segment really holds.
// Each batch of entries is handed to each (when not nil) as soon as it is read, so that decoding them can
// start while the rest is unpacked.
func readSegment(g segment, each func(batch []entry)) (header, []entry, error) {
	content, err := readComplete(g.path, g.size, g.hash)
	if err != nil {
		return header{}, nil, err
	}
	z, err := gzip.NewReader(bytes.NewReader(content))
	if err != nil {
		return header{}, nil, damaged(err)
	}
	bound := max(minUnpacked, unpackRatio*int64(len(content)))
	unpacked := &io.LimitedReader{R: z, N: bound + 1}
	h, entries, err := readEntries(&lines{r: bufio.NewReaderSize(unpacked, 64<<10), most: maxEntrySize}, each)
	switch {
	case unpacked.N == 0 || errors.Is(err, errLineTooLong):
		return h, nil, &badSegment{data.Problem{Message: "it would unpack to more than %d MB, far more than any real change", Args: []any{bound >> 20}},
			fmt.Errorf("%s: %v", g.path, err)}
	case errors.Is(err, errNewerSegment):
		return h, nil, fmt.Errorf("%s: %w", g.path, err)
	case err != nil:
		return h, nil, damaged(fmt.Errorf("%s: %w", g.path, err))
	}
	return h, entries, nil
}

// A batch handed on as it is read holds batchEntries entries, or fewer that together hold batchBytes.
const (
	batchEntries = 512
	batchBytes   = 4 << 20
)

// readEntries reads a segment's header and entries, one a line, handing each batch on to each (if not
// nil) as soon as it is full, and the last one once the entries are found to be as many as the header says.
func readEntries(lines *lines, each func(batch []entry)) (header, []entry, error) {
	var h header
	line, err := lines.next()
	if err != nil {
		return h, nil, fmt.Errorf("no header: %w", err)
	}
	if err := json.Unmarshal(line, &h); err != nil || h.Format != segmentFormat {
		return h, nil, fmt.Errorf("not an Accord segment: %v", err)
	}
	if h.Version > segmentVersion {
		return h, nil, errNewerSegment
	}
	entries := make([]entry, 0, min(h.Count, 1<<16))
	from, size := 0, 0
	for {
		line, err := lines.next()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return h, nil, err
		}
		e, ok := recordLine(line)
		if !ok {
			if err := json.Unmarshal(line, &e); err != nil {
				return h, nil, fmt.Errorf("entry %d: %w", len(entries)+1, err)
			}
		}
		entries = append(entries, e)
		if size += len(e.Record); len(entries)-from == batchEntries || size >= batchBytes {
			from, size = handOn(entries, from, each), 0
		}
	}
	if len(entries) != h.Count {
		return h, nil, fmt.Errorf("%d entries, its header says %d", len(entries), h.Count)
	}
	handOn(entries, from, each)
	return h, entries, nil
}

// handOn hands the entries from from on to each, if any, and returns where the next batch starts.
func handOn(entries []entry, from int, each func(batch []entry)) int {
	if each != nil && from < len(entries) {
		each(entries[from:len(entries):len(entries)]) // capped: what is appended next is not the batch's
	}
	return len(entries)
}

// errLineTooLong marks a line longer than a segment's lines may be.
var errLineTooLong = errors.New("a line longer than any record")

// lines reads a text one line at a time, each of at most most bytes, in time and memory that grow with
// the line (bufio.Scanner looks through all of a long line again for each piece that arrives).
type lines struct {
	r    *bufio.Reader
	most int
	line []byte
}

// next is the next line, without its end, valid until the next call; io.EOF when there is none.
func (l *lines) next() ([]byte, error) {
	l.line = l.line[:0]
	for {
		piece, err := l.r.ReadSlice('\n')
		need := len(l.line) + len(piece)
		if need > l.most+1 {
			return nil, errLineTooLong
		}
		if need > cap(l.line) { // double: append grows a long slice by a quarter, copying it each time
			grown := make([]byte, len(l.line), max(2*cap(l.line), need))
			copy(grown, l.line)
			l.line = grown
		}
		l.line = append(l.line, piece...)
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(l.line) > 0:
			return l.line, nil // the last line, without an end
		case err != nil:
			return nil, err
		}
		return bytes.TrimSuffix(l.line, []byte("\n")), nil
	}
}

// readHeader reads only a segment's first line, its header.
func readHeader(path string) (header, error) {
	var h header
	f, err := os.Open(path)
	if err != nil {
		return h, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return h, fmt.Errorf("%s: %w", path, err)
	}
	lines := bufio.NewScanner(z) // a header is one short line: the scanner's own bound is plenty
	if !lines.Scan() {
		return h, fmt.Errorf("%s: no header: %v", path, lines.Err())
	}
	if err := json.Unmarshal(lines.Bytes(), &h); err != nil {
		return h, fmt.Errorf("%s: %w", path, err)
	}
	return h, nil
}

// readComplete reads a file whose size and hash prefix are known, or returns errNotArrived.
func readComplete(path string, size int64, hashPrefix string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if info.Size() != size {
		return nil, fmt.Errorf("%s: %d of %d bytes: %w", path, info.Size(), size, errNotArrived)
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sum := sha256.Sum256(content)
	if got := hex.EncodeToString(sum[:]); got[:len(hashPrefix)] != hashPrefix {
		return nil, fmt.Errorf("%s: content does not match its name: %w", path, errNotArrived)
	}
	return content, nil
}

// version turns an entry into the version it carries, checked as every record entering this laptop is
// (a *data.Refusal names one that breaks a rule).
func (e entry) version() (store.Version, error) {
	if !e.Gone {
		return store.AdmitVersion(e.Kind, e.Record)
	}
	h, err := data.ParseHLC(e.HLC)
	if err != nil || !slices.Contains(data.RecordKinds, e.Kind) {
		return store.Version{}, fmt.Errorf("a tombstone without a good kind or stamp: %v", err)
	}
	if refusal := data.IDRefusal(e.Kind, e.ID); refusal != nil {
		return store.Version{}, refusal
	}
	return store.Tombstone(e.Kind, e.ID, h, e.Prev), nil
}
