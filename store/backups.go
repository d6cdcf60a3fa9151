package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"accord/data"
)

// BackupReason says why a backup in the backups folder was made; it starts the backup's file name.
type BackupReason string

const (
	ReasonDaily   BackupReason = "daily"          // the first time Accord opens on a day
	ReasonManual  BackupReason = "manual"         // `accord backup` with no -o
	ReasonRestore BackupReason = "before-restore" // the data as it was before a restore replaced it
	ReasonImport  BackupReason = "before-import"
	ReasonUpgrade BackupReason = "before-upgrade" // named before-upgrade-from-vN, N the old schema
	ReasonSync    BackupReason = "before-sync"    // at most one an hour, before a sync changes anything
)

// Description is the English phrase (a translation key) the window shows for the reason.
// i18n:keys: shown translated, so each string here is a translation key.
func (r BackupReason) Description() string {
	switch r {
	case ReasonDaily:
		return "Daily backup"
	case ReasonManual:
		return "Backup made by hand"
	case ReasonRestore:
		return "Before a restore"
	case ReasonImport:
		return "Before an import"
	case ReasonSync:
		return "Before a sync"
	}
	return "Before an upgrade of Accord"
}

// Rotation: the newest KeepDaily daily backups, the newest daily backup of each of the KeepWeekly most recent
// weeks (ISO weeks), the newest KeepSync before-sync backups (sync may make one an hour, and the daily ones
// keep the longer past), and every other backup for KeepOtherDays days. The newest backup of all is always
// kept.
const (
	KeepDaily     = 7
	KeepWeekly    = 4
	KeepSync      = 3
	KeepOtherDays = 30
)

// SyncBackupEvery is how often, at most, sync backs up before it applies changes.
const SyncBackupEvery = time.Hour

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path   string
	Reason BackupReason
	Made   time.Time // from the name, in UTC
	Size   int64
	seq    int // 2, 3… when several were made in one second
}

// stampLayout is the time in a backup's name: UTC, so names sort by time whatever the laptop's time zone.
const stampLayout = "20060102-150405"

var backupName = regexp.MustCompile(`^(daily|manual|before-restore|before-import|before-sync|before-upgrade-from-v\d+)-(\d{8}-\d{6})(?:-(\d+))?\.db$`)

// parseBackupName reads a backup's reason and time from its file name; ok is false for any other file.
func parseBackupName(name string) (reason BackupReason, made time.Time, seq int, ok bool) {
	m := backupName.FindStringSubmatch(name)
	if m == nil {
		return "", time.Time{}, 0, false
	}
	made, err := time.Parse(stampLayout, m[2])
	if err != nil {
		return "", time.Time{}, 0, false
	}
	reason = BackupReason(m[1])
	if strings.HasPrefix(m[1], string(ReasonUpgrade)) {
		reason = ReasonUpgrade
	}
	seq, _ = strconv.Atoi(m[3])
	return reason, made, seq, true
}

// newBackupPath names a new backup in the data folder's backups folder, making the folder if needed.
func newBackupPath(folder string, reason BackupReason, now time.Time) (string, error) {
	dir, err := makeBackupFolder(folder)
	if err != nil {
		return "", err
	}
	base := filepath.Join(dir, string(reason)+"-"+now.UTC().Format(stampLayout))
	path := base + ".db"
	for n := 2; exists(path); n++ {
		path = fmt.Sprintf("%s-%d.db", base, n)
	}
	return path, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// ListBackups lists the backups in the data folder's backups folder, newest first. Files whose names are
// not those of Accord's backups are left out (and never removed).
func ListBackups(folder string) ([]BackupFile, error) {
	dir := filepath.Join(folder, BackupFolder)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", dir, err)
	}
	var out []BackupFile
	for _, e := range entries {
		reason, made, seq, ok := parseBackupName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		b := BackupFile{Path: filepath.Join(dir, e.Name()), Reason: reason, Made: made, seq: seq}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Made.Equal(out[j].Made) {
			return out[i].Made.After(out[j].Made)
		}
		return out[i].seq > out[j].seq
	})
	return out, nil
}

// expired picks the backups rotation removes from a list sorted newest first; days and weeks are those of
// now's time zone, the user's calendar.
func expired(backups []BackupFile, now time.Time) []BackupFile {
	loc := now.Location()
	days, weeks := map[data.Date]bool{}, map[[2]int]bool{}
	syncs := 0
	var out []BackupFile
	for i, b := range backups {
		keep := i == 0 // the newest backup of all, whatever it is
		if b.Reason == ReasonDaily {
			local := b.Made.In(loc)
			day := data.DateOf(local)
			year, week := local.ISOWeek()
			if !days[day] && len(days) < KeepDaily {
				days[day], keep = true, true
			}
			if !weeks[[2]int{year, week}] && len(weeks) < KeepWeekly {
				weeks[[2]int{year, week}], keep = true, true
			}
		} else if b.Reason == ReasonSync {
			syncs++
			keep = keep || syncs <= KeepSync
		} else if now.Sub(b.Made) < KeepOtherDays*24*time.Hour {
			keep = true
		}
		if !keep {
			out = append(out, b)
		}
	}
	return out
}

// madeToday is true when a daily backup exists from today, in now's time zone.
func madeToday(backups []BackupFile, now time.Time) bool {
	today := data.DateOf(now)
	for _, b := range backups {
		if b.Reason == ReasonDaily && data.DateOf(b.Made.In(now.Location())) == today {
			return true
		}
	}
	return false
}

// Backup writes a backup into the data folder's backups folder, named for why it was made, and returns its
// path. It then removes the backups rotation no longer keeps, as best it can: the new backup is what
// matters, and DailyCare reports a rotation that fails.
func (s *Store) Backup(reason BackupReason) (string, error) {
	path, err := newBackupPath(s.Dir(), reason, s.Now())
	if err == nil {
		err = s.BackupTo(path)
	}
	if err != nil {
		return "", err
	}
	rotate(s.Dir(), s.Now())
	return path, nil
}

// backupBeforeSync backs up before a sync applies changes, unless a before-sync backup was made within
// SyncBackupEvery: sync runs every few minutes, and one backup an hour is plenty beside the daily ones. It
// returns the new backup's path, or "" when none was needed.
func (s *Store) backupBeforeSync() (string, error) {
	backups, err := ListBackups(s.Dir())
	if err != nil {
		return "", err
	}
	now := s.Now()
	for _, b := range backups {
		if b.Reason == ReasonSync && now.Sub(b.Made) < SyncBackupEvery && !b.Made.After(now) {
			return "", nil
		}
	}
	return s.Backup(ReasonSync)
}

// rotate removes the backups rotation no longer keeps, and half-written ones a killed Accord left.
func rotate(folder string, now time.Time) error {
	backups, err := ListBackups(folder)
	if err != nil {
		return err
	}
	removeStale(filepath.Join(folder, BackupFolder), now, isPartialBackup)
	for _, b := range expired(backups, now) {
		if err := os.Remove(b.Path); err != nil {
			return fmt.Errorf("remove an old backup: %w", err)
		}
	}
	return nil
}

// CareReport says what DailyCare did.
type CareReport struct {
	Backup string // today's automatic backup; empty when one had already been made today
	Purged int    // records removed from the Trash after TrashDays
}

// DailyCare makes today's automatic backup unless one exists, removes backups rotation no longer keeps,
// and empties the Trash of records deleted more than TrashDays ago — in that order, so a purged record is
// still in the day's backup. The window runs it off the UI goroutine each time it opens the data.
func (s *Store) DailyCare() (CareReport, error) {
	var rep CareReport
	now := s.Now()
	backups, err := ListBackups(s.Dir())
	if err == nil && !madeToday(backups, now) {
		rep.Backup, err = s.Backup(ReasonDaily)
	}
	if err == nil {
		err = rotate(s.Dir(), now)
	}
	purged, perr := s.PurgeTrash()
	rep.Purged = purged
	err = errors.Join(err, perr)
	if errors.Is(err, berrors.ErrDatabaseNotOpen) {
		return rep, nil // the window closed the store meanwhile, to restore a backup: nothing is owed
	}
	return rep, err
}

// BackupBeforeImport backs up the data before an import writes to it, as every import does, and returns
// the backup's path; "" when the data folder holds no record yet, so there is nothing to keep. It looks in
// the file, not the index, which a one-shot import does not load.
func (s *Store) BackupBeforeImport() (string, error) {
	held := false
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		for _, k := range data.RecordKinds {
			if first, _ := tx.Bucket([]byte(k)).Cursor().First(); first != nil {
				held = true
			}
		}
		return nil
	})
	if err != nil || !held {
		return "", err
	}
	path, err := s.Backup(ReasonImport)
	if err != nil {
		return "", fmt.Errorf("back up before the import: %w", err)
	}
	return path, nil
}
