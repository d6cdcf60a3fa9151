package cli

import (
	"fmt"
	"path/filepath"

	"accord/i18n"
	"accord/store"
)

func runRestore(e env, args []string) error {
	if len(args) != 1 {
		return usageError{i18n.T("Say which backup file to restore.")}
	}
	from, err := filepath.Abs(args[0])
	if err != nil {
		return err
	}
	res, err := store.Restore(filepath.Join(e.folder, store.FileName), from, store.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, i18n.T("Restored the backup %s. It holds %s.", from, res.Restored.Describe(i18n.T, i18n.N)))
	switch {
	case res.Damaged:
		fmt.Fprintln(e.out, i18n.T("The damaged data file was kept, unchanged, as %s.", res.Previous))
	case res.Previous != "":
		fmt.Fprintln(e.out, i18n.T("Your data as it was before is kept in the backup %s.", res.Previous))
	}
	for _, line := range res.Restored.DescribeFlawed(i18n.T) {
		fmt.Fprintln(e.out, line)
	}
	return nil
}
