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
