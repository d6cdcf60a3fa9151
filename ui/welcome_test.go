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

// newFolder opens an empty data folder, as a first start does.
func newFolder(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	t.Cleanup(func() { settle(t) }) // runs first: background work ends before the store closes
	s.Now = now
	return s
}

func newWindow(t *testing.T) fyne.Window {
	w := test.NewTempApp(t).NewWindow("Accord")
	w.Resize(fyne.NewSize(1100, 720))
	t.Cleanup(func() { settle(t) })
	return w
}

func content(w fyne.Window) fyne.CanvasObject { return w.Canvas().Content() }

func TestANewUserGetsThroughTheWelcome(t *testing.T) {
	s, w := newFolder(t), newWindow(t)
	showData(w, s, dashboardID)
	if text := textOf(content(w)); !strings.Contains(text, "Welcome to Accord") || !strings.Contains(text, "Question 1 of 3") {
		t.Fatalf("a new data folder does not start with the welcome:\n%s", text)
	}
	test.Tap(button(t, content(w), "Next"))
	settle(t)
	next := button(t, content(w), "Next")
	if !next.Disabled() {
		t.Error("Next is enabled before the organisation has a name")
	}
	test.Type(find[*widget.Entry](content(w))[0], "Riverside Residents")
	settle(t)
	if next.Disabled() {
		t.Fatal("Next stays disabled once the organisation has a name")
	}
	test.Type(find[*field](content(w))[1], "12 Mill Lane, Riverside")
	find[*widget.RadioGroup](content(w))[0].SetSelected(data.PaperLetter)
	test.Tap(next)
	settle(t)
	if !strings.Contains(textOf(content(w)), "Who usually signs") {
		t.Fatalf("the third question is not about the signatory:\n%s", textOf(content(w)))
	}
	entries := find[*widget.Entry](content(w))
	test.Type(entries[0], "Amara Okafor")
	settle(t)
	test.Type(entries[1], "Chair")
	settle(t)
	test.Tap(button(t, content(w), "Finish"))
	settle(t)

	org := s.Organisation()
	if org.Name != "Riverside Residents" || org.Address != "12 Mill Lane, Riverside" || org.PaperSize != data.PaperLetter || org.SignatoryName != "Amara Okafor" || org.SignatoryTitle != "Chair" {
		t.Fatalf("the welcome saved %+v", org)
	}
	if !strings.Contains(textOf(content(w)), "Needs attention") {
		t.Fatalf("after the welcome the dashboard does not show:\n%s", textOf(content(w)))
	}
	showData(w, s, dashboardID)
	if strings.Contains(textOf(content(w)), "Welcome to Accord") {
		t.Error("the welcome comes back once the organisation is set up")
	}
}

func TestTheWelcomeCanBeSkippedAndDoesNotComeBack(t *testing.T) {
	s, w := newFolder(t), newWindow(t)
	showData(w, s, dashboardID)
	test.Tap(button(t, content(w), "Skip for now"))
	settle(t)
	showData(w, s, dashboardID)
	if strings.Contains(textOf(content(w)), "Welcome to Accord") {
		t.Error("a skipped welcome comes back")
	}
	if s.Organisation().Name != "" {
		t.Error("skipping saved an organisation")
	}
}

func TestDemoDataIsKeptApartAndEasyToLeave(t *testing.T) {
	s, w := newFolder(t), newWindow(t)
	real := s.Dir()
	showData(w, s, dashboardID)
	test.Tap(button(t, content(w), "Explore with demo data first"))
	settle(t)
	eventually(t, "the demo data", func() bool { return strings.Contains(textOf(content(w)), "You are exploring demo data") })
	if _, err := os.Stat(filepath.Join(real, demoFolder, demoMarker)); err != nil {
		t.Fatalf("the demo folder is not labelled: %v", err)
	}
	if w.Title() != "Accord — demo data" {
		t.Errorf("window title %q does not say demo", w.Title())
	}
	test.Tap(button(t, content(w), "Leave the demo"))
	settle(t)
	eventually(t, "the real data again", func() bool { return strings.Contains(textOf(content(w)), "Welcome to Accord") })

	w.Close() // which closes the data, as quitting Accord does
	again, err := store.Open(filepath.Join(real, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if n := len(data.List[data.Partner](again)); n != 0 {
		t.Errorf("the real data folder holds %d demo partners", n)
	}
}

func TestTheWelcomeSaysAtOnceWhenTheNameIsTooLong(t *testing.T) {
	s, w := newFolder(t), newWindow(t)
	showData(w, s, dashboardID)
	test.Tap(button(t, content(w), "Next"))
	settle(t)
	find[*widget.Entry](content(w))[0].SetText(strings.Repeat("Riverside ", 60))
	test.Tap(button(t, content(w), "Next"))
	settle(t)
	if top := w.Canvas().Overlays().Top(); top == nil || !strings.Contains(textOf(top), "too long") {
		t.Fatal("a 600-letter name is not refused with a message")
	}
	if !strings.Contains(textOf(content(w)), "Your organisation") {
		t.Error("the welcome moved on past a name it cannot save")
	}
}
