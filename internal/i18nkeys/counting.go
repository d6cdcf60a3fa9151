package i18nkeys

import (
	"go/ast"
	"regexp"
	"strconv"
	"strings"
)

// counting are the calls that translate a sentence that counts: i18n.N and its companions (pdf's sayN,
// the count function syncfolder and partnerio are given). Each takes the form for one and the form for
// other, and picks by the language's plural rule.
var counting = map[string]bool{"N": true, "sayN": true, "count": true}

// countedWord is a count, the word after it and the word after that: "%d partners", "%[1]d days". A word
// followed by an article is a verb, not a counted noun: "Goal %d needs a target" names goal 2, it does not
// count needs.
var countedWord = regexp.MustCompile(`%(?:\[\d+\])?d (\pL+)( (?:a|an|the)\b)?`)

// Uncounted lists the sentences handed to T (or t, say…, or written in a plain error) instead of N that
// count something N counts elsewhere — "%d partners", "ends in %d days" —, which would read "1 partners"
// in English and "0 partenaires" in French.
func Uncounted(files []File) []Finding {
	nouns := countedNouns(files)
	var out []Finding
	for _, f := range files {
		keySites(f, func(site string, key ast.Expr) {
			s, ok := stringLit(key)
			if !ok || counting[site] {
				return
			}
			for _, noun := range counted(s) {
				if nouns[noun] {
					out = append(out, Finding{f.Path + ":" + strconv.Itoa(f.Fset.Position(key.Pos()).Line), s, site})
					return
				}
			}
		})
	}
	return out
}

// countedNouns are the words that follow the count in the sentences given to N.
func countedNouns(files []File) map[string]bool {
	nouns := map[string]bool{}
	for _, f := range files {
		keySites(f, func(site string, key ast.Expr) {
			if s, ok := stringLit(key); ok && counting[site] {
				for _, noun := range counted(s) {
					nouns[noun] = true
				}
			}
		})
	}
	return nouns
}

// counted are the words a sentence counts, in lower case.
func counted(s string) []string {
	var words []string
	for _, m := range countedWord.FindAllStringSubmatch(s, -1) {
		if m[2] == "" {
			words = append(words, strings.ToLower(m[1]))
		}
	}
	return words
}
