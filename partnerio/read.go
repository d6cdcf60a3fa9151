// Package partnerio brings partners and their contacts in from the spreadsheets and address books people
// already keep (CSV in whatever encoding and separator their program chose) and writes them back out as CSV
// and vCard. It imports no Fyne, so the window builds its preview on the same Read, Guess and Plan as the
// command line.
package partnerio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"accord/data"
)

// Table is a CSV file as read: the first row's names (with a "Column N" for every column a longer row
// adds) and the rows after it.
type Table struct {
	Headers []string
	Rows    []Row
}

// Row is one line of data. Number is the row a spreadsheet shows it on (the header is row 1), so a problem
// can be found in the original file. Cells runs up to the row's last cell that holds anything: the cells
// after it, up to the number of headers, are empty (see Cell).
type Row struct {
	Number int
	Cells  []string
}

// Cell is the row's cell in column i, empty when the row stops before it.
func (r Row) Cell(i int) string {
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return ""
}

// maxFileSize bounds the whole file, so a wrong choice of file (a video, a disk image) cannot fill the
// memory of an old laptop; a list of contacts is a few megabytes at most, and no single row is too long.
const maxFileSize = 64 << 20

// maxCells bounds the cells held, filled or not up to each row's last filled one (16 bytes each, beside the
// text): a file of separators alone would otherwise take many times its size. Outlook's 92 columns fit
// 100,000 rows.
const maxCells = 10_000_000

// sampleRecords is how many records the separator is judged on.
const sampleRecords = 50

// Read reads a CSV file saved by a spreadsheet or an address book: UTF-8 with or without BOM, UTF-16 or
// Windows-1252; separated by commas, semicolons or tabs. A file that is empty or not text is
// refused with a *data.PlainError.
func Read(r io.Reader) (*Table, error) {
	raw, err := readAll(r)
	switch {
	case len(raw) > maxFileSize, errors.Is(err, errTooLarge):
		return nil, errTooLarge
	case err != nil:
		return nil, &data.PlainError{Message: "Accord could not read the file.",
			Advice: "Check that the file is still there (a USB stick may have been pulled out), then try again. Nothing was imported.", Err: err}
	}
	if err := refuseBinary(raw); err != nil {
		return nil, err
	}
	text, err := decode(raw)
	if err != nil {
		return nil, err
	}
	text, delim := separator(text)
	return parse(text, delim)
}

// readAll reads the file as one string, up to one byte past maxFileSize: in a single allocation of its size
// when it is a file, which a 20 MB list otherwise took three times over (a buffer doubling as it filled,
// then a copy into a string).
func readAll(r io.Reader) (string, error) {
	var b strings.Builder
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			if info.Size() > maxFileSize {
				return "", errTooLarge // without reading it
			}
			b.Grow(int(info.Size()) + 1)
		}
	}
	_, err := io.Copy(&b, io.LimitReader(r, maxFileSize+1))
	return b.String(), err
}

// What a file picked by mistake is, in the words the user is told.
// i18n:keys: shown translated, so each string here is a translation key.
const (
	aPDF         = "a PDF document"
	aWorkbook    = "an Excel workbook or another packed file"
	anOfficeFile = "an old Excel or Word file"
	aPicture     = "a picture"
)

// signatures are the first bytes of files people pick by mistake, with what to tell them.
var signatures = []struct {
	prefix, what string
}{
	{"%PDF", aPDF},
	{"PK\x03\x04", aWorkbook},
	{"\xD0\xCF\x11\xE0", anOfficeFile},
	{"\x89PNG", aPicture},
	{"\xFF\xD8\xFF", aPicture},
	{"GIF8", aPicture},
}

// i18n:keys: shown translated, so each string here is a translation key.
const adviceSaveAsCSV = "Open it in your spreadsheet program, choose Save As, pick CSV, and import that file. Nothing was imported."

func refuseBinary(raw string) error {
	for _, s := range signatures {
		if strings.HasPrefix(raw, s.prefix) {
			return &data.PlainError{Message: "This file is %s, not a CSV file.", Args: []any{s.what}, Advice: adviceSaveAsCSV}
		}
	}
	return nil
}

var errTooLarge = &data.PlainError{Message: "The file is too large to be a list of contacts.",
	Advice: "Choose the CSV file saved from your spreadsheet or address book, or split it into smaller files. Nothing was imported."}

var errNotText = &data.PlainError{Message: "This file does not hold text, so it is not a CSV file.", Advice: adviceSaveAsCSV}

// decode turns the file into UTF-8 text without a BOM. UTF-16 is recognised by its BOM or, without one, by
// the NUL byte beside every ASCII letter; text that is not valid UTF-8 is taken as Windows-1252, what Excel
// on Windows writes.
func decode(raw string) (string, error) {
	text, err := raw, error(nil)
	switch {
	case strings.HasPrefix(raw, "\xEF\xBB\xBF"):
		text = raw[3:]
	case strings.HasPrefix(raw, "\xFF\xFE") || strings.HasPrefix(raw, "\xFE\xFF"):
		text, err = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().String(raw)
	default:
		if order, ok := utf16Order(raw); ok {
			text, err = unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().String(raw)
		} else if !utf8.ValidString(raw) {
			text, err = charmap.Windows1252.NewDecoder().String(raw)
		}
	}
	if err != nil || !looksLikeText(text) {
		return "", errNotText
	}
	return strings.TrimPrefix(text, "\uFEFF"), nil
}

// utf16Order spots UTF-16 without a BOM: in text that is mostly ASCII, every other byte is NUL.
func utf16Order(raw string) (unicode.Endianness, bool) {
	sample := raw[:min(len(raw), 4096)&^1]
	if len(sample) < 4 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i < len(sample); i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	pairs := len(sample) / 2
	switch {
	case odd*10 >= pairs*7 && even*10 < pairs:
		return unicode.LittleEndian, true
	case even*10 >= pairs*7 && odd*10 < pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// looksLikeText refuses NUL bytes and text that is more than a tenth control characters: a binary file
// decoded as Windows-1252 is valid but unreadable.
func looksLikeText(text string) bool {
	controls := 0
	for i := range len(text) {
		c := text[i]
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F:
			controls++
		}
	}
	return controls*10 <= len(text)
}

// separator finds the field separator: the one an Excel "sep=;" first line names, or else the one of
// comma, semicolon and tab that splits the first records into the same number of fields most often.
func separator(text string) (string, byte) {
	end := strings.IndexAny(text, "\r\n")
	if end < 0 {
		end = len(text)
	}
	if hint := strings.TrimSpace(text[:end]); len(hint) == 5 && strings.HasPrefix(strings.ToLower(hint), "sep=") && hint[4] < utf8.RuneSelf {
		rest := strings.TrimPrefix(text[end:], "\r")
		return strings.TrimPrefix(rest, "\n"), hint[4]
	}
	best, bestScore := byte(','), -1
	for _, d := range []byte{',', ';', '\t'} {
		if score := consistency(text, d); score > bestScore {
			best, bestScore = d, score
		}
	}
	return text, best
}

// consistency scores a separator: how many sampled records have as many fields as the header, times the
// header's field count, so a separator that splits nothing scores 0.
func consistency(text string, delim byte) int {
	sc := newScanner(text, delim)
	header, err := sc.next()
	if err != nil || len(header) < 2 {
		return 0
	}
	same := 1
	for range sampleRecords {
		rec, err := sc.next()
		if err != nil {
			break
		}
		if len(rec) == len(header) {
			same++
		}
	}
	return same * len(header)
}

// parse reads every record. Blank rows are left out but counted, so row numbers stay those a spreadsheet
// shows; a row longer than the header gets columns named after their position, so nothing in the file is
// silently dropped. A row keeps its cells up to the last one filled in: one very wide row then costs what
// it holds, not its width times every other row.
func parse(text string, delim byte) (*Table, error) {
	sc := newScanner(text, delim)
	header, err := sc.next()
	if err == io.EOF {
		return nil, &data.PlainError{Message: "The file is empty.", Advice: "Choose the CSV file saved from your spreadsheet or address book. Nothing was imported."}
	}
	if err != nil {
		return nil, unreadable(err)
	}
	t := &Table{Headers: trimAll(header)}
	for i, h := range t.Headers {
		if h == "" {
			t.Headers[i] = fmt.Sprintf("Column %d", i+1)
		}
	}
	cells := len(header)
	for row := 2; ; row++ {
		rec, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, unreadable(err)
		}
		rec = trimAll(rec)
		for len(rec) > 0 && rec[len(rec)-1] == "" {
			rec = rec[:len(rec)-1]
		}
		if len(rec) == 0 {
			continue
		}
		if cells += len(rec); cells > maxCells {
			return nil, errTooLarge
		}
		for len(t.Headers) < len(rec) {
			t.Headers = append(t.Headers, fmt.Sprintf("Column %d", len(t.Headers)+1))
		}
		t.Rows = append(t.Rows, Row{Number: row, Cells: rec})
	}
	return t, nil
}

// unreadable explains why the reading stopped: a quotation mark left open.
func unreadable(err error) error {
	var open *openQuote
	if errors.As(err, &open) {
		return &data.PlainError{Message: "A quotation mark on line %d of the file opens a cell that never closes, so the rows after it cannot be told apart.",
			Args: []any{open.Line}, Err: err,
			Advice: "Open the file in a text editor or your spreadsheet program and look at that line: a quotation mark is missing, or there is one too many. Fix it, save the file as CSV, and import it again. Nothing was imported."}
	}
	return fmt.Errorf("read CSV: %w", err)
}

// trimAll trims the spaces around each cell, in place, and takes off the apostrophe that WriteCSV puts before a cell
// a spreadsheet would otherwise run as a formula, so an export imports back as it was.
func trimAll(cells []string) []string {
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if len(c) > 1 && c[0] == '\'' && strings.IndexByte(formulaStarts, c[1]) >= 0 {
			c = c[1:]
		}
		cells[i] = c
	}
	return cells
}
