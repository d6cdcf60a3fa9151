package cli

import (
	"flag"
	"fmt"

	"accord/i18n"
	"accord/syncfolder"
)

// runSync does one sync round with the shared folder: the one given (and remembered for next time), or
// the one last used.
func runSync(e env, args []string) error {
	var folder string
	rest, err := flags("sync", args, func(fs *flag.FlagSet) {
		fs.StringVar(&folder, "folder", "", "the shared folder")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{i18n.T("sync takes only --folder DIR.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	if w := syncfolder.DataFolderWarning(s.Dir()); w != nil {
		fmt.Fprintln(e.out, Explain(w))
	}
	if folder == "" {
		folder = syncfolder.Folder(s)
	}
	rep, err := syncfolder.Round(s, folder)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, rep.Describe(i18n.T, i18n.N))
	for _, line := range rep.Details(i18n.T) {
		fmt.Fprintln(e.out, line)
	}
	return nil
}
