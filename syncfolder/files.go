package syncfolder

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"accord/data"
	"accord/store"
)

// shareAttachments writes into this laptop's folder the attachment files its outgoing versions use that
// no laptop's folder holds yet. A file is named by its SHA-256 and written once.
func shareAttachments(s *store.Store, top, own string, vs []store.Version, all []string) error {
	for _, v := range vs {
		for _, sha := range store.Attachments(v) {
			if !attachmentName.MatchString(sha) || attachmentShared(top, all, sha) {
				continue
			}
			content, err := s.Attachment(sha)
			if errors.Is(err, store.ErrNotFound) {
				continue // a record pointing at a file this laptop never had: nothing to share
			}
			if err != nil {
				return err
			}
			dir := filepath.Join(own, Files)
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return fmt.Errorf("make %s: %w", dir, err)
			}
			write := func(w io.Writer) error { _, err := w.Write(content); return err }
			if err := store.WriteAtomically(filepath.Join(dir, sha), write); err != nil {
				return fmt.Errorf("share attachment %s: %w", sha, err)
			}
		}
	}
	return nil
}

func attachmentShared(top string, devices []string, sha string) bool {
	for _, d := range devices {
		if _, err := os.Stat(filepath.Join(top, d, Files, sha)); err == nil {
			return true
		}
	}
	return false
}

// fetchAttachment reads an attachment from whichever laptop's folder holds a complete copy; an error
// wrapping errNotArrived when none does yet.
func fetchAttachment(top string, devices []string, sha string) ([]byte, error) {
	for _, d := range devices {
		content, err := readAttachment(filepath.Join(top, d, Files, sha))
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotTheFile) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("attachment %s: %w", sha, err)
		}
		if sum := sha256.Sum256(content); hex.EncodeToString(sum[:]) == sha {
			return content, nil
		}
	}
	return nil, fmt.Errorf("attachment %s: %w", sha, errNotArrived)
}

// errNotTheFile marks a file larger than any attachment Accord keeps: whatever its name, it is not one.
var errNotTheFile = errors.New("larger than any attachment")

// readAttachment reads a file that may be an attachment, in one piece; one larger than the largest
// attachment Accord keeps is not read at all.
func readAttachment(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > data.MaxAttachmentBytes {
		return nil, errNotTheFile
	}
	content := make([]byte, info.Size())
	_, err = io.ReadFull(f, content)
	return content, err
}
