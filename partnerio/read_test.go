package partnerio

import (
	"bytes"
	"errors"
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
	if !slices.Equal(tab.Rows[0].Cells, []string{"Ann, Lee", "ann@x.org", "extra"}) || !slices.Equal(tab.Rows[1].Cells, []string{"Bo", "", ""}) {
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

func TestReadRefusesAFileThatWouldFillTheMemory(t *testing.T) {
	wide := strings.Repeat(",", 100_000) + "\n" + strings.Repeat("a\n", 200)
	_, err := Read(strings.NewReader(wide))
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("err %v", err)
	}
}
