package cli

import (
	"fmt"
	"strings"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

func runList(e env, args []string) error {
	if len(args) != 1 {
		return usageError{i18n.T("Say what to list.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	var rows []data.Record
	switch args[0] {
	case "partners":
		rows = records(data.List[data.Partner](s))
	case "agreements":
		rows = records(data.List[data.Agreement](s))
	case "evaluations":
		rows = records(data.List[data.Evaluation](s))
	case "activities":
		rows = records(data.List[data.Activity](s))
	case "needs":
		rows = records(data.List[data.Need](s))
	case "relations":
		listRelations(e, s)
		return nil
	case "trash":
		listTrash(e, s)
		return nil
	default:
		return usageError{i18n.T("Accord cannot list %s.", args[0])}
	}
	for _, r := range rows {
		fmt.Fprintf(e.out, "%s\t%s\n", data.MetaOf(r).ID, data.Describe(s, r))
	}
	return nil
}

// listTrash lists the records in the Trash — ID, kind and name — each with what still links to it, which
// keeps it there past store.TrashDays.
func listTrash(e env, s *store.Store) {
	links := s.TrashLinks()
	for _, r := range s.Trash() {
		fmt.Fprintf(e.out, "%s\t%s\t%s", data.MetaOf(r).ID, i18n.T(data.KindNoun(r.Kind())), data.Describe(s, r))
		if from := links[data.Ref{Kind: r.Kind(), ID: data.MetaOf(r).ID}]; len(from) > 0 {
			names := make([]string, len(from))
			for i, l := range from {
				names[i] = i18n.T(data.KindNoun(l.Kind())) + " “" + data.Describe(s, l) + "”"
			}
			fmt.Fprintf(e.out, "\t%s", i18n.T("still linked from %s, so kept in the Trash", strings.Join(names, ", ")))
		}
		fmt.Fprintln(e.out)
	}
}

func records[P data.Record](rs []P) []data.Record {
	out := make([]data.Record, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out
}
