package syncfolder

import (
	"os"
	"path/filepath"
	"strings"

	"accord/data"
)

// syncMarks are the files a sync program keeps at the top of a folder it syncs.
var syncMarks = map[string]string{
	".stfolder":          "Syncthing",
	".stignore":          "Syncthing",
	".sync":              "Resilio Sync",
	".dropbox":           "Dropbox",
	".dropbox.cache":     "Dropbox",
	".nextcloudsync.log": "Nextcloud",
	".owncloudsync.log":  "ownCloud",
}

// syncNames are the names cloud drives give the folders they sync (OneDrive's may go on, as in
// "OneDrive - Riverside Residents").
var syncNames = map[string]string{
	"dropbox":      "Dropbox",
	"nextcloud":    "Nextcloud",
	"owncloud":     "ownCloud",
	"google drive": "Google Drive",
	"googledrive":  "Google Drive",
	"my drive":     "Google Drive",
	"icloud drive": "iCloud Drive",
	"iclouddrive":  "iCloud Drive",
	"pcloud drive": "pCloud",
	"mega":         "MEGA",
}

// DataFolderWarning returns a warning when the data folder is inside a folder a sync program or cloud
// drive keeps in sync — where two laptops changing the one database file can damage it — or nil.
func DataFolderWarning(dataDir string) *data.PlainError {
	dir := resolved(dataDir)
	for {
		if service := syncedBy(dir); service != "" {
			return &data.PlainError{Message: "Accord's data folder %s is inside %s, a folder that %s keeps in sync.", Args: []any{dataDir, dir, service},
				Advice: "Move the data folder out of it and sync through a shared folder instead (Settings): a database file that a sync program copies while Accord writes it can be damaged, and changes made on two laptops are lost."}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// syncedBy names the sync program that keeps dir in sync, or "".
func syncedBy(dir string) string {
	for mark, service := range syncMarks {
		if _, err := os.Lstat(filepath.Join(dir, mark)); err == nil {
			return service
		}
	}
	name := strings.ToLower(filepath.Base(dir))
	if strings.HasPrefix(name, "onedrive") {
		return "OneDrive"
	}
	return syncNames[name]
}
