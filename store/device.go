package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// keyDevice holds this laptop's device ID in the meta bucket, with the fingerprint of where it was minted.
const keyDevice = "device"

// device is the stored device ID. The ID names this laptop's files in a sync folder, so two laptops must
// never share one: a data folder copied to another laptop, or a backup restored (on any laptop), carries
// the meta bucket with it. The fingerprint says where the ID was minted — the computer's name, the
// database's path and the file's identity on the disk — and an ID found anywhere else is replaced by a
// new one. Minting a new ID is always safe (the laptop just starts a new folder of its own); sharing one
// never is.
type device struct {
	ID          string `json:"id"`
	Fingerprint string `json:"fingerprint"`
}

// DeviceID returns this laptop's device ID, minting (and storing) a new one when there is none yet or the
// stored one was minted for another file, computer or place.
func (s *Store) DeviceID() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deviceID()
}

// deviceID is DeviceID for a caller that holds s.mu for writing.
func (s *Store) deviceID() (string, error) {
	if s.clock.Device != "" {
		return s.clock.Device, nil
	}
	here, err := fingerprint(s.path)
	if err != nil {
		return "", err
	}
	var d device
	err = s.db.Load().View(func(tx *bolt.Tx) error {
		raw := tx.Bucket([]byte(bucketMeta)).Get([]byte(keyDevice))
		if raw == nil {
			return nil
		}
		return json.Unmarshal(raw, &d)
	})
	if err != nil || d.ID == "" || d.Fingerprint != here {
		if d, err = s.mintDevice(here); err != nil {
			return "", err
		}
	}
	s.clock.Device = d.ID
	return d.ID, nil
}

func (s *Store) mintDevice(here string) (device, error) {
	var id [8]byte
	rand.Read(id[:])
	d := device{ID: hex.EncodeToString(id[:]), Fingerprint: here}
	b, _ := json.Marshal(d)
	err := s.update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucketMeta)).Put([]byte(keyDevice), b) })
	if err != nil {
		return device{}, fmt.Errorf("store a new device ID: %w", err)
	}
	return d, nil
}

// fingerprint identifies where the database is: a copy elsewhere, or a file renamed into place by a
// restore, has another one.
func fingerprint(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("fingerprint %s: %w", path, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", fmt.Errorf("fingerprint %s: %w", path, err)
	}
	host, _ := os.Hostname()
	sum := sha256.Sum256([]byte(host + "\x00" + abs + "\x00" + fileIdentity(info)))
	return hex.EncodeToString(sum[:16]), nil
}
