package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"accord/data"
)

// MapPlacesFile, in the data folder, keeps where each partner sits on the network map of this laptop, so
// the map looks the same at every visit. It is a view of the data, not data: it is not synced, and a file
// that cannot be read only means the map is laid out afresh.
const MapPlacesFile = "network-map.json"

type mapPlaces struct {
	Version int                   `json:"version"`
	Places  map[string]data.Point `json:"places"`
}

// MapPlaces reads where the network map's nodes were put, by node ID; none before the map was first drawn.
func (s *Store) MapPlaces() (map[string]data.Point, error) {
	raw, err := os.ReadFile(filepath.Join(s.Dir(), MapPlacesFile))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]data.Point{}, nil
	}
	var m mapPlaces
	if err == nil {
		err = json.Unmarshal(raw, &m)
	}
	if err != nil || m.Places == nil {
		return map[string]data.Point{}, fmt.Errorf("read the network map's places: %v", err)
	}
	return m.Places, nil
}

// SaveMapPlaces keeps where the network map's nodes are, whole or not at all.
func (s *Store) SaveMapPlaces(places map[string]data.Point) error {
	err := WriteAtomically(filepath.Join(s.Dir(), MapPlacesFile), func(w io.Writer) error {
		return json.NewEncoder(w).Encode(mapPlaces{Version: 1, Places: places})
	})
	if err != nil {
		return fmt.Errorf("save the network map's places: %w", err)
	}
	return nil
}
