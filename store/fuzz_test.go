package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accord/data"
)

// FuzzImportJSON feeds the importer any bytes. Whatever they are, it must not panic; a refused file must
// be explained in plain words and leave the store as it was; an accepted one must leave a consistent
// file, and importing it again must change nothing.
func FuzzImportJSON(f *testing.F) {
	dir := f.TempDir()
	s, err := Open(filepath.Join(dir, FileName), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	f.Fuzz(func(t *testing.T, file []byte) {
		defer os.RemoveAll(filepath.Join(dir, BackupFolder)) // one per changing import: they would fill the disk
		rev, count := s.Rev(), data.Counts(s.Check().Counts).Total()
		sum, err := s.ImportJSON(bytes.NewReader(file))
		if err != nil {
			var plain data.Explainer
			if !errors.As(err, &plain) {
				t.Fatalf("an import error without plain words: %v", err)
			}
			if s.Rev() != rev || data.Counts(s.Check().Counts).Total() != count {
				t.Fatal("a refused import changed the store")
			}
			return
		}
		for _, p := range s.Check().Problems {
			if strings.HasPrefix(p, "The database") {
				t.Fatal(p)
			}
		}
		if again, err := s.ImportJSON(bytes.NewReader(file)); err != nil || again.Changed() {
			t.Fatalf("importing the same file twice: %+v, %v (first %+v)", again, err, sum)
		}
	})
}

// FuzzOpenDamaged damages a good database file and opens it. The input is a list of damages of five bytes
// each — what to do, then where, modulo the file's length — so the fuzzer works on the file's structure
// rather than on random bytes the very first check would refuse. Open must never crash: it opens a file
// whose damage it can live with (every record still decodes), or refuses it as damaged and leaves it
// exactly as it was.
func FuzzOpenDamaged(f *testing.F) {
	base := upgradedFixture(f)
	f.Fuzz(func(t *testing.T, damage []byte) {
		b := bytes.Clone(base)
		for i := 0; i+5 <= len(damage) && i < 5*64; i += 5 {
			op, at := damage[i], int(binary.LittleEndian.Uint32(damage[i+1:])%uint32(len(b)))
			switch op % 4 {
			case 0:
				b[at] ^= op | 1
			case 1:
				clear(b[at:min(at+64, len(b))])
			case 2:
				b = b[:at]
			case 3:
				b[at] = 0xFF
			}
			if len(b) == 0 {
				break
			}
		}
		path := filepath.Join(t.TempDir(), FileName)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, Options{})
		if err != nil {
			if c := data.CodeOf(err); c != data.CodeDamaged && c != data.CodeNewer {
				t.Fatalf("a damaged file gave %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, b) {
				t.Fatalf("a refused file was changed: %v", err)
			}
			return
		}
		defer s.Close()
		s.Check()
		if err := s.ExportJSON(io.Discard); err != nil {
			t.Fatalf("a file that opened cannot be exported: %v", err)
		}
	})
}

// upgradedFixture is testdata/schema1.db as this Accord keeps it: the same bytes on every run.
func upgradedFixture(tb testing.TB) []byte {
	path := filepath.Join(tb.TempDir(), FileName)
	if err := copyFile("testdata/schema1.db", path); err != nil {
		tb.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
