package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
)

// Wording is an agreement's wording version: the number printed on its MOU, which moves on when, and only
// when, what the parties sign changes — its text, its parties, what each takes on and gives, who signs.
// Saving, signing, printing or ending it leaves the number as it is. It travels with the agreement, so
// every laptop prints the same number for the same words.
type Wording struct {
	Version int    `json:"version"`
	Hash    string `json:"hash"` // SHA-256 of the wording, hex
	// Since is when this wording was first saved: the date an MOU of it prints, so that printing the
	// same words twice gives the same file.
	Since time.Time `json:"since"`
}

// wordingJSON is what the agreement says — not when it was saved, signed or printed — with any other text
// a document shows about it. New fields of Agreement must be omitempty, or every agreement would read as
// reworded the day they are added.
func (a *Agreement) wordingJSON(printed ...string) []byte {
	content := *a
	// The group's own fields are not what the parties sign: the MOU prints none.
	content.Meta, content.Wording, content.Attachments, content.Custom = Meta{}, Wording{}, nil, nil
	content.Parties = append([]Party(nil), a.Parties...)
	for i := range content.Parties { // signing does not change the text that was signed
		content.Parties[i].Signatory.SignedOn = Date{}
	}
	content.Status, content.SentOn = "", Date{}
	content.TerminatedOn, content.TerminationReason = Date{}, ""
	b, _ := json.Marshal(struct { // strings, numbers and dates always encode
		Agreement
		Printed []string `json:",omitempty"`
	}{content, printed})
	return b
}

// Fingerprint is a short hash of the agreement's wording and of the other text its document prints
// (printed: the parties' names and addresses, which the record only points at), so a signed paper copy
// can be matched to its record: the same words print the same fingerprint.
func (a *Agreement) Fingerprint(printed ...string) string {
	sum := sha256.Sum256(a.wordingJSON(printed...))
	h := strings.ToUpper(hex.EncodeToString(sum[:4]))
	return h[:4] + "-" + h[4:]
}

// NoteWording gives an agreement about to be saved its wording version: the stored one's (stored is nil
// for a new agreement) while the words are the same, the next one from now when they differ.
func (a *Agreement) NoteWording(stored Record, now time.Time) {
	var was Wording
	if old, ok := stored.(*Agreement); ok {
		was = old.Wording
	}
	sum := sha256.Sum256(a.wordingJSON())
	if hash := hex.EncodeToString(sum[:]); hash != was.Hash {
		a.Wording = Wording{Version: was.Version + 1, Hash: hash, Since: now.UTC().Truncate(time.Second)}
		return
	}
	a.Wording = was
}

// Versioned is a record whose wording carries a version the store notes at every save from this laptop
// (a sync keeps the version the other laptop noted).
type Versioned interface {
	NoteWording(stored Record, now time.Time)
}

// PrintedWording is the version and date an MOU of the agreement prints: those of its wording, or, for an
// agreement last saved before Accord kept wording versions, the first version as of that save.
func (a *Agreement) PrintedWording() (version int, on Date) {
	if a.Wording.Version == 0 {
		return 1, DateOf(a.UpdatedAt)
	}
	return a.Wording.Version, DateOf(a.Wording.Since)
}
