package data

import (
	"bytes"
)

// MaxAttachmentBytes bounds a kept file: a scanned signed copy is a few megabytes; more is usually a
// photo at full camera resolution, which would bloat every backup.
const MaxAttachmentBytes = 20 << 20

// i18n:keys: shown translated, so each string here is a translation key.
var (
	ErrAttachmentTooBig  = Plain("That file is larger than 20 MB. Scan at a lower resolution, or save the scan as a PDF, and try again.")
	ErrAttachmentType    = Plain("Accord keeps signed copies as PDF, JPEG or PNG files. Save the scan in one of those formats and try again.")
	ErrAttachmentMissing = Plain("That file is empty.")
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

// SignedCopyType checks that a scan can be kept as a signed copy and returns its MIME type, recognised by
// its first bytes, not its name.
func SignedCopyType(content []byte) (string, error) {
	switch {
	case len(content) == 0:
		return "", ErrAttachmentMissing
	case len(content) > MaxAttachmentBytes:
		return "", ErrAttachmentTooBig
	}
	for _, k := range fileKinds {
		if bytes.HasPrefix(content, k.magic) {
			return k.mime, nil
		}
	}
	return "", ErrAttachmentType
}
