package ui

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"accord/data"
	"accord/i18n"
)

// difference is one field where two versions of a record differ, written out for a volunteer; field is
// its place in the record's struct, to take one side's value.
type difference struct {
	label, a, b string
	field       int
}

// differences lists, in the order a form shows them, the fields where two versions of the same kind of
// record differ. Identity, times and revisions are left out: they always differ and mean nothing to compare.
func differences(a, b data.Record) []difference {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	var out []difference
	for i := 0; i < va.NumField(); i++ {
		f := va.Type().Field(i)
		if f.Anonymous || !f.IsExported() {
			continue // the embedded Meta
		}
		x, y := describe(va.Field(i)), describe(vb.Field(i))
		if x != y {
			out = append(out, difference{fieldLabel(f), x, y, i})
		}
	}
	return out
}

// takeField sets one field of into to its value in from, two records of the same kind.
func takeField(into, from data.Record, field int) {
	reflect.ValueOf(into).Elem().Field(field).Set(reflect.ValueOf(from).Elem().Field(field))
}

// fieldLabel is a field's name for the user, from its JSON name: "focus_areas" reads "Focus areas".
func fieldLabel(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if label, ok := fieldLabels[name]; ok {
		return T(label)
	}
	if name == "" || name == "-" {
		name = f.Name
	}
	words := strings.ReplaceAll(name, "_", " ")
	return strings.ToUpper(words[:1]) + words[1:]
}

// fieldLabels name the fields of records as the forms do.
// i18n:keys: shown translated, so each string here is a translation key.
var fieldLabels = map[string]string{
	"name": "Name", "title": "Title", "kind": "Kind", "description": "Description", "address": "Address",
	"website": "Website", "email": "Email", "phone": "Phone", "languages": "Languages", "focus_areas": "Focus areas",
	"contacts": "People", "offers": "What they offer", "influence": "Influence", "interest": "Interest",
	"stage": "Stage", "notes": "Notes", "status": "Status", "purpose": "Purpose", "background": "Background",
	"goals": "Shared goals", "start": "Starts", "end": "Ends", "parties": "Parties", "date": "Date",
	"summary": "Summary", "actions": "Actions agreed", "priority": "Priority", "source": "Source", "area": "Area",
	"partner_ids": "Partners", "agreement_ids": "Agreements", "agreement_id": "Agreement", "partner_id": "Partner",
	"governance": "Governance and decision-making", "communication": "Communication",
	"conflict_resolution": "Conflict resolution", "confidentiality": "Confidentiality and data sharing",
	"respondents": "Respondents", "strengths": "Strengths", "challenges": "Challenges", "logo": "Logo",
	"signatory_name": "Who usually signs", "signatory_title": "Their role", "currency": "Currency",
	"paper_size": "Paper size", "clauses": "Extra clauses", "amendments": "Amendments",
}

// describe writes a field's value as text: dates and amounts in the language's style, kinds and statuses
// translated, lists one item a line.
func describe(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case data.Dimension:
		return T(data.DimensionNames[x])
	case data.Date:
		return longDate(x)
	case data.Money:
		if x == 0 {
			return ""
		}
		return money(x, "")
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return whenText(x)
	case []byte:
		if len(x) == 0 {
			return ""
		}
		return T("a picture")
	}
	switch v.Kind() {
	case reflect.String:
		if v.Type() != reflect.TypeOf("") && v.String() != "" {
			return T(v.String()) // a kind, stage or status: an English key
		}
		return v.String()
	case reflect.Bool:
		if v.Bool() {
			return T("yes")
		}
		return ""
	case reflect.Int, reflect.Int64:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		if v.Float() == 0 {
			return ""
		}
		return i18n.Number(v.Float(), -1, true)
	case reflect.Slice:
		return describeItems(v)
	case reflect.Map:
		return describeMap(v)
	case reflect.Struct:
		return describeStruct(v)
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return describe(v.Elem())
	}
	return ""
}

func describeItems(v reflect.Value) string {
	items := make([]string, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		if d := describe(v.Index(i)); d != "" {
			items = append(items, d)
		}
	}
	if v.Type().Elem().Kind() == reflect.String {
		return strings.Join(items, ", ")
	}
	for i := range items {
		items[i] = "• " + items[i]
	}
	return strings.Join(items, "\n")
}

// describeMap writes a map such as a respondent's scores as "key: value" pairs in the order of the keys.
func describeMap(v reflect.Value) string {
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return describe(keys[i]) < describe(keys[j]) })
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		if d := describe(v.MapIndex(k)); d != "" {
			parts = append(parts, describe(k)+": "+d)
		}
	}
	return strings.Join(parts, "; ")
}

// describeStruct writes an item such as a contact or an offer as its non-empty fields, "Name: Ana; …".
func describeStruct(v reflect.Value) string {
	var parts []string
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !f.IsExported() || f.Name == "ID" {
			continue
		}
		if d := describe(v.Field(i)); d != "" {
			parts = append(parts, fieldLabel(f)+": "+strings.ReplaceAll(d, "\n", " "))
		}
	}
	return strings.Join(parts, "; ")
}
