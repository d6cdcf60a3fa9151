package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accord/store"
)

// A byte of a partner's name changed on disk: check names the record, check --repair takes it back from
// the backup, and the check is clean after.
func TestCheckRepairTakesADamagedRecordBackFromABackup(t *testing.T) {
	folder := t.TempDir()
	if code, _, stderr := run(t, folder, "demo", "--partners", "10", "--seed", "3"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	if code, _, stderr := run(t, folder, "backup"); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	_, out, _ := run(t, folder, "list", "partners")
	id, name, _ := strings.Cut(strings.Split(out, "\n")[0], "\t")
	path := filepath.Join(folder, store.FileName)
	b, _ := os.ReadFile(path)
	at := bytes.Index(b, []byte(`"name":"`+name))
	if at < 0 {
		t.Fatalf("%q not found in the file", name)
	}
	b[at+len(`"name":"`)] ^= 0x01
	os.WriteFile(path, b, 0o600)

	code, out, _ := run(t, folder, "check")
	if code != 1 || !strings.Contains(out, "partners/"+id) || !strings.Contains(out, "--repair") {
		t.Fatalf("check: exit %d\n%s", code, out)
	}
	code, out, stderr := run(t, folder, "check", "--repair")
	if code != 0 || !strings.Contains(out, "taken back from the backup") || !strings.Contains(out, "No problems found.") {
		t.Fatalf("check --repair: exit %d\n%s%s", code, out, stderr)
	}
	if _, out, _ := run(t, folder, "list", "partners"); !strings.Contains(out, id+"\t"+name) {
		t.Fatalf("the partner is not back:\n%s", out)
	}
}
