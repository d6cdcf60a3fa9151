package syncfolder

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"accord/data"
	"accord/store"
)

// A record line as Accord writes it is read without decoding the record twice, into the same entry the
// full decoding gives; a line of any other shape is left to the full decoding.
func TestRecordLinesReadAsTheyAreWritten(t *testing.T) {
	for _, record := range []string{`{"id":"p1","name":"Food bank","kind":"non-profit","stage":"active"}`, `{}`,
		`{"id":"p2","notes":"a \"quoted\" }} brace","kind":"non-profit"}`} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		if err := writeRecordLine(w, store.Version{Kind: data.KindPartner, JSON: []byte(record)}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		line := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		quick, ok := recordLine(line)
		var full entry
		if err := json.Unmarshal(line, &full); err != nil || !ok || !reflect.DeepEqual(quick, full) {
			t.Errorf("%s: quick %+v (%v), full %+v (%v)", line, quick, ok, full, err)
		}
		line[len(line)-3] = ' ' // the line is read over: the entry keeps its own copy
		if string(quick.Record) != record {
			t.Errorf("the entry's record changed with the line: %s", quick.Record)
		}
	}
	for _, other := range []string{`{"kind":"partners","id":"p1","hlc":"x","gone":true}`, `{"kind":"strangers","record":{"id":"x"}}`,
		`{"record":{"id":"x"},"kind":"partners"}`} {
		if _, ok := recordLine([]byte(other)); ok {
			t.Errorf("%s read as a record line", other)
		}
	}
}
