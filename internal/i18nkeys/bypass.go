package i18nkeys

import (
	"go/ast"
	"strconv"
	"strings"
	"unicode"
)

// visiblePackages are the folders whose strings reach a user: the window, the documents, the commands
// and the calendar file.
var visiblePackages = []string{"ui/", "pdf/", "cli/", "calendar/"}

// technical are the calls whose string arguments no user reads as a sentence: logs, file names, formats
// of machine-readable files, resource names, and Go's own plumbing. A call not listed here that is given
// a literal with words in it is a string that bypasses the translation layer.
var technical = map[string]bool{
	// logs and wrapped errors: detail for the log, not the user
	"LogError": true, "Errorf": true, "New": true, "Println": true, "Printf": true, "Print": true,
	"saveInBackground": true, // its one string says what failed, for the log
	// files, paths, URLs, resources
	"Join": true, "NewStaticResource": true, "Parse": true, "NewExtensionFileFilter": true, "Ext": true,
	"CreateTemp": true, "MkdirTemp": true, "Getenv": true, "LookupEnv": true, "Open": true, "Glob": true,
	"ReadFile": true, "Stat": true, "Base": true, "Rel": true, "HasSuffix": true, "TrimSuffix": true,
	"HasPrefix": true, "TrimPrefix": true, "Contains": true, "Split": true, "SplitN": true, "Fields": true,
	"ReplaceAll": true, "Replace": true, "Index": true, "Trim": true, "TrimSpace": true, "EqualFold": true,
	"TrimRight": true, "TrimLeft": true, "Repeat": true, "ContainsAny": true, "Cut": true, "TrimFunc": true,
	"NewReplacer": true, "WriteString": true, "Format": true, "ParseInLocation": true, "Preference": true,
	"SetPreference": true, "String": true, "Bool": true, "StringWithFallback": true, "SetString": true,
	"SetBool": true, "Int": true, "L": true, "Get": true, "SetInt": true, "Float": true, "SetFloat": true, "FloatWithFallback": true,
	"IntWithFallback": true, "BoolWithFallback": true, "Command": true,
	// PDF plumbing: fonts, styles, metadata keys
	"SetFont": true, "AddUTF8FontFromBytes": true, "SetFontStyle": true, "RegisterImageOptionsReader": true,
	"ImageOptions": true, "NewCustom": true, "SetCreator": true, "SetProducer": true, "AddUTF8Font": true,
	"SetFontUnitSize": true, "ImageTypeFromMime": true, "font": true, "style": true, "SetDrawColor": true,
	// command-line flags and tests of words, not words shown
	"Flag": true, "StringVar": true, "BoolVar": true, "IntVar": true, "Int64Var": true, "NewFlagSet": true, "Var": true,
	"Lookup": true, "Setenv": true, "Unsetenv": true,
	// calendar and vCard content lines: property names of a machine-readable format
	"prop": true, "line": true, "property": true, "contentLine": true, "fold": true,
	// Accord's own: the log context of an error shown plainly, start-up timings, file names offered in a
	// save dialog, and the parsing of command lines
	"showError": true, "trace": true, "showData": true, "goTo": true, "freshName": true, "saveAs": true, "flags": true, "reportArgs": true,
}

// Same marks a line whose strings read the same in every language (an example e-mail address, a brand).
const Same = "i18n:same"

// Finding is a string a user would read that does not go through the translation layer.
type Finding struct {
	Place string
	Text  string
	Call  string
}

// Bypasses lists the string literals with words in them passed straight to a call in a visible package,
// other than to the translation layer or a technical call.
func Bypasses(files []File) []Finding {
	var out []Finding
	for _, f := range files {
		if !visible(f.Path) {
			continue
		}
		same := sameLines(f)
		ast.Inspect(f.AST, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := calleeName(call.Fun)
			if _, translates := keyArgs[name]; translates || technical[name] {
				return true
			}
			for _, a := range call.Args {
				line := f.Fset.Position(a.Pos()).Line
				if s, ok := stringLit(a); ok && hasWords(s) && !same[line] {
					out = append(out, Finding{f.Path + ":" + strconv.Itoa(line), s, name})
				}
			}
			return true
		})
	}
	return out
}

func sameLines(f File) map[int]bool {
	lines := map[int]bool{}
	for _, g := range f.AST.Comments {
		if strings.Contains(g.Text(), Same) {
			lines[f.Fset.Position(g.Pos()).Line] = true
		}
	}
	return lines
}

func visible(path string) bool {
	for _, p := range visiblePackages {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// hasWords is true for text a person reads: two letters in a row, outside format verbs such as %s, and
// other than a code of up to three capitals ("EUR", and fpdf's "FD" and "RM").
func hasWords(s string) bool {
	if len(s) <= 3 && strings.ToUpper(s) == s {
		return false
	}
	run := 0
	for i, r := range s {
		if i > 0 && s[i-1] == '%' {
			run = 0
			continue
		}
		if unicode.IsLetter(r) {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
