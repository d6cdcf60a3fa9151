package data

import "reflect"

// MergeEdits brings into mine — a copy being edited since original was read — every field that theirs (the
// record as stored now, changed meanwhile by a sync or another screen) changed and mine left alone, and
// returns how many fields both changed, differently. With none, saving mine loses nobody's work; with
// some, the user chooses between the two. Fields are compared whole: a list of contacts is one field.
func MergeEdits(original, mine, theirs Record) (clashes int) {
	o, m, t := reflect.ValueOf(original).Elem(), reflect.ValueOf(mine).Elem(), reflect.ValueOf(theirs).Elem()
	for i := 0; i < m.NumField(); i++ {
		f := m.Type().Field(i)
		if f.Anonymous || !f.IsExported() { // the embedded Meta: identity, times and revision
			continue
		}
		was, have, came := o.Field(i).Interface(), m.Field(i).Interface(), t.Field(i).Interface()
		switch {
		case reflect.DeepEqual(have, was):
			m.Field(i).Set(t.Field(i))
		case !reflect.DeepEqual(came, was) && !reflect.DeepEqual(have, came):
			clashes++
		}
	}
	return clashes
}
