package cli

import (
	"flag"
	"fmt"

	"accord/i18n"
)

// exporters are the formats `accord export` writes: everything as JSON, the partners and their contacts
// for a spreadsheet or an address book, or the relations between partners for a spreadsheet.
var exporters = map[string]func(e env, out string) error{
	"json":      runExportJSON,
	"csv":       runExportCSV,
	"vcard":     runExportVCard,
	"relations": runExportRelations,
}

func runExport(e env, args []string) error {
	if len(args) == 0 || exporters[args[0]] == nil {
		return usageError{i18n.T("Say what to export to: json, csv, vcard or relations.")}
	}
	format, out := args[0], ""
	var rest []string
	for args = args[1:]; ; { // -o before or after "activities", as people type it
		words, err := flags("export", args, func(fs *flag.FlagSet) {
			fs.StringVar(&out, "o", out, "write the export to this file instead of the standard output")
		})
		if err != nil {
			return err
		}
		if len(words) == 0 {
			break
		}
		rest, args = append(rest, words[0]), words[1:]
	}
	switch {
	case format == "csv" && len(rest) == 1 && rest[0] == "activities":
		return runExportActivities(e, out)
	case format == "csv" && len(rest) == 1 && rest[0] == "partners":
	case len(rest) > 0:
		return usageError{i18n.T("export %s takes only -o FILE.", format)}
	}
	return exporters[format](e, out)
}

func runExportJSON(e env, out string) error {
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	if out == "" {
		return s.ExportJSON(e.out)
	}
	if err := s.ExportJSONFile(out); err != nil {
		return err
	}
	fmt.Fprintln(e.out, i18n.T("Everything was exported to %s.", out))
	return nil
}
