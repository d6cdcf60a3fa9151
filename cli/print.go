package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// runPrint writes an agreement's MOU as a PDF, records the print (apart from the agreement, which stays
// as it is) and says where the file is.
func runPrint(e env, args []string) error {
	id, out, langs, err := printArgs(args)
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
	b, err := pdf.MOU(s, a, pdf.Edition{Languages: langs, Today: data.DateOf(s.Now()), Files: s.Attachment})
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

// printArgs reads "mou ID -o FILE [--language es | --language fr,es]", with the flags before, between
// or after the words, as people type them.
func printArgs(args []string) (id, out string, langs []string, err error) {
	var words []string
	language := ""
	for {
		rest, err := flags("print", args, func(fs *flag.FlagSet) {
			fs.StringVar(&out, "o", out, "the PDF file to write")
			fs.StringVar(&language, "language", language, "the language to print in, or two for a bilingual edition: es, or fr,es")
		})
		if err != nil {
			return "", "", nil, err
		}
		if len(rest) == 0 {
			break
		}
		words, args = append(words, rest[0]), rest[1:]
	}
	switch {
	case len(words) == 0 || len(words) > 2:
		return "", "", nil, usageError{i18n.T("Say what to print and the record's ID.")}
	case words[0] != "mou":
		return "", "", nil, usageError{i18n.T("Accord cannot print %s; it prints: mou.", words[0])}
	case len(words) == 1:
		return "", "", nil, usageError{i18n.T("Say which agreement to print: its ID, as list agreements shows it.")}
	case out == "":
		return "", "", nil, usageError{i18n.T("Say where to write the PDF with -o FILE.")}
	}
	langs, err = languages(language)
	return words[1], out, langs, err
}

// languages reads --language: none (the agreement's own), one, or two different ones separated by a comma.
func languages(list string) ([]string, error) {
	if strings.TrimSpace(list) == "" {
		return nil, nil
	}
	var out []string
	for _, l := range strings.Split(list, ",") {
		l = strings.ToLower(strings.TrimSpace(l))
		if !slices.Contains(data.DocumentLanguages, l) || slices.Contains(out, l) {
			return nil, usageError{i18n.T("An agreement prints in en, es or fr, or in two of them for a bilingual edition, such as --language fr,es.")}
		}
		out = append(out, l)
	}
	if len(out) > 2 {
		return nil, usageError{i18n.T("An agreement prints in en, es or fr, or in two of them for a bilingual edition, such as --language fr,es.")}
	}
	return out, nil
}
