package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSyncCarriesDemoDataAndRemembersTheFolder(t *testing.T) {
	shared, ana, ben := t.TempDir(), t.TempDir(), t.TempDir()
	if code, _, stderr := run(t, ana, "demo", "--partners", "5"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := run(t, ana, "sync", "--folder", shared)
	if code != 0 || !strings.Contains(out, "0 changes came in") || strings.Contains(out, ", 0 changes went out") {
		t.Fatalf("ana's first sync: exit %d, %q %q", code, out, stderr)
	}
	code, out, stderr = run(t, ben, "sync", "--folder", shared)
	if code != 0 || strings.Contains(out, " 0 changes came in") || !strings.Contains(out, "0 changes went out") {
		t.Fatalf("ben's first sync: exit %d, %q %q", code, out, stderr)
	}
	code, out, _ = run(t, ben, "sync") // the folder remembered
	if code != 0 || !strings.Contains(out, "0 changes came in, 0 changes went out.") {
		t.Fatalf("ben again: exit %d, %q", code, out)
	}
	_, anaList, _ := run(t, ana, "list", "partners")
	_, benList, _ := run(t, ben, "list", "partners")
	if anaList != benList || strings.Count(benList, "\n") != 5 {
		t.Fatalf("partners differ:\n%s\n%s", anaList, benList)
	}
}

func TestSyncFailuresSayWhatToDo(t *testing.T) {
	data := t.TempDir()
	if code, _, stderr := run(t, data, "sync"); code != 1 || !strings.Contains(stderr, "No sync folder is chosen yet.") {
		t.Fatalf("no folder: exit %d, %q", code, stderr)
	}
	missing := filepath.Join(t.TempDir(), "stick")
	if code, _, stderr := run(t, data, "sync", "--folder", missing); code != 1 || !strings.Contains(stderr, "plug the stick in") {
		t.Fatalf("missing folder: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, data, "sync", "--folder", filepath.Dir(data)); code != 1 || !strings.Contains(stderr, "one inside the other") {
		t.Fatalf("folder around the data: exit %d, %q", code, stderr)
	}
	for _, args := range [][]string{{"sync", "extra"}, {"sync", "--folder"}, {"sync", "--fodler", "x"}} {
		if code, _, _ := run(t, data, args...); code != 2 {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}
