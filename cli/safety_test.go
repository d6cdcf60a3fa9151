package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// withoutExportTime drops the line that says when an export was made.
func withoutExportTime(b []byte) string {
	return regexp.MustCompile(`"exported_at": "[^"]*"`).ReplaceAllString(string(b), "")
}

// withoutStamps drops from an export what an import stamps anew, as any edit on the laptop that imports
// does: the time of the export, revisions, and clock stamps with their ancestry.
func withoutStamps(b []byte) string {
	return regexp.MustCompile(`\n\s*"(rev": \d+|hlc": "[^"]*"|prev": \[[^\]]*\]),?`).ReplaceAllString(withoutExportTime(b), "")
}

func TestBackupRestoreExportAndImportCommands(t *testing.T) {
	folder := t.TempDir()
	if code, _, stderr := run(t, folder, "demo", "--partners", "20"); code != 0 {
		t.Fatal(stderr)
	}
	stick := filepath.Join(t.TempDir(), "stick.db")
	if code, out, stderr := run(t, folder, "backup", "-o", stick); code != 0 || !strings.Contains(out, stick) {
		t.Fatalf("backup -o: exit %d, %q %q", code, out, stderr)
	}
	if code, out, _ := run(t, folder, "backup"); code != 0 || !strings.Contains(out, filepath.Join(folder, "backups", "manual-")) {
		t.Fatalf("backup: exit %d, %q", code, out)
	}

	exported := filepath.Join(t.TempDir(), "all.json")
	if code, out, stderr := run(t, folder, "export", "json", "-o", exported); code != 0 || !strings.Contains(out, exported) {
		t.Fatalf("export json -o: exit %d, %q %q", code, out, stderr)
	}
	code, stdout, _ := run(t, folder, "export", "json")
	file, _ := os.ReadFile(exported)
	if code != 0 || withoutExportTime(file) != withoutExportTime([]byte(stdout)) {
		t.Fatal("export json to the standard output differs from the file")
	}

	other := t.TempDir()
	code, out, stderr := run(t, other, "import", "json", exported)
	if code != 0 || !strings.Contains(out, "Added: your organisation's details, 20 partners") {
		t.Fatalf("import: exit %d, %q %q", code, out, stderr)
	}
	if code, out, _ := run(t, other, "import", "json", exported); code != 0 || !strings.Contains(out, "Nothing changed") {
		t.Fatalf("import again: exit %d, %q", code, out)
	}
	if _, again, _ := run(t, other, "export", "json"); withoutStamps([]byte(again)) != withoutStamps(file) {
		t.Fatal("the import's export differs from the original export")
	}

	// Lose partners by restoring a backup of an emptied folder, then get them back from the stick.
	empty := filepath.Join(t.TempDir(), "empty.db")
	run(t, t.TempDir(), "backup", "-o", empty)
	if code, out, stderr := run(t, folder, "restore", empty); code != 0 || !strings.Contains(out, "before-restore-") {
		t.Fatalf("restore: exit %d, %q %q", code, out, stderr)
	}
	if _, out, _ := run(t, folder, "list", "partners"); out != "" {
		t.Fatalf("after restoring the empty backup: %q", out)
	}
	if code, out, _ := run(t, folder, "restore", stick); code != 0 || !strings.Contains(out, "20 partners") {
		t.Fatalf("restore from the stick: exit %d, %q", code, out)
	}
	if _, out, _ := run(t, folder, "check"); !strings.Contains(out, "No problems found.") || !strings.Contains(out, "partners      20") {
		t.Fatalf("check after the restore:\n%s", out)
	}
}

func TestImportProblemsAreListedOnePerLine(t *testing.T) {
	folder := t.TempDir()
	file := filepath.Join(t.TempDir(), "edited.json")
	os.WriteFile(file, []byte(`{"format": "accord-export", "version": 1,
  "partners": [
    {"id": "p1", "name": "", "kind": "business", "stage": "active"},
    {"id": "p2", "name": "Café Solidaire", "kind": "", "stage": "active"}
  ]}`), 0o600)
	code, out, stderr := run(t, folder, "import", "json", file)
	want := "Line 3, partner p1: Give the partner a name.\nLine 4, partner “Café Solidaire”: Choose a kind of partner from the list.\n"
	if code != 1 || out != want || !strings.Contains(stderr, "Nothing was imported, because the file has problems.") {
		t.Fatalf("exit %d\n%s\nwant\n%s\nstderr %q", code, out, want, stderr)
	}
}

func TestSafetyCommandsSayWhatWentWrong(t *testing.T) {
	folder := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export"}, 2, "Say what to export to"},
		{[]string{"export", "pdf"}, 2, "Say what to export to: json, csv, vcard or relations."},
		{[]string{"import", "csv"}, 2, "import csv FILE"},
		{[]string{"import", "json"}, 2, "import json FILE"},
		{[]string{"restore"}, 2, "Say which backup"},
		{[]string{"backup", "extra"}, 2, "backup takes only"},
		{[]string{"import", "json", "/no/such/file.json"}, 1, "Accord cannot read the file /no/such/file.json."},
		{[]string{"restore", "/no/such/backup.db"}, 1, "Accord cannot read the backup /no/such/backup.db."},
		{[]string{"backup", "-o", "/no/such/folder/b.db"}, 1, "plug the stick back in"},
	} {
		code, _, stderr := run(t, folder, c.args...)
		lines := 1 // what went wrong, then the ways to call the command
		if code == exitUsage {
			lines += len(commands[c.args[0]].usage)
		}
		if code != c.code || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") > lines {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
		}
	}
}
