package store_test

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"accord/data"
	"accord/store"
)

const head = `{"format": "accord-export", "version": 1, "schema": 1`

// importProblems imports file and lists each problem as "line id text".
func importProblems(t *testing.T, s *store.Store, file string) []string {
	t.Helper()
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
	return got
}

// A record that links to one neither the file nor Accord holds is refused by name, and nothing is
// imported; a link to a record only Accord holds, or only the file, is fine.
func TestImportRefusesLinksToRecordsThatExistNowhere(t *testing.T) {
	s := open(t)
	here := partner("Northside Library")
	if err := s.Save(here); err != nil {
		t.Fatal(err)
	}
	rev := s.Rev()
	file := head + `,
  "partners": [
    {"id": "p-file", "name": "Café Solidaire", "kind": "business", "stage": "active"}
  ],
  "activities": [
    {"id": "a1", "title": "Planning meeting", "kind": "meeting", "date": "2026-01-05", "partner_ids": ["p-file", "` + here.ID + `"]},
    {"id": "a2", "title": "Lost meeting", "kind": "meeting", "date": "2026-01-06", "partner_ids": ["p-gone"], "agreement_id": "g-gone"}
  ]
}`
	got := importProblems(t, s, file)
	want := []string{
		"7 a2 It links to a record that is neither in the file nor in Accord: partner p-gone.",
		"7 a2 It links to a record that is neither in the file nor in Accord: agreement g-gone.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.Rev() != rev {
		t.Fatal("something was imported")
	}
	fixed := strings.Replace(file, `,
    {"id": "a2", "title": "Lost meeting", "kind": "meeting", "date": "2026-01-06", "partner_ids": ["p-gone"], "agreement_id": "g-gone"}`, "", 1)
	if sum, err := s.ImportJSON(strings.NewReader(fixed)); err != nil || sum.Added.Total() != 2 {
		t.Fatalf("without the lost meeting: %+v, %v", sum, err)
	}
	if rep := s.Check(); len(rep.Problems) > 0 {
		t.Fatal(rep.Problems)
	}
}

// An amount the annual report would print as "−92,233,720…" is refused at the import, as in the window.
func TestImportRefusesAmountsBeyondAnyGroup(t *testing.T) {
	s := open(t)
	file := head + `,
  "evaluations": [
    {"id": "e1", "partner_id": "p1", "date": "2026-03-01", "impact": {"funds_leveraged": ` + strconv.FormatInt(math.MaxInt64, 10) + `}}
  ],
  "partners": [{"id": "p1", "name": "Café Solidaire", "kind": "business", "stage": "active",
    "offers": [{"kind": "funding", "description": "Grant", "value": 1000000000000}]}]
}`
	got := importProblems(t, s, file)
	want := []string{
		"3 e1 Funds leveraged is too large: keep it under 10,000,000,000.",
		"5 p1 A value is too large: keep it under 10,000,000,000.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// repeat is n bytes of c, made as they are read.
type repeat struct {
	c byte
	n int64
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), r.n))
	for i := range p[:n] {
		p[i] = r.c
	}
	r.n -= int64(n)
	return n, nil
}

// allocated is how many bytes f allocates in all.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A file too large to be an export is refused in plain words without being read; one value far larger
// than any record (a 200 MB name) is refused as it is read, with its line, costing less than the name.
func TestImportBoundsWhatItReads(t *testing.T) {
	s := open(t)
	huge := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(huge, []byte(head), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 600<<20); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(huge)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cost uint64
	cost = allocated(func() { _, err = s.ImportJSON(f) })
	if !strings.Contains(data.Explain(err, fmt.Sprintf), "too large to import: Accord takes export files up to 512 MB") || cost > 1<<20 {
		t.Fatalf("a 600 MB file: %v, after allocating %d bytes", err, cost)
	}
	name := io.MultiReader(strings.NewReader(head+",\n\"partners\": [\n  {\"id\": \"p1\", \"name\": \""), &repeat{'A', 200 << 20},
		strings.NewReader(`", "kind": "business", "stage": "active"}]}`))
	cost = allocated(func() { _, err = s.ImportJSON(name) })
	if !strings.Contains(data.Explain(err, fmt.Sprintf), "Line 3 of the file starts a record larger than any Accord makes") || cost > 200<<20 {
		t.Fatalf("a 200 MB name: %v, after allocating %d MB", err, cost>>20)
	}
	if s.Rev() != 0 {
		t.Fatal("a refused file changed the store")
	}
}

// An export of attachments, the largest thing an export holds, is imported with memory near 1.5 times the
// file — each attachment decoded once, as the file is read, and written once — where it took five times.
// The bound leaves room for the decoder's last buffer, which waits for the garbage collector.
func TestImportOfAttachmentsTakesMemoryNearOneAndAHalfTimesTheFile(t *testing.T) {
	var file bytes.Buffer
	file.WriteString(head + `, "attachments": {`)
	for i := range 4 {
		content := make([]byte, 10<<20)
		rand.Read(content)
		sum := sha256.Sum256(content)
		if i > 0 {
			file.WriteString(",")
		}
		file.WriteString("\n  \"" + hex.EncodeToString(sum[:]) + "\": \"" + base64.StdEncoding.EncodeToString(content) + "\"")
	}
	file.WriteString("}}\n")
	path := filepath.Join(t.TempDir(), "attachments.json")
	if err := os.WriteFile(path, file.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	size := uint64(file.Len())
	file = bytes.Buffer{}
	s := open(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sum store.ImportSummary
	grew := store.PeakGrowth(func() { sum, err = s.ImportJSON(f) })
	if err != nil || sum.Attachments != 4 {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	if grew > size*2 {
		t.Fatalf("importing a %d MB file took %d MB more memory", size>>20, grew>>20)
	}
	t.Logf("importing a %d MB file took %d MB more memory", size>>20, grew>>20)
}
