package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/partnerio"
	"accord/store"
)

// partnerImport brings in a contacts list from a spreadsheet or address book: the user sees the columns
// with a sample, can change what each column means, sees what will be added, merged and skipped, and only
// then imports — in one transaction.
type partnerImport struct {
	store   *store.Store
	win     fyne.Window
	table   *partnerio.Table
	mapping partnerio.Mapping
	dup     partnerio.DuplicateChoice
	plan    *partnerio.ImportPlan
	cancel  context.CancelFunc
	done    func() // refreshes the partners list after an import

	summary  *widget.Label
	progress *widget.ProgressBar
	apply    *keyButton
	dialog   dialog.Dialog
	// preview shows the columns; it is laid out again when a column becomes a new field.
	preview *container.Scroll
}

// onImport is the partners screen's "Import contacts…" button.
func (ps *partnersScreen) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		background(func() {
			defer r.Close()
			t, err := partnerio.Read(r)
			onUI(func() {
				if err != nil {
					showError(ps.win, "read contacts file", err)
					return
				}
				imp := &partnerImport{store: ps.store, win: ps.win, table: t, done: ps.refresh}
				imp.mapping, _ = partnerio.Guess(t.Headers) // a mapping it could not guess is fixed in the preview
				imp.mapping = imp.mapping.WithFields(t.Headers, ps.store)
				for c := shownColumns; c < len(imp.mapping); c++ {
					imp.mapping[c] = partnerio.Ignore // not shown, so never imported unseen
				}
				imp.show(r.URI().Name())
			})
		})
	}, ps.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".txt", ".TXT"}))
	startIn(d, documentsFolder())
	d.Show()
}

func (imp *partnerImport) show(name string) {
	imp.summary = widget.NewLabel("")
	imp.summary.Truncation = fyne.TextTruncateEllipsis // one line per fact keeps the dialog's height right
	imp.progress = widget.NewProgressBar()
	imp.apply = newKeyButton(T("Import"), nil, imp.onApply)
	imp.apply.Importance = widget.HighImportance
	dup := widget.NewRadioGroup([]string{T("Skip partners already in Accord"), T("Add new people to partners already in Accord")}, nil)
	dup.SetSelected(dup.Options[0])
	dup.OnChanged = func(choice string) {
		imp.dup = partnerio.Skip
		if choice == dup.Options[1] {
			imp.dup = partnerio.Merge
		}
		imp.replan()
	}
	head := widget.NewLabel(N(len(imp.table.Rows), "%d row read from %s. Check what each column holds, then import.",
		"%d rows read from %s. Check what each column holds, then import.", name))
	cancel := widget.NewButton(T("Cancel"), func() { imp.stop(); imp.dialog.Hide() })
	imp.preview = container.NewHScroll(imp.columns())
	body := container.NewBorder(head, container.NewVBox(dup, imp.progress, imp.summary, container.NewHBox(cancel, imp.apply)),
		nil, nil, imp.preview)
	imp.dialog = dialog.NewCustomWithoutButtons(T("Import contacts"), body, imp.win)
	imp.dialog.Resize(fyne.NewSize(920, 620))
	imp.dialog.Show()
	imp.replan()
}

// shownColumns bounds the columns the preview lays out: one very wide row of a file would otherwise make
// hundreds of thousands of widgets. Outlook's 92 columns fit.
const shownColumns = 200

// columns shows, for each column of the file, its header, what Accord will take it as — a field of its
// own, of the group's own, or a new one of the group's own named after the header — and a few values.
func (imp *partnerImport) columns() fyne.CanvasObject {
	choices := slices.Clone(partnerio.Fields)
	for _, d := range partnerio.OwnFields(imp.store) {
		choices = append(choices, partnerio.CustomField(d.ID))
	}
	labels := make([]string, len(choices))
	for i, f := range choices {
		labels[i] = f.Label(imp.store, i18n.Current().Code(), T)
		if f == partnerio.Ignore {
			labels[i] = T("(leave out)")
		}
	}
	labels = append(labels, T("(a new field of your own)"))
	row := container.NewHBox()
	headers := imp.table.Headers[:min(len(imp.table.Headers), shownColumns)]
	for c, header := range headers {
		sel := newDropDown(labels, nil)
		for i, f := range choices {
			if c < len(imp.mapping) && imp.mapping[c] == f {
				sel.SetSelectedIndex(i)
			}
		}
		sel.OnChanged = func(string) {
			if i := sel.SelectedIndex(); i < len(choices) {
				imp.mapping[c] = choices[i]
				imp.replan()
				return
			}
			imp.newField(c, header)
		}
		samples := widget.NewLabel(strings.Join(imp.samples(c), "\n"))
		samples.Truncation = fyne.TextTruncateEllipsis
		col := container.NewVBox(widget.NewLabelWithStyle(header, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), sel, samples)
		row.Add(container.NewGridWrap(scaled(190, 230), col))
	}
	if hidden := len(imp.table.Headers) - len(headers); hidden > 0 {
		row.Add(widget.NewLabel(N(hidden, "%d more column is not shown, and not imported.", "%d more columns are not shown, and not imported.")))
	}
	return row
}

// newField makes a text field of the group's own on partners, named after the column's header, and imports
// the column into it: at once, so the preview reads the column's values as the field. A field of that name
// already there takes the column instead; one in the Trash comes back (see saveField).
func (imp *partnerImport) newField(col int, header string) {
	d := &data.FieldDefinition{Name: strings.TrimSpace(header), For: data.KindPartner, Type: data.FieldText,
		Order: len(data.Fields(imp.store, data.KindPartner))}
	background(func() {
		err := d.Validate()
		if existing := data.Lookup[data.FieldDefinition](imp.store, data.NewFieldID(imp.store, d.For, d.Name)); err == nil &&
			existing != nil && !existing.Deleted {
			d = existing
		} else if err == nil {
			err = saveField(imp.store, d, nil)
		}
		onUI(func() {
			if err != nil {
				imp.summary.SetText(plainText(err))
				imp.preview.Content = imp.columns() // the column is left as it was
				imp.preview.Refresh()
				return
			}
			imp.mapping[col] = partnerio.CustomField(d.ID)
			imp.preview.Content = imp.columns()
			imp.preview.Refresh()
			imp.replan()
		})
	})
}

func (imp *partnerImport) samples(col int) []string {
	var out []string
	for _, r := range imp.table.Rows[:min(len(imp.table.Rows), 5)] {
		out = append(out, r.Cell(col))
	}
	return out
}

// replan works out, off the UI goroutine, what the import would do with the current choices; a newer
// choice cancels a plan still running.
func (imp *partnerImport) replan() {
	imp.stop()
	imp.apply.Disable()
	if err := imp.mapping.Check(); err != nil {
		imp.summary.SetText(plainText(err))
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	imp.cancel = cancel
	mapping, dup := append(partnerio.Mapping(nil), imp.mapping...), imp.dup
	background(func() {
		plan, err := partnerio.Plan(ctx, imp.store, imp.table, mapping, partnerio.Options{Duplicates: dup,
			Progress: func(done, total int) {
				onUI(func() { imp.progress.SetValue(float64(done) / float64(max(total, 1))) })
			}})
		onUI(func() {
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				imp.summary.SetText(plainText(err))
				return
			}
			imp.plan = plan
			imp.summary.SetText(T("If you import now:") + "\n" + strings.Join(plan.Summary().Describe(T, N), "\n"))
			if len(plan.New)+len(plan.Merged) > 0 {
				imp.apply.Enable()
			}
		})
	})
}

func (imp *partnerImport) stop() {
	if imp.cancel != nil {
		imp.cancel()
	}
}

func (imp *partnerImport) onApply() {
	imp.apply.Disable()
	plan := imp.plan
	background(func() {
		sum, err := plan.Apply(imp.store)
		onUI(func() {
			if err != nil {
				imp.summary.SetText(plainText(err))
				return
			}
			imp.dialog.Hide()
			imp.done()
			dialog.ShowInformation(T("Contacts imported"), strings.Join(sum.Describe(T, N), "\n"), imp.win)
		})
	})
}
