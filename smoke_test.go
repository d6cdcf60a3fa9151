package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"accord/internal/xcapture"
)

// accordBinary is the built program: $ACCORD_BIN (make test builds it), else built here.
func accordBinary(t *testing.T) string {
	if bin := os.Getenv("ACCORD_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "accord")
	if out, err := exec.Command("go", "build", "-tags", "migrated_fynedo,no_animations", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func needDisplayTools(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xwd"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: make test installs it", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
}

// TestWindowShowsDemoData starts the real program under Xvfb on a demo database, waits until it reports
// its screen is ready, and checks the captured screen is a drawn window rather than a blank one. While
// the window holds the data, a second Accord is refused quickly with a plain message.
func TestWindowShowsDemoData(t *testing.T) {
	needDisplayTools(t)
	bin, folder := accordBinary(t), t.TempDir()
	if out, err := exec.Command(bin, "--data", folder, "demo", "--partners", "200").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	display, err := xcapture.Start(1280, 800)
	if err != nil {
		t.Fatal(err)
	}
	defer display.Stop()
	blank, err := display.Capture()
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := xcapture.Colours(blank); n > 2 {
		t.Fatalf("the empty screen already has %d colours", n)
	}

	app, log := startWindow(t, display, bin, folder, "LANG=C.UTF-8", "LC_ALL=")
	defer func() { app.Process.Kill(); app.Wait() }()
	if text := log.String(); strings.Contains(text, "Error parsing user locale") {
		t.Errorf("with LANG=C.UTF-8 the window logged a locale error:\n%s", text)
	}

	time.Sleep(time.Second) // a few frames after the content was set
	shot, err := display.Capture()
	if err != nil {
		t.Fatal(err)
	}
	distinct, commonest := xcapture.Colours(shot)
	t.Logf("window capture: %d colours, commonest covers %.0f%%", distinct, commonest*100)
	if distinct < 30 || commonest > 0.97 {
		t.Fatalf("the window looks blank: %d colours, commonest covers %.0f%%", distinct, commonest*100)
	}

	start := time.Now()
	out, err := exec.Command(bin, "--data", folder, "check").CombinedOutput()
	if code := exitCode(err); code != 1 || !strings.Contains(string(out), "already open in another Accord window") {
		t.Fatalf("a second Accord on the same data: exit %d, %q", code, out)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("the second Accord took %s to give up", took)
	}
}

// startWindow starts the program's window on a data folder on the display, with extra environment, and
// returns once it says its data is on screen, with what it logged until then.
func startWindow(t *testing.T, display *xcapture.Display, bin, folder string, env ...string) (*exec.Cmd, *programLog) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	app := exec.CommandContext(ctx, bin, "--data", folder)
	app.Env = append(append(display.Env(), "ACCORD_TRACE=1"), env...)
	stderr, _ := app.StderrPipe()
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	log := readLog(stderr)
	log.waitFor(t, "trace: ready", 90*time.Second)
	return app, log
}

// programLog is what a program writes to its standard error, read as it comes so that the program never
// blocks on it, and so that a test can wait for a line.
type programLog struct {
	mu    sync.Mutex
	text  strings.Builder
	ended bool
	from  int // where the next wait looks from: past what the last one found
}

func readLog(r io.Reader) *programLog {
	l := &programLog{}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			l.mu.Lock()
			l.text.WriteString(sc.Text() + "\n")
			l.mu.Unlock()
		}
		l.mu.Lock()
		l.ended = true
		l.mu.Unlock()
	}()
	return l
}

// String is the log so far.
func (l *programLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.text.String()
}

// waitFor waits until the log holds want after what the last wait found, and returns the log so far.
func (l *programLog) waitFor(t *testing.T, want string, limit time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		l.mu.Lock()
		text, ended := l.text.String(), l.ended
		at := strings.Index(text[l.from:], want)
		if at >= 0 {
			l.from += at + len(want)
		}
		l.mu.Unlock()
		switch {
		case at >= 0:
			return text
		case ended:
			t.Fatalf("the program ended before %q:\n%s", want, text)
		case time.Now().After(deadline):
			t.Fatalf("no %q within %s:\n%s", want, limit, text)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}

// TestUnusualLocalesLogNothing: Fyne parses the locale when the program starts, headless or not, and logs
// an error for ones it cannot read; Accord repairs them first.
func TestUnusualLocalesLogNothing(t *testing.T) {
	bin, folder := accordBinary(t), t.TempDir()
	for _, locale := range []string{"C", "C.UTF-8", "POSIX", "xx_YY.UTF-8", "klingon", "es_ES.UTF-8"} {
		cmd := exec.Command(bin, "--data", folder, "list", "partners")
		cmd.Env = append(os.Environ(), "LANG="+locale, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
		out, err := cmd.CombinedOutput()
		if err != nil || len(out) != 0 {
			t.Errorf("LANG=%s: %v, printed %q", locale, err, out)
		}
	}
}
