package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// RecordPrint notes a printed PDF of the agreement as a print of its own: the agreement, its revision and
// its last change stay as they were.
func (s *Store) RecordPrint(a *data.Agreement, pdf []byte) error {
	return s.Save(data.NewPrint(a, pdf, s.Now()))
}

// separatePrints: up to schema 3 an agreement listed its printed versions, so every print was an edit of
// the agreement and raised its revision. Schema 4 keeps each print as a record of its own and gives every
// agreement its first wording version, as of its last change. Both are worked out from the record alone,
// so laptops that upgrade the same data make the same records, with the same IDs, and a sync finds nothing
// to compare.
func separatePrints(tx *bolt.Tx) error {
	agreements, prints := tx.Bucket([]byte(data.KindAgreement)), tx.Bucket([]byte(data.KindPrint))
	meta := tx.Bucket([]byte(bucketMeta))
	rev, err := getUint(meta, keyRev)
	if err != nil {
		return err
	}
	updated := map[string][]byte{}
	err = agreements.ForEach(func(k, v []byte) error {
		var a data.Agreement
		var old struct {
			Printed []struct {
				At     time.Time `json:"at"`
				SHA256 string    `json:"sha256"`
			} `json:"printed_versions"`
		}
		var rec map[string]json.RawMessage // keeps fields a newer Accord wrote
		if err := errors.Join(json.Unmarshal(v, &a), json.Unmarshal(v, &old), json.Unmarshal(v, &rec)); err != nil {
			return fmt.Errorf("agreement %s: %w", k, err)
		}
		for _, p := range old.Printed {
			rev++
			id := uuid.NewSHA1(uuid.NameSpaceOID, []byte(a.ID+"/"+p.SHA256+"/"+p.At.String())).String()
			print := &data.Print{Meta: data.Meta{ID: id, CreatedAt: p.At, UpdatedAt: p.At, Rev: rev}, AgreementID: a.ID, At: p.At, SHA256: p.SHA256}
			b, err := json.Marshal(print)
			if err != nil {
				return err
			}
			if err := prints.Put([]byte(id), b); err != nil {
				return err
			}
		}
		a.NoteWording(nil, a.UpdatedAt)
		delete(rec, "printed_versions")
		wording, err := json.Marshal(a.Wording)
		rec["wording"] = wording
		b, err2 := json.Marshal(rec)
		updated[string(k)] = b
		return errors.Join(err, err2)
	})
	if err != nil {
		return err
	}
	for k, v := range updated {
		if err := agreements.Put([]byte(k), v); err != nil {
			return err
		}
	}
	return putUint(meta, keyRev, rev)
}
