package ui

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/color/palette"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/i18n"
	"accord/store"
)

var updateRenders = flag.Bool("update", false, "write the renders of every screen under testdata/renders")

// sizing is a text size and a window the screens must hold in.
type sizing struct {
	name   string
	scale  float32
	window fyne.Size
	render bool // kept as an image under testdata/renders
}

var sizings = []sizing{
	{"normal", 1, fyne.NewSize(1100, 720), true},
	{"largest", 1.5, fyne.NewSize(1100, 720), true},
	{"netbook", 1, fyne.NewSize(1024, 600), false},
}

// onlyPictured is true of a sizing whose check another sizing makes for it: the netbook's window is
// smaller at the same text, so a screen that fits there fits at Normal. Normal is shown only to keep its
// pictures (-update), which saves a third of the test's time under the race detector.
func (sz sizing) onlyPictured() bool { return sz.name == "normal" }

// TestEveryScreenFitsAndNothingIsCut shows every screen, with a record open where it has them, and the
// dialogs a volunteer meets from it, in every language at Normal and Largest text, and fails when the
// window would have to grow to hold it or a word is cut short. With -update it keeps what each screen
// looks like at Normal and Largest as a picture under testdata/renders, for reviewers to look at.
func TestEveryScreenFitsAndNothingIsCut(t *testing.T) {
	for _, lang := range i18n.Languages() {
		for _, sz := range sizings {
			t.Run(lang+"-"+sz.name, func(t *testing.T) {
				if sz.onlyPictured() && !*updateRenders {
					t.Skip("the netbook's smaller window at the same text checks this; shown with -update")
				}
				r := newRenderer(t, lang, sz)
				r.welcome()
				r.everyScreen()
				r.everyDialog()
			})
		}
	}
}

// renderer shows one language at one sizing and checks what it shows.
type renderer struct {
	t    *testing.T
	f    *fixture
	w    fyne.Window
	sh   *shell
	lang string
	sz   sizing
	// the records each record screen opens, by the kind it shows
	open map[data.Kind]string
	// mou is an agreement sent for signature, its title as long as a new agreement's
	mou *data.Agreement
}

func newRenderer(t *testing.T, lang string, sz sizing) *renderer {
	// The data folder shows on Settings and Backups: the same folder each run keeps the pictures the same.
	// Only the run that keeps them needs it; the checks take a folder of their own (a longer path, a
	// stricter fit), so that two runs on one machine do not share it.
	dir := filepath.Join(t.TempDir(), "data")
	if *updateRenders {
		dir = filepath.Join(os.TempDir(), "accord-renders", lang+"-"+sz.name)
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
	}
	r := &renderer{t: t, f: newFixtureIn(t, dir), lang: lang, sz: sz}
	r.furnish()
	i18n.SetLanguage(lang)
	t.Cleanup(func() { i18n.SetLanguage("en") })
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&look{Theme: theme.DefaultTheme(), variant: "light", scale: sz.scale})
	r.w = a.NewWindow("Accord")
	r.w.Resize(sz.window)
	return r
}

// furnish adds one record of every kind the fixture lacks, with names as long as real ones, so every
// screen has something to show.
func (r *renderer) furnish() {
	f, t := r.f, r.t
	number := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Charity number")}, Name: "Charity number",
		Names: map[string]string{"es": "Número de entidad benéfica", "fr": "Numéro d'association"}, For: data.KindPartner,
		Type: data.FieldText, Print: true, Required: true}
	insurance := &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(data.KindPartner, "Insurance expires")}, Name: "Insurance expires",
		Names: map[string]string{"es": "Vencimiento del seguro", "fr": "Fin de l'assurance"}, For: data.KindPartner, Type: data.FieldDate,
		RemindDays: 30, Order: 1}
	f.save(t, number, insurance)
	// A field of their own on each other kind, so every list shows its filter by them.
	for i, k := range []data.Kind{data.KindAgreement, data.KindEvaluation, data.KindActivity, data.KindNeed} {
		name := []string{"Funded by the council's community grants", "Follow-up visit", "Room booked", "Raised at the residents' meeting"}[i]
		f.save(t, &data.FieldDefinition{Meta: data.Meta{ID: data.FieldID(k, name)}, Name: name, For: k, Type: data.FieldYesNo})
	}
	vecinos := &data.Partner{Name: "Asociación Vecinal San José de Calasanz", PartnerKind: data.PartnerResidents, Stage: data.StageEngaged,
		Contacts: []data.Contact{{Name: "María José Fernández", Role: "Presidenta", MaySign: true}}}
	vecinos.SetCustomValue(number.ID, "1098765")
	vecinos.SetCustomValue(insurance.ID, today.AddDays(20).String())
	f.save(t, vecinos)
	f.save(t, &data.PickEntry{Meta: data.Meta{ID: data.NewID()}, List: data.ListPartnerKinds, Value: "Asociación de huertos urbanos y jardines comunitarios"},
		&data.PickEntry{Meta: data.Meta{ID: data.NewID()}, List: data.ListPartnerKinds, Value: string(data.PartnerMedia), Hidden: true})
	lends := &data.RelationType{Name: "lends equipment and rooms for events to", Reverse: "borrows equipment and rooms for events from",
		Names: map[string]data.RelationNames{"es": {Name: "presta material y salas para actos a", Reverse: "toma prestados material y salas para actos de"},
			"fr": {Name: "prête du matériel et des salles pour les événements à", Reverse: "emprunte du matériel et des salles pour les événements à"}}}
	f.save(t, lends)
	f.save(t, &data.Relation{From: data.PartnerEnd(vecinos.ID), To: data.Us, Type: lends.ID, Status: data.RelationCurrent},
		&data.PickEntry{Meta: data.Meta{ID: data.NewID()}, List: data.ListRelationTypes, Value: data.RelationPartOf, Hidden: true})
	settle(t)
	r.mou = &data.Agreement{Name: "Memorandum of understanding on working together — Asociación Vecinal San José de Calasanz",
		AgreementKind: data.AgreementMOU, Status: data.StatusSent, SentOn: today.AddDays(-3), Start: today, End: today.AddDays(365),
		ReviewEveryMonths: 6,
		Goals:             []data.Goal{{ID: "g1", Text: "Young people attending each week", Metric: "attendance register", Target: 20, Unit: "people", Due: today.AddDays(180)}},
		Parties: []data.Party{
			{Us: true, Responsibilities: "Volunteers", Signatory: data.Signatory{Name: "Amara Okafor"},
				Contributions: []data.Contribution{{Kind: data.ResourceVolunteers, Description: "two volunteers each week", Value: 120000}}},
			{PartnerID: vecinos.ID, Responsibilities: "The hall", Signatory: data.Signatory{Name: "María José Fernández", Title: "Presidenta"}}}}
	evaluation := &data.Evaluation{AgreementID: f.soon.ID, Date: today.AddDays(-20), Respondents: []data.Respondent{
		{Name: "Amara Okafor", Us: true, Scores: map[data.Dimension]data.Score{data.DimTrust: {Value: 4, Comment: "They answer the same day"}}}}}
	activity := &data.Activity{Name: "Planning the summer fair", ActivityKind: "meeting", Date: today.AddDays(-5),
		PartnerIDs: []string{f.library.ID, vecinos.ID}, AgreementID: f.soon.ID,
		Actions: []data.ActionItem{{ID: "a1", Text: "Book the hall for the fair and tell every partner", Owner: "Amara", Due: today.AddDays(-2)}}}
	need := &data.Need{Name: "A warm space for older residents in winter", Priority: data.PriorityHigh, Status: data.NeedOpen,
		Area: "Riverside estate", PartnerIDs: []string{vecinos.ID}, AgreementIDs: []string{f.soon.ID}}
	gone := &data.Partner{Name: "Old Bowls Club", PartnerKind: data.PartnerCommunityOrg, Stage: data.StageProspect}
	evaluation.PrepareQuestionnaires(f.store)
	f.save(t, r.mou, evaluation, activity, need, gone)
	settle(t)
	if err := f.store.Delete(data.KindPartner, gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Backup(store.ReasonDaily); err != nil {
		t.Fatal(err)
	}
	r.open = map[data.Kind]string{data.KindPartner: vecinos.ID, data.KindAgreement: r.mou.ID,
		data.KindEvaluation: evaluation.ID, data.KindActivity: activity.ID, data.KindNeed: need.ID}
}

// welcome goes through the three questions of a first start.
func (r *renderer) welcome() {
	wc := newWelcome(r.f.store, r.w)
	r.w.SetContent(wc.buildUI())
	for step := stepLanguage; step <= stepSignatory; step++ {
		wc.show(step)
		settle(r.t)
		r.check(fmt.Sprintf("welcome-%d", step+1))
	}
}

// everyScreen shows each screen of the window, and on a screen of records, one of them open.
func (r *renderer) everyScreen() {
	sh := newShell(r.f.store, r.w)
	r.w.SetContent(sh.buildUI())
	settle(r.t)
	r.sh = sh
	for i, e := range sh.entries {
		sh.switchTo(i)
		settle(r.t)
		s, ok := e.screen.(interface {
			selectID(string)
			shows() data.Kind
		})
		if !ok || r.open[s.shows()] == "" {
			r.check(e.label)
			continue
		}
		r.checkOnly(e.label + " (none open)")
		s.selectID(r.open[s.shows()])
		settle(r.t)
		r.check(e.label)
	}
}

// check fails the test for everything on the window that does not fit or is cut, and keeps a picture of
// it when asked to.
func (r *renderer) check(what string) {
	r.t.Helper()
	r.checkOnly(what)
	if *updateRenders && r.sz.render {
		r.keep(what)
	}
}

// checkOnly checks without keeping a picture.
func (r *renderer) checkOnly(what string) {
	r.t.Helper()
	r.frames()
	for _, p := range fitProblems(r.w.Canvas(), r.sz.window) {
		r.t.Errorf("%s: %s", what, p)
	}
}

// frames lays the window out again, as the window does on the frames after a change, where a parent is
// laid out again when what it holds needs another size: text wrapped to the width it was given, a field's
// example moved under it. (Fyne's test window does not.)
func (r *renderer) frames() {
	for range 2 {
		r.w.Content().Refresh()
		for _, o := range r.w.Canvas().Overlays().List() {
			o.Refresh()
		}
		settle(r.t)
	}
}

// everyDialog opens each dialog a volunteer meets on the way through the screens, checks it and closes it.
func (r *renderer) everyDialog() {
	sh := r.sh
	on := func(id screenID) screen {
		sh.goTo(id)
		settle(r.t)
		return sh.current.screen
	}
	dash := on(dashboardID).(*dashboardScreen)
	r.dialog("annual report year", dash.onAnnualReport)
	r.dialog("keyboard shortcuts", sh.onShortcuts)
	as := on(agreementsID).(*agreementsScreen)
	r.dialog("new agreement", as.onNew)
	r.dialog("record signatures", as.editor.onRecordSignatures)
	r.dialog("end early", as.editor.onTerminate)
	r.dialog("partner picker", func() { pickPartner(r.f.store, r.w, func(*data.Partner) {}) })
	as.editor.changed()
	r.dialog("unsaved changes", func() { as.editor.leave(func() {}) })
	as.editor.discard()
	es := on(evaluationsID).(*evaluationsScreen)
	r.dialog("agreement picker", es.create)
	r.dialog("enter answers from paper", func() {
		q := newQuickEntry(r.f.store, r.w, func() {})
		q.show()
		e := data.Lookup[data.Evaluation](r.f.store, r.open[data.KindEvaluation])
		q.code.SetText(e.QuestionnaireCode(data.BlankCode)) // a blank copy asks the most: whom it answers for too
		q.lookUp()
	})
	ts := on(trashID).(*trashScreen)
	ts.list.Select(0)
	settle(r.t)
	r.dialog("delete permanently", ts.onDeletePermanently)
	ss := on(settingsID).(*settingsScreen)
	r.dialog("fields of your own", ss.onFields)
	r.dialog("add a field", func() {
		editField(r.f.store, r.w, &data.FieldDefinition{For: data.KindPartner, Type: data.FieldDate}, "", func() {})
	})
	r.dialog("add a contact's field", func() {
		editField(r.f.store, r.w, &data.FieldDefinition{For: data.KindContact, Type: data.FieldDate}, "", func() {})
	})
	r.dialog("change a field", func() {
		ward := &data.FieldDefinition{Meta: data.Meta{ID: "ward"}, Name: "Ward", For: data.KindPartner, Type: data.FieldChoices,
			Choices: []string{"North", "South"}}
		editField(r.f.store, r.w, ward, T("Give the field a name."), func() {})
	})
	r.dialog("focus areas", func() { showFocusAreas(r.f.store, r.w) })
	r.dialog("rename a focus area", func() { renameFocusArea(r.f.store, r.w, "food security", func() {}) })
	r.dialog("lists", func() { showPickLists(r.f.store, r.w, data.ListPartnerKinds, func() {}) })
	r.dialog("kinds of relation", func() { showPickLists(r.f.store, r.w, data.ListRelationTypes, func() {}) })
	r.dialog("merge a kind of relation", func() { mergeRelationType(r.f.store, r.w, data.RelationRefersTo, func() {}) })
	r.dialog("add a list entry", func() { addPick(r.f.store, r.w, data.ListPartnerKinds, func() {}) })
	r.dialog("rename a list entry", func() {
		renamePick(r.f.store, r.w, data.ListPartnerKinds, string(data.PartnerEducation), func() {})
	})
	bs := on(backupsID).(*backupsScreen)
	eventually(r.t, "the backups listed", func() bool { return len(bs.backups) > 0 }) // read off the UI goroutine
	r.dialog("restore a backup", func() { bs.onRestore(bs.backups[0].Path, whenText(bs.backups[0].Made)) })
}

// dialog opens a dialog, checks it and closes it.
func (r *renderer) dialog(what string, open func()) {
	r.t.Helper()
	open()
	settle(r.t)
	top := r.w.Canvas().Overlays().Top()
	if top == nil {
		r.t.Errorf("%s: no dialog", what)
		return
	}
	r.check(what)
	top.Hide()
	settle(r.t)
}

// keep writes what the window shows as a PNG of 256 colours, small enough to keep in git.
func (r *renderer) keep(what string) {
	r.t.Helper()
	pal := paletted(r.w.Canvas().Capture())
	dir := filepath.Join("testdata", "renders")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		r.t.Fatal(err)
	}
	name := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.png", strings.ReplaceAll(strings.ToLower(what), " ", "-"), r.lang, r.sz.name))
	out, err := os.Create(name)
	if err != nil {
		r.t.Fatal(err)
	}
	defer out.Close()
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(out, pal); err != nil {
		r.t.Fatal(err)
	}
}

// paletted is an image in the 256 colours of Plan 9's palette. A window has few colours, so each is
// matched to the palette once.
func paletted(img image.Image) *image.Paletted {
	out := image.NewPaletted(img.Bounds(), palette.Plan9)
	index := map[color.Color]uint8{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.At(x, y)
			i, ok := index[c]
			if !ok {
				i = uint8(out.Palette.Index(c))
				index[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	return out
}

// fitProblems lists what on a canvas of the given size does not fit: content or a dialog that needs a
// bigger window, and text drawn cut short.
func fitProblems(c fyne.Canvas, window fyne.Size) []string {
	var out []string
	tooBig := func(what string, o fyne.CanvasObject) {
		if min := o.MinSize(); min.Width > window.Width+0.5 || min.Height > window.Height+0.5 {
			out = append(out, fmt.Sprintf("%s needs %.0f×%.0f, more than the window's %.0f×%.0f (the widest part: %s)",
				what, min.Width, min.Height, window.Width, window.Height, widestPart(o)))
		}
	}
	tooBig("the window's content", c.Content())
	layers := []fyne.CanvasObject{c.Content()}
	for _, o := range c.Overlays().List() {
		tooBig("a dialog", o)
		layers = append(layers, o)
	}
	for _, l := range layers {
		walkShown(l, drawing{clipRight: window.Width}, func(o fyne.CanvasObject, d drawing) {
			tx, isText := o.(*canvas.Text)
			switch text := shownText(o); {
			case text == "" || o.Size().Width == 0: // nothing drawn
			case isText && cut(tx.Text, d.owners):
				out = append(out, fmt.Sprintf("%q is cut short", tx.Text))
			case !isText && o.Size().Width+1 < o.MinSize().Width: // a text's own box may be a little narrow
				out = append(out, fmt.Sprintf("%q has %.0f pixels of the %.0f it needs", text, o.Size().Width, o.MinSize().Width))
			case isText && !d.typed(tx.Text) && d.at.X+textRight(tx) > d.clipRight+1:
				out = append(out, fmt.Sprintf("%q runs %.0f pixels past the edge of what shows it", tx.Text, d.at.X+textRight(tx)-d.clipRight))
			}
		})
	}
	return out
}

// widestPart follows the widest of what o holds down to what makes it so wide, for a message: the
// widths on the way, and the text at the end.
func widestPart(o fyne.CanvasObject) string {
	var path []string
	for {
		path = append(path, fmt.Sprintf("%.0f", o.MinSize().Width))
		var inside []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			inside = x.Objects
		case fyne.Widget:
			inside = test.WidgetRenderer(x).Objects()
		}
		if len(inside) == 0 {
			return fmt.Sprintf("%s: %T %q", strings.Join(path, " › "), o, shownText(o))
		}
		o = inside[0]
		for _, c := range inside { // hidden too: a closed accordion section is as wide as the open ones
			if c.MinSize().Width > o.MinSize().Width {
				o = c
			}
		}
	}
}

// drawing is where an object is drawn: the widgets it is drawn for, what is typed in the fields among
// them, where it is on the window, and where what it is drawn in stops showing it (a field, a list, the
// window's edge).
type drawing struct {
	owners, typing []string
	at             fyne.Position // of the object, on the window
	clipRight      float32
}

// typed says whether a text is what someone typed in a field, which may run past the field's edge.
func (d drawing) typed(text string) bool {
	for _, t := range d.typing {
		if strings.Contains(t, text) {
			return true
		}
	}
	return false
}

// textRight is where a drawn text ends, from its object's left.
func textRight(tx *canvas.Text) float32 {
	switch tx.Alignment {
	case fyne.TextAlignCenter:
		return (tx.Size().Width + tx.MinSize().Width) / 2
	case fyne.TextAlignTrailing:
		return tx.Size().Width
	}
	return tx.MinSize().Width
}

// shownText is the text a canvas.Text or a widget shows, for a message.
func shownText(o fyne.CanvasObject) string {
	if tx, ok := o.(*canvas.Text); ok {
		return tx.Text
	}
	if w, ok := o.(fyne.Widget); ok {
		return strings.Join(ownTexts(w), " ")
	}
	return ""
}

// cut says whether a drawn text was shortened to fit: it ends in "…" where none of the texts of the widgets
// drawing it does. A button's own "…" (opens a dialog) is part of its text.
func cut(drawn string, owners []string) bool {
	drawn = strings.TrimSpace(drawn)
	if !strings.HasSuffix(drawn, "…") {
		return false
	}
	for _, o := range owners {
		if strings.Contains(o, drawn) {
			return false
		}
	}
	return true
}

// walkShown visits every object a user can see, with where it is drawn; d.at is where o's parent is.
func walkShown(o fyne.CanvasObject, d drawing, visit func(fyne.CanvasObject, drawing)) {
	if !o.Visible() {
		return
	}
	d.at = d.at.Add(o.Position())
	if _, ok := o.(*container.Scroll); ok {
		d.clipRight = min(d.clipRight, d.at.X+o.Size().Width)
	}
	visit(o, d)
	var inside []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		inside = x.Objects
	case fyne.Widget:
		d.owners = append(d.owners[:len(d.owners):len(d.owners)], ownTexts(x)...)
		if e := entryOf(x); e != nil {
			d.typing = append(d.typing[:len(d.typing):len(d.typing)], e.Text)
		}
		inside = test.WidgetRenderer(x).Objects()
	}
	for _, c := range inside {
		walkShown(c, d, visit)
	}
}

// ownTexts are the texts a widget is given to show: its Text, Title, PlaceHolder, … and a rich text's
// segments.
func ownTexts(w fyne.Widget) []string {
	var out []string
	if rt, ok := w.(*widget.RichText); ok {
		for _, s := range rt.Segments {
			out = append(out, segmentText(s))
		}
		return out
	}
	v := reflect.ValueOf(w)
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	for _, name := range []string{"Text", "Title", "Subtitle", "PlaceHolder", "Selected"} {
		if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String {
			out = append(out, f.String())
		}
	}
	return out
}

func segmentText(s widget.RichTextSegment) string {
	switch x := s.(type) {
	case *widget.TextSegment:
		return x.Text
	case *widget.HyperlinkSegment:
		return x.Text
	case *widget.ListSegment:
		var parts []string
		for _, it := range x.Items {
			parts = append(parts, segmentText(it))
		}
		return strings.Join(parts, "\n")
	}
	return ""
}
