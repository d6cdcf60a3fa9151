package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/partnerio"
	"accord/store"
)

const contactsCSV = `Organisation,First Name,Last Name,E-mail,Job Title,Favourite colour
Parish of St Anne,Mary,O'Brien,mary@stanne.example,Secretary,green
Parish of St Anne,Tom,Walsh,tom@stanne.example,Treasurer,blue
Café Solidaire,Inès,Roux,ines@cafe.example,Cook,red
`

func TestImportContactsPreviewsFixesTheMappingAndImports(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	sh.open(sh.partners, f.library.ID)
	settle(t)
	table, err := partnerio.Read(strings.NewReader(contactsCSV))
	if err != nil {
		t.Fatal(err)
	}
	imp := &partnerImport{store: f.store, win: w, table: table, done: sh.partners.refresh}
	imp.mapping, _ = partnerio.Guess(table.Headers)
	imp.show("contacts.csv")
	settle(t)
	if !strings.Contains(imp.summary.Text, "1 partner") || !strings.Contains(imp.summary.Text, "Café Solidaire") ||
		!strings.Contains(imp.summary.Text, "These columns were not imported: Favourite colour.") {
		t.Fatalf("preview summary: %q", imp.summary.Text)
	}
	// The user says the last column is the contact's notes instead of leaving it out.
	selects := find[*widget.Select](w.Canvas().Overlays().Top())
	selects[5].SetSelected("notes")
	settle(t)
	if imp.mapping[5] != partnerio.Notes || strings.Contains(imp.summary.Text, "not imported") {
		t.Fatalf("mapping after the change: %v; preview %q", imp.mapping, imp.summary.Text)
	}
	test.Tap(imp.apply)
	settle(t)
	got := store.Search[data.Partner](f.store, "st anne")
	if len(got) != 1 || len(got[0].Contacts) != 2 || got[0].Contacts[0].Notes != "green" {
		t.Fatalf("imported: %+v", got)
	}
	if f.store.Count(data.KindPartner) != 4 || len(data.Lookup[data.Partner](f.store, f.cafe.ID).Contacts) != 0 {
		t.Fatal("the duplicate Café Solidaire was not skipped")
	}
	if len(sh.partners.items) != 4 {
		t.Fatalf("the list shows %d partners after the import", len(sh.partners.items))
	}
	backups, err := store.ListBackups(f.store.Dir())
	if err != nil || len(backups) == 0 || backups[0].Reason != store.ReasonImport {
		t.Fatalf("no backup before the import: %+v, %v", backups, err)
	}
}
