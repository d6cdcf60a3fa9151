// Package layers holds the test that keeps Accord's rooms apart: the domain stores nothing, documents and
// the calendar only read, and the arrows between packages point down (README, "How it is built").
package layers

import (
	"os/exec"
	"strings"
	"testing"
)

const (
	bbolt = "go.etcd.io/bbolt"
	fyne  = "fyne.io/fyne/v2"
	fpdf  = "github.com/go-pdf/fpdf"
)

// rules lists, for each package, what it must not reach, directly or through another package.
var rules = map[string][]string{
	"accord/data":       {bbolt, fyne, fpdf, "accord/store", "accord/i18n", "accord/pdf", "accord/ui", "accord/cli"},
	"accord/store":      {fyne, fpdf, "accord/pdf", "accord/calendar", "accord/syncfolder", "accord/partnerio", "accord/ui", "accord/cli"},
	"accord/pdf":        {"accord/store", bbolt, fyne, "accord/ui", "accord/cli"},
	"accord/calendar":   {"accord/store", bbolt, fyne, fpdf, "accord/ui", "accord/cli"},
	"accord/syncfolder": {fyne, fpdf, "accord/pdf", "accord/ui", "accord/cli"},
	"accord/partnerio":  {fyne, fpdf, "accord/pdf", "accord/ui", "accord/cli"},
	"accord/cli":        {fyne, "accord/ui"},
}

func TestEveryArrowPointsDown(t *testing.T) {
	for pkg, forbidden := range rules {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		deps := strings.Fields(string(out))
		for _, dep := range deps {
			for _, f := range forbidden {
				if dep == f || strings.HasPrefix(dep, f+"/") {
					t.Errorf("%s reaches %s, which it must not", pkg, dep)
				}
			}
		}
	}
}
