package store

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accord/data"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), FileName), Options{LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func partner(name string) *data.Partner {
	return &data.Partner{Name: name, PartnerKind: data.PartnerCommunityOrg, Stage: data.StageActive}
}

// draftWith is a two-party draft between us and a partner.
func draftWith(partnerID string) *data.Agreement {
	return &data.Agreement{Name: "Shared use of the community hall", AgreementKind: data.AgreementMOU, Status: data.StatusDraft,
		Parties: []data.Party{{Us: true, Responsibilities: "Open the hall"}, {PartnerID: partnerID, Responsibilities: "Run the youth club"}}}
}

// titles are the titles of records, in order.
func titles[P data.Record](rs []P) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Title()
	}
	return out
}

// exportedInto exports src as JSON, checks that the file holds each of wants, and imports it into a new
// store: what a group does to move its records to another laptop.
func exportedInto(t *testing.T, src *Store, wants ...string) (*Store, ImportSummary) {
	t.Helper()
	var b bytes.Buffer
	if err := src.ExportJSON(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range wants {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the export holds no %s", want)
		}
	}
	dst := openTemp(t)
	sum, err := dst.ImportJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return dst, sum
}
