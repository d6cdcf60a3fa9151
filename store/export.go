package store

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"

	"accord/data"
)

// The head of every JSON export. docs/json-format.md describes the format; a change that an older Accord
// could misread raises ExportVersion.
const (
	ExportFormat  = "accord-export"
	ExportVersion = 1
)

// ExportJSON writes the whole database as one JSON document: our organisation, every record of every kind
// (those in the Trash too, marked "deleted"), each exactly as stored, and every attachment in base64. It
// reads one transaction, so the export is consistent however the data changes meanwhile. Records come in
// the order of their IDs, which is the order they were made, so the same data always exports the same.
func (s *Store) ExportJSON(w io.Writer) error { return s.export(w, false) }

// ExportJSONComparable is ExportJSON without what belongs to one database rather than to the data: the
// time of the export and the revisions (which count changes in one database), with each record's fields
// in the order of their names. Two laptops that synced with each other give byte-for-byte the same file,
// which is how the sync tests compare them. It is for comparing, not importing: import wants revisions.
func (s *Store) ExportJSONComparable(w io.Writer) error { return s.export(w, true) }

// A record damaged on disk is left out, as it is of every list, and named by Damaged.
func (s *Store) export(w io.Writer, comparable bool) error {
	out := bufio.NewWriterSize(w, 1<<20)
	var aside []*DamagedRecord
	defer func() { s.setAsideAll(aside) }()
	err := s.db.Load().View(func(tx *bolt.Tx) error {
		rev, err := getUint(tx.Bucket([]byte(bucketMeta)), keyRev)
		if err != nil {
			return err
		}
		exportedAt, _ := s.Now().UTC().MarshalJSON()
		if comparable {
			fmt.Fprintf(out, "{\n  \"format\": %q,\n  \"version\": %d,\n  \"schema\": %d,\n", ExportFormat, ExportVersion, SchemaVersion)
		} else {
			fmt.Fprintf(out, "{\n  \"format\": %q,\n  \"version\": %d,\n  \"exported_at\": %s,\n  \"schema\": %d,\n  \"rev\": %d,\n",
				ExportFormat, ExportVersion, exportedAt, SchemaVersion, rev)
		}
		record := func(k data.Kind, id, stored []byte) ([]byte, error) {
			v, err := unseal(k, id, stored)
			if err != nil {
				return nil, err
			}
			if comparable {
				return withoutRev(v)
			}
			return v, nil
		}
		var buf bytes.Buffer
		org := tx.Bucket([]byte(data.KindOrganisation)).Get([]byte(data.OrganisationID))
		if org != nil {
			org, err = record(data.KindOrganisation, []byte(data.OrganisationID), org)
			if d := (*DamagedRecord)(nil); errors.As(err, &d) {
				aside, org, err = append(aside, d), nil, nil
			} else if err != nil {
				return fmt.Errorf("organisation: %w", err)
			}
		}
		if org == nil {
			org = []byte("null")
		}
		if err := json.Indent(&buf, org, "  ", "  "); err != nil {
			return fmt.Errorf("organisation: %w", err)
		}
		fmt.Fprintf(out, "  %q: %s", data.KindOrganisation, buf.Bytes())
		for _, k := range data.RecordKinds[1:] {
			fmt.Fprintf(out, ",\n  %q: [", k)
			n := 0
			err := tx.Bucket([]byte(k)).ForEach(func(key, v []byte) error {
				buf.Reset()
				v, err := record(k, key, v)
				if d := (*DamagedRecord)(nil); errors.As(err, &d) {
					aside = append(aside, d) // what the index holds: see Damaged
					return nil
				}
				if err == nil {
					err = json.Indent(&buf, v, "    ", "  ")
				}
				if err != nil {
					return fmt.Errorf("%s %s: %w", k, key, err)
				}
				if n > 0 {
					out.WriteString(",")
				}
				out.WriteString("\n    ")
				out.Write(buf.Bytes())
				n++
				return nil
			})
			if err != nil {
				return err
			}
			if n > 0 {
				out.WriteString("\n  ")
			}
			out.WriteString("]")
		}
		out.WriteString(",\n  \"attachments\": {")
		n := 0
		err = tx.Bucket([]byte(bucketAttachments)).ForEach(func(sha, content []byte) error {
			if n > 0 {
				out.WriteString(",")
			}
			fmt.Fprintf(out, "\n    %q: \"", sha)
			enc := base64.NewEncoder(base64.StdEncoding, out)
			enc.Write(content)
			enc.Close()
			out.WriteString("\"")
			n++
			return nil
		})
		if n > 0 {
			out.WriteString("\n  ")
		}
		out.WriteString("}\n}\n")
		return err
	})
	if err != nil {
		return fmt.Errorf("export %s: %w", s.path, err)
	}
	return out.Flush()
}

// ExportJSONFile writes the export to a file, which appears only once it is complete.
func (s *Store) ExportJSONFile(path string) error {
	if err := WriteAtomically(path, s.ExportJSON); err != nil {
		return data.FileProblem("The export", path, err)
	}
	return nil
}
