package data_test

import (
	"testing"

	"accord/data"
)

func TestMergeEditsKeepsBothSidesChangesAndCountsClashes(t *testing.T) {
	read := func() *data.Partner {
		return &data.Partner{Name: "Café Solidaire", Phone: "1", Contacts: []data.Contact{{Name: "Ana"}}}
	}
	original, mine, theirs := read(), read(), read()
	mine.Notes = "Open on Sundays"                                       // only I changed it
	theirs.Phone = "2"                                                   // only they did
	theirs.Contacts = append(theirs.Contacts, data.Contact{Name: "Ben"}) // only they did
	if n := data.MergeEdits(original, mine, theirs); n != 0 {
		t.Fatalf("%d clashes, want none", n)
	}
	if mine.Notes != "Open on Sundays" || mine.Phone != "2" || len(mine.Contacts) != 2 {
		t.Errorf("merged %+v", mine)
	}
	mine.Phone, theirs.Phone = "3", "4"
	theirs.Name = "Café Solidaire (Lyon)"
	mine.Name = theirs.Name // both made the same change: no clash
	if n := data.MergeEdits(original, mine, theirs); n != 1 {
		t.Errorf("%d clashes, want 1 (the phone)", n)
	}
	if mine.Phone != "3" {
		t.Errorf("a clash took their phone: %q", mine.Phone)
	}
}

func TestMergeEditsMergesTheGroupsOwnFieldsOneByOne(t *testing.T) {
	read := func() *data.Partner {
		return &data.Partner{Name: "Café Solidaire", Custom: map[string]string{"number": "1", "ward": "North", "policy": "yes"}}
	}
	original, mine, theirs := read(), read(), read()
	mine.SetCustomValue("number", "1098765")         // only I changed it
	theirs.SetCustomValue("insurance", "2027-01-09") // only they filled it in
	theirs.SetCustomValue("policy", "")              // only they emptied it
	if n := data.MergeEdits(original, mine, theirs); n != 0 {
		t.Fatalf("%d clashes, want none", n)
	}
	want := map[string]string{"number": "1098765", "ward": "North", "insurance": "2027-01-09"}
	if len(mine.Custom) != len(want) {
		t.Fatalf("merged %v; want %v", mine.Custom, want)
	}
	for k, v := range want {
		if mine.Custom[k] != v {
			t.Errorf("merged %v; want %v", mine.Custom, want)
		}
	}
	original = data.Clone(mine)
	theirs = data.Clone(mine)
	mine.SetCustomValue("ward", "South")
	theirs.SetCustomValue("ward", "East")
	if n := data.MergeEdits(original, mine, theirs); n != 1 || mine.Custom["ward"] != "South" {
		t.Errorf("both changed the ward: %d clashes, ward %q", n, mine.Custom["ward"])
	}
}
