package main

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"accord/internal/xcapture"
)

// TestQuittingWithUnsavedTypingAsksAndSaveKeepsIt drives the real window with only the keyboard, as a
// volunteer would: a new partner typed in, then Ctrl+Q. Accord must ask before closing, with Save the
// default, and Return there must keep what was typed.
func TestQuittingWithUnsavedTypingAsksAndSaveKeepsIt(t *testing.T) {
	needDisplayTools(t)
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Skip("xdotool is not installed")
	}
	bin, folder := accordBinary(t), t.TempDir()
	if out, err := exec.Command(bin, "--data", folder, "demo", "--partners", "5").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	display, err := xcapture.Start(1280, 800)
	if err != nil {
		t.Fatal(err)
	}
	defer display.Stop()
	app, log := startWindow(t, display, bin, folder, "LANG=en_GB.UTF-8")
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	// Each key waits for what the window says it did (ACCORD_TRACE), not for a fixed time: a loaded
	// machine running the race detector can take seconds over a frame.
	xdo := func(until string, args ...string) {
		t.Helper()
		cmd := exec.Command("xdotool", args...)
		cmd.Env = display.Env()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("xdotool %v: %v %s", args, err, out)
		}
		if until != "" {
			log.waitFor(t, until, time.Minute)
		}
	}
	xdo("", "search", "--sync", "--onlyvisible", "--name", "Accord", "windowfocus", "--sync")
	xdo("trace: screen Partners", "key", "ctrl+2")
	xdo("trace: keyboard placed", "key", "ctrl+n") // in the new partner's name, a moment after the form shows
	xdo("", "type", "--delay", "40", "Riverbank Choir")
	xdo("trace: asking to save", "key", "ctrl+q")
	select {
	case <-exited:
		t.Fatal("Accord closed without asking about the unsaved partner")
	default:
	}
	xdo("", "key", "Return") // Save, the default
	select {
	case <-exited:
	case <-time.After(time.Minute):
		t.Fatal("Accord did not close after Save")
	}
	out, err := exec.Command(bin, "--data", folder, "list", "partners").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Riverbank Choir") {
		t.Fatalf("the partner typed before quitting is not saved: %v\n%s", err, out)
	}
}
