package cli

import (
	"fmt"

	"accord/data"
	"accord/i18n"
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
	default:
		return usageError{i18n.T("Accord cannot list %s.", args[0])}
	}
	for _, r := range rows {
		fmt.Fprintf(e.out, "%s\t%s\n", data.MetaOf(r).ID, data.Describe(s, r))
	}
	return nil
}

func records[P data.Record](rs []P) []data.Record {
	out := make([]data.Record, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out
}
