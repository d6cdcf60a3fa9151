package syncfolder

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// ownSegments lists the paths of a laptop's segments in the folder.
func ownSegments(t *testing.T, folder string, l *laptop) []string {
	t.Helper()
	dev, _ := l.s.DeviceID()
	segs, err := segments(filepath.Join(folder, Top), dev)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range segs {
		out = append(out, g.path)
	}
	return out
}

func TestHalfCopiedSegmentIsSkippedThenReadOnceComplete(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	ana.save(newPartner("Centro Comunitario Esperanza"))
	ana.save(newPartner("Grüne Höfe e.V."))
	ana.round(folder)
	seg := ownSegments(t, folder, ana)[0]
	whole, _ := os.ReadFile(seg)
	for _, cut := range []int{0, 1, len(whole) / 2, len(whole) - 1} {
		os.WriteFile(seg, whole[:cut], 0o600) // a sync program halfway through copying it
		rep := ben.round(folder)
		if rep.In != 0 || rep.Waiting != 1 || ben.s.Count(data.KindPartner) != 0 {
			t.Fatalf("cut at %d of %d bytes: %+v, %d partners", cut, len(whole), rep, ben.s.Count(data.KindPartner))
		}
	}
	damaged := append([]byte{}, whole...)
	damaged[len(damaged)/2] ^= 0xff // whole length, wrong bytes: still arriving, or damaged on the way
	os.WriteFile(seg, damaged, 0o600)
	if rep := ben.round(folder); rep.In != 0 || rep.Waiting != 1 {
		t.Fatalf("damaged: %+v", rep)
	}
	os.WriteFile(seg, whole, 0o600)
	if rep := ben.round(folder); rep.In != 2 || rep.Waiting != 0 || ben.s.Count(data.KindPartner) != 2 {
		t.Fatalf("complete: %+v, %d partners", rep, ben.s.Count(data.KindPartner))
	}
	if rep := ben.round(folder); rep.In != 0 {
		t.Fatalf("read twice: %+v", rep)
	}
}

// Segments arrive in any order (a sync program copies files as it likes): each is read when it is there,
// since the merge does not depend on the order, and one that comes late is read when it comes.
func TestSegmentsAreReadInAnyOrder(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	ana.save(newPartner("First"))
	ana.round(folder)
	ana.save(newPartner("Second"))
	ana.round(folder)
	segs := ownSegments(t, folder, ana)
	first, _ := os.ReadFile(segs[0])
	os.Remove(segs[0]) // not arrived yet
	if rep := ben.round(folder); rep.In != 1 {
		t.Fatalf("segment 2 without segment 1: %+v", rep)
	}
	ben.wantNames("Second")
	os.WriteFile(segs[0], first, 0o600)
	if ok, _ := Pending(ben.s, folder); !ok {
		t.Fatal("the late segment is not pending")
	}
	if rep := ben.round(folder); rep.In != 1 {
		t.Fatalf("segment 1, late: %+v", rep)
	}
	ben.wantNames("First", "Second")
}

func TestOnlyExactSegmentNamesAreRead(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	ana.save(newPartner("Only this one"))
	ana.round(folder)
	seg := ownSegments(t, folder, ana)[0]
	content, _ := os.ReadFile(seg)
	dir, name := filepath.Split(seg)
	stem := strings.TrimSuffix(name, ".seg")
	// Copies of a real segment under the names sync programs give conflicting or unfinished files: were
	// any read, its numbering would be off and ben would apply nothing, or the same twice.
	for _, other := range []string{
		stem + ".sync-conflict-20261201-101010-ABCDEFG.seg",
		stem + " (conflicted copy 2026-12-01).seg",
		stem + " (ana's conflicted copy).seg",
		".syncthing." + name + ".tmp",
		"~syncthing~" + name + ".tmp",
		name + ".partial",
		"desktop.ini",
		"00000002-" + strings.SplitN(stem, "-", 2)[1] + ".seg.bak",
	} {
		os.WriteFile(filepath.Join(dir, other), content, 0o600)
	}
	os.WriteFile(filepath.Join(folder, Top, "desktop.ini"), []byte("[.ShellClassInfo]"), 0o600)
	os.Mkdir(filepath.Join(folder, Top, "not-a-device"), 0o700)
	rep := ben.round(folder)
	if rep.In != 1 || rep.Waiting+rep.Unreadable != 0 || ben.s.Count(data.KindPartner) != 1 {
		t.Fatalf("%+v, %d partners", rep, ben.s.Count(data.KindPartner))
	}
	if ok, _ := Pending(ben.s, folder); ok {
		t.Fatal("the look-alike files count as new")
	}
}

func TestAnEmptyOrMissingFolderDeletesNothing(t *testing.T) {
	ana := newLaptop(t, "ana")
	ana.save(newPartner("Kept"))
	folder := t.TempDir()
	ana.round(folder)
	if err := os.RemoveAll(filepath.Join(folder, Top)); err != nil { // emptied by a sync program or a person
		t.Fatal(err)
	}
	ana.round(folder)
	if ana.s.Count(data.KindPartner) != 1 {
		t.Fatal("an emptied folder deleted records")
	}
	if len(ownSegments(t, folder, ana)) != 1 {
		t.Fatal("an emptied folder did not get this laptop's records again")
	}
	_, err := Round(ana.s, filepath.Join(folder, "stick-not-plugged-in"))
	var plain *data.PlainError
	if !errors.As(err, &plain) || !strings.Contains(plain.Message, "is not there") {
		t.Fatalf("a missing folder: %v", err)
	}
	if ana.s.Count(data.KindPartner) != 1 {
		t.Fatal("a missing folder deleted records")
	}
}

func TestAClockFarAheadIsSetAsideUntilItIsNot(t *testing.T) {
	folder, ana, ben, p := sharedPartner(t)
	ben.now = start.Add(3 * time.Hour) // ben's clock is three hours fast
	q, _ := store.Get[data.Partner](ben.s, p.ID)
	q.Notes = "from the future"
	ben.save(q)
	ben.round(folder)
	ana.now = start.Add(time.Minute)
	rep := ana.round(folder)
	if rep.In != 0 || rep.SetAside != 1 || !strings.Contains(rep.Describe(fmtT, i18n.In("en").N), "set aside") {
		t.Fatalf("a stamp three hours ahead: %+v", rep)
	}
	if ok, _ := Pending(ana.s, folder); !ok {
		t.Fatal("a set-aside change is not tried again")
	}
	mine, _ := store.Get[data.Partner](ana.s, p.ID)
	mine.Notes = "ana's, made at the real time"
	ana.save(mine)
	if got := data.MetaOf(mine).Stamp(); got.Time().After(ana.now.Add(time.Second)) {
		t.Fatalf("ana's clock was pulled ahead by a set-aside stamp: %s", got)
	}
	ana.now = start.Add(3 * time.Hour)
	rep = ana.round(folder)
	if rep.In != 1 || rep.SetAside != 0 || rep.Conflicts != 1 {
		t.Fatalf("once the time came: %+v", rep)
	}
	cs, _ := ana.s.Conflicts()
	if len(cs) != 1 || cs[0].Current.(*data.Partner).Notes != "from the future" || cs[0].Losers[0].(*data.Partner).Notes != "ana's, made at the real time" {
		t.Fatalf("conflicts %+v", cs)
	}
}

// twoLaptops is two laptops and the folder they share.
func twoLaptops(t *testing.T) (folder string, ana, ben *laptop) {
	return t.TempDir(), newLaptop(t, "ana"), newLaptop(t, "ben")
}

// sharedPartner is two laptops that have synced one partner through a shared folder.
func sharedPartner(t *testing.T) (folder string, ana, ben *laptop, p *data.Partner) {
	folder, ana, ben = twoLaptops(t)
	p = newPartner("Shared")
	ana.save(p)
	ana.round(folder)
	ben.round(folder)
	return folder, ana, ben, p
}

func fmtT(s string, args ...any) string { return s }

func TestAttachmentsTravelOnce(t *testing.T) {
	folder := t.TempDir()
	ana, ben, chi := newLaptop(t, "ana"), newLaptop(t, "ben"), newLaptop(t, "chi")
	pdf := []byte("%PDF-1.4 the signed copy")
	sha, err := ana.s.PutAttachment(pdf)
	if err != nil {
		t.Fatal(err)
	}
	p := newPartner("Partner")
	ana.save(p)
	a := withAttachment(p, sha, len(pdf))
	ana.save(a)
	ana.round(folder)
	ben.round(folder)
	if got, err := ben.s.Attachment(sha); err != nil || string(got) != string(pdf) {
		t.Fatalf("ben's attachment: %q, %v", got, err)
	}
	b, _ := store.Get[data.Agreement](ben.s, a.ID)
	b.Purpose = "Ben's purpose"
	ben.save(b)
	ben.round(folder)
	chi.round(folder)
	files, _ := filepath.Glob(filepath.Join(folder, Top, "*", Files, "*"))
	if len(files) != 1 {
		t.Fatalf("the attachment is in the folder %d times: %v", len(files), files)
	}
	if got, err := chi.s.Attachment(sha); err != nil || string(got) != string(pdf) {
		t.Fatalf("chi's attachment: %q, %v", got, err)
	}
}

// withAttachment is an agreement with p whose signed copy is the attachment sha.
func withAttachment(p *data.Partner, sha string, size int) *data.Agreement {
	return &data.Agreement{Name: "MOU", AgreementKind: data.AgreementKinds[0], Status: data.StatusDraft,
		Parties:     []data.Party{{Us: true, Responsibilities: "Host"}, {PartnerID: p.ID, Responsibilities: "Cook"}},
		Attachments: []data.Attachment{{Name: "signed.pdf", MIME: "application/pdf", Size: int64(size), SHA256: sha}}}
}

func TestARecordWaitsForItsAttachment(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	sha, _ := ana.s.PutAttachment([]byte("scan"))
	p := newPartner("Partner")
	ana.save(p)
	ana.save(withAttachment(p, sha, 4))
	ana.round(folder)
	dev, _ := ana.s.DeviceID()
	file := filepath.Join(folder, Top, dev, Files, sha)
	os.WriteFile(file, []byte("sc"), 0o600) // still arriving
	if rep := ben.round(folder); rep.In != 0 || rep.Waiting != 1 {
		t.Fatalf("without its attachment: %+v", rep)
	}
	os.WriteFile(file, []byte("scan"), 0o600)
	if rep := ben.round(folder); rep.In != 2 || !ben.s.HasAttachment(sha) {
		t.Fatalf("with it: %+v", rep)
	}
}

func TestTheDataFolderNeverGoesInTheSyncFolder(t *testing.T) {
	ana := newLaptop(t, "ana")
	for _, folder := range []string{ana.s.Dir(), filepath.Dir(ana.s.Dir()), filepath.Join(ana.s.Dir(), "backups")} {
		os.MkdirAll(folder, 0o700)
		_, err := Round(ana.s, folder)
		var plain *data.PlainError
		if !errors.As(err, &plain) || !strings.Contains(plain.Message, "one inside the other") {
			t.Errorf("sync folder %s around the data folder %s: %v", folder, ana.s.Dir(), err)
		}
	}
	if _, err := Round(ana.s, ""); err == nil {
		t.Error("no folder at all synced")
	}
}

func TestDataFolderWarning(t *testing.T) {
	root := t.TempDir()
	synced := filepath.Join(root, "shared")
	os.MkdirAll(filepath.Join(synced, ".stfolder"), 0o700)
	inside := filepath.Join(synced, "accord")
	os.MkdirAll(inside, 0o700)
	if w := DataFolderWarning(inside); w == nil || w.Args[2] != "Syncthing" {
		t.Fatalf("inside a Syncthing folder: %v", w)
	}
	drive := filepath.Join(root, "OneDrive - Riverside Residents", "Accord")
	os.MkdirAll(drive, 0o700)
	if w := DataFolderWarning(drive); w == nil || w.Args[2] != "OneDrive" {
		t.Fatalf("inside OneDrive: %v", w)
	}
	plain := filepath.Join(root, "documents", "accord")
	os.MkdirAll(plain, 0o700)
	if w := DataFolderWarning(plain); w != nil {
		t.Fatalf("a plain folder: %v", w)
	}
}

func TestPendingIsCheapAndRight(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	if ok, err := Pending(ana.s, folder); err != nil || !ok {
		t.Fatalf("a folder never synced with: %v, %v", ok, err)
	}
	ana.round(folder)
	ben.round(folder)
	if ok, _ := Pending(ana.s, folder); ok {
		t.Fatal("nothing to do, yet pending")
	}
	ben.save(newPartner("New"))
	if ok, _ := Pending(ben.s, folder); !ok {
		t.Fatal("a change here is not pending")
	}
	ben.round(folder)
	if ok, _ := Pending(ana.s, folder); !ok {
		t.Fatal("a segment from ben is not pending")
	}
	ana.round(folder)
	if ok, _ := Pending(ana.s, folder); ok {
		t.Fatal("pending after the round")
	}
}

func TestResolvingAConflictEndsItEverywhere(t *testing.T) {
	folder, ana, ben, p := sharedPartner(t)
	for i, l := range []*laptop{ana, ben} {
		l.now = l.now.Add(time.Duration(i+1) * time.Second)
		q, _ := store.Get[data.Partner](l.s, p.ID)
		q.Notes = l.name + "'s notes"
		l.save(q)
	}
	ana.round(folder)
	ben.round(folder)
	ana.round(folder)
	for _, l := range []*laptop{ana, ben} {
		cs, _ := l.s.Conflicts()
		if len(cs) != 1 || cs[0].Current.(*data.Partner).Notes != "ben's notes" || cs[0].Losers[0].(*data.Partner).Notes != "ana's notes" {
			t.Fatalf("%s: conflicts %+v", l.name, cs)
		}
	}
	cs, _ := ana.s.Conflicts()
	merged := cs[0].Losers[0].(*data.Partner)
	merged.Notes = "ana's notes, and ben's"
	if err := ana.s.ResolveConflict(data.KindPartner, p.ID, merged); err != nil {
		t.Fatal(err)
	}
	ana.round(folder)
	ben.round(folder)
	for _, l := range []*laptop{ana, ben} {
		cs, _ := l.s.Conflicts()
		q := data.Lookup[data.Partner](l.s, p.ID)
		if len(cs) != 0 || q.Notes != "ana's notes, and ben's" {
			t.Fatalf("%s after resolving: %d conflicts, notes %q", l.name, len(cs), q.Notes)
		}
	}
}

func TestASyncedChangeRefusesAStaleSave(t *testing.T) {
	folder, ana, ben, p := sharedPartner(t)
	open, _ := store.Get[data.Partner](ana.s, p.ID) // a form open on ana's screen
	q, _ := store.Get[data.Partner](ben.s, p.ID)
	q.Notes = "ben's"
	ben.save(q)
	ben.round(folder)
	ana.round(folder)
	open.Notes = "typed over it"
	if err := ana.s.Save(open); !errors.Is(err, store.ErrChangedElsewhere) {
		t.Fatalf("saving a copy older than the sync: %v", err)
	}
	if open.Notes != "typed over it" || data.Lookup[data.Partner](ana.s, p.ID).Notes != "ben's" {
		t.Fatal("the refused save changed something")
	}
}

func TestFirstMeetingOfTwoLaptopsWithData(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	ana.save(newPartner("Ana's"))
	if first, _ := FirstMeeting(ana.s, folder); first {
		t.Fatal("an empty folder is a first meeting")
	}
	ana.round(folder)
	if first, _ := FirstMeeting(ben.s, folder); first {
		t.Fatal("a laptop with no records of its own is asked")
	}
	ben.save(newPartner("Ben's"))
	if first, err := FirstMeeting(ben.s, folder); !first || err != nil {
		t.Fatalf("two laptops with data: %v, %v", first, err)
	}
	ben.round(folder)
	if first, _ := FirstMeeting(ben.s, folder); first {
		t.Fatal("asked again after the first round")
	}
}

func TestReportSaysWhatHappenedInOneLine(t *testing.T) {
	got := Report{In: 1, Out: 3, Conflicts: 2, Waiting: 1}.Describe(i18n.In("en").T, i18n.In("en").N)
	want := "Sync done: 1 change came in, 3 changes went out. 2 records were changed on two laptops: both versions are kept for you to compare. 1 file has not fully arrived yet and is read next time."
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestReportCountsInFrench: French says 0 and 1 in the singular.
func TestReportCountsInFrench(t *testing.T) {
	fr := i18n.In("fr")
	got := Report{In: 0, Out: 2, Conflicts: 1}.Describe(fr.T, fr.N)
	want := "Synchronisation faite. Reçu : 0 modification ; envoyé : 2 modifications. 1 fiche a été modifiée sur deux ordinateurs : les deux versions sont gardées pour que vous les compariez."
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
