package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// Buckets and meta keys of sync (schema 3).
const (
	// bucketTombstones holds, under "kind/id", the stamp of each record deleted for good, so that the
	// deletion travels and an older copy arriving later does not bring the record back.
	bucketTombstones = "tombstones"
	// bucketConflicts holds, under "kind/id", the versions that lost a conflict with the record's current
	// one, until the user keeps one of them.
	bucketConflicts = "conflicts"
	keySync         = "sync"
	keyClock        = "clock"
	// keySegments is a bucket inside the meta bucket listing the segments read (see SegmentsRead). Inside
	// meta, it leaves the file's layout as an Accord of the same schema expects it.
	keySegments = "segments"
)

// MaxPrev is how many earlier stamps a version remembers. A version older than all of them that arrives
// late shows as a conflict rather than as an ancestor: one more to look at, nothing lost.
const MaxPrev = 20

// ErrChangedElsewhere is returned by Save when the stored record changed (a sync, another window) after
// the copy being saved was read: saving would overwrite that change. Get the record again, or show both.
var ErrChangedElsewhere = &data.PlainError{Message: "This record was changed elsewhere after you opened it.",
	Advice: "Your changes are not saved yet. Copy what you typed, open the record again, and make your changes there."}

// Version is one version of one record as sync carries it: the record's JSON as stored but without its
// rev (which counts changes in one database only), or a tombstone for a record deleted for good. (A version
// on its way out, from LocalChanges, still carries the rev it has here, to spare re-encoding every record
// sent: whoever reads it drops it, see ParseVersion.)
type Version struct {
	Kind data.Kind
	ID   string
	HLC  data.HLC
	Prev []string
	Gone bool            // a tombstone
	JSON json.RawMessage // the record; nil for a tombstone
	// decoded is the record as it was decoded when the version was read and checked, so that storing
	// it need not decode it again; nil when it was not.
	decoded data.Record
}

// Key names the record the version belongs to.
func (v Version) Key() string { return string(v.Kind) + "/" + v.ID }

// Same is true when both are the one version: the same stamp and the same content.
func (v Version) Same(o Version) bool {
	return v.HLC == o.HLC && v.Gone == o.Gone && bytes.Equal(v.JSON, o.JSON)
}

// Descends is true when v was made from o, or from a version made from it.
func (v Version) Descends(o Version) bool { return slices.Contains(v.Prev, o.HLC.String()) }

// tombstone is a Version with Gone set, as stored.
type tombstone struct {
	Kind data.Kind `json:"kind"`
	ID   string    `json:"id"`
	HLC  string    `json:"hlc"`
	Prev []string  `json:"prev,omitempty"`
	Rev  uint64    `json:"rev"`
}

// ParseVersion reads one record's JSON (as stored, or kept in the conflicts bucket) into a Version,
// checking that it decodes as a record of the kind and that its ID keeps the ID rule (data.IDProblems; a
// *data.Refusal says what is wrong). Its rev, if any, is dropped. Its JSON may be raw itself.
func ParseVersion(k data.Kind, raw []byte) (Version, error) {
	r := data.NewRecord(k)
	if r == nil {
		return Version{}, fmt.Errorf("a record of an unknown kind %q", k)
	}
	if err := json.Unmarshal(raw, r); err != nil {
		return Version{}, fmt.Errorf("%s: %w", k, err)
	}
	m := r.Common()
	if ps := data.IDProblems(k, m.ID); len(ps) > 0 {
		refusal := data.RefusalOf(r, &data.ValidationError{Problems: ps})
		return Version{}, &refusal
	}
	stripped, ok := quickWithoutRev(raw)
	if !ok {
		var err error
		if stripped, err = withoutRev(raw); err != nil {
			return Version{}, fmt.Errorf("%s %s: %w", k, m.ID, err)
		}
	}
	return Version{Kind: k, ID: m.ID, HLC: m.Stamp(), Prev: m.Prev, JSON: stripped, decoded: r}, nil
}

// AdmitVersion is ParseVersion for a version entering this laptop from another: the record must also keep
// every rule the window keeps (data.Admit), or a *data.Refusal names it and says why.
func AdmitVersion(k data.Kind, raw []byte) (Version, error) {
	v, err := ParseVersion(k, raw)
	if err != nil {
		return v, err
	}
	if err := data.Admit(v.decoded); err != nil {
		refusal := data.RefusalOf(v.decoded, err)
		return Version{}, &refusal
	}
	return v, nil
}

// Tombstone is the version that deletes a record for good.
func Tombstone(k data.Kind, id string, h data.HLC, prev []string) Version {
	return Version{Kind: k, ID: id, HLC: h, Prev: prev, Gone: true}
}

// withoutRev is a record's JSON without its rev, keeping every other field as it is (fields from a newer
// Accord too). Keys come out sorted, so the same record always gives the same bytes.
func withoutRev(raw []byte) ([]byte, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, err
	}
	delete(fields, "rev")
	return json.Marshal(fields)
}

// withRev is a version's JSON (which holds no rev: see withoutRev) with rev as its first field, as it is
// stored.
func withRev(version []byte, rev uint64) []byte {
	stored := fmt.Appendf(nil, `{"rev":%d`, rev)
	if len(version) <= len("{}") {
		return append(stored, '}')
	}
	return append(append(stored, ','), version[1:]...)
}

// ancestry is the Prev of a version made from one stamped h with ancestry prev.
func ancestry(h data.HLC, prev []string) []string {
	out := append([]string{h.String()}, prev...)
	return out[:min(len(out), MaxPrev)]
}

// SyncState is what sync remembers between rounds, in the meta bucket. Which segments of the other
// laptops this laptop has read is not a position in their numbering, which a deleted folder, a stray copy
// or a reused number would make wrong, but a fact about each segment's contents: see SegmentsRead.
type SyncState struct {
	// Folder is the shared folder last synced with; the positions below belong to it.
	Folder string `json:"folder,omitempty"`
	// OutRev: every local change up to this revision is in this laptop's segments in Folder.
	OutRev uint64 `json:"out_rev,omitempty"`
	// OutFrom and OutSeq are the numbers of the first and the last of this laptop's segments in Folder
	// that hold its changes up to OutRev: a folder missing any of them was emptied, replaced or cut back,
	// and gets everything again. (OutFrom 0, as an older Accord left it, means 1.)
	OutFrom uint64 `json:"out_from,omitempty"`
	OutSeq  uint64 `json:"out_seq,omitempty"`
	// SentRev is the highest revision ever sent, in any folder: a version up to it has been shared.
	SentRev uint64 `json:"sent_rev,omitempty"`
	// Unshared lists the records ("kind/id") this laptop has not sent because they break a rule; each
	// round looks at them again, and names them until they are fixed.
	Unshared []string `json:"unshared,omitempty"`
	// Retry lists segments (by identity, see SegmentsRead) holding changes set aside because their clock
	// was too far ahead; they are read again each round until nothing in them is set aside.
	Retry []string `json:"retry,omitempty"`
	// LastRound is when the last round finished, with what came in and went out.
	LastRound time.Time `json:"last_round,omitzero"`
	LastIn    int       `json:"last_in,omitempty"`
	LastOut   int       `json:"last_out,omitempty"`
}

// SyncState returns what sync remembers.
func (s *Store) SyncState() (SyncState, error) {
	var st SyncState
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		var err error
		st, err = syncStateOf(tx)
		return err
	})
	return st, err
}

func syncStateOf(tx *bolt.Tx) (SyncState, error) {
	var st SyncState
	raw := tx.Bucket([]byte(bucketMeta)).Get([]byte(keySync))
	if raw == nil {
		return st, nil
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return st, fmt.Errorf("meta %s: %w", keySync, err)
	}
	return st, nil
}

// SetSyncState stores what sync remembers.
func (s *Store) SetSyncState(st SyncState) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.update(func(tx *bolt.Tx) error { return s.putSyncState(tx, st, nil) })
}

// putSyncState stores st in the transaction, and notes the segments read (see SegmentsRead). The caller
// holds s.mu for writing.
func (s *Store) putSyncState(tx *bolt.Tx, st SyncState, read []string) error {
	st.SentRev = max(st.SentRev, st.OutRev, s.sentRev)
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	meta := tx.Bucket([]byte(bucketMeta))
	if err := meta.Put([]byte(keySync), b); err != nil {
		return err
	}
	if len(read) > 0 {
		segs, err := meta.CreateBucketIfNotExists([]byte(keySegments))
		if err != nil {
			return err
		}
		for _, id := range read {
			if err := segs.Put([]byte(id), nil); err != nil {
				return err
			}
		}
	}
	s.sentRev = st.SentRev
	return nil
}

// SegmentsRead returns the identities (see SyncBatch.Read) of the other laptops' segments whose contents
// this laptop has taken in, or set aside for good. A segment is read once for what it holds, wherever it
// lies and whatever number it has; one whose contents are new here is read even under a number seen
// before. The set travels with the data: a backup restored knows exactly which segments its records hold.
func (s *Store) SegmentsRead() (map[string]bool, error) {
	read := map[string]bool{}
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		segs := tx.Bucket([]byte(bucketMeta)).Bucket([]byte(keySegments))
		if segs == nil {
			return nil
		}
		return segs.ForEach(func(k, _ []byte) error {
			read[string(k)] = true
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read which sync segments were read: %w", err)
	}
	return read, nil
}

// Changes are the local changes to share: their versions, the records among them that cannot be shared
// because they break a rule (an ID with a slash, say, from an earlier import), and the store's revision
// they are complete up to.
type Changes struct {
	Versions  []Version
	NotShared []data.Refusal
	Upto      uint64
}

// LocalChanges returns the versions (records and tombstones) changed after revision since, from one
// consistent view. A record that breaks a rule is left out and named in NotShared, and the rest go: one
// bad record never stops sync. Records named in unshared ("kind/id", those a previous round left out) are
// looked at again whatever their revision: named each round while they break a rule, sent once they keep
// them all.
func (s *Store) LocalChanges(since uint64, unshared []string) (Changes, error) {
	if err := s.indexed(); err != nil {
		return Changes{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := Changes{Upto: s.rev}
	again := map[string]bool{}
	for _, key := range unshared {
		again[key] = true
	}
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		for _, k := range data.RecordKinds {
			records := tx.Bucket([]byte(k))
			for id, r := range s.records[k] {
				if r.Common().Rev <= since && !again[string(k)+"/"+id] {
					continue
				}
				if err := data.Admit(r); err != nil {
					c.NotShared = append(c.NotShared, data.RefusalOf(r, err))
					continue
				}
				raw := records.Get([]byte(id))
				if raw == nil {
					return fmt.Errorf("%s %s: %w", k, id, ErrNotFound)
				}
				raw, err := unseal(k, []byte(id), raw)
				if err != nil {
					return err
				}
				m := r.Common()
				v := Version{Kind: k, ID: id, HLC: m.Stamp(), Prev: m.Prev, JSON: bytes.Clone(raw)} // with its rev: see Version
				if c.Versions, err = appendWithLosers(tx, c.Versions, v); err != nil {
					return err
				}
			}
		}
		return tx.Bucket([]byte(bucketTombstones)).ForEach(func(key, raw []byte) error {
			t, err := decodeTombstone(key, raw)
			if errors.As(err, new(*DamagedRecord)) {
				return nil // not shared: check names it, and repair takes it back
			}
			if err != nil || t.Rev <= since {
				return err
			}
			if refusal := data.IDRefusal(t.Kind, t.ID); refusal != nil {
				c.NotShared = append(c.NotShared, *refusal)
				return nil
			}
			c.Versions, err = appendWithLosers(tx, c.Versions, t.version())
			return err
		})
	})
	if err != nil {
		return Changes{}, fmt.Errorf("read the changes to share: %w", err)
	}
	slices.SortFunc(c.NotShared, func(a, b data.Refusal) int { return strings.Compare(a.Key(), b.Key()) })
	return c, nil
}

// appendWithLosers appends a version to share and the versions that lost a conflict with it here. Those
// travel with it, as the merge would settle them anyway: a version another laptop took in from a segment
// since deleted (with its laptop's folder) reaches the others this way, so every laptop keeps the same
// conflicts. A losing version that breaks a rule (from an older Accord) stays here.
func appendWithLosers(tx *bolt.Tx, vs []Version, v Version) ([]Version, error) {
	losers, err := conflictsOf(tx, v.Kind, []byte(v.Key()))
	if err != nil {
		return vs, err
	}
	vs = append(vs, v)
	for _, l := range losers {
		if l.Gone {
			vs = append(vs, l)
		} else if _, err := AdmitVersion(l.Kind, l.JSON); err == nil {
			vs = append(vs, l)
		}
	}
	return vs, nil
}

// decodeTombstone reads the tombstone stored under key, or returns a *DamagedRecord naming it when its
// bytes no longer match their checksum.
func decodeTombstone(key, stored []byte) (tombstone, error) {
	var t tombstone
	raw, err := unseal(bucketTombstones, key, stored)
	if err != nil {
		return t, err
	}
	if err := json.Unmarshal(raw, &t); err != nil {
		return t, fmt.Errorf("tombstone: %w", err)
	}
	return t, nil
}

func (t tombstone) version() Version {
	h, _ := data.ParseHLC(t.HLC)
	return Tombstone(t.Kind, t.ID, h, t.Prev)
}

// Held is what this laptop holds of one record: its current version (a tombstone for a record deleted for
// good; ok false when it has never heard of the record) and the versions that lost a conflict with it.
type Held struct {
	Current Version
	OK      bool
	Losers  []Version
}

// Settled is what a record is to become: its winning version, and the conflicting versions kept beside it
// (tombstones among them are kept but never shown).
type Settled struct {
	Winner Version
	Losers []Version
}

// SyncBatch is one round's incoming changes, written in one transaction: the records settled, the
// attachment files they need (by SHA-256), what sync remembers after, and the segments whose contents the
// batch takes in — each named by its identity, the start of the SHA-256 of the file (see SegmentsRead).
type SyncBatch struct {
	Records []Settled
	Files   map[string][]byte
	State   SyncState
	Read    []string
}

// SyncView is what a sync plan sees of the store: its revision, and what it holds of each record.
type SyncView struct {
	Rev  uint64
	Held func(k data.Kind, id string) (Held, error)
}

// ApplySync runs plan with a view of what the store holds and writes the batch it returns in one
// transaction, holding the store's lock throughout so that no save comes between the two. When the batch
// changes anything, the store is backed up first (see BackupBeforeSync) and the backup's path returned.
// Records are written exactly as they arrived (fields from a newer Accord kept), under new revisions of
// this store. When nothing had changed here since the last outgoing segment, the new revisions count as
// shared too, so the next round does not send them back.
func (s *Store) ApplySync(plan func(v SyncView) (SyncBatch, error)) (backup string, err error) {
	if err := s.indexed(); err != nil {
		return "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.deviceID(); err != nil {
		return "", err
	}
	var b SyncBatch
	err = s.db.Load().View(func(tx *bolt.Tx) error {
		var err error
		b, err = plan(SyncView{Rev: s.rev, Held: func(k data.Kind, id string) (Held, error) { return held(tx, k, id) }})
		return err
	})
	if err != nil {
		return "", err
	}
	if len(b.Records)+len(b.Files) > 0 && s.holdsRecords() {
		if backup, err = s.backupBeforeSync(); err != nil {
			return "", fmt.Errorf("back up before the sync: %w", err)
		}
	}
	return backup, s.writeSync(b)
}

// held reads what the transaction holds of one record.
func held(tx *bolt.Tx, k data.Kind, id string) (Held, error) {
	var h Held
	key := []byte(string(k) + "/" + id)
	if stored := tx.Bucket([]byte(k)).Get([]byte(id)); stored != nil {
		raw, err := unseal(k, []byte(id), stored)
		var d *DamagedRecord
		if errors.As(err, &d) {
			// Held as nothing: a version from another laptop takes the damaged one's place.
			return h, nil
		}
		v, err := ParseVersion(k, bytes.Clone(raw)) // raw lasts only as long as tx
		if err != nil {
			return h, err
		}
		h.Current, h.OK = v, true
	} else if raw := tx.Bucket([]byte(bucketTombstones)).Get(key); raw != nil {
		t, err := decodeTombstone(key, raw)
		switch {
		case errors.As(err, new(*DamagedRecord)):
			// Held as nothing, like a damaged record: the deletion may come again from another laptop.
		case err != nil:
			return h, err
		default:
			h.Current, h.OK = t.version(), true
		}
	}
	losers, err := conflictsOf(tx, k, key)
	h.Losers = losers
	return h, err
}

// keptVersion is one losing version as the conflicts bucket keeps it: a record's JSON, or a tombstone
// (never shown, but kept so that the versions it deleted do not show as conflicts either).
type keptVersion struct {
	Record json.RawMessage `json:"record,omitempty"`
	Gone   *tombstone      `json:"gone,omitempty"`
}

// conflictsOf reads the versions that lost a conflict over the record under key. Damaged ones read as
// none: check names them, and repair takes them back.
func conflictsOf(tx *bolt.Tx, k data.Kind, key []byte) ([]Version, error) {
	stored := tx.Bucket([]byte(bucketConflicts)).Get(key)
	if stored == nil {
		return nil, nil
	}
	raw, err := unseal(bucketConflicts, key, stored)
	if err != nil {
		return nil, nil
	}
	var list []keptVersion
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("conflicts of %s: %w", key, err)
	}
	out := make([]Version, 0, len(list))
	for _, kept := range list {
		if kept.Gone != nil {
			out = append(out, kept.Gone.version())
			continue
		}
		v, err := ParseVersion(k, kept.Record)
		if err != nil {
			return nil, fmt.Errorf("conflicts of %s: %w", key, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// syncBatch is how many records a sync writes in one transaction: bbolt holds every page a transaction
// writes in memory until it commits, and a first sync of 10,000 partners wrote 47 MB of them in one.
var syncBatch = 5000 // a variable, so a test can write a few records a transaction

// writeSync writes a batch and indexes it, syncBatch records to a transaction, the last with the files and
// the sync state. A sync stopped halfway has written some of its records but not that their segments
// were read: the next round reads them again, finds those records already here, and writes the rest. The
// caller holds s.mu for writing.
func (s *Store) writeSync(b SyncBatch) error {
	if b.State.OutRev == s.rev {
		b.State.OutRev = s.rev + uint64(len(b.Records))
	}
	entries, err := s.syncedEntries(b.Records)
	last := 0 // where the last transaction's records start
	for ; err == nil && last+syncBatch < len(b.Records); last += syncBatch {
		err = s.writeSettled(b.Records[last:last+syncBatch], entries[last:last+syncBatch], nil)
	}
	if err == nil {
		err = s.writeSettled(b.Records[last:], entries[last:], func(tx *bolt.Tx) error {
			files := tx.Bucket([]byte(bucketAttachments))
			for sha, content := range b.Files {
				if err := files.Put([]byte(sha), content); err != nil {
					return err
				}
			}
			return s.putSyncState(tx, b.State, b.Read)
		})
	}
	if err != nil {
		if p := data.OSProblem("The changes from the sync folder", s.path, err); p != nil {
			err = p
		}
		return fmt.Errorf("apply %d synced records: %w", len(b.Records), err)
	}
	return nil
}

// writeSettled writes settled records in one transaction under the store's next revisions, with extra
// work (if any) in it, and indexes them once it is committed. The caller holds s.mu for writing.
func (s *Store) writeSettled(sets []Settled, entries []indexEntry, extra func(tx *bolt.Tx) error) error {
	rev := s.rev
	err := s.update(func(tx *bolt.Tx) error {
		for i, set := range sets {
			rev++
			if err := putSettled(tx, set, entries[i].record, rev); err != nil {
				return fmt.Errorf("%s: %w", set.Winner.Key(), err)
			}
			for _, v := range append([]Version{set.Winner}, set.Losers...) {
				s.clock.Observe(v.HLC)
			}
		}
		if err := s.putRev(tx, rev); err != nil || extra == nil {
			return err
		}
		return extra(tx)
	})
	if err != nil {
		return err
	}
	s.rev = rev
	for i, set := range sets {
		s.unindex(set.Winner.Kind, set.Winner.ID)
		if entries[i].record != nil {
			s.index(entries[i])
		}
	}
	return nil
}

// syncedEntries readies the winning version of each record for the index (none for a tombstone), decoding
// it where the merge has not, on every core: folding the search text of a first sync of 10,000 partners
// took a tenth of it, inside its one transaction. The caller holds s.mu for writing.
func (s *Store) syncedEntries(sets []Settled) ([]indexEntry, error) {
	entries, errs := make([]indexEntry, len(sets)), make([]error, len(sets))
	search := s.text != nil
	inParts(len(sets), copiesOnEveryCore, func(from, to int) {
		for i := from; i < to; i++ {
			w := sets[i].Winner
			if w.Gone {
				continue
			}
			r := w.decoded
			if r == nil {
				r = data.NewRecord(w.Kind)
				if err := json.Unmarshal(w.JSON, r); err != nil {
					errs[i] = fmt.Errorf("%s: %w", w.Key(), err)
					continue
				}
			}
			entries[i] = entryOf(r, search)
		}
	})
	return entries, errors.Join(errs...)
}

// putSettled writes one record's settled state under revision rev; r is the winner decoded (nil for a
// tombstone), which takes the revision.
func putSettled(tx *bolt.Tx, set Settled, r data.Record, rev uint64) error {
	w := set.Winner
	key := []byte(w.Key())
	records, tombs := tx.Bucket([]byte(w.Kind)), tx.Bucket([]byte(bucketTombstones))
	records.FillPercent = fillPercent
	if w.Gone {
		t, _ := json.Marshal(tombstone{w.Kind, w.ID, w.HLC.String(), w.Prev, rev})
		if err := errors.Join(records.Delete([]byte(w.ID)), tombs.Put(key, seal(t))); err != nil {
			return err
		}
	} else {
		r.Common().Rev = rev
		if err := errors.Join(records.Put([]byte(w.ID), seal(withRev(w.JSON, rev))), tombs.Delete(key)); err != nil {
			return err
		}
	}
	return putConflicts(tx, key, set.Losers)
}

// putConflicts stores the losing versions of one record, or clears them.
func putConflicts(tx *bolt.Tx, key []byte, losers []Version) error {
	b := tx.Bucket([]byte(bucketConflicts))
	if len(losers) == 0 {
		return b.Delete(key)
	}
	list := make([]keptVersion, len(losers))
	for i, v := range losers {
		list[i].Record = v.JSON
		if v.Gone {
			list[i].Gone = &tombstone{v.Kind, v.ID, v.HLC.String(), v.Prev, 0}
		}
	}
	raw, err := json.Marshal(list)
	if err != nil {
		return err
	}
	return b.Put(key, seal(raw))
}

// unindex takes a record out of the in-memory index. The caller holds s.mu for writing.
func (s *Store) unindex(k data.Kind, id string) {
	delete(s.records[k], id)
	delete(s.text, id)
	delete(s.titles, id)
	s.changedKind(k)
}

// HasAttachment is true when the store holds the file with that SHA-256.
func (s *Store) HasAttachment(sha string) bool {
	found := false
	s.db.Load().View(func(tx *bolt.Tx) error {
		found = tx.Bucket([]byte(bucketAttachments)).Get([]byte(sha)) != nil
		return nil
	})
	return found
}

// Attachments lists the SHA-256 keys of the files a record's JSON uses.
func Attachments(v Version) []string {
	if v.Gone || v.Kind != data.KindAgreement || !bytes.Contains(v.JSON, []byte(`"attachments"`)) {
		return nil
	}
	var a data.Agreement
	if json.Unmarshal(v.JSON, &a) != nil {
		return nil
	}
	return attachmentsOf(&a)
}

// loadSync reads the clock and the shared revision when the store opens.
func (s *Store) loadSync(tx *bolt.Tx) error {
	meta := tx.Bucket([]byte(bucketMeta))
	if raw := meta.Get([]byte(keyClock)); raw != nil {
		h, err := data.ParseHLC(string(raw))
		if err != nil {
			return fmt.Errorf("meta %s: %w", keyClock, err)
		}
		s.clock.Observe(h)
	}
	st, err := syncStateOf(tx)
	s.sentRev = st.SentRev
	return err
}
