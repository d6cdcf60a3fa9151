package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"accord/data"
	"accord/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden renderings under testdata/golden")

// golden is where the reviewed renderings of the MOU live: page 1 and the first signature page of one
// agreement in each language and in a bilingual edition, as PNG at 50 dpi, and the document's words.
const golden = "testdata/golden"

// TestMOUMatchesItsGoldenRendering prints one MOU per language and the French–Spanish edition, renders
// page 1 and the signature page, and compares them with the reviewed images: loosely, since a rasteriser
// may shade an edge differently, but a moved block or a changed word shows. The words must match exactly.
// Run with -update to write new renderings, then look at them before committing.
func TestMOUMatchesItsGoldenRendering(t *testing.T) {
	tool(t, "pdftoppm")
	for _, edition := range [][]string{{"en"}, {"es"}, {"fr"}, {"fr", "es"}} {
		name := strings.Join(edition, "-")
		t.Run(name, func(t *testing.T) {
			s, a := goldenAgreement(t)
			pdf := printIn(t, s, a, printedOn, edition...)
			// The fixture's records get new IDs each run, and the fingerprint with them.
			text := anyPrint.ReplaceAllString(words(run(t, pdf, "pdftotext", "-layout")), "XXXX-XXXX")
			compare(t, filepath.Join(golden, "mou-"+name+".txt"), []byte(text+"\n"), func(want []byte) bool { return bytes.Equal(want, []byte(text+"\n")) })
			heading := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(docInfo{langs: langs(edition)}.say("Signatures")) + `\s*$`)
			signatures := slices.IndexFunc(pages(t, pdf), heading.MatchString)
			if signatures < 0 {
				t.Fatal("no page has the signatures")
			}
			for _, page := range []int{1, signatures + 1} {
				png := render50(t, pdf, page)
				compare(t, filepath.Join(golden, fmt.Sprintf("mou-%s-page%d.png", name, page)), png, func(want []byte) bool { return alike(t, want, png) })
			}
		})
	}
}

var anyPrint = regexp.MustCompile(`[0-9A-F]{4}-[0-9A-F]{4}`)

func langs(codes []string) []i18n.Lang {
	var out []i18n.Lang
	for _, c := range codes {
		out = append(out, i18n.In(c))
	}
	return out
}

// goldenAgreement is the fixture with the legal options, legal identity and translations a real MOU has.
func goldenAgreement(t *testing.T) (*data.Memory, *data.Agreement) {
	s, a := fixture(t)
	org := s.Organisation()
	org.LegalForm, org.RegistrationNumber = "Registered charity", "1098765"
	save(t, s, org)
	a.BindingSections = []data.BindingSection{data.BindingConfidentiality, data.BindingDataProtection}
	a.GoverningLaw = "the law of England and Wales"
	a.StandardClauses = []data.StandardClause{data.ClauseNotices, data.ClauseEntire, data.ClauseCounterparts}
	a.Parties[1].Signatory.Title = "Deputy Chair of the Board of Trustees"
	a.Translations = map[string]string{data.TextPurpose: "Gestionar juntos un café y una cocina comunitarios, para que más vecinos compartan una comida caliente cada semana."}
	return s, a
}

// render50 is one page of a PDF as a PNG at 50 dpi.
func render50(t *testing.T, pdf []byte, page int) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "mou.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	n := fmt.Sprint(page)
	out, err := exec.Command(tool(t, "pdftoppm"), "-png", "-r", "50", "-f", n, "-l", n, "-singlefile", in, filepath.Join(dir, "page")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// compare checks got against the golden file with same, or rewrites the file under -update.
func compare(t *testing.T, path string, got []byte, same func(want []byte) bool) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: run the test with -update to make it, and look at it", err)
	}
	if !same(want) {
		t.Errorf("%s differs from what the MOU prints now; if the change is meant, run with -update and review it", path)
	}
}

// alike says whether two renderings are the same picture: the same size, and at most 0.5% of pixels
// differing by more than a quarter of the range in any channel.
func alike(t *testing.T, a, b []byte) bool {
	t.Helper()
	x, err1 := png.Decode(bytes.NewReader(a))
	y, err2 := png.Decode(bytes.NewReader(b))
	if err1 != nil || err2 != nil {
		t.Fatalf("decode: %v, %v", err1, err2)
	}
	if x.Bounds() != y.Bounds() {
		return false
	}
	differ, r := 0, x.Bounds()
	for py := r.Min.Y; py < r.Max.Y; py++ {
		for px := r.Min.X; px < r.Max.X; px++ {
			if far(x, y, px, py) {
				differ++
			}
		}
	}
	return differ*200 <= r.Dx()*r.Dy()
}

func far(x, y image.Image, px, py int) bool {
	r1, g1, b1, _ := x.At(px, py).RGBA()
	r2, g2, b2, _ := y.At(px, py).RGBA()
	for _, d := range []int{int(r1) - int(r2), int(g1) - int(g2), int(b1) - int(b2)} {
		if d > 0x4000 || d < -0x4000 {
			return true
		}
	}
	return false
}
