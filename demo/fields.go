package demo

import (
	"fmt"

	"accord/data"
)

// makeFields gives partners the two fields of the group's own a newcomer should meet at once: a charity
// number, printed on documents, and the date the partner's insurance expires, which reminds 30 days before.
// Most partners have both filled in; a few insurances expire within the month, so the dashboard and the
// calendar show the reminder. It draws after everything else, so adding it changed no other demo record.
func (g *gen) makeFields() {
	created := g.at(g.today.AddDays(-g.between(200, 700)))
	number := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Charity number"), CreatedAt: created},
		Name: "Charity number", Names: map[string]string{"es": "Número de entidad benéfica", "fr": "Numéro d'association"},
		For: data.KindPartner, Type: data.FieldText, Print: true}
	insurance := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Insurance expires"), CreatedAt: created},
		Name: "Insurance expires", Names: map[string]string{"es": "Vencimiento del seguro", "fr": "Fin de l'assurance"},
		For: data.KindPartner, Type: data.FieldDate, RemindDays: 30, Order: 1}
	g.fields = []*data.FieldDefinition{number, insurance}
	for _, p := range g.partners {
		if g.chance(0.85) {
			p.SetCustomValue(number.ID, fmt.Sprintf("%d", g.between(1_000_000, 1_199_999)))
		}
		if g.chance(0.8) {
			p.SetCustomValue(insurance.ID, g.today.AddDays(g.between(-10, 365)).String())
		}
	}
}
