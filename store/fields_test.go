package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// charityFields saves the two fields of the example and a partner with values in both.
func charityFields(t *testing.T, s *Store) (number, insurance *data.FieldDefinition, p *data.Partner) {
	t.Helper()
	number = &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Charity number")}, Name: "Charity number",
		For: data.KindPartner, Type: data.FieldText, Print: true}
	insurance = &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Insurance expires")}, Name: "Insurance expires",
		For: data.KindPartner, Type: data.FieldDate, RemindDays: 30, Order: 1}
	p = partner("Northside Food Bank")
	p.SetCustomValue(number.ID, "1098765")
	p.SetCustomValue(insurance.ID, "2027-01-09")
	if err := s.SaveAll([]data.Record{number, insurance, p}); err != nil {
		t.Fatal(err)
	}
	return number, insurance, p
}

func TestAnUpgradeFromSchema7MakesTheFieldsBucket(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, k := range []string{bucketMeta, bucketAttachments, bucketTombstones, bucketConflicts, "organisation", "partners",
			"needs", "agreements", "evaluations", "activities", "prints", "relation_types", "relations"} {
			if _, err := tx.CreateBucket([]byte(k)); err != nil {
				return err
			}
		}
		meta := tx.Bucket([]byte(bucketMeta))
		return errors.Join(putUint(meta, keySchema, 7), putUint(meta, keyRev, 1), tx.Bucket([]byte("partners")).Put([]byte("p1"),
			seal([]byte(`{"id":"p1","rev":1,"name":"Library","kind":"non-profit","stage":"active"}`))))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	number, _, _ := charityFields(t, s)
	lib, err := Get[data.Partner](s, "p1")
	if err != nil {
		t.Fatal(err)
	}
	lib.SetCustomValue(number.ID, "42")
	if err := s.Save(lib); err != nil {
		t.Fatalf("a partner from before fields cannot take a value: %v", err)
	}
	if got := Search[data.Partner](s, "42"); len(got) != 1 || got[0].ID != "p1" {
		t.Errorf("search by the custom value found %v", got)
	}
}

func TestFieldsAndValuesTravelInTheJSONExport(t *testing.T) {
	src := openTemp(t)
	number, insurance, p := charityFields(t, src)
	dst, sum := exportedInto(t, src, `"fields": [`, `"type": "date"`, `"remind_days": 30`, `"print": true`, `"for": "partners"`,
		`"custom": {`, `"`+insurance.ID+`": "2027-01-09"`)
	if sum.Added[data.KindField] != 2 {
		t.Fatalf("imported %v", sum.Added)
	}
	got, err := Get[data.Partner](dst, p.ID)
	if err != nil || got.Custom[number.ID] != "1098765" || got.Custom[insurance.ID] != "2027-01-09" {
		t.Fatalf("the values after the import: %v, %v", got.Custom, err)
	}
	if found := Search[data.Partner](dst, "1098765"); len(found) != 1 {
		t.Errorf("search by the charity number after the import found %d", len(found))
	}
}

// A field moved to the Trash keeps its values for the 30 days it can be put back; when it goes for good —
// after them, or deleted permanently — its values go from the partners too, and the other fields' stay.
func TestAFieldGoneForGoodTakesItsValues(t *testing.T) {
	s := openTemp(t)
	number, insurance, p := charityFields(t, s)
	s.Now = func() time.Time { return time.Now().AddDate(0, 0, -31) }
	if err := s.Delete(data.KindField, number.ID); err != nil {
		t.Fatal(err)
	}
	s.Now = time.Now
	if err := s.Delete(data.KindField, insurance.ID); err != nil {
		t.Fatal(err)
	}
	values := func() map[string]string {
		got, err := Get[data.Partner](s, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Custom
	}
	if v := values(); v[number.ID] != "1098765" || v[insurance.ID] != "2027-01-09" {
		t.Fatalf("values of fields in the Trash: %v", v)
	}
	if n, err := s.PurgeTrash(); err != nil || n != 1 {
		t.Fatalf("purged %d (%v)", n, err)
	}
	if v := values(); v[number.ID] != "" || v[insurance.ID] != "2027-01-09" {
		t.Fatalf("after the charity number went for good: %v", v)
	}
	if err := s.DeletePermanently(data.KindField, insurance.ID); err != nil {
		t.Fatal(err)
	}
	if v := values(); len(v) != 0 {
		t.Fatalf("after the insurance date was deleted permanently: %v", v)
	}
}

// A contact's values travel inside its partner: in the JSON export and back, found by search; and when
// their field goes for good, they go from every contact.
func TestAContactsValuesTravelWithItsPartner(t *testing.T) {
	src := openTemp(t)
	dbs := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, "DBS check expires")}, Name: "DBS check expires",
		For: data.KindContact, Type: data.FieldDate, RemindDays: 30}
	p := partner("Northside Food Bank")
	p.Contacts = []data.Contact{{ID: "c1", Name: "Ana", Custom: map[string]string{dbs.ID: "2027-01-09"}},
		{ID: "c2", Name: "Ben", Custom: map[string]string{dbs.ID: "2027-05-01"}}}
	if err := src.SaveAll([]data.Record{dbs, p}); err != nil {
		t.Fatal(err)
	}
	dst, _ := exportedInto(t, src, `"for": "contacts"`)
	got, err := Get[data.Partner](dst, p.ID)
	if err != nil || len(got.Contacts) != 2 || got.Contacts[1].Custom[dbs.ID] != "2027-05-01" {
		t.Fatalf("the contacts after the import: %+v, %v", got, err)
	}
	if found := Search[data.Partner](dst, "2027-05-01"); len(found) != 1 {
		t.Errorf("search by a contact's value after the import found %d", len(found))
	}
	if err := dst.Delete(data.KindField, dbs.ID); err != nil {
		t.Fatal(err)
	}
	if err := dst.DeletePermanently(data.KindField, dbs.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ = Get[data.Partner](dst, p.ID); got.Contacts[0].Custom != nil || got.Contacts[1].Custom != nil {
		t.Fatalf("after the field was deleted permanently: %+v", got.Contacts)
	}
}

// An agreement's and an evaluation's own values go out in the JSON export and come back.
func TestAgreementsAndEvaluationsValuesTravelInTheJSONExport(t *testing.T) {
	src := openTemp(t)
	grant := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindAgreement, "Grant reference")}, Name: "Grant reference",
		For: data.KindAgreement, Type: data.FieldText}
	visit := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindEvaluation, "Follow-up visit")}, Name: "Follow-up visit",
		For: data.KindEvaluation, Type: data.FieldDate, RemindDays: 7}
	p := partner("Northside Food Bank")
	if err := src.SaveAll([]data.Record{grant, visit, p}); err != nil {
		t.Fatal(err)
	}
	a := draftWith(p.ID)
	a.SetCustomValue(grant.ID, "GR-2026-14")
	if err := src.Save(a); err != nil {
		t.Fatal(err)
	}
	e := &data.Evaluation{AgreementID: a.ID, Date: data.NewDate(2026, 11, 1), Custom: map[string]string{visit.ID: "2027-01-09"}}
	if err := src.Save(e); err != nil {
		t.Fatal(err)
	}
	dst, _ := exportedInto(t, src)
	if got, err := Get[data.Agreement](dst, a.ID); err != nil || got.Custom[grant.ID] != "GR-2026-14" || got.Wording != a.Wording {
		t.Fatalf("the agreement after the import: %+v, %v", got, err)
	}
	if got, err := Get[data.Evaluation](dst, e.ID); err != nil || got.Custom[visit.ID] != "2027-01-09" {
		t.Fatalf("the evaluation after the import: %+v, %v", got, err)
	}
	if found := Search[data.Agreement](dst, "GR-2026-14"); len(found) != 1 {
		t.Errorf("search by the grant reference found %d", len(found))
	}
}

// Two fields going for good together both take their values from the partner that held both.
func TestTwoFieldsGoneTogetherTakeBothValues(t *testing.T) {
	s := openTemp(t)
	number, insurance, p := charityFields(t, s)
	s.Now = func() time.Time { return time.Now().AddDate(0, 0, -31) }
	for _, d := range []*data.FieldDefinition{number, insurance} {
		if err := s.Delete(data.KindField, d.ID); err != nil {
			t.Fatal(err)
		}
	}
	s.Now = time.Now
	if n, err := s.PurgeTrash(); err != nil || n != 2 {
		t.Fatalf("purged %d (%v)", n, err)
	}
	if got, err := Get[data.Partner](s, p.ID); err != nil || len(got.Custom) != 0 {
		t.Fatalf("after both fields went for good: %v (%v)", got.Custom, err)
	}
}
