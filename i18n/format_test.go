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
		{"fr", "1\u00a0250,5", "1\u00a0250,50\u00a0EUR", "1 avril 2025"},
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
