// Package syncfolder keeps the data of several laptops the same through a shared folder that Syncthing, a
// cloud drive or a USB stick carries. Each laptop writes only into a folder of its own there — numbered,
// append-only segments of its changes, and its attachments — and reads everyone else's, merging them by
// each version's clock stamp (see settle). It never touches the network, and it talks to the store only
// through data's API. docs/sync.md describes it for users and the segment format for programmers.
package syncfolder

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"accord/data"
	"accord/store"
)

// Report says what one round did.
type Report struct {
	When time.Time
	// In is how many records changed here, Out how many changes of this laptop went into the folder.
	In, Out int
	// Conflicts is how many records gained a version that lost a conflict (see Store.Conflicts).
	Conflicts int
	// SetAside is how many changes were stamped more than data.MaxSkew ahead of this laptop's clock: they
	// are not applied, and are tried again each round.
	SetAside int
	// Waiting is how many files have not fully arrived yet; they are read in a later round.
	Waiting int
	// Unreadable is how many changes this Accord cannot read (damaged, or from a newer Accord).
	Unreadable int
	// NotSent names this laptop's changed records that break a rule and so stayed here; NotTaken the
	// records from other laptops that break one and so were left out. Everything else went on.
	NotSent, NotTaken []data.Refusal
	// BadFiles names the segments set aside for good because they cannot be read.
	BadFiles []BadFile
	// Backup is the backup made before the changes were applied; empty when none was needed.
	Backup string
}

// BadFile is a segment set aside: where it lies in the sync folder (device/name) and why.
type BadFile struct {
	Name string
	Why  data.Problem
}

// Describe says what the round did in one line, translated with t and count.
func (r Report) Describe(t data.Translate, count data.Count) string {
	parts := []string{t("Sync done: %s came in, %s went out.",
		count(r.In, "%d change", "%d changes"), count(r.Out, "%d change", "%d changes"))}
	if r.Conflicts > 0 {
		parts = append(parts, count(r.Conflicts, "%d record was changed on two laptops: both versions are kept for you to compare.",
			"%d records were changed on two laptops: both versions are kept for you to compare."))
	}
	if r.SetAside > 0 {
		parts = append(parts, count(r.SetAside, "%d change was set aside because the clock of the laptop that made it is ahead of this one's; it is tried again next time.",
			"%d changes were set aside because the clock of the laptop that made them is ahead of this one's; they are tried again next time."))
	}
	if r.Waiting > 0 {
		parts = append(parts, count(r.Waiting, "%d file has not fully arrived yet and is read next time.",
			"%d files have not fully arrived yet and are read next time."))
	}
	if r.Unreadable > 0 {
		parts = append(parts, count(r.Unreadable, "%d change could not be read: it may come from a newer Accord.",
			"%d changes could not be read: they may come from a newer Accord."))
	}
	if n := len(r.NotSent) + len(r.NotTaken) + len(r.BadFiles); n > 0 {
		parts = append(parts, count(n, "%d record or file was set aside; the rest was synced. See below for what to do.",
			"%d records or files were set aside; the rest was synced. See below for what to do."))
	}
	return strings.Join(parts, " ")
}

// Details lists, one line each, what was set aside and why, translated with t.
func (r Report) Details(t func(string, ...any) string) []string {
	var out []string
	for _, x := range r.NotSent {
		out = append(out, t("Not sent, until it is fixed here: %s", x.Describe(t)))
	}
	for _, x := range r.NotTaken {
		out = append(out, t("Not taken in from another laptop: %s", x.Describe(t)))
	}
	for _, b := range r.BadFiles {
		out = append(out, t("The file %s in the sync folder was set aside: %s.", b.Name, t(b.Why.Message, b.Why.Args...)))
	}
	if len(r.NotTaken)+len(r.BadFiles) > 0 {
		out = append(out, t("Fix the record on the laptop it came from, or update Accord there; the other changes have been synced."))
	}
	return out
}

// errLocalChange stops an apply when a change was saved here after the outgoing segment was written: the
// round sends it first, so that a version of this laptop never loses a conflict before it is shared.
var errLocalChange = errors.New("a change was saved here during the round")

// Round syncs once with the shared folder: it writes this laptop's changes since the last round into its
// own folder there, then reads every segment of the other laptops not read here yet and applies them in
// one transaction, after a backup (at most one an hour). A missing folder is an error, and an empty one
// changes nothing: only explicit tombstones ever delete. A record that breaks a rule, going out or
// coming in, and a segment that cannot be read are named in the report, and the rest goes on.
func Round(s *store.Store, folder string) (Report, error) {
	folder, err := checkFolder(s.Dir(), folder)
	if err != nil {
		return Report{}, err
	}
	dev, err := s.DeviceID()
	if err != nil {
		return Report{}, err
	}
	top := filepath.Join(folder, Top)
	if err := os.MkdirAll(filepath.Join(top, dev), 0o700); err != nil {
		return Report{}, folderProblem(folder, err)
	}
	var rep Report
	for try := 0; ; try++ {
		st, err := stateFor(s, top, dev, folder)
		if err != nil {
			return rep, err
		}
		out, err := prepareOut(s, st)
		if err != nil {
			return rep, err
		}
		if st, err = out.send(s, top, dev); err != nil {
			return rep, err
		}
		rep.Out += len(out.changes.Versions)
		rep.NotSent = out.changes.NotShared
		in, err := readIn(s, top, dev, st)
		if err != nil {
			return rep, err
		}
		rep.Backup, err = s.ApplySync(func(v store.SyncView) (store.SyncBatch, error) {
			if v.Rev != st.OutRev && try < 2 {
				return store.SyncBatch{}, errLocalChange
			}
			return in.plan(v, st, &rep)
		})
		if errors.Is(err, errLocalChange) {
			continue
		}
		rep.When = in.now
		rep.SetAside, rep.Waiting, rep.Unreadable = in.setAside, in.waiting, in.unreadable
		rep.NotTaken, rep.BadFiles = in.notTaken, in.bad
		return rep, err
	}
}

// stateFor is what sync remembers for this folder. A new folder, or one where any of this laptop's own
// segments since it last sent everything has gone (deleted, emptied, or replaced by an older copy), starts
// again from nothing here, sending everything — which the merge makes harmless. Either way the next
// segment takes a number above every one this laptop has written in the folder: a number is not used
// twice, even when the laptop stopped after writing a segment but before noting it. (Were one used twice,
// the others would still read both: they read segments by what they hold.)
func stateFor(s *store.Store, top, dev, folder string) (store.SyncState, error) {
	st, err := s.SyncState()
	if err != nil {
		return st, err
	}
	own, err := segments(top, dev)
	if err != nil {
		return st, err
	}
	var last uint64
	if st.Folder == folder {
		last = st.OutSeq
	}
	last = lastWritten(own, dev, last)
	if st.Folder != folder || behind(st, own) { // the set-aside changes of others are still to be tried
		st = store.SyncState{Folder: folder, SentRev: st.SentRev, OutFrom: last + 1, Retry: st.Retry}
	}
	st.OutSeq = last
	return st, nil
}

// lastWritten is the number of the last segment in the laptop's own folder that it wrote itself after
// number after — one it wrote and then stopped before noting — or after. What its header says decides:
// another laptop's segment copied there, or a copy of its own under another number, is not one of them.
func lastWritten(own []segment, dev string, after uint64) uint64 {
	for i := len(own) - 1; i >= 0 && own[i].seq > after; i-- {
		if h, err := readHeader(own[i].path); err == nil && h.Device == dev && h.Seq == own[i].seq {
			return own[i].seq
		}
	}
	return after
}

// behind is true when this laptop's folder lacks one of the segments it wrote there since it last sent
// everything.
func behind(st store.SyncState, own []segment) bool {
	there := map[uint64]bool{}
	for _, g := range own {
		there[g.seq] = true
	}
	for n := max(st.OutFrom, 1); n <= st.OutSeq; n++ {
		if !there[n] {
			return true
		}
	}
	return false
}

// outgoing is this laptop's changes since its last segment, about to go into the folder.
type outgoing struct {
	changes store.Changes
	st      store.SyncState
}

// prepareOut reads the changes to send, and notes them as shared before they are in the folder: a version
// edited after it was sent must name it as its ancestor, or the others would see the two as a conflict,
// and the laptop may stop between writing the segment and noting it. (Noted but never written, a version
// is only an ancestor no one else knows of.)
func prepareOut(s *store.Store, st store.SyncState) (outgoing, error) {
	c, err := s.LocalChanges(st.OutRev, st.Unshared)
	if err != nil {
		return outgoing{}, err
	}
	st.Unshared = nil
	for _, r := range c.NotShared {
		st.Unshared = append(st.Unshared, r.Key())
	}
	if len(c.Versions) == 0 {
		return outgoing{c, st}, nil
	}
	st.SentRev = max(st.SentRev, c.Upto)
	return outgoing{c, st}, s.SetSyncState(st)
}

// send writes the changes as this laptop's next segment, after the attachments they use, and notes how
// far the laptop got.
func (o outgoing) send(s *store.Store, top, dev string) (store.SyncState, error) {
	st := o.st
	if o.changes.Upto == st.OutRev {
		return st, nil
	}
	if err := o.publish(s, top, dev); err != nil {
		return st, err
	}
	if len(o.changes.Versions) > 0 {
		st.OutSeq++
	}
	st.OutRev = o.changes.Upto
	return st, s.SetSyncState(st)
}

// publish puts the changes in the folder as segment number st.OutSeq+1.
func (o outgoing) publish(s *store.Store, top, dev string) error {
	if len(o.changes.Versions) == 0 {
		return nil
	}
	all, err := devices(top)
	if err != nil {
		return err
	}
	own := filepath.Join(top, dev)
	if err := shareAttachments(s, top, own, o.changes.Versions, all); err != nil {
		return folderProblem(top, err)
	}
	if err := writeSegment(own, dev, o.st.OutSeq+1, o.changes.Versions); err != nil {
		return folderProblem(top, err)
	}
	return nil
}

// incoming is what the other laptops' unread segments hold.
type incoming struct {
	versions map[string][]store.Version // by record, "kind/id"
	files    map[string][]byte          // attachments this laptop lacks, by SHA-256
	read     map[string]bool            // the segments read here, before this round and in it
	newly    []string                   // those read in this round
	retry    []string
	now      time.Time

	setAside, waiting, unreadable int
	notTaken                      []data.Refusal
	bad                           []BadFile
}

// readIn reads every segment in the other laptops' folders that has not been read here, in any order —
// the merge does not depend on it — skipping those that have not fully arrived, which are read next
// time; and reads again the segments whose changes were set aside before.
func readIn(s *store.Store, top, dev string, st store.SyncState) (*incoming, error) {
	read, err := s.SegmentsRead()
	if err != nil {
		return nil, err
	}
	in := &incoming{versions: map[string][]store.Version{}, files: map[string][]byte{}, read: read, now: s.Now()}
	retry := map[string]bool{}
	for _, id := range st.Retry {
		retry[retryID(id)] = true
	}
	all, err := devices(top)
	if err != nil {
		return nil, err
	}
	for _, d := range all {
		if d == dev {
			continue
		}
		segs, err := segments(top, d)
		if err != nil {
			return nil, err
		}
		for _, g := range segs {
			id := g.id()
			if in.read[id] && !retry[id] {
				continue
			}
			again := retry[id]
			delete(retry, id)
			switch taken := in.take(s, top, all, g); {
			case !taken && again:
				in.retry = append(in.retry, id) // an attachment it needs went missing: keep trying
			case taken && !in.read[id]:
				in.read[id] = true
				in.newly = append(in.newly, id)
			}
		}
	}
	for id := range retry { // not in the folder now (a stick from another day?): keep trying
		in.retry = append(in.retry, id)
	}
	slices.Sort(in.retry)
	return in, nil
}

// retryID is the segment a SyncState.Retry entry names; an older Accord named it by device and file.
func retryID(entry string) string {
	if d, name, ok := strings.Cut(entry, "/"); ok {
		if g, ok := parseSegment("", d, name); ok {
			return g.id()
		}
	}
	return entry
}

// take reads one segment and keeps its changes; false when it has not fully arrived yet (nor the
// attachments its records use), or comes from a newer Accord, and must be read again next time. A record
// in it that breaks a rule is left out and named; a segment that cannot be read at all is set aside and
// named. Which laptop's folder the segment lies in does not matter: a copy of one laptop's segment in
// another's folder holds that laptop's changes, and is read as such.
func (in *incoming) take(s *store.Store, top string, all []string, g segment) bool {
	decoding := newDecoding()
	defer decoding.running.Wait() // a segment set aside halfway: no decoding outlives the round
	_, _, err := readSegment(g, decoding.add)
	var bad *badSegment
	switch {
	case errors.Is(err, errNotArrived):
		in.waiting++
		return false
	case errors.Is(err, errNewerSegment):
		in.unreadable++
		return false
	case errors.As(err, &bad):
		in.bad = append(in.bad, BadFile{Name: g.ref(), Why: bad.Why})
		return true
	case err != nil:
		in.unreadable++
		return false
	}
	var took []store.Version
	var refused []data.Refusal
	files := map[string][]byte{}
	setAside := 0
	versions, errs := decoding.wait()
	for i, v := range versions {
		err := errs[i]
		var refusal *data.Refusal
		switch {
		case errors.As(err, &refusal):
			refused = append(refused, *refusal)
			continue
		case err != nil:
			in.unreadable++
			continue
		case v.HLC.TooFarAhead(in.now):
			setAside++
			continue
		}
		if !in.fetch(s, top, all, v, files) {
			in.waiting++
			return false
		}
		took = append(took, v)
	}
	for _, v := range took {
		in.versions[v.Key()] = append(in.versions[v.Key()], v)
	}
	for sha, content := range files {
		in.files[sha] = content
	}
	if setAside > 0 && !slices.Contains(in.retry, g.id()) {
		in.retry = append(in.retry, g.id())
	}
	in.setAside += setAside
	in.notTaken = append(in.notTaken, refused...)
	return true
}

// decoding turns a segment's entries into versions, decoding and checking them on every core, batch by
// batch as the segment is read: each entry stands alone, and on a first sync of 10,000 partners this is
// most of the work.
type decoding struct {
	running sync.WaitGroup
	cores   chan struct{} // one token for each core, held while decoding a batch
	batches []*decoded
}

// decoded is one batch's versions, or why each could not be taken.
type decoded struct {
	versions []store.Version
	errs     []error
}

func newDecoding() *decoding {
	return &decoding{cores: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// add starts decoding a batch.
func (d *decoding) add(batch []entry) {
	b := &decoded{make([]store.Version, len(batch)), make([]error, len(batch))}
	d.batches = append(d.batches, b)
	d.running.Go(func() {
		d.cores <- struct{}{}
		defer func() { <-d.cores }()
		for i, e := range batch {
			b.versions[i], b.errs[i] = e.version()
		}
	})
}

// wait returns the versions of every batch added, in order, once all are decoded.
func (d *decoding) wait() ([]store.Version, []error) {
	d.running.Wait()
	var vs []store.Version
	var errs []error
	for _, b := range d.batches {
		vs, errs = append(vs, b.versions...), append(errs, b.errs...)
	}
	return vs, errs
}

// fetch reads the attachments a version uses that this laptop lacks; false when one has not arrived.
func (in *incoming) fetch(s *store.Store, top string, all []string, v store.Version, files map[string][]byte) bool {
	for _, sha := range store.Attachments(v) {
		if _, ok := in.files[sha]; ok || files[sha] != nil || s.HasAttachment(sha) {
			continue
		}
		content, err := fetchAttachment(top, all, sha)
		if err != nil {
			return false
		}
		files[sha] = content
	}
	return true
}

// plan settles every record the incoming segments touch against what the store holds now.
func (in *incoming) plan(v store.SyncView, st store.SyncState, rep *Report) (store.SyncBatch, error) {
	b := store.SyncBatch{Files: map[string][]byte{}}
	keys := make([]string, 0, len(in.versions))
	for k := range in.versions {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		vs := in.versions[key]
		h, err := v.Held(vs[0].Kind, vs[0].ID)
		if err != nil {
			return b, err
		}
		settled, changed := merge(h, vs...)
		if !changed {
			continue
		}
		b.Records = append(b.Records, settled)
		if shown(settled.Losers) > shown(h.Losers) {
			rep.Conflicts++
		}
		for _, x := range append(settled.Losers, settled.Winner) {
			for _, sha := range store.Attachments(x) {
				if content, ok := in.files[sha]; ok {
					b.Files[sha] = content
				}
			}
		}
	}
	rep.In = len(b.Records)
	st.Retry = in.retry
	st.LastRound, st.LastIn, st.LastOut = in.now, rep.In, rep.Out
	b.State, b.Read = st, in.newly
	return b, nil
}

// checkFolder makes the folder absolute and refuses one that is missing, or that holds the data folder
// or lies inside it: the live database never goes into a shared folder.
func checkFolder(dataDir, folder string) (string, error) {
	if folder == "" {
		return "", &data.PlainError{Message: "No sync folder is chosen yet.",
			Advice: "Choose the shared folder in Settings, or give it with --folder."}
	}
	abs, err := filepath.Abs(folder)
	if err != nil {
		return "", fmt.Errorf("sync folder %s: %w", folder, err)
	}
	info, err := os.Stat(abs)
	if err != nil || !info.IsDir() {
		return "", &data.PlainError{Message: "The sync folder %s is not there.", Args: []any{abs},
			Advice: "If it is on a USB stick, plug the stick in; otherwise check the folder in Settings. Nothing has been changed.", Err: err}
	}
	if within(abs, dataDir) || within(dataDir, abs) {
		return "", &data.PlainError{Message: "The sync folder %s and Accord's data folder %s are one inside the other.", Args: []any{abs, dataDir},
			Advice: "Choose a shared folder outside the data folder: the data itself must never be in a shared folder. Nothing has been changed."}
	}
	return abs, nil
}

// within is true when path is dir or inside it, after following links.
func within(path, dir string) bool {
	path, dir = resolved(path), resolved(dir)
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func resolved(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

func folderProblem(folder string, err error) error {
	return &data.PlainError{Message: "Accord could not write to the sync folder %s.", Args: []any{folder},
		Advice: "Check that the folder is not read-only and the USB stick is not locked, then sync again. Nothing has been lost.", Err: err}
}

// shown counts the losing versions a user sees: records, not tombstones.
func shown(losers []store.Version) int {
	n := 0
	for _, v := range losers {
		if !v.Gone {
			n++
		}
	}
	return n
}
