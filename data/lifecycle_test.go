package data_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"accord/assets"
	"accord/data"
)

func threeParty() *data.Agreement {
	return &data.Agreement{Name: "Homework club", AgreementKind: data.AgreementMOU, Status: data.StatusDraft,
		Start: data.NewDate(2026, 1, 1), End: data.NewDate(2026, 12, 31),
		Goals: []data.Goal{{ID: "g1", Text: "Pupils attending", Target: 30, Due: data.NewDate(2026, 6, 30)}},
		Parties: []data.Party{{Us: true, Responsibilities: "Tutors"}, {PartnerID: "p1", Responsibilities: "Room"},
			{PartnerID: "p2", Responsibilities: "Snacks"}}}
}

func TestLifecycleFromDraftToSignedToActive(t *testing.T) {
	today := data.NewDate(2025, 12, 10)
	a := threeParty()
	if err := a.RecordSignature(0, today, today); !errors.Is(err, data.ErrNotSignable) {
		t.Fatalf("signing a draft: %v", err)
	}
	if err := a.SendForSignature(today); err != nil || a.Status != data.StatusSent || a.SentOn != today {
		t.Fatalf("send: %v %s", err, a.Status)
	}
	if err := a.SendForSignature(today); !errors.Is(err, data.ErrNotDraft) {
		t.Fatalf("sending twice: %v", err)
	}
	steps := []struct {
		party int
		on    data.Date
		want  data.AgreementStatus
		err   error
	}{
		{0, today.AddDays(1), data.StatusSent, data.ErrSignedInFuture},
		{0, today, data.StatusSent, nil},
		{1, today, data.StatusSent, nil},
		{3, today, data.StatusSent, data.ErrNoSuchParty},
		{2, today.AddDays(-1), data.StatusSigned, nil},
		{2, data.Date{}, data.StatusSent, nil}, // a signature recorded by mistake is cleared
		{2, today, data.StatusSigned, nil},
	}
	for i, s := range steps {
		err := a.RecordSignature(s.party, s.on, today)
		if !errors.Is(err, s.err) || a.Status != s.want {
			t.Fatalf("step %d: %v, status %s; want %v, %s", i, err, a.Status, s.err, s.want)
		}
	}
	for day, want := range map[data.Date]data.AgreementStatus{
		today: data.StatusSigned, data.NewDate(2026, 1, 1): data.StatusActive, data.NewDate(2027, 1, 1): data.StatusExpired,
	} {
		if got := a.StatusOn(day); got != want {
			t.Errorf("on %s: %s, want %s", day, got, want)
		}
	}
}

func TestTerminateNeedsAReasonAndEndsOnce(t *testing.T) {
	a := threeParty()
	a.Status = data.StatusSigned
	day := data.NewDate(2026, 5, 1)
	if err := a.Terminate(day, "  "); !errors.Is(err, data.ErrReasonRequired) {
		t.Fatalf("no reason: %v", err)
	}
	if err := a.Terminate(day, "The hall closed"); err != nil || a.StatusOn(day) != data.StatusTerminated {
		t.Fatalf("terminate: %v %s", err, a.Status)
	}
	if err := a.Terminate(day, "again"); !errors.Is(err, data.ErrAlreadyEnded) {
		t.Fatalf("terminate twice: %v", err)
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("a terminated agreement is valid: %v", err)
	}
}

func TestRenewMakesALinkedDraftWithDatesMovedOn(t *testing.T) {
	a := threeParty()
	a.ID, a.Status = "old", data.StatusSigned
	a.Parties[0].Signatory = data.Signatory{Name: "Amara", SignedOn: data.NewDate(2025, 12, 1)}
	a.Wording = data.Wording{Version: 3, Hash: "abc"}
	next, err := a.Renew(data.NewDate(2026, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	if next.RenewalOf != "old" || next.Status != data.StatusDraft || next.ID != "" {
		t.Fatalf("renewal = %+v", next.Meta)
	}
	if next.Start != data.NewDate(2027, 1, 1) || next.End != data.NewDate(2027, 12, 31) {
		t.Fatalf("renewed dates %s – %s", next.Start, next.End)
	}
	if next.Goals[0].Due != data.NewDate(2027, 6, 30) || next.Goals[0].ID == "g1" {
		t.Fatalf("renewed goal %+v", next.Goals[0])
	}
	if next.Parties[0].Signatory.Name != "Amara" || !next.Parties[0].Signatory.SignedOn.IsZero() || next.Wording != (data.Wording{}) {
		t.Fatal("a renewal keeps signatories but not signatures or the wording version")
	}
	if a.Parties[0].Signatory.SignedOn.IsZero() {
		t.Fatal("renewing changed the old agreement")
	}
	draft := threeParty()
	if _, err := draft.Renew(data.NewDate(2026, 1, 1)); !errors.Is(err, data.ErrCannotRenewOpen) {
		t.Fatalf("renewing a draft: %v", err)
	}
}

func TestFingerprintFollowsTheWordingNotTheSigning(t *testing.T) {
	a := threeParty()
	before := a.Fingerprint()
	a.Status, a.Rev = data.StatusSigned, 9
	a.Parties[1].Signatory.SignedOn = data.NewDate(2026, 1, 2)
	if a.Fingerprint() != before || !a.Parties[1].Signatory.SignedOn.After(data.Date{}) {
		t.Fatal("signing changed the fingerprint (or the fingerprint changed the record)")
	}
	a.Purpose = "A new purpose"
	if a.Fingerprint() == before || len(before) != 9 {
		t.Fatalf("fingerprint %q did not change with the wording", before)
	}
}

func TestWordingVersionMovesOnlyWhenTheWordsChange(t *testing.T) {
	first := time.Date(2026, 1, 5, 9, 30, 15, 0, time.UTC)
	a := threeParty()
	a.NoteWording(nil, first)
	if a.Wording.Version != 1 || !a.Wording.Since.Equal(first) || len(a.Wording.Hash) != 64 {
		t.Fatalf("a new agreement's wording %+v, want version 1 since %s", a.Wording, first)
	}
	stored := *a
	later := first.Add(48 * time.Hour)
	// Saving again, sending, signing and ending keep the version and its date.
	a.Status, a.SentOn, a.Rev = data.StatusSigned, data.NewDate(2026, 1, 6), 40
	a.Parties[1].Signatory.SignedOn = data.NewDate(2026, 1, 7)
	a.TerminatedOn, a.TerminationReason = data.NewDate(2026, 3, 1), "Funding ended"
	a.NoteWording(&stored, later)
	if a.Wording != stored.Wording {
		t.Fatalf("signing and ending moved the wording to %+v from %+v", a.Wording, stored.Wording)
	}
	for name, reword := range map[string]func(b *data.Agreement){
		"purpose":          func(b *data.Agreement) { b.Purpose = "A new purpose" },
		"a party's duties": func(b *data.Agreement) { b.Parties[2].Responsibilities = "Snacks and drinks" },
		"a party left":     func(b *data.Agreement) { b.Parties = b.Parties[:2] },
		"who signs":        func(b *data.Agreement) { b.Parties[1].Signatory.Name = "Ольга Иванова" },
	} {
		b := stored
		b.Parties = append([]data.Party(nil), stored.Parties...)
		reword(&b)
		b.NoteWording(&stored, later)
		if b.Wording.Version != 2 || !b.Wording.Since.Equal(later) || b.Wording.Hash == stored.Wording.Hash {
			t.Errorf("%s changed: wording %+v, want version 2 since %s", name, b.Wording, later)
		}
	}
}

// The group's own fields on an agreement are not what the parties sign: a value typed on a signed agreement
// keeps its wording version and fingerprint, asks for no amendment, and stays when one is recorded.
func TestAnAgreementsOwnFieldsLeaveItsWording(t *testing.T) {
	first := time.Date(2026, 1, 5, 9, 30, 15, 0, time.UTC)
	a := threeParty()
	a.NoteWording(nil, first)
	a.Status = data.StatusSigned
	stored := *a
	fingerprint := a.Fingerprint()
	b := stored
	b.SetCustomValue("field-1", "Grant ref. 2026/14")
	b.NoteWording(&stored, first.Add(time.Hour))
	if b.Wording != stored.Wording || b.Fingerprint() != fingerprint {
		t.Fatalf("a custom value moved the wording to %+v (fingerprint %s, was %s)", b.Wording, b.Fingerprint(), fingerprint)
	}
	if b.Reworded(&stored) {
		t.Fatal("a custom value on a signed agreement reads as a change to what was signed")
	}
	b.Purpose = "A new purpose"
	if amended := b.Amended(&stored, data.NewDate(2026, 2, 1), "New purpose"); amended.Custom["field-1"] != "Grant ref. 2026/14" {
		t.Fatalf("an amendment dropped the custom value: %v", amended.Custom)
	}
}

func TestTemplatesMakeValidDrafts(t *testing.T) {
	for _, lang := range []string{"en", "es", "fr"} {
		t.Run(lang, func(t *testing.T) { checkTemplates(t, lang) })
	}
}

// checkTemplates makes a draft from every template in a language. Each language has the English ones,
// translated: the same kinds of agreement, terms and number of clauses, in its own words.
func checkTemplates(t *testing.T, lang string) {
	templates, err := data.LoadTemplates(assets.Templates(lang))
	if err != nil || len(templates) < 3 {
		t.Fatalf("%d templates, %v", len(templates), err)
	}
	english, _ := data.LoadTemplates(assets.Templates("en"))
	before := &data.Agreement{Meta: data.Meta{ID: "old"}, Name: "Earlier", GoverningLaw: "the law of Ireland", Start: data.NewDate(2025, 1, 1)}
	for i, tpl := range templates {
		en := english[i]
		if tpl.Kind != en.Kind || tpl.DurationMonths != en.DurationMonths || len(tpl.Clauses) != len(en.Clauses) ||
			!slices.Equal(tpl.BindingSections, en.BindingSections) || !slices.Equal(tpl.StandardClauses, en.StandardClauses) ||
			len(tpl.Annexes) != len(en.Annexes) {
			t.Errorf("%s template %d differs from the English one in kind, term, clauses or legal options", lang, i+1)
		}
		if lang != "en" && tpl.Purpose == en.Purpose {
			t.Errorf("%s template %d is not translated", lang, i+1)
		}
		if a := tpl.NewAgreement("partner-1", data.NewDate(2026, 3, 31), data.NewMemory()); a.Binds() {
			if err := a.Validate(); err == nil || !strings.Contains(err.Error(), "which law governs") {
				t.Errorf("%s binds in part, with no law used before: %v, want the governing law asked for", tpl.Name, err)
			}
		}
		a := tpl.NewAgreement("partner-1", data.NewDate(2026, 3, 31), data.NewMemory(before))
		if err := a.Validate(); err != nil {
			t.Errorf("%s: %v", tpl.Name, err)
		}
		if a.Binds() != (a.GoverningLaw == "the law of Ireland") {
			t.Errorf("%s: binds %v under %q", tpl.Name, a.Binds(), a.GoverningLaw)
		}
		if a.Purpose == "" || a.Governance == "" || a.ConflictResolution == "" || a.TerminationNotice == "" || len(a.Clauses) == 0 {
			t.Errorf("%s: a section is empty", tpl.Name)
		}
		if !a.End.After(a.Start) || a.Start != data.NewDate(2026, 3, 31) {
			t.Errorf("%s: term %s – %s", tpl.Name, a.Start, a.End)
		}
	}
	if a := templates[1].NewAgreement("p", data.NewDate(2026, 1, 31), data.NewMemory()); a.End != data.NewDate(2027, 1, 30) {
		t.Errorf("a 12-month term from 31 January ends %s", a.End)
	}
}

func TestASignedAgreementIsChangedByAmendmentOrByANewVersion(t *testing.T) {
	signed := threeParty()
	signed.ID, signed.Status = "a1", data.StatusSigned
	for i := range signed.Parties {
		signed.Parties[i].Signatory.SignedOn = data.NewDate(2026, 1, 2)
	}
	edited := data.Clone(signed)
	edited.Amendments = append(edited.Amendments, data.Amendment{Date: data.NewDate(2026, 3, 1), Text: "Tuesdays too"})
	if edited.Reworded(signed) {
		t.Fatal("adding a dated amendment counts as rewording what was signed")
	}
	edited.Purpose = "A purpose nobody signed"
	if !edited.Reworded(signed) {
		t.Fatal("changing the purpose of a signed agreement is not noticed")
	}
	draft := data.Clone(signed)
	draft.Status = data.StatusDraft
	if changed := data.Clone(draft); func() bool { changed.Purpose = "x"; return changed.Reworded(draft) }() {
		t.Fatal("a draft may be reworded freely")
	}

	amended := edited.Amended(signed, data.NewDate(2026, 3, 5), "The purpose now also covers the summer.")
	if amended.Purpose != signed.Purpose || amended.Status != data.StatusSigned || len(amended.Amendments) != 2 ||
		amended.Amendments[1].Text != "The purpose now also covers the summer." || amended.Reworded(signed) {
		t.Fatalf("amended = %+v", amended)
	}

	next := edited.NewVersion(signed)
	if next.ID != "" || next.Replaces != "a1" || next.Status != data.StatusDraft || next.Purpose != "A purpose nobody signed" ||
		!next.Parties[1].Signatory.SignedOn.IsZero() || signed.Parties[1].Signatory.SignedOn.IsZero() {
		t.Fatalf("new version = %+v", next)
	}
}
