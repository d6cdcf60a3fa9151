package data

import (
	"encoding/json"
	"testing"
)

// A date reads back from JSON however the file spells it: as Accord writes it, with escapes (a file
// edited by hand or by another program), empty or null; anything else is refused.
func TestDateReadsFromJSON(t *testing.T) {
	for raw, want := range map[string]Date{
		`"2026-03-31"`:           NewDate(2026, 3, 31),
		`"2026\u002d03\u002d31"`: NewDate(2026, 3, 31),
		`""`:                     {},
		`null`:                   {},
	} {
		var d Date
		if err := json.Unmarshal([]byte(raw), &d); err != nil || d != want {
			t.Errorf("%s read as %v, %v; want %v", raw, d, err, want)
		}
	}
	for _, raw := range []string{`"31/03/2026"`, `20260331`, `"2026-02-30"`, `"2026-00-10"`, `"2026-13-01"`, `"2026-1-10"`, `"2026-03-31\n"`} {
		var d Date
		if err := json.Unmarshal([]byte(raw), &d); err == nil {
			t.Errorf("%s read as %v, want an error", raw, d)
		}
	}
}
