package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"accord/store"
)

// process is one run of a command, whole: from starting the program to its end.
type process struct {
	timing
	peakMiB int64
}

// runWhole runs the program once with the arguments and returns how long it took, on the clock and on the
// processor, and its peak memory. It starts it through a copy of this benchmark (see starter): a process
// started straight from this one would count this one's memory as its own, since Linux keeps the peak of
// the memory a process shares with its parent until it starts another program.
func runWhole(bin string, args ...string) (process, error) {
	self, err := os.Executable()
	if err != nil {
		return process{}, err
	}
	cmd := exec.Command(self, append([]string{starterFlag, bin}, args...)...)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		return process{}, fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, errs.Bytes())
	}
	var p process
	var wall, cpu int64
	if _, err := fmt.Sscan(out.String(), &wall, &cpu, &p.peakMiB); err != nil {
		return process{}, fmt.Errorf("%s: %q: %w", strings.Join(args, " "), out.String(), err)
	}
	p.wall, p.cpu = time.Duration(wall), time.Duration(cpu)
	return p, nil
}

// starterFlag makes the benchmark a starter: a small process that runs one command and prints its time on
// the clock and on the processor (in nanoseconds) and its peak memory (in MiB).
const starterFlag = "-start-and-measure"

// starter runs the command its arguments name, as runWhole asks, and exits.
func starter(args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	use := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	fmt.Println(int64(wall), use.Utime.Nano()+use.Stime.Nano(), use.Maxrss>>10)
	os.Exit(0)
}

// medianRun runs a command several times and returns the run with the median time on the clock.
func medianRun(times int, bin string, args ...string) process {
	var runs []process
	for range times {
		p, err := runWhole(bin, args...)
		if err != nil {
			fail(err)
		}
		runs = append(runs, p)
	}
	for i := range runs {
		for j := i + 1; j < len(runs); j++ {
			if runs[j].wall < runs[i].wall {
				runs[i], runs[j] = runs[j], runs[i]
			}
		}
	}
	return runs[len(runs)/2]
}

// measureCommands times one-shot commands whole, as a volunteer or a script runs them: printing an MOU
// and the annual report (issue 20 asks for at most 150 ms and 1 s at 10,000 partners). They run on a copy
// of the demo data, since printing records the print.
func measureCommands(bin, folder string) {
	dir, err := os.MkdirTemp("", "accord-bench-commands-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	data := filepath.Join(dir, "data")
	openCopy(filepath.Join(folder, store.FileName), filepath.Join(data, store.FileName)).Close()
	out, err := exec.Command(bin, "--data", data, "list", "agreements").Output()
	if err != nil {
		fail(fmt.Errorf("list agreements: %w", err))
	}
	id, _, _ := strings.Cut(string(out), "\t")
	pdf := filepath.Join(dir, "out.pdf")
	mou := medianRun(7, bin, "--data", data, "print", "mou", id, "-o", pdf)
	fmt.Printf("accord print mou, whole process: median %s, peak memory %d MiB (goal ≤150 ms)\n", mou.timing, mou.peakMiB)
	year := fmt.Sprint(time.Now().Year())
	annual := medianRun(3, bin, "--data", data, "report", "annual", year, "-o", pdf)
	fmt.Printf("accord report annual %s, whole process: median %s, peak memory %d MiB (goal ≤1 s)\n", year, annual.timing, annual.peakMiB)
}

// measureJSONImport exports the demo data as JSON and imports it into an empty folder, whole, and sets its
// peak memory against the file's size (issue 20 asks for at most 1.5 times).
func measureJSONImport(bin, folder string) {
	dir, err := os.MkdirTemp("", "accord-bench-json-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "export.json")
	if _, err := runWhole(bin, "--data", folder, "export", "json", "-o", file); err != nil {
		fail(err)
	}
	p, err := runWhole(bin, "--data", filepath.Join(dir, "data"), "import", "json", file)
	if err != nil {
		fail(err)
	}
	info, _ := os.Stat(file)
	size := float64(info.Size()) / (1 << 20)
	fmt.Printf("import json, %.0f MiB: %s, peak memory %d MiB: %.2f× the file (goal ≤1.5×)\n", size, p.timing, p.peakMiB, float64(p.peakMiB)/size)
}
