package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"accord/data"
)

// DraftFolder is where forms keep what they hold unsaved, inside the data folder: typing survives a crash
// or a power cut, and the next start offers it back. Drafts never travel with sync or backups.
const DraftFolder = "drafts"

// Draft is what a form held unsaved: the record as typed, and the record as it was when the form opened
// it (nil for a new one), so that saving it later still tells the user's changes from changes made
// elsewhere meanwhile.
type Draft struct {
	Key      string      `json:"-"`
	Kind     data.Kind   `json:"kind"`
	Kept     time.Time   `json:"kept"`
	Record   data.Record `json:"-"`
	Original data.Record `json:"-"`
}

// draftFile is a draft as written: records as their JSON, decoded by kind.
type draftFile struct {
	Kind     data.Kind       `json:"kind"`
	Kept     time.Time       `json:"kept"`
	Record   json.RawMessage `json:"record"`
	Original json.RawMessage `json:"original,omitempty"`
}

// draftOrder orders a form's draft writes and removals, which run in the background: one older than the last
// seen for its key (a keystroke's draft landing after the save that made it needless) is dropped.
type draftOrder struct {
	mu  sync.Mutex
	gen map[string]int
}

// KeepDraft writes what a form holds unsaved, whole (temporary file, fsync, rename) and readable only by
// this user. gen numbers the calls in the order the window made them: one older than the last for the key
// (a keystroke's draft landing after the save that made it needless) does nothing.
func (s *Store) KeepDraft(key string, gen int, r, original data.Record) error {
	s.draftOrder.mu.Lock()
	defer s.draftOrder.mu.Unlock()
	if !s.draftOrder.newer(key, gen) {
		return nil
	}
	f := draftFile{Kind: r.Kind(), Kept: s.Now().UTC()}
	var err error
	if f.Record, err = json.Marshal(r); err != nil {
		return fmt.Errorf("encode draft %s: %w", key, err)
	}
	if original != nil {
		if f.Original, err = json.Marshal(original); err != nil {
			return fmt.Errorf("encode draft %s: %w", key, err)
		}
	}
	dir := filepath.Join(s.Dir(), DraftFolder)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return data.FileProblem("A copy of what you are typing", dir, err)
	}
	path := filepath.Join(dir, draftName(key))
	err = WriteAtomically(path, func(w io.Writer) error { return json.NewEncoder(w).Encode(f) })
	if err != nil {
		return data.FileProblem("A copy of what you are typing", path, err)
	}
	return nil
}

// DropDraft removes a form's draft once its changes are saved or the user chose not to keep them.
func (s *Store) DropDraft(key string, gen int) error {
	s.draftOrder.mu.Lock()
	defer s.draftOrder.mu.Unlock()
	if !s.draftOrder.newer(key, gen) {
		return nil
	}
	err := os.Remove(filepath.Join(s.Dir(), DraftFolder, draftName(key)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func (d *draftOrder) newer(key string, gen int) bool {
	if d.gen == nil {
		d.gen = map[string]int{}
	}
	if last, ok := d.gen[key]; ok && gen < last {
		return false
	}
	d.gen[key] = gen
	return true
}

// Drafts are the drafts forms left behind, oldest first. One that cannot be read is named in the error
// and left where it is, so nothing is thrown away unseen.
func (s *Store) Drafts() ([]Draft, error) {
	dir := filepath.Join(s.Dir(), DraftFolder)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Draft
	var errs []error
	for _, e := range entries {
		key, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || e.IsDir() {
			continue
		}
		d, err := readDraft(filepath.Join(dir, e.Name()), key)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Kept.Before(out[j].Kept) })
	return out, errors.Join(errs...)
}

func readDraft(path, key string) (Draft, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Draft{}, fmt.Errorf("read draft %s: %w", path, err)
	}
	var f draftFile
	if err := json.Unmarshal(b, &f); err != nil {
		return Draft{}, fmt.Errorf("read draft %s: %w", path, err)
	}
	d := Draft{Key: key, Kind: f.Kind, Kept: f.Kept, Record: data.NewRecord(f.Kind)}
	if d.Record == nil {
		return Draft{}, fmt.Errorf("read draft %s: a record of kind %q", path, f.Kind)
	}
	if err := json.Unmarshal(f.Record, d.Record); err != nil {
		return Draft{}, fmt.Errorf("read draft %s: %w", path, err)
	}
	if len(f.Original) > 0 {
		d.Original = data.NewRecord(f.Kind)
		if err := json.Unmarshal(f.Original, d.Original); err != nil {
			return Draft{}, fmt.Errorf("read draft %s: %w", path, err)
		}
	}
	return d, nil
}

// draftName is a draft's file name: its key, made safe for any file system.
func draftName(key string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, key) + ".json"
}
