// Package sealed is how Accord stores a record's JSON: a zero byte (which no JSON starts with), the
// CRC-32C of the JSON in four bytes, then the JSON. bbolt checks its pages' structure but not the bytes of
// a value, so a bit flipped on an old disk would otherwise be read as a record that says something else.
// It is a package of its own so that tests which plant a record behind the store's back write it as the
// store does.
package sealed

import (
	"encoding/binary"
	"hash/crc32"
)

const (
	mark = 0x00
	size = 1 + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Seal is a record's JSON as it is stored.
func Seal(record []byte) []byte {
	out := make([]byte, size, size+len(record))
	out[0] = mark
	binary.BigEndian.PutUint32(out[1:], crc32.Checksum(record, castagnoli))
	return append(out, record...)
}

// Unseal is the JSON of a stored record; ok is false when the bytes no longer match their checksum. The
// JSON shares the stored bytes.
func Unseal(stored []byte) (record []byte, ok bool) {
	if len(stored) < size || stored[0] != mark {
		return nil, false
	}
	record = stored[size:]
	return record, crc32.Checksum(record, castagnoli) == binary.BigEndian.Uint32(stored[1:])
}
