package data

import "testing"

func TestCloneSharesNothingWithTheOriginal(t *testing.T) {
	e := &Evaluation{AgreementID: "a1", Date: NewDate(2026, 3, 1), Respondents: []Respondent{{Name: "Ana", Scores: map[Dimension]Score{DimTrust: {Value: 4}}}}}
	c := Clone(e)
	c.Respondents[0].Scores[DimTrust] = Score{Value: 1}
	c.Respondents[0].Name = "Ben"
	if e.Respondents[0].Scores[DimTrust].Value != 4 || e.Respondents[0].Name != "Ana" || c.AgreementID != "a1" {
		t.Fatalf("the clone shares its respondents with the original: %+v", e.Respondents[0])
	}
}
