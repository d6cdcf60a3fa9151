package store

import (
	"errors"
	"fmt"

	"accord/data"
)

// ErrNotFound is returned by Get for an ID the store does not hold.
var ErrNotFound = errors.New("record not found")

// openProblems say, for each way a data file can fail to open, what happened and what to do.
// i18n:keys: shown translated, so each string here is a translation key.
var openProblems = map[data.Code][2]string{
	data.CodeLocked: {"Your Accord data is already open in another Accord window.",
		"Close the other Accord window, then start Accord again."},
	data.CodeDamaged: {"The Accord data file is damaged and cannot be opened.",
		"Nothing in it has been changed. Restore your newest backup, or start Accord with another data folder."},
	data.CodeNewer: {"This data was saved by a newer version of Accord.",
		"Install the newest version of Accord to open it. The file has not been changed."},
	data.CodeUnreadable: {"Accord is not allowed to read or create its data file.",
		"Check that the data folder belongs to you and is not read-only, or start Accord with another data folder."},
}

// openFailure is the error Open returns for a data file it cannot open: the code the window acts on (a
// damaged file can be restored) and plain words. A plain error underneath — a full disk while backing up
// before an upgrade — says more exactly what happened, so its words are kept.
func openFailure(code data.Code, path string, err error) *data.PlainError {
	detail := fmt.Errorf("%s: %w", path, err)
	var inner *data.PlainError
	if errors.As(err, &inner) {
		return &data.PlainError{Message: inner.Message, Args: inner.Args, Advice: inner.Advice, Err: detail, Code: code}
	}
	words := openProblems[code]
	return &data.PlainError{Message: words[0], Advice: words[1], Err: detail, Code: code}
}
