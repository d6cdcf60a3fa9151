package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"accord/data"
)

// Contents is what a database holds, for a person choosing a backup.
type Contents struct {
	Live         data.Counts // records not in the Trash
	Trashed      int         // records in the Trash
	Organisation string
	LastChange   time.Time // the newest change to any record; zero when there is none
	// Flawed names the records that break a rule (from an older Accord, say): a restore keeps them, and
	// sync leaves them out until they are fixed.
	Flawed []data.Refusal
}

// Contents counts what the store holds.
func (s *Store) Contents() Contents {
	s.indexed()
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := Contents{Live: data.Counts{}}
	for k, byID := range s.records {
		for _, r := range byID {
			m := r.Common()
			if m.Deleted {
				c.Trashed++
			} else {
				c.Live[k]++
			}
			if m.UpdatedAt.After(c.LastChange) {
				c.LastChange = m.UpdatedAt
			}
		}
	}
	if o, ok := s.records[data.KindOrganisation][data.OrganisationID].(*data.Organisation); ok {
		c.Organisation = o.Name
	}
	c.Flawed = s.flawed()
	return c
}

// Describe says what the contents are in one line, translated with t and count.
func (c Contents) Describe(t data.Translate, count data.Count) string {
	text := c.Live.Phrase(t, count)
	if c.Trashed > 0 {
		text += t(", and %d in the Trash", c.Trashed)
	}
	return text
}

// DescribeFlawed says which records break a rule and what that means, one line each, translated with t;
// nothing when every record keeps the rules.
func (c Contents) DescribeFlawed(t func(string, ...any) string) []string {
	if len(c.Flawed) == 0 {
		return nil
	}
	out := []string{t("These records break Accord's rules, perhaps from an older Accord. They are kept, but not shared with your other laptops until they are fixed:")}
	for _, f := range c.Flawed {
		out = append(out, f.Describe(t))
	}
	return out
}

// BackupInfo is what a backup that passed its check holds.
type BackupInfo struct {
	Contents
	Path   string
	Schema int // the layout of its data; an older one is upgraded when restored
}

// InspectBackup checks a backup as Open checks a database — every page read, bbolt's consistency check,
// every record decoded — without changing it, and says what it holds. A backup it refuses gives a
// *PlainError.
func InspectBackup(path string, opt Options) (BackupInfo, error) {
	opt = opt.withDefaults()
	info, current, err := examineBackup(path, path, opt)
	if err != nil || current {
		return info, err
	}
	// An older Accord made it: to decode every record, upgrade a copy.
	dir, err := os.MkdirTemp("", "accord-backup-")
	if err != nil {
		return info, fmt.Errorf("make a folder to check the backup in: %w", err)
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, FileName)
	if err := copyFile(path, tmp); err != nil {
		return info, unreadableBackup(path, err)
	}
	return upgradeBackup(tmp, path, opt)
}

// examineBackup runs Open's read-only check on the file at path; name is the backup as the user knows it.
// current is false for a backup of an older schema, whose records the check does not decode.
func examineBackup(path, name string, opt Options) (info BackupInfo, current bool, err error) {
	if _, err := os.Stat(path); err != nil {
		return info, false, unreadableBackup(name, err)
	}
	probe := &Store{path: path, Now: opt.Now}
	seen, err := probe.examine(opt.LockTimeout)
	switch {
	case data.CodeOf(err) == data.CodeNewer:
		return info, false, &data.PlainError{Message: "This backup was made by a newer version of Accord.",
			Advice: "Install the newest Accord to restore it. Your data has not been changed.", Err: err}
	case data.CodeOf(err) == data.CodeDamaged:
		return info, false, damagedBackup(err)
	case err != nil:
		return info, false, unreadableBackup(name, err)
	case seen.version == 0:
		return info, false, &data.PlainError{Message: "This file holds no Accord data.",
			Advice: "Your data has not been changed. Choose a backup made by Accord: its name ends in .db."}
	}
	info = BackupInfo{Path: name, Schema: seen.version}
	if damaged := probe.Damaged(); len(damaged) > 0 {
		return info, false, damagedBackup(damaged[0])
	}
	if seen.indexed {
		info.Contents = probe.Contents()
	}
	return info, seen.indexed, nil
}

// upgradeBackup opens a copy of an older backup, which upgrades it and decodes every record.
func upgradeBackup(path, name string, opt Options) (BackupInfo, error) {
	s, err := Open(path, opt)
	if err != nil {
		return BackupInfo{}, damagedBackup(err)
	}
	defer s.Close()
	return BackupInfo{Contents: s.Contents(), Path: name, Schema: SchemaVersion}, nil
}

// damagedBackup refuses a backup holding a record whose bytes no longer match their checksum: restoring it
// would bring back a file with a record missing.
func damagedBackup(err error) error {
	return &data.PlainError{Message: "This backup is damaged, so it cannot be restored.",
		Advice: "Your data has not been changed. Choose another backup.", Err: err}
}

func unreadableBackup(name string, err error) error {
	return &data.PlainError{Message: "Accord cannot read the backup %s.", Args: []any{name},
		Advice: "If it is on a USB stick, check that the stick is plugged in, then try again. Your data has not been changed.", Err: err}
}

// RestoreResult says what a restore did.
type RestoreResult struct {
	Restored BackupInfo // the backup now in use, as its check found it
	// Previous keeps the data as it was before: a before-restore backup, or — when that data could not be
	// opened — the damaged file itself, set aside untouched. Empty when there was no data.
	Previous string
	Damaged  bool
	// Refused are the backups that failed their check before a good one was found, newest first.
	Refused []error
}

// Restore replaces the database at dbPath with the backup at from. No Accord may have the database open:
// the window closes its store first, and an Accord that still holds it makes Restore refuse. A copy of
// the backup is made beside the database and checked as Open checks a file; only if it passes is the
// current data kept (see RestoreResult.Previous) and the copy renamed over the database, which is atomic:
// a pulled plug leaves either the old data or the restored data, never a mixture.
func Restore(dbPath, from string, opt Options) (RestoreResult, error) {
	return restoreFirstGood(dbPath, []string{from}, opt)
}

// RestoreNewest restores the newest backup in the data folder's backups folder that passes its check, for
// a database that cannot be opened.
func RestoreNewest(dbPath string, opt Options) (RestoreResult, error) {
	backups, err := ListBackups(filepath.Dir(dbPath))
	if err != nil {
		return RestoreResult{}, unreadableBackup(filepath.Join(filepath.Dir(dbPath), BackupFolder), err)
	}
	if len(backups) == 0 {
		return RestoreResult{}, &data.PlainError{Message: "There is no backup in %s.", Args: []any{filepath.Join(filepath.Dir(dbPath), BackupFolder)},
			Advice: "Your data has not been changed. If you have a backup elsewhere, such as on a USB stick, restore that one."}
	}
	paths := make([]string, len(backups))
	for i, b := range backups {
		paths[i] = b.Path
	}
	return restoreFirstGood(dbPath, paths, opt)
}

func restoreFirstGood(dbPath string, candidates []string, opt Options) (RestoreResult, error) {
	opt = opt.withDefaults()
	// The checked copy; if this Accord is stopped before the end, the next Open removes it.
	staged := dbPath + restoringSuffix
	defer os.Remove(staged) // gone already once renamed into place
	var res RestoreResult
	for _, c := range candidates {
		info, err := stage(c, staged, opt)
		if err == nil {
			res.Restored = info
			break
		}
		res.Refused = append(res.Refused, err)
	}
	switch {
	case len(res.Refused) == len(candidates) && len(candidates) == 1:
		return res, res.Refused[0]
	case len(res.Refused) == len(candidates):
		return res, &data.PlainError{Message: "None of the backups could be restored: each is damaged or cannot be read.",
			Advice: "Your data has not been changed. If you have a backup elsewhere, such as on a USB stick, restore that one.", Err: errors.Join(res.Refused...)}
	}
	var err error
	if res.Previous, res.Damaged, err = keepCurrent(dbPath, opt); err != nil {
		return res, err
	}
	if err := os.Rename(staged, dbPath); err != nil {
		return res, data.FileProblem("The restored data", dbPath, err)
	}
	syncDir(filepath.Dir(dbPath))
	return res, nil
}

// stage copies a backup to staged, beside the database, and checks the copy: what is checked is exactly
// what will be renamed into place.
func stage(from, staged string, opt Options) (BackupInfo, error) {
	if _, err := os.Stat(from); err != nil {
		return BackupInfo{}, unreadableBackup(from, err)
	}
	if err := copyFile(from, staged); err != nil {
		return BackupInfo{}, data.FileProblem("A copy of the backup", staged, err)
	}
	info, current, err := examineBackup(staged, from, opt)
	if err == nil && !current {
		info, err = upgradeBackup(staged, from, opt)
	}
	if err != nil {
		os.Remove(staged)
	}
	return info, err
}

// keepCurrent keeps the database as it is before a restore replaces it: backed up when it can be opened
// (or was written by a newer Accord), copied aside under a new name when it is damaged. An Accord that has
// it open makes it refuse, with Open's own error.
func keepCurrent(dbPath string, opt Options) (kept string, damaged bool, err error) {
	if _, err := os.Stat(dbPath); errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	probe := &Store{path: dbPath, Now: opt.Now}
	_, err = probe.examine(opt.LockTimeout)
	switch {
	case err == nil, data.CodeOf(err) == data.CodeNewer:
		kept, err = backupClosed(filepath.Dir(dbPath), dbPath, ReasonRestore, opt)
		return kept, false, err
	case data.CodeOf(err) == data.CodeDamaged:
		kept = asideName(dbPath, opt.Now())
		if err := copyFile(dbPath, kept); err != nil {
			return "", true, data.FileProblem("A copy of the damaged file", kept, err)
		}
		return kept, true, nil
	}
	return "", false, err
}

// asideName names the place a damaged database is kept: accord.db.damaged-YYYYMMDD-HHMMSS (UTC, like the
// backups), never the name of a file that exists.
func asideName(dbPath string, now time.Time) string {
	base := dbPath + ".damaged-" + now.UTC().Format(stampLayout)
	path := base
	for n := 2; exists(path); n++ {
		path = fmt.Sprintf("%s-%d", base, n)
	}
	return path
}
