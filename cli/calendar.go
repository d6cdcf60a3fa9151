package cli

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"

	"accord/calendar"
	"accord/data"
	"accord/i18n"
)

// runCalendar writes the dates to keep — agreements ending, evaluations and actions due, recent and
// coming activities — as an .ics file for a calendar program.
func runCalendar(e env, args []string) error {
	var out string
	rest, err := flags("calendar", args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "o", "", "the .ics file to write")
	})
	switch {
	case err != nil:
		return err
	case len(rest) > 0:
		return usageError{i18n.T("calendar takes only -o FILE.")}
	case out == "":
		return usageError{i18n.T("Say where to write the calendar with -o FILE.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	// Built in memory first, so a failure never leaves half a calendar where a program may import it.
	var b bytes.Buffer
	if err := calendar.Write(&b, s, data.DateOf(s.Now())); err != nil {
		return fmt.Errorf("make the calendar: %w", err)
	}
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	if err := writeFile(out, b.Bytes()); err != nil {
		return fmt.Errorf("write the calendar: %w", err)
	}
	fmt.Fprintln(e.out, i18n.T("Calendar written to %s.", out))
	return nil
}
