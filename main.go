// Accord keeps a community group's partnerships — partners, agreements, evaluations — in one file on one
// laptop, with no network. With no command it opens the window; with one it runs a headless job.
package main

import (
	"fmt"
	"os"
	"strings"

	_ "accord/internal/localeenv" // first: repairs the locale before Fyne reads it

	"fyne.io/fyne/v2/app"

	"accord/cli"
	"accord/store"
	"accord/ui"
)

func main() {
	folderFlag, args, err := splitDataFlag(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "accord: %v\n", err)
		os.Exit(2)
	}
	folder, err := store.ResolveFolder(folderFlag)
	if err != nil {
		fmt.Fprintf(os.Stderr, "accord: %v\n", err)
		os.Exit(1)
	}
	if len(args) == 0 {
		ui.Run(app.NewWithID(ui.AppID), folder)
		return
	}
	os.Exit(cli.Run(folder, args, os.Stdout, os.Stderr))
}

// splitDataFlag takes --data DIR (or --data=DIR) from anywhere in the arguments, so both
// `accord --data X check` and `accord check --data X` work.
func splitDataFlag(args []string) (folder string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--data" || a == "-data":
			if i+1 >= len(args) {
				return "", nil, fmt.Errorf("--data needs a folder")
			}
			folder = args[i+1]
			i++
		case strings.HasPrefix(a, "--data=") || strings.HasPrefix(a, "-data="):
			folder = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	return folder, rest, nil
}
