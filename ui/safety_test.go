package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// findButton finds the button with the text in an object tree, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if b := asButton(o); b != nil {
		if b.Text == text {
			return b
		}
		return nil
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
		return nil
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// topDialogText is the text of the dialog on top of the window, or "".
func topDialogText(w fyne.Window) string {
	if top := w.Canvas().Overlays().Top(); top != nil {
		return textOf(top)
	}
	return ""
}

func tapInDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	var b *widget.Button
	eventually(t, "a "+text+" button", func() bool {
		if top := w.Canvas().Overlays().Top(); top != nil {
			b = findButton(top, text)
		}
		return b != nil && !b.Disabled()
	})
	test.Tap(b)
	settle(t)
}

// showScreen switches the shell to the screen of type S and returns it.
func showScreen[S screen](t *testing.T, sh *shell) S {
	t.Helper()
	for i, e := range sh.entries {
		if s, ok := e.screen.(S); ok {
			sh.nav.Select(i)
			settle(t)
			return s
		}
	}
	var none S
	t.Fatalf("no %T in the navigation", none)
	return none
}

func navigate(t *testing.T, sh *shell, id screenID) screen {
	t.Helper()
	sh.goTo(id)
	settle(t)
	if sh.current == nil || sh.current.id != id {
		t.Fatalf("screen %d is not showing", id)
	}
	return sh.current.screen
}

func TestTrashPutsADeletedPartnerBack(t *testing.T) {
	f := newFixture(t)
	if err := f.store.Delete(data.KindPartner, f.cafe.ID); err != nil {
		t.Fatal(err)
	}
	sh, _ := showShell(t, f.store)
	ts := navigate(t, sh, trashID).(*trashScreen)
	eventually(t, "the deleted partner listed", func() bool { return len(ts.items) == 1 })
	if ts.counter.Text != "1 deleted record" || !ts.restoreBtn.Disabled() {
		t.Fatalf("counter %q, restore enabled before a choice", ts.counter.Text)
	}
	row := textOf(ts.list)
	for _, want := range []string{"Café Solidaire", "partner · deleted today, still linked from agreement “Community fridge”, so kept in the Trash"} {
		if !strings.Contains(row, want) {
			t.Errorf("trash row lacks %q:\n%s", want, row)
		}
	}
	ts.list.Select(0)
	settle(t)
	test.Tap(ts.restoreBtn)
	settle(t)
	eventually(t, "the partner back", func() bool {
		return len(ts.items) == 0 && len(data.List[data.Partner](f.store)) == 3
	})
}

// A record nothing links to says when it goes for good; see TestTrashPutsADeletedPartnerBack for one that
// stays while an agreement names it.
func TestTrashSaysWhenARecordGoesForGood(t *testing.T) {
	f := newFixture(t)
	allotments := store.Search[data.Partner](f.store, "allotments")[0]
	if err := f.store.Delete(data.KindPartner, allotments.ID); err != nil {
		t.Fatal(err)
	}
	sh, _ := showShell(t, f.store)
	ts := navigate(t, sh, trashID).(*trashScreen)
	eventually(t, "the deleted partner listed", func() bool { return len(ts.items) == 1 })
	if row := textOf(ts.list); !strings.Contains(row, "partner · deleted today, removed for good in 30 days") {
		t.Fatalf("trash row:\n%s", row)
	}
}

func TestDeletePermanentlyAsksFirstAndSaysWhatStaysInBackups(t *testing.T) {
	f := newFixture(t)
	f.store.Delete(data.KindPartner, f.cafe.ID)
	sh, w := showShell(t, f.store)
	ts := navigate(t, sh, trashID).(*trashScreen)
	eventually(t, "the deleted partner listed", func() bool { return len(ts.items) == 1 })
	ts.list.Select(0)
	settle(t)
	test.Tap(ts.deleteBtn)
	settle(t)
	text := topDialogText(w)
	for _, want := range []string{"Delete permanently?", "“Café Solidaire” will be removed from Accord for good", "cannot be undone", "backups made before now", "USB stick"} {
		if !strings.Contains(text, want) {
			t.Errorf("the question lacks %q:\n%s", want, text)
		}
	}
	tapInDialog(t, w, "Cancel")
	if data.Lookup[data.Partner](f.store, f.cafe.ID) == nil {
		t.Fatal("Cancel deleted the partner")
	}
	test.Tap(ts.deleteBtn)
	settle(t)
	tapInDialog(t, w, "Delete permanently")
	eventually(t, "the partner gone for good", func() bool {
		return data.Lookup[data.Partner](f.store, f.cafe.ID) == nil && len(ts.items) == 0
	})
}

func TestRestoreABackupFromTheListInTwoClicks(t *testing.T) {
	f := newFixture(t)
	backup, err := f.store.Backup(store.ReasonDaily)
	if err != nil {
		t.Fatal(err)
	}
	f.store.Delete(data.KindPartner, f.library.ID)
	f.save(t, &data.Partner{Name: "Added after the backup", PartnerKind: data.PartnerOther, Stage: data.StageProspect})
	settle(t)
	folder := f.store.Dir()
	sh, w := showShell(t, f.store)
	bs := navigate(t, sh, backupsID).(*backupsScreen)
	eventually(t, "the backup listed", func() bool { return len(bs.backups) == 1 && bs.backups[0].Path == backup })

	test.Tap(findButton(bs.list, "Restore…")) // click one
	settle(t)
	eventually(t, "the backup checked", func() bool { return strings.Contains(topDialogText(w), "This backup holds") })
	text := topDialogText(w)
	for _, want := range []string{"Today at", "Daily backup", "This backup holds: your organisation's details, 3 partners, 2 agreements.",
		"Your data now holds: your organisation's details, 3 partners, 2 agreements, and 1 in the Trash.", "backed up first"} {
		if !strings.Contains(text, want) {
			t.Errorf("the restore dialog lacks %q:\n%s", want, text)
		}
	}
	tapInDialog(t, w, "Restore this backup") // click two
	eventually(t, "the data reopened", func() bool { return strings.Contains(topDialogText(w), "Your data was restored") })
	if !strings.Contains(topDialogText(w), "before-restore-") {
		t.Errorf("the result does not say where the data as it was went:\n%s", topDialogText(w))
	}
	if _, ok := w.Content().(*fyne.Container); ok {
		t.Fatal("the window shows no data after the restore") // a shell is a split, an error a centred label
	}
	w.Close() // closes the reopened store
	s, err := store.Open(filepath.Join(folder, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	names := make([]string, 0, 3)
	for _, p := range data.List[data.Partner](s) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ", "); got != "Café Solidaire, Green Allotments, Northside Library" {
		t.Fatalf("after the restore: %s", got)
	}
}

func TestBackUpNowToAStickThatWasPulledOut(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	bs := navigate(t, sh, backupsID).(*backupsScreen)
	stick := filepath.Join(t.TempDir(), "STICK")
	bs.backUpTo(stick)
	eventually(t, "the failure explained", func() bool { return strings.Contains(topDialogText(w), "plug the stick back in") })
	if fileExists(stick) {
		t.Fatal("the backup made the stick's folder on the laptop's disk")
	}
	os.Mkdir(stick, 0o700)
	bs.backUpTo(stick)
	eventually(t, "the backup written", func() bool { return strings.Contains(topDialogText(w), "Your data is backed up in "+stick) })
	entries, _ := os.ReadDir(stick)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "accord-backup-2026-11-23-") {
		t.Fatalf("on the stick: %v", entries)
	}
}

func TestImportProblemsAreListedInTheWindow(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	bs := navigate(t, sh, backupsID).(*backupsScreen)
	file := filepath.Join(t.TempDir(), "edited.json")
	os.WriteFile(file, []byte("{\"format\": \"accord-export\", \"version\": 1,\n\"partners\": [{\"id\": \"p1\", \"name\": \"\", \"kind\": \"business\", \"stage\": \"active\"}]}"), 0o600)
	bs.importFrom(file)
	eventually(t, "the problems listed", func() bool { return strings.Contains(topDialogText(w), "Nothing was imported") })
	if text := topDialogText(w); !strings.Contains(text, "Line 2, partner p1: Give the partner a name.") {
		t.Fatalf("dialog:\n%s", text)
	}
}

func TestADamagedFileIsSetAsideAndTheNewestGoodBackupRestored(t *testing.T) {
	f := newFixture(t)
	if _, err := f.store.Backup(store.ReasonDaily); err != nil {
		t.Fatal(err)
	}
	folder, path := f.store.Dir(), f.store.Path()
	f.store.Close()
	b, _ := os.ReadFile(path)
	damaged := append(b[:8192:8192], bytes.Repeat([]byte{0xFF}, len(b)-8192)...)
	os.WriteFile(path, damaged, 0o600)
	_, err := store.Open(path, store.Options{})
	if err == nil {
		t.Fatal("the damaged file opened")
	}

	a := test.NewTempApp(t)
	w := a.NewWindow("Accord")
	w.Resize(fyne.NewSize(1100, 720))
	showOpenError(w, folder, err)
	if text := topDialogText(w); !strings.Contains(text, "damaged") || !strings.Contains(text, "Choose a backup file…") {
		t.Fatalf("dialog:\n%s", text)
	}
	tapInDialog(t, w, "Restore the newest good backup")
	eventually(t, "the data restored and open", func() bool { return strings.Contains(topDialogText(w), "Your data was restored") })
	defer w.Close()
	text := topDialogText(w)
	if !strings.Contains(text, "3 partners") || !strings.Contains(text, "The damaged data file was kept, unchanged, as "+path+".damaged-") {
		t.Fatalf("result:\n%s", text)
	}
	kept, _ := filepath.Glob(path + ".damaged-*")
	if len(kept) != 1 {
		t.Fatalf("damaged copies kept: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, damaged) {
		t.Fatal("the damaged file was not kept as it was")
	}
}

// A JSON export of another laptop imported from Backups shows at once on the partners list, with the
// partners this one held: the import writes a copy of the file, puts it in place and loads the index again,
// while the window goes on reading.
func TestAnImportedFileShowsOnThePartnersList(t *testing.T) {
	other, err := store.Open(filepath.Join(t.TempDir(), "other", store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	hall := &data.Partner{Name: "Eastfield Tenants Hall", PartnerKind: data.PartnerResidents, Stage: data.StageActive}
	if err := other.Save(hall); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "from-the-other-laptop.json")
	if err := other.ExportJSONFile(file); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t)
	held := f.store.Count(data.KindPartner)
	sh, w := showShell(t, f.store)
	navigate(t, sh, partnersID) // built before the import: it must show what the import brought
	bs := navigate(t, sh, backupsID).(*backupsScreen)
	bs.importFrom(file)
	eventually(t, "the import's summary", func() bool { return strings.Contains(topDialogText(w), "1 partner") })
	w.Canvas().Overlays().Top().Hide()
	ps := navigate(t, sh, partnersID).(*partnersScreen)
	test.Type(ps.query, "eastfield")
	eventually(t, "the imported partner listed", func() bool { return len(ps.items) == 1 && ps.items[0].ID == hall.ID })
	ps.query.SetText("")
	eventually(t, "every partner listed", func() bool { return len(ps.items) == held+1 })
}
