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
