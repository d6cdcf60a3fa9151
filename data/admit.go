package data

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxIDLength bounds a record's ID: Accord makes 36-character UUIDs; an ID is also a database key and a
// part of names in the sync folder, which may not be huge.
const MaxIDLength = 200

// IDProblems checks a record's ID by the one rule every entrance applies — the JSON import, sync and
// restore alike: there is one, it is not too long, and it holds no slash (sync names a record
// "kind/id") and no control character (a key no one can see or type). The organisation's is fixed.
func IDProblems(k Kind, id string) []Problem {
	var ps problems
	switch {
	case k == KindOrganisation && id != OrganisationID:
		ps.add("id", "The organisation's id must be %s.", OrganisationID)
	case k == KindRelationType && BuiltInRelation(id) != nil:
		ps.add("id", "The id %s is that of one of Accord's own kinds of relation: give this one another id.", id)
	case strings.TrimSpace(id) == "":
		ps.add("id", "The record has no id.")
	case len(id) > MaxIDLength:
		ps.add("id", "The id is too long: keep it under 200 characters.")
	case !utf8.ValidString(id) || strings.ContainsFunc(id, func(r rune) bool { return r == '/' || unicode.IsControl(r) }):
		ps.add("id", "The id %s holds a slash or an invisible character, which an id may not hold.", shortened(id))
	}
	return ps
}

// Admit checks a record as every entrance — the window, an import, sync, a restore — checks one: its ID
// by IDProblems and everything else by its own Validate, with the same limits. It returns a
// *ValidationError listing every problem, or nil.
func Admit(r Record) error {
	ps := problems(IDProblems(r.Kind(), r.Common().ID))
	var verr *ValidationError
	if err := r.Validate(); errors.As(err, &verr) {
		ps = append(ps, verr.Problems...)
	} else if err != nil {
		return err
	}
	return ps.err()
}

// Refusal names a record that could not come in or go out, and why, so the user can find and fix it
// while everything else goes on.
type Refusal struct {
	Kind     Kind
	ID       string
	Title    string
	Problems []Problem
}

// RefusalOf names r and lists what err says is wrong with it. The title is cut short: what is wrong may
// be that it is far too long.
func RefusalOf(r Record, err error) Refusal {
	return Refusal{Kind: r.Kind(), ID: r.Common().ID, Title: shortened(r.Title()), Problems: ProblemsOf(err)}
}

// shortened is s, or its first 60 characters and an ellipsis.
func shortened(s string) string {
	const most = 60
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s[:min(len(s), most*utf8.UTFMax)])[:most]) + "…"
}

// IDRefusal names a record known only by its ID (a deletion for good) when that ID breaks the ID rule,
// or is nil.
func IDRefusal(k Kind, id string) *Refusal {
	if ps := IDProblems(k, id); len(ps) > 0 {
		return &Refusal{Kind: k, ID: id, Problems: ps}
	}
	return nil
}

// ProblemsOf lists the problems a *ValidationError carries, or words any other error as one problem.
func ProblemsOf(err error) []Problem {
	var verr *ValidationError
	if errors.As(err, &verr) {
		return verr.Problems
	}
	return []Problem{{Message: "A value cannot be read: %s.", Args: []any{err.Error()}}}
}

// Key names the record as sync does: "kind/id".
func (r Refusal) Key() string { return string(r.Kind) + "/" + r.ID }

func (r *Refusal) Error() string {
	texts := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		texts[i] = p.Text()
	}
	return fmt.Sprintf("%s %s %q: %s", r.Kind, shortened(r.ID), r.Title, strings.Join(texts, " "))
}

// Describe says which record it is — its kind and title, or its ID when it has no title, either cut short
// — and what is wrong with it, in one line translated with t.
func (r Refusal) Describe(t Translate) string {
	name := shortened(r.ID)
	if strings.TrimSpace(r.Title) != "" {
		name = "“" + r.Title + "”"
	}
	texts := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		texts[i] = t(p.Message, p.Args...)
	}
	return t(KindNoun(r.Kind)) + " " + name + ": " + strings.Join(texts, " ")
}
