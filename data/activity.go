package data

import "strings"

// ActivityKind is what sort of contact an activity was.
type ActivityKind string

// i18n:keys: shown translated, so each string here is a translation key.
var ActivityKinds = []ActivityKind{"meeting", "call", "event", "visit"}

// Activity is a meeting, call, event or visit with partners, and the actions agreed there.
type Activity struct {
	Meta
	ActivityKind ActivityKind `json:"kind"`
	Date         Date         `json:"date"`
	Name         string       `json:"title"`
	PartnerIDs   []string     `json:"partner_ids,omitempty"`
	AgreementID  string       `json:"agreement_id,omitempty"`
	Summary      string       `json:"summary,omitempty"`
	Notes        string       `json:"notes,omitempty"`
	// Participation counts the people who took part; zero when nobody counted.
	Participation Participation `json:"participation,omitzero"`
	Actions       []ActionItem  `json:"actions,omitempty"`
	// Custom holds the values of the group's own fields, by the field's ID.
	Custom map[string]string `json:"custom,omitempty"`
}

func (a *Activity) CustomValues() map[string]string { return a.Custom }
func (a *Activity) SetCustomValue(id, value string) { setCustom(&a.Custom, id, value) }

// ActionItem is something someone agreed to do by a date.
type ActionItem struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Owner  string `json:"owner,omitempty"`
	Due    Date   `json:"due,omitzero"`
	Done   bool   `json:"done,omitempty"`
	DoneOn Date   `json:"done_on,omitzero"`
}

// Overdue is true when the action is not done and its due day has passed.
func (a ActionItem) Overdue(today Date) bool {
	return !a.Done && !a.Due.IsZero() && a.Due.Before(today)
}

func (a *Activity) Kind() Kind    { return KindActivity }
func (a *Activity) Title() string { return a.Name }

func (a *Activity) Validate() error {
	var ps problems
	ps.required("title", a.Name, "Give the activity a short title.")
	ps.short("title", a.Name, "The title")
	onePick(&ps, "kind", a.ActivityKind, "kind of activity")
	if a.Date.IsZero() {
		ps.add("date", "Give the date of the activity.")
	}
	ps.long("notes", a.Notes, "The notes")
	ps.long("summary", a.Summary, "The summary")
	a.Participation.validate(&ps)
	validateActions(&ps, a.Actions)
	customProblems(&ps, a.Custom)
	return ps.err()
}

func (a *Activity) SearchText() []string {
	out := []string{a.Name, a.Summary}
	for _, x := range a.Actions {
		out = append(out, x.Text, x.Owner)
	}
	return append(out, customText(a.Custom)...)
}

func (a *Activity) References() []Ref {
	return append(refs(KindPartner, a.PartnerIDs...), refs(KindAgreement, a.AgreementID)...)
}

func validateActions(ps *problems, actions []ActionItem) {
	for i, x := range actions {
		if strings.TrimSpace(x.Text) == "" {
			ps.add(itemField("actions", i), "Say what action %d is.", i+1)
		}
	}
}
