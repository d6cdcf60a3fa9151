package data

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"syscall"
)

// PlainError is a failure told to the user in two plain sentences — what happened and what to do — with the
// technical detail kept in Err for the log. Message and Advice are English sentences and translation keys;
// Args fill Message's verbs.
type PlainError struct {
	Message string
	Args    []any
	Advice  string
	Err     error
}

func (e *PlainError) Error() string {
	text := fmt.Sprintf(e.Message, e.Args...) + " " + e.Advice
	if e.Err != nil {
		text += " (" + e.Err.Error() + ")"
	}
	return text
}

func (e *PlainError) Unwrap() error { return e.Err }

// Sentence is an English sentence for the user, with the arguments of its verbs; the sentence is the
// translation key.
type Sentence struct {
	Text string
	Args []any
}

// fileProblem explains why writing what (a phrase such as "The backup") to path failed; see osProblem.
func FileProblem(what, path string, err error) *PlainError {
	if p := OSProblem(what, path, err); p != nil {
		return p
	}
	return &PlainError{"%s could not be written.", []any{what}, "Try again, or choose another place. Nothing has been lost.", err}
}

// osProblem explains the failures a volunteer can do something about — a full disk, a folder Accord may
// not write to, a folder that has gone (a USB stick pulled out), a failing disk — and returns nil for any
// other error. Every advice says nothing was lost, which is true wherever it is used: files are written
// under a temporary name and renamed, and the database changes only by whole transactions.
func OSProblem(what, path string, err error) *PlainError {
	switch {
	case DiskFull(err):
		return &PlainError{"%s could not be written because the disk is full.", []any{what},
			"Free some space on the disk, or choose another place, then try again. Nothing has been lost.", err}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return &PlainError{"%s could not be written because Accord is not allowed to write to %s.", []any{what, path},
			"Check that the folder is not read-only and the USB stick is not locked, or choose another place, then try again. Nothing has been lost.", err}
	case errors.Is(err, fs.ErrNotExist):
		return &PlainError{"%s could not be written because the folder of %s is no longer there.", []any{what, path},
			"If it is on a USB stick, plug the stick back in, or choose another place, then try again. Nothing has been lost.", err}
	case errors.Is(err, syscall.EIO):
		return &PlainError{"%s could not be written because the disk reported an error.", []any{what},
			"The disk or USB stick may be failing: try another place. Nothing has been lost.", err}
	}
	return nil
}

// diskFull recognises "no space left" on every system: Windows reports it with codes of its own.
func DiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var errno syscall.Errno
	const errorHandleDiskFull, errorDiskFull = 39, 112 // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
	return runtime.GOOS == "windows" && errors.As(err, &errno) && (errno == errorHandleDiskFull || errno == errorDiskFull)
}
