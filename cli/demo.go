package cli

import (
	"errors"
	"flag"
	"fmt"
	"time"

	"accord/data"
	"accord/demo"
	"accord/i18n"
)

func runDemo(e env, args []string) error {
	var partners int
	var seed int64
	rest, err := flags("demo", args, func(fs *flag.FlagSet) {
		fs.IntVar(&partners, "partners", 300, i18n.T("how many partners"))
		fs.Int64Var(&seed, "seed", 1, i18n.T("seed for the random choices"))
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 || partners < 1 || partners > 100_000 {
		return usageError{i18n.T("Give a number of partners from 1 to 100000.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := demo.Generate(s, demo.Options{Partners: partners, Seed: seed, Today: data.DateOf(time.Now())})
	if errors.Is(err, demo.ErrNotEmpty) {
		return data.Plain("This data folder already holds records, and demo data would mix with them. Choose an empty folder with --data.")
	}
	if err != nil {
		return fmt.Errorf("make demo data: %w", err)
	}
	fmt.Fprintf(e.out, "%s\n%v\n", i18n.T("Demo data written to %s.", s.Path()), sum)
	return nil
}
