package data

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// A questionnaire code ties a printed or HTML questionnaire to one evaluation and one respondent: four
// characters for the evaluation, three for the respondent ("000" on a blank copy, whoever fills it in)
// and a check character, written "K7QM-4TX9". The characters are Crockford's base 32, which leaves out
// I, L, O and U, so a code copied from paper by hand reads back the same.
const (
	codeAlphabet  = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	evalCodeLen   = 4
	personCodeLen = 3
	// BlankCode is the respondent part of a blank copy's code.
	BlankCode = "000"
)

// QuestionnaireCode is the code printed on a respondent's questionnaire; personCode BlankCode for a
// blank copy.
func (e *Evaluation) QuestionnaireCode(personCode string) string {
	body := e.Code + personCode
	return body[:4] + "-" + body[4:] + string(checkChar(body))
}

// checkChar is the Luhn mod 32 check of a code: it catches any one character mistyped and any two
// neighbours swapped.
func checkChar(body string) byte {
	sum, factor := 0, 2
	for i := len(body) - 1; i >= 0; i-- {
		v := factor * strings.IndexByte(codeAlphabet, body[i])
		sum += v/32 + v%32
		factor = 3 - factor
	}
	return codeAlphabet[(32-sum%32)%32]
}

// ParseCode reads a typed code, forgiving case, spaces, dashes and the letters people take for digits
// (O for 0, I and L for 1), and splits it into the evaluation's and the respondent's parts.
func ParseCode(typed string) (evalCode, personCode string, err error) {
	var b strings.Builder
	for _, c := range strings.ToUpper(typed) {
		switch {
		case c == ' ' || c == '-' || c == '\t':
		case c == 'O':
			b.WriteByte('0')
		case c == 'I' || c == 'L':
			b.WriteByte('1')
		case c < 128 && strings.IndexByte(codeAlphabet, byte(c)) >= 0:
			b.WriteRune(c)
		default:
			return "", "", Plain("A questionnaire code has only letters and digits, like K7QM-4TX9.")
		}
	}
	s := b.String()
	if len(s) != evalCodeLen+personCodeLen+1 {
		return "", "", Plain("A questionnaire code has eight characters, like K7QM-4TX9.")
	}
	body := s[:len(s)-1]
	if checkChar(body) != s[len(s)-1] {
		return "", "", Plain("This code is not one Accord printed: check each character against the paper.")
	}
	return body[:evalCodeLen], body[evalCodeLen:], nil
}

// PrepareQuestionnaires gives the evaluation what its questionnaires need — its code, unique among the
// evaluations in v, a secret to sign answers with, and a code for each respondent — and says whether it
// changed anything, so the caller knows to save it.
func (e *Evaluation) PrepareQuestionnaires(v View) (changed bool) {
	if e.Code == "" {
		taken := map[string]bool{}
		for _, other := range List[Evaluation](v) {
			taken[other.Code] = true
		}
		e.Code = freeCode(evalCodeLen, taken)
		changed = true
	}
	if e.Secret == "" {
		e.Secret = hex.EncodeToString(randomBytes(32))
		changed = true
	}
	taken := map[string]bool{BlankCode: true}
	for _, r := range e.Respondents {
		taken[r.Code] = true
	}
	for i := range e.Respondents {
		if e.Respondents[i].Code == "" {
			e.Respondents[i].Code = freeCode(personCodeLen, taken)
			taken[e.Respondents[i].Code] = true
			changed = true
		}
	}
	return changed
}

// freeCode is a random code of n characters not among those taken.
func freeCode(n int, taken map[string]bool) string {
	for {
		b := randomBytes(n)
		for i := range b {
			b[i] = codeAlphabet[b[i]%32]
		}
		if !taken[string(b)] {
			return string(b)
		}
	}
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24)
	return b
}

// ByCode finds the evaluation and respondent a questionnaire code belongs to: the respondent's index, or
// -1 for a blank copy.
func ByCode(v View, typed string) (*Evaluation, int, error) {
	evalCode, personCode, err := ParseCode(typed)
	if err != nil {
		return nil, 0, err
	}
	for _, e := range List[Evaluation](v) {
		if e.Code != evalCode {
			continue
		}
		if personCode == BlankCode {
			return e, -1, nil
		}
		for i, r := range e.Respondents {
			if r.Code == personCode {
				return e, i, nil
			}
		}
		return nil, 0, Plain("This code belongs to a respondent no longer on the evaluation.")
	}
	return nil, 0, Plain("No evaluation in this data folder sent out this code: it may be another group's questionnaire.")
}

// HasAnswered is true once someone's scores or goal ratings are in.
func (r Respondent) HasAnswered() bool {
	return !r.Answered.IsZero() || len(r.Scores) > 0 || len(r.Goals) > 0
}

// Answers are one questionnaire's answers as they come back, on paper or in an answers file. From a blank
// copy they also say who answered: for which side (Us or PartnerID), in what role, and the name unless
// the evaluation is anonymous.
type Answers struct {
	Code      string              `json:"code"`
	Name      string              `json:"name,omitempty"`
	Us        bool                `json:"us,omitempty"`
	PartnerID string              `json:"partner_id,omitempty"`
	Role      string              `json:"role,omitempty"`
	Scores    map[Dimension]Score `json:"scores,omitempty"`
	Goals     map[string]Score    `json:"goals,omitempty"`
}

// Arrival is a questionnaire's answers matched to their evaluation: Index is the respondent they
// are from, or -1 for someone new, answering a blank copy.
type Arrival struct {
	Evaluation *Evaluation
	Index      int
	Answers    Answers
}

// Replaces is true when the respondent's answers are already in: taking these would overwrite them.
func (a Arrival) Replaces() bool {
	return a.Index >= 0 && a.Evaluation.Respondents[a.Index].HasAnswered()
}

// Apply puts the answers into the evaluation, as answered on the day, and checks the result as any edit
// is checked. A blank copy's answers become a new respondent. Empty comments and skipped scores are left
// out, so answers read the same whichever way they came.
func (a Arrival) Apply(on Date) error {
	e := a.Evaluation
	r := Respondent{ID: NewID(), Name: a.Answers.Name, Us: a.Answers.Us, PartnerID: a.Answers.PartnerID, Role: a.Answers.Role}
	if a.Index >= 0 {
		r = e.Respondents[a.Index]
	}
	if e.Anonymous {
		r.Name = ""
	}
	r.Scores, r.Goals, r.Answered = map[Dimension]Score{}, nil, on
	for d, s := range a.Answers.Scores {
		if s.Value != 0 || strings.TrimSpace(s.Comment) != "" {
			r.Scores[d] = s
		}
	}
	goals := map[string]bool{}
	for _, gp := range e.GoalProgress {
		goals[gp.GoalID] = true
	}
	for id, s := range a.Answers.Goals {
		if !goals[id] {
			return Plain("These answers rate a goal the agreement does not have.")
		}
		if s.Value != 0 || strings.TrimSpace(s.Comment) != "" {
			if r.Goals == nil {
				r.Goals = map[string]Score{}
			}
			r.Goals[id] = s
		}
	}
	if a.Index >= 0 {
		e.Respondents[a.Index] = r
	} else {
		e.Respondents = append(e.Respondents, r)
	}
	return e.Validate()
}

// SigningKey is the key a respondent's HTML questionnaire signs its answers with: derived from the
// evaluation's secret and the code, so a file signed for one respondent cannot pass for another's.
func (e *Evaluation) SigningKey(code string) []byte {
	m := hmac.New(sha256.New, []byte(e.Secret))
	m.Write([]byte(code))
	return m.Sum(nil)
}

// Sign is the signature of an answers file's content: HMAC-SHA-256 under the key, in hex.
func Sign(key []byte, content string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(content))
	return hex.EncodeToString(m.Sum(nil))
}

// Describe says whose answers these are, for which evaluation, and what taking them changes.
func (a Arrival) Describe(v View, t Translate, count Count) string {
	r := Respondent{Name: a.Answers.Name, Us: a.Answers.Us, PartnerID: a.Answers.PartnerID, Role: a.Answers.Role}
	if a.Index >= 0 {
		r = a.Evaluation.Respondents[a.Index]
	}
	if a.Evaluation.Anonymous {
		r.Name = ""
	}
	side := v.Organisation().Name
	if p := Lookup[Partner](v, r.PartnerID); !r.Us && p != nil {
		side = p.Name
	}
	scores, comments := 0, 0
	for _, s := range a.Answers.Scores {
		if s.Value > 0 {
			scores++
		}
		if strings.TrimSpace(s.Comment) != "" {
			comments++
		}
	}
	who := slices.DeleteFunc([]string{r.Name, r.Role, side}, func(s string) bool { return s == "" })
	line := t("%s answered for the evaluation %s: %s, %s, %s.", strings.Join(who, ", "),
		Describe(v, a.Evaluation), count(scores, "%d score", "%d scores"), count(comments, "%d comment", "%d comments"),
		count(len(a.Answers.Goals), "%d goal rated", "%d goals rated"))
	switch {
	case a.Replaces():
		line += " " + t("They replace the answers already entered for this person.")
	case a.Index < 0:
		line += " " + t("They add a respondent from a blank questionnaire.")
	}
	return line
}

// SideAnswers is who, of the respondents one side was asked for, has answered and who has not.
type SideAnswers struct {
	Side     Party
	Answered int
	Waiting  []Respondent
}

// Expected is how many respondents the side was asked for.
func (t SideAnswers) Expected() int { return t.Answered + len(t.Waiting) }

// AnsweredBySide is, for each side of the evaluation in turn, how many of its respondents have
// answered, so the review meeting knows whose voice is missing.
func (e *Evaluation) AnsweredBySide(v View) []SideAnswers {
	var out []SideAnswers
	for _, p := range e.Sides(v) {
		out = append(out, SideAnswers{Side: p})
	}
	for _, r := range e.Respondents {
		side := Party{Us: r.Us, PartnerID: r.PartnerID}
		i := slices.IndexFunc(out, func(t SideAnswers) bool { return t.Side.Us == side.Us && t.Side.PartnerID == side.PartnerID })
		if i < 0 { // a side no longer on the agreement still shows
			out, i = append(out, SideAnswers{Side: side}), len(out)
		}
		if r.HasAnswered() {
			out[i].Answered++
		} else {
			out[i].Waiting = append(out[i].Waiting, r)
		}
	}
	return out
}

// AskContacts adds, as respondents awaited, the contacts of each partner the evaluation is about who
// are not asked yet, and says how many it added. In an anonymous evaluation they are known by role
// and language, never by name or contact, so a contact counts as asked when someone of the same
// partner, role and language is.
func (e *Evaluation) AskContacts(v View) int {
	added := 0
	for _, side := range e.Sides(v) {
		p := Lookup[Partner](v, side.PartnerID)
		if side.Us || p == nil {
			continue
		}
		for _, c := range p.Contacts {
			asked := func(r Respondent) bool {
				if e.Anonymous {
					return r.PartnerID == p.ID && r.Role == c.Role && r.Lang == c.Language
				}
				return r.ContactID == c.ID
			}
			if slices.ContainsFunc(e.Respondents, asked) {
				continue
			}
			r := Respondent{ID: NewID(), PartnerID: p.ID, Role: c.Role, Name: c.Name, ContactID: c.ID}
			if e.Anonymous {
				r.Name, r.ContactID, r.Lang = "", "", c.Language
			}
			e.Respondents = append(e.Respondents, r)
			added++
		}
	}
	return added
}
