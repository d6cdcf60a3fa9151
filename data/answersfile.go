package data

import (
	"bytes"
	"crypto/hmac"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
)

// An answers file is what an HTML questionnaire saves for the partner to send back: the answers as JSON
// text, the code they answer, and the HMAC of that text under the code's signing key, so a file changed
// on the way, or made by anyone but this group's questionnaire, is refused. Sent as e-mail text, the
// same file is wrapped in base 64 between the two marker lines, which survive a mail program folding
// long lines.
const (
	AnswersFormat    = "accord-answers/1"
	AnswersBegin     = "-----BEGIN ACCORD ANSWERS-----"
	AnswersEnd       = "-----END ACCORD ANSWERS-----"
	maxAnswersFile   = 256 << 10 // seven comments and a few goals; anything bigger is not an answers file
	AnswersExtension = ".accord-answers"
)

// AnswersFile is the file's outer JSON.
type AnswersFile struct {
	Format    string `json:"format"`
	Code      string `json:"code"`
	Content   string `json:"content"`
	Signature string `json:"signature"`
}

// ReadAnswers checks an answers file (or the e-mail text holding one) and matches it to the evaluation
// and respondent whose code it carries. A tampered or foreign file is refused with a plain reason.
func ReadAnswers(v View, b []byte) (Arrival, error) {
	if len(b) > maxAnswersFile {
		return Arrival{}, Plain("This file is too large to be an answers file.")
	}
	if begin := bytes.Index(b, []byte(AnswersBegin)); begin >= 0 {
		inner := b[begin+len(AnswersBegin):]
		end := bytes.Index(inner, []byte(AnswersEnd))
		if end < 0 {
			return Arrival{}, Plain("The answers text is cut short: copy it again, down to its last line.")
		}
		decoded, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(inner[:end])), ""))
		if err != nil {
			return Arrival{}, Plain("The answers text was changed on the way: ask the partner to send it again.")
		}
		b = decoded
	}
	var f AnswersFile
	if err := json.Unmarshal(b, &f); err != nil || f.Format != AnswersFormat {
		return Arrival{}, Plain("This is not an Accord answers file.")
	}
	e, index, err := ByCode(v, f.Code)
	if err != nil {
		return Arrival{}, err
	}
	code := e.QuestionnaireCode(BlankCode)
	if index >= 0 {
		code = e.QuestionnaireCode(e.Respondents[index].Code)
	}
	if e.Secret == "" || !hmac.Equal([]byte(Sign(e.SigningKey(code), f.Content)), []byte(strings.ToLower(f.Signature))) {
		return Arrival{}, Plain("This answers file was changed after it was saved, or was not made by one of this group's questionnaires, so it cannot be taken in.")
	}
	var a Answers
	if err := json.Unmarshal([]byte(f.Content), &a); err != nil || a.Code != code {
		return Arrival{}, Plain("This is not an Accord answers file.")
	}
	if index < 0 && !slices.ContainsFunc(e.Sides(v), func(p Party) bool { return p.Us == a.Us && p.PartnerID == a.PartnerID }) {
		return Arrival{}, Plain("These answers do not say which organisation they speak for.")
	}
	return Arrival{Evaluation: Clone(e), Index: index, Answers: a}, nil
}
