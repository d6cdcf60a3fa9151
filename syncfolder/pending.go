package syncfolder

import (
	"path/filepath"

	"accord/store"
)

// Pending is the cheap check for the every-few-minutes timer: true when a round has something to do —
// changes here not yet in the folder, this laptop's own segments gone from it, another laptop's segment
// not yet read here, or changes set aside to try again. It only lists file names; it reads no file.
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
	dev, err := s.DeviceID()
	if err != nil {
		return false, err
	}
	top := filepath.Join(folder, Top)
	own, err := segments(top, dev)
	if err != nil || behind(st, own) {
		return err == nil, err
	}
	read, err := s.SegmentsRead()
	if err != nil {
		return false, err
	}
	return othersWrote(top, dev, read)
}

// othersWrote is true when another laptop's folder holds a segment not among those read.
func othersWrote(top, dev string, read map[string]bool) (bool, error) {
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
		for _, g := range segs {
			if !read[g.id()] {
				return true, nil
			}
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
	dev, err := s.DeviceID()
	if err != nil {
		return false, err
	}
	return othersWrote(filepath.Join(folder, Top), dev, nil)
}

// Folder is the shared folder last synced with (the one Settings shows), or "".
func Folder(s *store.Store) string {
	st, err := s.SyncState()
	if err != nil {
		return ""
	}
	return st.Folder
}
