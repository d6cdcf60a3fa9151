package demo

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"accord/data"
	"accord/store"
)

var today = data.NewDate(2026, 5, 15)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "accord.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func generate(t testing.TB, partners int, seed int64) (*store.Store, Summary) {
	t.Helper()
	s := openStore(t)
	sum, err := Generate(s, Options{Partners: partners, Seed: seed, Today: today})
	if err != nil {
		t.Fatalf("Generate(%d partners, seed %d): %v", partners, seed, err)
	}
	return s, sum
}

// all returns every live record in the store, kind by kind.
func all(s *store.Store) []data.Record {
	var out []data.Record
	if o := data.Lookup[data.Organisation](s, data.OrganisationID); o != nil {
		out = append(out, o)
	}
	for _, k := range data.RecordKinds[1:] {
		out = append(out, s.Records(k)...)
	}
	return out
}

func exists(s *store.Store, ref data.Ref) bool { return s.Record(ref.Kind, ref.ID) != nil }

// checkLinks fails the test for every reference that points nowhere, and for links the generic check
// cannot see: goal progress against the agreement's goals, respondents and signatories from its parties.
func checkLinks(t *testing.T, s *store.Store) {
	t.Helper()
	broken := 0
	for _, r := range all(s) {
		for _, ref := range r.References() {
			if !exists(s, ref) {
				broken++
				if broken <= 5 {
					t.Errorf("%s %q points at missing %s %s", r.Kind(), r.Title(), ref.Kind, ref.ID)
				}
			}
		}
	}
	for _, e := range data.List[data.Evaluation](s) {
		a := data.Lookup[data.Agreement](s, e.AgreementID)
		if a == nil {
			continue // reported above
		}
		for _, gp := range e.GoalProgress {
			if !slices.ContainsFunc(a.Goals, func(g data.Goal) bool { return g.ID == gp.GoalID }) {
				t.Errorf("evaluation of %q reports progress on goal %s it does not have", a.Name, gp.GoalID)
			}
		}
		for _, r := range e.Respondents {
			if !r.Us && !slices.Contains(a.PartnerIDs(), r.PartnerID) {
				t.Errorf("respondent %s speaks for %s, not a party to %q", r.Name, r.PartnerID, a.Name)
			}
		}
	}
	for _, a := range data.List[data.Agreement](s) {
		for _, p := range a.Parties {
			if p.Us {
				continue
			}
			partner := data.Lookup[data.Partner](s, p.PartnerID)
			if partner == nil {
				continue
			}
			if !slices.ContainsFunc(partner.Signatories(), func(c data.Contact) bool {
				return c.ID == p.Signatory.ContactID && c.Name == p.Signatory.Name
			}) {
				t.Errorf("%q: %s signs for %s but may not sign", a.Name, p.Signatory.Name, partner.Name)
			}
		}
	}
}

func TestGenerateFillsTheStore(t *testing.T) {
	s, sum := generate(t, 50, 1)

	if sum[data.KindOrganisation] != 1 || sum[data.KindPartner] != 50 {
		t.Errorf("summary %v: want 1 organisation and 50 partners", sum)
	}
	for _, k := range data.RecordKinds {
		if k != data.KindOrganisation && s.Count(k) != sum[k] {
			t.Errorf("%s: the store holds %d, the summary says %d", k, s.Count(k), sum[k])
		}
		if sum[k] == 0 && k != data.KindPrint { // prints come from printing, which demo data leaves to the user
			t.Errorf("no %s made", k)
		}
	}
	if got := len(all(s)); got != sum.Total() || s.Rev() != uint64(sum.Total()) {
		t.Errorf("store holds %d records at revision %d, summary says %d", got, s.Rev(), sum.Total())
	}
	if sum[data.KindAgreement] < 50/3 || sum[data.KindNeed] < 10 || sum[data.KindActivity] != 100 {
		t.Errorf("summary %v: want about a third as many agreements as partners, N/5 needs, 2N activities", sum)
	}
	o := s.Organisation()
	if o.Name == "" || o.Address == "" || o.SignatoryName == "" || o.SignatoryTitle == "" || o.Currency != "EUR" || o.PaperSize != data.PaperA4 {
		t.Errorf("organisation is incomplete: %+v", o)
	}
	for _, r := range all(s) {
		if err := r.Validate(); err != nil {
			t.Errorf("%s %q is invalid: %v", r.Kind(), r.Title(), err)
		}
	}
}

func TestEveryKindAndStageAppears(t *testing.T) {
	s, _ := generate(t, 50, 2)
	kinds := map[data.PartnerKind]int{}
	stages := map[data.Stage]int{}
	for _, p := range data.List[data.Partner](s) {
		kinds[p.PartnerKind]++
		stages[p.Stage]++
		if len(p.Contacts) < 1 || len(p.Contacts) > 4 || len(p.Offers) > 3 {
			t.Errorf("%s has %d contacts and %d offers", p.Name, len(p.Contacts), len(p.Offers))
		}
		if p.Stage == data.StageActive && len(p.Signatories()) == 0 {
			t.Errorf("active partner %s has nobody who may sign", p.Name)
		}
		if len(p.FocusAreas) == 0 {
			t.Errorf("%s has no focus areas", p.Name)
		}
	}
	for _, k := range data.PartnerKinds {
		if kinds[k] == 0 {
			t.Errorf("no partner of kind %q", k)
		}
	}
	for _, st := range data.Stages {
		if stages[st] == 0 {
			t.Errorf("no partner at stage %q", st)
		}
	}
}

func TestNamesUseManyScripts(t *testing.T) {
	s, _ := generate(t, 50, 3)
	has := map[string]bool{}
	for _, p := range data.List[data.Partner](s) {
		names := []string{p.Name}
		for _, c := range p.Contacts {
			names = append(names, c.Name)
		}
		for _, n := range names {
			for _, r := range n {
				switch {
				case unicode.Is(unicode.Greek, r):
					has["Greek"] = true
				case unicode.Is(unicode.Cyrillic, r):
					has["Cyrillic"] = true
				case r > unicode.MaxASCII && unicode.Is(unicode.Latin, r):
					has["accented Latin"] = true
				}
			}
			if isASCII(n) {
				has["plain ASCII"] = true
			}
		}
	}
	for _, script := range []string{"Greek", "Cyrillic", "accented Latin", "plain ASCII"} {
		if !has[script] {
			t.Errorf("no partner or contact name in %s", script)
		}
	}
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

func TestAgreementsHaveUsAndOneToThreePartners(t *testing.T) {
	s, _ := generate(t, 50, 4)
	org := s.Organisation()
	for _, a := range data.List[data.Agreement](s) {
		us := 0
		for _, p := range a.Parties {
			if p.Us {
				us++
				if p.Signatory.Name != org.SignatoryName {
					t.Errorf("%q: we sign as %q, not the organisation's signatory %q", a.Name, p.Signatory.Name, org.SignatoryName)
				}
			}
		}
		if n := len(a.Parties); n < 2 || n > 4 || us != 1 {
			t.Errorf("%q has %d parties, %d of them us; want 2 to 4, exactly one us", a.Name, n, us)
		}
		if len(a.Goals) < 1 || len(a.Goals) > 4 {
			t.Errorf("%q has %d goals", a.Name, len(a.Goals))
		}
		for _, g := range a.Goals {
			if g.ID == "" || g.Target <= 0 || g.Unit == "" || g.Due.IsZero() {
				t.Errorf("%q: goal %+v is not SMART", a.Name, g)
			}
		}
		if a.Status == data.StatusSigned && !a.AllSigned() {
			t.Errorf("%q is signed but not by everyone", a.Name)
		}
		if a.ReviewEveryMonths != 6 && a.ReviewEveryMonths != 12 {
			t.Errorf("%q: review every %d months", a.Name, a.ReviewEveryMonths)
		}
	}
}

func TestEveryReferenceResolves(t *testing.T) {
	s, _ := generate(t, 50, 5)
	checkLinks(t, s)
}

// TestDataIsSpread checks a larger set has the situations the screens and reports must show.
func TestDataIsSpread(t *testing.T) {
	s, _ := generate(t, 200, 6)
	statuses := map[data.AgreementStatus]int{}
	expiringSoon, renewals := 0, 0
	for _, a := range data.List[data.Agreement](s) {
		statuses[a.StatusOn(today)]++
		if a.StatusOn(today) == data.StatusActive && today.DaysUntil(a.End) <= 60 {
			expiringSoon++
		}
		if a.RenewalOf != "" {
			renewals++
		}
	}
	for _, st := range []data.AgreementStatus{data.StatusDraft, data.StatusSent, data.StatusActive, data.StatusExpired, data.StatusTerminated} {
		if statuses[st] == 0 {
			t.Errorf("no agreement is %s today (%v)", st, statuses)
		}
	}
	if expiringSoon == 0 || renewals == 0 {
		t.Errorf("%d agreements expire within 60 days and %d renew another; want some of each", expiringSoon, renewals)
	}

	overdue, done, skipped := 0, 0, 0
	count := func(actions []data.ActionItem) {
		for _, x := range actions {
			if x.Overdue(today) {
				overdue++
			}
			if x.Done {
				done++
				if x.DoneOn.IsZero() || x.DoneOn.After(today) {
					t.Errorf("action %q done on %v", x.Text, x.DoneOn)
				}
			}
		}
	}
	for _, e := range data.List[data.Evaluation](s) {
		if n := len(e.Respondents); n < 2 || n > 6 {
			t.Errorf("evaluation %s has %d respondents", e.Date, n)
		}
		parties := map[string]bool{}
		for _, r := range e.Respondents {
			parties[r.PartnerID] = true // "" is us
			skipped += len(data.Dimensions) - len(r.Scores)
		}
		if len(parties) < 2 {
			t.Errorf("evaluation %s hears only one party", e.Date)
		}
		if e.Date.After(today) {
			t.Errorf("evaluation dated %s, after today", e.Date)
		}
		count(e.Actions)
	}
	for _, a := range data.List[data.Activity](s) {
		count(a.Actions)
	}
	if overdue == 0 || done == 0 || skipped == 0 {
		t.Errorf("%d overdue and %d done actions, %d skipped scores; want some of each", overdue, done, skipped)
	}
	checkLinks(t, s)
}

// fingerprint lists every record's title in the order the records were made (UUIDv7 IDs sort by time).
func fingerprint(s *store.Store) []string {
	rs := all(s)
	slices.SortStableFunc(rs, func(a, b data.Record) int {
		if c := slices.Index(data.RecordKinds, a.Kind()) - slices.Index(data.RecordKinds, b.Kind()); c != 0 {
			return c
		}
		return strings.Compare(data.MetaOf(a).ID, data.MetaOf(b).ID)
	})
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r.Kind()) + ": " + data.Describe(s, r)
		if p, ok := r.(*data.Partner); ok && len(p.Contacts) > 0 {
			out[i] += " / " + p.Contacts[0].Name + " / " + p.Email
		}
		if rel, ok := r.(*data.Relation); ok { // its type by name: a group's own type has an ID of its own
			out[i] += " / " + data.RelationTypeOf(s, rel.Type).Name
		}
	}
	return out
}

func partnerNames(s *store.Store) []string {
	var out []string
	for _, line := range fingerprint(s) {
		if name, ok := strings.CutPrefix(line, string(data.KindPartner)+": "); ok {
			out = append(out, name)
		}
	}
	return out
}

func TestSameSeedSameData(t *testing.T) {
	s1, sum1 := generate(t, 50, 42)
	s2, sum2 := generate(t, 50, 42)
	if !maps.Equal(sum1, sum2) {
		t.Errorf("same seed, different counts: %v and %v", sum1, sum2)
	}
	if a, b := partnerNames(s1), partnerNames(s2); !slices.Equal(a, b) {
		t.Errorf("same seed, different partners:\n%q\n%q", a, b)
	}
	if a, b := fingerprint(s1), fingerprint(s2); !slices.Equal(a, b) {
		t.Errorf("same seed, different records")
	}
	s3, _ := generate(t, 50, 43)
	if slices.Equal(partnerNames(s1), partnerNames(s3)) {
		t.Errorf("seeds 42 and 43 made the same partners")
	}
}

func TestSmallAndBadRequests(t *testing.T) {
	s, sum := generate(t, 1, 7)
	if sum[data.KindPartner] != 1 || sum[data.KindAgreement] != 1 || sum[data.KindNeed] != 3 {
		t.Errorf("one partner: got %v, want one agreement and three needs", sum)
	}
	checkLinks(t, s)

	if _, err := Generate(s, Options{Partners: 5, Seed: 1, Today: today}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second Generate into a filled store: got %v, want ErrNotEmpty", err)
	}
	if _, err := Generate(openStore(t), Options{Partners: 0}); err == nil {
		t.Errorf("zero partners: no error")
	}
}

func TestKeepsOurOwnOrganisation(t *testing.T) {
	s := openStore(t)
	ours := &data.Organisation{Meta: data.Meta{ID: data.OrganisationID}, Name: "Nachbarschaftsnetz Süd",
		SignatoryName: "Jörg Weiß", SignatoryTitle: "Vorsitzender", Currency: "EUR", PaperSize: data.PaperA4}
	if err := s.Save(ours); err != nil {
		t.Fatal(err)
	}
	sum, err := Generate(s, Options{Partners: 30, Seed: 9, Today: today})
	if err != nil {
		t.Fatalf("Generate next to our organisation: %v", err)
	}
	if o := s.Organisation(); sum[data.KindOrganisation] != 0 || o.Name != ours.Name || o.Rev != 1 {
		t.Errorf("our organisation was replaced: %v, %+v", sum, o)
	}
	for _, a := range data.List[data.Agreement](s) {
		if a.Parties[0].Signatory.Name != "Jörg Weiß" || !strings.Contains(a.Communication.ContactPeople, ours.Name) {
			t.Errorf("%q: we sign as %q, contacts %q", a.Name, a.Parties[0].Signatory.Name, a.Communication.ContactPeople)
		}
	}

	// A partner in the Trash is still data of the user's.
	s = openStore(t)
	p := &data.Partner{Name: "Café Solidaire", PartnerKind: data.PartnerBusiness, Stage: data.StageActive}
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(data.KindPartner, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(s, Options{Partners: 5, Seed: 1, Today: today}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("Generate with a partner in the Trash: got %v, want ErrNotEmpty", err)
	}
}

func TestProgressReachesTheEnd(t *testing.T) {
	s := openStore(t)
	var last, calls int
	sum, err := Generate(s, Options{Partners: 20, Seed: 8, Today: today, Progress: func(done, total int) {
		if done < last || done > total {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last = done
		calls++
	}})
	if err != nil {
		t.Fatal(err)
	}
	if last != sum.Total() || calls < 2 {
		t.Errorf("progress ended at %d after %d calls; %d records saved", last, calls, sum.Total())
	}
}

func TestASCII(t *testing.T) {
	for in, want := range map[string]string{
		"O'Connor":        "oconnor",
		"Παπαδοπούλου":    "papadopoulou",
		"Ольга Иванова":   "olga-ivanova",
		"Grüne Höfe e.V.": "grune-hofe-e-v",
		"Straße":          "strasse",
		"Общественный центр «Рассвет»": "obshchestvennyi-tsentr-rassvet",
		"«»": "",
	} {
		if got := ascii(in); got != want {
			t.Errorf("ascii(%q) = %q, want %q", in, got, want)
		}
	}
	if got := money(1250000); got != "€12,500" {
		t.Errorf("money(1250000) = %q", got)
	}
}

// TestGenerateLarge times a big run; it runs only when ACCORD_DEMO_PARTNERS is set:
//
//	ACCORD_DEMO_PARTNERS=10000 go test -run Large -v ./demo/
func TestGenerateLarge(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("ACCORD_DEMO_PARTNERS"))
	if n == 0 {
		t.Skip("set ACCORD_DEMO_PARTNERS to run")
	}
	s := openStore(t)
	start := time.Now()
	sum, err := Generate(s, Options{Partners: n, Seed: 1, Today: today})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d partners: %v in %v (%.0f records/s)", n, sum, elapsed.Round(time.Millisecond), float64(sum.Total())/elapsed.Seconds())
	if info, err := os.Stat(s.Path()); err == nil {
		t.Logf("database: %.1f MB", float64(info.Size())/1e6)
	}
	checkLinks(t, s)
}

func BenchmarkGenerate1000(b *testing.B) {
	var records int
	for b.Loop() {
		s, err := store.Open(filepath.Join(b.TempDir(), "accord.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sum, err := Generate(s, Options{Partners: 1000, Seed: 1, Today: today})
		if err != nil {
			b.Fatal(err)
		}
		records += sum.Total()
		s.Close()
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
}

// The demo data has a past: partners moved through their stages over several years, needs raised and met
// on their days, people counted at activities — so the annual reports of different years differ.
func TestDataHasAPast(t *testing.T) {
	s, _ := generate(t, 200, 6)
	years := map[int]bool{}
	for _, p := range data.List[data.Partner](s) {
		h := p.StageHistory()
		for i, c := range h {
			years[c.From.Year] = true
			if c.From.After(today) || i > 0 && c.From.Before(h[i-1].From) {
				t.Errorf("%s: stage history out of order or in the future: %v", p.Name, h)
			}
		}
		if p.StageOn(today) != p.Stage {
			t.Errorf("%s is %s but its history says %s today", p.Name, p.Stage, p.StageOn(today))
		}
	}
	if len(years) < 4 {
		t.Errorf("stage changes fall in %d years, want several", len(years))
	}
	for _, n := range data.List[data.Need](s) {
		if n.Undated() || n.Opened.After(today) || !n.Unmet() && (n.Closed.Before(n.Opened) || n.Closed.After(today)) {
			t.Errorf("need %q: raised %s, closed %s", n.Name, n.Opened, n.Closed)
		}
	}
	counted := 0
	for _, a := range data.List[data.Activity](s) {
		if a.Participation.People > 0 {
			counted++
			if a.Date.After(today) || a.Validate() != nil {
				t.Errorf("activity %q on %s counts %+v", a.Name, a.Date, a.Participation)
			}
		}
	}
	if counted == 0 {
		t.Error("no activity counts who took part")
	}
	last, this := data.PartnersOn(s, data.NewDate(2025, 12, 31)), data.PartnersOn(s, today)
	if len(last) >= len(this) || len(data.WorkedWith(s, data.Span{From: data.NewDate(2024, 1, 1), To: data.NewDate(2024, 12, 31)})) == 0 {
		t.Errorf("%d partners at the end of 2025 and %d today: the years do not differ", len(last), len(this))
	}
}

// The demo's web of relations is worth looking at on first try: funders funding local groups and us,
// umbrella bodies with members (us among them), shared premises, referrals, a kind of relation of the
// group's own, some ties ended, and partners that connect us to others.
func TestTheDemoHasARealisticWebOfRelations(t *testing.T) {
	s, sum := generate(t, 120, 5)
	if n := sum[data.KindRelation]; n < 120 || n > 3*120 {
		t.Errorf("%d relations for 120 partners", n)
	}
	types, withUs, ended := map[string]int{}, map[string]int{}, 0
	for _, r := range data.List[data.Relation](s) {
		types[r.Type]++
		if r.From.Us || r.To.Us {
			withUs[r.Type]++
		}
		if r.EndedOn(today) {
			ended++
		}
	}
	for _, k := range []string{data.RelationFunds, data.RelationMemberOf, data.RelationSharesPremises, data.RelationRefersTo, data.RelationWorksWith} {
		if types[k] == 0 {
			t.Errorf("no relation of the kind %q", k)
		}
	}
	if withUs[data.RelationFunds] == 0 || withUs[data.RelationMemberOf] == 0 {
		t.Errorf("no funder funds us, or we belong to no umbrella body: %v", withUs)
	}
	own := data.List[data.RelationType](s)
	if len(own) != 1 || types[own[0].ID] == 0 || own[0].Names["es"].Name == "" || own[0].Names["fr"].Reverse == "" {
		t.Errorf("the group's own kind of relation: %+v, %d relations", own, types[own[0].ID])
	}
	if ended == 0 || ended > sum[data.KindRelation]/4 {
		t.Errorf("%d of %d relations ended", ended, sum[data.KindRelation])
	}
	brokers := 0
	for _, in := range data.Insights(s, today) {
		if in.Broker() {
			brokers++
		}
	}
	if brokers < 5 {
		t.Errorf("%d partners connect us to others", brokers)
	}
	checkLinks(t, s)
}
