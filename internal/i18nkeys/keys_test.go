package i18nkeys

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite assets/translations/en.json from the keys found in the code")

const root = "../.."

var translations = filepath.Join(root, "assets", "translations")

func parsed(t *testing.T) []File {
	t.Helper()
	files, err := Parse(root)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func readTable(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(translations, lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	table := map[string]string{}
	if err := json.Unmarshal(b, &table); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return table
}

// TestCatalogue keeps en.json exactly the keys the code uses: a new sentence fails here until
// `make i18n` adds it (and the other languages then fail until it is translated).
func TestCatalogue(t *testing.T) {
	keys := Harvest(parsed(t))
	if *update {
		table := map[string]string{}
		for k := range keys {
			table[k] = k
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(table); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(translations, "en.json"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	en := readTable(t, "en")
	for k, place := range keys {
		if _, ok := en[k]; !ok {
			t.Errorf("%s: %q is not in en.json: run make i18n, then translate it", place, k)
		}
	}
	for k := range en {
		if _, ok := keys[k]; !ok {
			t.Errorf("en.json has %q, which the code no longer uses: run make i18n", k)
		}
	}
}

// TestTranslationsComplete fails when a sentence in English has no translation in another language, or
// a translation lost or changed one of the sentence's %s / %d verbs.
func TestTranslationsComplete(t *testing.T) {
	en := readTable(t, "en")
	files, _ := filepath.Glob(filepath.Join(translations, "*.json"))
	if len(files) < 3 {
		t.Fatalf("want English, Spanish and French translations, found %v", files)
	}
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".json")
		if lang == "en" {
			continue
		}
		table := readTable(t, lang)
		missing := 0
		for k := range en {
			tr, ok := table[k]
			switch {
			case !ok || strings.TrimSpace(tr) == "":
				missing++
				if missing <= 20 {
					t.Errorf("%s.json: no translation of %q", lang, k)
				}
			case !slices.Equal(verbs(k), verbs(tr)):
				t.Errorf("%s.json: %q has verbs %v but its translation %q has %v", lang, k, verbs(k), tr, verbs(tr))
			}
		}
		if missing > 20 {
			t.Errorf("%s.json: %d translations missing in all", lang, missing)
		}
		for k := range table {
			if _, ok := en[k]; !ok {
				t.Errorf("%s.json translates %q, which is not in en.json", lang, k)
			}
		}
	}
}

var verb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// verbs lists which argument each verb prints and how ("1:d", "2:s"), sorted, so a translation may
// reorder the verbs with %[2]s but must print the same arguments the same way.
func verbs(s string) []string {
	var out []string
	next := 1
	for _, m := range verb.FindAllStringSubmatch(s, -1) {
		if m[4] == "%" {
			continue
		}
		if m[2] != "" {
			next, _ = strconv.Atoi(m[2])
		}
		out = append(out, strconv.Itoa(next)+":"+m[3]+m[4])
		next++
	}
	sort.Strings(out)
	return out
}

func TestVerbs(t *testing.T) {
	if got := verbs("%d %s %d"); !slices.Equal(got, []string{"1:d", "2:s", "3:d"}) {
		t.Errorf("verbs = %v", got)
	}
	if !slices.Equal(verbs("%d %s %d"), verbs("%[2]s %[1]d, %[3]d")) {
		t.Error("a reordered translation should have the same verbs")
	}
	if slices.Equal(verbs("%.1f MB"), verbs("%d MB")) {
		t.Error("a changed verb should differ")
	}
}

// TestNoBypass fails when a screen, document or command passes a sentence straight to a widget, a PDF
// cell or the terminal instead of through T.
func TestNoBypass(t *testing.T) {
	for _, f := range Bypasses(parsed(t)) {
		t.Errorf("%s: %q is given to %s without T(...); translate it, or mark the line // %s if it reads the same in every language", f.Place, f.Text, f.Call, Same)
	}
}

// TestCountsGoThroughN fails when a sentence that counts is given to T instead of N, which picks the
// form each language's plural rule gives the number.
func TestCountsGoThroughN(t *testing.T) {
	for _, f := range Uncounted(parsed(t)) {
		t.Errorf("%s: %q counts with %s; give its forms for one and for other to N, so 1 and 0 read right in every language", f.Place, f.Text, f.Call)
	}
}

// TestUncountedFound makes sure the check above can fail: a count of partners through T or in a plain
// error is found; the same through N, a number that counts nothing N counts, and a number that names
// ("Party %d partners a school", a verb) are not.
func TestUncountedFound(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "ui"), 0o755)
	src := "package ui\nfunc f(n int) {\n\tN(n, \"%d partner\", \"%d partners\")\n" +
		"\tT(\"of %d partners\", n)\n\tT(\"Question %d of %d\", 1, 3)\n\tT(\"%[2]s has %[1]d Partners\", n, \"x\")\n" +
		"\tT(\"Party %d partners a school.\", n)\n\t_ = PlainError{Message: \"None of the %d partners answered.\"}\n}\n"
	os.WriteFile(filepath.Join(dir, "ui", "x.go"), []byte(src), 0o644)
	files, err := Parse(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := Uncounted(files)
	if len(got) != 3 || got[0].Place != "ui/x.go:4" || got[1].Place != "ui/x.go:6" || got[2].Place != "ui/x.go:8" {
		t.Errorf("Uncounted = %+v, want the counts of partners through T on lines 4 and 6 and in the plain error on line 8", got)
	}
}

// TestBypassFound makes sure the check above can fail: a label written in English is found, one through
// T is not.
func TestBypassFound(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "ui"), 0o755)
	src := "package ui\nfunc f() {\n\twidget.NewLabel(\"Save the partner\")\n\twidget.NewLabel(T(\"Save the partner\"))\n}\n"
	os.WriteFile(filepath.Join(dir, "ui", "x.go"), []byte(src), 0o644)
	files, err := Parse(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := Bypasses(files)
	if len(got) != 1 || got[0].Place != "ui/x.go:3" {
		t.Errorf("Bypasses = %+v, want the one label on line 3", got)
	}
	if keys := Harvest(files); keys["Save the partner"] != "ui/x.go:4" {
		t.Errorf("Harvest = %v, want the key from line 4", keys)
	}
}
