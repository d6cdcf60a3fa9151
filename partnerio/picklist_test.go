package partnerio

import (
	"context"
	"strings"
	"testing"

	"accord/data"
)

// A kind of partner the group added is read from a spreadsheet, in any capitals; a kind nobody defined
// still becomes "other".
func TestImportReadsTheGroupsOwnKindOfPartner(t *testing.T) {
	s := newStore(t)
	if err := s.SaveAll(data.AddPick(s, data.ListPartnerKinds, "allotment society")); err != nil {
		t.Fatal(err)
	}
	tab, err := Read(strings.NewReader("Organisation,Kind\nGreen Lanes Plots,Allotment Society\nMoon Base,space agency\nSt Anne's,faith group\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Guess(tab.Headers)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Plan(context.Background(), s, tab, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Apply(s); err != nil {
		t.Fatal(err)
	}
	got := map[string]data.PartnerKind{}
	for _, p := range data.List[data.Partner](s) {
		got[p.Name] = p.PartnerKind
	}
	if got["Green Lanes Plots"] != "allotment society" || got["Moon Base"] != data.PartnerOther || got["St Anne's"] != data.PartnerFaith {
		t.Errorf("kinds after the import: %v", got)
	}
}
