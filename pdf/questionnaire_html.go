package pdf

import (
	"bytes"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html/template"

	"accord/data"
)

//go:embed questionnaire.html
var questionnairePage string

var questionnaireHTML = template.Must(template.New("questionnaire").Parse(questionnairePage))

// QuestionnaireHTML writes the questionnaire as one self-contained HTML page, for a respondent (by index)
// or as a generic form (index -1) that asks whom it answers for. The page reaches nothing outside
// itself: styles and script are inline, and it works offline on a phone. Filled in, it saves a signed
// answers file (or shows the same as text to paste into an e-mail) for data.ReadAnswers to take back.
func QuestionnaireHTML(s data.View, e *data.Evaluation, index int) ([]byte, error) {
	q, err := newQuestionnaire(s, e, index)
	if err != nil {
		return nil, err
	}
	l := q.l
	type side struct {
		Name      string `json:"-"`
		Us        bool   `json:"us"`
		PartnerID string `json:"partner_id"`
	}
	type question struct{ Key, Title, Hint string }
	setup := struct {
		Format     string   `json:"format"`
		Code       string   `json:"code"`
		Key        string   `json:"key"`
		Begin      string   `json:"begin"`
		End        string   `json:"end"`
		FileName   string   `json:"fileName"`
		NoSide     string   `json:"noSide"`
		Dimensions []string `json:"dimensions"`
		Goals      []string `json:"goals"`
		Sides      []side   `json:"sides"`
	}{Format: data.AnswersFormat, Code: q.code, Key: hex.EncodeToString(e.SigningKey(q.code)),
		Begin: data.AnswersBegin, End: data.AnswersEnd, FileName: "answers-" + q.code + data.AnswersExtension,
		NoSide: l.T("Say which organisation you answer for, at the top, then save again."), Sides: []side{}, Goals: []string{}}
	page := struct {
		Lang, Title, Org, Evaluated, CodeLabel, Code, For, Anonymous, Instructions, AnswerFor, RoleLabel, NameLabel string
		CommentLabel, SaveHelp, SaveLabel, MailLabel, MailHelp                                                      string
		Sides                                                                                                       []side
		Questions                                                                                                   []question
		Scale                                                                                                       []int
		Setup                                                                                                       any
	}{Lang: l.Code(), Title: l.T("Partnership questionnaire: %s", q.subject), Org: s.Organisation().Name,
		Evaluated: l.T("Evaluated on %s", dateIn(l, e.Date)), CodeLabel: l.T("Code:"), Code: q.code,
		Instructions: l.T("For each question, choose one number: 1 is the lowest, 5 the highest. Leave a question blank if you cannot say. Add a comment if you wish."),
		CommentLabel: l.T("Comment:"), Scale: []int{1, 2, 3, 4, 5},
		SaveHelp:  l.T("When you have answered, save your answers file and send it back by e-mail, messaging app or USB stick. Nothing is sent from this page."),
		SaveLabel: l.T("Save my answers file"), MailLabel: l.T("Show my answers as text for an e-mail"),
		MailHelp: l.T("Copy all of this text into an e-mail to %s.", s.Organisation().Name)}
	if q.r != nil {
		page.For = l.T("For: %s", q.who())
	} else {
		page.AnswerFor, page.RoleLabel = l.T("I answer for:"), l.T("My role")
		if !e.Anonymous {
			page.NameLabel = l.T("My name (optional)")
		}
		for _, p := range q.sides {
			setup.Sides = append(setup.Sides, side{Name: q.sideName(p), Us: p.Us, PartnerID: p.PartnerID})
		}
		page.Sides = setup.Sides
	}
	if e.Anonymous {
		page.Anonymous = l.T("Your answers are anonymous: reports show your organisation and role, never your name.")
	}
	for i, dim := range data.Dimensions {
		hints := data.DimensionHints[dim]
		setup.Dimensions = append(setup.Dimensions, string(dim))
		page.Questions = append(page.Questions, question{string(dim), fmt.Sprintf("%d. %s", i+1, l.T(data.DimensionNames[dim])),
			l.T("1: %s   5: %s", l.T(hints[0]), l.T(hints[1]))})
	}
	for _, g := range q.goals {
		setup.Goals = append(setup.Goals, g.ID)
		page.Questions = append(page.Questions, question{"goal-" + g.ID, joinNonEmpty(" — ", l.T("Goal"), g.Text),
			l.T("1: not started   5: reached or beaten")})
	}
	page.Setup = setup
	var buf bytes.Buffer
	if err := questionnaireHTML.Execute(&buf, page); err != nil {
		return nil, fmt.Errorf("write the questionnaire page: %w", err)
	}
	return buf.Bytes(), nil
}
