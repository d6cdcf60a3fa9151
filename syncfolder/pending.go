package syncfolder

import (
	"path/filepath"

	"accord/data"
)

// Pending is the cheap check for the every-few-minutes timer: true when a round has something to do —
// changes here not yet in the folder, another laptop's segment not yet applied here, or changes set aside
// to try again. It only lists file names; it reads no file.
func Pending(s *data.Store, folder string) (bool, error) {
	folder, err := checkFolder(s.Dir(), folder)
	if err != nil {
		return false, err
	}
	st, err := s.SyncState()
	if err != nil {
		return false, err
	}
	if st.Folder != folder || s.Rev() > st.OutRev || len(st.Retry) > 0 {
		return true, nil
	}
	dev, err := s.DeviceID()
	if err != nil {
		return false, err
	}
	top := filepath.Join(folder, Top)
	all, err := devices(top)
	if err != nil {
		return false, err
	}
	for _, d := range all {
		if d == dev {
			continue
		}
		segs, err := segments(top, d)
		if err != nil {
			return false, err
		}
		if len(segs) > 0 && segs[len(segs)-1].seq > st.Seen[d] {
			return true, nil
		}
	}
	return false, nil
}

// Folder is the shared folder last synced with (the one Settings shows), or "".
func Folder(s *data.Store) string {
	st, err := s.SyncState()
	if err != nil {
		return ""
	}
	return st.Folder
}
