package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// reports are the reports `accord report` writes: those of one record, by its ID, and those of the whole
// data folder.
var (
	recordReports = []string{"evaluation", "partner", "progress"}
	wholeReports  = []string{"annual", "register", "directory"}
)

// runReport writes a report as a PDF and says where the file is.
func runReport(e env, args []string) error {
	words, o, err := reportArgs(args)
	if err != nil {
		return err
	}
	switch {
	case len(words) > 0 && words[0] == "network":
		return runNetworkReport(e, words, o.out, o.network)
	case o.network.Focus != "" || o.network.Paper != "":
		return usageError{i18n.T("Only the network report takes --focus and --paper.")}
	case len(words) > 0 && slices.Contains(wholeReports, words[0]):
		return runWholeReport(e, words, o)
	}
	switch {
	case len(words) == 0 || len(words) > 2:
		return usageError{i18n.T("Say which report to write and the record's ID.")}
	case !slices.Contains(recordReports, words[0]):
		return usageError{i18n.T("Accord cannot report on %s; it reports on: %s.", words[0], strings.Join(append(append(slices.Clone(recordReports), wholeReports...), "network"), ", "))} // i18n:same: the words of the command
	case len(words) == 1:
		return usageError{i18n.T("Say which %s to report on: its ID, as list shows it.", words[0])}
	case o.out == "":
		return usageError{i18n.T("Say where to write the PDF with -o FILE.")}
	}
	return renderPDF(e, o.out, func(s *store.Store, printed data.Date) ([]byte, error) {
		id := words[1]
		switch words[0] {
		case "evaluation":
			return reportOn(s, id, i18n.T("There is no evaluation with the ID %s.", id), func(ev *data.Evaluation) ([]byte, error) {
				return pdf.EvaluationReport(s, ev, printed, o.names)
			})
		case "progress":
			return reportOn(s, id, i18n.T("There is no agreement with the ID %s.", id), func(a *data.Agreement) ([]byte, error) {
				return pdf.ProgressReport(s, a, printed)
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
	return writeDocument(e, out, b)
}

// runWholeReport writes a report on the whole data folder: annual YEAR, register or directory.
func runWholeReport(e env, words []string, o reportOptions) error {
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
	if o.out == "" {
		return usageError{i18n.T("Say where to write the PDF with -o FILE.")}
	}
	return renderPDF(e, o.out, func(s *store.Store, printed data.Date) ([]byte, error) {
		var b []byte
		var err error
		switch words[0] {
		case "annual":
			b, err = pdf.AnnualReport(s, year, printed)
		case "register":
			b, err = pdf.AgreementRegister(s, printed)
		default:
			b, err = pdf.ContactDirectory(s, printed, o.all)
		}
		if err != nil {
			return nil, fmt.Errorf("write the %s report: %w", words[0], err)
		}
		return b, nil
	})
}

// writeDocument writes a document a command makes (a PDF, a questionnaire's HTML page) and says where it is.
func writeDocument(e env, out string, b []byte) error {
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	if err := writeFile(out, b); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
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

// reportOptions are what `accord report` takes beside its words.
type reportOptions struct {
	out     string
	all     bool // the directory lists former partners too
	names   bool // the evaluation report names the respondents
	network pdf.NetworkOptions
}

// reportArgs reads the report's words and its options, with the options before, between or after the
// words, as people type them.
func reportArgs(args []string) (words []string, o reportOptions, err error) {
	words, err = interspersed("report", args, func(fs *flag.FlagSet) { // i18n:same: the command's name
		fs.StringVar(&o.out, "o", o.out, "the PDF file to write")
		fs.BoolVar(&o.all, "all", o.all, "list former partners in the directory too")
		fs.BoolVar(&o.names, "names", o.names, "name the respondents in an evaluation report")
		fs.StringVar(&o.network.Focus, "focus", o.network.Focus, "only the partners of this focus area")
		fs.StringVar(&o.network.Paper, "paper", o.network.Paper, "A4, A3 or Letter")
	})
	return words, o, err
}

// interspersed reads a command's words and its options, with the options before, between or after the
// words; define binds each option to the value it has so far, so a later pass keeps what an earlier one read.
func interspersed(name string, args []string, define func(fs *flag.FlagSet)) (words []string, err error) {
	for {
		rest, err := flags(name, args, define)
		if err != nil {
			return nil, err
		}
		if len(rest) == 0 {
			return words, nil
		}
		words, args = append(words, rest[0]), rest[1:]
	}
}
