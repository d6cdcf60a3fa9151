package store

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// PrintedFolder is the folder of the data folder where the window writes PDFs for the system's viewer.
const PrintedFolder = "printed"

// restoringSuffix names a restore's checked copy of a backup, beside the database it is about to replace.
const restoringSuffix = ".restoring"

// leftoverAge is how long a file must have lain untouched before it counts as left behind by an Accord that
// was stopped halfway. A file being written changes as it is written, and a restore in another Accord —
// which does not hold the database while it copies and checks a backup — touches its copy every few
// seconds; ten minutes leaves room for the slowest disk.
const leftoverAge = 10 * time.Minute

// removeLeftovers removes what an Accord stopped halfway left in the data folder of the database at dbPath:
// a restore's checked copy of a backup (accord.db.restoring, a full copy of the group's personal data,
// which nothing else would ever remove), and files written under a temporary ".partial" name — copies
// beside the database, backups, PDFs for the viewer, drafts. Open calls it once it holds the database;
// what cannot be removed now is tried again next time.
func removeLeftovers(dbPath string, now time.Time) {
	folder, name := filepath.Split(dbPath)
	removeStale(folder, now, func(n string) bool {
		return n == name+restoringSuffix || strings.HasPrefix(n, name+".") && strings.HasSuffix(n, ".partial")
	})
	removeStale(filepath.Join(folder, BackupFolder), now, isPartialBackup)
	for _, sub := range []string{PrintedFolder, DraftFolder} {
		removeStale(filepath.Join(folder, sub), now, func(n string) bool { return strings.HasSuffix(n, ".partial") })
	}
}

// isPartialBackup is true for a backup being written, or left half-written: only names Accord gives, since
// the backups folder may hold the user's own files too.
func isPartialBackup(name string) bool {
	backup, ok := strings.CutSuffix(name, ".partial")
	_, _, _, ours := parseBackupName(backup)
	return ok && ours
}

// removeStale removes the files of dir that are leftovers and have not changed for leftoverAge.
func removeStale(dir string, now time.Time, leftover func(name string) bool) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.Type().IsRegular() || !leftover(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > leftoverAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
