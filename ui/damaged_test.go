package ui

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"accord/data"
	"accord/store"
)

// A byte of a partner's name changed on disk after a backup: the window says so as it opens, names the
// record, and one press takes it back.
func TestTheWindowOffersToTakeBackARecordTheDiskDamaged(t *testing.T) {
	f := newFixture(t)
	if _, err := f.store.Backup(store.ReasonManual); err != nil {
		t.Fatal(err)
	}
	path := f.store.Path()
	f.store.Close()
	b, _ := os.ReadFile(path)
	at := bytes.Index(b, []byte(`"name":"Northside Library`))
	b[at+len(`"name":"N`)] ^= 0x01
	os.WriteFile(path, b, 0o600)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = now

	w := newWindow(t)
	showData(w, s, partnersID)
	settle(t)
	if got := topDialog(w); !strings.Contains(got, "Records damaged on disk: 1.") || !strings.Contains(got, "partners/"+f.library.ID) {
		t.Fatalf("the window does not name the damaged record:\n%s", got)
	}
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Take them back"))
	settle(t)
	if got := topDialog(w); !strings.Contains(got, "taken back from the backup") {
		t.Fatalf("after taking it back the window says:\n%s", got)
	}
	if p := data.Lookup[data.Partner](s, f.library.ID); p == nil || p.Name != "Northside Library" {
		t.Fatalf("the partner is not back: %+v", p)
	}
	if len(s.Damaged()) != 0 {
		t.Fatalf("still damaged: %v", s.Damaged())
	}
}
