package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// A backup holding records that break a rule — stored by an older Accord with looser rules — is restored
// whole, and the restore and the check name each of them: nothing is lost, nothing is hidden.
func TestARestoreNamesRecordsThatBreakARule(t *testing.T) {
	s := openTemp(t)
	s.Save(partner("Fine"))
	err := s.db.Load().Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(data.KindPartner))
		return b.Put([]byte("a/b"), seal([]byte(`{"id":"a/b","name":"Slashed","kind":"business","stage":"active","rev":1}`)))
	})
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), FileName)
	res, err := Restore(path, backup, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Join(res.Restored.DescribeFlawed(fakeT), "\n")
	if len(res.Restored.Flawed) != 1 || !strings.Contains(lines, "Slashed") || !strings.Contains(lines, "slash") {
		t.Fatalf("the restore says:\n%s", lines)
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.Count(data.KindPartner) != 2 {
		t.Fatalf("%d partners restored", r.Count(data.KindPartner))
	}
	if rep := r.Check(); len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "partners/a/b breaks a rule") {
		t.Fatalf("check: %q", rep.Problems)
	}
}

func fakeT(s string, args ...any) string { return fmt.Sprintf(s, args...) }
