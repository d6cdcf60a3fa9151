package store

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// member is one key and its value in a JSON object, as byte ranges of the object.
type member struct{ key, value []byte }

// quickWithoutRev is withoutRev for the usual case, without decoding and encoding every value again (that
// was a third of a first sync): a compact object, in valid UTF-8 (keys are decoded, and a bad byte would
// come back as U+FFFD), with no character json.Marshal writes otherwise and no escape in a key. Its members
// but "rev", sorted by key, are what json.Marshal makes of the object as a map. ok is false for anything
// else, which withoutRev then does the long way. raw must be valid JSON: this looks at its shape only.
func quickWithoutRev(raw []byte) (out []byte, ok bool) {
	members, ok := topLevel(raw)
	if !ok {
		return nil, false
	}
	if canonical(members) {
		return raw, true // as another laptop sends it: copying 45 MB of a first sync took a tenth of it
	}
	members = slices.DeleteFunc(members, func(m member) bool { return string(m.key) == "rev" })
	slices.SortFunc(members, func(a, b member) int { return bytes.Compare(a.key, b.key) })
	out = make([]byte, 0, len(raw))
	out = append(out, '{')
	for i, m := range members {
		if i > 0 {
			if bytes.Equal(m.key, members[i-1].key) {
				return nil, false // json.Unmarshal keeps the last of twins: leave that to it
			}
			out = append(out, ',')
		}
		out = append(append(append(append(out, '"'), m.key...), '"', ':'), m.value...)
	}
	return append(out, '}'), true
}

// canonical is true when the members are already as quickWithoutRev would write them: no rev, each key
// after the one before.
func canonical(members []member) bool {
	for i, m := range members {
		if string(m.key) == "rev" || (i > 0 && bytes.Compare(members[i-1].key, m.key) >= 0) {
			return false
		}
	}
	return true
}

// topLevel splits an object into its members; false when it is not of the shape quickWithoutRev takes.
func topLevel(raw []byte) (members []member, ok bool) {
	if len(raw) < 2 || raw[0] != '{' || raw[len(raw)-1] != '}' || !utf8.Valid(raw) {
		return nil, false
	}
	depth, start := 0, 0
	var key []byte
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '"':
			end, ok := stringEnd(raw, i+1)
			if !ok {
				return nil, false
			}
			if depth == 1 && key == nil {
				key = raw[i+1 : end]
				if bytes.IndexByte(key, '\\') >= 0 || end+1 >= len(raw) || raw[end+1] != ':' {
					return nil, false
				}
				start, i = end+2, end+1
				continue
			}
			i = end
		case '{', '[':
			depth++
		case '}', ']', ',':
			if c != ',' {
				depth--
			}
			if depth == 0 || (c == ',' && depth == 1) {
				if key != nil {
					members = append(members, member{key, raw[start:i]})
				}
				key = nil
			}
		case ' ', '\t', '\n', '\r':
			return nil, false
		}
	}
	return members, true
}

// stringEnd finds the quote that closes the string starting at from, or false when a character in it is
// one json.Marshal would write otherwise: <, >, &, U+2028 or U+2029.
func stringEnd(raw []byte, from int) (int, bool) {
	for i := from; i < len(raw); i++ {
		switch raw[i] {
		case '"':
			return i, true
		case '\\':
			i++
		case '<', '>', '&':
			return 0, false
		case 0xE2:
			if i+2 < len(raw) && raw[i+1] == 0x80 && (raw[i+2] == 0xA8 || raw[i+2] == 0xA9) {
				return 0, false
			}
		}
	}
	return 0, false
}
