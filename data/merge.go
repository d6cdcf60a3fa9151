package data

import "reflect"

// MergeEdits brings into mine — a copy being edited since original was read — every field that theirs (the
// record as stored now, changed meanwhile by a sync or another screen) changed and mine left alone, and
// returns how many fields both changed, differently. With none, saving mine loses nobody's work; with
// some, the user chooses between the two. Fields are compared whole — a list of contacts is one field — but
// for the values of the group's own fields, which merge field by field too: one person's charity number and
// another's insurance date never clash.
func MergeEdits(original, mine, theirs Record) (clashes int) {
	o, m, t := reflect.ValueOf(original).Elem(), reflect.ValueOf(mine).Elem(), reflect.ValueOf(theirs).Elem()
	for i := 0; i < m.NumField(); i++ {
		f := m.Type().Field(i)
		if f.Anonymous || !f.IsExported() { // the embedded Meta: identity, times and revision
			continue
		}
		was, have, came := o.Field(i).Interface(), m.Field(i).Interface(), t.Field(i).Interface()
		if values, ok := have.(map[string]string); ok {
			merged, n := mergeValues(was.(map[string]string), values, came.(map[string]string))
			m.Field(i).Set(reflect.ValueOf(merged))
			clashes += n
			continue
		}
		switch {
		case reflect.DeepEqual(have, was):
			m.Field(i).Set(t.Field(i))
		case !reflect.DeepEqual(came, was) && !reflect.DeepEqual(have, came):
			clashes++
		}
	}
	return clashes
}

// mergeValues merges custom values (see MergeEdits) key by key: mine where I changed one, theirs where only
// they did, and a clash where both changed one differently (mine is kept until the user chooses).
func mergeValues(was, mine, theirs map[string]string) (map[string]string, int) {
	var merged map[string]string
	clashes := 0
	for _, m := range []map[string]string{was, mine, theirs} {
		for k := range m {
			if _, done := merged[k]; done {
				continue
			}
			v := mine[k]
			switch {
			case mine[k] == was[k]:
				v = theirs[k]
			case theirs[k] != was[k] && theirs[k] != mine[k]:
				clashes++
			}
			if merged == nil {
				merged = map[string]string{}
			}
			merged[k] = v
		}
	}
	for k, v := range merged {
		if v == "" {
			delete(merged, k)
		}
	}
	if len(merged) == 0 {
		return nil, clashes
	}
	return merged, clashes
}
