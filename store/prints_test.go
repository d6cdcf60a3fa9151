package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// schema3File writes a data file as Accord wrote it up to schema 3: an agreement listing its prints.
func schema3File(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, k := range []string{bucketMeta, bucketAttachments, bucketTombstones, bucketConflicts, "organisation", "partners", "needs", "agreements", "evaluations", "activities"} {
			if _, err := tx.CreateBucket([]byte(k)); err != nil {
				return err
			}
		}
		meta := tx.Bucket([]byte(bucketMeta))
		return errors.Join(putUint(meta, keySchema, 3), putUint(meta, keyRev, 9),
			tx.Bucket([]byte("partners")).Put([]byte("p1"), []byte(`{"id":"p1","rev":1,"name":"Library","kind":"non-profit","stage":"active"}`)),
			tx.Bucket([]byte("agreements")).Put([]byte("a1"), []byte(`{"id":"a1","rev":9,"updated_at":"2026-03-04T10:00:00Z",
				"title":"Homework club","kind":"memorandum of understanding","status":"draft","start":"2026-01-01","end":"2026-12-31",
				"parties":[{"us":true,"responsibilities":"Tutors","signatory":{"name":""}},{"partner_id":"p1","responsibilities":"Room","signatory":{"name":""}}],
				"communication":{},"from_a_newer_accord":"kept",
				"printed_versions":[{"rev":4,"at":"2026-02-01T09:00:00Z","sha256":"`+sha('a')+`"},{"rev":9,"at":"2026-03-04T10:05:00Z","sha256":"`+sha('b')+`"}]}`)))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

func sha(c byte) string { return string(bytes.Repeat([]byte{c}, 64)) }

func TestUpgradeToSchema4MovesPrintsOutOfTheAgreement(t *testing.T) {
	var ids [2][]string
	for i := range ids {
		path := schema3File(t, t.TempDir())
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := data.Lookup[data.Agreement](s, "a1")
		prints := data.PrintsOf(s, "a1")
		if len(prints) != 2 || prints[0].SHA256 != sha('a') || prints[1].At != time.Date(2026, 3, 4, 10, 5, 0, 0, time.UTC) {
			t.Fatalf("prints after the upgrade: %+v", prints)
		}
		for _, p := range prints {
			ids[i] = append(ids[i], p.ID)
		}
		if v, on := a.PrintedWording(); v != 1 || on != data.NewDate(2026, 3, 4) || a.Wording.Hash == "" {
			t.Fatalf("wording after the upgrade: %+v", a.Wording)
		}
		var raw []byte
		s.db.Load().View(func(tx *bolt.Tx) error {
			raw = bytes.Clone(tx.Bucket([]byte(data.KindAgreement)).Get([]byte("a1")))
			return nil
		})
		s.Close()
		if bytes.Contains(raw, []byte("printed_versions")) || !bytes.Contains(raw, []byte("from_a_newer_accord")) {
			t.Fatal("the agreement still lists its prints, or lost a field it did not know")
		}
	}
	if ids[0][0] != ids[1][0] || ids[0][1] != ids[1][1] {
		t.Fatalf("two laptops upgrading the same data made different prints: %v and %v", ids[0], ids[1])
	}
}

func TestPrintingLeavesTheAgreementAsItWas(t *testing.T) {
	s := openTemp(t)
	p := partner("Library")
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	a := draftWith(p.ID)
	if err := s.Save(a); err != nil {
		t.Fatal(err)
	}
	before := *data.Lookup[data.Agreement](s, a.ID)
	for _, pdf := range []string{"%PDF-one", "%PDF-two"} {
		if err := s.RecordPrint(a, []byte(pdf)); err != nil {
			t.Fatal(err)
		}
	}
	after := data.Lookup[data.Agreement](s, a.ID)
	if after.Rev != before.Rev || !after.UpdatedAt.Equal(before.UpdatedAt) || after.Wording != before.Wording {
		t.Fatalf("printing changed the agreement: rev %d→%d, wording %+v→%+v", before.Rev, after.Rev, before.Wording, after.Wording)
	}
	if prints := data.PrintsOf(s, a.ID); len(prints) != 2 || prints[0].Version != 1 || prints[0].SHA256 == prints[1].SHA256 {
		t.Fatalf("prints %+v", prints)
	}
}
