package ui

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
)

// languageRows choose the language the agreement prints in — shown as its default, its first partner's,
// until one is chosen — and a second language for a bilingual edition, which opens a translation field
// under each text.
func (ed *agreementEditor) languageRows() fyne.CanvasObject {
	a := ed.a
	names := mapped(data.DocumentLanguages, i18n.Name)
	first := newDropDown(names, nil)
	first.SetSelectedIndex(slices.Index(data.DocumentLanguages, pdf.Languages(ed.store, a)[0]))
	first.OnChanged = func(string) {
		if i := first.SelectedIndex(); i >= 0 && data.DocumentLanguages[i] != a.Language {
			a.Language = data.DocumentLanguages[i]
			ed.changed()
		}
	}
	codes := append([]string{""}, data.DocumentLanguages...)
	seconds := append([]string{T("None: one language")}, names...)
	second := newDropDown(seconds, nil)
	second.SetSelectedIndex(max(0, slices.Index(codes, a.SecondLanguage)))
	second.OnChanged = func(string) {
		if i := second.SelectedIndex(); i >= 0 && codes[i] != a.SecondLanguage {
			a.SecondLanguage = codes[i]
			ed.showTranslations()
			ed.changed()
		}
	}
	return columns(2, row(T("Printed in"), first), row(T("Bilingual edition: also in"), second))
}

// withTranslation puts an entry for a text's translation under the text's own entry; it shows only while
// the agreement has a second language. get and set reach the translation wherever the agreement keeps it.
func (ed *agreementEditor) withTranslation(original fyne.CanvasObject, get func() string, set func(string)) fyne.CanvasObject {
	value := get()
	entry := ed.bind.longText(&value, T("The same text in the second language"))
	entry.OnChanged = alsoSet(entry.OnChanged, set)
	entry.SetMinRowsVisible(3)
	return ed.translated(original, entry)
}

// withHeadingTranslation is withTranslation for a one-line heading or title.
func (ed *agreementEditor) withHeadingTranslation(original fyne.CanvasObject, get func() string, set func(string)) fyne.CanvasObject {
	value := get()
	entry := ed.bind.text(&value, T("The same heading in the second language"))
	entry.OnChanged = alsoSet(entry.OnChanged, set)
	return ed.translated(original, entry)
}

func alsoSet(bound func(string), set func(string)) func(string) {
	return func(s string) { set(s); bound(s) }
}

func (ed *agreementEditor) translated(original, entry fyne.CanvasObject) fyne.CanvasObject {
	translation := row(T("Translation"), entry)
	ed.translations = append(ed.translations, translation)
	showIf(translation, ed.a.SecondLanguage != "")
	return container.NewVBox(original, translation)
}

// showTranslations shows the translation fields while the agreement has a second language.
func (ed *agreementEditor) showTranslations() {
	for _, t := range ed.translations {
		showIf(t, ed.a.SecondLanguage != "")
	}
}

// showIf shows or hides a part of the form.
func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// own is a row for one of the agreement's own free-text sections, with its translation under it.
func (ed *agreementEditor) own(label, key string, p *string, placeholder string) fyne.CanvasObject {
	a := ed.a
	return ed.withTranslation(row(label, ed.bind.longText(p, placeholder)), func() string { return a.Translations[key] },
		func(s string) {
			if a.Translations == nil {
				a.Translations = map[string]string{}
			}
			a.Translations[key] = s
			if s == "" {
				delete(a.Translations, key) // no translation keeps the wording as it was
			}
		})
}

// translatedPart reaches one part (heading or text) of a clause's or annex's translation, which is kept
// only while something is typed in it.
func translatedPart(t **data.Translation, part func(*data.Translation) *string) (get func() string, set func(string)) {
	return func() string {
			if *t == nil {
				return ""
			}
			return *part(*t)
		}, func(s string) {
			if *t == nil {
				*t = &data.Translation{}
			}
			*part(*t) = s
			if **t == (data.Translation{}) {
				*t = nil
			}
		}
}

func translationHeading(t *data.Translation) *string { return &t.Heading }
func translationText(t *data.Translation) *string    { return &t.Text }

// translatedSection is a heading (or title) and a text, each with its translation under it.
func (ed *agreementEditor) translatedSection(heading, text fyne.CanvasObject, t **data.Translation) fyne.CanvasObject {
	hget, hset := translatedPart(t, translationHeading)
	get, set := translatedPart(t, translationText)
	return container.NewVBox(ed.withHeadingTranslation(heading, hget, hset), ed.withTranslation(text, get, set))
}

// legalSection sets what binds the parties and under which law, the standard clauses, and the annexes.
func (ed *agreementEditor) legalSection() fyne.CanvasObject {
	a, b := ed.a, ed.bind
	law := row(T("Governing law"), b.text(&a.GoverningLaw, T("For example: the law of England and Wales")))
	sections := ticks(data.BindingSections, &a.BindingSections, ed.changed)
	binding := []string{T("Not legally binding"), T("Legally binding"), T("Not binding, except some sections")}
	force := widget.NewRadioGroup(binding, nil)
	show := func() {
		showIf(sections, force.Selected == binding[2])
		showIf(law, force.Selected != binding[0])
	}
	switch {
	case a.LegallyBinding:
		force.SetSelected(binding[1])
	case len(a.BindingSections) > 0:
		force.SetSelected(binding[2])
	default:
		force.SetSelected(binding[0])
	}
	force.OnChanged = func(v string) {
		a.LegallyBinding = v == binding[1]
		if v != binding[2] {
			a.BindingSections = nil
		}
		show()
		ed.changed()
	}
	show()
	clauses := ticks(data.StandardClauses, &a.StandardClauses, ed.changed)
	return container.NewVBox(row(T("Is the agreement legally binding?"), force), sections, law,
		row(T("Standard clauses"), clauses), widget.NewSeparator(), heading(T("Annexes")), ed.annexesEditor())
}

// ticks is a tick box for each option, shown translated, binding the ones ticked. They are kept in the
// order the list offers them, so ticking the boxes in another order does not reword the agreement.
func ticks[S ~string](options []S, chosen *[]S, changed func()) *fyne.Container {
	box := container.NewVBox()
	for _, o := range options {
		box.Add(tickBox(capitalFirst(T(string(o))), slices.Contains(*chosen, o), func(on bool) {
			*chosen = slices.DeleteFunc(slices.Clone(options), func(x S) bool {
				return x == o && !on || x != o && !slices.Contains(*chosen, x)
			})
			if len(*chosen) == 0 {
				*chosen = nil // none is absent from the record, as it was before any was ticked
			}
			changed()
		}))
	}
	return box
}

// annexesEditor lists the annexes: each a title and a text, or a title and an attached PDF file.
func (ed *agreementEditor) annexesEditor() fyne.CanvasObject {
	b := ed.bind
	return listEditor(&ed.a.Annexes, T("Add an annex"), func() data.Annex { return data.Annex{} },
		func(x *data.Annex) fyne.CanvasObject {
			file := widget.NewLabel(ed.annexFileName(x.File))
			attach := widget.NewButton(T("Attach a PDF file…"), func() { ed.onAttachAnnex(x, file) })
			return container.NewVBox(ed.translatedSection(row(T("Title"), b.text(&x.Title, T("For example: Data-sharing schedule"))),
				row(T("Text"), b.longText(&x.Text, T("The annex's text, or attach a PDF file below"))), &x.Translation),
				container.NewHBox(attach, file))
		}, ed.bind)
}

// annexFileName names the file attached as an annex.
func (ed *agreementEditor) annexFileName(sha string) string {
	for _, f := range ed.a.Attachments {
		if f.SHA256 == sha && sha != "" {
			return f.Name
		}
	}
	return ""
}

// onAttachAnnex keeps a PDF file with the agreement as an annex's content.
func (ed *agreementEditor) onAttachAnnex(x *data.Annex, name *widget.Label) {
	ed.keepFile([]string{".pdf", ".PDF"}, printableAnnex, func(att data.Attachment, err error) {
		if err == nil && att.MIME != "application/pdf" {
			err = data.Plain("An annex file must be a PDF: save it as PDF, then attach it again.")
		}
		if err != nil {
			dialog.ShowInformation(T("Not kept"), plainText(err), ed.win)
			return
		}
		ed.a.Attachments = append(ed.a.Attachments, att)
		x.File = att.SHA256
		name.SetText(att.Name)
		ed.changed()
	})
}

// printableAnnex refuses a file whose pages the MOU could not print, before it is kept.
func printableAnnex(content []byte) error {
	if _, err := pdf.CheckAnnex(content); err != nil {
		fyne.LogError("check an annex file", err)
		return data.Plain("This file cannot be printed as an annex: it is not a PDF, or it is damaged or protected by a password. Save it again as a PDF without a password, then attach it.")
	}
	return nil
}

// capitalFirst puts a label's first letter in upper case: "confidentiality" reads "Confidentiality".
func capitalFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
