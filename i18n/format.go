package i18n

import (
	"strconv"
	"strings"
	"time"
)

// numberStyle is how a language writes numbers and amounts.
type numberStyle struct {
	group, decimal string
	currencyFirst  bool   // "EUR 1,250.00" rather than "1.250,00 EUR"
	first          string // the first day of a month, "1er" in French
}

// numberStyles by language; a language not listed writes numbers the English way. French groups with a
// no-break space, so an amount never breaks across lines.
var numberStyles = map[string]numberStyle{
	"en": {",", ".", true, "1"},
	"es": {".", ",", false, "1"},
	"fr": {"\u00a0", ",", false, "1er"},
}

func (l Lang) style() numberStyle {
	if s, ok := numberStyles[l.Code()]; ok {
		return s
	}
	return numberStyles["en"]
}

// months are the month names in English, the keys of their translations.
// i18n:keys: shown translated, so each string here is a translation key.
var months = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// LongDate writes a day out in the words and order of the language in use (see Lang.LongDate).
func LongDate(year int, month time.Month, day int) string {
	return Current().LongDate(year, month, day)
}

// LongDate writes a day out in l's words and order: "1 April 2025", "1 de abril de 2025", "1er avril 2025"
// (French writes the first of a month as an ordinal).
func (l Lang) LongDate(year int, month time.Month, day int) string {
	if month < time.January || month > time.December {
		return ""
	}
	d := strconv.Itoa(day)
	if day == 1 {
		d = l.style().first
	}
	// Translators reorder the verbs for their language, e.g. "%[2]s %[1]s, %[3]d" for "April 1, 2025".
	return l.T("%s %s %d", d, l.T(months[month-1]), year)
}

// Number writes v in the style of the language in use (see Lang.Number).
func Number(v float64, decimals int, group bool) string { return Current().Number(v, decimals, group) }

// Number writes v with the given decimals (-1: as many as it needs) in l's style, with the thousands
// grouped when group is set: 1250.5 is "1,250.5" in English and "1.250,5" in Spanish.
func (l Lang) Number(v float64, decimals int, group bool) string {
	return l.localise(strconv.FormatFloat(v, 'f', decimals, 64), group)
}

// Amount writes an amount in the style of the language in use (see Lang.Amount).
func Amount(plain, currency string) string { return Current().Amount(plain, currency) }

// Amount writes a plain decimal amount ("1250.50", as data.Money prints it) with the currency code in l's
// style: "EUR 1,250.50", "1.250,50 EUR".
func (l Lang) Amount(plain, currency string) string {
	n := l.localise(plain, true)
	switch {
	case currency == "":
		return n
	case l.style().currencyFirst:
		return currency + " " + n
	}
	return n + "\u00a0" + currency
}

// localise turns Go's "-1250.5" into l's separators, grouped if asked.
func (l Lang) localise(plain string, group bool) string {
	st := l.style()
	sign, digits := "", plain
	if strings.HasPrefix(plain, "-") {
		sign, digits = "-", plain[1:]
	}
	whole, frac, hasFrac := strings.Cut(digits, ".")
	var b strings.Builder
	for i, r := range whole {
		if group && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(st.group)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(st.decimal + frac)
	}
	return sign + b.String()
}

// PlainNumber reads a number as a volunteer types it in their language — "1.250,50", "1 250,5",
// "1,250.50", "2,5" — and returns it the way Go reads numbers ("1250.50"), or the text unchanged when it
// is not a number, so the caller's parser reports the problem. With only one kind of separator, it groups
// thousands when it comes once before exactly three digits and is the language's grouping mark, or when it
// comes more than once; otherwise it is the decimal mark. So "1.250" is 1250 in Spanish and 1.25 in
// English, and "2,5" is 2.5 in both.
func PlainNumber(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' || r == '’' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	dot, comma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	switch {
	case dot >= 0 && comma >= 0:
		if dot > comma {
			return strings.ReplaceAll(s, ",", "")
		}
		return strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	case dot >= 0:
		return oneSeparator(s, ".")
	case comma >= 0:
		return oneSeparator(s, ",")
	}
	return s
}

func oneSeparator(s, sep string) string {
	last := strings.LastIndex(s, sep)
	groups := strings.Count(s, sep) > 1 || (len(s)-last-1 == 3 && Current().style().group == sep)
	if groups {
		return strings.ReplaceAll(s, sep, "")
	}
	return strings.Replace(s, sep, ".", 1)
}
