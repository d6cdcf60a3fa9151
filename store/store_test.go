package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

func TestSaveAndGetRoundTrip(t *testing.T) {
	s := openTemp(t)
	p := partner("Asociación Vecinal San José")
	p.FocusAreas = []string{"youth", "housing"}
	p.Contacts = []data.Contact{{ID: data.NewID(), Name: "Ελένη Παπαδοπούλου", Email: "eleni@example.org", MaySign: true}}
	p.Offers = []data.Offer{{Kind: data.ResourceSpace, Description: "Hall on Tuesdays", Value: 12050}}
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	if p.ID == "" || p.Rev != 1 || p.CreatedAt.IsZero() {
		t.Fatalf("save did not stamp the record: %+v", p.Meta)
	}
	got, err := Get[data.Partner](s, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != p.Name || got.Contacts[0].Name != "Ελένη Παπαδοπούλου" || got.Offers[0].Value != 12050 || got.FocusAreas[1] != "housing" {
		t.Fatalf("read back %+v", got)
	}
	got.Name = "Changed but not saved"
	if data.Lookup[data.Partner](s, p.ID).Name != p.Name {
		t.Fatal("editing a copy from Get changed the index")
	}
}

func TestRevisionRisesAndSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := partner("A"), partner("B")
	for _, p := range []*data.Partner{a, b, a} {
		if err := s.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	if a.Rev != 3 || b.Rev != 2 || s.Rev() != 3 {
		t.Fatalf("revs a=%d b=%d store=%d, want 3 2 3", a.Rev, b.Rev, s.Rev())
	}
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := partner("C")
	if err := s.Save(c); err != nil || c.Rev != 4 {
		t.Fatalf("rev after reopen = %d (%v), want 4", c.Rev, err)
	}
	if n := len(data.List[data.Partner](s)); n != 3 {
		t.Fatalf("reopened store lists %d partners, want 3", n)
	}
}

func TestInvalidRecordIsNotSavedAndKeepsItsFields(t *testing.T) {
	s := openTemp(t)
	p := partner("")
	err := s.Save(p)
	var verr *data.ValidationError
	if !errors.As(err, &verr) || len(verr.For("name")) != 1 {
		t.Fatalf("want a name problem, got %v", err)
	}
	if p.ID != "" || s.Count(data.KindPartner) != 0 {
		t.Fatal("an invalid partner was stored")
	}
}

func TestDeleteMovesToTrashAndUndeleteRestores(t *testing.T) {
	s := openTemp(t)
	keep, gone := partner("Keep Trust"), partner("Gone Group")
	gone.Contacts = []data.Contact{{Name: "Zoë Adams", Email: "zoe@example.org"}}
	for _, p := range []*data.Partner{keep, gone} {
		if err := s.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(data.KindPartner, gone.ID); err != nil {
		t.Fatal(err)
	}
	if got := Search[data.Partner](s, "zoe"); len(got) != 0 {
		t.Fatalf("search still finds a deleted partner: %v", got)
	}
	if names := titles(data.List[data.Partner](s)); len(names) != 1 || names[0] != "Keep Trust" {
		t.Fatalf("list after delete = %v", names)
	}
	if trash := s.Trash(); len(trash) != 1 || trash[0].Title() != "Gone Group" {
		t.Fatalf("trash = %v", trash)
	}
	if err := s.Undelete(data.KindPartner, gone.ID); err != nil {
		t.Fatal(err)
	}
	if got := Search[data.Partner](s, "zoe"); len(got) != 1 {
		t.Fatal("undeleted partner is not found again")
	}
	if err := s.Delete(data.KindPartner, "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting a missing record: %v", err)
	}
}

func TestSearchFindsByNameContactEmailAndTagIgnoringAccentsAndCase(t *testing.T) {
	s := openTemp(t)
	p := partner("Café Solidaire")
	p.FocusAreas = []string{"food security"}
	p.Contacts = []data.Contact{{Name: "José Núñez", Email: "jose@cafe.example"}}
	q := partner("Σύλλογος Γειτονιάς Αθήνας")
	r := partner("Общественный центр Рассвет")
	for _, x := range []*data.Partner{p, q, r} {
		if err := s.Save(x); err != nil {
			t.Fatal(err)
		}
	}
	for query, want := range map[string]string{
		"cafe": "Café Solidaire", "NUNEZ": "Café Solidaire", "jose@cafe": "Café Solidaire",
		"food sec": "Café Solidaire", "αθηνας": "Σύλλογος Γειτονιάς Αθήνας", "рассвет": "Общественный центр Рассвет",
		"cafe núñez": "Café Solidaire", "ΑΘΗΝΑΣ": "Σύλλογος Γειτονιάς Αθήνας",
	} {
		got := titles(Search[data.Partner](s, query))
		if len(got) != 1 || got[0] != want {
			t.Errorf("search %q = %v, want [%s]", query, got, want)
		}
	}
	if got := Search[data.Partner](s, "cafe housing"); len(got) != 0 {
		t.Errorf("every word must match, got %v", titles(got))
	}
}

// A search of more partners than one core reads (as at 10,000) finds each that matches, once, in title
// order, and follows an edit: a partner renamed out of the search leaves it.
func TestASearchOfThousandsFindsEachMatchInOrder(t *testing.T) {
	s := openTemp(t)
	var all []data.Record
	var want []string
	for i := range searchOnEveryCore + 500 {
		name := fmt.Sprintf("Partner %05d", i)
		if i%7 == 3 {
			name = fmt.Sprintf("Tenants Hall %05d", i)
			want = append(want, name)
		}
		all = append(all, partner(name))
	}
	if err := s.SaveAll(all); err != nil {
		t.Fatal(err)
	}
	if got := titles(Search[data.Partner](s, "tenants hall")); !slices.Equal(got, want) {
		t.Fatalf("found %d partners, want %d (first %v)", len(got), len(want), got[:min(3, len(got))])
	}
	renamed, _ := Get[data.Partner](s, all[3].Common().ID)
	renamed.Name = "Partner renamed"
	if err := s.Save(renamed); err != nil {
		t.Fatal(err)
	}
	if got := titles(Search[data.Partner](s, "tenants hall")); len(got) != len(want)-1 || slices.Contains(got, want[0]) {
		t.Errorf("after the rename, found %d partners (first %v)", len(got), got[:min(3, len(got))])
	}
}

// A command that only reads records (a report) loads them without their search text; a search after it,
// and after writes made since, still finds every record by every text it holds.
func TestSearchAfterALoadForReadingOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := partner("Café Solidaire")
	p.Contacts = []data.Contact{{Name: "José Núñez"}}
	if err := s.SaveAll([]data.Record{p, partner("Youth club")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, Options{}); err != nil { // a file noted sound: its records load when first needed
		t.Fatal(err)
	}
	defer s.Close()
	listed := data.List[data.Partner](s)
	if got := titles(listed); !slices.Equal(got, []string{"Café Solidaire", "Youth club"}) {
		t.Fatalf("records %v", got)
	}
	club, _ := Get[data.Partner](s, listed[1].ID)
	club.Name = "Riverside youth club"
	if err := s.SaveAll([]data.Record{club, partner("Tenants' union")}); err != nil {
		t.Fatal(err)
	}
	search := func(query, want string) {
		t.Helper()
		if got := titles(Search[data.Partner](s, query)); !slices.Equal(got, []string{want}) {
			t.Errorf("search %q = %v, want [%s]", query, got, want)
		}
	}
	search("nunez", "Café Solidaire")
	search("riverside", "Riverside youth club")
	search("tenants", "Tenants' union")
	club.Name = "Riverside young people's club" // a write after the first search
	if err := s.Save(club); err != nil {
		t.Fatal(err)
	}
	search("young", "Riverside young people's club")
	if got := Search[data.Partner](s, "youth"); len(got) != 0 {
		t.Errorf("the old name is still found: %v", titles(got))
	}
}

func TestListIsSortedByTitleIgnoringCase(t *testing.T) {
	s := openTemp(t)
	for _, n := range []string{"zeta", "Álamo", "beta", "Alpha"} {
		if err := s.Save(partner(n)); err != nil {
			t.Fatal(err)
		}
	}
	got := titles(data.List[data.Partner](s))
	want := []string{"Álamo", "Alpha", "beta", "zeta"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("list order %v, want %v", got, want)
		}
	}
}

func TestSecondOpenIsRefusedAsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = Open(path, Options{LockTimeout: 200 * time.Millisecond})
	if data.CodeOf(err) != data.CodeLocked {
		t.Fatalf("second open: %v, want a locked error", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatal("second open hung instead of giving up")
	}
	if msg := data.Explain(err, fmt.Sprintf); !strings.HasPrefix(msg, "Your Accord data is already open in another Accord window.") {
		t.Fatalf("message %q", msg)
	}
}

// goodFile makes a real database with a few partners and returns its path, closed.
func goodFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		p := partner("Partner with a fairly long name to fill pages " + string(rune('A'+i%26)))
		p.Notes = string(bytes.Repeat([]byte("notes "), 50))
		if err := s.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	return path
}

func TestDamagedFilesAreRefusedAndLeftUntouched(t *testing.T) {
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			path := goodFile(t)
			orig, _ := os.ReadFile(path)
			bad := damage(append([]byte(nil), orig...))
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path, Options{LockTimeout: 100 * time.Millisecond})
			if data.CodeOf(err) != data.CodeDamaged {
				t.Fatalf("open of a %s file: %v, want a damaged-file error", name, err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, bad) {
				t.Fatal("opening a damaged file changed it")
			}
		})
	}
}

func TestUnreadableFileIsRefused(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	path := goodFile(t)
	os.Chmod(path, 0)
	defer os.Chmod(path, 0o600)
	_, err := Open(path, Options{})
	if data.CodeOf(err) != data.CodeUnreadable {
		t.Fatalf("got %v", err)
	}
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	path := goodFile(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return putUint(tx.Bucket([]byte(bucketMeta)), keySchema, SchemaVersion+1) })
	db.Close()
	orig, _ := os.ReadFile(path)
	_, err = Open(path, Options{})
	if data.CodeOf(err) != data.CodeNewer {
		t.Fatalf("got %v, want newer-schema refusal", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(orig, after) {
		t.Fatal("a newer file was changed")
	}
}

func TestMigrationFromSchema1SplitsFocusAndBacksUpFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A schema-1 file: no attachments bucket yet, focus as one line of text.
	err = db.Update(func(tx *bolt.Tx) error {
		for _, k := range []string{bucketMeta, "organisation", "partners", "needs", "agreements", "evaluations", "activities"} {
			if _, err := tx.CreateBucket([]byte(k)); err != nil {
				return err
			}
		}
		putUint(tx.Bucket([]byte(bucketMeta)), keySchema, 1)
		putUint(tx.Bucket([]byte(bucketMeta)), keyRev, 7)
		return tx.Bucket([]byte("partners")).Put([]byte("p1"),
			[]byte(`{"id":"p1","rev":7,"name":"Grüne Höfe e.V.","kind":"non-profit","stage":"active","focus":"green spaces, food; youth ,"}`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{Now: func() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := data.Lookup[data.Partner](s, "p1")
	if p == nil || len(p.FocusAreas) != 3 || p.FocusAreas[0] != "green spaces" || p.FocusAreas[2] != "youth" {
		t.Fatalf("migrated partner = %+v", p)
	}
	backup := filepath.Join(dir, BackupFolder, "before-upgrade-from-v1-20260301-100000.db")
	old, err := bolt.Open(backup, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("no backup before the upgrade: %v", err)
	}
	defer old.Close()
	old.View(func(tx *bolt.Tx) error {
		if v, _ := schemaOf(tx); v != 1 {
			t.Errorf("backup has schema %d, want the old 1", v)
		}
		return nil
	})
	if err := s.Save(partner("After upgrade")); err != nil || s.Rev() != 8 {
		t.Fatalf("save after upgrade: rev %d, %v", s.Rev(), err)
	}
}

func TestOrganisationIsOneRecord(t *testing.T) {
	s := openTemp(t)
	o := s.Organisation()
	if o.Name != "" || o.PaperSize != data.PaperA4 {
		t.Fatalf("new store organisation = %+v", o)
	}
	o.Name, o.SignatoryName = "Riverside Residents", "Amara Okafor"
	if err := s.Save(o); err != nil {
		t.Fatal(err)
	}
	o2 := s.Organisation()
	o2.Name = "Riverside Residents' Association"
	if err := s.Save(o2); err != nil {
		t.Fatal(err)
	}
	if got := s.Organisation(); got.Name != "Riverside Residents' Association" || got.SignatoryName != "Amara Okafor" || s.Count(data.KindOrganisation) != 1 {
		t.Fatalf("organisation = %+v, count %d", got, s.Count(data.KindOrganisation))
	}
}

func TestCheckFindsBrokenReferences(t *testing.T) {
	s := openTemp(t)
	p := partner("Real Partner")
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	a := draftWith("p1")
	a.Parties[1].PartnerID = p.ID
	if err := s.Save(a); err != nil {
		t.Fatal(err)
	}
	if rep := s.Check(); len(rep.Problems) != 0 || rep.Counts[data.KindAgreement] != 1 {
		t.Fatalf("healthy store: %+v", rep)
	}
	n := &data.Need{Name: "Food bank space", Priority: data.PriorityHigh, Status: data.NeedOpen, PartnerIDs: []string{"gone"}}
	if err := s.Save(n); err != nil {
		t.Fatal(err)
	}
	rep := s.Check()
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "Food bank space") {
		t.Fatalf("problems = %v", rep.Problems)
	}
}

func TestSaveAllIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	good, bad := partner("Good"), partner("")
	err := s.SaveAll([]data.Record{good, bad})
	var verr *data.ValidationError
	if !errors.As(err, &verr) || s.Count(data.KindPartner) != 0 || good.ID != "" {
		t.Fatalf("an invalid record in the batch: err %v, %d saved, good.ID %q", err, s.Count(data.KindPartner), good.ID)
	}
	bad.Name = "Now valid"
	if err := s.SaveAll([]data.Record{good, bad}); err != nil {
		t.Fatal(err)
	}
	if good.Rev != 1 || bad.Rev != 2 || s.Rev() != 2 || len(data.List[data.Partner](s)) != 2 {
		t.Fatalf("revs %d %d store %d", good.Rev, bad.Rev, s.Rev())
	}
}

// ImportAll writes like SaveAll — all or nothing, stamped and indexed — but keeps the records handed over in
// the index as they are; what is read back is what was written.
func TestImportAllKeepsTheRecordsItIsHanded(t *testing.T) {
	s := openTemp(t)
	good, bad := partner("Good"), partner("")
	if err := s.ImportAll([]data.Record{good, bad}); err == nil || s.Count(data.KindPartner) != 0 || good.ID != "" {
		t.Fatalf("an invalid record in the batch: err %v, %d saved", err, s.Count(data.KindPartner))
	}
	bad.Name = "Now valid"
	if err := s.ImportAll([]data.Record{good, bad}); err != nil {
		t.Fatal(err)
	}
	if s.Record(data.KindPartner, good.ID) != data.Record(good) || good.Rev != 1 || good.HLC == "" {
		t.Fatalf("indexed %+v", s.Record(data.KindPartner, good.ID))
	}
	path := s.Path()
	s.Close()
	again, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := titles(data.List[data.Partner](again)); len(got) != 2 || got[0] != "Good" || got[1] != "Now valid" {
		t.Fatalf("read back %v", got)
	}
}
