package pdf

import (
	"fmt"
	"math"

	"accord/data"
	"accord/i18n"
)

// participationTiles are the people who took part in a span's activities and the groups counted among
// them, in a document's language: what a funder asks about community participation.
func participationTiles(l i18n.Lang, t data.Turnout) tiles {
	ts := tiles{{l.T("People took part"), l.Amount(fmt.Sprint(t.People), ""),
		l.T("counted at %d of %d activities", t.Counted, t.Activities), accent}}
	for _, g := range data.ParticipantGroups {
		if n := *t.Of(g); n > 0 {
			share := math.Round(float64(n) / float64(t.People) * 100)
			ts = append(ts, tile{capitalise(l.T(string(g))), l.Amount(fmt.Sprint(n), ""),
				l.T("%s%% of the people counted", l.Number(share, 0, false)), strengthColour})
		}
	}
	return ts
}
