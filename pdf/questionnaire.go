package pdf

import (
	"fmt"

	"github.com/skip2/go-qrcode"

	"accord/data"
	"accord/i18n"
)

// Questionnaire prints the paper questionnaire of an evaluation for one respondent, by index, or a blank
// copy (index -1), in the respondent's language: the seven dimensions with what a 1 and a 5 look like,
// boxes to tick and room to comment, the agreement's goals to rate, and the questionnaire's code, large
// and as a QR code, so the answers typed back in go to the right evaluation and respondent. The
// evaluation must have its codes (data.Evaluation.PrepareQuestionnaires).
func Questionnaire(s data.View, e *data.Evaluation, index int, printed data.Date) ([]byte, error) {
	q, err := newQuestionnaire(s, e, index)
	if err != nil {
		return nil, err
	}
	info := docInfo{title: q.l.T("Partnership questionnaire: %s", q.subject), subject: q.l.T("Partnership questionnaire"),
		date: printed, langs: []i18n.Lang{q.l}, details: []string{q.code}, compact: true}
	return render(s.Organisation(), info, q.write)
}

// questionnaire is what one questionnaire shows, in its language, whether on paper or in an HTML file.
type questionnaire struct {
	s       data.View
	e       *data.Evaluation
	r       *data.Respondent // nil on a blank copy
	l       i18n.Lang
	code    string
	subject string
	goals   []data.Goal
	sides   []data.Party
}

func newQuestionnaire(s data.View, e *data.Evaluation, index int) (*questionnaire, error) {
	if e.Code == "" {
		return nil, fmt.Errorf("questionnaire of evaluation %s: it has no code yet", e.ID)
	}
	q := &questionnaire{s: s, e: e, code: e.QuestionnaireCode(data.BlankCode), sides: e.Sides(s)}
	if index >= 0 {
		q.r = &e.Respondents[index]
		q.code = e.QuestionnaireCode(q.r.Code)
	}
	if a := data.Lookup[data.Agreement](s, e.AgreementID); a != nil {
		q.subject = a.Name
		for _, gp := range e.GoalProgress {
			if g, ok := goalByID(a.Goals, gp.GoalID); ok {
				q.goals = append(q.goals, g)
			}
		}
	} else if p := data.Lookup[data.Partner](s, e.PartnerID); p != nil {
		q.subject = p.Name
	} else {
		return nil, data.Plain("This evaluation is about an agreement or partner that is no longer in the data folder, so its report cannot say what it evaluates.")
	}
	q.l = i18n.In(q.lang())
	return q, nil
}

// lang is the questionnaire's language: the respondent's contact's, else the one set for them, else
// their organisation's, else ours, else the screen's; the first of these Accord speaks.
func (q *questionnaire) lang() string {
	var wanted []string
	if q.r != nil {
		p := data.Lookup[data.Partner](q.s, q.r.PartnerID)
		if p != nil {
			for _, c := range p.Contacts {
				if c.ID == q.r.ContactID {
					wanted = append(wanted, c.Language)
				}
			}
		}
		wanted = append(wanted, q.r.Lang)
		if p != nil {
			wanted = append(wanted, p.Languages...)
		}
	}
	for _, l := range append(wanted, q.s.Organisation().Language) {
		if code, ok := i18n.Match(l); ok && l != "" {
			return code
		}
	}
	return i18n.Language()
}

// sideName names a party in the questionnaire's language.
func (q *questionnaire) sideName(p data.Party) string {
	if p.Us {
		return q.s.Organisation().Name
	}
	if partner := data.Lookup[data.Partner](q.s, p.PartnerID); partner != nil {
		return partner.Name
	}
	return q.l.T("a partner")
}

// who says whom the questionnaire is for: name (unless anonymous), role and organisation.
func (q *questionnaire) who() string {
	r := q.r
	name := r.Name
	if q.e.Anonymous {
		name = ""
	}
	return joinNonEmpty(", ", name, r.Role, q.sideName(data.Party{Us: r.Us, PartnerID: r.PartnerID}))
}

// Sizes of the paper questionnaire, in millimetres.
const (
	qrSize  = 26.0
	tickBox = 5.5
	codeCol = 55.0 // the code and its QR code, right of the opening words
)

func (q *questionnaire) write(d *document) {
	l, f := q.l, d.f
	details := l.T("Evaluated on %s", dateIn(l, q.e.Date))
	d.reportTitle(l.T("Partnership questionnaire"), q.subject, details)
	top, w := f.GetY(), d.width()
	q.codeBlock(d, margin+w-codeCol, top)
	left := w - codeCol - 4
	d.font("", bodySize)
	if q.r != nil {
		d.font("B", bodySize)
		d.flow(d.wrap(l.T("For: %s", q.who()), left), margin, left, lineHeight, "L")
		d.font("", bodySize)
	}
	if q.e.Anonymous {
		d.flow(d.wrap(l.T("Your answers are anonymous: reports show your organisation and role, never your name."), left), margin, left, lineHeight, "L")
	}
	d.gap(1)
	d.flow(d.wrap(l.T("For each question, tick one box: 1 is the lowest, 5 the highest. Leave a question blank if you cannot say. Add a comment if you wish."), left), margin, left, lineHeight, "L")
	f.SetY(max(f.GetY(), top+qrSize+14))
	if q.r == nil {
		q.blankIdentity(d)
	}
	for i, dim := range data.Dimensions {
		hints := data.DimensionHints[dim]
		q.question(d, fmt.Sprintf("%d. %s", i+1, l.T(data.DimensionNames[dim])),
			l.T("1: %s   5: %s", l.T(hints[0]), l.T(hints[1])), 2)
	}
	if len(q.goals) > 0 {
		d.gap(sectionGap)
		d.ensure(headingLine + 30)
		d.font("B", headingSize)
		d.colour(accent)
		d.flow(d.wrap(l.T("Progress on our shared goals"), w), margin, w, headingLine, "L")
		d.colour(ink)
		for _, g := range q.goals {
			target := ""
			if g.Target > 0 {
				target = l.T("target %s", withUnitIn(l, g.Target, g.Unit))
			}
			q.question(d, joinNonEmpty(" — ", g.Text, target), l.T("1: not started   5: reached or beaten"), 1)
		}
	}
	d.gap(sectionGap)
	d.font("", smallSize)
	d.colour(muted)
	d.flow(d.wrap(l.T("Thank you. Please give or send this sheet back to %s.", q.s.Organisation().Name), w), margin, w, smallLine, "L")
	d.colour(ink)
}

// codeBlock prints the code large, with its QR code above, in the top right corner.
func (q *questionnaire) codeBlock(d *document, x, y float64) {
	f := d.f
	if code, err := qrcode.New(q.code, qrcode.Medium); err == nil {
		code.DisableBorder = true
		bits := code.Bitmap()
		m := qrSize / float64(len(bits))
		d.fill(ink)
		qx := x + (codeCol-qrSize)/2
		for row, line := range bits {
			for col, on := range line {
				if on {
					f.Rect(qx+float64(col)*m, y+float64(row)*m, m, m, "F")
				}
			}
		}
	}
	f.SetXY(x, y+qrSize+1)
	d.font("B", 17)
	f.CellFormat(codeCol, 8, q.code, "", 2, "C", false, 0, "")
	d.font("", bodySize)
}

// blankIdentity asks, on a blank copy, which organisation the respondent speaks for, their role and,
// unless the evaluation is anonymous, their name.
func (q *questionnaire) blankIdentity(d *document) {
	l, f, w := q.l, d.f, d.width()
	d.gap(paraGap)
	d.font("B", bodySize)
	d.flow(d.wrap(l.T("I answer for:"), w), margin, w, lineHeight, "L")
	d.font("", bodySize)
	for i, p := range q.sides {
		d.ensure(tickBox + 2)
		y := f.GetY() + 0.5
		d.draw(ink, 0.3)
		f.Rect(margin+indent, y, tickBox-1, tickBox-1, "D")
		f.SetXY(margin+indent+tickBox+1, y-0.3)
		f.CellFormat(w-indent-tickBox, tickBox, fmt.Sprintf("%d  %s", i+1, q.sideName(p)), "", 2, "L", false, 0, "")
	}
	labels := []string{l.T("My role")}
	if !q.e.Anonymous {
		labels = append(labels, l.T("My name (optional)"))
	}
	for _, label := range labels {
		d.gap(2)
		y := f.GetY() + lineHeight
		f.SetX(margin)
		f.CellFormat(40, lineHeight, label, "", 0, "L", false, 0, "")
		d.draw(rule, 0.3)
		f.Line(margin+42, y, margin+w, y)
		f.SetY(y + 1)
	}
}

// question is one thing to rate: its title, what a 1 and a 5 look like, five boxes, and ruled lines
// for a comment; the whole question stays on one page.
func (q *questionnaire) question(d *document, title, hint string, commentLines int) {
	l, f, w := q.l, d.f, d.width()
	d.font("B", 11)
	titleLines := d.wrap(title, w)
	d.font("", smallSize)
	hintLines := d.wrap(hint, w)
	d.ensure(float64(len(titleLines))*lineHeight + float64(len(hintLines))*smallLine + tickBox + 4 + float64(commentLines)*7 + 4)
	d.gap(3)
	d.font("B", 11)
	d.flow(titleLines, margin, w, lineHeight, "L")
	d.font("", smallSize)
	d.colour(muted)
	d.flow(hintLines, margin, w, smallLine, "L")
	d.colour(ink)
	y := f.GetY() + 1.5
	d.font("B", bodySize)
	d.draw(ink, 0.3)
	for v := 1; v <= 5; v++ {
		x := margin + float64(v-1)*(tickBox+12)
		f.Rect(x, y, tickBox, tickBox, "D")
		f.SetXY(x+tickBox+1.5, y)
		f.CellFormat(8, tickBox, fmt.Sprint(v), "", 0, "L", false, 0, "")
	}
	d.font("", smallSize)
	d.colour(muted)
	f.SetXY(margin+5*(tickBox+12)+4, y)
	f.CellFormat(w-5*(tickBox+12)-4, tickBox, l.T("Comment:"), "", 0, "L", false, 0, "")
	d.colour(ink)
	f.SetY(y + tickBox)
	d.draw(rule, 0.3)
	for range commentLines {
		f.SetY(f.GetY() + 7)
		f.Line(margin, f.GetY(), margin+w, f.GetY())
	}
	d.font("", bodySize)
}
