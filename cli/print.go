package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// runPrint writes an agreement's MOU as a PDF, records the print (apart from the agreement, which stays
// as it is) and says where the file is.
func runPrint(e env, args []string) error {
	id, out, err := printArgs(args)
	if err != nil {
		return err
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := store.Get[data.Agreement](s, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return &data.PlainError{Message: "There is no agreement with the ID %s.", Args: []any{id}}
	case err != nil:
		return fmt.Errorf("read agreement %s: %w", id, err)
	case a.Deleted:
		return &data.PlainError{Message: "The agreement %s is in the Trash: restore it before printing it.", Args: []any{a.Name}}
	}
	b, err := pdf.MOU(s, a)
	if err != nil {
		return fmt.Errorf("print %s: %w", a.Name, err)
	}
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	if err := writeFile(out, b); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	fmt.Fprintln(e.out, out)
	if err := s.RecordPrint(a, b); err != nil {
		return fmt.Errorf("the PDF is written to %s, but recording the print failed: %w", out, err)
	}
	return nil
}

// printArgs reads "mou ID -o FILE", with -o before, between or after the words, as people type it.
func printArgs(args []string) (id, out string, err error) {
	var words []string
	for {
		rest, err := flags("print", args, func(fs *flag.FlagSet) { fs.StringVar(&out, "o", out, "the PDF file to write") })
		if err != nil {
			return "", "", err
		}
		if len(rest) == 0 {
			break
		}
		words, args = append(words, rest[0]), rest[1:]
	}
	switch {
	case len(words) == 0 || len(words) > 2:
		return "", "", usageError{i18n.T("Say what to print and the record's ID.")}
	case words[0] != "mou":
		return "", "", usageError{i18n.T("Accord cannot print %s; it prints: mou.", words[0])}
	case len(words) == 1:
		return "", "", usageError{i18n.T("Say which agreement to print: its ID, as list agreements shows it.")}
	case out == "":
		return "", "", usageError{i18n.T("Say where to write the PDF with -o FILE.")}
	}
	return words[1], out, nil
}
