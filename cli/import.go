package cli

import (
	"fmt"
	"os"

	"accord/data"
	"accord/i18n"
)

func runImport(e env, args []string) error {
	if len(args) == 2 && args[0] == "csv" {
		return runImportCSV(e, args[1])
	}
	if len(args) > 0 && args[0] == "answers" {
		return runImportAnswers(e, args[1:])
	}
	if len(args) == 2 && args[0] == "relations" {
		return runImportRelations(e, args[1])
	}
	if len(args) != 2 || args[0] != "json" {
		return usageError{i18n.T("Say what to import: import json FILE, import csv FILE, import relations FILE or import answers FILE…")}
	}
	f, err := os.Open(args[1])
	if err != nil {
		return &data.PlainError{Message: "Accord cannot read the file %s.", Args: []any{args[1]},
			Advice: "Check the file's name and that it is there, then try again. Nothing was imported.", Err: err}
	}
	defer f.Close()
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := s.ImportJSON(f)
	for _, line := range data.Details(err, i18n.T) {
		fmt.Fprintln(e.out, line)
	}
	if err != nil {
		return err
	}
	for _, line := range sum.Describe(i18n.T, i18n.N) {
		fmt.Fprintln(e.out, line)
	}
	return nil
}
