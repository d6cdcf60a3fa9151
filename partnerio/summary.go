package partnerio

import (
	"strings"

	"accord/data"
)

// Summary counts what an import adds, and lists what it leaves out and why.
type Summary struct {
	Partners, Contacts     int // new partners, and the contacts they come with
	Merged, MergedContacts int // partners in Accord that gain contacts, and how many they gain
	Skipped                []Skipped
	Problems               []RowProblem
	Unused                 []string // columns of the file not imported
	// Backup is the backup made just before the import wrote anything; empty before Apply, when nothing
	// was written, or when the data folder held nothing to back up.
	Backup string
}

// Summary is what the plan would do, or has done once applied.
func (plan *ImportPlan) Summary() Summary {
	sum := Summary{Partners: len(plan.New), Merged: len(plan.Merged), Skipped: plan.Skipped, Problems: plan.Problems,
		Unused: plan.Unused, Backup: plan.backup}
	for _, p := range plan.New {
		sum.Contacts += len(p.Contacts)
	}
	for _, m := range plan.Merged {
		sum.MergedContacts += m.Added
	}
	return sum
}

// namesShown is how many skipped partners or unused columns a summary names before it only counts the rest.
const namesShown = 10

// Describe tells the summary in a few lines, translated with t and count: what was added, what was
// already there, the columns not imported, one line per row left out, and the backup made first.
func (s Summary) Describe(t data.Translate, count data.Count) []string {
	var lines []string
	switch {
	case s.Partners > 0:
		lines = append(lines, t("Added %s with %s.", count(s.Partners, "%d partner", "%d partners"),
			count(s.Contacts, "%d contact", "%d contacts")))
	case s.Merged == 0:
		lines = append(lines, t("Nothing new was added."))
	}
	if s.Merged > 0 {
		lines = append(lines, t("Added %s to %s already in Accord.", count(s.MergedContacts, "%d contact", "%d contacts"),
			count(s.Merged, "%d partner", "%d partners")))
	}
	if len(s.Skipped) > 0 {
		names := make([]string, len(s.Skipped))
		for i, sk := range s.Skipped {
			names[i] = sk.name(t)
		}
		lines = append(lines, t("Skipped %s already in Accord: %s.", count(len(s.Skipped), "%d partner", "%d partners"),
			someOf(count, names)))
	}
	return append(lines, leftOut(t, count, s.Unused, s.Problems, s.Backup)...)
}

// someOf joins the first namesShown names and counts the rest.
func someOf(count data.Count, names []string) string {
	if len(names) > namesShown {
		names = append(names[:namesShown:namesShown], count(len(names)-namesShown, "and %d other", "and %d others"))
	}
	return strings.Join(names, ", ")
}

// name is the partner as the file names it, and as Accord does where that is not just another spelling
// (a partner found by its e-mail address).
func (sk Skipped) name(t func(string, ...any) string) string {
	if data.Fold(sk.Name) == data.Fold(sk.Existing) {
		return sk.Name
	}
	return t("%s (as %s)", sk.Name, sk.Existing)
}

// leftOut is what every import summary ends with: the columns it did not use, the rows it left out and
// why, and the backup of the data as it was before.
func leftOut(t data.Translate, count data.Count, unused []string, problems []RowProblem, backup string) []string {
	var lines []string
	if len(unused) > 0 {
		lines = append(lines, t("These columns were not imported: %s.", someOf(count, unused)))
	}
	for _, p := range problems {
		lines = append(lines, t("Row %d was left out: %s", p.Row, t(p.Problem.Text, p.Problem.Args...)))
	}
	if backup != "" {
		lines = append(lines, t("Your data as it was before the import is kept in the backup %s.", backup))
	}
	return lines
}
