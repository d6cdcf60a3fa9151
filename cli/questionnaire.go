package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// runQuestionnaire writes an evaluation's questionnaire, for one respondent or blank, as a PDF to print
// or an HTML file to send. An evaluation sending its first questionnaire gets its codes, and is saved.
func runQuestionnaire(e env, args []string) error {
	respondent, format, out := "", "pdf", ""
	words, err := interspersed("questionnaire", args, func(fs *flag.FlagSet) { // i18n:same: the command's name
		fs.StringVar(&respondent, "respondent", respondent, "the respondent's ID; none: a blank copy")
		fs.StringVar(&format, "format", format, "pdf or html")
		fs.StringVar(&out, "o", out, "the file to write")
	})
	switch {
	case err != nil:
		return err
	case len(words) != 1:
		return usageError{i18n.T("Say which evaluation the questionnaire is for: its ID, as list shows it.")}
	case format != "pdf" && format != "html":
		return usageError{i18n.T("A questionnaire is written as pdf or html.")}
	case out == "":
		return usageError{i18n.T("Say where to write the questionnaire with -o FILE.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	ev, err := store.Get[data.Evaluation](s, words[0])
	switch {
	case errors.Is(err, store.ErrNotFound):
		return &data.PlainError{Message: "There is no evaluation with the ID %s.", Args: []any{words[0]}}
	case err != nil:
		return fmt.Errorf("read %s: %w", words[0], err)
	}
	index := -1
	if respondent != "" {
		index = slices.IndexFunc(ev.Respondents, func(r data.Respondent) bool { return r.ID == respondent })
		if index < 0 {
			return &data.PlainError{Message: "The evaluation has no respondent with the ID %s.", Args: []any{respondent}}
		}
	}
	if ev.PrepareQuestionnaires(s) {
		if err := s.Save(ev); err != nil {
			return fmt.Errorf("give the evaluation its questionnaire codes: %w", err)
		}
	}
	var b []byte
	if format == "html" {
		b, err = pdf.QuestionnaireHTML(s, ev, index)
	} else {
		b, err = pdf.Questionnaire(s, ev, index, data.DateOf(s.Now()))
	}
	if err != nil {
		return err
	}
	return writeDocument(e, out, b)
}

// runImportAnswers takes in answers files (or e-mail text holding one), each matched by its code to its
// evaluation and respondent, saying for each what it changes or why it is refused. Answers already
// entered are replaced only with --replace.
func runImportAnswers(e env, args []string) error {
	var replace bool
	files, err := interspersed("import answers", args, func(fs *flag.FlagSet) { // i18n:same: the command's name
		fs.BoolVar(&replace, "replace", replace, "replace answers already entered")
	})
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError{i18n.T("Say which answers files to import: import answers FILE…")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	refused := 0
	for _, file := range files {
		if line, err := takeAnswers(s, file, replace); err != nil {
			refused++
			fmt.Fprintf(e.out, "%s: %s\n", file, data.Explain(err, i18n.T))
		} else {
			fmt.Fprintf(e.out, "%s: %s\n", file, line)
		}
	}
	if refused > 0 {
		return data.Plain("Not every answers file was taken in: each one's reason is above.")
	}
	return nil
}

// takeAnswers reads one answers file and saves its answers into their evaluation, read afresh so that
// several files for one evaluation all count.
func takeAnswers(s *store.Store, file string, replace bool) (string, error) {
	b, err := readAnswersFile(file)
	if err != nil {
		return "", err
	}
	in, err := data.ReadAnswers(s, b)
	if err != nil {
		return "", err
	}
	line := in.Describe(s, i18n.T, i18n.N)
	if in.Replaces() && !replace {
		return "", &data.PlainError{Message: "Not taken in: %s", Args: []any{line},
			Advice: "To replace their answers, import the file again with --replace."}
	}
	if err := in.Apply(data.DateOf(s.Now())); err != nil {
		return "", err
	}
	if err := s.Save(in.Evaluation); err != nil {
		return "", fmt.Errorf("save the answers: %w", err)
	}
	return line, nil
}

// readAnswersFile reads an answers file, no more of it than an answers file can be.
func readAnswersFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &data.PlainError{Message: "Accord cannot read the file %s.", Args: []any{path},
			Advice: "Check the file's name and that it is there, then try again.", Err: err}
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 1<<20))
}
