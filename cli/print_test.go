package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"accord/data"
	"accord/store"
	"accord/store/sealed"
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

// exported reads one agreement and its prints out of `accord export json`.
func exported(t *testing.T, folder, id string) (agreement map[string]any, prints []map[string]any) {
	t.Helper()
	code, out, stderr := run(t, folder, "export", "json")
	if code != 0 {
		t.Fatalf("export json: exit %d: %s", code, stderr)
	}
	var file map[string]json.RawMessage
	var agreements []map[string]any
	if err := json.Unmarshal([]byte(out), &file); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(file["agreements"], &agreements)
	json.Unmarshal(file["prints"], &prints)
	for _, a := range agreements {
		if a["id"] == id {
			agreement = a
		}
	}
	prints = slices.DeleteFunc(prints, func(p map[string]any) bool { return p["agreement_id"] != id })
	return agreement, prints
}

// printTo prints the agreement's MOU into a new file and returns its bytes.
func printTo(t *testing.T, folder, id string, args ...string) []byte {
	t.Helper()
	file := filepath.Join(t.TempDir(), "mou.pdf")
	code, out, stderr := run(t, folder, append(append([]string{"print"}, args...), "mou", id, "-o", file)...)
	if code != 0 || strings.TrimSpace(out) != file {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %v", file, err)
	}
	return b
}

func TestPrintingTheSameWordsTwiceGivesTheSameFileAndLeavesTheAgreement(t *testing.T) {
	folder, id := demoAgreement(t)
	before, _ := exported(t, folder, id)
	first := printTo(t, folder, id)
	second := printTo(t, folder, id, "-o", "ignored.pdf") // -o before the words works too, the last one wins
	if !bytes.Equal(first, second) {
		t.Fatal("two prints of the same wording differ")
	}
	after, prints := exported(t, folder, id)
	for _, field := range []string{"rev", "updated_at", "hlc", "wording"} {
		if fmt.Sprint(before[field]) != fmt.Sprint(after[field]) {
			t.Errorf("printing changed the agreement's %s: %v → %v", field, before[field], after[field])
		}
	}
	sum := sha256.Sum256(first)
	if len(prints) != 2 || prints[0]["sha256"] != hex.EncodeToString(sum[:]) || prints[0]["version"] != float64(1) {
		t.Fatalf("prints %v, want two of wording version 1 with the file's SHA-256", prints)
	}
}

func TestTwoLaptopsPrintTheSameVersionAfterASync(t *testing.T) {
	shared := t.TempDir()
	ana, id := demoAgreement(t)
	ben := t.TempDir()
	for _, folder := range []string{ana, ben} {
		if code, _, stderr := run(t, folder, "sync", "--folder", shared); code != 0 {
			t.Fatalf("sync: %s", stderr)
		}
	}
	if !bytes.Equal(printTo(t, ana, id), printTo(t, ben, id)) {
		t.Fatal("the same agreement printed differently on two laptops")
	}
	reword(t, ana, id, "To run the homework club together, every school day.")
	for _, folder := range []string{ana, ben, ana} {
		if code, _, stderr := run(t, folder, "sync"); code != 0 {
			t.Fatalf("sync: %s", stderr)
		}
	}
	onAna, onBen := printTo(t, ana, id), printTo(t, ben, id)
	a, _ := exported(t, ben, id)
	if !bytes.Equal(onAna, onBen) || a["wording"].(map[string]any)["version"] != float64(2) {
		t.Fatalf("after rewording on one laptop and a sync: same file %v, wording on the other %v", bytes.Equal(onAna, onBen), a["wording"])
	}
}

// reword changes an agreement's purpose, as the window would.
func reword(t *testing.T, folder, id, purpose string) {
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
	a.Purpose = purpose
	if err := s.Save(a); err != nil {
		t.Fatal(err)
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
// Accord or an import might leave it: the paper copy is often how its problems get fixed, so it prints,
// and the print is recorded, since the print log is apart from the agreement.
func TestPrintInvalidAgreementStillPrints(t *testing.T) {
	folder, id := demoAgreement(t)
	db, err := bolt.Open(filepath.Join(folder, store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(data.KindAgreement))
		var record map[string]any
		stored, _ := sealed.Unseal(b.Get([]byte(id)))
		if err := json.Unmarshal(stored, &record); err != nil {
			return err
		}
		record["review_every_months"] = 500
		v, _ := json.Marshal(record)
		return b.Put([]byte(id), sealed.Seal(v))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	printTo(t, folder, id)
	if _, prints := exported(t, folder, id); len(prints) != 1 {
		t.Fatalf("%d prints recorded, want 1", len(prints))
	}
}

// TestPrintInTheLanguagesAsked prints one agreement in Spanish, and in French and Spanish, whatever the
// screen's language: the PDF declares its language and reads in it; a language Accord does not print in
// is a usage mistake.
func TestPrintInTheLanguagesAsked(t *testing.T) {
	folder, id := demoAgreement(t)
	for _, c := range []struct {
		languages, lang string
		want            []string
	}{
		{"es", "es", []string{"Página 1 de", "Finalidad"}},
		{"fr,es", "fr", []string{"Page 1 sur", "Página 1 de", "Objet / Finalidad"}},
	} {
		pdf := printTo(t, folder, id, "--language", c.languages)
		if !bytes.Contains(pdf, []byte("/Lang ("+c.lang+")")) {
			t.Errorf("--language %s: the PDF does not declare /Lang (%s)", c.languages, c.lang)
		}
		text := pdfText(t, pdf)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("--language %s: the PDF does not say %q", c.languages, w)
			}
		}
	}
	file := filepath.Join(t.TempDir(), "mou.pdf")
	for _, bad := range []string{"de", "fr,fr", "fr,es,en"} {
		if code, _, stderr := run(t, folder, "print", "mou", id, "-o", file, "--language", bad); code != 2 || !strings.Contains(stderr, "--language fr,es") {
			t.Errorf("--language %s: exit %d, %q", bad, code, stderr)
		}
	}
}

// pdfText is a PDF's text as pdftotext reads it, or the test is skipped where poppler is not installed
// (CI has it).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed, and CI must read documents with it")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "read.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(path, file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// An annex that is a PDF file prints page by page at the end of the MOU, the same bytes each time.
func TestPrintAppendsAPDFAnnex(t *testing.T) {
	folder, id := demoAgreement(t)
	annex := printTo(t, folder, id) // any PDF will do: this agreement's own MOU
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := store.Get[data.Agreement](s, id)
	if err == nil {
		var att data.Attachment
		att, err = s.KeepSignedCopy("partner's schedule.pdf", annex, a.UpdatedAt)
		a.Attachments = append(a.Attachments, att)
		a.Annexes = append(a.Annexes, data.Annex{Title: "Schedule", File: att.SHA256})
	}
	if err == nil {
		err = s.Save(a)
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	first := printTo(t, folder, id)
	text := pdfText(t, first)
	if !strings.Contains(text, "Schedule") || !strings.Contains(text, "The file “partner's schedule.pdf”, page 1 of") {
		t.Fatalf("the MOU does not print the annex file's pages:\n%s", text)
	}
	if again := printTo(t, folder, id); !bytes.Equal(again, first) {
		t.Fatal("the MOU with a PDF annex printed different bytes the second time")
	}
}
