// Package contentline writes the "content lines" that vCard (RFC 2426/6350) and iCalendar (RFC 5545)
// share: at most 75 octets each, continued on lines that start with a space, ended by CRLF.
package contentline

import (
	"strings"
	"unicode/utf8"
)

// maxLine is the longest a line may be, in octets, before its CRLF.
const maxLine = 75

// Fold returns the line broken every 75 octets (a continuation's leading space counts) but never inside
// a UTF-8 sequence, which address books and calendars would show as garbage, with CRLF line ends.
func Fold(line string) string {
	var b strings.Builder
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}
