package main

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"accord/internal/xcapture"
)

// The window is measured from outside the program, as a volunteer sees it: the input goes to the X server
// (XTEST, as xdotool sends it), then the screen is read every 3 to 4 ms until it has stopped changing, and
// the figure is the time from the input to the last change. Accord's first frame and memory are set beside
// an empty Fyne window's, started the same way (internal/emptywindow).

// Where things are in Accord's window (1100×720 at the top left of the screen, at the normal text size, in
// English): the first row of a list, the height of a row, and the screen beside the navigation.
var (
	windowArea    = image.Rect(0, 0, 1100, 720)
	firstRow      = image.Pt(300, 315)
	rowHeight     = 74
	settleQuiet   = 600 * time.Millisecond // no change for this long: the screen has settled
	settleLimit   = 20 * time.Second
	cursorWidth   = 3 // a change no wider than this is a text cursor blinking
	typedInSearch = "ana"
)

// windowFigures are one start of a window, measured.
type windowFigures struct {
	firstFrame, dataShown timing
	peakKiB               int64    // after everything below
	shownKiB              int64    // peak when the data was first shown
	screenSwitch          []timing // Ctrl+2, from the dashboard
	keystroke             []timing // one key typed in the partner search, or one taken back
	openPartner           []timing // a click on a partner in the list
}

// windowBench starts and measures Accord's window and the empty Fyne window in turn, runs times each.
type windowBench struct {
	display *xcapture.Display
	x       *xcapture.Conn
	config  string // XDG_CONFIG_HOME of the programs: settings of their own, not the user's
}

func newWindowBench() (*windowBench, error) {
	display, err := xcapture.Start(1280, 800)
	if err != nil {
		return nil, err
	}
	x, err := display.Dial()
	if err != nil {
		display.Stop()
		return nil, err
	}
	config, err := os.MkdirTemp("", "accord-bench-config-")
	if err != nil {
		display.Stop()
		return nil, err
	}
	return &windowBench{display: display, x: x, config: config}, nil
}

func (wb *windowBench) stop() {
	wb.x.Close()
	wb.display.Stop()
	os.RemoveAll(wb.config)
}

// running is a program started on the display.
type running struct {
	cmd     *exec.Cmd
	started time.Time
	ready   chan time.Duration // Accord's "trace: ready", when its data is on screen
}

func (wb *windowBench) start(bin string, args ...string) (*running, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(wb.display.Env(), "ACCORD_TRACE=1", "XDG_CONFIG_HOME="+wb.config, "LANG=en_GB.UTF-8", "LANGUAGE=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	r := &running{cmd: cmd, ready: make(chan time.Duration, 1)}
	r.started = time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "trace: ready") {
				r.ready <- time.Since(r.started)
			}
		}
	}()
	return r, nil
}

func (r *running) stop() {
	if r.cmd.Process != nil && r.cmd.ProcessState == nil {
		r.cmd.Process.Kill()
		r.cmd.Wait()
	}
}

// firstFrame waits until the screen first differs from the empty one, and returns when that was.
func (wb *windowBench) firstFrame(r *running, blank []byte) (timing, error) {
	for time.Since(r.started) < time.Minute {
		pic, err := wb.x.Grab(windowArea)
		if err != nil {
			return timing{}, err
		}
		if string(pic) != string(blank) {
			return timing{wall: time.Since(r.started), cpu: processorTimeOf(r.cmd.Process.Pid)}, nil
		}
	}
	return timing{}, errors.New("nothing was drawn within a minute")
}

// blank is a picture of the window's area with no window on it.
func (wb *windowBench) blank() ([]byte, error) {
	pic, err := wb.x.Grab(windowArea)
	return append([]byte(nil), pic...), err
}

// settle reads the screen until it has stopped changing, and returns the time from since to the last
// change, with the processor time the program took meanwhile.
func (wb *windowBench) settle(r *running, since time.Time, cpuBefore time.Duration) (timing, error) {
	return wb.watch(r, since, cpuBefore, settleQuiet)
}

// watch is settle, waiting up to wait for a first change.
func (wb *windowBench) watch(r *running, since time.Time, cpuBefore, wait time.Duration) (timing, error) {
	changes, err := wb.x.Watch(windowArea, since, wait, settleQuiet, settleLimit, cursorWidth)
	if err != nil {
		return timing{}, err
	}
	t := timing{cpu: processorTimeOf(r.cmd.Process.Pid) - cpuBefore, n: len(changes)}
	if len(changes) > 0 {
		t.wall = changes[len(changes)-1].At
	}
	return t, nil
}

// input sends keys or a click and returns how long the screen took to settle after it.
func (wb *windowBench) input(r *running, send func() error) (timing, error) {
	cpu := processorTimeOf(r.cmd.Process.Pid)
	start := time.Now()
	if err := send(); err != nil {
		return timing{}, err
	}
	t, err := wb.watch(r, start, cpu, settleLimit)
	if err == nil && t.n == 0 {
		err = errors.New("nothing changed on screen")
	}
	return t, err
}

// accord starts Accord on the data folder and measures it: the first frame, the data shown, a screen
// switch, keys typed in the partner search, partners opened, and its peak memory after all that.
func (wb *windowBench) accord(bin, folder string) (f windowFigures, err error) {
	blank, err := wb.blank()
	if err != nil {
		return f, err
	}
	r, err := wb.start(bin, "--data", folder)
	if err != nil {
		return f, err
	}
	defer r.stop()
	if f.firstFrame, err = wb.firstFrame(r, blank); err != nil {
		return f, err
	}
	// Once Accord says its data is on screen, the dashboard fills in: the last change before the screen
	// stays still is the data shown.
	select {
	case <-r.ready:
	case <-time.After(time.Minute):
		return f, errors.New("the window did not show its data within a minute")
	}
	if f.dataShown, err = wb.settle(r, r.started, 0); err != nil {
		return f, err
	}
	if f.dataShown.n == 0 {
		return f, errors.New("nothing changed on screen after the data was shown")
	}
	f.dataShown.cpu = processorTimeOf(r.cmd.Process.Pid)
	f.shownKiB = peakKiB(r.cmd.Process.Pid)
	keys := func(syms ...uint32) func() error { return func() error { return wb.x.Keys(syms...) } }
	for i := 0; i < 3; i++ {
		t, err := wb.input(r, keys(xcapture.KeyControl, '2'))
		if err != nil {
			return f, fmt.Errorf("Ctrl+2: %w", err)
		}
		f.screenSwitch = append(f.screenSwitch, t)
		if _, err := wb.input(r, keys(xcapture.KeyControl, '1')); err != nil {
			return f, fmt.Errorf("Ctrl+1: %w", err)
		}
	}
	if _, err := wb.input(r, keys(xcapture.KeyControl, '2')); err != nil {
		return f, fmt.Errorf("Ctrl+2: %w", err)
	}
	if _, err := wb.input(r, keys(xcapture.KeyControl, 'f')); err != nil {
		return f, fmt.Errorf("Ctrl+F: %w", err)
	}
	for _, c := range typedInSearch {
		t, err := wb.input(r, keys(uint32(c)))
		if err != nil {
			return f, fmt.Errorf("typing %q: %w", c, err)
		}
		f.keystroke = append(f.keystroke, t)
	}
	for range typedInSearch {
		t, err := wb.input(r, keys(xcapture.KeyBackSpace))
		if err != nil {
			return f, fmt.Errorf("taking a key back: %w", err)
		}
		f.keystroke = append(f.keystroke, t)
	}
	for row := 0; row < 5; row++ {
		at := firstRow.Add(image.Pt(0, row*rowHeight))
		wb.x.Move(at.X, at.Y) // the row under the pointer lights up: not part of opening it
		if _, err := wb.settle(r, time.Now(), 0); err != nil {
			return f, err
		}
		t, err := wb.input(r, wb.x.Click)
		if err != nil {
			return f, fmt.Errorf("opening partner %d: %w", row+1, err)
		}
		f.openPartner = append(f.openPartner, t)
	}
	f.peakKiB = peakKiB(r.cmd.Process.Pid)
	return f, wb.quit(r)
}

// quit closes Accord as a volunteer does, with Ctrl+Q, so that it closes its data properly, and waits for
// it to end.
func (wb *windowBench) quit(r *running) error {
	if err := wb.x.Keys(xcapture.KeyControl, 'q'); err != nil {
		return err
	}
	ended := make(chan error, 1)
	go func() { ended <- r.cmd.Wait() }()
	select {
	case err := <-ended:
		return err
	case <-time.After(time.Minute):
		return errors.New("the program did not close within a minute of Ctrl+Q")
	}
}

// empty starts the empty Fyne window and measures its first frame and peak memory.
func (wb *windowBench) empty(bin string) (f windowFigures, err error) {
	blank, err := wb.blank()
	if err != nil {
		return f, err
	}
	r, err := wb.start(bin)
	if err != nil {
		return f, err
	}
	defer r.stop()
	if f.firstFrame, err = wb.firstFrame(r, blank); err != nil {
		return f, err
	}
	if _, err := wb.settle(r, time.Now(), 0); err != nil {
		return f, err
	}
	f.peakKiB = peakKiB(r.cmd.Process.Pid)
	return f, nil
}

// measureWindows starts Accord and the empty window in turn, runs times each, so the load of a shared
// machine falls on both alike, and prints the medians.
func measureWindows(bin, folder string, runs int) error {
	empty, err := buildEmptyWindow()
	if err != nil {
		return err
	}
	defer os.RemoveAll(filepath.Dir(empty))
	wb, err := newWindowBench()
	if err != nil {
		return err
	}
	defer wb.stop()
	var accords, empties []windowFigures
	for i := 0; i < runs; i++ {
		e, err := wb.empty(empty)
		if err != nil {
			return fmt.Errorf("empty window: %w", err)
		}
		a, err := wb.accord(bin, folder)
		if err != nil { // a loaded machine can drop an input: the other starts still count
			fmt.Printf("  (start %d of Accord's window left out: %v)\n", i+1, err)
			continue
		}
		empties, accords = append(empties, e), append(accords, a)
	}
	if len(accords) == 0 {
		return errors.New("no start of Accord's window could be measured")
	}
	pick := func(fs []windowFigures, get func(windowFigures) []timing) []timing {
		var all []timing
		for _, f := range fs {
			all = append(all, get(f)...)
		}
		return all
	}
	one := func(get func(windowFigures) timing) func(windowFigures) []timing {
		return func(f windowFigures) []timing { return []timing{get(f)} }
	}
	fmt.Printf("the window, measured from outside (input to the last change on screen), medians of %d starts:\n", len(accords))
	af, ef := medianTiming(pick(accords, one(func(f windowFigures) timing { return f.firstFrame }))),
		medianTiming(pick(empties, one(func(f windowFigures) timing { return f.firstFrame })))
	fmt.Printf("  first frame drawn:      %s; empty Fyne window %s: %.2f× (goal ≤1.3×)\n", af, ef, ratio(af.wall, ef.wall))
	am, em := medianInt(accords, func(f windowFigures) int64 { return f.peakKiB }), medianInt(empties, func(f windowFigures) int64 { return f.peakKiB })
	fmt.Printf("  peak memory:            %d MiB; empty Fyne window %d MiB: %.2f× (goal ≤1.6×)\n", am>>10, em>>10, float64(am)/float64(em))
	fmt.Printf("  data shown:             %s, peak memory by then %d MiB\n", medianTiming(pick(accords, one(func(f windowFigures) timing { return f.dataShown }))),
		medianInt(accords, func(f windowFigures) int64 { return f.shownKiB })>>10)
	fmt.Printf("  screen switch (Ctrl+2): %s (goal ≤150 ms)\n", spread(pick(accords, func(f windowFigures) []timing { return f.screenSwitch })))
	fmt.Printf("  a key in the partner search → list settled: %s (goal ≤50 ms)\n", spread(pick(accords, func(f windowFigures) []timing { return f.keystroke })))
	fmt.Printf("  a click on a partner → its editor drawn:    %s (goal ≤100 ms)\n", spread(pick(accords, func(f windowFigures) []timing { return f.openPartner })))
	return nil
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

// buildEmptyWindow builds internal/emptywindow as Accord is built, into a folder of its own.
func buildEmptyWindow() (string, error) {
	dir, err := os.MkdirTemp("", "accord-bench-empty-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "emptywindow")
	out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, "./internal/emptywindow").CombinedOutput()
	if err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("build the empty window: %v\n%s", err, out)
	}
	return bin, nil
}

// medianTiming is the timing with the median time on the clock.
func medianTiming(ts []timing) timing {
	sorted := append([]timing(nil), ts...)
	sortTimings(sorted)
	return sorted[len(sorted)/2]
}

// spread is the median, with the fastest and slowest, of many timings.
func spread(ts []timing) string {
	sorted := append([]timing(nil), ts...)
	sortTimings(sorted)
	return fmt.Sprintf("median %s, %d measured from %s to %s", sorted[len(sorted)/2], len(ts),
		sorted[0].wall.Round(time.Millisecond), sorted[len(sorted)-1].wall.Round(time.Millisecond))
}

func medianInt(fs []windowFigures, get func(windowFigures) int64) int64 {
	var vs []int64
	for _, f := range fs {
		vs = append(vs, get(f))
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if vs[j] < vs[i] {
				vs[i], vs[j] = vs[j], vs[i]
			}
		}
	}
	return vs[len(vs)/2]
}

// processorTimeOf is the time a process has spent on the processor, all its threads, from the scheduler's
// own count (nanoseconds, unlike /proc/PID/stat's hundredths of a second).
func processorTimeOf(pid int) time.Duration {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var total time.Duration
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue
		}
		if f := strings.Fields(string(b)); len(f) > 0 {
			ns, _ := strconv.ParseInt(f[0], 10, 64)
			total += time.Duration(ns)
		}
	}
	return total
}

// peakKiB is a process's peak resident memory so far, in KiB.
func peakKiB(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			v, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return v
		}
	}
	return 0
}
