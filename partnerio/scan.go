package partnerio

import (
	"io"
	"strings"
)

// scanner splits CSV text into records the way spreadsheets write and read them. encoding/csv takes only
// "\n" and "\r\n" as line ends, so a lone CR (old Mac Excel, or one stray CR in a CRLF file) ran two rows
// into one; and with its lazy quotes, a quotation mark that was never closed swallowed every row after it
// into one cell. Here:
//   - outside quotes, "\r\n", "\r" and "\n" each end a record;
//   - a cell that starts with a quotation mark ends at the next quotation mark followed by the separator, a
//     line end or the end of the file; "" inside it is one quotation mark, and its line breaks become "\n";
//   - a quotation mark anywhere else is kept as it is, as spreadsheets read it;
//   - a quoted cell that runs past the end of the file, or runs over a line break and then meets a
//     quotation mark that neither closes it nor is doubled, is a quotation mark left open: the file is
//     refused with the line the cell starts on, since every row after it would be read wrong.
//
// Cells are slices of the text, not copies, unless quotes or line breaks inside them had to be rewritten.
type scanner struct {
	text  string
	delim byte
	pos   int
	line  int // the line of the file pos is on, from 1
	width int // the cells of the first record (the header), to make room for as many in each record
}

func newScanner(text string, delim byte) *scanner { return &scanner{text: text, delim: delim, line: 1} }

// openQuote is a quotation mark that opens a cell on Line and never properly closes it.
type openQuote struct{ Line int }

func (e *openQuote) Error() string { return "quotation mark left open" }

// next returns the next record; io.EOF after the last one. An empty line is a record of one empty cell, so
// that callers can count it as the row a spreadsheet shows.
func (s *scanner) next() ([]string, error) {
	if s.pos >= len(s.text) {
		return nil, io.EOF
	}
	rec := make([]string, 0, s.width)
	for {
		cell, last, err := s.cell()
		if err != nil {
			return nil, err
		}
		rec = append(rec, cell)
		if last {
			if s.width == 0 {
				s.width = min(len(rec), 256) // a file of one very long line must not make every record as long
			}
			return rec, nil
		}
	}
}

// cell reads one cell and the separator or line end after it; last is true when the record ends there.
func (s *scanner) cell() (cell string, last bool, err error) {
	if s.pos < len(s.text) && s.text[s.pos] == '"' {
		if cell, err = s.quoted(); err != nil {
			return "", false, err
		}
	} else {
		start := s.pos
		for s.pos < len(s.text) && !s.special(s.text[s.pos]) {
			s.pos++
		}
		cell = s.text[start:s.pos]
	}
	return cell, s.endOfCell(), nil
}

func (s *scanner) special(c byte) bool { return c == s.delim || c == '\n' || c == '\r' }

// endOfCell steps over the separator or line end at pos and says whether the record ended.
func (s *scanner) endOfCell() bool {
	if s.pos >= len(s.text) {
		return true
	}
	c := s.text[s.pos]
	s.pos++
	if c == s.delim {
		return false
	}
	if c == '\r' && s.pos < len(s.text) && s.text[s.pos] == '\n' {
		s.pos++
	}
	s.line++
	return true
}

// quoted reads a quoted cell from its opening quotation mark to just after its closing one.
func (s *scanner) quoted() (string, error) {
	opened := s.line
	s.pos++
	var b strings.Builder // used only once something inside must be rewritten
	from, crossed := s.pos, false
	for {
		i := strings.IndexAny(s.text[s.pos:], "\"\r\n")
		if i < 0 {
			return "", &openQuote{opened}
		}
		s.pos += i
		switch s.text[s.pos] {
		case '\n':
			s.pos++
			s.line++
			crossed = true
		case '\r':
			b.WriteString(s.text[from:s.pos])
			b.WriteByte('\n')
			s.pos++
			if s.pos < len(s.text) && s.text[s.pos] == '\n' {
				s.pos++
			}
			from = s.pos
			s.line++
			crossed = true
		default: // a quotation mark
			after := s.pos + 1
			switch {
			case after < len(s.text) && s.text[after] == '"':
				b.WriteString(s.text[from:after])
				s.pos = after + 1
				from = s.pos
			case after == len(s.text) || s.special(s.text[after]):
				cell := s.text[from:s.pos]
				if b.Len() > 0 {
					b.WriteString(cell)
					cell = b.String()
				}
				s.pos = after
				return cell, nil
			case crossed:
				return "", &openQuote{opened}
			default:
				s.pos = after // kept as it is, on the line the cell opened on
			}
		}
	}
}
