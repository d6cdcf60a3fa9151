package syncfolder

import (
	"slices"
	"testing"
	"time"

	"accord/data"
)

// Ana adds a kind of partner of the group's own and gives it to a partner; Ben, after a sync, offers
// it too. Ben renames it and hides a built-in kind while Ana adds another kind: after a sync both laptops
// hold the renamed kind on the partner, both new kinds, the hidden one, and no conflict.
func TestPickListRenameSyncsBetweenTwoLaptops(t *testing.T) {
	folder := t.TempDir()
	ana, ben := newLaptop(t, "ana"), newLaptop(t, "ben")
	saveAll := func(l *laptop, rs []data.Record) {
		t.Helper()
		if err := l.s.SaveAll(rs); err != nil {
			t.Fatalf("%s: %v", l.name, err)
		}
	}
	saveAll(ana, data.AddPick(ana.s, data.ListPartnerKinds, "allotment society"))
	plots := newPartner("Green Lanes Plots")
	plots.PartnerKind = "allotment society"
	ana.save(plots)
	ana.round(folder)
	ben.now = ben.now.Add(time.Minute)
	ben.round(folder)
	if !slices.Contains(data.Choices(ben.s, data.ListPartnerKinds, ""), "allotment society") {
		t.Fatalf("ben is not offered the kind ana added: %v", data.Choices(ben.s, data.ListPartnerKinds, ""))
	}
	saveAll(ben, data.RenamePick(ben.s, data.ListPartnerKinds, "allotment society", "allotments", ben.now))
	saveAll(ben, data.SetHidden(ben.s, data.ListPartnerKinds, string(data.PartnerMedia), true))
	ana.now = ana.now.Add(2 * time.Minute)
	saveAll(ana, data.AddPick(ana.s, data.ListPartnerKinds, "tenants' union"))
	ben.now = ben.now.Add(2 * time.Minute)
	ben.round(folder)
	ana.now = ana.now.Add(3 * time.Minute)
	ana.round(folder)
	ben.now = ben.now.Add(3 * time.Minute)
	ben.round(folder)
	for _, l := range []*laptop{ana, ben} {
		if k := data.Lookup[data.Partner](l.s, plots.ID).PartnerKind; k != "allotments" {
			t.Errorf("%s: the partner's kind is %q", l.name, k)
		}
		c := data.Choices(l.s, data.ListPartnerKinds, "")
		if !slices.Contains(c, "allotments") || !slices.Contains(c, "tenants' union") || slices.Contains(c, "allotment society") || slices.Contains(c, string(data.PartnerMedia)) {
			t.Errorf("%s offers %v", l.name, c)
		}
		if cs := conflictStamps(t, l.s); len(cs) != 0 {
			t.Errorf("%s: conflicts %v", l.name, cs)
		}
	}
	if string(ana.export()) != string(ben.export()) {
		t.Fatal("the two laptops hold different data after the sync")
	}
}
