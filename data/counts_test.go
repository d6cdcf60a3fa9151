package data

import (
	"fmt"
	"testing"
)

// TestPhraseGivesEachCountBothForms: each kind is counted through count with its forms for one and for
// other, so a language that says 0 and 1 alike (French) picks its own; kinds with none are left out.
func TestPhraseGivesEachCountBothForms(t *testing.T) {
	french := func(n int, one, other string, args ...any) string {
		if n <= 1 {
			return fmt.Sprintf(one, append([]any{n}, args...)...)
		}
		return fmt.Sprintf(other, append([]any{n}, args...)...)
	}
	c := Counts{KindOrganisation: 1, KindPartner: 1, KindAgreement: 2, KindNeed: 0}
	if got, want := c.Phrase(fmt.Sprintf, french), "your organisation's details, 1 partner, 2 agreements"; got != want {
		t.Errorf("Phrase = %q, want %q", got, want)
	}
	if got := (Counts{}).Phrase(fmt.Sprintf, french); got != "nothing" {
		t.Errorf("no records: %q", got)
	}
}
