package data

import (
	"math"
	"slices"
	"testing"
	"time"
)

// The group's own kinds of partner each take a colour of their own, not other's: the same on a laptop
// that received the entries in another order, kept through a rename, and readable on the window's light
// and dark backgrounds.
func TestTheGroupsOwnKindsTakeColoursOfTheirOwn(t *testing.T) {
	plots := &PickEntry{Meta: Meta{ID: "01a0-plots"}, List: ListPartnerKinds, Value: "allotment society"}
	union := &PickEntry{Meta: Meta{ID: "01a1-union"}, List: ListPartnerKinds, Value: "tenants' union"}
	media := &PickEntry{Meta: Meta{ID: "01a2-media"}, List: ListPartnerKinds, Value: string(PartnerMedia), Hidden: true}
	ana, ben := NewMemory(plots, union, media), NewMemory(media, union, plots)
	pa, pb := KindColours(ana), KindColours(ben)
	if !slices.Equal(pa.Own, []PartnerKind{"allotment society", "tenants' union"}) {
		t.Fatalf("the group's own kinds: %q", pa.Own)
	}
	other := kindColours[PartnerOther]
	for _, k := range pa.Own {
		if pa.Of(k) != pb.Of(k) {
			t.Errorf("%s is %v on one laptop and %v on another", k, pa.Of(k), pb.Of(k))
		}
		if pa.Of(k) == other {
			t.Errorf("%s takes the colour of other", k)
		}
	}
	if pa.Of("allotment society") == pa.Of("tenants' union") {
		t.Error("two of the group's kinds share a colour")
	}
	if pa.Of(PartnerMedia) != kindColours[PartnerMedia] || pa.Of("a kind no entry names") != other {
		t.Error("a built-in hidden, or a kind without an entry, changed colour")
	}
	before := pa.Of("allotment society")
	m := NewMemory(plots, union)
	apply(t, m, RenamePick(m, ListPartnerKinds, "allotment society", "allotments", time.Now()))
	if got := KindColours(m).Of("allotments"); got != before {
		t.Errorf("renamed, the kind went from %v to %v", before, got)
	}
	// Each colour of the group's own stands 3:1 against Fyne's light and dark backgrounds, and apart from
	// every colour of Accord's own.
	for _, c := range ownKindColours {
		for _, bg := range []Colour{{0xff, 0xff, 0xff}, {0x17, 0x17, 0x18}} {
			if r := contrast(c, bg); r < 3 {
				t.Errorf("%v on %v: contrast %.2f", c, bg, r)
			}
		}
		for k, b := range kindColours {
			if d := math.Abs(float64(c.R)-float64(b.R)) + math.Abs(float64(c.G)-float64(b.G)) + math.Abs(float64(c.B)-float64(b.B)); d < 100 { // in red, green and blue together
				t.Errorf("%v is close to %s's %v", c, k, b)
			}
		}
	}
}

// contrast is the WCAG contrast ratio between two colours.
func contrast(a, b Colour) float64 {
	lum := func(c Colour) float64 {
		lin := func(v uint8) float64 {
			x := float64(v) / 255
			if x <= 0.04045 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
