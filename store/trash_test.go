package store

import (
	"errors"
	"strings"
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

// The purge keeps in the Trash a record that a record staying in Accord still links to — a partner a live
// activity names, a partner a need still in the Trash names — and says what links to it, so `check` stays
// clean; an agreement's prints go with it.
func TestTrashPurgeKeepsWhatIsStillLinked(t *testing.T) {
	c := &clock{time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := storeWith(t, c, "Linked from a meeting", "Linked from a need", "Linked from nothing")
	ps := data.List[data.Partner](s)
	meeting := &data.Activity{ActivityKind: "meeting", Date: data.NewDate(2025, 12, 1), Name: "Planning meeting",
		PartnerIDs: []string{ps[0].ID}}
	need := &data.Need{Name: "Winter coats", Priority: data.PriorityHigh, Status: data.NeedOpen, PartnerIDs: []string{ps[1].ID}}
	if err := s.SaveAll([]data.Record{meeting, need}); err != nil {
		t.Fatal(err)
	}
	printed := draftWith(ps[2].ID)
	if err := s.Save(printed); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPrint(printed, []byte("%PDF-1.4 the MOU")); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if err := s.Delete(data.KindPartner, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	s.Delete(data.KindAgreement, printed.ID)
	c.t = c.t.AddDate(0, 0, 20)
	s.Delete(data.KindNeed, need.ID) // in the Trash, not yet due: it stays, and so does what it names
	c.t = c.t.AddDate(0, 0, 15)

	n, err := s.PurgeTrash()
	if err != nil || n != 3 { // the unlinked partner, the agreement and its print
		t.Fatalf("purged %d (%v)", n, err)
	}
	if got := strings.Join(titles(s.Trash()), ", "); got != "Winter coats, Linked from a meeting, Linked from a need" &&
		got != "Winter coats, Linked from a need, Linked from a meeting" {
		t.Fatalf("left in the Trash: %s", got)
	}
	if rep := s.Check(); len(rep.Problems) > 0 || rep.Counts[data.KindPrint] != 0 {
		t.Fatalf("check after the purge: %v, %d prints", rep.Problems, rep.Counts[data.KindPrint])
	}
	links := s.TrashLinks()
	if from := links[data.Ref{Kind: data.KindPartner, ID: ps[0].ID}]; len(from) != 1 || from[0].Title() != "Planning meeting" {
		t.Fatalf("links to the first partner: %v", from)
	}
	if from := links[data.Ref{Kind: data.KindPartner, ID: ps[1].ID}]; len(from) != 1 || from[0].Title() != "Winter coats" {
		t.Fatalf("links to the second partner: %v", from)
	}
	// Once the need is gone for good and the meeting no longer names the partner, both partners go too.
	m, _ := Get[data.Activity](s, meeting.ID)
	m.PartnerIDs = nil
	if err := s.Save(m); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.AddDate(0, 0, 30)
	if n, err := s.PurgeTrash(); err != nil || n != 3 || len(s.Trash()) != 0 || len(s.Check().Problems) > 0 {
		t.Fatalf("second purge: %d (%v), trash %v, %v", n, err, titles(s.Trash()), s.Check().Problems)
	}
}
