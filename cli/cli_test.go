package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accord/data"
	"accord/store"
)

func run(t *testing.T, folder string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = Run(folder, args, &out, &errs)
	return code, out.String(), errs.String()
}

func TestDemoThenCheckThenList(t *testing.T) {
	folder := t.TempDir()
	if code, _, stderr := run(t, folder, "demo", "--partners", "40", "--seed", "7"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	code, out, _ := run(t, folder, "check")
	if code != 0 || !strings.Contains(out, "No problems found.") || !strings.Contains(out, "partners      40") {
		t.Fatalf("check: exit %d:\n%s", code, out)
	}
	code, out, _ = run(t, folder, "list", "partners")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 40 {
		t.Fatalf("list partners: exit %d, %d lines", code, len(lines))
	}
	for _, l := range lines {
		id, name, ok := strings.Cut(l, "\t")
		if !ok || len(id) != 36 || name == "" {
			t.Fatalf("line %q is not ID<tab>name", l)
		}
	}
	for _, kind := range []string{"agreements", "evaluations", "activities", "needs"} {
		if code, out, _ := run(t, folder, "list", kind); code != 0 || out == "" {
			t.Errorf("list %s: exit %d, %q", kind, code, out)
		}
	}
	code, _, stderr := run(t, folder, "demo")
	if code != 1 || !strings.Contains(stderr, "already holds records") {
		t.Fatalf("demo into a folder with data: exit %d, %q", code, stderr)
	}
}

func TestMistypedCommandsExitWithTwo(t *testing.T) {
	folder := t.TempDir()
	for _, args := range [][]string{{"frobnicate"}, {"list"}, {"list", "cats"}, {"demo", "--partners", "lots"}, {"check", "extra"}} {
		code, _, stderr := run(t, folder, args...)
		if code != 2 || !strings.Contains(stderr, "accord") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if code, out, _ := run(t, folder, "help"); code != 0 || !strings.Contains(out, "demo [--partners N]") {
		t.Errorf("help: exit %d, %q", code, out)
	}
}

func TestDamagedFileGivesOnePlainLine(t *testing.T) {
	folder := t.TempDir()
	path := filepath.Join(folder, store.FileName)
	os.WriteFile(path, []byte("this is not a database, it is a shopping list\n"), 0o600)
	code, _, stderr := run(t, folder, "check")
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "damaged") || !strings.Contains(stderr, "backup") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != "this is not a database, it is a shopping list\n" {
		t.Fatal("check changed a damaged file")
	}
}

// `list trash` says what is in the Trash and, for a record others still link to, which records: what keeps
// it there past 30 days.
func TestListTrashSaysWhatStillLinksToARecord(t *testing.T) {
	folder := t.TempDir()
	s, err := openStore(env{folder: folder})
	if err != nil {
		t.Fatal(err)
	}
	linked := &data.Partner{Name: "Northside Library", PartnerKind: data.PartnerGovernment, Stage: data.StageActive}
	alone := &data.Partner{Name: "Green Allotments", PartnerKind: data.PartnerResidents, Stage: data.StageProspect}
	if err := s.SaveAll([]data.Record{linked, alone}); err != nil {
		t.Fatal(err)
	}
	meeting := &data.Activity{ActivityKind: "meeting", Date: data.NewDate(2026, 1, 5), Name: "Planning meeting", PartnerIDs: []string{linked.ID}}
	if err := s.Save(meeting); err != nil {
		t.Fatal(err)
	}
	s.Delete(data.KindPartner, linked.ID)
	s.Delete(data.KindPartner, alone.ID)
	s.Close()
	code, out, stderr := run(t, folder, "list", "trash")
	if code != 0 {
		t.Fatal(stderr)
	}
	want := []string{linked.ID + "\tpartner\tNorthside Library\tstill linked from activity “Planning meeting”, so kept in the Trash",
		alone.ID + "\tpartner\tGreen Allotments"}
	for _, line := range want {
		if !strings.Contains(out+"\n", line+"\n") {
			t.Errorf("list trash lacks %q:\n%s", line, out)
		}
	}
}
