package cli

import (
	"flag"
	"fmt"
	"path/filepath"

	"accord/i18n"
	"accord/store"
)

func runBackup(e env, args []string) error {
	var out string
	rest, err := flags("backup", args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "o", "", "write the backup to this file")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{i18n.T("backup takes only -o FILE.")}
	}
	s, err := openStore(e)
	if err != nil {
		return err
	}
	defer s.Close()
	path := out
	if path == "" {
		path, err = s.Backup(store.ReasonManual)
	} else if path, err = filepath.Abs(out); err == nil {
		err = s.BackupTo(path)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, i18n.T("Backup written to %s.", path))
	return nil
}
