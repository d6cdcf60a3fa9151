package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/pdf"
	"accord/store"
)

// signingSection shows who has signed, when it was sent and ended, every printed version and the signed
// copies kept with the agreement. What the form holds is drawn again after every change; what other records
// say of the agreement (new versions, prints, health checks) is read once, off the UI goroutine, when the
// editor opens and after a print.
func (ed *agreementEditor) signingSection() fyne.CanvasObject {
	ed.signing, ed.linked = container.NewVBox(), container.NewVBox()
	ed.fillLinked()
	ed.fillSigning()
	return ed.signing
}

func (ed *agreementEditor) fillSigning() {
	var d detailDoc
	for _, p := range ed.a.Parties {
		signed := T("not signed yet")
		if !p.Signatory.SignedOn.IsZero() {
			signed = T("signed on %s", longDate(p.Signatory.SignedOn))
		}
		d.field(partyName(ed.store, p), joinNonEmpty(", ", p.Signatory.Name, signed))
	}
	if !ed.a.SentOn.IsZero() {
		d.field(T("Sent for signature"), longDate(ed.a.SentOn))
	}
	if ed.a.Status == data.StatusTerminated {
		d.field(T("Ended early"), joinNonEmpty(": ", longDate(ed.a.TerminatedOn), ed.a.TerminationReason))
	}
	if old := data.Lookup[data.Agreement](ed.store, ed.a.RenewalOf); old != nil {
		d.field(T("Renews"), old.Name)
	}
	if old := data.Lookup[data.Agreement](ed.store, ed.a.Replaces); old != nil {
		d.field(T("A new version of"), T("%s, as signed (it stays in force until this version is signed)", old.Name))
	}
	ed.signing.Objects = []fyne.CanvasObject{d.build(), ed.linked, ed.signedCopies()}
	ed.signing.Refresh()
}

// fillLinked shows the agreement's new versions, its printed copies and its health over time. Each is
// found by reading every agreement, print or evaluation, so it is done off the UI goroutine.
func (ed *agreementEditor) fillLinked() {
	id, today := ed.a.ID, data.DateOf(now())
	if id == "" { // not saved yet: nothing can name it
		ed.linked.Objects = agreementLinks(nil, nil, nil, today)
		return
	}
	background(func() {
		next, prints, history := data.NewVersionsOf(ed.store, id), data.PrintsOf(ed.store, id), data.History(ed.store, data.KindAgreement, id)
		onUI(func() {
			ed.linked.Objects = agreementLinks(next, prints, history, today)
			ed.linked.Refresh()
		})
	})
}

// agreementLinks draws an agreement's new versions, printed copies and health over time.
func agreementLinks(next []*data.Agreement, prints []*data.Print, history []*data.Evaluation, today data.Date) []fyne.CanvasObject {
	var d detailDoc
	for _, n := range next {
		d.field(T("New version"), joinNonEmpty(" · ", n.Name, T(string(n.StatusOn(today)))))
	}
	if len(prints) > 0 {
		d.section(T("Printed copies"))
		d.bullets(mapped(prints, printLine))
	}
	heading := widget.NewLabelWithStyle(T("Health over time"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return []fyne.CanvasObject{d.build(), heading, healthTrend(history)}
}

// signedCopies lists the scans kept with the agreement, each to open or save out, and offers to add one.
func (ed *agreementEditor) signedCopies() fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(T("Signed copies"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, att := range ed.a.Attachments {
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(
			widget.NewButton(T("Open"), func() { ed.openAttachment(att) }),
			widget.NewButton(T("Save as…"), func() { ed.saveAttachmentAs(att) })),
			wrapped(T("%s (%s, added %s)", att.Name, sizeText(att.Size), att.AddedAt.Local().Format("2006-01-02")))))
	}
	box.Add(container.NewHBox(widget.NewButtonWithIcon(T("Attach signed copy…"), theme.UploadIcon(), ed.onAttach)))
	box.Add(wrapped(T("A scan or photo of the signed paper, as PDF, JPEG or PNG, up to 20 MB.")))
	return box
}

func sizeText(n int64) string {
	if n < 1<<20 {
		return T("%d KB", (n+1023)/1024)
	}
	return T("%s MB", i18n.Number(float64(n)/(1<<20), 1, false))
}

func (ed *agreementEditor) onAttach() {
	ed.keepFile([]string{".pdf", ".PDF", ".jpg", ".jpeg", ".JPG", ".png", ".PNG"}, nil, ed.attach)
}

// keepFile lets the user choose a file of one of the extensions, keeps it in the data folder (off the UI
// goroutine) and hands the attachment, or what went wrong, to kept.
func (ed *agreementEditor) keepFile(extensions []string, check func([]byte) error, kept func(data.Attachment, error)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		background(func() {
			defer r.Close()
			content, err := io.ReadAll(io.LimitReader(r, data.MaxAttachmentBytes+1))
			att := data.Attachment{}
			if err == nil && check != nil {
				err = check(content)
			}
			if err == nil {
				att, err = ed.store.KeepSignedCopy(r.URI().Name(), content, now())
			}
			onUI(func() { kept(att, err) })
		})
	}, ed.win)
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	startIn(d, documentsFolder())
	d.Show()
}

// attach lists a kept scan on the agreement and saves it.
func (ed *agreementEditor) attach(att data.Attachment, err error) {
	if err != nil {
		dialog.ShowInformation(T("Not kept"), plainText(err), ed.win)
		return
	}
	ed.a.Attachments = append(ed.a.Attachments, att)
	ed.changed()
	ed.onSave()
}

func (ed *agreementEditor) openAttachment(att data.Attachment) {
	content, err := ed.store.Attachment(att.SHA256)
	if err != nil {
		showError(ed.win, "read signed copy", err)
		return
	}
	openFile(ed.win, filepath.Join(ed.store.Dir(), store.PrintedFolder, safeFileName(att.Name)), content)
}

func (ed *agreementEditor) saveAttachmentAs(att data.Attachment) {
	content, err := ed.store.Attachment(att.SHA256)
	if err != nil {
		showError(ed.win, "read signed copy", err)
		return
	}
	saveAs(ed.win, safeFileName(att.Name), content)
}

// lifecycleButtons offers the next steps for the agreement as it stands.
func (ed *agreementEditor) lifecycleButtons() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	add := func(label string, icon fyne.Resource, action func()) {
		out = append(out, widget.NewButtonWithIcon(label, icon, action))
	}
	switch ed.a.StatusOn(data.DateOf(now())) {
	case data.StatusDraft:
		add(T("Send for signature"), theme.MailSendIcon(), ed.onSend)
	case data.StatusSent:
		add(T("Record signatures…"), theme.ConfirmIcon(), ed.onRecordSignatures)
		add(T("End early…"), theme.CancelIcon(), ed.onTerminate)
	case data.StatusSigned, data.StatusActive:
		add(T("Record signatures…"), theme.ConfirmIcon(), ed.onRecordSignatures)
		add(T("Renew…"), theme.ViewRefreshIcon(), ed.onRenew)
		add(T("End early…"), theme.CancelIcon(), ed.onTerminate)
	case data.StatusExpired:
		add(T("Renew…"), theme.ViewRefreshIcon(), ed.onRenew)
	}
	add(T("Open PDF to print"), theme.DocumentPrintIcon(), func() { ed.onPrint(false) })
	add(T("Save PDF as…"), theme.DownloadIcon(), func() { ed.onPrint(true) })
	if ed.a.Agreed() {
		add(T("Open progress report to print"), theme.DocumentPrintIcon(), ed.onProgressReport)
	}
	return out
}

// onProgressReport saves the agreement, then prints how it is going, in its own language, to hand to the
// partners in it.
func (ed *agreementEditor) onProgressReport() {
	ed.saveFirst(func() {
		id, today := ed.a.ID, data.DateOf(now())
		name := safeFileName(T("Progress of %s", ed.a.Name) + " " + today.String() + ".pdf")
		printDocument(ed.win, ed.store.Dir(), name, false, func() ([]byte, error) {
			a, err := store.Get[data.Agreement](ed.store, id) // the saved one: the form may change while this renders
			if err != nil {
				return nil, err
			}
			return pdf.ProgressReport(ed.store, a, today)
		}, func([]byte) {})
	})
}

// step applies a lifecycle change and saves at once: sending, signing and ending are facts to keep.
func (ed *agreementEditor) step(change func() error) {
	if !ed.showProblems() {
		dialog.ShowInformation(T("Not yet"), T("Fix the problems shown at the top first."), ed.win)
		return
	}
	if err := change(); err != nil {
		dialog.ShowInformation(T("Not possible"), plainText(err), ed.win)
		return
	}
	ed.changed()
	ed.saveThen(ed.activateParties)
}

// activateParties marks the partners of an agreement that has just been signed as active partners, as
// the dashboard counts them, from the day the last party signed — so the year's reports date the move
// when it happened, not when it was recorded — and says so.
func (ed *agreementEditor) activateParties() {
	if ed.a.Status != data.StatusSigned {
		return
	}
	ids, signed := ed.a.PartnerIDs(), ed.a.LastSignature()
	if signed.IsZero() {
		signed = data.DateOf(now())
	}
	background(func() {
		var moved []string
		for _, id := range ids {
			p, err := store.Get[data.Partner](ed.store, id)
			if err != nil || p.Stage == data.StageActive {
				continue
			}
			p.MoveTo(data.StageActive, signed)
			if err := ed.store.Save(p); err != nil {
				fyne.LogError("mark "+p.Name+" active", err)
				continue
			}
			moved = append(moved, p.Name)
		}
		if len(moved) > 0 {
			onUI(func() {
				dialog.ShowInformation(T("Signed"), T("The agreement is signed, so these partners are now marked as active: %s.", strings.Join(moved, ", ")), ed.win)
			})
		}
	})
}

func (ed *agreementEditor) onSend() {
	ed.step(func() error { return ed.a.SendForSignature(data.DateOf(now())) })
}

func (ed *agreementEditor) onRecordSignatures() {
	today := data.DateOf(now())
	dates := make([]data.Date, len(ed.a.Parties))
	form := container.NewVBox(widget.NewLabel(T("Fill in the date each party signed. Leave it empty if they have not signed yet.")))
	for i, p := range ed.a.Parties {
		dates[i] = p.Signatory.SignedOn
		form.Add(row(joinNonEmpty(" — ", partyName(ed.store, p), p.Signatory.Name), newBinder(func() {}).date(&dates[i])))
	}
	ask(ed.win, T("Record signatures"), T("Save"), T("Cancel"), form, func() {
		ed.step(func() error {
			for i, d := range dates {
				if err := ed.a.RecordSignature(i, d, today); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (ed *agreementEditor) onTerminate() {
	on, reason := data.DateOf(now()), ""
	b := newBinder(func() {})
	form := container.NewVBox(row(T("Ended on"), b.date(&on)), row(T("Why it is ending"), b.longText(&reason, "")))
	ask(ed.win, T("End this agreement early"), T("End it"), T("Cancel"), form, func() {
		ed.step(func() error { return ed.a.Terminate(on, reason) })
	})
}

func (ed *agreementEditor) onRenew() {
	next, err := ed.a.Renew(data.DateOf(now()))
	if err != nil {
		dialog.ShowInformation(T("Not possible"), plainText(err), ed.win)
		return
	}
	ed.onOpen(next)
}

// onPrint saves the agreement, then prints the MOU of the saved agreement, re-read by ID so the form can
// go on taking keystrokes while it renders (see printDocument), and records the print apart from it.
func (ed *agreementEditor) onPrint(chooseWhere bool) {
	ed.saveFirst(func() { ed.print(chooseWhere) })
}

func (ed *agreementEditor) print(chooseWhere bool) {
	id := ed.a.ID
	printDocument(ed.win, ed.store.Dir(), ed.pdfName(), chooseWhere, func() ([]byte, error) {
		a, err := store.Get[data.Agreement](ed.store, id)
		if err != nil {
			return nil, err
		}
		b, err := pdf.MOU(ed.store, a, pdf.Edition{Today: data.DateOf(ed.store.Now()), Files: ed.store.Attachment})
		if err == nil {
			if err := ed.store.RecordPrint(a, b); err != nil {
				fyne.LogError("record the print of "+id, err) // the paper still prints; the log misses one line
			}
		}
		return b, err
	}, func([]byte) { ed.fillLinked() })
}

// printLine says when a copy was printed, of which wording version, with the start of its file's SHA-256.
func printLine(p *data.Print) string {
	when := p.At.Local().Format("2006-01-02 15:04")
	if p.Version == 0 { // printed before Accord kept wording versions
		return T("%s, file SHA-256 %s…", when, p.SHA256[:12])
	}
	return T("%s, version %d, file SHA-256 %s…", when, p.Version, p.SHA256[:12])
}

func (ed *agreementEditor) pdfName() string {
	version, _ := ed.a.PrintedWording()
	return safeFileName(fmt.Sprintf("%s - %s %d.pdf", ed.a.Name, T("version"), version)) // i18n:same
}

// safeFileName replaces the characters Windows refuses in a file name.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, name)
}

// documentsFolder is where file dialogs start: Documents when there is one, else the home folder.
func documentsFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// startIn opens a file dialog in a folder; Fyne's own dialogs are slow to browse from the top on Windows.
func startIn(d interface{ SetLocation(fyne.ListableURI) }, folder string) {
	if folder == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
		d.SetLocation(l)
	}
}
