package data

import (
	"bytes"
	"errors"
	"time"
)

// MaxAttachmentBytes bounds a kept file: a scanned signed copy is a few megabytes; more is usually a
// photo at full camera resolution, which would bloat every backup.
const MaxAttachmentBytes = 20 << 20

// i18n:keys: shown translated, so each string here is a translation key.
var (
	ErrAttachmentTooBig  = errors.New("That file is larger than 20 MB. Scan at a lower resolution, or save the scan as a PDF, and try again.")
	ErrAttachmentType    = errors.New("Accord keeps signed copies as PDF, JPEG or PNG files. Save the scan in one of those formats and try again.")
	ErrAttachmentMissing = errors.New("That file is empty.")
)

// fileKinds are the formats a signed copy may be in, recognised by their first bytes, not their names.
var fileKinds = []struct {
	mime  string
	magic []byte
}{
	{"application/pdf", []byte("%PDF-")},
	{"image/jpeg", []byte{0xFF, 0xD8, 0xFF}},
	{"image/png", []byte("\x89PNG\r\n\x1a\n")},
}

// AttachSignedCopy stores a scan with the agreement: its bytes go into the store's attachment bucket
// (written once, however often attached) and the agreement lists it. The caller saves the agreement.
func (a *Agreement) AttachSignedCopy(s *Store, name string, content []byte, at time.Time) error {
	switch {
	case len(content) == 0:
		return ErrAttachmentMissing
	case len(content) > MaxAttachmentBytes:
		return ErrAttachmentTooBig
	}
	mime := ""
	for _, k := range fileKinds {
		if bytes.HasPrefix(content, k.magic) {
			mime = k.mime
		}
	}
	if mime == "" {
		return ErrAttachmentType
	}
	sha, err := s.PutAttachment(content)
	if err != nil {
		return err
	}
	a.Attachments = append(a.Attachments, Attachment{Name: name, MIME: mime, Size: int64(len(content)), SHA256: sha, AddedAt: at.UTC()})
	return nil
}
