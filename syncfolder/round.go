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
	"slices"
	"strings"
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
	// Backup is the backup made before the changes were applied; empty when none was needed.
	Backup string
}

// Describe says what the round did in one line, translated with t.
func (r Report) Describe(t func(string, ...any) string) string {
	parts := []string{t("Sync done: %s came in, %s went out.",
		countOf(r.In, "1 change", "%d changes", t), countOf(r.Out, "1 change", "%d changes", t))}
	if r.Conflicts > 0 {
		parts = append(parts, countOf(r.Conflicts, "1 record was changed on two laptops: both versions are kept for you to compare.",
			"%d records were changed on two laptops: both versions are kept for you to compare.", t))
	}
	if r.SetAside > 0 {
		parts = append(parts, countOf(r.SetAside, "1 change was set aside because the clock of the laptop that made it is ahead of this one's; it is tried again next time.",
			"%d changes were set aside because the clock of the laptop that made them is ahead of this one's; they are tried again next time.", t))
	}
	if r.Waiting > 0 {
		parts = append(parts, countOf(r.Waiting, "1 file has not fully arrived yet and is read next time.",
			"%d files have not fully arrived yet and are read next time.", t))
	}
	if r.Unreadable > 0 {
		parts = append(parts, countOf(r.Unreadable, "1 change could not be read: it may come from a newer Accord.",
			"%d changes could not be read: they may come from a newer Accord.", t))
	}
	return strings.Join(parts, " ")
}

// countOf translates the sentence for one, or the one for n (a %d in it), with t.
func countOf(n int, one, many string, t func(string, ...any) string) string {
	if n == 1 {
		return t(one)
	}
	return t(many, n)
}

// errLocalChange stops an apply when a change was saved here after the outgoing segment was written: the
// round sends it first, so that a version of this laptop never loses a conflict before it is shared.
var errLocalChange = errors.New("a change was saved here during the round")

// Round syncs once with the shared folder: it writes this laptop's changes since the last round into its
// own folder there, then reads every other laptop's new segments and applies them in one transaction,
// after a backup (at most one an hour). A missing folder is an error, and an empty one changes nothing:
// only explicit tombstones ever delete.
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
		out, st, err := sendOut(s, top, dev, st)
		if err != nil {
			return rep, err
		}
		rep.Out += out
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
		return rep, err
	}
}

// stateFor is what sync remembers for this folder: a new folder, or one where this laptop's own segments
// have gone (emptied, or replaced by another copy), starts again from nothing, sending everything and
// reading everything — which the merge makes harmless.
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
	if len(own) > 0 {
		last = own[len(own)-1].seq
	}
	if st.Folder != folder || last < st.OutSeq {
		st = store.SyncState{Folder: folder, SentRev: st.SentRev, OutSeq: last}
	}
	return st, nil
}

// sendOut writes this laptop's changes since the last round as its next segment, after the attachments
// they use, and remembers how far it got.
func sendOut(s *store.Store, top, dev string, st store.SyncState) (int, store.SyncState, error) {
	changes, upto, err := s.LocalChanges(st.OutRev)
	if err != nil || upto == st.OutRev {
		return 0, st, err
	}
	if len(changes) > 0 {
		all, err := devices(top)
		if err != nil {
			return 0, st, err
		}
		own := filepath.Join(top, dev)
		if err := shareAttachments(s, top, own, changes, all); err != nil {
			return 0, st, folderProblem(top, err)
		}
		if err := writeSegment(own, dev, st.OutSeq+1, changes); err != nil {
			return 0, st, folderProblem(top, err)
		}
		st.OutSeq++
	}
	st.OutRev = upto
	return len(changes), st, s.SetSyncState(st)
}

// incoming is what the other laptops' new segments hold.
type incoming struct {
	versions map[string][]store.Version // by record, "kind/id"
	files    map[string][]byte          // attachments this laptop lacks, by SHA-256
	seen     map[string]uint64
	retry    []string
	now      time.Time

	setAside, waiting, unreadable int
}

// readIn reads every other laptop's segments after the last one applied here, in order, stopping at the
// first that has not fully arrived; and the segments whose changes were set aside before.
func readIn(s *store.Store, top, dev string, st store.SyncState) (*incoming, error) {
	in := &incoming{versions: map[string][]store.Version{}, files: map[string][]byte{}, seen: map[string]uint64{}, now: s.Now()}
	for d, n := range st.Seen {
		in.seen[d] = n
	}
	all, err := devices(top)
	if err != nil {
		return nil, err
	}
	for _, ref := range st.Retry {
		d, name, _ := strings.Cut(ref, "/")
		if g, ok := parseSegment(filepath.Join(top, d), d, name); ok && !in.take(s, top, all, g) {
			in.retry = append(in.retry, ref) // an attachment it needs went missing: keep trying
		}
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
			if g.seq <= in.seen[d] {
				continue
			}
			if g.seq != in.seen[d]+1 || !in.take(s, top, all, g) {
				break // a gap or a file still arriving: the rest of this laptop's segments wait for it
			}
			in.seen[d] = g.seq
		}
	}
	return in, nil
}

// take reads one segment and keeps its changes; false when it has not fully arrived yet (nor the
// attachments its records use), or comes from a newer Accord, and must be read again next time.
func (in *incoming) take(s *store.Store, top string, all []string, g segment) bool {
	_, entries, err := readSegment(g)
	switch {
	case errors.Is(err, errNotArrived):
		in.waiting++
		return false
	case errors.Is(err, errNewerSegment):
		in.unreadable++
		return false
	case err != nil: // complete (it matches its hash) yet unreadable: reading it again will not help
		in.unreadable++
		return true
	}
	var took []store.Version
	files := map[string][]byte{}
	setAside := 0
	for _, e := range entries {
		v, err := e.version()
		switch {
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
	if setAside > 0 && !slices.Contains(in.retry, g.ref()) {
		in.retry = append(in.retry, g.ref())
	}
	in.setAside += setAside
	return true
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
	st.Seen, st.Retry = in.seen, in.retry
	st.LastRound, st.LastIn, st.LastOut = in.now, rep.In, rep.Out
	b.State = st
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
