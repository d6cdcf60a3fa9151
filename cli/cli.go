// Package cli runs Accord's headless commands: the jobs a power user, a script or a test runs without
// the window. Each returns an exit code: 0 done, 1 failed (one line on stderr says why), 2 bad usage.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// env is what every command gets.
type env struct {
	folder string
	out    io.Writer
}

type command struct {
	usage []string // each way to call it
	run   func(e env, args []string) error
}

var commands = map[string]command{
	"backup":  {[]string{"backup [-o FILE]"}, runBackup},
	"restore": {[]string{"restore FILE"}, runRestore},
	"export":  {[]string{"export json|vcard|relations [-o FILE]", "export csv [partners|activities] [-o FILE]"}, runExport},
	"import":  {[]string{"import json|csv|relations FILE", "import answers FILE… [--replace]"}, runImport},
	"check":   {[]string{"check [--repair]"}, runCheck},
	"list":    {[]string{"list partners|agreements|evaluations|activities|needs|relations|trash"}, runList},
	"demo":    {[]string{"demo [--partners N] [--seed S]"}, runDemo},
	"print":   {[]string{"print mou ID -o FILE [--language es | --language fr,es]"}, runPrint},
	"report": {[]string{
		"report evaluation ID -o FILE [--names]",
		"report partner ID -o FILE",
		"report progress AGREEMENT_ID -o FILE",
		"report annual YEAR -o FILE",
		"report register -o FILE",
		"report directory -o FILE [--all]",
		"report network -o FILE [--focus AREA] [--paper A3]",
	}, runReport},
	"calendar":      {[]string{"calendar -o FILE.ics"}, runCalendar},
	"sync":          {[]string{"sync [--folder DIR]"}, runSync},
	"questionnaire": {[]string{"questionnaire EVALUATION_ID [--respondent ID] --format pdf|html -o FILE"}, runQuestionnaire},
}

// usageError marks a mistake in how the command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Run runs the command named by args[0] on the data folder.
func Run(folder string, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprint(stdout, Usage())
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "accord: %s\n%s", i18n.T("There is no command called %s.", args[0]), Usage()) // i18n:same
		return exitUsage
	}
	err := cmd.run(env{folder: folder, out: stdout}, args[1:])
	var uerr usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &uerr):
		fmt.Fprintf(stderr, "accord: %s\n%s: %s", uerr.msg, i18n.T("Usage"), forms(cmd.usage)) // i18n:same
		return exitUsage
	}
	fmt.Fprintf(stderr, "accord: %s\n", Explain(err)) // i18n:same
	if os.Getenv("ACCORD_DEBUG") != "" {              // the technical detail, for a bug report
		fmt.Fprintf(stderr, "detail: %v\n", err) // i18n:same (for a bug report, in English)
	}
	return exitFail
}

// Usage lists the commands.
func Usage() string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: accord [--data DIR]            %s\n", i18n.T("Usage"), i18n.T("open the window")) // i18n:same
	for _, n := range names {
		b.WriteString("       " + forms(commands[n].usage))
	}
	return b.String()
}

// forms writes the ways to call a command one to a line, those after the first lined up under it.
func forms(usage []string) string {
	var b strings.Builder
	for i, u := range usage {
		if i > 0 {
			b.WriteString("       ")
		}
		fmt.Fprintf(&b, "accord [--data DIR] %s\n", u) // i18n:same
	}
	return b.String()
}

// Explain turns an error into the one plain line a user reads: what happened and what to do, as the
// window says it (data.Explain), with the technical detail of a failure no one foresaw, for a bug report.
func Explain(err error) string {
	var known data.Explainer
	if errors.As(err, &known) {
		return data.Explain(err, i18n.T)
	}
	return data.Explain(err, i18n.T) + " (" + err.Error() + ")"
}

func openStore(e env) (*store.Store, error) {
	return store.Open(filepath.Join(e.folder, store.FileName), store.Options{})
}

// flags parses a command's options, mapping mistakes to usage errors.
func flags(name string, args []string, define func(fs *flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	define(fs)
	if err := fs.Parse(args); err != nil {
		return nil, usageError{err.Error()}
	}
	return fs.Args(), nil
}

// writeFile writes a document a command makes (-o FILE) whole or not at all, readable by its owner only:
// like the database, it holds the group's personal data (see store.WriteAtomically).
func writeFile(path string, content []byte) error {
	return store.WriteAtomically(path, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	})
}
