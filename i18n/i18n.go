// Package i18n is Accord's one translation function. Keys are the English sentences themselves, so a
// missing translation still shows readable English. Fyne's own lang package follows only the system
// locale; Accord needs a language chosen in Settings to win, hence this small lookup of its own.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/jeandeaual/go-locale"

	"accord/assets"
)

var (
	mu      sync.RWMutex
	current = "en"
	tables  = map[string]map[string]string{}
)

func init() {
	files, _ := fs.Glob(assets.Translations(), "*.json")
	for _, f := range files {
		b, err := fs.ReadFile(assets.Translations(), f)
		table := map[string]string{}
		if err == nil {
			err = json.Unmarshal(b, &table)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "accord: translation file %s is broken: %v\n", f, err)
			continue
		}
		tables[strings.TrimSuffix(f, ".json")] = table
	}
	SetLanguage("")
}

// Languages lists the languages Accord has translations for.
func Languages() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(tables))
	for l := range tables {
		out = append(out, l)
	}
	return out
}

// SetLanguage switches to a language such as "es" or "fr-CA"; empty follows the system. A language Accord
// does not have falls back to English.
func SetLanguage(tag string) {
	candidates := []string{tag}
	if tag == "" {
		candidates, _ = locale.GetLocales()
	}
	mu.Lock()
	defer mu.Unlock()
	current = "en"
	for _, c := range candidates {
		base := strings.ToLower(strings.SplitN(strings.ReplaceAll(c, "_", "-"), "-", 2)[0])
		if _, ok := tables[base]; ok {
			current = base
			return
		}
	}
}

// Language is the language in use.
func Language() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// T translates an English sentence and fills its %s / %d verbs with args. String arguments that are
// themselves translation keys (labels such as "The name") are translated too.
func T(key string, args ...any) string {
	mu.RLock()
	table := tables[current]
	mu.RUnlock()
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
