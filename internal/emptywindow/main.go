// Command emptywindow opens an empty Fyne window the size of Accord's, started the way Accord starts its
// own: `make bench` measures its first frame and memory as the baseline Accord's are set against.
package main

import (
	_ "accord/internal/localeenv" // as in Accord's main: repairs the locale before Fyne reads it

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

func main() {
	w := app.NewWithID("org.accord.emptywindow").NewWindow("Empty")
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}
