package store

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned by Get for an ID the store does not hold.
var ErrNotFound = errors.New("record not found")

// OpenProblem says why a data file could not be opened, so the window and the command line can tell the
// user what happened and what to do.
type OpenProblem int

const (
	ProblemLocked     OpenProblem = iota + 1 // another Accord holds the file
	ProblemDamaged                           // not a database, truncated, or inconsistent
	ProblemNewer                             // written by a newer Accord
	ProblemUnreadable                        // permissions, or the folder cannot be made
)

// OpenError is the error Open returns. Its Message and Advice are English sentences meant for the user
// (and keys of the translation layer); Err holds the detail for the log.
type OpenError struct {
	Problem OpenProblem
	Path    string
	Err     error
}

func (e *OpenError) Error() string {
	return fmt.Sprintf("%s (%s: %v)", e.Message(), e.Path, e.Err)
}

func (e *OpenError) Unwrap() error { return e.Err }

// Message says what happened, in one plain sentence.
// i18n:keys: shown translated, so each string here is a translation key.
func (e *OpenError) Message() string {
	switch e.Problem {
	case ProblemLocked:
		return "Your Accord data is already open in another Accord window."
	case ProblemDamaged:
		return "The Accord data file is damaged and cannot be opened."
	case ProblemNewer:
		return "This data was saved by a newer version of Accord."
	}
	return "Accord is not allowed to read or create its data file."
}

// Advice says what the user can do next.
// i18n:keys: shown translated, so each string here is a translation key.
func (e *OpenError) Advice() string {
	switch e.Problem {
	case ProblemLocked:
		return "Close the other Accord window, then start Accord again."
	case ProblemDamaged:
		return "Nothing in it has been changed. Restore your newest backup, or start Accord with another data folder."
	case ProblemNewer:
		return "Install the newest version of Accord to open it. The file has not been changed."
	}
	return "Check that the data folder belongs to you and is not read-only, or start Accord with another data folder."
}
