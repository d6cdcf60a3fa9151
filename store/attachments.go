package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// PutAttachment stores a file's bytes (a scanned signed copy, say) in the database and returns their SHA-256,
// the key a record's Attachment keeps. The same bytes are stored once however many records use them.
func (s *Store) PutAttachment(content []byte) (sha string, err error) {
	sum := sha256.Sum256(content)
	sha = hex.EncodeToString(sum[:])
	s.mu.Lock() // as every write: an import replacing the file waits for it (see importer.swapIn)
	defer s.mu.Unlock()
	err = s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketAttachments))
		if b.Get([]byte(sha)) != nil {
			return nil
		}
		return b.Put([]byte(sha), content)
	})
	if err != nil {
		if p := data.OSProblem("The attachment", s.path, err); p != nil {
			err = p
		}
		return "", fmt.Errorf("store attachment of %d bytes: %w", len(content), err)
	}
	return sha, nil
}

// Attachment returns a copy of the bytes stored under sha, or an error wrapping ErrNotFound.
func (s *Store) Attachment(sha string) ([]byte, error) {
	var out []byte
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		v := tx.Bucket([]byte(bucketAttachments)).Get([]byte(sha))
		if v == nil {
			return ErrNotFound
		}
		out = bytes.Clone(v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("attachment %s: %w", sha, err)
	}
	return out, nil
}

// attachmentsOf lists the SHA-256 keys of the attachments a record uses.
func attachmentsOf(r data.Record) []string {
	a, ok := r.(*data.Agreement)
	if !ok {
		return nil
	}
	out := make([]string, len(a.Attachments))
	for i, x := range a.Attachments {
		out[i] = x.SHA256
	}
	return out
}

// KeepSignedCopy stores a scan of a signed agreement in the attachment bucket (written once, however often
// attached) and returns the attachment for the agreement to list; the caller adds it and saves.
func (s *Store) KeepSignedCopy(name string, content []byte, at time.Time) (data.Attachment, error) {
	mime, err := data.SignedCopyType(content)
	if err != nil {
		return data.Attachment{}, err
	}
	sha, err := s.PutAttachment(content)
	if err != nil {
		return data.Attachment{}, err
	}
	return data.Attachment{Name: name, MIME: mime, Size: int64(len(content)), SHA256: sha, AddedAt: at.UTC()}, nil
}

// MarkActionDone ticks off one action in the activity or evaluation it belongs to, and saves that record.
func (s *Store) MarkActionDone(source data.Record, actionID string, on data.Date) error {
	r, err := s.get(source.Kind(), source.Common().ID)
	if err != nil {
		return err
	}
	if !data.TickAction(r, actionID, on) {
		return ErrNotFound
	}
	return s.Save(r)
}
