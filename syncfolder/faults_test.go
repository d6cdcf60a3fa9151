package syncfolder

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
	"accord/store"
	"accord/store/sealed"
)

// device is the laptop's device ID.
func (l *laptop) device() string {
	l.t.Helper()
	dev, err := l.s.DeviceID()
	if err != nil {
		l.t.Fatal(err)
	}
	return dev
}

// folderOf is the laptop's own folder in the shared folder.
func (l *laptop) folderOf(shared string) string { return filepath.Join(shared, Top, l.device()) }

// names are the names of the partners the laptop holds, live or in the Trash, sorted.
func (l *laptop) names() []string {
	var out []string
	for _, p := range data.List[data.Partner](l.s) {
		out = append(out, p.Name)
	}
	for _, r := range l.s.Trash() {
		out = append(out, r.Title())
	}
	slices.Sort(out)
	return out
}

func (l *laptop) wantNames(want ...string) {
	l.t.Helper()
	slices.Sort(want)
	if got := l.names(); !slices.Equal(got, want) {
		l.t.Fatalf("%s holds %q, want %q", l.name, got, want)
	}
}

// crashAndRestart closes the laptop's data and opens it again as it was in snapshot (its bytes written
// into the same file, so the laptop keeps its device ID): as if the laptop had stopped at that point and
// everything after it had not reached the disk.
func (l *laptop) crashAndRestart(snapshot []byte) {
	l.t.Helper()
	path := l.s.Path()
	if err := l.s.Close(); err != nil {
		l.t.Fatal(err)
	}
	if snapshot != nil {
		if err := os.WriteFile(path, snapshot, 0o600); err != nil {
			l.t.Fatal(err)
		}
	}
	s, err := store.Open(path, store.Options{Now: func() time.Time { return l.now }})
	if err != nil {
		l.t.Fatal(err)
	}
	l.t.Cleanup(func() { s.Close() })
	l.s = s
}

// snapshot is the laptop's database file as it is now on the disk.
func (l *laptop) snapshot() []byte {
	l.t.Helper()
	l.crashAndRestart(nil) // closes the file cleanly, so every byte is on the disk
	b, err := os.ReadFile(l.s.Path())
	if err != nil {
		l.t.Fatal(err)
	}
	return b
}

// A laptop whose own folder in the shared folder is deleted writes its records there again, and the
// others — which had read its earlier segments under the same numbers — take in what it writes after.
func TestADeletedDeviceFolderIsWrittenAgainAndRead(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	ana.save(newPartner("Before"))
	ana.round(folder)
	ben.round(folder)
	if err := os.RemoveAll(ana.folderOf(folder)); err != nil {
		t.Fatal(err)
	}
	ana.save(newPartner("After"))
	ana.round(folder)
	ben.round(folder)
	ben.wantNames("Before", "After")
	chi := newLaptop(t, "chi") // joins later: everything ana holds is in the folder again
	chi.round(folder)
	chi.wantNames("Before", "After")
}

// A version that lives on only as the loser of a conflict still reaches a laptop that joins after the
// folder it came in was deleted: the laptop that wrote it sends everything again, conflicts included.
func TestADeletedDeviceFolderLosesNoConflict(t *testing.T) {
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
	if err := os.RemoveAll(ana.folderOf(folder)); err != nil {
		t.Fatal(err)
	}
	ana.round(folder)
	chi := newLaptop(t, "chi")
	chi.round(folder)
	want := conflictStamps(t, ben.s)
	if got := conflictStamps(t, chi.s); len(want) != 1 || !slices.Equal(got, want) {
		t.Fatalf("chi's conflicts %v, ben's %v", got, want)
	}
}

// A copy of one laptop's segment in another's folder, and a copy of a segment under another number, are
// read for what they hold and hide nothing: the genuine segments with those numbers are read too.
func TestStrayAndDuplicateSegmentsHideNothing(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	chi := newLaptop(t, "chi")
	ana.save(newPartner("Ana 1"))
	ana.round(folder)
	ben.save(newPartner("Ben 1"))
	ben.round(folder)
	ben.save(newPartner("Ben 2"))
	ben.round(folder)
	bens := ownSegments(t, folder, ben)
	stray := filepath.Join(ana.folderOf(folder), filepath.Base(bens[1])) // ben's segment 2, in ana's folder
	copyTo(t, bens[1], stray)
	chi.round(folder)
	chi.wantNames("Ana 1", "Ben 1", "Ben 2")
	ana.save(newPartner("Ana 2")) // ana's own segment 2
	ana.round(folder)
	anas := ownSegments(t, folder, ana)
	first := filepath.Base(anas[0])
	duplicate := filepath.Join(ana.folderOf(folder), "00000003"+first[8:]) // segment 1, copied as number 3
	copyTo(t, anas[0], duplicate)
	chi.round(folder)
	chi.wantNames("Ana 1", "Ana 2", "Ben 1", "Ben 2")
	ana.save(newPartner("Ana 3")) // ana's own segment 3
	ana.round(folder)
	chi.round(folder)
	chi.wantNames("Ana 1", "Ana 2", "Ana 3", "Ben 1", "Ben 2")
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, b, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// A laptop that stops right after its segment is in the folder, before its data records that it wrote
// it, writes its next changes under a new number: the others, which read the first segment, read those too.
func TestACrashAfterWritingASegmentLosesNothing(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	ana.save(newPartner("Shared first"))
	ana.round(folder)
	ben.round(folder)
	ana.save(newPartner("In the segment"))
	before := ana.snapshot()
	ana.round(folder)
	ana.crashAndRestart(before)
	ben.round(folder)
	ben.wantNames("Shared first", "In the segment")
	ana.now = ana.now.Add(time.Second)
	ana.save(newPartner("After the crash"))
	ana.round(folder)
	numbers := map[string]bool{}
	for _, seg := range ownSegments(t, folder, ana) {
		if n := filepath.Base(seg)[:8]; numbers[n] {
			t.Fatalf("ana used number %s twice", n)
		} else {
			numbers[n] = true
		}
	}
	ben.round(folder)
	ben.wantNames("Shared first", "In the segment", "After the crash")
	ana.round(folder)
	ana.wantNames("Shared first", "In the segment", "After the crash")
}

// The same stop, seen closer: the laptop stops after its segment is in the folder and before it notes the
// segment as its own. A later edit of a record in that segment is an edit of what the others read there,
// not a conflict with it.
func TestACrashAfterWritingASegmentMakesNoConflict(t *testing.T) {
	folder, ana, ben, p := sharedPartner(t)
	q, _ := store.Get[data.Partner](ana.s, p.ID)
	q.Notes = "sent, then the laptop stopped"
	ana.save(q)
	top := filepath.Join(folder, Top)
	st, err := stateFor(ana.s, top, ana.device(), folder)
	if err != nil {
		t.Fatal(err)
	}
	out, err := prepareOut(ana.s, st)
	if err != nil {
		t.Fatal(err)
	}
	if err := out.publish(ana.s, top, ana.device()); err != nil {
		t.Fatal(err)
	}
	ana.crashAndRestart(nil)
	ben.round(folder)
	ana.now = ana.now.Add(time.Second)
	q, _ = store.Get[data.Partner](ana.s, p.ID)
	q.Notes = "edited after the restart"
	ana.save(q)
	ana.round(folder)
	ben.round(folder)
	if got := data.Lookup[data.Partner](ben.s, p.ID).Notes; got != "edited after the restart" {
		t.Fatalf("ben's notes %q", got)
	}
	if cs, _ := ben.s.Conflicts(); len(cs) != 0 {
		t.Fatalf("a phantom conflict: %+v", cs)
	}
}

// plant writes a record's JSON straight into the laptop's database, as an older Accord, with looser rules,
// could have stored it (sealed, as the upgrade leaves it); the laptop then opens its data again.
func (l *laptop) plant(k data.Kind, id, raw string) {
	l.t.Helper()
	path := l.s.Path()
	l.s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err == nil {
		err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(k)).Put([]byte(id), sealed.Seal([]byte(raw))) })
		err = errors.Join(err, db.Close())
	}
	if err != nil {
		l.t.Fatal(err)
	}
	l.crashAndRestart(nil)
}

// A record that breaks a rule — an ID with a slash, a name far too long — stays on its laptop, named in
// what the round says, and everything else syncs both ways.
func TestARecordThatBreaksARuleStaysAndTheRestSyncs(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	ana.save(newPartner("Good"))
	ana.plant(data.KindPartner, "imported/with a slash", `{"id":"imported/with a slash","name":"Slashed","kind":"business","stage":"active","rev":1}`)
	long := strings.Repeat("Very long name ", 40)
	ana.plant(data.KindPartner, "long-name", `{"id":"long-name","name":"`+long+`","kind":"business","stage":"active","rev":1}`)
	rep := ana.round(folder)
	if len(rep.NotSent) != 2 || rep.NotSent[0].ID != "imported/with a slash" && rep.NotSent[1].ID != "imported/with a slash" {
		t.Fatalf("not sent: %+v", rep.NotSent)
	}
	details := strings.Join(rep.Details(fmt.Sprintf), "\n")
	for _, want := range []string{"Slashed", "Very long name", "slash", "too long"} {
		if !strings.Contains(details, want) {
			t.Errorf("the report does not say %q:\n%s", want, details)
		}
	}
	ben.save(newPartner("Ben's"))
	ben.round(folder)
	ana.round(folder)
	ben.wantNames("Good", "Ben's")
	ana.wantNames("Good", "Ben's", "Slashed", long)
	if rep := ana.round(folder); len(rep.NotSent) != 2 {
		t.Fatalf("the records left out are not named again: %+v", rep)
	}
	p, _ := store.Get[data.Partner](ana.s, "long-name")
	p.Name = "Shorter now"
	ana.save(p)
	if rep := ana.round(folder); len(rep.NotSent) != 1 || rep.Out != 1 {
		t.Fatalf("after the fix: %+v", rep)
	}
	ben.round(folder)
	ben.wantNames("Good", "Ben's", "Shorter now")
}

// Records in a segment that break the rules — written by hand, by a faulty program, or by an older Accord
// — are left out and named; the rest of the segment is taken in, and the laptop's data stays within the
// rules (its own export imports again).
func TestInvalidRecordsFromTheFolderAreLeftOutAndNamed(t *testing.T) {
	folder, ben := t.TempDir(), newLaptop(t, "ben")
	stranger := "0123456789abcdef"
	dir := filepath.Join(folder, Top, stranger)
	os.MkdirAll(dir, 0o700)
	raw := func(id, name string) store.Version {
		return store.Version{Kind: data.KindPartner, ID: id, JSON: []byte(`{"id":"` + id + `","name":"` + name + `","kind":"business","stage":"active","hlc":"2026-12-01T08:00:00.000Z-0000-` + stranger + `"}`)}
	}
	good, noName, slashed := raw("good", "Fine"), raw("no-name", ""), raw("a/b", "Slashed")
	unknownStage := store.Version{Kind: data.KindPartner, ID: "stage", JSON: []byte(`{"id":"stage","name":"Odd stage","kind":"business","stage":"asleep"}`)}
	if err := writeSegment(dir, stranger, 1, []store.Version{noName, good, slashed, unknownStage}); err != nil {
		t.Fatal(err)
	}
	rep := ben.round(folder)
	ben.wantNames("Fine")
	if rep.In != 1 || len(rep.NotTaken) != 3 {
		t.Fatalf("%+v", rep)
	}
	details := strings.Join(rep.Details(fmt.Sprintf), "\n")
	for _, want := range []string{"no-name", "Slashed", "Odd stage", "Give the partner a name."} {
		if !strings.Contains(details, want) {
			t.Errorf("the report does not say %q:\n%s", want, details)
		}
	}
	var export bytes.Buffer
	if err := ben.s.ExportJSON(&export); err != nil {
		t.Fatal(err)
	}
	other := newLaptop(t, "other")
	if _, err := other.s.ImportJSON(&export); err != nil {
		t.Fatalf("ben's own export does not import: %v", err)
	}
	if rep := ben.round(folder); rep.In != 0 || len(rep.NotTaken) != 0 {
		t.Fatalf("the segment was read again: %+v", rep)
	}
}

// gzipped packs lines as a segment does.
func gzipped(t *testing.T, lines ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	for _, l := range lines {
		z.Write(l)
		z.Write([]byte("\n"))
	}
	z.Close()
	return b.Bytes()
}

// putSegment puts content into a laptop's folder under its proper segment name.
func putSegment(t *testing.T, folder, device string, seq uint64, content []byte) string {
	t.Helper()
	dir := filepath.Join(folder, Top, device)
	os.MkdirAll(dir, 0o700)
	path := filepath.Join(dir, segmentFileName(seq, content))
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A segment made to unpack to far more than any real one — a partner name of 24 MB packed into 24 KB —
// is set aside after a bounded read, named, and never stored; the laptop's other segments go on.
func TestAHostileSegmentIsSetAsideWithBoundedMemory(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	ana.save(newPartner("Genuine"))
	ana.round(folder)
	stranger := "fedcba9876543210"
	head := fmt.Appendf(nil, `{"format":"accord-sync","version":1,"device":%q,"seq":1,"schema":4,"count":1}`, stranger)
	huge := append([]byte(`{"kind":"partners","record":{"id":"huge","kind":"business","stage":"active","name":"`), bytes.Repeat([]byte("a"), 24<<20)...)
	huge = append(huge, `"}}`...)
	content := gzipped(t, head, huge)
	huge = nil
	putSegment(t, folder, stranger, 1, content)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	rep := ben.round(folder)
	runtime.ReadMemStats(&after)
	ben.wantNames("Genuine")
	if len(rep.BadFiles) != 1 || !strings.Contains(rep.BadFiles[0].Name, stranger) {
		t.Fatalf("%+v", rep)
	}
	if line := strings.Join(rep.Details(fmt.Sprintf), "\n"); !strings.Contains(line, "set aside") || !strings.Contains(line, "unpack") {
		t.Fatalf("the report says:\n%s", line)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 48<<20 {
		t.Fatalf("reading the segment took %d MB", alloc>>20)
	}
	if info, _ := os.Stat(ben.s.Path()); info.Size() > 8<<20 {
		t.Fatalf("the database grew to %d MB", info.Size()>>20)
	}
	if rep := ben.round(folder); len(rep.BadFiles) != 0 {
		t.Fatalf("the segment set aside was read again: %+v", rep)
	}
}

// A record changed by importing a file edited by hand (its clock stamp left as it was) is an edit made on
// the laptop that imported it: it reaches the others as one, with no conflict to compare.
func TestAnImportedEditSyncsAsAnEdit(t *testing.T) {
	folder, ana, ben, p := sharedPartner(t)
	var file bytes.Buffer
	if err := ana.s.ExportJSON(&file); err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(file.Bytes(), []byte(`"name": "Shared"`), []byte(`"name": "Shared, renamed in the file"`), 1)
	edited = bytes.ReplaceAll(edited, []byte(start.Format(time.RFC3339)), []byte(start.Add(time.Minute).Format(time.RFC3339)))
	ben.now = start.Add(2 * time.Minute)
	if sum, err := ben.s.ImportJSON(bytes.NewReader(edited)); err != nil || sum.Updated[data.KindPartner] != 1 {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	ben.round(folder)
	ana.round(folder)
	for _, l := range []*laptop{ana, ben} {
		if got := data.Lookup[data.Partner](l.s, p.ID).Name; got != "Shared, renamed in the file" {
			t.Fatalf("%s holds %q", l.name, got)
		}
		if cs, _ := l.s.Conflicts(); len(cs) != 0 {
			t.Fatalf("%s has a conflict to compare: %+v", l.name, cs)
		}
	}
}

// stopAfterWriting puts the laptop's changes in the folder as a segment and stops it there, before it
// notes the segment as written; it starts again.
func (l *laptop) stopAfterWriting(folder string) {
	l.t.Helper()
	top := filepath.Join(folder, Top)
	st, err := stateFor(l.s, top, l.device(), folder)
	if err != nil {
		l.t.Fatal(err)
	}
	out, err := prepareOut(l.s, st)
	if err == nil {
		err = out.publish(l.s, top, l.device())
	}
	if err != nil {
		l.t.Fatal(err)
	}
	l.crashAndRestart(nil)
}

// importEdited makes an export on one laptop, renames a partner in it by hand (its clock stamp left as
// it was, its time of change moved on so the import takes it) and imports it on another.
func importEdited(t *testing.T, rng *rand.Rand, step int, from, to *laptop) {
	t.Helper()
	var b bytes.Buffer
	if err := from.s.ExportJSON(&b); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	var partners []map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil || json.Unmarshal(doc["partners"], &partners) != nil {
		t.Fatalf("%s's export: %v", from.name, err)
	}
	if len(partners) == 0 {
		return
	}
	p := partners[rng.IntN(len(partners))]
	p["name"] = fmt.Sprintf("Renamed by hand in %s's file at step %d", from.name, step)
	p["updated_at"] = to.now.Add(time.Hour)
	doc["partners"], _ = json.Marshal(partners)
	file, _ := json.Marshal(doc)
	_, err := to.s.ImportJSON(bytes.NewReader(file))
	var refused *store.ImportError
	if err != nil && !(errors.As(err, &refused) && len(from.s.Contents().Flawed) > 0) {
		t.Fatalf("%s imports %s's edited file: %v", to.name, from.name, err)
	}
}

// stranger is a laptop that never syncs itself: only its folder is there, with what a faulty program or a
// hostile person put in it.
const stranger = "5742a9e1c0ffee00"

// inject does, now and then, one of the things that go wrong where laptops share a folder, and, once in a
// run, the rarer ones.
func inject(t *testing.T, rng *rand.Rand, step int, folder string, laptops []*laptop) {
	t.Helper()
	l, other := laptops[rng.IntN(len(laptops))], laptops[rng.IntN(len(laptops))]
	switch n := rng.IntN(16); {
	case step == 10: // a segment that unpacks to more than a line may hold
		head := fmt.Appendf(nil, `{"format":"accord-sync","version":1,"device":%q,"seq":1,"schema":4,"count":1}`, stranger)
		huge := fmt.Appendf(nil, `{"kind":"partners","record":{"id":"bomb","kind":"business","stage":"active","name":"%s"}}`, bytes.Repeat([]byte("a"), maxEntrySize))
		putSegment(t, folder, stranger, 1, gzipped(t, head, huge))
	case step == 20: // a good record and one that breaks the rules
		good := store.Version{Kind: data.KindPartner, ID: "from-a-stranger", JSON: []byte(`{"id":"from-a-stranger","name":"From a stranger","kind":"business","stage":"active","hlc":"2026-12-01T08:00:00.000Z-0000-` + stranger + `"}`)}
		bad := store.Version{Kind: data.KindPartner, ID: "nameless", JSON: []byte(`{"id":"nameless","name":"","kind":"business","stage":"active"}`)}
		if err := writeSegment(filepath.Join(folder, Top, stranger), stranger, 2, []store.Version{bad, good}); err != nil {
			t.Fatal(err)
		}
	case step == 30: // records an older Accord let in
		rev := l.s.Rev() + 1
		l.plant(data.KindPartner, "old/slashed", fmt.Sprintf(`{"id":"old/slashed","name":"Slashed by an old import","kind":"business","stage":"active","rev":%d}`, rev))
		l.plant(data.KindPartner, "old-long", fmt.Sprintf(`{"id":"old-long","name":"%s","kind":"business","stage":"active","rev":%d}`, strings.Repeat("Long ", 70), rev))
	case n == 0:
		os.RemoveAll(l.folderOf(folder))
	case n == 1 && l != other: // a copy of another laptop's segment in this one's folder
		if segs := ownSegments(t, folder, other); len(segs) > 0 {
			seg := segs[rng.IntN(len(segs))]
			os.MkdirAll(l.folderOf(folder), 0o700)
			copyTo(t, seg, filepath.Join(l.folderOf(folder), filepath.Base(seg)))
		}
	case n == 2: // a copy of a segment under another number
		if segs := ownSegments(t, folder, l); len(segs) > 0 {
			seg := segs[rng.IntN(len(segs))]
			copyTo(t, seg, filepath.Join(filepath.Dir(seg), fmt.Sprintf("%08d", 90000000+step)+filepath.Base(seg)[8:]))
		}
	case n == 3:
		l.stopAfterWriting(folder)
	case n == 4 && l != other:
		importEdited(t, rng, step, other, l)
	}
}

// fixWhatWasNamed does what a round's report asks of the people at the laptops: the records an older
// Accord let in, named as not sent, are fixed (a name shortened) or, when they cannot be (an ID with a
// slash), deleted for good.
func fixWhatWasNamed(t *testing.T, folder string, laptops []*laptop) {
	t.Helper()
	named := 0
	for _, l := range laptops {
		for _, r := range l.round(folder).NotSent {
			named++
			if strings.Contains(r.ID, "/") {
				if err := l.s.DeletePermanently(r.Kind, r.ID); err != nil {
					t.Fatal(err)
				}
				continue
			}
			p, err := store.Get[data.Partner](l.s, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			p.Name = "Shortened"
			l.save(p)
		}
	}
	if named != 2 {
		t.Fatalf("%d records named as not sent, want the 2 an older Accord let in", named)
	}
}

// A file far larger than any attachment, under the name of one a record uses, is read no further than
// the largest attachment could be: the record waits for the real file.
func TestAHugeFileUnderAnAttachmentsNameIsNotReadWhole(t *testing.T) {
	folder, ana, ben := twoLaptops(t)
	sha, _ := ana.s.PutAttachment([]byte("scan"))
	p := newPartner("Partner")
	ana.save(p)
	ana.save(withAttachment(p, sha, 4))
	ana.round(folder)
	if err := os.Truncate(filepath.Join(ana.folderOf(folder), Files, sha), 200<<20); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	rep := ben.round(folder)
	runtime.ReadMemStats(&after)
	if rep.In != 0 || rep.Waiting != 1 {
		t.Fatalf("%+v", rep)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Fatalf("looking at the file took %d MB", alloc>>20)
	}
}

// Lines each within the bound of one record, but together far more than the segment's size allows, are
// refused once the bound is reached.
func TestASegmentUnpackingBeyondItsBoundIsSetAside(t *testing.T) {
	folder := t.TempDir()
	line := fmt.Appendf(nil, `{"kind":"partners","record":{"id":"x","kind":"business","stage":"active","name":"%s"}}`, bytes.Repeat([]byte("a"), 14<<20))
	head := fmt.Appendf(nil, `{"format":"accord-sync","version":1,"device":%q,"seq":1,"schema":4,"count":5}`, stranger)
	path := putSegment(t, folder, stranger, 1, gzipped(t, head, line, line, line, line, line))
	g, _ := parseSegment(filepath.Dir(path), stranger, filepath.Base(path))
	_, _, err := readSegment(g, nil)
	var bad *badSegment
	if !errors.As(err, &bad) || !strings.Contains(bad.Why.Text(), "more than 64 MB") {
		t.Fatalf("got %v", err)
	}
}
