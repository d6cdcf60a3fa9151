// Package i18n is Accord's one translation function. Keys are the English sentences themselves, so a
// missing translation still shows readable English. Fyne's own lang package follows only the system
// locale; Accord needs a language chosen in Settings to win, hence this small lookup of its own.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/jeandeaual/go-locale"

	"accord/assets"
)

var (
	mu      sync.RWMutex
	current = "en"
	// tables are the catalogues by language, each read at its first use (see catalogue). Fixed after init.
	tables = map[string]func() map[string]string{}
	// misses are keys asked for that the English catalogue lacks; tests fail on them (see Misses).
	misses = map[string]bool{}
)

// names are the languages Accord speaks, each in its own words, as a language menu shows them.
var names = map[string]string{"en": "English", "es": "Español", "fr": "Français"}

func init() {
	files, _ := fs.Glob(assets.Translations(), "*.json")
	for _, f := range files {
		tables[strings.TrimSuffix(f, ".json")] = sync.OnceValue(func() map[string]string { return readCatalogue(f) })
	}
	SetLanguage("")
}

// catalogue is a language's translations, read at its first use: reading all three took a start 5 ms
// before its window, and one in English needs only its own.
func catalogue(code string) map[string]string {
	if read, ok := tables[code]; ok {
		return read()
	}
	return nil
}

// readCatalogue reads a translation file; a broken one reads as empty, so its sentences show in English.
func readCatalogue(file string) map[string]string {
	table := map[string]string{}
	b, err := fs.ReadFile(assets.Translations(), file)
	if err == nil {
		err = json.Unmarshal(b, &table)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "accord: translation file %s is broken: %v\n", file, err)
		return map[string]string{}
	}
	return table
}

// Languages lists the languages Accord has translations for, English first.
func Languages() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(tables))
	for l := range tables {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] == "en" || out[j] != "en" && out[i] < out[j] })
	return out
}

// Name is a language's name in its own words: "Español" for "es".
func Name(code string) string {
	if n, ok := names[code]; ok {
		return n
	}
	return code
}

// System is the language the computer's settings ask for, if Accord has it, else English.
func System() string {
	locales, _ := locale.GetLocales()
	return match(locales)
}

// match is the first of the candidates (such as "fr-CA" or "es_ES.UTF-8") that Accord has, else English.
func match(candidates []string) string {
	mu.RLock()
	defer mu.RUnlock()
	for _, c := range candidates {
		base := strings.ToLower(strings.SplitN(strings.ReplaceAll(c, "_", "-"), "-", 2)[0])
		if _, ok := tables[base]; ok {
			return base
		}
	}
	return "en"
}

// Misses lists the keys asked for that are not in the English catalogue, so a test run can fail when the
// code shows a sentence nobody can translate.
func Misses() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(misses))
	for k := range misses {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SetLanguage switches to a language such as "es" or "fr-CA"; empty follows the system. A language Accord
// does not have falls back to English.
func SetLanguage(tag string) {
	lang := System()
	if tag != "" {
		lang = match([]string{tag})
	}
	mu.Lock()
	defer mu.Unlock()
	current = lang
}

// Language is the language in use.
func Language() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// T translates an English sentence into the language in use and fills its %s / %d verbs with args.
// String arguments that are themselves translation keys (labels such as "The name") are translated too.
func T(key string, args ...any) string { return Current().T(key, args...) }

// Lang is one of Accord's languages, whatever the screen shows: a document printed for a partner speaks
// the partner's language.
type Lang struct{ code string }

// In is the language of a tag such as "es" or "fr-CA"; one Accord does not have is English.
func In(tag string) Lang { return Lang{match([]string{tag})} }

// Current is the language in use on the screen.
func Current() Lang { return Lang{Language()} }

// Code is the language's code, "es".
func (l Lang) Code() string {
	if l.code == "" {
		return "en"
	}
	return l.code
}

// T translates an English sentence into l and fills its %s / %d verbs with args, translating string
// arguments that are themselves translation keys.
func (l Lang) T(key string, args ...any) string {
	table := catalogue(l.Code())
	_, known := catalogue("en")[key]
	if !known && key != "" {
		mu.Lock()
		misses[key] = true
		mu.Unlock()
	}
	text, ok := table[key]
	if !ok || text == "" {
		text = key
	}
	if len(args) == 0 {
		return text
	}
	args = append([]any(nil), args...)
	for i, a := range args {
		if s, ok := a.(string); ok {
			if t, ok := table[s]; ok && t != "" {
				args[i] = t
			}
		}
	}
	return fmt.Sprintf(text, args...)
}

// Match finds the language Accord has that a partner's language names, as a volunteer types it: a code
// ("es", "fr-CA"), or its name in English or in its own words ("Spanish", "español").
func Match(name string) (code string, ok bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for code, own := range names {
		if name == strings.ToLower(own) || name == englishNames[code] {
			return code, true
		}
	}
	base := strings.SplitN(strings.ReplaceAll(name, "_", "-"), "-", 2)[0]
	mu.RLock()
	defer mu.RUnlock()
	if _, known := tables[base]; known && base != "" {
		return base, true
	}
	return "", false
}

// englishNames are the languages' names in English, in lower case, as partners' languages are often typed.
var englishNames = map[string]string{"en": "english", "es": "spanish", "fr": "french"}
