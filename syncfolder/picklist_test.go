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

// Ana gives two partners relations of two kinds of the group's own, named alike; Ben, after a sync, merges
// one into the other and hides "works with". After the next sync Ana holds both relations of the kind
// kept, the other kind in the Trash, "works with" no longer offered, and neither laptop a conflict.
func TestRelationTypeMergeSyncsBetweenTwoLaptops(t *testing.T) {
	folder := t.TempDir()
	ana, ben := newLaptop(t, "ana"), newLaptop(t, "ben")
	hall, school := newPartner("Hall Trust"), newPartner("Hillcrest School")
	ana.save(hall)
	ana.save(school)
	lends := &data.RelationType{Name: "lends equipment to"}
	loans := &data.RelationType{Name: "loans kit to"}
	ana.save(lends)
	ana.save(loans)
	kit := &data.Relation{From: data.PartnerEnd(hall.ID), To: data.PartnerEnd(school.ID), Type: loans.ID, Status: data.RelationCurrent}
	tables := &data.Relation{From: data.PartnerEnd(school.ID), To: data.Us, Type: lends.ID, Status: data.RelationCurrent}
	ana.save(kit)
	ana.save(tables)
	ana.round(folder)
	ben.now = ben.now.Add(time.Minute)
	ben.round(folder)
	if err := ben.s.SaveAll(slices.Concat(data.MergePick(ben.s, data.ListRelationTypes, loans.ID, lends.ID, ben.now),
		data.SetHidden(ben.s, data.ListRelationTypes, data.RelationWorksWith, true))); err != nil {
		t.Fatal(err)
	}
	ben.now = ben.now.Add(time.Minute)
	ben.round(folder)
	ana.now = ana.now.Add(3 * time.Minute)
	ana.round(folder)
	for _, l := range []*laptop{ana, ben} {
		for _, r := range []*data.Relation{kit, tables} {
			if got := data.Lookup[data.Relation](l.s, r.ID).Type; got != lends.ID {
				t.Errorf("%s: a relation has the kind %q", l.name, got)
			}
		}
		if got := data.Lookup[data.RelationType](l.s, loans.ID); got == nil || !got.Deleted {
			t.Errorf("%s: the merged-away kind is %+v", l.name, got)
		}
		for _, c := range data.OfferedRelationChoices(l.s, "") {
			if c.Type.ID == loans.ID || c.Type.ID == data.RelationWorksWith {
				t.Errorf("%s offers %s", l.name, c.Type.Name)
			}
		}
		if cs := conflictStamps(t, l.s); len(cs) != 0 {
			t.Errorf("%s: conflicts %v", l.name, cs)
		}
	}
	if string(ana.export()) != string(ben.export()) {
		t.Fatal("the two laptops hold different data after the sync")
	}
}
