package data

import (
	"slices"
	"testing"
)

func TestRenamingAFocusAreaMovesEveryPartnerAndMerges(t *testing.T) {
	a, b, c := partner("A"), partner("B"), partner("C")
	a.FocusAreas = []string{"youth", "food"}
	b.FocusAreas = []string{"food security", "food"}
	c.FocusAreas = []string{"housing"}
	v := NewMemory(a, b, c)
	changed := RenameFocusArea(v, "food", "food security")
	if len(changed) != 2 {
		t.Fatalf("%d partners changed", len(changed))
	}
	got := map[string][]string{}
	for _, p := range changed {
		got[p.Name] = p.FocusAreas
	}
	if !slices.Equal(got["A"], []string{"youth", "food security"}) || !slices.Equal(got["B"], []string{"food security"}) {
		t.Errorf("renamed %v", got)
	}
	if !slices.Equal(a.FocusAreas, []string{"youth", "food"}) {
		t.Errorf("the partner read was changed, not a copy: %v", a.FocusAreas)
	}
}
