package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
)

// Open's full check of a file — every page read, bbolt's consistency check, every record decoded — costs
// more than anything else a one-shot command does at 10,000 partners, and finds nothing new in a file it
// passed before. So a note beside the database keeps the checksum of the file as Accord last knew it to be
// sound: as the full check passed it, or as this Accord left it at Close, having written it itself. Open
// reads the file through once to compare, which takes a fraction of the check, and checks in full only a
// file that differs: one changed in any byte behind Accord's back (by a failing disk, a copy, a restore,
// another program, or an Accord stopped halfway) is checked in full, and refused untouched if it fails,
// exactly as before.

// checkedSuffix names the note beside the database.
const checkedSuffix = ".checked"

// checkRules counts changes to what the full check looks at: a note written under other rules is not
// trusted, so a newer Accord checks every file again once.
const checkRules = 1

// checkedNote is what is known of a sound file.
type checkedNote struct {
	Rules  int    `json:"rules"`
	Schema int    `json:"schema"`
	Size   int64  `json:"size"`
	Sum    uint32 `json:"crc32c"`
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// noteOf reads the file at path through and returns its note (CRC-32C, which processors compute in
// hardware: 40 MB in about 10 ms), and bbolt's last transaction in it (-1 when its meta pages are not
// valid).
func noteOf(path string) (note checkedNote, txid int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return note, -1, err
	}
	defer f.Close()
	buf := make([]byte, 256<<10)
	n, err := io.ReadFull(f, buf) // the first part holds both meta pages
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return note, -1, err
	}
	txid = lastTxIn(buf[:n])
	sum, size := crc32.Update(0, castagnoli, buf[:n]), int64(n)
	for {
		n, err := f.Read(buf)
		sum, size = crc32.Update(sum, castagnoli, buf[:n]), size+int64(n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return note, -1, err
		}
	}
	return checkedNote{Rules: checkRules, Schema: SchemaVersion, Size: size, Sum: sum}, txid, nil
}

// lastTxIn is the transaction number of the newest valid meta page at the start of a file, or -1.
func lastTxIn(head []byte) int {
	if len(head) < pageHeaderSize+metaSize {
		return -1
	}
	pageSize := int(binary.LittleEndian.Uint32(head[pageHeaderSize+8:]))
	if pageSize < 512 || 2*pageSize > len(head) {
		return -1
	}
	newest := newestMeta(head, head[pageSize:])
	if newest == nil {
		return -1
	}
	return int(txid(newest))
}

// checkedBefore returns bbolt's last transaction in the file at path and true when the file is, byte for
// byte, one this Accord knows to be sound.
func checkedBefore(path string) (int, bool) {
	raw, err := os.ReadFile(path + checkedSuffix)
	if err != nil {
		return 0, false
	}
	var noted checkedNote
	if json.Unmarshal(raw, &noted) != nil {
		return 0, false
	}
	now, txid, err := noteOf(path)
	return txid, err == nil && txid >= 0 && now == noted
}

// noteChecked notes that the file at path, as it is now, is sound. The note is renamed into place whole,
// but not synced to the disk: a note lost in a power cut, or any note that does not match the file, only
// means a full check next time.
func noteChecked(path string) error {
	note, _, err := noteOf(path)
	if err != nil {
		return fmt.Errorf("note the checked file: %w", err)
	}
	raw, _ := json.Marshal(note)
	tmp := path + checkedSuffix + ".partial"
	if err := os.WriteFile(tmp, raw, 0o600); err != nil {
		return fmt.Errorf("note the checked file: %w", err)
	}
	if err := os.Rename(tmp, path+checkedSuffix); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("note the checked file: %w", err)
	}
	return nil
}
