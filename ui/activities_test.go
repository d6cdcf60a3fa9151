package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
)

func TestLogAMeetingTickOffItsActionsAndOpenOneFromTheDashboard(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	as := showScreen[*activitiesScreen](t, sh)
	as.create()
	settle(t)
	ed := as.editor
	ed.a.Name = "Planning the summer fair"
	test.Tap(button(t, as.pane, "Add a partner"))
	settle(t)
	choosePartnerInDialog(t, w, "library")
	test.Tap(button(t, as.pane, "Add an action"))
	settle(t)
	test.Tap(button(t, as.pane, "Add an action"))
	settle(t)
	ed.a.Actions[0].Text, ed.a.Actions[0].Owner, ed.a.Actions[0].Due = "Book the hall", "Amara", today.AddDays(-2)
	ed.a.Actions[1].Text, ed.a.Actions[1].Due = "Order tables", today.AddDays(5)
	ed.changed()
	ed.onSave()
	settle(t)
	saved := data.Lookup[data.Activity](f.store, ed.a.ID)
	if saved == nil || len(saved.PartnerIDs) != 1 || saved.PartnerIDs[0] != f.library.ID || len(saved.Actions) != 2 {
		t.Fatalf("saved activity = %+v", saved)
	}
	if len(as.actions) != 2 || !as.actions[0].Overdue || as.actions[0].Action.Text != "Book the hall" {
		t.Fatalf("open actions: %+v", as.actions)
	}
	// The dashboard lists the overdue action; choosing it opens the meeting.
	dash := sh.entries[0].screen.(*dashboardScreen)
	sh.switchTo(0)
	settle(t)
	var overdue *widget.Hyperlink
	for _, b := range find[*widget.Hyperlink](dash.body) {
		if strings.HasPrefix(b.Text, "Overdue action: Book the hall") {
			overdue = b
		}
	}
	if overdue == nil {
		t.Fatalf("the dashboard does not list the overdue action:\n%s", textOf(dash.body))
	}
	overdue.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // as a keyboard user opens it
	settle(t)
	if sh.current.screen != as || !as.open() || as.editor.a.ID != saved.ID {
		t.Fatal("the overdue action did not open its meeting")
	}
	as.markDone(as.actions[0])
	settle(t)
	if len(as.actions) != 1 || !data.Lookup[data.Activity](f.store, saved.ID).Actions[0].Done {
		t.Fatal("ticking the action off did not save it as done")
	}
}
