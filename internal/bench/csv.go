package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// measureCSVImport times `accord import csv` of a spreadsheet of n rows — three people for each
// organisation, the columns a group's list has — into an empty data folder, and its peak memory (issue 15
// asks for at most 3 s and 300 MB at 100,000 rows). The time on the processor is printed beside the time
// on the clock, which a busy machine stretches.
func measureCSVImport(bin, cache string, n int) {
	file := filepath.Join(cache, fmt.Sprintf("contacts-%d.csv", n))
	if _, err := os.Stat(file); err != nil {
		if err := writeContacts(file, n); err != nil {
			fail(err)
		}
	}
	dir, err := os.MkdirTemp("", "accord-bench-csv-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	p, err := runWhole(bin, "--data", dir, "import", "csv", file)
	if err != nil {
		fail(err)
	}
	info, _ := os.Stat(file)
	fmt.Printf("import csv, %d rows (%.1f MB): %s, peak memory %d MiB (goal ≤3 s, ≤300 MB)\n", n,
		float64(info.Size())/1e6, p.timing, p.peakMiB)
}

// writeContacts writes n rows of a contacts list as a spreadsheet saves it: UTF-8, CRLF, a quoted address.
func writeContacts(path string, n int) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, "Organisation,Contact name,Role,E-mail,Phone,Address,Website,Notes\r\n")
	for i := range n {
		org := i / 3
		fmt.Fprintf(w, "Association %d du Quartier,Personne %d Lefèvre,Coordinatrice,personne%d@asso%d.example.org,"+
			"+33 1 23 45 %02d %02d,\"%d rue de la Paix, Lyon\",https://asso%d.example.org,Rencontrée à la fête du quartier %d\r\n",
			org, i, i, org, i%100, i/100%100, org, org, i)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
