package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"accord/data"
	"accord/store"
)

// demoAgreement fills a folder with demo data and returns the ID of one of its agreements.
func demoAgreement(t *testing.T) (folder, id string) {
	t.Helper()
	folder = t.TempDir()
	if code, _, stderr := run(t, folder, "demo", "--partners", "12", "--seed", "3"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	_, out, _ := run(t, folder, "list", "agreements")
	id, _, _ = strings.Cut(out, "\t")
	return folder, id
}

func agreement(t *testing.T, folder, id string) *data.Agreement {
	t.Helper()
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := store.Get[data.Agreement](s, id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPrintMOUWritesThePDFAndRecordsIt(t *testing.T) {
	folder, id := demoAgreement(t)
	before := agreement(t, folder, id)
	file := filepath.Join(t.TempDir(), "mou.pdf")
	code, out, stderr := run(t, folder, "print", "mou", id, "-o", file)
	if code != 0 || strings.TrimSpace(out) != file {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %v", file, err)
	}
	after := agreement(t, folder, id)
	sum := sha256.Sum256(b)
	if len(after.PrintedVersions) != 1 || after.PrintedVersions[0].SHA256 != hex.EncodeToString(sum[:]) ||
		after.PrintedVersions[0].Rev != before.Rev {
		t.Fatalf("printed versions %+v, want one of revision %d with the file's SHA-256", after.PrintedVersions, before.Rev)
	}
	if code, _, stderr := run(t, folder, "print", "-o", file, "mou", id); code != 0 {
		t.Fatalf("-o before the words: exit %d: %s", code, stderr)
	}
	if n := len(agreement(t, folder, id).PrintedVersions); n != 2 {
		t.Fatalf("%d printed versions after two prints", n)
	}
}

func TestPrintMistakes(t *testing.T) {
	folder, id := demoAgreement(t)
	file := filepath.Join(t.TempDir(), "mou.pdf")
	for _, args := range [][]string{{"print"}, {"print", "mou"}, {"print", "mou", id}, {"print", "memo", id, "-o", file},
		{"print", "mou", id, "extra", "-o", file}, {"print", "mou", id, "-o"}} {
		if code, _, stderr := run(t, folder, args...); code != 2 || !strings.Contains(stderr, "print mou ID -o FILE") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	code, _, stderr := run(t, folder, "print", "mou", "0190-no-such-id", "-o", file)
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "0190-no-such-id") {
		t.Errorf("unknown ID: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("a failed print left a file: %v", err)
	}
}

// TestPrintInvalidAgreementStillPrints breaks a stored agreement behind the store's back, as an older
// Accord or an import might leave it: it prints, but the print is not recorded on it.
func TestPrintInvalidAgreementStillPrints(t *testing.T) {
	folder, id := demoAgreement(t)
	db, err := bolt.Open(filepath.Join(folder, store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(data.KindAgreement))
		var record map[string]any
		if err := json.Unmarshal(b.Get([]byte(id)), &record); err != nil {
			return err
		}
		record["review_every_months"] = 500
		v, _ := json.Marshal(record)
		return b.Put([]byte(id), v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "mou.pdf")
	code, out, stderr := run(t, folder, "print", "mou", id, "-o", file)
	if code != 0 || !strings.HasPrefix(out, file+"\n") || !strings.Contains(out, "not recorded") || !strings.Contains(out, "120 months") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
	if n := len(agreement(t, folder, id).PrintedVersions); n != 0 {
		t.Fatalf("an invalid agreement recorded %d prints", n)
	}
}
