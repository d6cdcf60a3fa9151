package cli

import (
	"flag"
	"fmt"

	"accord/data"
	"accord/i18n"
)

func runCheck(e env, args []string) error {
	var repair bool
	rest, err := flags("check", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&repair, "repair", false, "")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{i18n.T("check takes no arguments.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	if repair {
		repaired, err := s.Repair()
		for _, r := range repaired {
			fmt.Fprintln(e.out, r.Describe(i18n.T))
		}
		if err != nil {
			return err
		}
	}
	rep := s.Check()
	for _, k := range data.RecordKinds {
		fmt.Fprintf(e.out, "%-13s %d\n", k, rep.Counts[k])
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(e.out, p)
	}
	if len(rep.Problems) > 0 {
		return &data.PlainError{Message: "The check found %d problems in %s.", Args: []any{len(rep.Problems), s.Path()}}
	}
	fmt.Fprintln(e.out, i18n.T("No problems found."))
	return nil
}
