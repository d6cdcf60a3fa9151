package ui

import (
	"image"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// drawIcon draws an icon on a canvas of side × side pixels, and returns the picture and the bytes the
// drawing took.
func drawIcon(t *testing.T, r fyne.Resource, side float32) (image.Image, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	w := test.NewWindow(canvas.NewImageFromResource(r))
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(side, side))
	pic := w.Canvas().Capture()
	runtime.ReadMemStats(&after)
	return pic, after.TotalAlloc - before.TotalAlloc
}

// A date field's calendar (and the corner that resizes an inner window) draws the same picture as Fyne's
// own, without the 3.5 MB buffer Fyne's grid of 960 units took at every drawing.
func TestTheCalendarIconDrawsTheSamePictureInLessMemory(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&look{Theme: theme.DefaultTheme(), variant: "light", scale: 1})
	for _, name := range []fyne.ThemeIconName{theme.IconNameCalendar, theme.IconNameDragCornerIndicator} {
		theirs, ours := theme.DefaultTheme().Icon(name), theme.Current().Icon(name)
		if string(ours.Content()) == string(theirs.Content()) {
			t.Fatalf("the look gives Fyne's own %s icon", name)
		}
		for _, side := range []float32{24, 36} {
			want, took := drawIcon(t, theirs, side)
			got, takes := drawIcon(t, ours, side)
			if takes > 1<<20 || takes*4 > took {
				t.Errorf("at %g pixels the %s icon took %d bytes to draw, Fyne's %d", side, name, takes, took)
			}
			if drawn := differentPixels(want, image.NewUniform(want.At(0, 0))); drawn < int(side*side)/20 {
				t.Fatalf("at %g pixels Fyne's %s icon drew %d pixels: nothing to compare with", side, name, drawn)
			}
			if d := differentPixels(want, got); d > int(side*side)/50 {
				t.Errorf("at %g pixels the %s icon differs from Fyne's in %d pixels", side, name, d)
			}
		}
	}
}

// differentPixels counts the pixels of two pictures whose colours differ by more than a little.
func differentPixels(a, b image.Image) int { // b as large as a, or larger
	n := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) || far(a1, a2) {
				n++
			}
		}
	}
	return n
}

func far(a, b uint32) bool { return max(a, b)-min(a, b) > 0x2000 }
