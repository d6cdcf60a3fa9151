package cli

import (
	"fmt"
	"io"
	"strings"

	"accord/data"
	"accord/i18n"
	"accord/partnerio"
	"accord/pdf"
	"accord/store"
)

// listRelations prints each relation as a sentence, in the language in use: "Riverside Council funds
// Northside Food Bank", with its dates and "ended" when it has.
func listRelations(e env, s *store.Store) {
	today, lang := data.DateOf(s.Now()), i18n.Current().Code()
	for _, r := range data.List[data.Relation](s) {
		var about []string
		if !r.Start.IsZero() {
			about = append(about, i18n.T("from %s", r.Start))
		}
		if !r.End.IsZero() {
			about = append(about, i18n.T("until %s", r.End))
		}
		if r.EndedOn(today) {
			about = append(about, i18n.T("ended"))
		}
		line := r.Sentence(s, lang, i18n.T)
		if len(about) > 0 {
			line += " (" + strings.Join(about, ", ") + ")"
		}
		fmt.Fprintf(e.out, "%s\t%s\n", r.ID, line)
	}
}

// runImportRelations adds the relations of a spreadsheet's CSV file, matched by name with the partners
// already in Accord; it says what it added, skipped and left out. The file is read before the data is
// opened, so a wrong file changes nothing.
func runImportRelations(e env, file string) error {
	t, err := readCSV(file)
	if err != nil {
		return err
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	plan, err := partnerio.PlanRelations(s, t)
	if err != nil {
		return err
	}
	sum, err := plan.Apply(s)
	if err != nil {
		return err
	}
	for _, line := range sum.Describe(i18n.T, i18n.N) {
		fmt.Fprintln(e.out, line)
	}
	return nil
}

// runExportRelations writes every relation as a CSV file Excel opens (to the standard output when out is
// empty), in the language in use; `import relations` reads it back.
func runExportRelations(e env, out string) error {
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	write := func(w io.Writer) error { return partnerio.WriteRelationsCSV(w, s, i18n.Current().Code(), i18n.T) }
	if out == "" {
		return write(e.out)
	}
	if err := store.WriteAtomically(out, write); err != nil {
		return exportFailed(out, err)
	}
	fmt.Fprintln(e.out, i18n.N(s.Count(data.KindRelation), "Exported %d relation to %s.", "Exported %d relations to %s.", out))
	return nil
}

// runNetworkReport prints the partnership network, drawn where the network map of this laptop put each
// partner.
func runNetworkReport(e env, words []string, out string, opt pdf.NetworkOptions) error {
	switch {
	case len(words) != 1:
		return usageError{i18n.T("The %s report takes no ID.", words[0])}
	case out == "":
		return usageError{i18n.T("Say where to write the PDF with -o FILE.")}
	}
	if opt.Paper != "" {
		paper, ok := papers[strings.ToLower(opt.Paper)]
		if !ok {
			return usageError{i18n.T("Accord prints the network on A4, A3 or Letter paper, not %s.", opt.Paper)}
		}
		opt.Paper = paper
	}
	return renderPDF(e, out, func(s *store.Store, printed data.Date) ([]byte, error) {
		if opt.Focus != "" {
			area, ok := findFold(data.FocusAreas(s), opt.Focus)
			if !ok {
				return nil, &data.PlainError{Message: "No partner works on %s.", Args: []any{opt.Focus},
					Advice: "Write the focus area as the partners' records have it, or leave --focus out to print everyone."}
			}
			opt.Focus = area
		}
		opt.Places, _ = s.MapPlaces() // none: the map is laid out afresh
		b, err := pdf.NetworkReport(s, printed, opt)
		if err != nil {
			return nil, fmt.Errorf("write the network report: %w", err)
		}
		return b, nil
	})
}

// papers are the paper sizes a network prints on, by what a user may type.
var papers = map[string]string{"a4": "A4", "a3": "A3", "letter": "Letter"}

// findFold finds w among the words, ignoring case and accents.
func findFold(words []string, w string) (string, bool) {
	for _, x := range words {
		if data.Fold(x) == data.Fold(w) {
			return x, true
		}
	}
	return "", false
}
