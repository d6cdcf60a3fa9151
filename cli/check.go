package cli

import (
	"fmt"

	"accord/data"
	"accord/i18n"
)

func runCheck(e env, args []string) error {
	if len(args) > 0 {
		return usageError{i18n.T("check takes no arguments.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	rep := s.Check()
	for _, k := range data.RecordKinds {
		fmt.Fprintf(e.out, "%-13s %d\n", k, rep.Counts[k])
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(e.out, p)
	}
	if len(rep.Problems) > 0 {
		return &data.PlainError{Message: "The check found problems in %s; each is listed above.", Args: []any{s.Path()}}
	}
	fmt.Fprintln(e.out, i18n.T("No problems found."))
	return nil
}
