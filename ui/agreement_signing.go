package ui

import (
	"fmt"
	"net/url"
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
	"accord/pdf"
)

// signingSection shows who has signed, when it was sent and ended, and every printed version.
func (ed *agreementEditor) signingSection() fyne.CanvasObject {
	var d detailDoc
	for _, p := range ed.a.Parties {
		signed := T("not signed yet")
		if !p.Signatory.SignedOn.IsZero() {
			signed = T("signed on %s", p.Signatory.SignedOn.String())
		}
		d.field(partyName(ed.store, p), joinNonEmpty(", ", p.Signatory.Name, signed))
	}
	if !ed.a.SentOn.IsZero() {
		d.field(T("Sent for signature"), ed.a.SentOn.String())
	}
	if ed.a.Status == data.StatusTerminated {
		d.field(T("Ended early"), joinNonEmpty(": ", ed.a.TerminatedOn.String(), ed.a.TerminationReason))
	}
	if old := data.Lookup[data.Agreement](ed.store, ed.a.RenewalOf); old != nil {
		d.field(T("Renews"), old.Name)
	}
	if len(ed.a.PrintedVersions) > 0 {
		d.section(T("Printed versions"))
		var lines []string
		for _, v := range ed.a.PrintedVersions {
			lines = append(lines, T("%s, revision %d, file SHA-256 %s…", v.At.Local().Format("2006-01-02 15:04"), v.Rev, v.SHA256[:12]))
		}
		d.bullets(lines)
	}
	return d.build()
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
	return out
}

// step applies a lifecycle change and saves at once: sending, signing and ending are facts to keep.
func (ed *agreementEditor) step(change func() error) {
	if !ed.showProblems() {
		dialog.ShowInformation(T("Not yet"), T("Fix the problems shown at the top first."), ed.win)
		return
	}
	if err := change(); err != nil {
		dialog.ShowInformation(T("Not possible"), T(err.Error()), ed.win)
		return
	}
	ed.dirty = true
	ed.onSave()
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
	dialog.ShowCustomConfirm(T("Record signatures"), T("Save"), T("Cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		ed.step(func() error {
			for i, d := range dates {
				if err := ed.a.RecordSignature(i, d, today); err != nil {
					return err
				}
			}
			return nil
		})
	}, ed.win)
}

func (ed *agreementEditor) onTerminate() {
	on, reason := data.DateOf(now()), ""
	b := newBinder(func() {})
	form := container.NewVBox(row(T("Ended on"), b.date(&on)), row(T("Why it is ending"), b.longText(&reason, "")))
	dialog.ShowCustomConfirm(T("End this agreement early"), T("End it"), T("Cancel"), form, func(ok bool) {
		if ok {
			ed.step(func() error { return ed.a.Terminate(on, reason) })
		}
	}, ed.win)
}

func (ed *agreementEditor) onRenew() {
	next, err := ed.a.Renew(data.DateOf(now()))
	if err != nil {
		dialog.ShowInformation(T("Not possible"), T(err.Error()), ed.win)
		return
	}
	ed.onOpen(next)
}

// onPrint saves the agreement, renders the MOU off the UI goroutine, records the print, then opens the
// PDF in the system's viewer (Fyne cannot print) or saves it where the user chooses.
func (ed *agreementEditor) onPrint(saveAs bool) {
	if ed.dirty {
		if ed.onSave(); ed.dirty {
			return
		}
	}
	printed := *ed.a
	go func() {
		b, err := pdf.MOU(ed.store, &printed, data.DateOf(now()))
		fyne.Do(func() {
			if err != nil {
				showError(ed.win, "print agreement", err)
				return
			}
			ed.recordPrint(b)
			if saveAs {
				ed.savePDFAs(b)
			} else {
				ed.openPDF(b)
			}
		})
	}()
}

// recordPrint notes the printed version on the stored record and on the open copy alike.
func (ed *agreementEditor) recordPrint(b []byte) {
	stored, err := data.Get[data.Agreement](ed.store, ed.a.ID)
	if err == nil {
		stored.RecordPrint(b, now())
		err = ed.store.Save(stored)
	}
	if err != nil {
		fyne.LogError("record printed version", err)
		return
	}
	ed.a.Meta, ed.a.PrintedVersions = stored.Meta, stored.PrintedVersions
	ed.onSaved(ed.a.ID)
}

func (ed *agreementEditor) pdfName() string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, ed.a.Name)
	return fmt.Sprintf("%s - %s %d.pdf", clean, T("revision"), ed.a.Rev)
}

func (ed *agreementEditor) openPDF(b []byte) {
	path := filepath.Join(ed.store.Dir(), "printed", ed.pdfName())
	err := os.MkdirAll(filepath.Dir(path), 0o700)
	if err == nil {
		err = os.WriteFile(path, b, 0o600)
	}
	if err != nil {
		showError(ed.win, "write PDF", err)
		return
	}
	u, _ := url.Parse(storage.NewFileURI(path).String())
	if err := fyne.CurrentApp().OpenURL(u); err != nil {
		dialog.ShowInformation(T("PDF ready"), T("The PDF is saved at %s. Open it from there to print.", path), ed.win)
	}
}

func (ed *agreementEditor) savePDFAs(b []byte) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		defer w.Close()
		if _, err := w.Write(b); err != nil {
			showError(ed.win, "save PDF", err)
		}
	}, ed.win)
	d.SetFileName(ed.pdfName())
	d.Show()
}
