package data

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"syscall"
)

// Translate is the translation function documents and windows pass in: an English sentence, the key, with
// the arguments of its verbs.
type Translate func(key string, args ...any) string

// Count is Translate's companion for a sentence that counts (i18n.N is one): it translates the form for
// one ("%d partner") or for other ("%d partners"), as the language's plural rule gives n, and fills it
// with n as its first verb and args after. French says the form for one of 0 too.
type Count func(n int, one, other string, args ...any) string

// Explainer is the one family of errors a user reads: each says, in the user's language, what happened and
// what to do. Explain finds the one an error carries, however deeply it is wrapped.
type Explainer interface {
	error
	Explain(t Translate) string
}

// Explain is what the window and the command line tell the user about an error: the plain sentences of
// the first Explainer it carries, or, for a failure no one foresaw, that something went wrong.
func Explain(err error, t Translate) string {
	var x Explainer
	if errors.As(err, &x) {
		return x.Explain(t)
	}
	return t("Something went wrong. Please try again.")
}

// Details are the lines an error lists below its explanation — every problem in an import file, say —
// or none.
func Details(err error, t Translate) []string {
	var x interface{ Details(Translate) []string }
	if errors.As(err, &x) {
		return x.Details(t)
	}
	return nil
}

// Code says which of the failures a caller acts on an error is (say, offering to restore a damaged file).
type Code int

const (
	CodeNone       Code = iota
	CodeLocked          // another Accord holds the data file
	CodeDamaged         // not an Accord data file, cut short or inconsistent
	CodeNewer           // written by a newer Accord
	CodeUnreadable      // permissions, or the folder cannot be made
)

// CodeOf is the code of the first PlainError an error carries, or CodeNone.
func CodeOf(err error) Code {
	var p *PlainError
	if errors.As(err, &p) {
		return p.Code
	}
	return CodeNone
}

// PlainError is a failure told to the user in two plain sentences — what happened and what to do — with the
// technical detail kept in Err for the log. Message and Advice are English sentences and translation keys;
// Args fill Message's verbs.
type PlainError struct {
	Message string
	Args    []any
	Advice  string
	Err     error
	Code    Code
}

// Plain is a PlainError of one sentence, for the failures a rule reports.
func Plain(message string) *PlainError { return &PlainError{Message: message} }

func (e *PlainError) Error() string {
	text := strings.TrimSpace(fmt.Sprintf(e.Message, e.Args...) + " " + e.Advice)
	if e.Err != nil {
		text += " (" + e.Err.Error() + ")"
	}
	return text
}

func (e *PlainError) Unwrap() error { return e.Err }

func (e *PlainError) Explain(t Translate) string {
	if e.Advice == "" {
		return t(e.Message, e.Args...)
	}
	return t(e.Message, e.Args...) + " " + t(e.Advice)
}

// Sentence is an English sentence for the user, with the arguments of its verbs; the sentence is the
// translation key.
type Sentence struct {
	Text string
	Args []any
}

// FileProblem explains why writing what (a phrase such as "The backup") to path failed; see OSProblem.
func FileProblem(what, path string, err error) *PlainError {
	if p := OSProblem(what, path, err); p != nil {
		return p
	}
	return &PlainError{Message: "%s could not be written.", Args: []any{what},
		Advice: "Try again, or choose another place. Nothing has been lost.", Err: err}
}

// OSProblem explains the failures a volunteer can do something about — a full disk, a folder Accord may
// not write to, a folder that has gone (a USB stick pulled out), a failing disk — and returns nil for any
// other error. Every advice says nothing was lost, which is true wherever it is used: files are written
// under a temporary name and renamed, and the database changes only by whole transactions.
func OSProblem(what, path string, err error) *PlainError {
	switch {
	case DiskFull(err):
		return &PlainError{Message: "%s could not be written because the disk is full.", Args: []any{what},
			Advice: "Free some space on the disk, or choose another place, then try again. Nothing has been lost.", Err: err}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return &PlainError{Message: "%s could not be written because Accord is not allowed to write to %s.", Args: []any{what, path},
			Advice: "Check that the folder is not read-only and the USB stick is not locked, or choose another place, then try again. Nothing has been lost.", Err: err}
	case errors.Is(err, fs.ErrNotExist):
		return &PlainError{Message: "%s could not be written because the folder of %s is no longer there.", Args: []any{what, path},
			Advice: "If it is on a USB stick, plug the stick back in, or choose another place, then try again. Nothing has been lost.", Err: err}
	case errors.Is(err, syscall.EIO):
		return &PlainError{Message: "%s could not be written because the disk reported an error.", Args: []any{what},
			Advice: "The disk or USB stick may be failing: try another place. Nothing has been lost.", Err: err}
	}
	return nil
}

// DiskFull recognises "no space left" on every system: Windows reports it with codes of its own.
func DiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var errno syscall.Errno
	const errorHandleDiskFull, errorDiskFull = 39, 112 // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
	return runtime.GOOS == "windows" && errors.As(err, &errno) && (errno == errorHandleDiskFull || errno == errorDiskFull)
}

// english is the Translate that leaves each sentence in English, as written.
func english(key string, args ...any) string {
	if len(args) == 0 {
		return key
	}
	return fmt.Sprintf(key, args...)
}
