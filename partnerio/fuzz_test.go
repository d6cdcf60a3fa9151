package partnerio

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead feeds Read anything at all, starting from every fixture. Whatever it accepts must be a table
// whose rows have no more cells than there are headers and end with a filled one, and whatever Plan makes
// of it must be valid, so that Apply cannot fail on the data. `go test` runs the fixtures as the seed corpus; `go test -fuzz FuzzRead` explores.
func FuzzRead(f *testing.F) {
	fixtures, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range fixtures {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	s := newStore(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		tab, err := Read(bytes.NewReader(raw))
		if err != nil {
			return
		}
		last := 1
		for _, row := range tab.Rows {
			if len(row.Cells) > len(tab.Headers) || len(row.Cells) == 0 || row.Cells[len(row.Cells)-1] == "" || row.Number <= last {
				t.Fatalf("row %d after row %d has cells %q for %d headers", row.Number, last, row.Cells, len(tab.Headers))
			}
			last = row.Number
		}
		m, err := Guess(tab.Headers)
		if err != nil {
			return
		}
		plan, err := Plan(context.Background(), s, tab, m, Options{Duplicates: Merge})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range plan.New {
			if err := p.Validate(); err != nil {
				t.Fatalf("planned partner %q is invalid: %v", p.Name, err)
			}
		}
	})
}
