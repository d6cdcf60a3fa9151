package store

import (
	"testing"

	"accord/data"
)

// twoPartners saves two partners in a new store.
func twoPartners(t *testing.T) (*Store, *data.Partner, *data.Partner) {
	t.Helper()
	s := openTemp(t)
	p, q := partner("Food bank"), partner("Youth club")
	saveEach(t, s, p, q)
	return s, p, q
}

// saveEach saves each record, failing the test on the first it cannot.
func saveEach(t *testing.T, s *Store, rs ...data.Record) {
	t.Helper()
	for _, r := range rs {
		if err := s.Save(r); err != nil {
			t.Fatalf("save %s: %v", r.Title(), err)
		}
	}
}

// A partner's links (its agreements, latest evaluation, activities and needs) are kept between clicks,
// and follow every save and deletion of the records that name it.
func TestAPartnersLinksFollowEveryChangeThoughKept(t *testing.T) {
	s, p, q := twoPartners(t)
	today := data.NewDate(2026, 12, 1)
	links := func() data.Links { return data.LinkedTo(s, p.ID, today) }
	if l := links(); len(l.Agreements)+len(l.Activities)+len(l.Needs) > 0 || l.LatestEvaluation != nil {
		t.Fatalf("a new partner has links: %+v", l)
	}
	a := draftWith(p.ID)
	visit := &data.Activity{ActivityKind: "meeting", Date: data.NewDate(2026, 11, 3), Name: "First visit", PartnerIDs: []string{p.ID, p.ID}}
	call := &data.Activity{ActivityKind: "call", Date: data.NewDate(2026, 11, 20), Name: "Follow-up call", PartnerIDs: []string{q.ID, p.ID}}
	other := &data.Activity{ActivityKind: "call", Date: data.NewDate(2026, 11, 21), Name: "Someone else", PartnerIDs: []string{q.ID}}
	need := &data.Need{Name: "Winter coats", Priority: data.PriorityHigh, Status: data.NeedOpen, PartnerIDs: []string{p.ID}, Opened: data.NewDate(2026, 10, 1)}
	saveEach(t, s, a, visit, call, other, need)
	l := links()
	if len(l.Agreements) != 1 || l.Agreements[0].ID != a.ID || len(l.Needs) != 1 ||
		len(l.Activities) != 2 || l.Activities[0].ID != call.ID || l.Activities[1].ID != visit.ID {
		t.Fatalf("after the saves: %+v", l)
	}
	older := &data.Evaluation{AgreementID: a.ID, Date: data.NewDate(2026, 6, 1)}
	newer := &data.Evaluation{PartnerID: p.ID, Date: data.NewDate(2026, 9, 1)}
	future := &data.Evaluation{AgreementID: a.ID, Date: data.NewDate(2027, 3, 1)}
	saveEach(t, s, older, newer, future)
	if e := links().LatestEvaluation; e == nil || e.ID != newer.ID {
		t.Fatalf("latest evaluation %+v, want the one of 1 September", e)
	}
	second := draftWith(p.ID)
	second.Name = "Second agreement"
	saveEach(t, s, second)
	if l = links(); len(l.Agreements) != 2 {
		t.Fatalf("after a second agreement: %+v", l.Agreements)
	}
	if err := s.Delete(data.KindActivity, call.ID); err != nil {
		t.Fatal(err)
	}
	if l = links(); len(l.Activities) != 1 || l.Activities[0].ID != visit.ID {
		t.Fatalf("after the call went to the Trash: %+v", l.Activities)
	}
	if err := s.Delete(data.KindEvaluation, newer.ID); err != nil {
		t.Fatal(err)
	}
	if l = links(); l.LatestEvaluation == nil || l.LatestEvaluation.ID != older.ID {
		t.Fatalf("after the latest evaluation went to the Trash: %+v", l.LatestEvaluation)
	}
	if err := s.Delete(data.KindNeed, need.ID); err != nil {
		t.Fatal(err)
	}
	if l = links(); len(l.Needs) != 0 {
		t.Fatalf("after the need went to the Trash: %+v", l.Needs)
	}
	l.Activities[0] = nil // a caller's copy: the kept lists stay whole
	if l := links(); len(l.Activities) != 1 || l.Activities[0] == nil {
		t.Fatalf("a caller's change reached the kept links: %+v", l)
	}
}

// A partner's relations are kept between clicks too, and follow every relation saved or deleted.
func TestAPartnersRelationsFollowEveryChangeThoughKept(t *testing.T) {
	s, p, q := twoPartners(t)
	of := func(id string) int { return len(data.RelationsOf(s, data.PartnerEnd(id))) }
	if of(p.ID)+of(q.ID) != 0 {
		t.Fatal("new partners have relations")
	}
	funds := &data.Relation{From: data.PartnerEnd(p.ID), To: data.PartnerEnd(q.ID), Type: data.RelationFunds, Status: data.RelationCurrent}
	saveEach(t, s, funds)
	if of(p.ID) != 1 || of(q.ID) != 1 || len(data.RelationsOf(s, data.Us)) != 0 {
		t.Fatalf("after one relation: %d and %d", of(p.ID), of(q.ID))
	}
	member := &data.Relation{From: data.Us, To: data.PartnerEnd(q.ID), Type: data.RelationMemberOf, Status: data.RelationCurrent}
	saveEach(t, s, member)
	if of(p.ID) != 1 || of(q.ID) != 2 || len(data.RelationsOf(s, data.Us)) != 1 {
		t.Fatalf("after a second relation: %d and %d", of(p.ID), of(q.ID))
	}
	if err := s.Delete(data.KindRelation, funds.ID); err != nil {
		t.Fatal(err)
	}
	if of(p.ID) != 0 || of(q.ID) != 1 {
		t.Fatalf("after a relation went to the Trash: %d and %d", of(p.ID), of(q.ID))
	}
}
