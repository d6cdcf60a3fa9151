package syncfolder

import (
	"path/filepath"

	"accord/store"
)

// Pending is the cheap check for the every-few-minutes timer: true when a round has something to do —
// changes here not yet in the folder, another laptop's segment not yet applied here, or changes set aside
// to try again. It only lists file names; it reads no file.
func Pending(s *store.Store, folder string) (bool, error) {
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
	return othersWrote(s, folder, st.Seen)
}

// othersWrote is true when another laptop has a segment in the folder after the one seen says was applied
// here last.
func othersWrote(s *store.Store, folder string, seen map[string]uint64) (bool, error) {
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
		if len(segs) > 0 && segs[len(segs)-1].seq > seen[d] {
			return true, nil
		}
	}
	return false, nil
}

// FirstMeeting is true when this laptop already holds records, has never synced with the folder, and
// other laptops' changes are waiting there: two sets of data about to be combined, which the window asks
// about first (the round itself backs up before it applies anything).
func FirstMeeting(s *store.Store, folder string) (bool, error) {
	folder, err := checkFolder(s.Dir(), folder)
	if err != nil {
		return false, err
	}
	st, err := s.SyncState()
	if err != nil || st.Folder == folder || s.Rev() == 0 {
		return false, err
	}
	return othersWrote(s, folder, nil)
}

// Folder is the shared folder last synced with (the one Settings shows), or "".
func Folder(s *store.Store) string {
	st, err := s.SyncState()
	if err != nil {
		return ""
	}
	return st.Folder
}
