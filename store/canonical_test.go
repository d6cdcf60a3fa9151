package store

import (
	"bytes"
	"encoding/json"
	"testing"

	"accord/data"
)

// Whatever quickWithoutRev makes of a record is what withoutRev makes of it, so the quick way never
// changes what two laptops compare; and it takes records as Accord stores them, so it is the way taken.
func FuzzQuickWithoutRev(f *testing.F) {
	p := partner("Café <Ünïcode> & “quotes”")
	p.Notes = "line one\nline two\u2028"
	plain := partner("Food bank")
	plain.FocusAreas = []string{"food", "youth"}
	stored, _ := json.Marshal(plain)
	if _, ok := quickWithoutRev(stored); !ok {
		f.Fatalf("a record as Accord stores it does not take the quick way: %s", stored)
	}
	escaped, _ := json.Marshal(p)
	for _, seed := range []string{string(stored), string(escaped), `{"b":1,"a":2,"rev":3}`, `{"a":1,"a":2}`, `{"a": 1}`,
		`{"a":"<"}`, `{"a":{"z":1,"b":[1,{"y":2,"c":3}]},"b":"x"}`, `{"a\u0062":1}`, `{"rev":3}`, `{}`, `{"a":"\u2028"}`,
		`{"b":[],"a":{}}`, `{"x":"a,b}","a":"]"}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if !json.Valid(raw) {
			return
		}
		quick, ok := quickWithoutRev(raw)
		if !ok {
			return
		}
		want, err := withoutRev(raw)
		if err != nil {
			t.Fatalf("quickWithoutRev(%s) = %s, but it is not an object: %v", raw, quick, err)
		}
		if !bytes.Equal(want, quick) {
			t.Fatalf("quickWithoutRev(%s) = %s, withoutRev makes %s", raw, quick, want)
		}
	})
}

func TestParseVersionKeepsTheCanonicalForm(t *testing.T) {
	for _, raw := range []string{`{"name":"B","id":"p1","kind":"non-profit","stage":"active","rev":4}`,
		`{"id":"p1","kind":"non-profit","name":"B","stage":"active"}`, `{"id": "p1", "kind":"non-profit","name":"B","stage":"active","rev":4}`} {
		v, err := ParseVersion(data.KindPartner, []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		if string(v.JSON) != `{"id":"p1","kind":"non-profit","name":"B","stage":"active"}` {
			t.Errorf("%s parsed as %s", raw, v.JSON)
		}
	}
}
