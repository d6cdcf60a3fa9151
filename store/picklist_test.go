package store

import (
	"slices"
	"testing"

	"accord/data"
)

// The group's own kinds, the built-ins it hid and the partners of those kinds go out in the JSON export and
// come back in: the second file offers the same kinds, and keeps the partner's.
func TestPickEntriesTravelInTheJSONExport(t *testing.T) {
	src := openTemp(t)
	if err := src.SaveAll(slices.Concat(data.AddPick(src, data.ListPartnerKinds, "allotment society"),
		data.SetHidden(src, data.ListPartnerKinds, string(data.PartnerMedia), true))); err != nil {
		t.Fatal(err)
	}
	plots := &data.Partner{Name: "Green Lanes Plots", PartnerKind: "allotment society", Stage: data.StageActive}
	if err := src.Save(plots); err != nil {
		t.Fatal(err)
	}
	dst, sum := exportedInto(t, src, `"pick_entries": [`, `"list": "partner_kind"`, `"value": "allotment society"`, `"hidden": true`)
	if sum.Added[data.KindPickEntry] != 2 || sum.Added[data.KindPartner] != 1 {
		t.Fatalf("imported %v", sum.Added)
	}
	if got, want := data.Choices(dst, data.ListPartnerKinds, ""), data.Choices(src, data.ListPartnerKinds, ""); !slices.Equal(got, want) {
		t.Errorf("the imported file offers %q; the exported one %q", got, want)
	}
	if got, err := Get[data.Partner](dst, plots.ID); err != nil || got.PartnerKind != "allotment society" {
		t.Fatalf("the partner after the import: %+v, %v", got, err)
	}
}

// The store keeps a list's choices between clicks, yet every change shows in them at once: a value a
// record brings (from a sync or a file), an entry added, one hidden, and the index loaded again.
func TestChoicesFollowEveryChangeThoughKept(t *testing.T) {
	s := openTemp(t)
	offered := func(value string) bool { return slices.Contains(data.Choices(s, data.ListPartnerKinds, ""), value) }
	if offered("food bank network") {
		t.Fatal("a value no record has is offered")
	}
	if err := s.Save(&data.Partner{Name: "Northside Pantry", PartnerKind: "food bank network", Stage: data.StageActive}); err != nil {
		t.Fatal(err)
	}
	if !offered("food bank network") {
		t.Error("a partner's own kind is not offered after it was saved")
	}
	if err := s.SaveAll(data.AddPick(s, data.ListPartnerKinds, "tenants' association")); err != nil {
		t.Fatal(err)
	}
	if !offered("tenants' association") {
		t.Error("an entry added is not offered")
	}
	if err := s.SaveAll(data.SetHidden(s, data.ListPartnerKinds, "tenants' association", true)); err != nil {
		t.Fatal(err)
	}
	if offered("tenants' association") {
		t.Error("a hidden entry is still offered")
	}
}

// Keep derives a figure once, and again only after a record of a kind it was derived from changed.
func TestAKeptFigureIsDerivedAgainOnlyAfterAChange(t *testing.T) {
	s := openTemp(t)
	derived := 0
	count := func() int {
		return s.Keep("partners", []data.Kind{data.KindPartner}, func() any { derived++; return s.Count(data.KindPartner) }).(int)
	}
	count()
	count()
	if derived != 1 {
		t.Fatalf("derived %d times with no change between", derived)
	}
	if err := s.Save(&data.Need{Name: "Winter coats", Priority: data.PriorityHigh, Status: data.NeedOpen}); err != nil {
		t.Fatal(err)
	}
	count()
	if derived != 1 {
		t.Errorf("a need's change derived the partners' figure again")
	}
	if err := s.Save(&data.Partner{Name: "Eastgate Library", PartnerKind: data.PartnerMedia, Stage: data.StageActive}); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != 1 || derived != 2 {
		t.Errorf("after a partner was saved: %d partners, derived %d times", got, derived)
	}
}
