// Package i18nkeys finds Accord's translation keys in its source, so a test can fail when a sentence a user
// sees has no translation, and when a visible string skips the translation layer altogether.
//
// A key is the English sentence itself. It is found where the code hands it to the translation layer:
//   - the first argument of T (ui's alias or i18n.T), when it is a literal;
//   - the arguments of helpers that translate what they are given (keyArgs below);
//   - the sentences of plain errors and validation problems in data (PlainError, Sentence, Problem);
//   - every string literal inside a declaration whose comment holds the marker "i18n:keys" — the lists of
//     kinds, stages and dimension names that are shown translated — but the keys of map literals.
package i18nkeys

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
)

// Marker in a declaration's comment: every string literal in the declaration is a translation key.
const Marker = "i18n:keys"

// keyArgs are the functions that translate some of their arguments, and which ones (0-based).
var keyArgs = map[string][]int{
	"T": {0},
	"t": {0}, // a translation function passed in, as data's Describe methods take it
	// sentences that count: the forms for one and for other (see counting)
	"N": {1, 2}, "sayN": {1, 2}, "count": {1, 2},
	// pdf's MOU, which says each fixed sentence and label in the languages of its edition
	"say": {0}, "said": {0}, "saidEach": {0}, "eachLang": {0}, "kindSentence": {0}, "provision": {1}, "sayCapital": {0},
	"add": {1},
	// data's validation helpers: the sentence, or the label of the field it names
	"required": {2}, "short": {2}, "long": {2}, "score": {2}, "amount": {2}, "oneOf": {4}, "onePick": {3},
	"FileProblem": {0},
	"OSProblem":   {0},
	"Plain":       {0},
}

// keyFields are struct literals whose fields hold keys, by type name: field names, and positions when the
// literal is written without names.
var keyFields = map[string]struct {
	names     []string
	positions []int
}{
	"PlainError": {[]string{"Message", "Advice"}, []int{0, 2}},
	"Sentence":   {[]string{"Text"}, []int{0}},
	"Problem":    {[]string{"Message"}, []int{1}},
}

// File is one parsed source file of the module.
type File struct {
	Path string
	Fset *token.FileSet
	AST  *ast.File
}

// Parse reads every non-test Go file under root, skipping testdata and internal tools.
func Parse(root string) ([]File, error) {
	var files []File
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "internal") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, File{Path: filepath.ToSlash(rel), Fset: fset, AST: f})
		return nil
	})
	return files, err
}

// Harvest returns every key in the files, with one place each is used ("file:line").
func Harvest(files []File) map[string]string {
	keys := map[string]string{}
	for _, f := range files {
		add := func(lit ast.Expr) {
			if s, ok := stringLit(lit); ok && strings.TrimSpace(s) != "" {
				if _, seen := keys[s]; !seen {
					keys[s] = f.Path + ":" + strconv.Itoa(f.Fset.Position(lit.Pos()).Line)
				}
			}
		}
		for _, decl := range f.AST.Decls {
			if marked(decl) {
				harvestMarked(decl, add)
			}
		}
		keySites(f, func(_ string, key ast.Expr) { add(key) })
	}
	return keys
}

// keySites visits every key handed to a translating call in a file, with the name of the call, and every
// key written in a field of a plain error or a problem, with the name of its type.
func keySites(f File, visit func(site string, key ast.Expr)) {
	ast.Inspect(f.AST, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			name := calleeName(n.Fun)
			for _, i := range keyArgs[name] {
				if i < len(n.Args) {
					visit(name, n.Args[i])
				}
			}
		case *ast.CompositeLit:
			harvestFields(n, func(key ast.Expr) { visit(typeName(n.Type), key) })
		}
		return true
	})
}

// harvestMarked adds every string literal in a marked declaration but the keys of a map literal, which
// name what the values are for ("focus_areas": "Focus areas").
func harvestMarked(decl ast.Decl, add func(ast.Expr)) {
	mapKeys := map[ast.Expr]bool{}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.KeyValueExpr:
			mapKeys[x.Key] = true
		case *ast.BasicLit:
			if !mapKeys[x] {
				add(x)
			}
		}
		return true
	})
}

func harvestFields(lit *ast.CompositeLit, add func(ast.Expr)) {
	spec, ok := keyFields[typeName(lit.Type)]
	if !ok {
		return
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && contains(spec.names, id.Name) {
				add(kv.Value)
			}
			continue
		}
		for _, p := range spec.positions {
			if p == i {
				add(el)
			}
		}
	}
}

func marked(decl ast.Decl) bool {
	var doc *ast.CommentGroup
	switch d := decl.(type) {
	case *ast.GenDecl:
		doc = d.Doc
	case *ast.FuncDecl:
		doc = d.Doc
	}
	return doc != nil && strings.Contains(doc.Text(), Marker)
}

// calleeName is the name a call is made by: "T" for T(...), i18n.T(...) and ps.T(...).
func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr: // a generic call with explicit type arguments
		return calleeName(f.X)
	}
	return ""
}

func typeName(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.SelectorExpr:
		return t.Sel.Name
	}
	return ""
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
