package pdf

import (
	"fmt"
	"math"
	"strings"

	"accord/data"
	"accord/i18n"
)

// participationBlocks are the people who took part in a span's activities and the groups counted among
// them, in a document's language: what a funder asks about community participation.
func participationBlocks(l i18n.Lang, t data.Turnout) []block {
	ts := tiles{
		{l.T("People took part"), l.Amount(fmt.Sprint(t.People), ""), l.T("counting each person at each activity"), accent},
		{l.T("Activities"), fmt.Sprint(t.Activities), l.T("people counted at %d of them", t.Counted), accent},
	}
	var groups []string
	for _, g := range data.ParticipantGroups {
		if n := *t.Of(g); n > 0 {
			share := l.Number(math.Round(float64(n)/float64(t.People)*100), 0, false)
			groups = append(groups, l.T("%s %s (%s%%)", l.Amount(fmt.Sprint(n), ""), string(g), share))
		}
	}
	if len(groups) == 0 {
		return []block{ts}
	}
	return []block{ts, fields{{l.T("Of them"), strings.Join(groups, ", ")}}}
}
