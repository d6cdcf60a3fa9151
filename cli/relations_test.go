package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accord/data"
	"accord/store"
)

// partnersIn fills a data folder with our organisation, the council, the food bank and a school, and an
// agreement between us and the food bank.
func partnersIn(t *testing.T, folder string) {
	t.Helper()
	s, err := openStore(env{folder: folder})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	org := s.Organisation()
	org.Name = "Riverside Residents"
	bank := &data.Partner{Name: "Northside Food Bank", PartnerKind: data.PartnerNonProfit, Stage: data.StageActive}
	err = s.SaveAll([]data.Record{org, bank,
		&data.Partner{Name: "Riverside Council", PartnerKind: data.PartnerGovernment, Stage: data.StageActive},
		&data.Partner{Name: "Hillcrest School", PartnerKind: data.PartnerEducation, Stage: data.StageEngaged}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(&data.Agreement{Name: "Food parcels", AgreementKind: data.AgreementMOU, Status: data.StatusSigned,
		Parties: []data.Party{{Us: true, Responsibilities: "Volunteers"}, {PartnerID: bank.ID, Responsibilities: "Parcels"}}}); err != nil {
		t.Fatal(err)
	}
}

// The volunteer's "done": the council funds the food bank, recorded from the food bank's side in a
// spreadsheet; both are listed, a second laptop has the same after a sync, and its printed network shows
// the food bank as the partner that connects us to the council.
func TestRelationsImportedListedSyncedAndPrinted(t *testing.T) {
	shared, ana, ben := t.TempDir(), t.TempDir(), t.TempDir()
	partnersIn(t, ana)
	sheet := writeTemp(t, "relations.csv", "Organisation 1,Organisation 2,Relationship,Start date\n"+
		"Northside Food Bank,Riverside Council,is funded by,2024-04-01\n"+
		"Hillcrest School,Riverside Residents,shares premises with,\n")
	code, out, stderr := run(t, ana, "import", "relations", sheet)
	if code != 0 || !strings.HasPrefix(out, "Added 2 relations.\n") || !strings.Contains(out, "backup") {
		t.Fatalf("import: exit %d, %q %q", code, out, stderr)
	}
	_, anaList, _ := run(t, ana, "list", "relations")
	for _, want := range []string{"\tRiverside Council funds Northside Food Bank (from 2024-04-01)\n", "\tHillcrest School shares premises with Riverside Residents\n"} {
		if !strings.Contains(anaList, want) {
			t.Errorf("list relations does not say %q:\n%s", want, anaList)
		}
	}
	if code, out, _ := run(t, ana, "import", "relations", sheet); code != 0 || !strings.HasPrefix(out, "Nothing new was added.\nSkipped 2 relations already in Accord.") {
		t.Fatalf("the same file again: exit %d, %q", code, out)
	}
	if _, cards, _ := run(t, ana, "export", "vcard"); !strings.Contains(cards, "\r\nRELATED;VALUE=text:Riverside Council funds Northside Food Bank\r\n") {
		t.Errorf("the address book does not carry the relation:\n%s", cards)
	}
	for _, l := range []string{ana, ben} {
		if code, _, stderr := run(t, l, "sync", "--folder", shared); code != 0 {
			t.Fatalf("sync: %s", stderr)
		}
	}
	if _, benList, _ := run(t, ben, "list", "relations"); benList != anaList {
		t.Fatalf("after the sync the second laptop lists:\n%s\nthe first:\n%s", benList, anaList)
	}
	file := filepath.Join(t.TempDir(), "network.pdf")
	if code, out, stderr := run(t, ben, "report", "network", "-o", file, "--paper", "a3"); code != 0 || strings.TrimSpace(out) != file {
		t.Fatalf("report network: exit %d, %q %q", code, out, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b)
	for _, want := range []string{"PARTNERSHIP NETWORK", "Riverside Council Funds Northside Food Bank", "Northside Food Bank connects you to 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed network does not say %q:\n%s", want, text)
		}
	}
}

func TestRelationsExportImportsBackIntoAnotherFolder(t *testing.T) {
	from, to := t.TempDir(), t.TempDir()
	partnersIn(t, from)
	partnersIn(t, to)
	sheet := writeTemp(t, "relations.csv", "From;To;Type;Description\n"+
		"Riverside Council;Northside Food Bank;funds;Community grant\n"+
		"Hillcrest School;Northside Food Bank;lends vans to;\n")
	if code, _, stderr := run(t, from, "import", "relations", sheet); code != 0 {
		t.Fatal(stderr)
	}
	exported := filepath.Join(t.TempDir(), "out.csv")
	if code, out, stderr := run(t, from, "export", "relations", "-o", exported); code != 0 || !strings.Contains(out, "Exported 2 relations") {
		t.Fatalf("export: exit %d, %q %q", code, out, stderr)
	}
	if code, out, stderr := run(t, to, "import", "relations", exported); code != 0 || !strings.HasPrefix(out, "Added 2 relations.\nNew kinds of relation: lends vans to.") {
		t.Fatalf("import of the export: exit %d, %q %q", code, out, stderr)
	}
	lines := func(folder string) string {
		_, out, _ := run(t, folder, "list", "relations")
		var kept []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			_, sentence, _ := strings.Cut(l, "\t")
			kept = append(kept, sentence)
		}
		return strings.Join(kept, "\n")
	}
	if a, b := lines(from), lines(to); a != b {
		t.Fatalf("exported:\n%s\nimported:\n%s", a, b)
	}
}

func TestNetworkReportMistakes(t *testing.T) {
	folder := t.TempDir()
	partnersIn(t, folder)
	file := filepath.Join(t.TempDir(), "network.pdf")
	for _, args := range [][]string{{"network"}, {"network", "x", "-o", file}, {"network", "-o", file, "--paper", "A5"},
		{"annual", "2026", "-o", file, "--focus", "food"}} {
		var usage usageError
		if _, err := report(folder, args...); !errors.As(err, &usage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	_, err := report(folder, "network", "-o", file, "--focus", "knitting")
	if err == nil || !strings.Contains(Explain(err), "No partner works on knitting.") {
		t.Errorf("an unknown focus area: %v", err)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("a failed report wrote a file")
	}
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := store.Get[data.Partner](s, data.List[data.Partner](s)[0].ID)
	p.FocusAreas = []string{"Food security"}
	err = s.Save(p)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := report(folder, "network", "-o", file, "--focus", "FOOD SECURITY"); err != nil {
		t.Errorf("a focus area written in capitals: %v", err)
	}
}
