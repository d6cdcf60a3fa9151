package data

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"
)

// Print is one printed copy of an agreement: when, which wording version and the PDF's SHA-256, so a
// signed paper copy can be matched with what was printed. A print is not an edit: it is a record of its
// own, and printing leaves the agreement — its revision, its last change, its wording version — as it was.
type Print struct {
	Meta
	AgreementID string    `json:"agreement_id"`
	Version     int       `json:"version"`
	At          time.Time `json:"at"`
	SHA256      string    `json:"sha256"`
}

// NewPrint notes that the PDF was printed from the agreement at a time.
func NewPrint(a *Agreement, pdf []byte, at time.Time) *Print {
	sum := sha256.Sum256(pdf)
	version, _ := a.PrintedWording()
	return &Print{AgreementID: a.ID, Version: version, At: at.UTC(), SHA256: hex.EncodeToString(sum[:])}
}

func (p *Print) Kind() Kind           { return KindPrint }
func (p *Print) Title() string        { return p.At.Format(time.DateTime) }
func (p *Print) SearchText() []string { return nil }
func (p *Print) References() []Ref    { return refs(KindAgreement, p.AgreementID) }

func (p *Print) Validate() error {
	var ps problems
	ps.required("agreement_id", p.AgreementID, "Say which agreement was printed.")
	if p.Version < 1 {
		ps.add("version", "A print needs the wording version it shows.")
	}
	if b, err := hex.DecodeString(p.SHA256); err != nil || len(b) != sha256.Size {
		ps.add("sha256", "A print needs the SHA-256 of its file.")
	}
	return ps.err()
}

// PrintsOf lists the prints of an agreement, oldest first.
func PrintsOf(v View, agreementID string) []*Print {
	var out []*Print
	for _, p := range List[Print](v) {
		if p.AgreementID == agreementID {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b *Print) int { return a.At.Compare(b.At) })
	return out
}
