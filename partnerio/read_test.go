package partnerio

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"accord/data"
)

func readFixture(t *testing.T, name string) (*Table, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Read(f)
}

// The same four people, saved in every encoding and with every separator a spreadsheet uses, read the same.
func TestReadEveryEncodingAndSeparator(t *testing.T) {
	wantHeaders := []string{"Organisation", "Name", "E-mail", "Phone", "Job Title", "Notes", "Type"}
	for _, name := range []string{"utf8.csv", "utf8-bom.csv", "utf16le-bom.txt", "utf16be-nobom.csv",
		"windows1252.csv", "semicolon.csv", "tab.tsv"} {
		t.Run(name, func(t *testing.T) {
			tab, err := readFixture(t, name)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(tab.Headers, wantHeaders) {
				t.Fatalf("headers %q", tab.Headers)
			}
			if len(tab.Rows) != 4 {
				t.Fatalf("%d rows, want 4", len(tab.Rows))
			}
			got := []string{tab.Rows[0].Cells[0], tab.Rows[0].Cells[1], tab.Rows[2].Cells[1], tab.Rows[3].Cells[1]}
			want := []string{"Café Solidaire", "Zoë Müller", "Iñaki Ibáñez", "Françoise Dubois"}
			if !slices.Equal(got, want) {
				t.Fatalf("cells %q, want %q", got, want)
			}
			if tab.Rows[3].Number != 5 || tab.Rows[3].Cells[0] != "" || tab.Rows[0].Cells[6] != "non-profit" {
				t.Fatalf("last row %+v", tab.Rows[3])
			}
		})
	}
}

func TestReadQuotedLineBreaksAndBlankRows(t *testing.T) {
	tab, err := readFixture(t, "multiline.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 4 {
		t.Fatalf("%d rows, want 4 (the blank one left out)", len(tab.Rows))
	}
	if want := "Call before noon.\nLoading bay at the back, \"door B\"."; tab.Rows[0].Cells[3] != want {
		t.Fatalf("notes %q", tab.Rows[0].Cells[3])
	}
	if tab.Rows[1].Number != 4 || tab.Rows[3].Number != 6 {
		t.Fatalf("row numbers %d, %d: want the spreadsheet's 4 and 6", tab.Rows[1].Number, tab.Rows[3].Number)
	}
}

func TestReadRefusesFilesThatAreNotText(t *testing.T) {
	for name, want := range map[string]string{
		"picture.png": "a picture",
		"random.bin":  "does not hold text",
	} {
		_, err := readFixture(t, name)
		var perr *data.PlainError
		if !errors.As(err, &perr) || !strings.Contains(perr.Error(), want) || !strings.Contains(perr.Advice, "Save As") {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, raw := range []string{"PK\x03\x04rest of a workbook", "%PDF-1.7\n", "", "\xEF\xBB\xBF"} {
		if _, err := Read(strings.NewReader(raw)); err == nil {
			t.Errorf("%q was accepted", raw)
		}
	}
}

func TestReadExcelSeparatorHintAndRaggedRows(t *testing.T) {
	tab, err := Read(strings.NewReader("sep=;\nName;E-mail\nAnn, Lee;ann@x.org;extra\nBo\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tab.Headers, []string{"Name", "E-mail", "Column 3"}) {
		t.Fatalf("headers %q", tab.Headers)
	}
	if !slices.Equal(tab.Rows[0].Cells, []string{"Ann, Lee", "ann@x.org", "extra"}) || tab.Rows[1].Cell(0) != "Bo" || tab.Rows[1].Cell(2) != "" {
		t.Fatalf("rows %q", tab.Rows)
	}
}

func TestReadRefusesHugeFiles(t *testing.T) {
	_, err := Read(bytes.NewReader(make([]byte, maxFileSize+1)))
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("err %v", err)
	}
}

func TestGuessHeaderStyles(t *testing.T) {
	cases := map[string]map[string]Field{
		"google.csv": {"Name": ContactName, "Given Name": FirstName, "Family Name": LastName, "E-mail 1 - Value": Email,
			"E-mail 1 - Type": Ignore, "Phone 1 - Value": Phone, "Organization 1 - Name": Organisation,
			"Organization 1 - Title": Role, "Address 1 - Formatted": Address, "Website 1 - Value": Website, "Notes": Notes},
		"outlook.csv": {"Title": Ignore, "First Name": FirstName, "Last Name": LastName, "Company": Organisation,
			"Job Title": Role, "Business Street": Address, "Business City": Address, "Business Phone": Phone,
			"Mobile Phone": Phone, "E-mail Address": Email, "E-mail 2 Address": Email, "E-mail Display Name": Ignore, "Web Page": Website},
		"french.csv": {"Organisme": Organisation, "Prénom": FirstName, "Nom": LastName, "Courriel": Email,
			"Téléphone": Phone, "Fonction": Role, "Adresse": Address, "Site web": Website, "Remarques": Notes},
		"spanish.csv": {"Organización": Organisation, "Nombre": FirstName, "Apellidos": LastName,
			"Correo electrónico": Email, "Teléfono": Phone, "Cargo": Role, "Dirección": Address, "Notas": Notes},
	}
	for name, want := range cases {
		tab, err := readFixture(t, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		m, err := Guess(tab.Headers)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, h := range tab.Headers {
			if f, ok := want[h]; ok && m[i] != f {
				t.Errorf("%s: %q mapped to %q, want %q", name, h, m[i], f)
			}
		}
	}
	for _, h := range []string{"SOCIÉTÉ", "Empresa", "Entidad", "Móvil", "Puesto", "Correo electrónico", "e-mail"} {
		if m, _ := Guess([]string{h}); m[0] == Ignore {
			t.Errorf("%q not recognised", h)
		}
	}
}

func TestGuessRefusesUnrecognisableColumns(t *testing.T) {
	tab, err := readFixture(t, "nocolumns.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Guess(tab.Headers)
	var perr *data.PlainError
	if !errors.As(err, &perr) || !strings.Contains(perr.Message, "No column looks like a name") {
		t.Fatalf("err %v", err)
	}
}

// One very wide row is read (it costs what it holds, not its width times every row); a file of little but
// separators, which would take many times its size in memory, is refused in plain words.
func TestReadTakesOneWideRowButNotAFileOfSeparators(t *testing.T) {
	wide := "Name,E-mail\nAnn,ann@x.org," + strings.Repeat("x,", 100_000) + "\n" + strings.Repeat("Bo,bo@x.org\n", 200)
	tab, err := Read(strings.NewReader(wide))
	if err != nil {
		t.Fatalf("a 200 KB row: %v", err)
	}
	if len(tab.Rows) != 201 || len(tab.Headers) != 100_002 || len(tab.Rows[1].Cells) != 2 {
		t.Fatalf("%d rows, %d headers, %d cells in row 3", len(tab.Rows), len(tab.Headers), len(tab.Rows[1].Cells))
	}
	separators := "Name,E-mail\n" + strings.Repeat(strings.Repeat("x,", 1000)+"\n", maxCells/1000+1)
	_, err = Read(strings.NewReader(separators))
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("err %v", err)
	}
}

// Every line end a spreadsheet writes ends a row: a lone CR among CRLF lines (old Mac Excel, or a file
// pasted together) no longer runs two rows into one, and a CR-only file is read row by row. A line break
// inside a quoted cell stays in the cell, as "\n".
func TestReadEveryLineEnd(t *testing.T) {
	cases := map[string]string{
		"lone CR among CRLF": "Name,E-mail,Notes\r\nAnn,ann@x.org,\r\nBo,bo@x.org,\"one\rtwo\"\rCy,cy@x.org,\r\n",
		"CR only":            "Name,E-mail,Notes\rAnn,ann@x.org\rBo,bo@x.org,\"one\r\ntwo\"\rCy,cy@x.org\r",
		"sep= then CR only":  "sep=,\rName,E-mail,Notes\rAnn,ann@x.org\rBo,bo@x.org,\"one\ntwo\"\r\rCy,cy@x.org",
	}
	for name, text := range cases {
		tab, err := Read(strings.NewReader(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got []string
		for _, r := range tab.Rows {
			got = append(got, fmt.Sprintf("%d %s %s %q", r.Number, r.Cell(0), r.Cell(1), r.Cell(2)))
		}
		want := []string{`2 Ann ann@x.org ""`, `3 Bo bo@x.org "one\ntwo"`, `4 Cy cy@x.org ""`}
		if name == "sep= then CR only" {
			want[2] = `5 Cy cy@x.org ""` // after a blank row
		}
		if !slices.Equal(got, want) || len(tab.Headers) != 3 {
			t.Errorf("%s: headers %q, rows %q", name, tab.Headers, got)
		}
	}
}

// A quotation mark that opens a cell and is never closed would swallow every row after it into one name:
// the file is refused, naming the line to fix, and nothing is imported.
func TestReadRefusesAQuotationMarkLeftOpen(t *testing.T) {
	cases := map[string]int{
		"Name,E-mail\r\nAnn,ann@x.org\r\n\"Bo Lee,bo@x.org\r\nCy,cy@x.org\r\nDee,\"dee@x.org\"\r\n": 3,
		"Name,E-mail\nAnn,ann@x.org\n\n\"Bo Lee,bo@x.org\nCy,cy@x.org\n":                            4,
		"Name;E-mail\rAnn;\"ann@x.org\rBo;bo@x.org\r":                                               2,
	}
	for text, line := range cases {
		_, err := Read(strings.NewReader(text))
		var perr *data.PlainError
		if !errors.As(err, &perr) || !strings.Contains(perr.Error(), fmt.Sprintf("quotation mark on line %d ", line)) ||
			!strings.Contains(perr.Advice, "Nothing was imported.") {
			t.Errorf("%q: %v", text, err)
		}
	}
	// A stray quotation mark inside a quoted cell that closes on its own line is read as spreadsheets do.
	tab, err := Read(strings.NewReader("Name,E-mail\n\"Ann \"the boss\" Lee\",ann@x.org\n\"Bo \"\"Jr\"\"\",bo@x.org\nCy \"C\",cy@x.org\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{tab.Rows[0].Cell(0), tab.Rows[1].Cell(0), tab.Rows[2].Cell(0)}; !slices.Equal(got, []string{`Ann "the boss" Lee`, `Bo "Jr"`, `Cy "C"`}) {
		t.Fatalf("names %q", got)
	}
}

// The column about a person is found in English, French, Spanish and German, and so are the others of a
// German address list.
func TestGuessPeopleInFourLanguages(t *testing.T) {
	for _, h := range []string{"Contact", "Contact person", "Contact Name", "Person", "Nom du contact", "Personne à contacter",
		"Interlocuteur", "Persona de contacto", "Contacto", "Nombre del contacto", "Ansprechpartner", "Ansprechpartnerin", "Kontaktperson"} {
		if m, _ := Guess([]string{h}); m[0] != ContactName {
			t.Errorf("%q mapped to %q, want %q", h, m[0], ContactName)
		}
	}
	german := map[string]Field{"Firma": Organisation, "Verein": Organisation, "Vorname": FirstName, "Nachname": LastName,
		"E-Mail-Adresse": Email, "Telefon": Phone, "Handy": Phone, "Straße": Address, "PLZ": Address, "Ort": Address,
		"Webseite": Website, "Funktion": Role, "Bemerkungen": Notes, "Kategorie": Kind}
	for h, want := range german {
		if m, _ := Guess([]string{h}); m[0] != want {
			t.Errorf("%q mapped to %q, want %q", h, m[0], want)
		}
	}
}
