package store

import (
	"errors"
	"testing"
	"time"

	"accord/data"
)

func TestTrashIsEmptiedOfRecordsDeletedThirtyDaysAgo(t *testing.T) {
	c := &clock{time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "Old mistake", "Recent mistake", "Kept")
	ps := data.List[data.Partner](s)
	s.Delete(data.KindPartner, ps[1].ID) // Old mistake
	c.t = c.t.AddDate(0, 0, 10)
	s.Delete(data.KindPartner, ps[2].ID) // Recent mistake
	c.t = c.t.AddDate(0, 0, 19)
	if n, err := s.PurgeTrash(); n != 0 || err != nil {
		t.Fatalf("after 29 days purged %d (%v)", n, err)
	}
	c.t = c.t.AddDate(0, 0, 2)
	rev := s.Rev()
	if n, err := s.PurgeTrash(); n != 1 || err != nil {
		t.Fatalf("after 31 days purged %d (%v)", n, err)
	}
	if len(s.Trash()) != 1 || s.Trash()[0].Title() != "Recent mistake" || s.Rev() != rev+1 {
		t.Fatalf("trash %v, rev %d", s.Trash(), s.Rev())
	}
	path := s.Path()
	s.Close()
	s = openAt(t, path, c)
	if data.Lookup[data.Partner](s, ps[1].ID) != nil || len(s.Trash()) != 1 || len(data.List[data.Partner](s)) != 1 {
		t.Fatal("the purge did not reach the file")
	}
}

func TestDeletePermanentlyRemovesTheRecordAndAttachmentsNoOneElseUses(t *testing.T) {
	c := &clock{time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "Partner")
	shared, _ := s.PutAttachment([]byte("shared scan"))
	own, _ := s.PutAttachment([]byte("own scan"))
	again, _ := s.PutAttachment([]byte("own scan"))
	if own != again {
		t.Fatal("the same bytes got two keys")
	}
	one, two := draftWith("p1"), draftWith("p1")
	for _, a := range []*data.Agreement{one, two} {
		a.Parties[1].PartnerID = data.List[data.Partner](s)[0].ID
		a.Attachments = []data.Attachment{{Name: "scan.pdf", SHA256: shared}}
	}
	one.Attachments = append(one.Attachments, data.Attachment{Name: "own.pdf", SHA256: own})
	if err := s.SaveAll([]data.Record{one, two}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePermanently(data.KindAgreement, one.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attachment(own); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the attachment only the deleted agreement used: %v", err)
	}
	if b, err := s.Attachment(shared); err != nil || string(b) != "shared scan" {
		t.Fatalf("the shared attachment: %q, %v", b, err)
	}
	if data.Lookup[data.Agreement](s, one.ID) != nil || len(data.List[data.Agreement](s)) != 1 {
		t.Fatal("the agreement is still listed")
	}
	if err := s.DeletePermanently(data.KindAgreement, one.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting it again: %v", err)
	}
	if rep := s.Check(); len(rep.Problems) != 0 {
		t.Fatal(rep.Problems)
	}
}
