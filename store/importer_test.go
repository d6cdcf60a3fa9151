package store

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"accord/data"
)

// partnersExport is an export of n partners, each with a description of about a kilobyte, then tail.
func partnersExport(n int, tail string) string {
	var b strings.Builder
	b.WriteString(`{"format": "accord-export", "version": 1, "schema": 1, "partners": [`)
	about := strings.Repeat("Runs the food bank and the Saturday repair café. ", 20)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n"+`  {"id": %q, "name": "Partner %d", "kind": "business", "stage": "active", "description": %q, "updated_at": "2026-01-01T00:00:00Z"}`,
			data.NewID(), i, about)
	}
	return b.String() + tail
}

// fileSum is the SHA-256 of the file at path.
func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// An import that fails after writing batches — a problem further on in the file, a link to nothing, a
// file cut short, the data changed by a save meanwhile — leaves the database byte for byte as it was, and
// leaves no copy behind.
func TestImportThatFailsHalfwayLeavesTheDataAsItWas(t *testing.T) {
	n := importBatch*2 + importBatch/2
	for name, c := range map[string]struct {
		file string
		save bool // a save in the window while the file is read
		want string
	}{
		"a problem at the end": {partnersExport(n, `, {"id": "bad", "kind": "business", "stage": "active"}]}`), false, "Nothing was imported"},
		"a link to nothing": {partnersExport(n, `], "relations": [{"id": "r1", "type_id": "gone", "from_id": "gone", "to_id": "gone"}]}`), false,
			"Nothing was imported"},
		"cut short":         {partnersExport(n, ``), false, "ends too early"},
		"changed meanwhile": {partnersExport(n, `]}`), true, "Your data changed while the import ran"},
	} {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			if err := s.Save(partner("Northside Library")); err != nil {
				t.Fatal(err)
			}
			var r io.Reader = strings.NewReader(c.file)
			if c.save {
				r = &saveHalfway{r: r, at: len(c.file) * 3 / 4, save: func() error { return s.Save(partner("Saved meanwhile")) }}
			}
			before, rev := fileSum(t, s.Path()), s.Rev()
			if c.save {
				before, rev = [32]byte{}, rev+1
			}
			_, err := s.ImportJSON(r)
			if err == nil || !strings.Contains(data.Explain(err, fmt.Sprintf), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			if !c.save && fileSum(t, s.Path()) != before {
				t.Error("the database changed")
			}
			if got := len(data.List[data.Partner](s)); s.Rev() != rev || got != int(rev) {
				t.Errorf("rev %d and %d partners, want %d", s.Rev(), got, rev)
			}
			if _, err := os.Stat(s.Path() + importSuffix); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the import's copy is left: %v", err)
			}
		})
	}
}

// saveHalfway is a reader that saves a record in the store once at bytes have been read.
type saveHalfway struct {
	r    io.Reader
	at   int
	read int
	save func() error
}

func (h *saveHalfway) Read(p []byte) (int, error) {
	n, err := h.r.Read(p[:min(len(p), 4096)])
	if h.read < h.at && h.read+n >= h.at {
		if err := h.save(); err != nil {
			return n, err
		}
	}
	h.read += n
	return n, err
}

// A large file is written in transactions of importBatch records, with memory for about one batch at a
// time, not the whole file: well under one and a half times the file.
func TestImportWritesALargeFileInBatches(t *testing.T) {
	s := openTemp(t)
	if err := s.Save(partner("Northside Library")); err != nil {
		t.Fatal(err)
	}
	n := importBatch*16 + 1
	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, []byte(partnersExport(n, `]}`)), 0o600); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tx := lastTx(s.db.Load())
	var sum ImportSummary
	grew := peakGrowth(func() { sum, err = s.ImportJSON(f) })
	if err != nil || sum.Added[data.KindPartner] != n || sum.Backup == "" {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	if got, want := lastTx(s.db.Load())-tx, n/importBatch+1; got != want {
		t.Errorf("%d transactions, want %d of at most %d records", got, want, importBatch)
	}
	if got := len(data.List[data.Partner](s)); got != n+1 || s.Rev() != uint64(n+1) {
		t.Errorf("%d partners, rev %d", got, s.Rev())
	}
	size := uint64(info.Size())
	if grew > size*3/2 {
		t.Errorf("importing a %d MB file took %d MB more memory", size>>20, grew>>20)
	} else {
		t.Logf("importing a %d MB file took %d MB more memory", size>>20, grew>>20)
	}
}

// PeakGrowth is peakGrowth for the tests outside the package.
var PeakGrowth = peakGrowth

// peakGrowth runs f and returns how much more heap was in use at most while it ran, read every 5 ms.
func peakGrowth(f func()) uint64 {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	peak, done := base.HeapInuse, make(chan bool)
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				done <- true
				return
			case <-time.After(5 * time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	f()
	done <- true
	<-done
	return peak - base.HeapInuse
}
