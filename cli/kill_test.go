package cli

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accord/store"
)

// TestAKilledImportLeavesAllOrNothing runs `accord import json` on a large export in a separate process,
// kills it (SIGKILL, as a pulled plug or a crash would stop it) at a random moment, and checks the data
// folder: `accord check` passes and the folder holds either none of the import or all of it. The binary is
// the one `make test` builds ($ACCORD_BIN).
func TestAKilledImportLeavesAllOrNothing(t *testing.T) {
	bin := os.Getenv("ACCORD_BIN")
	if bin == "" {
		t.Skip("ACCORD_BIN is not set: make test builds the program and sets it")
	}
	kills := 12 // each imports 1,000 partners in the race-detector build: a minute of make test on two cores
	if testing.Short() {
		kills = 5
	}
	dir := t.TempDir()
	accord := func(folder string, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--data", folder}, args...)...)
		cmd.Env = append(os.Environ(), "ACCORD_DEBUG=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("accord %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	counts := func(folder string) string {
		t.Helper()
		out := accord(folder, "check")
		counts, ok := strings.CutSuffix(out, "No problems found.\n")
		if !ok {
			t.Fatalf("check after a kill:\n%s", out)
		}
		return counts
	}
	big := filepath.Join(dir, "big.json")
	accord(filepath.Join(dir, "source"), "demo", "--partners", "1000")
	accord(filepath.Join(dir, "source"), "export", "json", "-o", big)
	base := filepath.Join(dir, "base")
	accord(base, "demo", "--partners", "30", "--seed", "9")
	none := counts(base)

	fresh := func(name string) string {
		t.Helper()
		folder := filepath.Join(dir, name)
		os.MkdirAll(folder, 0o700)
		b, _ := os.ReadFile(filepath.Join(base, store.FileName))
		if err := os.WriteFile(filepath.Join(folder, store.FileName), b, 0o600); err != nil {
			t.Fatal(err)
		}
		return folder
	}
	whole := fresh("whole")
	start := time.Now()
	accord(whole, "import", "json", big)
	took := time.Since(start)
	all := counts(whole)

	var before, after int
	for i := range kills {
		folder := fresh("killed-" + string(rune('a'+i)))
		cmd := exec.Command(bin, "--data", folder, "import", "json", big)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(float64(took) * (0.2 + rand.Float64())))
		cmd.Process.Kill()
		cmd.Wait()
		switch counts(folder) {
		case none:
			before++
		case all:
			after++
		default:
			t.Fatalf("kill %d left part of the import:\n%s\nnot\n%s\nor\n%s", i+1, counts(folder), none, all)
		}
	}
	t.Logf("%d kills during an import of %s (%.1f MB, %s): %d left none of it, %d all of it; every file passed check",
		kills, strings.Join(strings.Fields(all), " "), float64(fileSize(big))/1e6, took.Round(time.Millisecond), before, after)
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}
