//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// forgetPages does nothing here: see resident_linux.go.
func forgetPages(*bolt.Tx) {}
