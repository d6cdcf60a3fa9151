package syncfolder

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
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

// A segment of several batches, decoded while it is still being read, is taken in whole: every record of
// every batch, each under its own ID, and the ones that break a rule named wherever they fall.
func TestASegmentOfManyBatchesIsTakenInWhole(t *testing.T) {
	folder, ben := t.TempDir(), newLaptop(t, "ben")
	stranger := "0123456789abcdef"
	var vs []store.Version
	var want []string
	for i := range 2*batchEntries + 10 {
		id, name := fmt.Sprintf("p%04d", i), fmt.Sprintf("Partner %04d", i)
		if i == 3 || i == batchEntries+1 || i == 2*batchEntries+9 {
			name = "" // refused: a partner needs a name
		} else {
			want = append(want, name)
		}
		vs = append(vs, store.Version{Kind: data.KindPartner, ID: id, JSON: []byte(`{"hlc":"2026-12-01T08:00:00.000Z-0000-` +
			stranger + `","id":"` + id + `","kind":"business","name":"` + name + `","stage":"active"}`)})
	}
	dir := filepath.Join(folder, Top, stranger)
	os.MkdirAll(dir, 0o700)
	if err := writeSegment(dir, stranger, 1, vs); err != nil {
		t.Fatal(err)
	}
	rep := ben.round(folder)
	if rep.In != len(want) || len(rep.NotTaken) != 3 {
		t.Fatalf("in %d (want %d), not taken %+v", rep.In, len(want), rep.NotTaken)
	}
	ben.wantNames(want...)
	for _, p := range store.Search[data.Partner](ben.s, "") {
		if p.Name != "Partner "+strings.TrimPrefix(p.ID, "p") {
			t.Fatalf("%s holds %q", p.ID, p.Name)
		}
	}
}
