package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"

	"accord/demo"
	"accord/store"
)

func TestCalendarWritesAnICSFileOfTheDemoData(t *testing.T) {
	folder := t.TempDir()
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(s, demo.Options{Partners: 20, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	var out bytes.Buffer
	file := filepath.Join(t.TempDir(), "accord.ics")
	if err := runCalendar(env{folder: folder, out: &out}, []string{"-o", file}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), file) {
		t.Errorf("the command does not say where the file is: %q", out.String())
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("the calendar does not parse: %v", err)
	}
	kinds := map[string]int{}
	uids := map[string]bool{}
	for _, ev := range cal.Events() {
		uid := ev.Props.Get("UID").Value
		if uids[uid] {
			t.Errorf("UID %s is used twice", uid)
		}
		uids[uid] = true
		kind, _, _ := strings.Cut(uid, "-")
		kinds[kind]++
	}
	// Demo data has active agreements with reviews, open actions and recent activities.
	for _, kind := range []string{"agreement", "review", "action", "activity"} {
		if kinds[kind] == 0 {
			t.Errorf("no %s events among %d: %v", kind, len(uids), kinds)
		}
	}
}

func TestCalendarMistakes(t *testing.T) {
	folder := t.TempDir()
	for _, args := range [][]string{{}, {"-o"}, {"extra", "-o", "x.ics"}, {"-o", "x.ics", "extra"}, {"-x"}} {
		var uerr usageError
		if err := runCalendar(env{folder: folder, out: io.Discard}, args); !errors.As(err, &uerr) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	if _, err := os.Stat(filepath.Join(folder, store.FileName)); err == nil {
		t.Errorf("a mistaken command created a data file")
	}
}
