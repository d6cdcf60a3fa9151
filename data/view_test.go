package data

import (
	"strings"
	"testing"
)

func TestCloneSharesNothingWithTheOriginal(t *testing.T) {
	e := &Evaluation{AgreementID: "a1", Date: NewDate(2026, 3, 1), Respondents: []Respondent{{Name: "Ana", Scores: map[Dimension]Score{DimTrust: {Value: 4}}}}}
	c := Clone(e)
	c.Respondents[0].Scores[DimTrust] = Score{Value: 1}
	c.Respondents[0].Name = "Ben"
	if e.Respondents[0].Scores[DimTrust].Value != 4 || e.Respondents[0].Name != "Ana" || c.AgreementID != "a1" {
		t.Fatalf("the clone shares its respondents with the original: %+v", e.Respondents[0])
	}
}

// A Memory keeps one record per ID, the last one added, and lists them by name.
func TestMemoryReplacesByIDAndListsByName(t *testing.T) {
	m := NewMemory(&Partner{Meta: Meta{ID: "b"}, Name: "Bakery"}, &Partner{Meta: Meta{ID: "a"}, Name: "Zebra Crossing"},
		&Partner{Meta: Meta{ID: "a"}, Name: "Allotments"})
	m.Add(&Partner{Meta: Meta{ID: "b"}, Name: "Café"}, &Partner{Meta: Meta{ID: "c"}, Name: "Bakery"})
	var names []string
	for _, p := range List[Partner](m) {
		names = append(names, p.ID+":"+p.Name)
	}
	if got := strings.Join(names, " "); got != "a:Allotments c:Bakery b:Café" {
		t.Fatalf("listed %s", got)
	}
}
