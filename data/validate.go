package data

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with a record, worded for a volunteer. Message is an English sentence that the
// UI translates (it is the translation key); Args fill its %d / %s verbs after translation.
type Problem struct {
	Field   string
	Message string
	Args    []any
}

// Text is the English sentence with its arguments filled in.
func (p Problem) Text() string { return fmt.Sprintf(p.Message, p.Args...) }

// ValidationError lists everything wrong with a record, so a form can show all of it at once.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	texts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		texts[i] = p.Text()
	}
	return strings.Join(texts, " ")
}

// Explain lists every problem, translated.
func (e *ValidationError) Explain(t Translate) string {
	texts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		texts[i] = t(p.Message, p.Args...)
	}
	return strings.Join(texts, " ")
}

// For returns the problems for one field, so a form can put each message under its own entry.
func (e *ValidationError) For(field string) []Problem {
	var out []Problem
	for _, p := range e.Problems {
		if p.Field == field {
			out = append(out, p)
		}
	}
	return out
}

// problems collects validation failures as a record is checked.
type problems []Problem

func (ps *problems) add(field, message string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Message: message, Args: args})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps}
}

// Longest text a single-line field takes; notes and clauses are limited by maxLongText.
const (
	maxShortText = 300
	maxLongText  = 100_000
)

func (ps *problems) required(field, value, message string) {
	if strings.TrimSpace(value) == "" {
		ps.add(field, message)
	}
}

func (ps *problems) short(field, value, label string) {
	if utf8.RuneCountInString(value) > maxShortText {
		ps.add(field, "%s is too long: keep it under 300 characters.", label)
	}
}

func (ps *problems) long(field, value, label string) {
	if utf8.RuneCountInString(value) > maxLongText {
		ps.add(field, "%s is too long: keep it under 100,000 characters.", label)
	}
}

func (ps *problems) email(field, value string) {
	if value == "" || plainAddress(value) {
		return
	}
	if a, err := mail.ParseAddress(value); err != nil || a.Address != value || !strings.Contains(value, ".") {
		ps.add(field, "%s does not look like an email address (like name@example.org).", value)
	}
}

// plainAddress is true for an address of the usual shape — letters, digits and . _ % + - on each side of
// one @, a dot only between two other characters, and one in the part after the @ — which net/mail takes
// exactly as written. Any other is left to net/mail, whose parsing of every address was a tenth of an
// import of 100,000 contacts.
func plainAddress(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && dotAtom(local) && dotAtom(domain) && strings.Contains(domain, ".")
}

func dotAtom(s string) bool {
	last := byte('.')
	for i := range len(s) {
		c := s[i]
		switch {
		case c == '.' && last == '.':
			return false
		case c == '.', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("_%+-", c) >= 0:
		default:
			return false
		}
		last = c
	}
	return last != '.'
}

func (ps *problems) score(field string, v int, label string) {
	if v < 0 || v > 5 {
		ps.add(field, "%s must be between 1 and 5.", label)
	}
}

func (ps *problems) amount(field string, v Money, label string) {
	switch {
	case v < 0:
		ps.add(field, "%s cannot be negative.", label)
	case v >= MaxMoney:
		ps.add(field, "%s is too large: keep it under 10,000,000,000.", label)
	}
}

// oneOf notes a problem unless value is one of those allowed. (A function, not a method of problems, so
// that it takes the list as it is: converting it for every record an import checks cost 40 MB.)
func oneOf[T ~string](ps *problems, field string, value T, allowed []T, label string) {
	if !slices.Contains(allowed, value) {
		ps.add(field, "Choose a %s from the list.", label)
	}
}

// onePick checks a field that takes an entry of a pick-list: one of Accord's own or one of the group's,
// which a record keeps by name. Any short name is accepted, because a record from another laptop or a
// file may arrive before the entry that defines its name, and must not be refused for that.
func onePick[S ~string](ps *problems, field string, value S, label string) {
	if value == "" {
		ps.add(field, "Choose a %s from the list.", label)
	}
	ps.short(field, string(value), "The name")
}

func (ps *problems) dateOrder(field string, start, end Date) {
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		ps.add(field, "The end date is before the start date.")
	}
}
