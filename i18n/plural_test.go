package i18n

import "testing"

func TestEachLanguageCountsByItsOwnRule(t *testing.T) {
	cases := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 partners"}, {"en", 1, "1 partner"}, {"en", 2, "2 partners"},
		{"es", 0, "0 socios"}, {"es", 1, "1 socio"}, {"es", 2, "2 socios"},
		{"fr", 0, "0 partenaire"}, {"fr", 1, "1 partenaire"}, {"fr", 2, "2 partenaires"}, {"fr", 21, "21 partenaires"},
	}
	for _, c := range cases {
		if got := In(c.lang).N(c.n, "%d partner", "%d partners"); got != c.want {
			t.Errorf("%s, %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

func TestNFillsTheCountFirstAndTheRestAfter(t *testing.T) {
	defer SetLanguage("en")
	SetLanguage("fr")
	if got := N(0, "%[2]s ends in %[1]d day", "%[2]s ends in %[1]d days", "Homework club"); got != "Homework club se termine dans 0 jour" {
		t.Errorf("got %q", got)
	}
	SetLanguage("en")
	if got := N(1, "%[2]s ends in %[1]d day", "%[2]s ends in %[1]d days", "Homework club"); got != "Homework club ends in 1 day" {
		t.Errorf("got %q", got)
	}
}
