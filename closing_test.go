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
	app, _ := startWindow(t, display, bin, folder, "LANG=en_GB.UTF-8")
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	xdo := func(args ...string) {
		t.Helper()
		cmd := exec.Command("xdotool", args...)
		cmd.Env = display.Env()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("xdotool %v: %v %s", args, err, out)
		}
		time.Sleep(400 * time.Millisecond) // a few frames
	}
	xdo("search", "--sync", "--onlyvisible", "--name", "Accord", "windowfocus", "--sync")
	xdo("key", "ctrl+2")
	xdo("key", "ctrl+n")
	xdo("type", "--delay", "40", "Riverbank Choir")
	xdo("key", "ctrl+q")
	select {
	case <-exited:
		t.Fatal("Accord closed without asking about the unsaved partner")
	case <-time.After(time.Second):
	}
	xdo("key", "Return") // Save, the default
	select {
	case <-exited:
	case <-time.After(20 * time.Second):
		t.Fatal("Accord did not close after Save")
	}
	out, err := exec.Command(bin, "--data", folder, "list", "partners").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Riverbank Choir") {
		t.Fatalf("the partner typed before quitting is not saved: %v\n%s", err, out)
	}
}
