package ui

import (
	"slices"
	"strings"
	"testing"

	"accord/data"
)

// A click on a partner draws its editor at once: what other records say of it (its agreements, health
// checks, activities, needs) reads every one of them, which at thousands of partners would hold the editor
// back, so it is found off the UI goroutine and shown when it is ready.
func TestAPartnerOpensBeforeWhatIsLinkedToItIsFound(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	sh.nav.Select(1)
	settle(t)
	ps := sh.partners
	held := clickHeld(t, &ps.records, f.library.ID)
	if shown := inputsOf(ps.pane); !slices.Contains(shown, "Northside Library") {
		t.Fatalf("the editor is not drawn: it shows %q", shown)
	}
	const linked = "Homework club at the library — active"
	if strings.Contains(textOf(ps.pane), linked) {
		t.Fatal("the linked records were found on the UI goroutine, before the editor was drawn")
	}
	release(t, held)
	if text := textOf(ps.pane); !strings.Contains(text, linked) {
		t.Fatalf("the linked agreement never showed:\n%s", text)
	}
}

// An agreement opens the same way: its printed copies, new versions and health over time come after.
func TestAnAgreementOpensBeforeItsPrintsAreFound(t *testing.T) {
	f := newFixture(t)
	if err := f.store.RecordPrint(f.soon, []byte("%PDF-1.4 a print")); err != nil {
		t.Fatal(err)
	}
	sh, _ := showShell(t, f.store)
	sh.nav.Select(2)
	settle(t)
	as := sh.agreements
	held := clickHeld(t, &as.records, f.soon.ID)
	if shown := inputsOf(as.pane); !slices.Contains(shown, "Homework club at the library") {
		t.Fatalf("the editor is not drawn: it shows %q", shown)
	}
	if text := textOf(as.pane); strings.Contains(text, "Printed copies") || !strings.Contains(text, "Amara Okafor") {
		t.Fatalf("the signatures should show at once and the prints after:\n%s", text)
	}
	release(t, held)
	if text := textOf(as.pane); !strings.Contains(text, "Printed copies") || !strings.Contains(text, "Health over time") {
		t.Fatalf("the prints and health never showed:\n%s", text)
	}
}

// clickHeld chooses the record in the screen's list as a click does, holding back the work the click
// starts off the UI goroutine, and returns that work.
func clickHeld[R any, P data.RecordPtr[R], E recordEditor](t *testing.T, rs *records[R, P, E], id string) []func() {
	t.Helper()
	eventually(t, "the record listed", func() bool {
		return slices.IndexFunc(rs.items, func(p P) bool { return p.Common().ID == id }) >= 0
	})
	var held []func()
	wasBackground := background
	background = func(work func()) { held = append(held, work) }
	defer func() { background = wasBackground }()
	rs.list.Select(slices.IndexFunc(rs.items, func(p P) bool { return p.Common().ID == id }))
	if len(held) == 0 {
		t.Fatal("the click started no work off the UI goroutine")
	}
	return held
}

// release runs the held work and lets the window catch up with it.
func release(t *testing.T, held []func()) {
	t.Helper()
	for _, work := range held {
		background(work)
	}
	settle(t)
}
