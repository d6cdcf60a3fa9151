package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

// relationsText is what the open partner's relations section says.
func relationsText(ps *partnersScreen) string { return textOf(ps.editor.relations) }

// The volunteer records that the library funds the café from the café's screen — the second partner of
// the relation, so it reads "is funded by" — and sees it on both partners, each in its own direction.
func TestAddARelationFromTheSecondPartnersSide(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	ps := sh.partners
	if !strings.Contains(relationsText(ps), "No relations recorded yet") {
		t.Fatalf("a partner without relations shows:\n%s", relationsText(ps))
	}
	test.Tap(button(t, ps.pane, "Add a relation…"))
	settle(t)
	dialog := w.Canvas().Overlays().Top()
	how := find[*widget.Select](dialog)[0]
	how.SetSelected("is funded by …")
	test.Tap(button(t, dialog, "Save"))
	settle(t)
	// Without a partner chosen, the dialog comes back with what was chosen, saying what to do.
	dialog = w.Canvas().Overlays().Top()
	if text := textOf(dialog); !strings.Contains(text, "Say who the relation is with: a partner, or your organisation.") {
		t.Fatalf("saved with no one at the other end; the dialog says:\n%s", text)
	}
	if got := find[*widget.Select](dialog)[0].Selected; got != "is funded by …" {
		t.Fatalf("the choice was lost: %q", got)
	}
	test.Tap(button(t, dialog, "Choose a partner…"))
	settle(t)
	choosePartnerInDialog(t, w, "library")
	dialog = w.Canvas().Overlays().Top()
	for _, e := range find[*widget.Entry](dialog) {
		if e.PlaceHolder == "For example: a yearly grant for the summer scheme" {
			test.Type(e, "Room hire paid by the library")
		}
	}
	test.Tap(button(t, dialog, "Save"))
	settle(t)
	rels := data.List[data.Relation](f.store)
	if len(rels) != 1 {
		t.Fatalf("%d relations stored", len(rels))
	}
	r := rels[0]
	if r.From.PartnerID != f.library.ID || r.To.PartnerID != f.cafe.ID || r.Type != data.RelationFunds || r.Note != "Room hire paid by the library" {
		t.Fatalf("stored %+v", r)
	}
	eventually(t, "the café's screen to show it", func() bool {
		return strings.Contains(relationsText(ps), "is funded by Northside Library")
	})
	sh.open(sh.partners, f.library.ID)
	settle(t)
	eventually(t, "the library's screen to show it", func() bool {
		return strings.Contains(relationsText(ps), "funds Café Solidaire")
	})
	// Changed from the library's side, ended: the café's side says so.
	test.Tap(button(t, ps.editor.relations, "Change…"))
	settle(t)
	dialog = w.Canvas().Overlays().Top()
	find[*widget.Select](dialog)[1].SetSelected("ended")
	test.Tap(button(t, dialog, "Save"))
	settle(t)
	if got := data.Lookup[data.Relation](f.store, r.ID); got.Status != data.RelationEnded || got.From != r.From || got.To != r.To {
		t.Fatalf("after the change: %+v", got)
	}
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	eventually(t, "the café's screen to show it ended", func() bool {
		return strings.Contains(relationsText(ps), "is funded by Northside Library — ended")
	})
	// Moved to the Trash from the dialog, with a way back.
	test.Tap(button(t, ps.editor.relations, "Change…"))
	settle(t)
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Move to Trash"))
	settle(t)
	if f.store.Count(data.KindRelation) != 0 {
		t.Fatal("the relation was not moved to the Trash")
	}
	test.Tap(button(t, ps.undo, "Undo"))
	settle(t)
	if f.store.Count(data.KindRelation) != 1 || !strings.Contains(relationsText(ps), "Northside Library") {
		t.Fatal("undo did not bring the relation back")
	}
}
