package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"accord/data"
	"accord/i18n"
	"accord/partnerio"
	"accord/store"
)

// runImportCSV adds the partners and contacts of a spreadsheet's CSV file, with the columns recognised by
// their headings and the partners already in Accord skipped; it says what it added, skipped and left out.
// The file is read and understood before the data is opened, so a wrong file changes nothing.
func runImportCSV(e env, file string) error {
	t, err := readCSV(file)
	if err != nil {
		return err
	}
	m, err := partnerio.Guess(t.Headers)
	if err != nil {
		return err
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	m = m.WithFields(t.Headers, s)
	plan, err := partnerio.Plan(context.Background(), s, t, m, partnerio.Options{Duplicates: partnerio.Skip})
	if err != nil {
		return err
	}
	used := columnsUsed(s, t.Headers, m) // now, so that the rows read can go before the partners are written
	sum, err := plan.Apply(s)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, used)
	for _, line := range sum.Describe(i18n.T, i18n.N) {
		fmt.Fprintln(e.out, line)
	}
	return nil
}

// columnsUsed says how the columns were understood, so a user can tell why a column was not imported.
func columnsUsed(v data.View, headers []string, m partnerio.Mapping) string {
	var used []string
	for i, f := range m {
		if f != partnerio.Ignore {
			used = append(used, i18n.T("%s as %s", headers[i], f.Label(v, i18n.Current().Code(), i18n.T)))
		}
	}
	return i18n.T("Columns used: %s.", strings.Join(used, ", "))
}

// runExportCSV writes every partner with its contacts as a CSV file Excel opens (to the standard output
// when out is empty).
func runExportCSV(e env, out string) error {
	return exportPartners(e, out, func(w io.Writer, s *store.Store, partners []*data.Partner) error {
		return partnerio.WriteCSV(w, s, partners)
	})
}

// runExportActivities writes every activity with who took part as a CSV file Excel opens (to the standard
// output when out is empty).
func runExportActivities(e env, out string) error {
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	if out == "" {
		return partnerio.WriteActivitiesCSV(e.out, s)
	}
	if err := store.WriteAtomically(out, func(w io.Writer) error { return partnerio.WriteActivitiesCSV(w, s) }); err != nil {
		return exportFailed(out, err)
	}
	fmt.Fprintln(e.out, i18n.N(s.Count(data.KindActivity), "Exported %d activity to %s.", "Exported %d activities to %s.", out))
	return nil
}

// runExportVCard writes every contact as a vCard, for a phone or an e-mail program, with its
// organisation's relations in force, in the language in use.
func runExportVCard(e env, out string) error {
	return exportPartners(e, out, func(w io.Writer, s *store.Store, partners []*data.Partner) error {
		related := partnerio.RelatedInWords(s, i18n.Current().Code(), i18n.T, data.DateOf(s.Now()))
		return partnerio.WriteVCard(w, s, partners, related)
	})
}

func exportPartners(e env, out string, write func(io.Writer, *store.Store, []*data.Partner) error) error {
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	partners := data.List[data.Partner](s)
	if out == "" {
		return write(e.out, s, partners)
	}
	if err := store.WriteAtomically(out, func(w io.Writer) error { return write(w, s, partners) }); err != nil {
		return exportFailed(out, err)
	}
	contacts := 0
	for _, p := range partners {
		contacts += len(p.Contacts)
	}
	fmt.Fprintln(e.out, i18n.T("Exported %s with %s to %s.", i18n.N(len(partners), "%d partner", "%d partners"),
		i18n.N(contacts, "%d contact", "%d contacts"), out))
	return nil
}

// exportFailed says that an export could not be written, and what to do.
func exportFailed(out string, err error) error {
	return &data.PlainError{Message: "The export could not be written to %s.", Args: []any{out},
		Advice: "Check that the folder is there, not read-only and not full, or choose another place, then try again.", Err: err}
}

// readCSV reads a spreadsheet's CSV file whole, before any data is opened, so a wrong file changes nothing.
func readCSV(file string) (*partnerio.Table, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, &data.PlainError{Message: "Accord cannot read the file %s.", Args: []any{file},
			Advice: "Check the file's name and that it is there, then try again. Nothing was imported.", Err: err}
	}
	defer f.Close()
	return partnerio.Read(f)
}
