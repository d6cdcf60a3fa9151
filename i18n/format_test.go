package i18n

import (
	"testing"
	"time"
)

func TestNumbersAmountsAndDatesFollowTheLanguage(t *testing.T) {
	defer SetLanguage("en")
	cases := []struct {
		lang, number, amount, date string
	}{
		{"en", "1,250.5", "EUR 1,250.50", "1 April 2025"},
		{"es", "1.250,5", "1.250,50\u00a0EUR", "1 de abril de 2025"},
		{"fr", "1\u00a0250,5", "1\u00a0250,50\u00a0EUR", "1er avril 2025"},
	}
	for _, c := range cases {
		SetLanguage(c.lang)
		if Language() != c.lang {
			t.Fatalf("SetLanguage(%q) gave %q", c.lang, Language())
		}
		if got := Number(1250.5, -1, true); got != c.number {
			t.Errorf("%s: Number = %q, want %q", c.lang, got, c.number)
		}
		if got := Amount("1250.50", "EUR"); got != c.amount {
			t.Errorf("%s: Amount = %q, want %q", c.lang, got, c.amount)
		}
		if got := LongDate(2025, time.April, 1); got != c.date {
			t.Errorf("%s: LongDate = %q, want %q", c.lang, got, c.date)
		}
	}
}

func TestNumbersAreReadAsTypedInTheLanguage(t *testing.T) {
	defer SetLanguage("en")
	cases := []struct{ lang, typed, want string }{
		{"en", "1,250.50", "1250.50"},
		{"en", "1,250", "1250"},
		{"en", "2,5", "2.5"},
		{"en", "1.250", "1.250"},
		{"es", "1.250,50", "1250.50"},
		{"es", "1.250", "1250"},
		{"es", "2,5", "2.5"},
		{"es", "2.5", "2.5"},
		{"es", "1.250.000", "1250000"},
		{"fr", "1 250,50", "1250.50"},
		{"fr", "1\u00a0250,5", "1250.5"},
		{"fr", "1,250", "1.250"},
		{"fr", "", ""},
		{"fr", "abc", "abc"},
	}
	for _, c := range cases {
		SetLanguage(c.lang)
		if got := PlainNumber(c.typed); got != c.want {
			t.Errorf("%s: PlainNumber(%q) = %q, want %q", c.lang, c.typed, got, c.want)
		}
	}
}

func TestLanguageChoice(t *testing.T) {
	defer SetLanguage("en")
	for tag, want := range map[string]string{"es-MX": "es", "fr_CA.UTF-8": "fr", "de": "en", "EN-gb": "en"} {
		SetLanguage(tag)
		if Language() != want {
			t.Errorf("SetLanguage(%q) = %q, want %q", tag, Language(), want)
		}
	}
	if got := Languages(); len(got) < 3 || got[0] != "en" {
		t.Errorf("Languages() = %v, want English first and at least Spanish and French", got)
	}
	if Name("fr") != "Français" {
		t.Errorf("Name(fr) = %q", Name("fr"))
	}
}

func TestMissingKeysAreRecorded(t *testing.T) {
	T("A sentence nobody put in the catalogue")
	found := false
	for _, k := range Misses() {
		found = found || k == "A sentence nobody put in the catalogue"
	}
	if !found {
		t.Errorf("Misses() = %v, want the unknown sentence", Misses())
	}
}

// TestInSpeaksItsOwnLanguage translates, dates and writes amounts in a chosen language while the screen
// shows another, as a document printed for a partner does.
func TestInSpeaksItsOwnLanguage(t *testing.T) {
	SetLanguage("en")
	cases := []struct{ tag, page, first, second, amount string }{
		{"es", "Página 2 de 3", "1 de diciembre de 2025", "2 de diciembre de 2025", "1.250,50\u00a0EUR"},
		{"fr-CA", "Page 2 sur 3", "1er décembre 2025", "2 décembre 2025", "1\u00a0250,50\u00a0EUR"},
		{"de", "Page 2 of 3", "1 December 2025", "2 December 2025", "EUR 1,250.50"},
	}
	for _, c := range cases {
		l := In(c.tag)
		if got := l.T("Page %d of %d", 2, 3); got != c.page {
			t.Errorf("%s: %q, want %q", c.tag, got, c.page)
		}
		if got := l.LongDate(2025, time.December, 1); got != c.first {
			t.Errorf("%s: the first of the month is %q, want %q", c.tag, got, c.first)
		}
		if got := l.LongDate(2025, time.December, 2); got != c.second {
			t.Errorf("%s: %q, want %q", c.tag, got, c.second)
		}
		if got := l.Amount("1250.50", "EUR"); got != c.amount {
			t.Errorf("%s: %q, want %q", c.tag, got, c.amount)
		}
	}
	if Language() != "en" || T("Page %d of %d", 2, 3) != "Page 2 of 3" {
		t.Error("translating into another language changed the screen's")
	}
}

func TestMatchReadsPartnersLanguages(t *testing.T) {
	for typed, want := range map[string]string{"es": "es", "Spanish": "es", "español": "es", "fr_FR": "fr", "Français": "fr", "English": "en"} {
		if got, ok := Match(typed); !ok || got != want {
			t.Errorf("Match(%q) = %q, %v; want %q", typed, got, ok, want)
		}
	}
	for _, typed := range []string{"Greek", "", "de"} {
		if got, ok := Match(typed); ok {
			t.Errorf("Match(%q) = %q, want none", typed, got)
		}
	}
}
