package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"accord/data"
	"accord/store"
)

// report runs the report command on the folder, as Run would.
func report(folder string, args ...string) (stdout string, err error) {
	var out bytes.Buffer
	err = runReport(env{folder: folder, out: &out}, args)
	return out.String(), err
}

// firstListed is the ID of the first record `list kind` prints.
func firstListed(t *testing.T, folder, kind string) string {
	t.Helper()
	_, out, _ := run(t, folder, "list", kind)
	id, _, _ := strings.Cut(out, "\t")
	if id == "" {
		t.Fatalf("the demo data holds no %s", kind)
	}
	return id
}

func TestReportWritesEvaluationsProfilesAndProgress(t *testing.T) {
	folder, _ := demoAgreement(t)
	for kind, list := range map[string]string{"evaluation": "evaluations", "partner": "partners", "progress": "agreements"} {
		id := firstListed(t, folder, list)
		file := filepath.Join(t.TempDir(), kind+".pdf")
		for _, args := range [][]string{{kind, id, "-o", file}, {"-o", file, kind, id}} {
			os.Remove(file)
			out, err := report(folder, args...)
			if err != nil || strings.TrimSpace(out) != file {
				t.Fatalf("%v: %v, stdout %q", args, err, out)
			}
			if b, err := os.ReadFile(file); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 5000 {
				t.Fatalf("%v: %s is not a PDF report: %v", args, file, err)
			}
		}
	}
}

func TestReportMistakes(t *testing.T) {
	folder, _ := demoAgreement(t)
	id := firstListed(t, folder, "evaluations")
	file := filepath.Join(t.TempDir(), "report.pdf")
	for _, args := range [][]string{{}, {"evaluation"}, {"evaluation", id}, {"annual-ish", id, "-o", file},
		{"evaluation", id, "extra", "-o", file}, {"evaluation", id, "-o"}, {"partner", "-x", id}} {
		var usage usageError
		if _, err := report(folder, args...); !errors.As(err, &usage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	// An ID of the wrong kind, an unknown one, or a record in the Trash: one plain line, and no file.
	partner := firstListed(t, folder, "partners")
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(data.KindEvaluation, id); err != nil {
		t.Fatal(err)
	}
	var draft string
	for _, a := range data.List[data.Agreement](s) {
		if a.Status == data.StatusDraft {
			draft = a.ID
		}
	}
	s.Close()
	if draft == "" {
		t.Fatal("the demo data holds no draft agreement")
	}
	for args, want := range map[[2]string]string{
		{"evaluation", partner}:        "There is no evaluation with the ID " + partner,
		{"partner", "0190-no-such-id"}: "There is no partner with the ID 0190-no-such-id",
		{"evaluation", id}:             "is in the Trash",
		{"progress", draft}:            "has not been signed by every party, so it has no progress to report yet",
	} {
		_, err := report(folder, args[0], args[1], "-o", file)
		var usage usageError
		if err == nil || errors.As(err, &usage) || !strings.Contains(err.Error(), want) || strings.Contains(Explain(err), "\n") {
			t.Errorf("%v: %v, want one line saying %q", args, err, want)
		}
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("a failed report left a file: %v", err)
	}
}

func TestReportWritesWholeFolderReports(t *testing.T) {
	folder, _ := demoAgreement(t)
	for _, args := range [][]string{{"annual", "2026"}, {"register"}, {"directory"}, {"directory", "--all"}} {
		file := filepath.Join(t.TempDir(), args[0]+".pdf")
		out, err := report(folder, append(args, "-o", file)...)
		if err != nil || strings.TrimSpace(out) != file {
			t.Fatalf("%v: %v, stdout %q", args, err, out)
		}
		if b, err := os.ReadFile(file); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("%v: not a PDF: %v", args, err)
		}
	}
	for _, args := range [][]string{{"annual", "-o", "x.pdf"}, {"annual", "soon", "-o", "x.pdf"}, {"register", "x", "-o", "x.pdf"}, {"directory"}} {
		var usage usageError
		if _, err := report(folder, args...); !errors.As(err, &usage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

// The annual report of a year before the records start is refused in one plain sentence, and writes nothing.
func TestReportAnnualRefusesAYearBeforeTheRecords(t *testing.T) {
	folder, _ := demoAgreement(t)
	file := filepath.Join(t.TempDir(), "annual.pdf")
	code, _, stderr := run(t, folder, "report", "annual", "1999", "-o", file)
	if code != exitFail || !regexp.MustCompile(`^accord: Your records start in \d{4}, so there is nothing to report for 1999: choose \d{4} or a later year\.\n$`).MatchString(stderr) {
		t.Errorf("exit %d: %q", code, stderr)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("a refused report left a file: %v", err)
	}
}

// help names every report, each with what it takes.
func TestHelpListsEveryReport(t *testing.T) {
	_, out, _ := run(t, t.TempDir(), "help")
	for _, r := range append(slices.Clone(recordReports), wholeReports...) {
		if !strings.Contains(out, "accord [--data DIR] report "+r+" ") {
			t.Errorf("help does not list the %s report:\n%s", r, out)
		}
	}
	for _, option := range []string{"report directory -o FILE [--all]", "report evaluation ID -o FILE [--names]",
		"report progress AGREEMENT_ID -o FILE", "export csv [partners|activities] [-o FILE]"} {
		if !strings.Contains(out, option) {
			t.Errorf("help does not say %q", option)
		}
	}
}
