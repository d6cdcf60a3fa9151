package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"accord/data"
)

func TestNeedsPutUnmetHighPriorityFirstAndLinkPartners(t *testing.T) {
	f := newFixture(t)
	f.save(t,
		&data.Need{Name: "Bench repairs", Priority: data.PriorityLow, Status: data.NeedOpen},
		&data.Need{Name: "Warm space in winter", Priority: data.PriorityHigh, Status: data.NeedOpen},
		&data.Need{Name: "Food bank shelf", Priority: data.PriorityHigh, Status: data.NeedMet})
	sh, w := showShell(t, f.store)
	ns := showScreen[*needsScreen](t, sh)
	if len(ns.items) != 3 || ns.items[0].Name != "Warm space in winter" || ns.items[2].Name != "Food bank shelf" {
		t.Fatalf("order: %v", titlesOf(ns.items))
	}
	if _, sub := ns.row(ns.items[0]); sub[:3] != "⚠" {
		t.Fatalf("an unmet high-priority need does not stand out: %q", sub)
	}
	ns.list.Select(0)
	settle(t)
	test.Tap(button(t, ns.pane, "Link a partner"))
	settle(t)
	choosePartnerInDialog(t, w, "allot")
	test.Tap(button(t, ns.pane, "Link an agreement"))
	settle(t)
	choosePartnerInDialog(t, w, "fridge")
	test.Tap(button(t, ns.pane, "Save"))
	settle(t)
	got := data.Lookup[data.Need](f.store, ns.items[0].ID)
	if len(got.PartnerIDs) != 1 || data.Lookup[data.Partner](f.store, got.PartnerIDs[0]).Name != "Green Allotments" {
		t.Fatalf("linked partners: %v", got.PartnerIDs)
	}
	if len(got.AgreementIDs) != 1 || got.AgreementIDs[0] != f.distant.ID {
		t.Fatalf("linked agreements: %v", got.AgreementIDs)
	}
	ns.create()
	settle(t)
	ns.editor.n.Name = ""
	test.Tap(button(t, ns.pane, "Save"))
	settle(t)
	if f.store.Count(data.KindNeed) != 3 || ns.editor.problems.Text != "Give the need a short title." {
		t.Fatalf("a need without a title: %q", ns.editor.problems.Text)
	}
}

func titlesOf[P data.Record](rs []P) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Title()
	}
	return out
}
