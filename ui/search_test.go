package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestSearchAnswersEveryKeystrokeAtOnce(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	ps := navigate(t, sh, partnersID).(*partnersScreen)
	asynchronousFor(t)
	waits := 0
	wasAfter := after
	after = func(d time.Duration, f func()) { waits++; f() }
	t.Cleanup(func() { after = wasAfter })
	for _, key := range "lib" {
		test.Type(ps.query, string(key))
		settle(t)
		if waits > 0 {
			t.Fatal("a fast search waited for a pause in typing")
		}
	}
	if len(ps.items) != 1 || ps.items[0].ID != f.library.ID {
		t.Fatalf("after typing: %d results", len(ps.items))
	}
	// A search slower than a frame waits for a pause instead of piling up.
	ps.took = time.Second
	test.Type(ps.query, "r")
	settle(t)
	if waits != 1 {
		t.Fatalf("a slow search waited %d times, want once", waits)
	}
}
