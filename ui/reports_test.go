package ui

import (
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

// A meeting's participation is typed in its form, saved with it, and counted on the dashboard and on the
// partner's screen.
func TestParticipationIsCountedOnTheDashboardAndThePartner(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	as := showScreen[*activitiesScreen](t, sh)
	as.create()
	settle(t)
	ed := as.editor
	ed.a.Name, ed.a.PartnerIDs = "Summer fair", []string{f.library.ID}
	fieldAfter(t, as.pane, "How many took part").SetText("140")
	fieldAfter(t, as.pane, "Of them: new to us").SetText("35")
	ed.onSave()
	settle(t)
	saved := data.Lookup[data.Activity](f.store, ed.a.ID)
	if saved == nil || saved.Participation != (data.Participation{People: 140, New: 35}) {
		t.Fatalf("saved activity = %+v", saved)
	}
	dash := sh.entries[0].screen.(*dashboardScreen)
	sh.switchTo(0)
	settle(t)
	eventually(t, "the dashboard counts who took part", func() bool {
		text := textOf(dash.body)
		return strings.Contains(text, "People taking part\n140") && strings.Contains(text, "People taking part, month by month")
	})
	sh.open(sh.partners, f.library.ID)
	settle(t)
	eventually(t, "the partner's screen counts who took part", func() bool {
		return strings.Contains(textOf(sh.partners.pane), "2026: 1 activity, 140 people")
	})
}

// A signed agreement offers its progress report beside its PDF, and a partner made active by the
// signature is active from the day of the last signature.
func TestSignedAgreementPrintsItsProgressReport(t *testing.T) {
	f := newFixture(t)
	cafe, err := store.Get[data.Partner](f.store, f.cafe.ID)
	if err != nil {
		t.Fatal(err)
	}
	cafe.CreatedAt = today.AddDays(-400).Time() // entered long before the agreement
	f.save(t, cafe)
	sh, w, draft := openDraft(t, f)
	as := sh.agreements
	eventually(t, "the draft to open", func() bool { return strings.Contains(textOf(as.pane), "Reading circle") })
	if strings.Contains(textOf(as.pane), "Open progress report to print") {
		t.Error("a draft offers a progress report")
	}
	test.Tap(button(t, as.pane, "Send for signature"))
	settle(t)
	test.Tap(button(t, as.pane, "Record signatures…"))
	settle(t)
	form := w.Canvas().Overlays().Top()
	for _, e := range find[*widget.DateEntry](form) {
		d := today.AddDays(-3).Time()
		e.SetDate(&d)
	}
	test.Tap(button(t, form, "Save"))
	settle(t)
	eventually(t, "the café to be active", func() bool {
		return data.Lookup[data.Partner](f.store, f.cafe.ID).Stage == data.StageActive
	})
	cafe = data.Lookup[data.Partner](f.store, f.cafe.ID)
	if cafe.StageOn(today.AddDays(-3)) != data.StageActive || cafe.StageOn(today.AddDays(-4)) != data.StageEngaged {
		t.Errorf("the café's stages: %+v", cafe.Stages)
	}
	closeTopDialog(sh.win.Canvas())
	test.Tap(button(t, as.pane, "Open progress report to print"))
	settle(t)
	eventually(t, "the progress report to be written", func() bool {
		files, _ := filepath.Glob(filepath.Join(f.store.Dir(), "printed", "Progress of Reading circle*.pdf"))
		if len(files) != 1 {
			return false
		}
		b, _ := os.ReadFile(files[0])
		return strings.HasPrefix(string(b), "%PDF-") && strings.HasSuffix(strings.TrimSpace(string(b)), "%%EOF")
	})
	if len(data.PrintsOf(f.store, draft.ID)) != 0 {
		t.Error("a progress report was recorded as a print of the agreement")
	}
}

// fieldAfter is the entry a form's row puts under a label.
func fieldAfter(t *testing.T, o fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	for _, box := range find[*fyne.Container](o) {
		if len(box.Objects) >= 2 {
			if l, ok := box.Objects[0].(*widget.Label); ok && l.Text == label {
				if e := entryOf(box.Objects[1]); e != nil {
					return e
				}
			}
		}
	}
	t.Fatalf("no field %q", label)
	return nil
}
