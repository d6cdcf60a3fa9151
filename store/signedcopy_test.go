package store

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"accord/data"
)

func TestKeepSignedCopyKeepsPDFJPEGAndPNGOnly(t *testing.T) {
	s := openTemp(t)
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	scan := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 1000)...)
	got, err := s.KeepSignedCopy("signed.pdf", scan, at)
	if err != nil {
		t.Fatal(err)
	}
	if got.MIME != "application/pdf" || got.Size != int64(len(scan)) || got.Name != "signed.pdf" {
		t.Fatalf("attachment = %+v", got)
	}
	back, err := s.Attachment(got.SHA256)
	if err != nil || !bytes.Equal(back, scan) {
		t.Fatalf("stored bytes differ: %v", err)
	}
	for name, c := range map[string]struct {
		content []byte
		want    error
	}{
		"a Word file renamed .pdf": {[]byte("PK\x03\x04 word"), data.ErrAttachmentType},
		"empty":                    {nil, data.ErrAttachmentMissing},
		"too big":                  {append([]byte("%PDF-"), make([]byte, data.MaxAttachmentBytes)...), data.ErrAttachmentTooBig},
	} {
		if att, err := s.KeepSignedCopy(name, c.content, at); !errors.Is(err, c.want) || att.SHA256 != "" {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
	if att, err := s.KeepSignedCopy("photo.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 1, 2}, at); err != nil || att.MIME != "image/jpeg" {
		t.Fatalf("jpeg: %v", err)
	}
}
