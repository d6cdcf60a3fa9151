package data

import "strings"

// Counts is a number of records by kind.
type Counts map[Kind]int

// countWords are the translation keys that count each kind: singular, then plural.
// i18n:keys: shown translated, so each string here is a translation key.
var countWords = map[Kind][2]string{
	KindOrganisation: {"your organisation's details", "your organisation's details"},
	KindPartner:      {"1 partner", "%d partners"},
	KindNeed:         {"1 need", "%d needs"},
	KindAgreement:    {"1 agreement", "%d agreements"},
	KindEvaluation:   {"1 evaluation", "%d evaluations"},
	KindActivity:     {"1 activity", "%d activities"},
	KindPrint:        {"1 printed copy", "%d printed copies"},
	KindRelationType: {"1 kind of relation", "%d kinds of relation"},
	KindRelation:     {"1 relation", "%d relations"},
}

// Phrase lists the counts that are not zero, in the order of RecordKinds ("3 partners, 1 agreement"),
// translated with t; "nothing" when all are zero.
func (c Counts) Phrase(t func(string, ...any) string) string {
	var parts []string
	for _, k := range RecordKinds {
		switch n := c[k]; {
		case n == 1 || n > 0 && k == KindOrganisation:
			parts = append(parts, t(countWords[k][0]))
		case n > 1:
			parts = append(parts, t(countWords[k][1], n))
		}
	}
	if len(parts) == 0 {
		return t("nothing")
	}
	return strings.Join(parts, ", ")
}

// Total is the sum of the counts.
func (c Counts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// kindNouns name one record of each kind (translation keys).
// i18n:keys: shown translated, so each string here is a translation key.
var kindNouns = map[Kind]string{KindOrganisation: "organisation", KindPartner: "partner", KindNeed: "need",
	KindAgreement: "agreement", KindEvaluation: "evaluation", KindActivity: "activity", KindPrint: "printed copy",
	KindRelationType: "kind of relation", KindRelation: "relation"}

// KindNoun names one record of a kind, in English (a translation key): "partner", "agreement"…
func KindNoun(k Kind) string { return kindNouns[k] }
