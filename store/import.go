package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"

	"accord/data"
)

// ImportSummary says what an import did.
type ImportSummary struct {
	Added   data.Counts // records that were not here
	Updated data.Counts // records whose copy in the file was newer
	Skipped data.Counts // records whose copy here was the same or newer
	// Attachments is how many attachment files were new here.
	Attachments int
	// Backup is the backup made just before the import changed anything; empty when nothing changed, or
	// the data folder held nothing to back up.
	Backup string
}

// Changed is true when the import added or updated anything.
func (s ImportSummary) Changed() bool {
	return s.Added.Total()+s.Updated.Total()+s.Attachments > 0
}

// Describe says what the import did in a few sentences, translated with t and count.
func (s ImportSummary) Describe(t data.Translate, count data.Count) []string {
	if !s.Changed() {
		return []string{t("Nothing changed: everything in the file was already here, as new or newer.")}
	}
	out := []string{
		t("Added: %s.", s.Added.Phrase(t, count)),
		t("Updated, because the file's copy was newer: %s.", s.Updated.Phrase(t, count)),
		t("Skipped, because the copy here was the same or newer: %s.", s.Skipped.Phrase(t, count)),
	}
	if s.Attachments > 0 {
		out = append(out, t("Attachments added: %d.", s.Attachments))
	}
	if s.Backup != "" {
		out = append(out, t("Your data as it was before the import is kept in the backup %s.", s.Backup))
	}
	return out
}

// RecordProblem is what is wrong with one record (or one part) of an import file.
type RecordProblem struct {
	Line     int       // where the record starts in the file
	Kind     data.Kind // empty for a problem with the file itself
	ID       string
	Title    string
	Problems []data.Problem
}

// Describe says where each problem is and what it is, one line each, translated with t.
func (r RecordProblem) Describe(t func(string, ...any) string) []string {
	where := t("Line %d", r.Line)
	if r.Kind != "" {
		name := r.ID
		if r.Title != "" {
			name = "“" + r.Title + "”"
		}
		where = t("Line %d, %s %s", r.Line, t(data.KindNoun(r.Kind)), name)
	}
	out := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		out[i] = where + ": " + t(p.Message, p.Args...)
	}
	return out
}

// ImportError lists every problem found in an import file. Nothing was imported.
type ImportError struct {
	Records []RecordProblem
}

func (e *ImportError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the import has problems (%d):", len(e.Records))
	for _, r := range e.Records {
		fmt.Fprintf(&b, " line %d, %s %s %q:", r.Line, r.Kind, r.ID, r.Title)
		for _, p := range r.Problems {
			b.WriteString(" " + p.Text())
		}
	}
	return b.String()
}

// Explain is the plain summary a window or a command line shows above the list of problems.
func (e *ImportError) Explain(t data.Translate) string {
	return t("Nothing was imported, because the file has problems.") + " " +
		t("Fix them in the file (each is listed with its line number), then import it again.")
}

// Details lists every problem with its line in the file.
func (e *ImportError) Details(t data.Translate) []string {
	var lines []string
	for _, r := range e.Records {
		lines = append(lines, r.Describe(t)...)
	}
	return lines
}

// Import file problems that stop the reading at once.
var (
	errNotExport = &data.PlainError{Message: "This file is not an Accord export.",
		Advice: "Nothing was imported. Choose a file made with Export in Accord, or with “accord export json”."}
	errNewerExport = &data.PlainError{Message: "This file was exported by a newer version of Accord.",
		Advice: "Install the newest Accord to import it. Nothing was imported."}
	errCutShort = &data.PlainError{Message: "This file ends too early: it may have been cut short while it was copied.",
		Advice: "Nothing was imported. Copy or export the file again, then import it."}
)

// ImportJSON merges an export (see ExportJSON) into the store, by ID: a record the store lacks is added; one
// it holds is replaced only when the file's copy is newer, by the time it was last changed, so an import
// never loses a newer edit made here. Every record is validated as it is read; with any problem nothing is
// imported and an *ImportError lists them all. What the import changes is written as the file is read, in
// batches, into a copy of the database that replaces it at the end, after a backup of the database as it
// was: all of it or, whatever fails or stops halfway, none (see importer). What it writes is an edit made
// here: each record it writes replaces the copy here (whatever the revision the file gives it), gets the
// next revision of this store, in the order of its revision in the file within each batch, and a fresh
// stamp of this laptop's clock made from the version in the file and from the one it replaces — so no two
// laptops ever hold different contents under one stamp. An agreement's wording version, and a record's
// dated history, are noted against the file's copy: what was noted where the words were written or the
// stage changed travels with them, and words changed in the file by hand are a new wording.
func (s *Store) ImportJSON(r io.Reader) (ImportSummary, error) {
	src, err := newSource(r)
	if err != nil {
		return ImportSummary{}, err
	}
	s.importing.Lock()
	defer s.importing.Unlock()
	if _, err := s.DeviceID(); err != nil { // before the copy is made: it may store a new one
		return ImportSummary{}, err
	}
	imp := s.newImporter()
	defer imp.discard()
	if err := parseExport(src, imp); err != nil {
		return ImportSummary{}, err
	}
	if !imp.sum.Changed() {
		return imp.sum, nil
	}
	if imp.sum.Backup, err = s.BackupBeforeImport(); err != nil {
		return ImportSummary{}, err
	}
	if err := imp.swapIn(); err != nil {
		return ImportSummary{}, err
	}
	return imp.sum, nil
}

// shallowCopy is a copy of the record's fields as they are now, sharing its slices: a record to read from
// (the wording the file gives an agreement) while the record itself is written.
func shallowCopy(r data.Record) data.Record {
	v := reflect.ValueOf(r).Elem()
	c := reflect.New(v.Type())
	c.Elem().Set(v)
	return c.Interface().(data.Record)
}

// holdsRecords is true when the store holds any record, in the Trash or not. The caller holds s.mu.
func (s *Store) holdsRecords() bool {
	for _, byID := range s.records {
		if len(byID) > 0 {
			return true
		}
	}
	return false
}

// incoming is one record of an import file and the line of the file it starts on.
type incoming struct {
	record data.Record
	line   int
}

// parser reads an import file part by part, collecting every record problem rather than stopping at the
// first, so the user can fix them all at once.
type parser struct {
	src      *source
	dec      *json.Decoder
	imp      *importer // takes each sound record and attachment as it is read
	problems []RecordProblem
	seen     map[data.Kind]map[string]bool
}

// parseExport reads and checks a whole import file, as it reads it (see source), and hands each sound
// record and attachment to the importer. A file that is not a readable export gives a *PlainError; one
// whose records have problems an *ImportError; a write that failed its error.
func parseExport(src *source, imp *importer) error {
	p := &parser{src: src, dec: src.dec, imp: imp, seen: imp.seen}
	p.dec.DisallowUnknownFields()
	var head struct {
		format  string
		version int
		schema  int
	}
	if err := p.delim('{'); err != nil {
		return err
	}
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return p.fatal(err)
		}
		key, _ := tok.(string)
		line := p.here()
		switch k := data.Kind(key); {
		case key == "format":
			err = p.dec.Decode(&head.format)
		case key == "version":
			err = p.dec.Decode(&head.version)
		case key == "schema":
			err = p.dec.Decode(&head.schema)
		case key == "rev":
			err = p.dec.Decode(new(uint64))
		case key == "exported_at":
			err = p.dec.Decode(new(time.Time))
		case key == "attachments":
			err = p.attachments(line)
		case k == data.KindOrganisation:
			err = p.organisation()
		case slices.Contains(data.RecordKinds, k):
			err = p.records(k)
		default:
			err = p.dec.Decode(new(json.RawMessage))
			p.problem(line, "", nil, data.Problem{Message: "The file has a part called %s that Accord does not know.", Args: []any{key}})
		}
		if err != nil {
			return p.fatal(err)
		}
	}
	if err := p.delim('}'); err != nil {
		return err
	}
	if _, err := p.dec.Token(); errors.Is(err, errTooLargeToImport) {
		return err
	} else if err != io.EOF {
		return errNotExport // more after the end
	}
	switch {
	case head.format != ExportFormat || head.version < 1:
		return errNotExport
	case head.version > ExportVersion || head.schema > SchemaVersion:
		return errNewerExport
	case len(p.problems) > 0:
		return &ImportError{Records: p.problems}
	}
	if imp.flush(); imp.failed != nil {
		return imp.failed
	}
	if missing := imp.missingLinks(); len(missing) > 0 {
		return &ImportError{Records: missing}
	}
	return nil
}

// delim reads one of the braces or brackets that frame the file and its parts.
func (p *parser) delim(want json.Delim) error {
	tok, err := p.dec.Token()
	if err != nil {
		return p.fatal(err)
	}
	if tok != want {
		return errNotExport
	}
	return nil
}

// fatal explains an error that stops the reading: a file cut short, or one that is not JSON.
func (p *parser) fatal(err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var plain *data.PlainError
	switch {
	case errors.As(err, &plain):
		return plain
	case errors.Is(err, errValueTooLarge):
		return &data.PlainError{Message: "Line %d of the file starts a record larger than any Accord makes (over 32 MB), so the file cannot be imported.",
			Args:   []any{p.here()},
			Advice: "Nothing was imported. Check that it is an export made by Accord; if it was changed by hand, look at that line.", Err: err}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errCutShort
	case errors.As(err, &syntax):
		return &data.PlainError{Message: "This file cannot be read as an Accord export: something is wrong near line %d.",
			Args:   []any{p.src.lineOf(syntax.Offset - 1)}, // Offset is just after the bad byte
			Advice: "Nothing was imported. If the file was changed by hand, check that line; otherwise export the data again.", Err: err}
	case errors.As(err, &typeErr):
		return errNotExport // a part of the file that is not what an export has there
	}
	return &data.PlainError{Message: "This file cannot be read as an Accord export.",
		Advice: "Nothing was imported. Export the data again, then import the new file.", Err: err}
}

func (p *parser) organisation() error {
	if p.nextIs("null") {
		return p.dec.Decode(new(json.RawMessage))
	}
	return p.record(data.KindOrganisation)
}

// nextIs says whether the next value starts with start.
func (p *parser) nextIs(start string) bool {
	_, next := p.src.next()
	return bytes.HasPrefix(next, []byte(start))
}

// here is the line the next value starts on.
func (p *parser) here() int {
	at, _ := p.src.next()
	return p.src.lineOf(at)
}

func (p *parser) records(k data.Kind) error {
	if err := p.delim('['); err != nil {
		return err
	}
	for p.dec.More() {
		if err := p.record(k); err != nil {
			return err
		}
	}
	return p.delim(']')
}

// record reads one record and notes what is wrong with it. Only an error that stops the reading is
// returned; a value of the wrong type or a misspelt field name is noted and the reading goes on.
func (p *parser) record(k data.Kind) error {
	line := p.here()
	r := data.NewRecord(k)
	err := p.dec.Decode(r)
	if stopsReading(err) {
		return err
	}
	m := r.Common()
	var found []data.Problem
	switch ids := data.IDProblems(k, m.ID); {
	case err != nil:
		found = append(found, decodeProblem(err))
	case len(ids) > 0:
		found = append(found, ids...)
	case p.seen[k][m.ID]:
		found = append(found, data.Problem{Message: "The id %s appears more than once in the file.", Args: []any{m.ID}})
	}
	if err == nil {
		var verr *data.ValidationError
		if errors.As(r.Validate(), &verr) {
			found = append(found, verr.Problems...)
		}
	}
	if p.seen[k] == nil {
		p.seen[k] = map[string]bool{}
	}
	p.seen[k][m.ID] = true
	if len(found) > 0 {
		p.problem(line, k, r, found...)
		return nil
	}
	p.imp.take(incoming{r, line})
	return nil
}

// stopsReading is true for an error after which the file cannot be read on: a value cut short or not JSON,
// or one too large to read.
func stopsReading(err error) bool {
	var syntax *json.SyntaxError
	return errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, errValueTooLarge)
}

// attachments reads the attachments one by one, each checked against its SHA-256 and the size Accord keeps
// (data.MaxAttachmentBytes), so that no more than one is read at a time.
func (p *parser) attachments(line int) error {
	unreadable := data.Problem{Message: "The attachments cannot be read: each must be base64 text."}
	if !p.nextIs("{") {
		p.problem(line, "", nil, unreadable)
		return p.dec.Decode(new(json.RawMessage))
	}
	if err := p.delim('{'); err != nil {
		return err
	}
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return err
		}
		sha, _ := tok.(string)
		at := p.here()
		var content []byte
		switch err := p.dec.Decode(&content); {
		case stopsReading(err):
			return err
		case err != nil:
			p.problem(at, "", nil, unreadable)
		case len(content) > data.MaxAttachmentBytes:
			p.problem(at, "", nil, data.Problem{Message: "The attachment %s is larger than Accord keeps (20 MB).", Args: []any{sha}})
		case hex.EncodeToString(sha256Of(content)) != sha:
			p.problem(at, "", nil, data.Problem{Message: "The attachment %s does not match its content: the file may have been changed.", Args: []any{sha}})
		default:
			p.imp.attach(sha, content)
		}
	}
	return p.delim('}')
}

func sha256Of(b []byte) []byte {
	sum := sha256.Sum256(b)
	return sum[:]
}

func (p *parser) problem(line int, k data.Kind, r data.Record, found ...data.Problem) {
	rp := RecordProblem{Line: line, Kind: k, Problems: found}
	if r != nil {
		rp.ID, rp.Title = r.Common().ID, r.Title()
	}
	p.problems = append(p.problems, rp)
	p.imp.refuse()
}

// decodeProblem words a record's decoding error for the person who edited the file.
func decodeProblem(err error) data.Problem {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return data.Problem{Field: typeErr.Field, Message: "The value of %s should be %s.", Args: []any{typeErr.Field, kindOfValue(typeErr.Type)}}
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return data.Problem{Message: "Accord does not know a field called %s: check its spelling.", Args: []any{field}}
	}
	return data.Problem{Message: "A value cannot be read: %s.", Args: []any{err.Error()}}
}

// kindOfValue names what a Go type wants in JSON, in plain words (a translation key).
func kindOfValue(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "a group of fields in braces"
}
