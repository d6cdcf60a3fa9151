package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

var today = data.NewDate(2026, 11, 23)

func init() {
	now = func() time.Time { return today.Time().Add(10 * time.Hour) }
}

// fixture is a small store: our organisation, three partners and two agreements, one ending soon.
type fixture struct {
	store         *store.Store
	library, cafe *data.Partner
	soon, distant *data.Agreement
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureIn(t, t.TempDir())
}

// newFixtureIn makes the fixture in a folder of the test's choosing.
func newFixtureIn(t *testing.T, dir string) *fixture {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	t.Cleanup(func() { settle(t) }) // runs first: background work ends before the store closes
	s.Now = now                     // the store's clock is the screens' clock, so "deleted today" is today in both
	f := &fixture{store: s}
	org := s.Organisation()
	org.Name, org.Currency = "Riverside Residents", "EUR"
	f.save(t, org)
	settle(t)
	f.library = &data.Partner{Name: "Northside Library", PartnerKind: data.PartnerGovernment, Stage: data.StageActive,
		Contacts: []data.Contact{{Name: "Ελένη Παπαδοπούλου", Role: "Branch manager", MaySign: true}},
		Offers:   []data.Offer{{Kind: data.ResourceSpace, Description: "Meeting room", Value: 50000}}}
	f.cafe = &data.Partner{Name: "Café Solidaire", PartnerKind: data.PartnerBusiness, Stage: data.StageEngaged, FocusAreas: []string{"food security"}}
	f.save(t, f.library, f.cafe, &data.Partner{Name: "Green Allotments", PartnerKind: data.PartnerResidents, Stage: data.StageProspect})
	settle(t)
	f.soon = f.agreement("Homework club at the library", f.library.ID, today.AddDays(10))
	f.distant = f.agreement("Community fridge", f.cafe.ID, today.AddDays(300))
	f.save(t, f.soon, f.distant)
	settle(t)
	return f
}

func (f *fixture) agreement(title, partnerID string, end data.Date) *data.Agreement {
	return &data.Agreement{Name: title, AgreementKind: data.AgreementMOU, Status: data.StatusSigned,
		Start: today.AddDays(-100), End: end, Parties: []data.Party{
			{Us: true, Responsibilities: "Volunteers", Signatory: data.Signatory{Name: "Amara Okafor", SignedOn: today.AddDays(-101)}},
			{PartnerID: partnerID, Responsibilities: "Room", Signatory: data.Signatory{Name: "Ελένη Παπαδοπούλου", SignedOn: today.AddDays(-101)}}}}
}

func (f *fixture) save(t *testing.T, rs ...data.Record) {
	t.Helper()
	for _, r := range rs {
		if err := f.store.Save(r); err != nil {
			t.Fatal(err)
		}
	}
}

func showShell(t *testing.T, s *store.Store) (*shell, fyne.Window) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Accord")
	w.Resize(fyne.NewSize(1100, 720))
	sh := newShell(s, w)
	w.SetContent(sh.buildUI())
	settle(t)
	return sh, w
}

// eventually waits for work the screens do off the UI goroutine.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		runQueued()
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// walk visits every object in a tree, in reading order, looking inside widgets through their renderers.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

// press types Ctrl+key the way the window handles it: Fyne gives a shortcut to the menu bar first, even
// while a field has the keyboard.
func press(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if cs, ok := it.Shortcut.(*desktop.CustomShortcut); ok && cs.KeyName == key && cs.Modifier == fyne.KeyModifierShortcutDefault {
				it.Action()
				settle(t)
				return
			}
		}
	}
	t.Fatalf("no menu item for Ctrl+%s", key)
}

// textOf gathers every piece of text a user can read in an object tree.
func textOf(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			writeSegments(&b, x.Segments)
		}
	})
	return b.String()
}

func writeSegments(b *strings.Builder, segs []widget.RichTextSegment) {
	for _, s := range segs {
		switch x := s.(type) {
		case *widget.TextSegment:
			b.WriteString(x.Text + "\n")
		case *widget.ListSegment:
			writeSegments(b, x.Items)
		}
	}
}

func TestPartnersListFiltersAsYouTypeAndShowsTheChosenPartner(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	sh.nav.Select(1)
	settle(t)
	ps := sh.partners
	eventually(t, "all partners listed", func() bool { return len(ps.items) == 3 })
	if ps.counter.Text != "3 partners" {
		t.Fatalf("counter %q", ps.counter.Text)
	}
	test.Type(ps.query, "ελενη")
	settle(t)
	eventually(t, "search by contact name typed without accents", func() bool {
		return len(ps.items) == 1 && ps.items[0].Name == "Northside Library"
	})
	if ps.counter.Text != "1 partner" {
		t.Fatalf("counter %q", ps.counter.Text)
	}
	ps.list.Select(0)
	settle(t)
	shown := inputsOf(ps.pane)
	for _, want := range []string{"Northside Library", "Ελένη Παπαδοπούλου", "Branch manager", "Meeting room", "500.00"} {
		if !slices.Contains(shown, want) {
			t.Errorf("the editor shows no %q among %q", want, shown)
		}
	}
	if text := textOf(ps.pane); !strings.Contains(text, "Homework club at the library — active") {
		t.Errorf("linked agreements missing:\n%s", text)
	}
	ps.query.SetText("")
	settle(t)
	eventually(t, "the full list back", func() bool { return len(ps.items) == 3 })
	ps.kind.SetSelected("business")
	settle(t)
	if len(ps.items) != 1 || ps.items[0].Name != "Café Solidaire" {
		t.Fatalf("kind filter: %d partners", len(ps.items))
	}
}

// inputsOf lists what the entries in a tree hold.
func inputsOf(o fyne.CanvasObject) []string {
	var out []string
	for _, e := range find[*widget.Entry](o) {
		out = append(out, e.Text)
	}
	return out
}

func TestEditPartnerSaveDeleteAndUndo(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	ps := sh.partners
	var name *widget.Entry
	for _, e := range find[*widget.Entry](ps.pane) {
		if e.Text == "Café Solidaire" {
			name = e
		}
	}
	if name == nil {
		t.Fatal("no name entry")
	}
	name.SetText("")
	settle(t)
	if !strings.Contains(ps.editor.problems.Text, "Give the partner a name.") {
		t.Fatalf("problems: %q", ps.editor.problems.Text)
	}
	test.Type(name, "Café Solidaire du Marais")
	settle(t)
	test.Tap(button(t, ps.pane, "Add a person"))
	settle(t)
	people := find[*widget.Entry](ps.pane)
	for _, e := range people {
		if e.PlaceHolder == "For example: Chair" && e.Text == "" {
			test.Type(e, "Treasurer")
			settle(t)
		}
	}
	if !strings.Contains(ps.editor.problems.Text, "Contact 1 needs a name.") {
		t.Fatalf("a person without a name is not flagged: %q", ps.editor.problems.Text)
	}
	ps.editor.p.Contacts[0].Name = "Zoé Martin"
	ps.editor.changed()
	press(t, w, fyne.KeyS)
	settle(t)
	got := data.Lookup[data.Partner](f.store, f.cafe.ID)
	if got.Name != "Café Solidaire du Marais" || len(got.Contacts) != 1 || got.Contacts[0].Role != "Treasurer" {
		t.Fatalf("saved partner = %+v", got)
	}
	test.Tap(button(t, ps.pane, "Open profile to print"))
	settle(t)
	if _, err := os.Stat(filepath.Join(f.store.Dir(), "printed", "Profile of Café Solidaire du Marais.pdf")); err != nil {
		t.Fatalf("no profile printed: %v", err)
	}
	test.Tap(button(t, ps.pane, "Move to Trash"))
	settle(t)
	if f.store.Count(data.KindPartner) != 2 || len(ps.items) != 2 {
		t.Fatal("the partner was not moved to the Trash")
	}
	test.Tap(button(t, ps.undo, "Undo"))
	settle(t)
	if f.store.Count(data.KindPartner) != 3 || !ps.open() || ps.editor.p.ID != f.cafe.ID {
		t.Fatal("undo did not bring the partner back and open it")
	}
}

func TestDashboardCountsAndOpensAnAgreementThatEndsSoon(t *testing.T) {
	f := newFixture(t)
	sh, _ := showShell(t, f.store)
	dash := sh.entries[0].screen.(*dashboardScreen)
	var text string
	eventually(t, "the dashboard counts", func() bool {
		text = textOf(dash.body)
		return strings.Contains(text, "Riverside Residents")
	})
	for _, want := range []string{"Active partners", "of 3 partners", "0 drafts, 1 ends within 60 days", "0 actions open",
		"Homework club at the library ends in 10 days", "Partners contribute", "Average health"} {
		if !strings.Contains(text, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Community fridge ends") {
		t.Error("an agreement ending in 300 days is flagged")
	}
	test.Tap(button(t, dash.body, "Agreement register"))
	settle(t)
	test.Tap(button(t, dash.body, "Contact directory"))
	settle(t)
	dash.printReport("Annual report 2026", func(d data.Date) ([]byte, error) { return pdf.AnnualReport(f.store, 2026, d) })
	settle(t)
	printed, _ := filepath.Glob(filepath.Join(f.store.Dir(), "printed", "*.pdf"))
	if len(printed) != 3 {
		t.Fatalf("printed reports: %v", printed)
	}
	test.Tap(button(t, dash.body, "Save dates for your calendar…"))
	settle(t)
	if sh.win.Canvas().Overlays().Top() == nil {
		t.Fatal("saving the calendar did not ask where to save it")
	}
	sh.win.Canvas().Overlays().Top().Hide()
	settle(t)
	var link *widget.Hyperlink
	for _, b := range find[*widget.Hyperlink](dash.body) {
		if strings.HasPrefix(b.Text, "Homework club") {
			link = b
		}
	}
	if link == nil {
		t.Fatal("no link to the agreement ending soon")
	}
	test.TapAt(link, fyne.NewPos(20, link.MinSize().Height/2))
	as := sh.agreements
	eventually(t, "the agreement opened", func() bool {
		return strings.Contains(textOf(as.pane), "Homework club at the library")
	})
	detail := textOf(as.pane)
	for _, want := range []string{"active", "Northside Library", "Riverside Residents", "Amara Okafor"} {
		if !strings.Contains(detail, want) {
			t.Errorf("agreement detail lacks %q:\n%s", want, detail)
		}
	}
}

// TestFrenchCountsZeroAndOneAsOne reads the dashboard in French, where 0 and 1 both take the singular
// ("0 brouillon", "1 se termine"), and in English, where only 1 does ("0 drafts", "1 ends").
func TestFrenchCountsZeroAndOneAsOne(t *testing.T) {
	defer i18n.SetLanguage("en")
	f := newFixture(t)
	for lang, wants := range map[string][]string{
		"fr": {"sur 3 partenaires", "0 brouillon, 1 se termine dans les 60 jours", "0 action en cours", "se termine dans 10 jours"},
		"en": {"of 3 partners", "0 drafts, 1 ends within 60 days", "0 actions open", "ends in 10 days"},
	} {
		i18n.SetLanguage(lang)
		sh, _ := showShell(t, f.store)
		dash := sh.entries[0].screen.(*dashboardScreen)
		var text string
		eventually(t, "the dashboard counts", func() bool {
			text = textOf(dash.body)
			return strings.Contains(text, "Riverside Residents")
		})
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("the dashboard in %s lacks %q:\n%s", lang, want, text)
			}
		}
	}
}

func TestOpenErrorSaysWhatHappenedAndWhatToDo(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Accord")
	w.Resize(fyne.NewSize(900, 600))
	err := fmt.Errorf("open: %w", &data.PlainError{Message: "Your Accord data is already open in another Accord window.", Advice: "Close the other Accord window, then start Accord again.", Code: data.CodeLocked, Err: errors.New("timeout")})
	showOpenError(w, "/x", err)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	text := textOf(top)
	for _, want := range []string{"already open in another Accord window", "Close the other Accord window", "Try again", "Close Accord"} {
		if !strings.Contains(text, want) {
			t.Errorf("dialog lacks %q:\n%s", want, text)
		}
	}
}
