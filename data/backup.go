package data

import (
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// BackupFolder is the folder beside the database that holds its backups.
const BackupFolder = "backups"

// BackupTo writes a consistent copy of the open database to path (bbolt's transaction copy, never a file
// copy of a live database): first under a temporary name, synced, then renamed, so a half-written backup
// never looks like a good one.
func (s *Store) BackupTo(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("make backup folder: %w", err)
	}
	tmp := path + ".partial"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("create backup %s: %w", tmp, err)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write backup %s: %w", path, err)
	}
	return nil
}
