package data

import (
	"slices"
	"testing"
	"time"
)

// apply writes what a pick-list change returned, as the store's one write would.
func apply(t *testing.T, m *Memory, rs []Record) {
	t.Helper()
	for _, r := range rs {
		if err := m.Save(r); err != nil {
			t.Fatalf("save %s %q: %v", r.Kind(), r.Title(), err)
		}
	}
}

func item(v View, l PickList, value string) (PickItem, bool) {
	items := PickItems(v, l)
	i := slices.IndexFunc(items, func(it PickItem) bool { return it.Value == value })
	if i < 0 {
		return PickItem{}, false
	}
	return items[i], true
}

func TestPickListAddRenameMergeHidePartnerKinds(t *testing.T) {
	a, b := partner("A"), partner("B")
	a.ID, b.ID = NewID(), NewID()
	b.PartnerKind = PartnerFaith
	m := NewMemory(a, b)
	apply(t, m, AddPick(m, ListPartnerKinds, "allotment society"))
	if !slices.Contains(Choices(m, ListPartnerKinds, ""), "allotment society") {
		t.Fatalf("a group's own kind is not offered: %v", Choices(m, ListPartnerKinds, ""))
	}
	if AddPick(m, ListPartnerKinds, "Allotment Society") != nil {
		t.Error("the same kind in other capitals was added twice")
	}
	// A record of the group's own kind is valid.
	a.PartnerKind = "allotment society"
	if err := a.Validate(); err != nil {
		t.Fatalf("a partner of the group's own kind is refused: %v", err)
	}
	// Rename the group's own kind: its partner follows and the entry keeps its ID.
	before := List[PickEntry](m)[0].ID
	apply(t, m, RenamePick(m, ListPartnerKinds, "allotment society", "allotments", time.Now()))
	if got := Lookup[Partner](m, a.ID).PartnerKind; got != "allotments" {
		t.Errorf("the partner has %q after the rename", got)
	}
	if es := List[PickEntry](m); len(es) != 1 || es[0].ID != before || es[0].Value != "allotments" {
		t.Errorf("entries after the rename: %+v", es)
	}
	// Merge it into a built-in: the partner takes the built-in, the entry goes.
	apply(t, m, RenamePick(m, ListPartnerKinds, "allotments", "Community organisation", time.Now()))
	if got := Lookup[Partner](m, a.ID).PartnerKind; got != PartnerCommunityOrg {
		t.Errorf("the partner has %q after the merge", got)
	}
	if _, ok := item(m, ListPartnerKinds, "allotments"); ok {
		t.Error("the merged kind is still listed")
	}
	// Rename a built-in: its partner follows, the built-in is hidden behind the group's word.
	apply(t, m, RenamePick(m, ListPartnerKinds, string(PartnerFaith), "church", time.Now()))
	if got := Lookup[Partner](m, b.ID).PartnerKind; got != "church" {
		t.Errorf("the partner has %q after renaming a built-in", got)
	}
	if it, _ := item(m, ListPartnerKinds, string(PartnerFaith)); !it.Hidden || !it.BuiltIn {
		t.Errorf("the renamed built-in is %+v", it)
	}
	// Hide a kind in use: not offered for new records, still offered to the record that has it.
	apply(t, m, SetHidden(m, ListPartnerKinds, "church", true))
	if slices.Contains(Choices(m, ListPartnerKinds, ""), "church") || !slices.Contains(Choices(m, ListPartnerKinds, "church"), "church") {
		t.Errorf("choices with church hidden: %v", Choices(m, ListPartnerKinds, "church"))
	}
	if got := Lookup[Partner](m, b.ID).PartnerKind; got != "church" {
		t.Errorf("hiding changed the partner's kind to %q", got)
	}
	apply(t, m, SetHidden(m, ListPartnerKinds, "church", false))
	if !slices.Contains(Choices(m, ListPartnerKinds, ""), "church") {
		t.Error("a kind shown again is not offered")
	}
}

func TestPickListResourceKindsFollowOnOffersAndContributions(t *testing.T) {
	p := partner("Hall trust")
	p.ID = NewID()
	p.Offers = []Offer{{Kind: ResourceSpace, Description: "hall"}, {Kind: ResourceFunding, Description: "grant"}}
	ag := validAgreement()
	ag.ID = NewID()
	ag.Parties[1].Contributions = []Contribution{{Kind: ResourceSpace, Description: "hall"}}
	m := NewMemory(p, ag)
	apply(t, m, AddPick(m, ListResourceKinds, "rooms"))
	apply(t, m, RenamePick(m, ListResourceKinds, string(ResourceSpace), "rooms", time.Now())) // a merge
	got := Lookup[Partner](m, p.ID)
	if got.Offers[0].Kind != "rooms" || got.Offers[1].Kind != ResourceFunding {
		t.Errorf("offers after the merge: %+v", got.Offers)
	}
	if k := Lookup[Agreement](m, ag.ID).Parties[1].Contributions[0].Kind; k != "rooms" {
		t.Errorf("the contribution has %q", k)
	}
	if it, _ := item(m, ListResourceKinds, "rooms"); it.Uses != 2 {
		t.Errorf("rooms is used %d times", it.Uses)
	}
	if it, _ := item(m, ListResourceKinds, string(ResourceSpace)); !it.Hidden || it.Uses != 0 {
		t.Errorf("space after the merge: %+v", it)
	}
	summaries := ResourceMap(m, DateOf(time.Now()))
	if !slices.ContainsFunc(summaries, func(s ResourceSummary) bool { return s.Kind == "rooms" && s.Offers == 1 }) {
		t.Errorf("the resource map leaves out the group's own kind: %+v", summaries)
	}
}

func TestPickListActivityKinds(t *testing.T) {
	a := &Activity{Meta: Meta{ID: NewID()}, Name: "Litter pick", ActivityKind: "event", Date: DateOf(time.Now())}
	m := NewMemory(a)
	apply(t, m, RenamePick(m, ListActivityKinds, "event", "workshop", time.Now()))
	if k := Lookup[Activity](m, a.ID).ActivityKind; k != "workshop" {
		t.Errorf("the activity has %q", k)
	}
	if err := Lookup[Activity](m, a.ID).Validate(); err != nil {
		t.Errorf("an activity of the group's own kind is refused: %v", err)
	}
	apply(t, m, SetHidden(m, ListActivityKinds, "call", true))
	if c := Choices(m, ListActivityKinds, ""); slices.Contains(c, "call") || slices.Contains(c, "event") || !slices.Contains(c, "workshop") {
		t.Errorf("activity kinds offered: %v", c)
	}
	if ListActivityKinds.Label("workshop", func(s string, _ ...any) string { return "T:" + s }) != "workshop" ||
		ListActivityKinds.Label("call", func(s string, _ ...any) string { return "T:" + s }) != "T:call" {
		t.Error("a group's own entry is translated, or a built-in is not")
	}
}

func TestInOrderPutsTheGroupsOwnEntriesAfterAccords(t *testing.T) {
	counts := map[PartnerKind]int{"allotment society": 2, PartnerFunder: 1, "church": 1, PartnerCommunityOrg: 3}
	got := InOrder(ListPartnerKinds, counts)
	want := []PartnerKind{PartnerCommunityOrg, PartnerFunder, "allotment society", "church"}
	if !slices.Equal(got, want) {
		t.Errorf("in order: %q; want %q", got, want)
	}
}

// A name typed in the window's language is the built-in entry it translates, so renaming "church" to
// "Grupo religioso" in Spanish merges it into faith group rather than adding a twin.
func TestPickNamedReadsTheWindowsLanguage(t *testing.T) {
	m := NewMemory()
	spanish := func(s string, _ ...any) string {
		if s == string(PartnerFaith) {
			return "grupo religioso"
		}
		return s
	}
	if got := PickNamed(m, ListPartnerKinds, " Grupo Religioso ", spanish); got != string(PartnerFaith) {
		t.Errorf("the Spanish name reads as %q", got)
	}
	if got := PickNamed(m, ListPartnerKinds, "huerto", spanish); got != "huerto" {
		t.Errorf("a new name reads as %q", got)
	}
}

// Kinds of relation are a pick-list too: one of the group's own merged into another takes its relations
// along and goes to the Trash; a built-in merged away is hidden; a hidden kind is not offered for new
// relations, but a relation that has it keeps it and is still offered it, until it is shown again.
func TestPickListRelationTypesMergeAndHide(t *testing.T) {
	m, council, bank, school := web(t)
	lends := &RelationType{Meta: Meta{ID: NewID()}, Name: "lends equipment to", Reverse: "borrows equipment from"}
	loans := &RelationType{Meta: Meta{ID: NewID()}, Name: "loans kit to"}
	apply(t, m, []Record{lends, loans})
	kit := &Relation{Meta: Meta{ID: NewID()}, From: PartnerEnd(school.ID), To: PartnerEnd(council.ID), Type: loans.ID, Status: RelationCurrent}
	apply(t, m, []Record{kit})
	if it, ok := item(m, ListRelationTypes, loans.ID); !ok || it.BuiltIn || it.Uses != 1 {
		t.Fatalf("the group's own kind is listed as %+v, %v", it, ok)
	}
	apply(t, m, MergePick(m, ListRelationTypes, loans.ID, lends.ID, time.Now()))
	if got := Lookup[Relation](m, kit.ID).Type; got != lends.ID {
		t.Errorf("the relation has %q after the merge", got)
	}
	if got := Lookup[RelationType](m, loans.ID); got == nil || !got.Deleted {
		t.Errorf("the merged-away kind is %+v, not in the Trash", got)
	}
	if _, ok := item(m, ListRelationTypes, loans.ID); ok {
		t.Error("the merged-away kind is still listed")
	}
	offered := func(keep string) []string {
		var out []string
		for _, c := range OfferedRelationChoices(m, keep) {
			out = append(out, c.Type.ID)
		}
		return out
	}
	// A built-in merged into the group's own: its relation follows, the built-in is hidden, not offered.
	apply(t, m, MergePick(m, ListRelationTypes, RelationWorksWith, lends.ID, time.Now()))
	if got := RelationsOf(m, PartnerEnd(bank.ID)); len(got) != 2 || got[0].Type != RelationFunds && got[1].Type != RelationFunds {
		t.Errorf("the food bank's relations after the merge: %+v", got)
	}
	if it, _ := item(m, ListRelationTypes, RelationWorksWith); !it.BuiltIn || !it.Hidden || it.Uses != 0 {
		t.Errorf("works with after the merge: %+v", it)
	}
	if slices.Contains(offered(""), RelationWorksWith) {
		t.Error("a built-in merged away is still offered")
	}
	// Hide a kind in use: its relations keep it and are offered it; new ones are not.
	apply(t, m, SetHidden(m, ListRelationTypes, lends.ID, true))
	if got := Lookup[Relation](m, kit.ID).Type; got != lends.ID {
		t.Errorf("hiding changed the relation's kind to %q", got)
	}
	if slices.Contains(offered(""), lends.ID) || !slices.Contains(offered(lends.ID), lends.ID) {
		t.Errorf("offered with the kind hidden: %v, and to its relation %v", offered(""), offered(lends.ID))
	}
	if !slices.Contains(offered(""), RelationFunds) {
		t.Errorf("a kind never hidden is not offered: %v", offered(""))
	}
	apply(t, m, SetHidden(m, ListRelationTypes, lends.ID, false))
	if !slices.Contains(offered(""), lends.ID) {
		t.Error("a kind shown again is not offered")
	}
}
