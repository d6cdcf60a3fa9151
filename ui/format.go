package ui

import (
	"strings"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// money shows an amount with the organisation's currency code, in the language's style.
func money(m data.Money, currency string) string {
	return i18n.Amount(m.String(), strings.TrimSpace(currency))
}

// longDate writes a day out in the language in use, "1 April 2025"; empty for no date.
func longDate(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return i18n.LongDate(d.Year, d.Month, d.Day)
}

// period shows a date range; an open end reads "from START".
func period(start, end data.Date) string {
	switch {
	case start.IsZero() && end.IsZero():
		return ""
	case end.IsZero():
		return T("from %s", longDate(start))
	case start.IsZero():
		return T("until %s", longDate(end))
	}
	return longDate(start) + " – " + longDate(end)
}

// translated translates each value, for lists of enumerated words like focus areas.
func translated[S ~string](xs []S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = T(string(x))
	}
	return out
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// dueText is "by DATE", or nothing for no date.
func dueText(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return T("by %s", longDate(d))
}

// named is how a list names a record: its title, and an evaluation by its date in the language's words
// and what it evaluates.
func named(s *store.Store, r data.Record) string {
	if e, ok := r.(*data.Evaluation); ok {
		return strings.Replace(data.Describe(s, e), e.Title(), longDate(e.Date), 1)
	}
	return data.Describe(s, r)
}
