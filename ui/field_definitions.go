package ui

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

// fieldsDialog lists the group's own fields of each kind of record, in their order, to add, change, move
// up or down and move to the Trash. An editor opened afterwards shows them.
type fieldsDialog struct {
	store *store.Store
	win   fyne.Window
	box   *fyne.Container
}

func showFields(s *store.Store, w fyne.Window) {
	fd := &fieldsDialog{store: s, win: w, box: container.NewVBox()}
	fd.fill()
	d := dialog.NewCustom(T("Fields of your own"), T("Close"), container.NewVScroll(fd.box), w)
	d.Resize(scaled(680, 520))
	d.Show()
}

// fill lists the fields afresh.
func (fd *fieldsDialog) fill() {
	lang := i18n.Current().Code()
	fd.box.Objects = []fyne.CanvasObject{wrapped(T("Add what your group records and no form foresaw: a charity number, the date an insurance expires. Each field shows in the editor, search finds its values, and documents print it when you ask."))}
	for _, k := range data.FieldKinds {
		fd.box.Add(heading(T("On every %s", T(data.KindNoun(k)))))
		fields := data.Fields(fd.store, k)
		if len(fields) == 0 {
			fd.box.Add(wrapped(T("No fields of your own yet.")))
		}
		for i, d := range fields {
			up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { fd.swap(fields, i, i-1) })
			down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { fd.swap(fields, i, i+1) })
			if i == 0 {
				up.Disable()
			}
			if i == len(fields)-1 {
				down.Disable()
			}
			change := widget.NewButtonWithIcon(T("Change…"), theme.DocumentCreateIcon(), func() {
				editField(fd.store, fd.win, data.Clone(d), "", fd.fill)
			})
			remove := widget.NewButtonWithIcon(T("Move to Trash"), theme.DeleteIcon(), func() { fd.remove(d) })
			buttons := flowRow(up, down, change, remove)
			fd.box.Add(container.NewVBox(wrapped(fieldSummary(d, lang)), buttons))
		}
		fd.box.Add(container.NewHBox(widget.NewButtonWithIcon(T("Add a field…"), theme.ContentAddIcon(), func() {
			editField(fd.store, fd.win, &data.FieldDefinition{For: k, Type: data.FieldText, Order: len(fields)}, "", fd.fill)
		})))
	}
	fd.box.Refresh()
}

// fieldSummary says what a field is in a line: "Insurance expires — date, reminds 30 days before".
func fieldSummary(d *data.FieldDefinition, lang string) string {
	parts := []string{T(string(d.Type))}
	if d.Required {
		parts = append(parts, T("required"))
	}
	if d.Print {
		parts = append(parts, T("printed on documents"))
	}
	if d.RemindDays > 0 {
		parts = append(parts, N(d.RemindDays, "reminds %d day before", "reminds %d days before"))
	}
	return d.Label(lang) + " — " + strings.Join(parts, ", ")
}

// swap moves the field at i to j and numbers the fields of the kind afresh, in one write.
func (fd *fieldsDialog) swap(fields []*data.FieldDefinition, i, j int) {
	ordered := slices.Clone(fields)
	ordered[i], ordered[j] = ordered[j], ordered[i]
	var changed []data.Record
	for n, d := range ordered {
		if d.Order != n {
			c := data.Clone(d)
			c.Order = n
			changed = append(changed, c)
		}
	}
	fd.commit(func() error { return fd.store.SaveAll(changed) })
}

// remove moves a field to the Trash; the values stay on the records, and come back with it.
func (fd *fieldsDialog) remove(d *data.FieldDefinition) {
	fd.commit(func() error { return fd.store.Delete(data.KindField, d.ID) })
}

// commit runs a change off the UI goroutine and lists the fields again after it.
func (fd *fieldsDialog) commit(change func() error) {
	background(func() {
		err := change()
		onUI(func() {
			if err != nil {
				showError(fd.win, "reorder the fields or move one to the Trash", err)
				return
			}
			fd.fill()
		})
	})
}

// editField asks for a field's name (in the group's words and each of Accord's languages), type, choices,
// whether it is required and printed, and for a date how long before it to remind; saved runs once it is
// written. A field that cannot be saved as it is comes back with what was typed and what to fix. A field's
// type is chosen when it is added.
func editField(s *store.Store, w fyne.Window, d *data.FieldDefinition, problems string, saved func()) {
	b := newBinder(func() {})
	content := container.NewVBox()
	if problems != "" {
		p := wrapped(problems)
		p.Importance = widget.DangerImportance
		content.Add(p)
	}
	content.Add(row(T("Name"), b.text(&d.Name, T("For example: Charity number"))))
	if d.Names == nil {
		d.Names = map[string]string{}
	}
	names := map[string]*string{}
	var translations []fyne.CanvasObject
	for _, lang := range i18n.Languages() {
		n := d.Names[lang]
		names[lang] = &n
		translations = append(translations, b.text(names[lang], T("Name in %s", i18n.Name(lang))).withExample())
	}
	content.Add(container.NewGridWithColumns(len(translations), translations...))
	choices := strings.Join(d.Choices, "\n")
	choicesRow := row(T("Choices, one a line"), b.longText(&choices, ""))
	days := b.whole(&d.RemindDays)
	days.PlaceHolder = T("For example: 30")
	remindRow := row(T("Remind me this many days before (empty for no reminder)"), days)
	// The choices go beside the rest, so the dialog stays within a small window at the largest text size.
	var left fyne.CanvasObject
	body := container.NewStack()
	showFor := func() {
		showIf(remindRow, d.Type == data.FieldDate)
		body.Objects = []fyne.CanvasObject{left}
		if d.Type == data.FieldChoice || d.Type == data.FieldChoices {
			body.Objects = []fyne.CanvasObject{container.NewGridWithColumns(2, left, choicesRow)}
		}
		content.Refresh()
	}
	kind := choice(b, data.FieldTypes, &d.Type)
	kind.OnChanged = func(string) { d.Type = data.FieldTypes[kind.SelectedIndex()]; showFor() }
	checks := []fyne.CanvasObject{b.check(T("Required: a record cannot be saved without it"), &d.Required)}
	switch d.For { // only a partner's documents print fields of the group's own: its own, and its people's
	case data.KindPartner:
		checks = append(checks, b.check(T("Print on documents (the partner's profile and the directory)"), &d.Print))
	case data.KindContact:
		checks = append(checks, b.check(T("Print on documents (under the person, on the profile and in the directory)"), &d.Print))
	}
	left = container.NewVBox(row(T("Type"), kind), remindRow, container.NewGridWithColumns(2, checks...))
	content.Add(body)
	showFor()
	title := T("Add a field")
	if d.ID != "" {
		title = T("Change a field")
	}
	ask(w, title, T("Save"), T("Cancel"), content, func() {
		for lang, n := range names {
			if strings.TrimSpace(*n) == "" {
				delete(d.Names, lang)
			} else {
				d.Names[lang] = strings.TrimSpace(*n)
			}
		}
		d.Choices = nil
		if d.Type == data.FieldChoice || d.Type == data.FieldChoices {
			d.Choices = splitTrimmed(choices, "\n")
		}
		if d.Type != data.FieldDate {
			d.RemindDays = 0
		}
		d.Name = strings.TrimSpace(d.Name)
		if err := d.Validate(); err != nil {
			editField(s, w, d, plainText(err), saved)
			return
		}
		copied := data.Clone(d)
		write := func(converted []data.Customised) {
			saveInBackground("save a field", d, copied, func() error { return saveField(s, copied, converted) }, saved,
				func(problems string) { editField(s, w, d, problems, saved) })
		}
		background(func() {
			var converted, kept []data.Customised
			if was := data.Lookup[data.FieldDefinition](s, copied.ID); was != nil && was.Type != copied.Type {
				converted, kept = data.Retype(s, was, copied)
			}
			onUI(func() {
				if len(kept) == 0 {
					write(converted)
					return
				}
				confirmRetype(w, copied, kept, func() { write(converted) }, func() { editField(s, w, d, "", saved) })
			})
		})
	}).Resize(scaled(640, 0))
}

// mostListed is how many records a warning names before it counts the rest.
const mostListed = 8

// confirmRetype lists, before anything changes, the records whose values cannot become the field's new type;
// they are kept as they were typed, and each record's screen shows its value beside the field.
func confirmRetype(w fyne.Window, d *data.FieldDefinition, kept []data.Customised, retype, back func()) {
	lang := i18n.Current().Code()
	var lines []string
	for _, r := range kept[:min(len(kept), mostListed)] {
		lines = append(lines, r.Title()+": "+r.CustomValues()[d.ID])
	}
	if more := len(kept) - mostListed; more > 0 {
		lines = append(lines, N(more, "and %d more", "and %d more"))
	}
	var doc detailDoc
	doc.para(N(len(kept), "%[1]d value of %[2]s cannot become %[3]s. It stays as it was typed, shown beside the field for someone to change:",
		"%[1]d values of %[2]s cannot become %[3]s. They stay as they were typed, shown beside the field for someone to change:",
		d.Label(lang), T(string(d.Type))))
	doc.bullets(lines)
	askOr(w, T("Change the type?"), T("Change the type"), T("Back"), doc.build(), retype, back)
}

// saveField writes a field. A new one takes the ID every laptop gives its name (see data.NewFieldID): one
// in the Trash under it comes back, with the values it had; one live under it is the same field, already
// there.
func saveField(s *store.Store, d *data.FieldDefinition, converted []data.Customised) error {
	if len(converted) > 0 { // a type changed: the field and the values it converted, in one write
		rs := []data.Record{d}
		for _, r := range converted {
			rs = append(rs, r)
		}
		return s.SaveAll(rs)
	}
	if d.ID == "" {
		d.ID = data.NewFieldID(s, d.For, d.Name)
		if old := data.Lookup[data.FieldDefinition](s, d.ID); old != nil {
			if !old.Deleted {
				return data.FieldTaken(old)
			}
			d.Meta = old.Meta
			d.Deleted, d.DeletedAt = false, time.Time{}
		}
	}
	return s.Save(d)
}

// splitTrimmed is the non-empty parts of a text between separators, trimmed.
func splitTrimmed(text, sep string) []string {
	var out []string
	for _, part := range strings.Split(text, sep) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
