package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// runReport writes an evaluation report or a partner profile as a PDF and says where the file is.
func runReport(e env, args []string) error {
	var network pdf.NetworkOptions
	words, out, err := wordsAndOut("report", args, func(fs *flag.FlagSet) {
		fs.StringVar(&network.Focus, "focus", network.Focus, "only the partners of this focus area")
		fs.StringVar(&network.Paper, "paper", network.Paper, "A4, A3 or Letter")
	})
	switch {
	case err != nil:
		return err
	case len(words) > 0 && words[0] == "network":
		return runNetworkReport(e, words, out, network)
	case network.Focus != "" || network.Paper != "":
		return usageError{i18n.T("Only the network report takes --focus and --paper.")}
	case len(words) > 0 && (words[0] == "annual" || words[0] == "register" || words[0] == "directory"):
		return runWholeReport(e, words, out)
	}
	switch {
	case len(words) == 0 || len(words) > 2:
		return usageError{i18n.T("Say which report to write and the record's ID.")}
	case words[0] != "evaluation" && words[0] != "partner":
		return usageError{i18n.T("Accord cannot report on %s; it reports on: evaluation, partner, annual, register, directory, network.", words[0])}
	case len(words) == 1:
		return usageError{i18n.T("Say which %s to report on: its ID, as list shows it.", words[0])}
	case out == "":
		return usageError{i18n.T("Say where to write the PDF with -o FILE.")}
	}
	return renderPDF(e, out, func(s *store.Store, printed data.Date) ([]byte, error) {
		id := words[1]
		if words[0] == "evaluation" {
			return reportOn(s, id, i18n.T("There is no evaluation with the ID %s.", id), func(ev *data.Evaluation) ([]byte, error) {
				return pdf.EvaluationReport(s, ev, printed)
			})
		}
		return reportOn(s, id, i18n.T("There is no partner with the ID %s.", id), func(p *data.Partner) ([]byte, error) {
			return pdf.PartnerProfile(s, p, printed)
		})
	})
}

// renderPDF opens the data, renders a document dated today and writes it to out.
func renderPDF(e env, out string, render func(s *store.Store, printed data.Date) ([]byte, error)) error {
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	b, err := render(s, data.DateOf(s.Now()))
	if err != nil {
		return err
	}
	return writePDF(e, out, b)
}

// runWholeReport writes a report on the whole data folder: annual YEAR, register or directory.
func runWholeReport(e env, words []string, out string) error {
	year := 0
	switch {
	case words[0] == "annual" && len(words) != 2:
		return usageError{i18n.T("Say which year the annual report covers, such as: report annual 2026 -o FILE.")}
	case words[0] == "annual":
		y, err := strconv.Atoi(words[1])
		if err != nil || y < 1900 || y > 9999 {
			return usageError{i18n.T("%s is not a year.", words[1])}
		}
		year = y
	case len(words) != 1:
		return usageError{i18n.T("The %s report takes no ID.", words[0])}
	}
	if out == "" {
		return usageError{i18n.T("Say where to write the PDF with -o FILE.")}
	}
	return renderPDF(e, out, func(s *store.Store, printed data.Date) ([]byte, error) {
		var b []byte
		var err error
		switch words[0] {
		case "annual":
			b, err = pdf.AnnualReport(s, year, printed)
		case "register":
			b, err = pdf.AgreementRegister(s, printed)
		default:
			b, err = pdf.ContactDirectory(s, printed)
		}
		if err != nil {
			return nil, fmt.Errorf("write the %s report: %w", words[0], err)
		}
		return b, nil
	})
}

// writePDF writes the document and says where it is.
func writePDF(e env, out string, b []byte) error {
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	if err := writeFile(out, b); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	fmt.Fprintln(e.out, out)
	return nil
}

// reportOn reads one record and renders it, saying plainly when it is missing or in the Trash.
func reportOn[R any, P interface {
	*R
	data.Record
}](s *store.Store, id, missing string, render func(P) ([]byte, error)) ([]byte, error) {
	r, err := store.Get[R, P](s, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil, errors.New(missing)
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", id, err)
	case data.MetaOf(r).Deleted:
		return nil, &data.PlainError{Message: "%s is in the Trash: restore it before reporting on it.", Args: []any{data.Describe(s, r)}}
	}
	b, err := render(r)
	if err != nil {
		return nil, fmt.Errorf("report on %s: %w", data.Describe(s, r), err)
	}
	return b, nil
}

// wordsAndOut reads a command's words and its -o FILE, and the options more defines, with the options
// before, between or after the words, as people type them.
func wordsAndOut(name string, args []string, more func(fs *flag.FlagSet)) (words []string, out string, err error) {
	for {
		rest, err := flags(name, args, func(fs *flag.FlagSet) {
			fs.StringVar(&out, "o", out, "the PDF file to write")
			more(fs)
		})
		if err != nil {
			return nil, "", err
		}
		if len(rest) == 0 {
			return words, out, nil
		}
		words, args = append(words, rest[0]), rest[1:]
	}
}
