package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"

	"accord/data"
)

// gen builds the demo records in memory, drawing every choice from one seeded generator in a fixed order.
type gen struct {
	r     *rand.Rand
	seed  int64
	today data.Date
	now   time.Time

	keep     *data.Organisation // the store's own organisation, kept instead of a demo one
	org      *data.Organisation // saved only when there is none to keep
	orgLoc   *locale
	orgName  string
	sigName  string
	sigTitle string
	staff    []person

	partners    []*partnerInfo
	signers     []int // partners with someone who may sign, by index
	signWeights []int // cumulative weights over signable, by stage
	byFocus     map[string][]int
	names       map[string]bool

	agreements    []*agreementInfo
	evaluations   []*data.Evaluation
	activities    []*data.Activity
	needs         []*data.Need
	relationTypes []*data.RelationType
	relations     []*data.Relation
	fields        []*data.FieldDefinition
	pickEntries   []*data.PickEntry
}

type person struct{ name, role string }

type partnerInfo struct {
	*data.Partner
	loc        *locale
	dist       district
	domain     string
	agreements []int
}

type agreementInfo struct {
	*data.Agreement
	partners []int // partner indexes, lead first
	themes   []string
}

func newGen(seed int64, today data.Date, now time.Time) *gen {
	return &gen{
		r:       rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)),
		seed:    seed,
		today:   today,
		now:     now,
		byFocus: map[string][]int{},
		names:   map[string]bool{},
	}
}

// build makes every record, in the order they are saved: a record is saved after those it points at.
func (g *gen) build(n int) []data.Record {
	g.organisation()
	g.makePartners(n)
	g.makeAgreements(max(1, n/3))
	g.makeEvaluations()
	g.makeActivities(min(2*n, 5000))
	g.makeNeeds(min(max(n/5, 3), 500))
	g.history()
	g.makeRelations()
	g.makeFields()
	// A kind of activity of the group's own, offered beside Accord's in the activity editor.
	g.pickEntries = []*data.PickEntry{{Meta: data.Meta{ID: data.NewID(), CreatedAt: g.at(g.today.AddDays(-30))},
		List: data.ListActivityKinds, Value: "workshop"}}

	out := make([]data.Record, 0, 1+len(g.partners)+len(g.agreements)+len(g.evaluations)+len(g.activities)+len(g.needs)+
		len(g.relationTypes)+len(g.relations)+len(g.fields)+len(g.pickEntries))
	if g.keep == nil {
		out = append(out, g.org)
	}
	for _, d := range g.fields {
		out = append(out, d)
	}
	for _, p := range g.partners {
		out = append(out, p.Partner)
	}
	for _, a := range g.agreements {
		out = append(out, a.Agreement)
	}
	for _, e := range g.evaluations {
		out = append(out, e)
	}
	for _, a := range g.activities {
		out = append(out, a)
	}
	for _, nd := range g.needs {
		out = append(out, nd)
	}
	for _, t := range g.relationTypes {
		out = append(out, t)
	}
	for _, r := range g.relations {
		out = append(out, r)
	}
	for _, e := range g.pickEntries {
		out = append(out, e)
	}
	return out
}

var organisations = []struct {
	name, address, email, phone, website string
	loc                                  *locale
}{
	{"Common Ground Neighbourhood Network", "14 Manor Street, Stoneybatter, Dublin 7, D07 X2F1, Ireland",
		"hello@commonground-network.ie", "+353 1 555 0142", "https://commonground-network.ie", english},
	{"Red Vecinal Barrio Vivo", "Calle de Sueca, 42, 46006 València, España",
		"hola@barriovivo.es", "+34 96 555 01 42", "https://barriovivo.es", spanish},
	{"Réseau de quartier Le Lien", "12 rue Paul-Bert, 69003 Lyon, France",
		"bonjour@reseau-lelien.fr", "+33 4 55 50 01 42", "https://reseau-lelien.fr", french},
}

var staffRoles = []string{"Coordinator", "Volunteer manager", "Treasurer", "Outreach worker", "Secretary"}

func (g *gen) organisation() {
	o := pick(g.r, organisations)
	g.orgLoc = o.loc
	g.orgName = o.name
	chair := g.personName(o.loc)
	g.staff = []person{{chair, "Chair"}}
	for _, role := range staffRoles {
		g.staff = append(g.staff, person{g.personName(o.loc), role})
	}
	g.org = &data.Organisation{
		Meta:           data.Meta{ID: data.OrganisationID, CreatedAt: g.at(g.today.AddDays(-g.between(1500, 2500)))},
		Name:           o.name,
		Address:        o.address,
		Email:          o.email,
		Phone:          o.phone,
		Website:        o.website,
		SignatoryName:  chair,
		SignatoryTitle: "Chair",
		Currency:       "EUR",
		PaperSize:      data.PaperA4,
	}
	g.sigName, g.sigTitle = chair, "Chair"
	if g.keep != nil {
		g.orgName = g.keep.Name
		if g.keep.SignatoryName != "" {
			g.sigName, g.sigTitle = g.keep.SignatoryName, g.keep.SignatoryTitle
			g.staff[0] = person{g.sigName, g.sigTitle}
		}
	}
}

// personName is a plausible full name in the locale, with the surname in the right form for the gender.
func (g *gen) personName(loc *locale) string {
	full, _, _ := g.newPerson(loc)
	return full
}

// newPerson returns a full name and its first name and (first) surname, for an email address.
func (g *gen) newPerson(loc *locale) (full, first, surname string) {
	first, form := pick(g.r, loc.male), 0
	if g.chance(0.55) {
		first, form = pick(g.r, loc.female), 1
	}
	surname = pick(g.r, loc.surnames)[form]
	full = first + " " + surname
	if loc.twoNames {
		full += " " + pick(g.r, loc.surnames)[form]
	}
	return full, first, surname
}

// at is a plausible creation time on day d: office hours, never later than now (Save then stamps now).
func (g *gen) at(d data.Date) time.Time {
	t := d.Time().Add(time.Duration(8*60+g.r.IntN(10*60)) * time.Minute)
	if t.After(g.now) {
		return time.Time{}
	}
	return t
}

// --- random helpers ---

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// between is a whole number from lo to hi, both included.
func (g *gen) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.r.IntN(hi-lo+1)
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// weighted returns an index into weights, each drawn in proportion to its weight.
func (g *gen) weighted(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := g.r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// some picks k distinct items from xs (all of them when k is larger), in a random order.
func some[T any](g *gen, xs []T, k int) []T {
	idx := g.r.Perm(len(xs))
	if k > len(xs) {
		k = len(xs)
	}
	out := make([]T, k)
	for i := range out {
		out[i] = xs[idx[i]]
	}
	return out
}

// euros is a value in cents, drawn in whole euros between lo and hi and rounded to a plausible figure.
func (g *gen) euros(lo, hi int) data.Money {
	v := g.between(lo, hi)
	switch {
	case v >= 5000:
		v = v / 500 * 500
	case v >= 500:
		v = v / 50 * 50
	}
	return data.Money(v) * 100
}

func (g *gen) noise(spread float64) float64 { return (g.r.Float64()*2 - 1) * spread }

func clampScore(v float64) int { return int(math.Max(1, math.Min(5, math.Round(v)))) }

// --- text helpers ---

// money prints whole euros the way a letter would: €12,500.
func money(m data.Money) string {
	s := fmt.Sprint(int64(m) / 100)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return "€" + b.String()
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

var translit = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ı': "i", 'ł': "l", 'đ': "d",
	// Greek (accents are already gone)
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k",
	'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t",
	'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	// Cyrillic
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh", 'з': "z", 'и': "i", 'к': "k",
	'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
}

var greekPairs = strings.NewReplacer("ου", "ou", "αυ", "av", "ευ", "ev", "γγ", "ng", "μπ", "b")

// ascii spells text in lower-case ASCII letters and digits for email addresses and web domains: anything else
// becomes a hyphen, and apostrophes vanish ("O'Connor" → "oconnor", "Παπαδοπούλου" → "papadopoulou").
func ascii(s string) string {
	s = greekPairs.Replace(data.Fold(strings.NewReplacer("'", "", "’", "").Replace(s)))
	var b strings.Builder
	hyphen := true // no hyphen at the start
	for _, c := range s {
		t, known := translit[c]
		switch {
		case c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			b.WriteRune(c)
			hyphen = false
		case known:
			b.WriteString(t)
			hyphen = hyphen && t == ""
		case !hyphen:
			b.WriteByte('-')
			hyphen = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// minorWords are left out of web domains: "Banco de Alimentos de El Cabanyal" is banco-alimentos-cabanyal.
var minorWords = map[string]bool{"a": true, "and": true, "da": true, "das": true, "de": true, "del": true,
	"des": true, "do": true, "dos": true, "du": true, "e": true, "el": true, "et": true, "la": true, "le": true,
	"les": true, "los": true, "o": true, "of": true, "st": true, "the": true, "tis": true, "tou": true,
	"und": true, "v": true, "y": true}

// slug is the first few words of ascii(s) that matter, joined by hyphens: a web domain's first label.
func slug(s string, words int) string {
	var parts []string
	for _, w := range strings.Split(ascii(s), "-") {
		if len(parts) < words && w != "" && !minorWords[w] {
			parts = append(parts, w)
		}
	}
	out := strings.Join(parts, "-")
	if out == "" {
		return "partner"
	}
	return out
}

// mailbox is a person's part of an email address: first name and surname, dot between.
func mailbox(first, surname string) string {
	f := strings.ReplaceAll(slug(first, 1), "-", "")
	s := strings.ReplaceAll(ascii(surname), "-", "")
	if s == "" {
		return f
	}
	return f + "." + s
}
