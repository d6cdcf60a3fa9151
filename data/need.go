package data

import "strconv"

// Need is one item of the community needs assessment: what the neighbourhood lacks and who works on it.
type Need struct {
	Meta
	Name        string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Priority    Priority   `json:"priority"`
	Source      NeedSource `json:"source,omitempty"`
	Area        string     `json:"area,omitempty"`
	Status      NeedStatus `json:"status"`
	// Opened is the day the need was raised, and Closed the day it was met or found no longer relevant
	// (see OpenedOn and ClosedOn for needs recorded before Accord kept them).
	Opened       Date     `json:"opened_on,omitzero"`
	Closed       Date     `json:"closed_on,omitzero"`
	PartnerIDs   []string `json:"partner_ids,omitempty"`
	AgreementIDs []string `json:"agreement_ids,omitempty"`
	// Custom holds the values of the group's own fields, by the field's ID.
	Custom map[string]string `json:"custom,omitempty"`
}

func (n *Need) CustomValues() map[string]string { return n.Custom }
func (n *Need) SetCustomValue(id, value string) { setCustom(&n.Custom, id, value) }

type Priority string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	PriorityHigh   Priority = "high"
	PriorityMedium Priority = "medium"
	PriorityLow    Priority = "low"
)

var Priorities = []Priority{PriorityHigh, PriorityMedium, PriorityLow}

// NeedSource is how the group learned of a need.
type NeedSource string

// i18n:keys: shown translated, so each string here is a translation key.
var NeedSources = []NeedSource{"survey", "meeting", "data", "other"}

type NeedStatus string

// i18n:keys: shown translated, so each string here is a translation key.
const (
	NeedOpen       NeedStatus = "open"
	NeedInProgress NeedStatus = "in progress"
	NeedMet        NeedStatus = "met"
	NeedDropped    NeedStatus = "no longer relevant"
)

var NeedStatuses = []NeedStatus{NeedOpen, NeedInProgress, NeedMet, NeedDropped}

func (n *Need) Kind() Kind    { return KindNeed }
func (n *Need) Title() string { return n.Name }

func (n *Need) Validate() error {
	var ps problems
	ps.required("title", n.Name, "Give the need a short title.")
	ps.short("title", n.Name, "The title")
	ps.long("description", n.Description, "The description")
	oneOf(&ps, "priority", n.Priority, Priorities, "priority")
	oneOf(&ps, "status", n.Status, NeedStatuses, "status")
	if !n.Opened.IsZero() && n.Closed.Before(n.Opened) && !n.Closed.IsZero() {
		ps.add("closed_on", "A need cannot be met or closed before the day it was raised.")
	}
	if n.Source != "" {
		oneOf(&ps, "source", n.Source, NeedSources, "source")
	}
	customProblems(&ps, n.Custom)
	return ps.err()
}

func (n *Need) SearchText() []string {
	return append([]string{n.Name, n.Description, n.Area}, customText(n.Custom)...)
}

func (n *Need) References() []Ref {
	return append(refs(KindPartner, n.PartnerIDs...), refs(KindAgreement, n.AgreementIDs...)...)
}

// Unmet is true while the need still waits for someone to meet it.
func (n *Need) Unmet() bool { return n.Status == NeedOpen || n.Status == NeedInProgress }

func refs(k Kind, ids ...string) []Ref {
	var out []Ref
	for _, id := range ids {
		if id != "" {
			out = append(out, Ref{k, id})
		}
	}
	return out
}

func itemField(list string, i int) string { return list + "." + strconv.Itoa(i) }
