package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
)

// runReport writes an evaluation report or a partner profile as a PDF and says where the file is.
func runReport(e env, args []string) error {
	words, out, err := wordsAndOut("report", args)
	if err != nil {
		return err
	}
	switch {
	case len(words) == 0 || len(words) > 2:
		return usageError{i18n.T("Say which report to write and the record's ID.")}
	case words[0] != "evaluation" && words[0] != "partner":
		return usageError{i18n.T("Accord cannot report on %s; it reports on: evaluation, partner.", words[0])}
	case len(words) == 1:
		return usageError{i18n.T("Say which %s to report on: its ID, as list shows it.", words[0])}
	case out == "":
		return usageError{i18n.T("Say where to write the PDF with -o FILE.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	printed := data.DateOf(s.Now())
	var b []byte
	switch kind, id := words[0], words[1]; kind {
	case "evaluation":
		b, err = reportOn(s, id, i18n.T("There is no evaluation with the ID %s.", id), func(ev *data.Evaluation) ([]byte, error) {
			return pdf.EvaluationReport(s, ev, printed)
		})
	default:
		b, err = reportOn(s, id, i18n.T("There is no partner with the ID %s.", id), func(p *data.Partner) ([]byte, error) {
			return pdf.PartnerProfile(s, p, printed)
		})
	}
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	fmt.Fprintln(e.out, out)
	return nil
}

// reportOn reads one record and renders it, saying plainly when it is missing or in the Trash.
func reportOn[R any, P interface {
	*R
	data.Record
}](s *data.Store, id, missing string, render func(P) ([]byte, error)) ([]byte, error) {
	r, err := data.Get[R, P](s, id)
	switch {
	case errors.Is(err, data.ErrNotFound):
		return nil, errors.New(missing)
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", id, err)
	case data.MetaOf(r).Deleted:
		return nil, errors.New(i18n.T("%s is in the Trash: restore it before reporting on it.", s.Describe(r)))
	}
	b, err := render(r)
	if err != nil {
		return nil, fmt.Errorf("report on %s: %w", s.Describe(r), err)
	}
	return b, nil
}

// wordsAndOut reads a command's words and its -o FILE, with -o before, between or after the words, as
// people type it.
func wordsAndOut(name string, args []string) (words []string, out string, err error) {
	for {
		rest, err := flags(name, args, func(fs *flag.FlagSet) { fs.StringVar(&out, "o", out, "the PDF file to write") })
		if err != nil {
			return nil, "", err
		}
		if len(rest) == 0 {
			return words, out, nil
		}
		words, args = append(words, rest[0]), rest[1:]
	}
}
