package data

import "strings"

// Counts is a number of records by kind.
type Counts map[Kind]int

// countWords are the translation keys that count each kind: the form for one, then for other (see
// Count); our organisation is one record, never counted.
// i18n:keys: shown translated, so each string here is a translation key.
var countWords = map[Kind][2]string{
	KindPartner:      {"%d partner", "%d partners"},
	KindNeed:         {"%d need", "%d needs"},
	KindAgreement:    {"%d agreement", "%d agreements"},
	KindEvaluation:   {"%d evaluation", "%d evaluations"},
	KindActivity:     {"%d activity", "%d activities"},
	KindPrint:        {"%d printed copy", "%d printed copies"},
	KindRelationType: {"%d kind of relation", "%d kinds of relation"},
	KindRelation:     {"%d relation", "%d relations"},
	KindField:        {"%d custom field", "%d custom fields"},
	KindPickEntry:    {"%d list entry", "%d list entries"},
}

// Phrase lists the counts that are not zero, in the order of RecordKinds ("3 partners, 1 agreement"),
// translated with t and count; "nothing" when all are zero.
func (c Counts) Phrase(t Translate, count Count) string {
	var parts []string
	for _, k := range RecordKinds {
		switch n := c[k]; {
		case n > 0 && k == KindOrganisation:
			parts = append(parts, t("your organisation's details"))
		case n > 0:
			parts = append(parts, count(n, countWords[k][0], countWords[k][1]))
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
	KindRelationType: "kind of relation", KindRelation: "relation", KindField: "custom field", KindContact: "contact",
	KindPickEntry: "list entry"}

// KindNoun names one record of a kind, in English (a translation key): "partner", "agreement"…
func KindNoun(k Kind) string { return kindNouns[k] }
