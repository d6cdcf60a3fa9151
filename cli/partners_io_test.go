package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"accord/data"
	"accord/store"
)

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A French spreadsheet saved by Excel: semicolons, Windows-1252 accents (é is 0xE9), Excel's own headings.
const frenchSheet = "Organisme;Pr\xe9nom;Nom;Courriel;Fonction;Couleur pr\xe9f\xe9r\xe9e\r\n" +
	"Maison des Associations;\xc9lodie;Lef\xe8vre;elodie@mda.fr;Directrice;bleu\r\n" +
	"Maison des Associations;Beno\xeet;Gar\xe7on;benoit@mda.fr;Animateur;vert\r\n" +
	";Ren\xe9;Roux;rene@example.fr;;\r\n" +
	"Atelier V\xe9lo;Sam;Dupont;pas-une-adresse;;\r\n"

func TestImportCSVSaysWhatItDidAndTwiceAddsNothing(t *testing.T) {
	folder, file := t.TempDir(), writeTemp(t, "contacts.csv", frenchSheet)
	var out bytes.Buffer
	if err := runImportCSV(env{folder: folder, out: &out}, file); err != nil {
		t.Fatal(Explain(err))
	}
	want := "Columns used: Organisme as organisation, Prénom as first name, Nom as last name, Courriel as e-mail, Fonction as role.\n" +
		"Added 2 partners with 3 contacts.\n" +
		"These columns were not imported: Couleur préférée.\n" +
		"Row 5 was left out: pas-une-adresse does not look like an email address (like name@example.org).\n"
	if out.String() != want {
		t.Fatalf("first import said:\n%s\nwant:\n%s", out.String(), want)
	}
	out.Reset()
	if err := runImportCSV(env{folder: folder, out: &out}, file); err != nil {
		t.Fatal(Explain(err))
	}
	if !strings.Contains(out.String(), "Nothing new was added.\nSkipped 2 partners already in Accord: Maison des Associations, René Roux.\n") {
		t.Fatalf("second import said:\n%s", out.String())
	}
	s, err := openStore(env{folder: folder})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ps := data.List[data.Partner](s); len(ps) != 2 || ps[0].Name != "Maison des Associations" || len(ps[0].Contacts) != 2 {
		t.Fatalf("stored %d partners", len(ps))
	}
}

// A wrong file is refused in one plain sentence, before the data folder is even touched.
func TestImportCSVRefusesWhatItCannotRead(t *testing.T) {
	cases := map[string]string{
		writeTemp(t, "photo.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"): "This file is a picture, not a CSV file.",
		writeTemp(t, "shopping.csv", "Item,Qty\nmilk,2\n"):               "No column looks like a name, an organisation or an e-mail address.",
		filepath.Join(t.TempDir(), "gone.csv"):                           "Accord cannot read the file",
	}
	for file, want := range cases {
		folder := t.TempDir()
		err := runImportCSV(env{folder: folder, out: &bytes.Buffer{}}, file)
		if err == nil || !strings.Contains(Explain(err), want) || !strings.Contains(Explain(err), "Nothing was imported.") {
			t.Errorf("%s: %v", filepath.Base(file), err)
		}
		if _, err := os.Stat(filepath.Join(folder, store.FileName)); !os.IsNotExist(err) {
			t.Errorf("%s: the data file was created", filepath.Base(file))
		}
	}
}

// Demo partners exported as CSV and imported into a folder with the same fields of the group's own (and
// nothing else) export again byte for byte the same, their charity numbers and insurance dates too.
func TestExportCSVImportsBackIdentically(t *testing.T) {
	from, to := t.TempDir(), t.TempDir()
	if code, _, stderr := run(t, from, "demo", "--partners", "30", "--seed", "3"); code != 0 {
		t.Fatal(stderr)
	}
	sameFields(t, from, to)
	file := filepath.Join(t.TempDir(), "partners.csv")
	var out bytes.Buffer
	if err := runExportCSV(env{folder: from, out: &out}, file); err != nil {
		t.Fatal(Explain(err))
	}
	if !strings.HasPrefix(out.String(), "Exported 30 partners with ") {
		t.Fatalf("export said %q", out.String())
	}
	if err := runImportCSV(env{folder: to, out: &out}, file); err != nil {
		t.Fatal(Explain(err))
	}
	var first, second bytes.Buffer
	if err := runExportCSV(env{folder: from, out: &first}, ""); err != nil {
		t.Fatal(err)
	}
	if err := runExportCSV(env{folder: to, out: &second}, ""); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Fatalf("the re-imported partners export differently:\n%s\n---\n%s", first.String(), second.String())
	}
	if !strings.Contains(first.String(), ",Charity number,Insurance expires\r\n") {
		t.Fatalf("no columns for the demo's own fields: %q", first.String()[:300])
	}
	if !strings.HasPrefix(first.String(), "\uFEFFOrganisation,") {
		t.Fatalf("no BOM: %q", first.String()[:20])
	}
}

// Activities export as a spreadsheet with who took part, so participation can be counted elsewhere.
func TestExportActivitiesCarriesParticipation(t *testing.T) {
	folder := t.TempDir()
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &data.Partner{Name: "Hill School", PartnerKind: data.PartnerEducation, Stage: data.StageActive}
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(&data.Activity{Name: "=Summer fair", ActivityKind: "event", Date: data.NewDate(2026, 6, 20), PartnerIDs: []string{p.ID},
		Participation: data.Participation{People: 140, New: 35, Community: 120}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, stderr := run(t, folder, "export", "csv", "activities")
	if code != 0 {
		t.Fatal(stderr)
	}
	want := "\uFEFFDate,Kind,Title,Partners,Agreement,People,New to us,Volunteers,From the community served,Summary\r\n" +
		"2026-06-20,event,'=Summer fair,Hill School,,140,35,,120,\r\n"
	if out != want {
		t.Errorf("export csv activities wrote\n%q\nwant\n%q", out, want)
	}
	file := filepath.Join(t.TempDir(), "activities.csv")
	if code, out, _ := run(t, folder, "export", "csv", "activities", "-o", file); code != 0 || !strings.Contains(out, "Exported 1 activity to "+file) {
		t.Errorf("exit %d: %q", code, out)
	}
}

func TestExportVCardHasOneCardPerContact(t *testing.T) {
	folder := t.TempDir()
	if err := runImportCSV(env{folder: folder, out: &bytes.Buffer{}}, writeTemp(t, "c.csv", frenchSheet)); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runExportVCard(env{folder: folder, out: &out}, ""); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "BEGIN:VCARD\r\n"); n != 3 || !strings.Contains(out.String(), "FN:Élodie Lefèvre\r\n") {
		t.Fatalf("%d cards:\n%s", n, out.String())
	}
	err := runExportVCard(env{folder: folder, out: &out}, filepath.Join(folder, "no such folder", "x.vcf"))
	if err == nil || !strings.Contains(Explain(err), "could not be written") {
		t.Fatalf("export into a missing folder: %v", err)
	}
}

// A French Excel file names its people "Personne à contacter": they become the partner's contacts, with
// their own e-mail addresses, and the columns Accord does not take are named, not dropped in silence.
func TestImportCSVFindsPeopleAndNamesTheColumnsItLeavesOut(t *testing.T) {
	folder := t.TempDir()
	file := writeTemp(t, "contacts.csv", "Organisme;Personne \xe0 contacter;Courriel;T\xe9l\xe9phone;Notes internes;Fax\r\n"+
		"Maison des Associations;\xc9lodie Lef\xe8vre;elodie@mda.fr;01 23 45 67 89;confidentiel;01 99 99 99 99\r\n"+
		"Atelier V\xe9lo;Sam Dupont;sam@velo.fr;;;\r\n")
	var out bytes.Buffer
	if err := runImportCSV(env{folder: folder, out: &out}, file); err != nil {
		t.Fatal(Explain(err))
	}
	if !strings.Contains(out.String(), "Added 2 partners with 2 contacts.\nThese columns were not imported: Notes internes, Fax.\n") {
		t.Fatalf("the import said:\n%s", out.String())
	}
	s, err := openStore(env{folder: folder})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mda := data.List[data.Partner](s)[1]
	if mda.Email != "" || len(mda.Contacts) != 1 || mda.Contacts[0].Name != "Élodie Lefèvre" || mda.Contacts[0].Email != "elodie@mda.fr" {
		t.Fatalf("stored %+v", mda)
	}
}

// Every CSV import that writes to data already held backs it up first, as the README promises, and says
// where the backup is.
func TestImportCSVBacksUpFirst(t *testing.T) {
	folder := t.TempDir()
	first := writeTemp(t, "first.csv", "Organisation,Name\nCafé Solidaire,Zoë\n")
	if err := runImportCSV(env{folder: folder, out: &bytes.Buffer{}}, first); err != nil {
		t.Fatal(Explain(err))
	}
	var out bytes.Buffer
	if err := runImportCSV(env{folder: folder, out: &out}, writeTemp(t, "second.csv", "Organisation,Name\nAtelier Vélo,Sam\n")); err != nil {
		t.Fatal(Explain(err))
	}
	backups, err := store.ListBackups(folder)
	if err != nil || len(backups) != 1 || backups[0].Reason != store.ReasonImport {
		t.Fatalf("backups %+v, %v", backups, err)
	}
	if !strings.Contains(out.String(), "Your data as it was before the import is kept in the backup "+backups[0].Path+".") {
		t.Fatalf("the import said:\n%s", out.String())
	}
	b, err := store.Open(backups[0].Path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if ps := data.List[data.Partner](b); len(ps) != 1 || ps[0].Name != "Café Solidaire" {
		t.Fatalf("the backup holds %d partners", len(ps))
	}
}

// Every file a command writes holds the group's personal data, so, like the database, only its owner may
// read it — also where an earlier file of that name (from an older Accord) could be read by anyone.
func TestCommandsWriteFilesOnlyTheirOwnerCanRead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no owner-only permission bits")
	}
	folder, out := t.TempDir(), t.TempDir()
	if code, _, stderr := run(t, folder, "demo", "--partners", "5", "--seed", "3"); code != 0 {
		t.Fatal(stderr)
	}
	commands := map[string][]string{
		"partners.csv":  {"export", "csv", "-o"},
		"partners.vcf":  {"export", "vcard", "-o"},
		"export.json":   {"export", "json", "-o"},
		"directory.pdf": {"report", "directory", "-o"},
		"register.pdf":  {"report", "register", "-o"},
		"accord.ics":    {"calendar", "-o"},
	}
	for name, args := range commands {
		path := filepath.Join(out, name)
		if err := os.WriteFile(path, []byte("older"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := run(t, folder, append(args, path)...); code != 0 {
			t.Fatalf("%s: %s", name, stderr)
		}
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 || info.Size() < 10 {
			t.Errorf("%s: %v, %v", name, info.Mode(), err)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(out, "*.partial")); len(leftovers) > 0 {
		t.Fatalf("left behind: %v", leftovers)
	}
}

// sameFields gives the folder to the fields of the group's own that the folder from has.
func sameFields(t *testing.T, from, to string) {
	t.Helper()
	var fields []data.Record
	for _, dir := range []string{from, to} {
		s, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if dir == from {
			for _, d := range data.List[data.FieldDefinition](s) {
				fields = append(fields, d)
			}
		} else if err := s.SaveAll(fields); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if len(fields) == 0 {
		t.Fatal("the demo has no fields of its own")
	}
}
