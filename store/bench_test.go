package store_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"accord/data"
	"accord/demo"
	"accord/store"
)

// benchStore is a demo database of $ACCORD_BENCH_PARTNERS partners (2,000 unless set), made once per run.
func benchStore(b *testing.B) string {
	b.Helper()
	n, err := strconv.Atoi(os.Getenv("ACCORD_BENCH_PARTNERS"))
	if err != nil {
		n = 2000
	}
	path := filepath.Join(os.TempDir(), "accord-data-bench", strconv.Itoa(n), store.FileName)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Generate(s, demo.Options{Partners: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return path
}

func BenchmarkOpen(b *testing.B) {
	path := benchStore(b)
	b.ReportAllocs()
	for b.Loop() {
		s, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkSearchPartners(b *testing.B) {
	s, err := store.Open(benchStore(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadIndex(); err != nil { // as the window does before it shows a list
		b.Fatal(err)
	}
	for b.Loop() {
		store.Search[data.Partner](s, "asociación vecinal")
	}
}

// BenchmarkDashboard is everything the dashboard works out: counts, reminders and headline figures.
func BenchmarkDashboard(b *testing.B) {
	s, err := store.Open(benchStore(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	today := data.NewDate(2026, 11, 23)
	for b.Loop() {
		data.OverviewOn(s, today)
		data.Reminders(s, today)
		data.HeadlinesOn(s, today)
	}
}
