package calendar

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"accord/data"
)

var today = data.NewDate(2026, time.November, 23)

// fixture is a small store and the IDs the tests look for.
type fixture struct {
	s                                     *data.Memory
	clock                                 time.Time
	agreement, meeting                    string
	actionToday, actionMeeting, actionOld string
	greekTitle, meetingTitle, longSummary string
}

func (f *fixture) save(t *testing.T, rs ...data.Record) {
	t.Helper()
	for _, r := range rs {
		f.clock = f.clock.Add(time.Minute)
		if err := f.s.Save(r); err != nil {
			t.Fatalf("save %s %q: %v", r.Kind(), r.Title(), err)
		}
	}
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{clock: time.Date(2026, 11, 1, 9, 0, 0, 0, time.FixedZone("Athens", 2*3600))}
	s := data.NewMemory()
	s.Now = func() time.Time { return f.clock }
	f.s = s
	f.greekTitle = "Συμφωνία συνεργασίας για τη σίτιση των ηλικιωμένων της γειτονιάς"
	f.meetingTitle = "Planning, budget; volunteers"
	f.longSummary = strings.Repeat("We agreed the winter food drive plan, the rota and the budget. ", 4) + "\nNext: ask the school."

	f.save(t, &data.Organisation{Meta: data.Meta{ID: data.OrganisationID}, Name: "Σύλλογος Γειτονιάς, Αθήνα"})
	kitchen := &data.Partner{Name: "Κοινωνική Κουζίνα", PartnerKind: data.PartnerKinds[0], Stage: data.Stages[0], Influence: 3, Interest: 3}
	school := &data.Partner{Name: "Hill School; Parents, Friends", PartnerKind: data.PartnerKinds[0], Stage: data.Stages[0], Influence: 3, Interest: 3}
	f.save(t, kitchen, school)

	agreement := func(title string, status data.AgreementStatus, end data.Date) *data.Agreement {
		return &data.Agreement{Name: title, AgreementKind: data.AgreementMOU, Status: status,
			Start: data.NewDate(2026, time.January, 15), End: end, ReviewEveryMonths: 6,
			Parties: []data.Party{{Us: true, Responsibilities: "Run it."}, {PartnerID: kitchen.ID, Responsibilities: "Cook."}}}
	}
	live := agreement(f.greekTitle, data.StatusSigned, data.NewDate(2028, time.February, 29))
	deleted := agreement("Binned agreement", data.StatusSigned, data.NewDate(2027, time.June, 30))
	draft := agreement("Draft agreement", data.StatusDraft, data.NewDate(2027, time.March, 31))
	f.save(t, live, deleted, draft)
	deleted.Deleted = true
	f.agreement = live.ID

	eval := &data.Evaluation{AgreementID: live.ID, Date: data.NewDate(2026, time.July, 1), Actions: []data.ActionItem{
		{ID: data.NewID(), Text: "Send the minutes", Owner: "Μαρία", Due: today},
		{ID: data.NewID(), Text: "Already done", Due: today.AddDays(3), Done: true, DoneOn: today},
	}}
	meeting := &data.Activity{ActivityKind: "meeting", Date: today.AddDays(10), Name: f.meetingTitle,
		PartnerIDs: []string{kitchen.ID, school.ID}, AgreementID: live.ID, Summary: f.longSummary,
		Actions: []data.ActionItem{{ID: data.NewID(), Text: "Book the hall", Owner: "Sam", Due: data.NewDate(2026, time.December, 1)}}}
	oldCall := &data.Activity{ActivityKind: "call", Date: today.AddDays(-RecentDays - 1), Name: "Old call",
		Actions: []data.ActionItem{{ID: data.NewID(), Text: "Chase the invoice", Due: today.AddDays(-30)}}}
	f.save(t, eval, meeting, oldCall)
	f.meeting = meeting.ID
	f.actionToday, f.actionMeeting, f.actionOld = eval.Actions[0].ID, meeting.Actions[0].ID, oldCall.Actions[0].ID
	return f
}

func write(t *testing.T, s *data.Memory) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, s, today); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// parse reads the file with an independent iCalendar parser.
func parse(t *testing.T, b []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, b)
	}
	return cal
}

func text(t *testing.T, props ical.Props, name string) string {
	t.Helper()
	v, err := props.Text(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func TestWriteHoldsTheRightEvents(t *testing.T) {
	f := newFixture(t)
	cal := parse(t, write(t, f.s))
	for prop, want := range map[string]string{"PRODID": ProdID, "VERSION": "2.0", "CALSCALE": "GREGORIAN",
		"METHOD": "PUBLISH", "X-WR-CALNAME": "Σύλλογος Γειτονιάς, Αθήνα"} {
		if got := text(t, cal.Props, prop); got != want {
			t.Errorf("%s is %q, want %q", prop, got, want)
		}
	}
	type want struct {
		date    data.Date
		summary string
	}
	wants := map[string]want{
		"agreement-end-" + f.agreement + "@accord": {data.NewDate(2028, time.February, 29), "Agreement ends: " + f.greekTitle},
		"review-" + f.agreement + "@accord":        {data.NewDate(2027, time.January, 1), "Evaluation due: " + f.greekTitle},
		"action-" + f.actionToday + "@accord":      {today, "Action due: Send the minutes (Μαρία)"},
		"action-" + f.actionMeeting + "@accord":    {data.NewDate(2026, time.December, 1), "Action due: Book the hall (Sam)"},
		"action-" + f.actionOld + "@accord":        {today.AddDays(-30), "Action due: Chase the invoice"},
		"activity-" + f.meeting + "@accord":        {today.AddDays(10), "Meeting: " + f.meetingTitle},
	}
	events := cal.Events()
	var got []string
	for _, ev := range events {
		uid := text(t, ev.Props, "UID")
		got = append(got, uid)
		w, ok := wants[uid]
		if !ok {
			t.Errorf("unexpected event %s: %s", uid, text(t, ev.Props, "SUMMARY"))
			continue
		}
		start, err := ev.DateTimeStart(time.UTC)
		if err != nil || !start.Equal(w.date.Time()) {
			t.Errorf("%s starts %v (%v), want %s", uid, start, err, w.date)
		}
		end, err := ev.DateTimeEnd(time.UTC)
		if err != nil || !end.Equal(w.date.AddDays(1).Time()) {
			t.Errorf("%s ends %v (%v), want the day after %s", uid, end, err, w.date)
		}
		if ev.Props.Get("DTSTART").ValueType() != ical.ValueDate {
			t.Errorf("%s is not an all-day event", uid)
		}
		if s := text(t, ev.Props, "SUMMARY"); s != w.summary {
			t.Errorf("%s summary %q, want %q", uid, s, w.summary)
		}
	}
	if len(got) != len(wants) {
		t.Errorf("%d events, want %d (no deleted or draft agreement, done action or old activity): %v", len(got), len(wants), got)
	}
	sorted := slices.IsSortedFunc(events, func(a, b ical.Event) int {
		da, _ := a.DateTimeStart(time.UTC)
		db, _ := b.DateTimeStart(time.UTC)
		if c := da.Compare(db); c != 0 {
			return c
		}
		return strings.Compare(a.Props.Get("UID").Value, b.Props.Get("UID").Value)
	})
	if !sorted {
		t.Errorf("events are not by date then UID: %v", got)
	}

	meeting := events[slices.Index(got, "activity-"+f.meeting+"@accord")]
	desc := text(t, meeting.Props, "DESCRIPTION")
	for _, part := range []string{strings.TrimSpace(f.longSummary), "Κοινωνική Κουζίνα, Hill School; Parents, Friends", f.greekTitle} {
		if !strings.Contains(desc, part) {
			t.Errorf("the meeting's description lacks %q:\n%s", part, desc)
		}
	}
	if cats, err := meeting.Props.Get("CATEGORIES").TextList(); err != nil || !slices.Equal(cats, []string{"Activity", "Meeting"}) {
		t.Errorf("the meeting's categories are %q (%v)", cats, err)
	}
}

func TestWriteIsWellFormed(t *testing.T) {
	f := newFixture(t)
	b := write(t, f.s)
	if !bytes.HasSuffix(b, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("the file does not end with END:VCALENDAR and CRLF")
	}
	if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Errorf("a line ends without CRLF")
	}
	folded := 0
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("a fold split a UTF-8 sequence: %q", l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded < 4 {
		t.Errorf("only %d continuation lines; the long description and Greek summaries should fold", folded)
	}
	// Unfolded, the escapes are as RFC 5545 writes them.
	unfolded := strings.ReplaceAll(string(b), "\r\n ", "")
	for _, want := range []string{`SUMMARY:Meeting: Planning\, budget\; volunteers`, `budget. \nNext: ask the school.`,
		`X-WR-CALNAME:Σύλλογος Γειτονιάς\, Αθήνα`} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("the file lacks %s", want)
		}
	}
	if !bytes.Equal(b, write(t, f.s)) {
		t.Errorf("two runs on the same data differ")
	}
}

func TestEditKeepsUIDsAndRaisesSequence(t *testing.T) {
	f := newFixture(t)
	before := write(t, f.s)
	m := data.Lookup[data.Activity](f.s, f.meeting)
	m.Notes = "The calendar does not show notes."
	f.clock = f.clock.Add(24 * time.Hour)
	f.save(t, m)
	after := write(t, f.s)

	stampless := regexp.MustCompile(`(?m)^(SEQUENCE|DTSTAMP):.*\r\n`)
	if a, b := stampless.ReplaceAll(before, nil), stampless.ReplaceAll(after, nil); !bytes.Equal(a, b) {
		t.Fatalf("an edit changed more than SEQUENCE and DTSTAMP:\n%s\n---\n%s", a, b)
	}
	seq := func(b []byte, uid string) (int, time.Time) {
		for _, ev := range parse(t, b).Events() {
			if ev.Props.Get("UID").Value == uid {
				n, err := ev.Props.Get("SEQUENCE").Int()
				stamp, err2 := ev.Props.DateTime("DTSTAMP", nil)
				if err != nil || err2 != nil {
					t.Fatal(err, err2)
				}
				return n, stamp
			}
		}
		t.Fatalf("no event %s", uid)
		return 0, time.Time{}
	}
	for _, uid := range []string{"activity-" + f.meeting + "@accord", "action-" + f.actionMeeting + "@accord"} {
		n0, t0 := seq(before, uid)
		n1, t1 := seq(after, uid)
		if n1 <= n0 || !t1.Equal(f.clock.UTC()) || t0.Equal(t1) {
			t.Errorf("%s: sequence %d→%d, stamp %v→%v; want a higher sequence stamped %v", uid, n0, n1, t0, t1, f.clock.UTC())
		}
	}
	review := "review-" + f.agreement + "@accord"
	n0, _ := seq(before, review)
	if n1, _ := seq(after, review); n0 != n1 {
		t.Errorf("the review changed sequence though neither the agreement nor its evaluations did")
	}
}

// A new evaluation moves the review date; the event must say it changed, though the agreement did not.
func TestNewEvaluationMovesTheReview(t *testing.T) {
	f := newFixture(t)
	uid := "review-" + f.agreement + "@accord"
	find := func() Event {
		for _, ev := range Events(f.s, today) {
			if ev.UID == uid {
				return ev
			}
		}
		t.Fatalf("no event %s", uid)
		return Event{}
	}
	before := find()
	f.save(t, &data.Evaluation{AgreementID: f.agreement, Date: today})
	after := find()
	if after.Date != today.AddMonths(6) || after.Sequence <= before.Sequence || !after.Stamp.After(before.Stamp) {
		t.Errorf("review before %+v, after %+v; want it six months from today with a higher sequence", before, after)
	}
}

func TestFoldNeverSplitsACharacter(t *testing.T) {
	for n := 60; n < 200; n++ {
		var b bytes.Buffer
		line := "SUMMARY:" + strings.Repeat("x", n%3) + strings.Repeat("Ω€😀", n/3)
		fold(&b, line)
		parts := strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n")
		joined := parts[0]
		for i, p := range parts {
			if len(p) > 75 || !utf8.ValidString(p) || (i > 0 && !strings.HasPrefix(p, " ")) {
				t.Fatalf("n=%d: bad physical line %q", n, p)
			}
			if i > 0 {
				joined += p[1:]
			}
		}
		if joined != line {
			t.Fatalf("n=%d: unfolding gives %q, want %q", n, joined, line)
		}
	}
}

// A partner's insurance expiring on 9 January, in a field that reminds 30 days before, is an event on 9
// January with an alarm 30 days before it: in December, across the year's end. Insurance dates long past
// and a date field that does not remind stay out.
func TestACustomDateIsAnEventWithItsAlarm(t *testing.T) {
	s := data.NewMemory()
	insurance := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Insurance expires")}, Name: "Insurance expires",
		For: data.KindPartner, Type: data.FieldDate, RemindDays: 30}
	founded := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Founded")}, Name: "Founded",
		For: data.KindPartner, Type: data.FieldDate}
	bank := &data.Partner{Name: "Northside Food Bank", PartnerKind: data.PartnerKinds[0], Stage: data.Stages[0]}
	bank.SetCustomValue(insurance.ID, "2027-01-09")
	bank.SetCustomValue(founded.ID, "2026-12-01")
	lapsed := &data.Partner{Name: "Old Bowls Club", PartnerKind: data.PartnerKinds[0], Stage: data.Stages[0]}
	lapsed.SetCustomValue(insurance.ID, "2026-03-01")
	for _, r := range []data.Record{insurance, founded, bank, lapsed} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	cal := parse(t, write(t, s))
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events; want the food bank's insurance only", len(events))
	}
	ev := events[0]
	if uid := text(t, ev.Props, "UID"); uid != "field-"+insurance.ID+"-"+bank.ID+"@accord" {
		t.Errorf("UID %s", uid)
	}
	if s := text(t, ev.Props, "SUMMARY"); s != "Insurance expires: Northside Food Bank" {
		t.Errorf("summary %q", s)
	}
	if start, err := ev.DateTimeStart(time.UTC); err != nil || !start.Equal(data.NewDate(2027, time.January, 9).Time()) {
		t.Errorf("starts %v (%v)", start, err)
	}
	alarms := ev.Children
	if len(alarms) != 1 || alarms[0].Name != "VALARM" {
		t.Fatalf("alarms %+v", alarms)
	}
	trigger := alarms[0].Props.Get("TRIGGER")
	if trigger == nil || trigger.Value != "-P30D" {
		t.Fatalf("trigger %+v", trigger)
	}
}

// A volunteer's DBS check, in a date field on contacts that reminds, is an event naming the volunteer and
// the partner, one for each contact, with its alarm.
func TestAContactsDateIsAnEvent(t *testing.T) {
	s := data.NewMemory()
	dbs := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindContact, "DBS check expires")}, Name: "DBS check expires",
		For: data.KindContact, Type: data.FieldDate, RemindDays: 14}
	bank := &data.Partner{Name: "Northside Food Bank", PartnerKind: data.PartnerKinds[0], Stage: data.Stages[0],
		Contacts: []data.Contact{{ID: "c1", Name: "Ana Ruiz"}, {ID: "c2", Name: "Ben Ode"}}}
	bank.Contacts[0].SetCustomValue(dbs.ID, "2027-02-01")
	bank.Contacts[1].SetCustomValue(dbs.ID, "2027-03-01")
	for _, r := range []data.Record{dbs, bank} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	events := parse(t, write(t, s)).Events()
	if len(events) != 2 {
		t.Fatalf("%d events; want one for each volunteer", len(events))
	}
	ev := events[0]
	if text(t, events[1].Props, "SUMMARY") == "DBS check expires: Ana Ruiz (Northside Food Bank)" {
		ev = events[1]
	}
	if s := text(t, ev.Props, "SUMMARY"); s != "DBS check expires: Ana Ruiz (Northside Food Bank)" {
		t.Errorf("summary %q", s)
	}
	if uid := text(t, ev.Props, "UID"); uid != "field-"+dbs.ID+"-"+bank.ID+"-c1@accord" {
		t.Errorf("UID %s", uid)
	}
	if trigger := ev.Children[0].Props.Get("TRIGGER"); trigger == nil || trigger.Value != "-P14D" {
		t.Errorf("trigger %+v", trigger)
	}
}
