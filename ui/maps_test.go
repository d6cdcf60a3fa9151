package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestStakeholderMapPlacesPartnersAndOpensThem(t *testing.T) {
	f := newFixture(t)
	f.library.Influence, f.library.Interest = 5, 4
	f.cafe.Influence, f.cafe.Interest = 5, 4
	f.save(t, f.library, f.cafe)
	settle(t)
	sh, _ := showShell(t, f.store)
	ms := showScreen[*mapsScreen](t, sh)
	if !strings.Contains(ms.unjudged.Text, "1 partner has no influence") {
		t.Fatalf("unjudged: %q", ms.unjudged.Text)
	}
	// Row 0 is influence 5; column 3 is interest 4.
	square := find[*widget.Button](ms.grid.Objects[3])[0]
	if square.Text != "2" {
		t.Fatalf("the influence 5 / interest 4 square says %q", square.Text)
	}
	test.Tap(square)
	settle(t)
	if len(ms.chosen) != 2 || !strings.Contains(ms.cellHead.Text, "manage closely: 2 partners") {
		t.Fatalf("chosen %d, head %q", len(ms.chosen), ms.cellHead.Text)
	}
	ms.cell.Select(0)
	settle(t)
	if sh.current != sh.entries[1] || !sh.partners.open() || sh.partners.editor.p.ID != ms.chosen[0].ID {
		t.Fatal("choosing a partner on the map did not open it")
	}
	res := textOf(ms.res)
	for _, want := range []string{"space", "1, worth EUR 500.00", "Northside Library", "Everything partners offer or promise in agreements in force is worth EUR 500.00."} {
		if !strings.Contains(res, want) {
			t.Errorf("resource map lacks %q:\n%s", want, res)
		}
	}
}
