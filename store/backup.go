package store

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// BackupFolder is the folder beside the database that holds its backups.
const BackupFolder = "backups"

// BackupTo writes a consistent copy of the open database to path (bbolt's transaction copy, never a file
// copy of a live database). The folder must exist: a backup never makes folders, so a USB stick that was
// pulled out is reported instead of quietly written around.
func (s *Store) BackupTo(path string) error {
	err := WriteAtomically(path, func(w io.Writer) error {
		return s.db.Load().View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return data.FileProblem("The backup", path, err)
	}
	return nil
}

// backupClosed copies a database no Accord has open — with bbolt's transaction copy under its read lock,
// so another Accord cannot start writing halfway — into the backups folder, and returns the copy's path.
func backupClosed(folder, dbPath string, reason BackupReason, opt Options) (string, error) {
	db, err := bolt.Open(dbPath, 0o600, &bolt.Options{ReadOnly: true, Timeout: opt.LockTimeout})
	if err != nil {
		return "", openError(dbPath, err)
	}
	defer db.Close()
	path, err := newBackupPath(folder, reason, opt.Now())
	if err != nil {
		return "", err
	}
	err = WriteAtomically(path, func(w io.Writer) error {
		return db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return "", data.FileProblem("The backup", path, err)
	}
	return path, nil
}

// WriteAtomically writes a file under a temporary name beside it (the name with ".partial" added), syncs
// it to the disk and only then renames it into place, so a half-written file (a pulled plug, a full disk)
// never looks like a good one. A path that is there and is not a file — /dev/null, a pipe — is written
// into as it is: renaming over it would put a file in a device's place.
func WriteAtomically(path string, write func(w io.Writer) error) error {
	return writeWhole(path, 0o600, false, write)
}

// WriteAsTheFolderDoes is WriteAtomically for a document the user saves where they choose: a new file
// takes the permissions that folder gives new files (the process's umask applied to 0666), and a file it
// replaces keeps its own.
func WriteAsTheFolderDoes(path string, write func(w io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		return writeWhole(path, info.Mode().Perm(), true, write)
	}
	return writeWhole(path, 0o666, false, write)
}

// writeWhole writes path whole under perm, less the umask unless exact.
func writeWhole(path string, perm os.FileMode, exact bool, write func(w io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return writeInto(path, write)
	}
	tmp := path + ".partial"
	os.Remove(tmp) // a leftover would keep its own permissions
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, perm)
	if err == nil && exact {
		if err = f.Chmod(perm); err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}
	if err != nil {
		return err
	}
	buf := bufio.NewWriterSize(f, 1<<20)
	err = write(buf)
	if err == nil {
		err = buf.Flush()
	}
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
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// writeInto writes to what is already at path, a device or a pipe.
func writeInto(path string, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	buf := bufio.NewWriter(f)
	err = write(buf)
	if err == nil {
		err = buf.Flush()
	}
	return errors.Join(err, f.Close())
}

// copyFile copies a file that nothing is writing to, atomically (see WriteAtomically).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return WriteAtomically(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// syncDir makes a rename in the folder durable. Windows cannot sync a folder and needs no telling, so the
// error is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// makeBackupFolder makes the backups folder inside an existing data folder (never the data folder itself).
func makeBackupFolder(folder string) (string, error) {
	dir := filepath.Join(folder, BackupFolder)
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", data.FileProblem("The backup", dir, err)
	}
	return dir, nil
}
