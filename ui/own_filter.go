package ui

import (
	"slices"
	"strings"

	"accord/data"
	"accord/i18n"
)

// ownFilter is a list's filter by the group's own fields of the kind of record it lists: a drop-down of
// the ways to filter (each field filled in or empty, and for a yes-or-no or a list, each of its values)
// that follows the fields added, renamed or removed in Settings. A browser shows it above its list (see
// browser.own).
type ownFilter struct {
	view data.View
	kind data.Kind
	sel  *dropDown // nil until the list is built
	ways []ownWay
}

// ownWay is one way to filter by a field of the group's own: its words, and the values it keeps.
type ownWay struct {
	label string
	keep  func(values map[string]string) bool
}

// newOwnFilter filters records of kind k.
func newOwnFilter(v data.View, k data.Kind) *ownFilter {
	return &ownFilter{view: v, kind: k}
}

// buildUI is the drop-down, hidden while the kind has no fields of the group's own; changed filters the
// list again.
func (f *ownFilter) buildUI(changed func()) *dropDown {
	f.sel = filterSelect(T("Any field of your own"), nil, changed)
	f.sel.asFirst = true // a field's long name would widen the list
	f.fill()
	return f.sel
}

// ownWays are the ways to filter by the group's own fields of a kind of record.
func ownWays(v data.View, k data.Kind) []ownWay {
	lang := i18n.Current().Code()
	var out []ownWay
	for _, d := range data.Fields(v, k) {
		id, name := d.ID, d.Label(lang)
		out = append(out,
			ownWay{T("%s filled in", name), func(m map[string]string) bool { return m[id] != "" }},
			ownWay{T("%s empty", name), func(m map[string]string) bool { return m[id] == "" }})
		values, labels := d.Choices, d.Choices
		if d.Type == data.FieldYesNo {
			values, labels = []string{data.Yes, data.No}, []string{T(data.Yes), T(data.No)}
		}
		if d.Type == data.FieldChoice || d.Type == data.FieldChoices || d.Type == data.FieldYesNo {
			for i, value := range values {
				out = append(out, ownWay{T("%s: %s", name, labels[i]), func(m map[string]string) bool {
					return slices.Contains(strings.Split(m[id], "\n"), value)
				}})
			}
		}
	}
	return out
}

// fill offers the ways to filter as the fields are now, keeping the one chosen while it is still there
// (else every record shows again); with no fields it hides. A list calls it before each refresh.
func (f *ownFilter) fill() {
	if f.sel == nil {
		return
	}
	was := f.sel.Options[1:]
	f.ways = ownWays(f.view, f.kind)
	labels := make([]string, len(f.ways))
	for i, w := range f.ways {
		labels[i] = w.label
	}
	refillFilter(f.sel, was, labels, labels)
	showIf(f.sel, len(f.ways) > 0)
}

// filter reads the choice on the UI goroutine and returns which values to keep, for a browser's filter.
func (f *ownFilter) filter() func(values map[string]string) bool {
	i := -1
	if f.sel != nil {
		i = f.sel.SelectedIndex() - 1
	}
	if i < 0 || i >= len(f.ways) {
		return nil
	}
	return f.ways[i].keep
}
