package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// An Accord from before relations (schema 4, or 6 with sealed records) upgrades its file: the relation
// buckets are made, after a backup, and a relation can be saved with the partners already there.
func TestUpgradeAddsTheRelationBuckets(t *testing.T) {
	for _, from := range []int{4, 6} {
		t.Run(fmt.Sprintf("from schema %d", from), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			partner := []byte(`{"id":"p1","rev":1,"name":"Library","kind":"non-profit","stage":"active"}`)
			if from >= 6 {
				partner = seal(partner)
			}
			err = db.Update(func(tx *bolt.Tx) error {
				for _, k := range []string{bucketMeta, bucketAttachments, bucketTombstones, bucketConflicts, "organisation", "partners",
					"needs", "agreements", "evaluations", "activities", "prints"} {
					if _, err := tx.CreateBucket([]byte(k)); err != nil {
						return err
					}
				}
				meta := tx.Bucket([]byte(bucketMeta))
				return errors.Join(putUint(meta, keySchema, uint64(from)), putUint(meta, keyRev, 1),
					tx.Bucket([]byte("partners")).Put([]byte("p1"), partner))
			})
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			s.db.Load().View(func(tx *bolt.Tx) error {
				if v, _ := schemaOf(tx); v != SchemaVersion || tx.Bucket([]byte(data.KindRelation)) == nil || tx.Bucket([]byte(data.KindRelationType)) == nil {
					t.Errorf("schema %d, or no bucket for relations", v)
				}
				return nil
			})
			if backups, _ := ListBackups(dir); len(backups) != 1 || !strings.Contains(backups[0].Path, fmt.Sprintf("before-upgrade-from-v%d", from)) {
				t.Fatalf("backups %v", backups)
			}
			if s.Count(data.KindPartner) != 1 {
				t.Fatal("the partner was lost in the upgrade")
			}
			if err := s.Save(&data.Relation{From: data.Us, To: data.PartnerEnd("p1"), Type: data.RelationMemberOf, Status: data.RelationCurrent}); err != nil {
				t.Fatalf("a relation cannot be saved after the upgrade: %v", err)
			}
		})
	}
}

// relations saves a group's own kind of relation and two relations, one of that kind.
func relations(t *testing.T, s *Store) (council, bank *data.Partner, lends *data.RelationType) {
	t.Helper()
	council, bank = partner("Riverside Council"), partner("Northside Food Bank")
	lends = &data.RelationType{Name: "lends equipment to", Reverse: "borrows equipment from",
		Names: map[string]data.RelationNames{"es": {Name: "presta material a", Reverse: "toma material prestado de"}}}
	if err := s.SaveAll([]data.Record{council, bank, lends}); err != nil {
		t.Fatal(err)
	}
	err := s.SaveAll([]data.Record{
		&data.Relation{From: data.PartnerEnd(council.ID), To: data.PartnerEnd(bank.ID), Type: data.RelationFunds,
			Status: data.RelationCurrent, Start: data.NewDate(2024, time.April, 1), Note: "Community grant"},
		&data.Relation{From: data.PartnerEnd(bank.ID), To: data.Us, Type: lends.ID, Status: data.RelationEnded},
	})
	if err != nil {
		t.Fatal(err)
	}
	return council, bank, lends
}

func TestRelationsTravelInTheJSONExport(t *testing.T) {
	src := openTemp(t)
	relations(t, src)
	dst, sum := exportedInto(t, src, `"relation_types": [`, `"reverse": "borrows equipment from"`, `"relations": [`,
		`"from": {`, `"partner_id": "`, `"us": true`, `"type": "funds"`, `"start": "2024-04-01"`, `"status": "ended"`)
	if sum.Added[data.KindRelation] != 2 || sum.Added[data.KindRelationType] != 1 {
		t.Fatalf("imported %v", sum.Added)
	}
	if rep := dst.Check(); len(rep.Problems) != 0 {
		t.Fatalf("check after the import: %v", rep.Problems)
	}
}

func TestImportRefusesARelationWithAPartnerNowhere(t *testing.T) {
	src := openTemp(t)
	council, _, _ := relations(t, src)
	var b bytes.Buffer
	if err := src.ExportJSON(&b); err != nil {
		t.Fatal(err)
	}
	// The council is left out of the file, and the folder it goes to never had it.
	doc := strings.Replace(b.String(), `"id": "`+council.ID+`"`, `"id": "someone-else"`, 1)
	_, err := openTemp(t).ImportJSON(strings.NewReader(doc))
	if err == nil || !strings.Contains(strings.Join(data.Details(err, english), "\n"), council.ID) {
		t.Fatalf("a relation with a partner in neither the file nor Accord: %v %q", err, data.Details(err, english))
	}
}

func english(key string, args ...any) string { return fmt.Sprintf(key, args...) }

func TestTheTrashKeepsWhatARelationNames(t *testing.T) {
	s := openTemp(t)
	council, _, lends := relations(t, s)
	s.Now = func() time.Time { return time.Now().AddDate(0, 0, -40) }
	if err := errors.Join(s.Delete(data.KindPartner, council.ID), s.Delete(data.KindRelationType, lends.ID)); err != nil {
		t.Fatal(err)
	}
	s.Now = time.Now
	if n, err := s.PurgeTrash(); err != nil || n != 0 {
		t.Fatalf("purged %d records still named by a relation (%v)", n, err)
	}
	links := s.TrashLinks()
	if len(links[data.Ref{Kind: data.KindPartner, ID: council.ID}]) != 1 || len(links[data.Ref{Kind: data.KindRelationType, ID: lends.ID}]) != 1 {
		t.Fatalf("what keeps them: %v", links)
	}
}

func TestTheMapKeepsItsPlacesBetweenVisits(t *testing.T) {
	s := openTemp(t)
	if places, err := s.MapPlaces(); err != nil || len(places) != 0 {
		t.Fatalf("before the map was ever drawn: %v, %v", places, err)
	}
	want := map[string]data.Point{"p1": {X: 1.5, Y: -2}, data.OrganisationID: {}}
	if err := s.SaveMapPlaces(want); err != nil {
		t.Fatal(err)
	}
	got, err := s.MapPlaces()
	if err != nil || len(got) != 2 || got["p1"] != want["p1"] {
		t.Fatalf("read back %v, %v", got, err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir(), MapPlacesFile), []byte("{half a fi"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := s.MapPlaces(); err == nil || len(got) != 0 {
		t.Fatalf("a damaged file reads as %v, %v", got, err)
	}
}
