package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"accord/data"
	"accord/demo"
	"accord/store"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }

func open(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func export(t *testing.T, s *store.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// demoStore holds demo data, an attachment, a logo and records in the Trash.
func demoStore(t *testing.T, partners int) *store.Store {
	t.Helper()
	s := open(t)
	if _, err := demo.Generate(s, demo.Options{Partners: partners, Seed: 3, Today: data.NewDate(2026, 11, 23)}); err != nil {
		t.Fatal(err)
	}
	org := s.Organisation()
	org.Logo = []byte("\x89PNG not really")
	sha, err := s.PutAttachment([]byte("%PDF-1.4 the signed copy"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := store.Get[data.Agreement](s, data.List[data.Agreement](s)[0].ID)
	a.Attachments = []data.Attachment{{Name: "signed.pdf", MIME: "application/pdf", Size: 24, SHA256: sha, AddedAt: fixedNow()}}
	if err := s.SaveAll([]data.Record{org, a}); err != nil {
		t.Fatal(err)
	}
	for _, p := range data.List[data.Partner](s)[:2] {
		if err := s.Delete(data.KindPartner, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// An export imported into an empty folder holds the same records, each stamped anew by the import (an
// edit made here), and exports the same again but for those stamps.
func TestJSONExportImportedIntoAnEmptyFolderHoldsTheSame(t *testing.T) {
	src := demoStore(t, 60)
	dst := open(t)
	sum, err := dst.ImportJSON(bytes.NewReader(export(t, src)))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added.Total() != data.Counts(src.Check().Counts).Total() || sum.Updated.Total()+sum.Skipped.Total() != 0 || sum.Attachments != 1 || sum.Backup != "" {
		t.Fatalf("summary %+v", sum)
	}
	first, second := withoutStamps(t, comparable(t, src)), withoutStamps(t, comparable(t, dst))
	if !bytes.Equal(first, second) {
		t.Fatalf("the export of the import differs:\n%s", firstDifference(first, second))
	}
	if rep := dst.Check(); len(rep.Problems) != 0 || dst.Rev() != uint64(sum.Added.Total()) {
		t.Fatalf("check %v, rev %d want %d", rep.Problems, dst.Rev(), sum.Added.Total())
	}
	if got, _ := dst.Attachment(data.List[data.Agreement](dst)[0].Attachments[0].SHA256); string(got) != "%PDF-1.4 the signed copy" {
		t.Fatalf("attachment %q", got)
	}
	if len(dst.Trash()) != 2 {
		t.Fatalf("%d records in the Trash after the import, want 2", len(dst.Trash()))
	}
}

func comparable(t *testing.T, s *store.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportJSONComparable(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withoutStamps is an export with every record's clock stamp and ancestry taken out, indented again.
func withoutStamps(t *testing.T, export []byte) []byte {
	t.Helper()
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(export, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range data.RecordKinds {
		var records []map[string]any
		if k == data.KindOrganisation {
			records = make([]map[string]any, 1)
			json.Unmarshal(doc[string(k)], &records[0])
		} else {
			json.Unmarshal(doc[string(k)], &records)
		}
		for _, r := range records {
			delete(r, "hlc")
			delete(r, "prev")
		}
		doc[string(k)], _ = json.Marshal(records)
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func firstDifference(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + al[i] + "\n  vs " + bl[i]
		}
	}
	return "lengths differ"
}

func TestExportIsReadableJSONWithItsHead(t *testing.T) {
	b := export(t, demoStore(t, 5))
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"format", "version", "exported_at", "schema", "rev", "organisation", "partners", "needs",
		"agreements", "evaluations", "activities", "attachments"} {
		if doc[key] == nil {
			t.Errorf("no %q", key)
		}
	}
	if !bytes.HasPrefix(b, []byte("{\n  \"format\": \"accord-export\",\n  \"version\": 1,")) {
		t.Fatalf("head:\n%s", b[:80])
	}
	if !bytes.Contains(b, []byte(`"deleted": true`)) {
		t.Fatal("records in the Trash are not marked")
	}
}

func TestImportMergesByIDAndTheNewerCopyWins(t *testing.T) {
	clock := fixedNow()
	now := func() time.Time { return clock }
	a, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	kept, older, gone := partner("Edited here later"), partner("Edited in the file later"), partner("Deleted in the file")
	if err := a.SaveAll([]data.Record{kept, older, gone}); err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.ImportJSON(bytes.NewReader(export(t, a))); err != nil {
		t.Fatal(err)
	}
	b.Save(partner("Only here"))
	clock = clock.Add(time.Hour)
	edit(t, a, older.ID, "Edited in the file later (newer)")
	a.Delete(data.KindPartner, gone.ID)
	a.Save(partner("New in the file"))
	clock = clock.Add(time.Hour)
	edit(t, b, kept.ID, "Edited here later (newer)")
	revBefore := b.Rev()

	sum, err := b.ImportJSON(bytes.NewReader(export(t, a)))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added[data.KindPartner] != 1 || sum.Updated[data.KindPartner] != 2 || sum.Skipped[data.KindPartner] != 1 || sum.Backup == "" {
		t.Fatalf("summary %+v", sum)
	}
	names := strings.Join(titlesOf(data.List[data.Partner](b)), ", ")
	if names != "Edited here later (newer), Edited in the file later (newer), New in the file, Only here" {
		t.Fatalf("after the merge: %s", names)
	}
	if len(b.Trash()) != 1 || b.Trash()[0].Title() != "Deleted in the file" {
		t.Fatalf("trash %v", b.Trash())
	}
	if b.Rev() != revBefore+3 {
		t.Fatalf("rev %d, want %d: three records written", b.Rev(), revBefore+3)
	}
	for _, p := range data.List[data.Partner](b) {
		if m := data.MetaOf(p); m.Rev > b.Rev() {
			t.Fatalf("%s has rev %d above the store's %d", p.Name, m.Rev, b.Rev())
		}
	}
	again, err := b.ImportJSON(bytes.NewReader(export(t, a)))
	if err != nil || again.Changed() || again.Backup != "" {
		t.Fatalf("importing the same file again: %+v, %v", again, err)
	}
}

func partner(name string) *data.Partner {
	return &data.Partner{Name: name, PartnerKind: data.PartnerCommunityOrg, Stage: data.StageActive}
}

func edit(t *testing.T, s *store.Store, id, name string) {
	t.Helper()
	p, err := store.Get[data.Partner](s, id)
	if err != nil {
		t.Fatal(err)
	}
	p.Name = name
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
}

func titlesOf[P data.Record](rs []P) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Title()
	}
	return out
}

func TestImportListsEveryProblemWithItsLineAndImportsNothing(t *testing.T) {
	s := open(t)
	file := `{
  "format": "accord-export",
  "version": 1,
  "organisation": {"id": "ours", "name": "Riverside"},
  "partners": [
    {"id": "p1", "name": "", "kind": "business", "stage": "active"},
    {"id": "p2", "name": "Fine", "kind": "business", "stage": "active"},
    {"id": "p3", "name": "Typo", "kind": "business", "stage": "active", "emial": "x@example.org"},
    {"id": "p4", "name": "Wrong type", "kind": "business", "stage": "active", "influence": "high"},
    {"id": "p2", "name": "Twice", "kind": "business", "stage": "active"},
    {"name": "No id", "kind": "business", "stage": "active"}
  ],
  "attachments": {"0000": "aGVsbG8="},
  "pets": []
}`
	_, err := s.ImportJSON(strings.NewReader(file))
	var ierr *store.ImportError
	if !errors.As(err, &ierr) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, r := range ierr.Records {
		for _, p := range r.Problems {
			got = append(got, strings.Join(nonEmpty(strconv.Itoa(r.Line), r.ID, p.Text()), " "))
		}
	}
	want := []string{
		`4 ours The organisation's id must be organisation.`,
		`6 p1 Give the partner a name.`,
		`8 p3 Accord does not know a field called "emial": check its spelling.`,
		`9 p4 The value of influence should be a whole number.`,
		`10 p2 The id p2 appears more than once in the file.`,
		`11 The record has no id.`,
		`13 The attachment 0000 does not match its content: the file may have been changed.`,
		`14 The file has a part called pets that Accord does not know.`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(data.Explain(err, fmt.Sprintf), "Nothing was imported") {
		t.Fatalf("no plain summary: %v", err)
	}
	if s.Rev() != 0 || len(data.List[data.Partner](s)) != 0 {
		t.Fatal("something was imported")
	}
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func TestImportRefusesFilesThatAreNotExports(t *testing.T) {
	s := open(t)
	good := string(export(t, demoStore(t, 3)))
	for name, c := range map[string]struct{ file, want string }{
		"a shopping list":   {"eggs, milk", "near line 1"},
		"cut short":         {good[:len(good)/2], "ends too early"},
		"a list":            {"[1, 2]", "not an Accord export"},
		"no format":         {`{"partners": []}`, "not an Accord export"},
		"another format":    {`{"format": "other", "version": 1}`, "not an Accord export"},
		"a newer version":   {`{"format": "accord-export", "version": 2}`, "newer version of Accord"},
		"a newer schema":    {`{"format": "accord-export", "version": 1, "schema": 99}`, "newer version of Accord"},
		"text after it":     {`{"format": "accord-export", "version": 1} {}`, "not an Accord export"},
		"syntax in line 3":  {"{\n  \"format\": \"accord-export\",\n  \"version\": 1,,\n}", "near line 3"},
		"version as text":   {`{"format": "accord-export", "version": "1"}`, "not an Accord export"},
		"partners not list": {`{"format": "accord-export", "version": 1, "partners": {}}`, "not an Accord export"},
	} {
		_, err := s.ImportJSON(strings.NewReader(c.file))
		var plain *data.PlainError
		if !errors.As(err, &plain) || !strings.Contains(plain.Error(), c.want) || !strings.Contains(plain.Advice, "import") {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
	if s.Rev() != 0 {
		t.Fatal("a refused file changed the store")
	}
}
