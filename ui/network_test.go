package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"accord/data"
	"accord/store"
)

// withRelations adds to the fixture the library funding the café, and the café sharing premises with the
// allotments.
func (f *fixture) withRelations(t *testing.T) (allotments *data.Partner) {
	t.Helper()
	for _, p := range data.List[data.Partner](f.store) {
		if p.Name == "Green Allotments" {
			allotments = p
		}
	}
	f.save(t, &data.Relation{From: data.PartnerEnd(f.library.ID), To: data.PartnerEnd(f.cafe.ID), Type: data.RelationFunds, Status: data.RelationCurrent},
		&data.Relation{From: data.PartnerEnd(f.cafe.ID), To: data.PartnerEnd(allotments.ID), Type: data.RelationSharesPremises, Status: data.RelationCurrent})
	settle(t)
	return allotments
}

// showNetwork opens Maps on its Network tab.
func showNetwork(t *testing.T, sh *shell) *networkScreen {
	t.Helper()
	sh.goTo(mapsID)
	settle(t)
	for _, e := range sh.entries {
		if ms, ok := e.screen.(*mapsScreen); ok {
			tabs := find[*container.AppTabs](e.view)[0]
			tabs.SelectIndex(2)
			settle(t)
			eventually(t, "the network drawn", func() bool { return ms.network.drawn != nil })
			return ms.network
		}
	}
	t.Fatal("no maps screen")
	return nil
}

// nodeNamed is the index of the drawn node with the name.
func nodeNamed(t *testing.T, ns *networkScreen, name string) int {
	t.Helper()
	for i, n := range ns.drawn.net.Nodes {
		if n.Name == name {
			return i
		}
	}
	t.Fatalf("no node %q on the map", name)
	return -1
}

// screenPos is where the node is drawn in the view.
func screenPos(ns *networkScreen, i int) fyne.Position {
	v := ns.view
	p := v.drawn.at[i]
	return fyne.NewPos(v.pan.X+float32(p.X)*v.scale, v.pan.Y+float32(p.Y)*v.scale)
}

func TestTheNetworkMapDrawsKeepsPlacesAndMoves(t *testing.T) {
	f := newFixture(t)
	f.withRelations(t)
	sh, _ := showShell(t, f.store)
	ns := showNetwork(t, sh)
	if got := len(ns.drawn.net.Nodes); got != 4 || len(ns.drawn.net.Edges) != 4 || len(ns.view.circles) != 4 || len(ns.view.lines) != 4 {
		t.Fatalf("%d nodes, %d ties drawn", got, len(ns.drawn.net.Edges))
	}
	saved, err := f.store.MapPlaces()
	if err != nil || len(saved) != 4 {
		t.Fatalf("places kept after the first drawing: %v, %v", saved, err)
	}
	if text := textOf(ns.side); !strings.Contains(text, "Connect you to others") || !strings.Contains(text, "Café Solidaire connects you to 1") {
		t.Errorf("the side panel says:\n%s", text)
	}
	// Drag the café: it moves with its ties, and stays where it was put.
	cafe := nodeNamed(t, ns, "Café Solidaire")
	before := ns.drawn.at[cafe]
	from := screenPos(ns, cafe)
	ns.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: from.AddXY(30, 20)}, Dragged: fyne.NewDelta(30, 20)})
	ns.view.DragEnd()
	settle(t)
	moved := ns.drawn.at[cafe]
	if moved == before {
		t.Fatal("the café did not move")
	}
	for _, j := range ns.drawn.net.EdgesAt(cafe) {
		if l := ns.view.lines[j]; l.Position1 != ns.view.onScreen(moved) && l.Position2 != ns.view.onScreen(moved) {
			t.Errorf("a tie of the café was left behind: %v–%v", l.Position1, l.Position2)
		}
	}
	if saved, _ := f.store.MapPlaces(); saved[f.cafe.ID] != moved {
		t.Fatalf("the café's new place was not kept: %v, want %v", saved[f.cafe.ID], moved)
	}
	// Another visit, in a new window, draws every node where it was.
	sh2, _ := showShell(t, f.store)
	again := showNetwork(t, sh2)
	for i, n := range again.drawn.net.Nodes {
		j := nodeNamed(t, ns, n.Name)
		if again.drawn.at[i] != ns.drawn.at[j] {
			t.Errorf("%s moved between visits: %v, then %v", n.Name, ns.drawn.at[j], again.drawn.at[i])
		}
	}
	// The search centres the café; its neighbourhood is the café and its ties.
	test.Type(ns.find, "cafe")
	ns.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Return in the search box finds
	settle(t)
	if ns.found != f.cafe.ID {
		t.Fatalf("the search found %q", ns.found)
	}
	if p := screenPos(ns, cafe); abs(p.X-ns.view.Size().Width/2) > 1 || abs(p.Y-ns.view.Size().Height/2) > 1 {
		t.Errorf("the café is at %v, not in the middle of %v", p, ns.view.Size())
	}
	ns.around.SetSelectedIndex(1)
	settle(t)
	eventually(t, "the café's neighbourhood", func() bool { return len(ns.drawn.net.Nodes) == 4 })
	f.save(t, &data.Partner{Name: "Distant Trust", PartnerKind: data.PartnerFunder, Stage: data.StageProspect})
	ns.refresh()
	settle(t)
	eventually(t, "the neighbourhood without the newcomer", func() bool { return len(ns.drawn.net.Nodes) == 4 })
	ns.around.SetSelectedIndex(0)
	settle(t)
	eventually(t, "everyone with the newcomer", func() bool { return len(ns.drawn.net.Nodes) == 5 })
	// Filters: one kind, one kind of tie.
	ns.kind.SetSelected("business")
	settle(t)
	eventually(t, "the businesses and us", func() bool { return len(ns.drawn.net.Nodes) == 2 })
	ns.kind.SetSelectedIndex(0)
	ns.ties.SetSelected("funds")
	settle(t)
	eventually(t, "the funding ties only", func() bool { return len(ns.drawn.net.Edges) == 1 })
	// The map prints as it is drawn, for the PDF viewer.
	test.Tap(button(t, ns.shell.current.view, "Open to print"))
	eventually(t, "the network printed", func() bool {
		b, err := os.ReadFile(filepath.Join(f.store.Dir(), "printed", "Partnership network.pdf"))
		return err == nil && strings.HasPrefix(string(b), "%PDF")
	})
	// Clicking the library opens it on the Partners screen.
	ns.view.Tapped(&fyne.PointEvent{Position: screenPos(ns, nodeNamed(t, ns, "Northside Library"))})
	settle(t)
	if sh.current.id != partnersID || !sh.partners.open() || sh.partners.editor.p.ID != f.library.ID {
		t.Fatal("clicking the library did not open it")
	}
}

func abs(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// TestTheNetworkMapOfThousandsIsDrawnByKind: past mostOnMap partners, each kind is one circle, and
// clicking one shows that kind's partners.
func TestTheNetworkMapOfThousandsIsDrawnByKind(t *testing.T) {
	f := newFixture(t)
	var rs []data.Record
	for i := range mostOnMap + 100 {
		rs = append(rs, &data.Partner{Name: fmt.Sprintf("Group %04d", i), PartnerKind: data.PartnerKinds[i%2], Stage: data.StageActive})
	}
	if err := f.store.SaveAll(rs); err != nil {
		t.Fatal(err)
	}
	sh, _ := showShell(t, f.store)
	ns := showNetwork(t, sh)
	if n := len(ns.drawn.net.Nodes); n != 1+len(data.PartnerKinds[:4]) {
		t.Fatalf("%d circles for %d partners", n, f.store.Count(data.KindPartner))
	}
	ns.view.Tapped(&fyne.PointEvent{Position: screenPos(ns, nodeNamed(t, ns, string(data.PartnerCommunityOrg)))})
	settle(t)
	eventually(t, "the community organisations one by one", func() bool {
		return ns.kind.Selected == "community organisation" && len(ns.drawn.net.Nodes) == 1+(mostOnMap+100)/2
	})
}

// bigStore is a data folder of n partners with three relations each.
func bigStore(t testing.TB, n int) *store.Store {
	s, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var rs []data.Record
	ids := make([]string, n)
	for i := range n {
		ids[i] = data.NewID()
		rs = append(rs, &data.Partner{Meta: data.Meta{ID: ids[i]}, Name: fmt.Sprintf("Partner %04d", i), PartnerKind: data.PartnerKinds[i%len(data.PartnerKinds)],
			Stage: data.StageActive, FocusAreas: []string{[]string{"youth", "food", "housing"}[i%3]}})
	}
	for i := range 3 * n {
		a, b := ids[i%n], ids[(i*7919+13)%n]
		if a != b {
			rs = append(rs, &data.Relation{From: data.PartnerEnd(a), To: data.PartnerEnd(b), Type: data.RelationWorksWith, Status: data.RelationCurrent})
		}
	}
	if err := s.SaveAll(rs); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDraggingAtFiveHundredPartnersStaysFluid measures, at 500 partners and about 1,500 relations, the
// work of one frame of a drag: moving the node and its ties, and painting the whole window in software
// (Fyne's test driver, far slower than the window's OpenGL, so painted for a few frames only: with
// OpenGL under Xvfb and llvmpipe, a frame of 1,500 lines and 500 circles with one node moved was painted
// and read back in about 10 ms).
func TestDraggingAtFiveHundredPartnersStaysFluid(t *testing.T) {
	if testing.Short() {
		t.Skip("measures")
	}
	s := bigStore(t, 500)
	sh, w := showShell(t, s)
	start := time.Now()
	ns := showNetwork(t, sh)
	drawnIn := time.Since(start)
	if n := len(ns.drawn.net.Edges); n < 1400 {
		t.Fatalf("%d ties drawn", n)
	}
	i := nodeNamed(t, ns, "Partner 0007")
	const frames, painted = 20, 3
	var moving, painting time.Duration
	for k := range frames {
		at := screenPos(ns, i)
		t0 := time.Now()
		ns.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at.AddXY(2, 1)}, Dragged: fyne.NewDelta(2, 1)})
		moving += time.Since(t0)
		if k >= painted {
			continue
		}
		t0 = time.Now()
		img := w.Canvas().Capture()
		painting += time.Since(t0)
		if k == painted-1 && os.Getenv("ACCORD_NETWORK_PNG") != "" {
			out, _ := os.Create(os.Getenv("ACCORD_NETWORK_PNG"))
			png.Encode(out, img)
			out.Close()
		}
	}
	ns.view.DragEnd()
	settle(t) // the node's new place is saved in the background, into the test's folder
	t.Logf("500 partners, %d ties: laid out and shown in %v; a drag frame: moving the node and its ties %v, painting the window in software %v",
		len(ns.drawn.net.Edges), drawnIn.Round(time.Millisecond), (moving / frames).Round(time.Microsecond), (painting / painted).Round(time.Millisecond))
	if moving/frames > 5*time.Millisecond {
		t.Errorf("moving a node and its ties takes %v a frame", moving/frames)
	}
}

// A group adds a kind of relation of its own, named both ways and in Spanish: a save without a name
// comes back with what was typed, and the kind, once saved, is a tie the map can show alone.
func TestAGroupAddsItsOwnKindOfRelation(t *testing.T) {
	f := newFixture(t)
	sh, w := showShell(t, f.store)
	ns := showNetwork(t, sh)
	test.Tap(button(t, ns.shell.current.view, "Kinds of relation…"))
	settle(t)
	list := w.Canvas().Overlays().Top()
	if text := textOf(list); !strings.Contains(text, "funds / is funded by") || !strings.Contains(text, "works with") {
		t.Fatalf("Accord's own kinds are not listed:\n%s", text)
	}
	test.Tap(button(t, list, "Add a kind of relation…"))
	settle(t)
	dialog := w.Canvas().Overlays().Top()
	test.Type(entryWithPlaceholder(t, dialog, "For example: borrows equipment from"), "borrows equipment from")
	fields := find[*widget.Entry](dialog)
	test.Type(fields[4], "presta material a") // after the two names and the two in English, the first in Spanish
	test.Tap(button(t, dialog, "Save"))
	settle(t)
	dialog = w.Canvas().Overlays().Top()
	if text := textOf(dialog); !strings.Contains(text, "Give the kind of relation a name") {
		t.Fatalf("saved without a name; the dialog says:\n%s", text)
	}
	if got := entryWithPlaceholder(t, dialog, "For example: borrows equipment from").Text; got != "borrows equipment from" {
		t.Fatalf("what was typed was lost: %q", got)
	}
	test.Type(entryWithPlaceholder(t, dialog, "For example: lends equipment to"), "lends equipment to")
	test.Tap(button(t, dialog, "Save"))
	settle(t)
	kinds := data.List[data.RelationType](f.store)
	if len(kinds) != 1 {
		t.Fatalf("%d kinds of relation stored", len(kinds))
	}
	k := kinds[0]
	if k.Name != "lends equipment to" || k.Reverse != "borrows equipment from" || k.Names["es"].Name != "presta material a" {
		t.Fatalf("stored %+v", k)
	}
	eventually(t, "the new kind listed", func() bool {
		return strings.Contains(textOf(w.Canvas().Overlays().Top()), "lends equipment to / borrows equipment from")
	})
	eventually(t, "the new kind among the ties the map can show", func() bool {
		return slices.Contains(ns.ties.Options, "lends equipment to")
	})
}

// From the café's screen, "Show on the network map" opens the map on the café and its ties, the café in
// the middle.
func TestAPartnerIsShownOnTheNetworkMapFromItsScreen(t *testing.T) {
	f := newFixture(t)
	f.withRelations(t)
	f.save(t, &data.Partner{Name: "Distant Trust", PartnerKind: data.PartnerFunder, Stage: data.StageProspect})
	sh, _ := showShell(t, f.store)
	sh.open(sh.partners, f.cafe.ID)
	settle(t)
	eventually(t, "the café's relations", func() bool { return strings.Contains(relationsText(sh.partners), "Northside Library") })
	test.Tap(button(t, sh.partners.editor.relations, "Show on the network map"))
	settle(t)
	if sh.current.id != mapsID {
		t.Fatalf("showing on the map went to screen %v", sh.current.id)
	}
	ns := sh.maps.network
	eventually(t, "the café's neighbourhood, without the trust", func() bool {
		return ns.drawn != nil && ns.found == f.cafe.ID && len(ns.drawn.net.Nodes) == 4
	})
	cafe := nodeNamed(t, ns, "Café Solidaire")
	if p := screenPos(ns, cafe); abs(p.X-ns.view.Size().Width/2) > 1 || abs(p.Y-ns.view.Size().Height/2) > 1 {
		t.Errorf("the café is at %v, not in the middle of %v", p, ns.view.Size())
	}
	if ns.find.Text != "Café Solidaire" {
		t.Errorf("the search box says %q", ns.find.Text)
	}
}

// BenchmarkDrawingTheMapAt500Partners: what a drawing of the map of 500 partners and 1,500 relations costs
// once the network is laid out: how each node and tie looks, then the lines, circles and labels made and
// placed.
func BenchmarkDrawingTheMapAt500Partners(b *testing.B) {
	s := bigStore(b, 500)
	today := data.DateOf(now())
	n := data.BuildNetwork(s, today, data.NetworkFilter{})
	at, insights := data.Layout(n, layoutSeed, nil), data.Insights(s, today)
	v := newNetworkView()
	v.Resize(fyne.NewSize(900, 700))
	for b.Loop() {
		v.show(drawNetwork(s, n, at, insights, mapLook{ink: inkColour()}))
	}
}

// Names never cover each other: of two partners drawn in one place, the larger one's name shows; moved
// apart, both do.
func TestNamesOnTheMapNeverCoverEachOther(t *testing.T) {
	small := &data.Partner{Name: "Small Group", PartnerKind: data.PartnerCommunityOrg}
	big := &data.Partner{Name: "Big Trust", PartnerKind: data.PartnerFunder}
	net := &data.Network{Nodes: []data.NetworkNode{{ID: "small", Name: small.Name, Partner: small}, {ID: "big", Name: big.Name, Partner: big, Agreements: 4}}}
	d := drawNetwork(data.NewMemory(), net, map[string]data.Point{"small": {X: 0, Y: 0}, "big": {X: 1, Y: 1}}, nil, mapLook{ink: inkColour()})
	v := newNetworkView()
	v.Resize(fyne.NewSize(600, 400))
	v.show(d)
	if v.labels[0].Visible() || !v.labels[1].Visible() {
		t.Fatalf("in one place, the small group's name shows: %v, the big trust's: %v", v.labels[0].Visible(), v.labels[1].Visible())
	}
	v.drawn.at[0] = data.Point{X: 0, Y: 300}
	v.place()
	if !v.labels[0].Visible() || !v.labels[1].Visible() {
		t.Fatalf("apart, the small group's name shows: %v, the big trust's: %v", v.labels[0].Visible(), v.labels[1].Visible())
	}
}

// A partner of a kind the group added is drawn in that kind's own colour, not other's, and the legend
// names the kind as typed, beside a dot of that colour.
func TestTheGroupsOwnKindHasItsColourOnTheMap(t *testing.T) {
	f := newFixture(t)
	allotments := f.withRelations(t)
	f.save(t, &data.PickEntry{Meta: data.Meta{ID: data.NewID()}, List: data.ListPartnerKinds, Value: "Allotment society"})
	plots := data.Clone(allotments)
	plots.PartnerKind = "Allotment society"
	f.save(t, plots)
	sh, _ := showShell(t, f.store)
	ns := showNetwork(t, sh)
	want := nrgba(data.KindColours(f.store).Of("Allotment society"), 0xff)
	if want == nrgba(data.KindColours(f.store).Of(data.PartnerOther), 0xff) {
		t.Fatal("the group's own kind has the colour of other")
	}
	if got := ns.drawn.fill[nodeNamed(t, ns, "Green Allotments")]; got != want {
		t.Errorf("the partner is drawn in %v, not its kind's %v", got, want)
	}
	line := first(t, ns.side, "the legend's line of the kind", func(c *fyne.Container) bool {
		return len(c.Objects) == 2 && strings.HasPrefix(textOf(c), "Allotment society\n") && !strings.Contains(textOf(c), "Connects")
	})
	if dots := find[*canvas.Circle](line); len(dots) != 1 || dots[0].FillColor != want {
		t.Errorf("the legend's dot of the kind: %v, want %v", dots, want)
	}
}
