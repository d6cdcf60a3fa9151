// Command bench prints Accord's start-up, open, search, sync, printing and memory figures on a large demo database:
// go run ./internal/bench -bin ./accord -partners 10000
// or how many pages the documents of demo data take: go run ./internal/bench -pages 300,1000
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"accord/data"
	"accord/demo"
	"accord/pdf"
	"accord/store"
	"accord/syncfolder"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == starterFlag {
		starter(os.Args[2:])
	}
	bin := flag.String("bin", "./accord", "the built program")
	partners := flag.Int("partners", 10000, "demo partners")
	cache := flag.String("cache", filepath.Join(os.TempDir(), "accord-bench"), "folder for the demo databases")
	csvRows := flag.Int("csv-rows", 0, "also time importing a CSV file of this many rows")
	pages := flag.String("pages", "", "instead, count the pages of the documents of demo data of these many partners: 300,1000")
	runs := flag.Int("runs", 5, "starts of the window to take medians of")
	only := flag.String("only", "", "measure only these parts, separated by commas: store, commands, sync, window, import")
	flag.Parse()
	if *pages != "" {
		for _, n := range strings.Split(*pages, ",") {
			partners, err := strconv.Atoi(strings.TrimSpace(n))
			if err != nil {
				fail(fmt.Errorf("-pages: %q is not a number of partners", n))
			}
			countPages(partners)
		}
		return
	}
	part := func(name string) bool { return *only == "" || slices.Contains(strings.Split(*only, ","), name) }
	folder := filepath.Join(*cache, fmt.Sprint(*partners))
	if err := ensureDemo(*bin, folder, *partners); err != nil {
		fail(err)
	}
	info, _ := os.Stat(filepath.Join(folder, store.FileName))
	fmt.Printf("demo database: %d partners, %.1f MB\n", *partners, float64(info.Size())/1e6)
	if part("store") {
		measureStore(folder)
	}
	if part("commands") {
		measureCommands(*bin, folder)
	}
	if part("sync") {
		measureSync(folder)
	}
	if part("window") {
		if err := measureWindows(*bin, folder, *runs); err != nil {
			fail(err)
		}
	}
	if part("import") {
		if *csvRows > 0 {
			measureCSVImport(*bin, *cache, *csvRows)
		}
		measureJSONImport(*bin, folder)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

func ensureDemo(bin, folder string, n int) error {
	if _, err := os.Stat(filepath.Join(folder, store.FileName)); err == nil {
		return nil
	}
	start := time.Now()
	out, err := exec.Command(bin, "--data", folder, "demo", "--partners", fmt.Sprint(n)).CombinedOutput()
	if err != nil {
		os.RemoveAll(folder)
		return fmt.Errorf("demo: %v\n%s", err, out)
	}
	fmt.Printf("demo data generated in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// measureStore opens the store five times, and loads its index, and runs typical searches, printing
// medians. A file Accord left sound opens without the full check (see store/checked.go); the full check is
// timed on the same file with its note set aside.
func measureStore(folder string) {
	path := filepath.Join(folder, store.FileName)
	var opens, loads []time.Duration
	var s *store.Store
	for i := 0; i < 5; i++ {
		start := time.Now()
		st, err := store.Open(path, store.Options{})
		if err != nil {
			fail(err)
		}
		opens = append(opens, time.Since(start))
		start = time.Now()
		if err := st.LoadIndex(); err != nil {
			fail(err)
		}
		loads = append(loads, time.Since(start))
		if i < 4 {
			st.Close()
		} else {
			s = st
		}
	}
	defer s.Close()
	fmt.Printf("store open, file known sound: median %s; index loaded: median %s\n", median(opens), median(loads))
	fmt.Printf("store open, full check (a file changed behind Accord's back): %s\n", fullCheck(path))
	for _, q := range []string{"a", "café", "youth housing", "ελένη", "no such partner anywhere"} {
		var runs []time.Duration
		var found int
		for i := 0; i < 20; i++ {
			start := time.Now()
			found = len(store.Search[data.Partner](s, q))
			runs = append(runs, time.Since(start))
		}
		fmt.Printf("search partners %-26q median %-10s (%d found)\n", q, median(runs), found)
	}
	measureMOU(s)
}

// measureSync times the first full sync of the demo data each way (issue 20 asks for at most a second
// each): a laptop sending everything it holds into an empty shared folder, and a new laptop taking all of
// it in. Both run on copies, in a folder of their own: a round notes what it did in the data. The time
// on the processor is printed beside the time on the clock, which a busy machine stretches.
func measureSync(folder string) {
	dir, err := os.MkdirTemp("", "accord-bench-sync-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	ana := openCopy(filepath.Join(folder, store.FileName), filepath.Join(dir, "ana", store.FileName))
	defer ana.Close()
	ben, err := store.Open(filepath.Join(dir, "ben", store.FileName), store.Options{})
	if err != nil {
		fail(err)
	}
	defer ben.Close()
	shared := filepath.Join(dir, "shared")
	if err := os.Mkdir(shared, 0o700); err != nil {
		fail(err)
	}
	out := timed(func() int { return round(ana, shared).Out })
	in := timed(func() int { return round(ben, shared).In })
	segments, _ := filepath.Glob(filepath.Join(shared, syncfolder.Top, "*", "*.seg"))
	var size int64
	for _, seg := range segments {
		if info, err := os.Stat(seg); err == nil {
			size += info.Size()
		}
	}
	fmt.Printf("first full sync out: %s (%d versions, %.1f MB in the folder)\n", out, out.n, float64(size)/1e6)
	fmt.Printf("first full sync in:  %s (%d records)\n", in, in.n)
}

// fullCheck times opening a copy of the database without the note that it is sound, as Open does a file
// changed behind Accord's back: every page read and every record decoded.
func fullCheck(path string) time.Duration {
	dir, err := os.MkdirTemp("", "accord-bench-check-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	b, err := os.ReadFile(path)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, store.FileName), b, 0o600)
	}
	if err != nil {
		fail(err)
	}
	start := time.Now()
	s, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	if err != nil {
		fail(err)
	}
	took := time.Since(start)
	s.Close()
	return took
}

// openCopy opens a copy of the database at from, made at to.
func openCopy(from, to string) *store.Store {
	b, err := os.ReadFile(from)
	if err == nil {
		err = os.MkdirAll(filepath.Dir(to), 0o700)
	}
	if err == nil {
		err = os.WriteFile(to, b, 0o600)
	}
	if err != nil {
		fail(err)
	}
	s, err := store.Open(to, store.Options{})
	if err != nil {
		fail(err)
	}
	return s
}

func round(s *store.Store, shared string) syncfolder.Report {
	rep, err := syncfolder.Round(s, shared)
	if err != nil {
		fail(err)
	}
	return rep
}

// timing is how long a job took on the clock and on the processor, and how many things it did.
type timing struct {
	wall, cpu time.Duration
	n         int
}

func (t timing) String() string {
	return fmt.Sprintf("%s (%s on the processor)", t.wall.Round(time.Millisecond), t.cpu.Round(time.Millisecond))
}

func timed(job func() int) timing {
	cpu := processorTime()
	start := time.Now()
	n := job()
	return timing{time.Since(start), processorTime() - cpu, n}
}

// processorTime is the time this process has spent on the processor so far.
func processorTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// measureMOU times printing an MOU of about ten pages: a demo agreement grown by an extra clause that
// repeats its background.
func measureMOU(s *store.Store) {
	agreements := data.List[data.Agreement](s)
	if len(agreements) == 0 {
		return
	}
	a, err := store.Get[data.Agreement](s, agreements[0].ID)
	if err != nil {
		fail(err)
	}
	clauses := a.Clauses
	var doc []byte
	for repeat := 0; pageCount(doc) < 10; repeat += 5 {
		a.Clauses = append(slices.Clone(clauses), data.Clause{Heading: "Extended terms", Text: strings.Repeat(a.Background+"\n", repeat)})
		if doc, err = pdf.MOU(s, a, pdf.Edition{}); err != nil {
			fail(err)
		}
	}
	var runs []time.Duration
	for i := 0; i < 20; i++ {
		start := time.Now()
		if _, err := pdf.MOU(s, a, pdf.Edition{}); err != nil {
			fail(err)
		}
		runs = append(runs, time.Since(start))
	}
	fmt.Printf("print MOU PDF, %d pages:            median %s\n", pageCount(doc), median(runs))
}

// countPages prints how many pages each document takes on demo data of n partners, as of today: the
// directory, the annual reports of this year and the last, and the spread of the partner profiles and the
// agreements' progress reports (the issue of compact documents asks for these figures).
func countPages(n int) {
	today := data.DateOf(time.Now())
	s := data.NewMemory(demo.Records(demo.Options{Partners: n, Seed: 1, Today: today}, time.Now())...)
	pages := func(doc []byte, err error) int {
		if err != nil {
			fail(err)
		}
		return pageCount(doc)
	}
	fmt.Printf("documents of %d demo partners:\n", n)
	fmt.Printf("  contact directory: %d pages (%d with former partners)\n",
		pages(pdf.ContactDirectory(s, today, false)), pages(pdf.ContactDirectory(s, today, true)))
	for _, year := range []int{today.Year - 1, today.Year} {
		fmt.Printf("  annual report %d: %d pages\n", year, pages(pdf.AnnualReport(s, year, today)))
	}
	spread := func(what string, counts []int) {
		slices.Sort(counts)
		one := 0
		for _, c := range counts {
			if c == 1 {
				one++
			}
		}
		fmt.Printf("  %s: %d of %d on one page; pages at the median %d, at most %d\n", what, one, len(counts), counts[len(counts)/2], counts[len(counts)-1])
	}
	var profiles, progress []int
	for _, p := range data.List[data.Partner](s) {
		profiles = append(profiles, pages(pdf.PartnerProfile(s, p, today)))
	}
	for _, a := range data.List[data.Agreement](s) {
		if a.Agreed() {
			progress = append(progress, pages(pdf.ProgressReport(s, a, today)))
		}
	}
	spread("partner profile", profiles)
	spread("progress report", progress)
}

// pageCount counts a PDF's pages: fpdf writes each page object as "<</Type /Page" on a line of its own.
func pageCount(doc []byte) int { return bytes.Count(doc, []byte("/Type /Page\n")) }

func median(ds []time.Duration) time.Duration {
	sorted := append([]time.Duration(nil), ds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return sorted[len(sorted)/2]
}

func sortTimings(ts []timing) { sort.Slice(ts, func(i, j int) bool { return ts[i].wall < ts[j].wall }) }
