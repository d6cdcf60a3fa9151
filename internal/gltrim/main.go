// Command gltrim writes a trimmed copy of the go-gl/gl OpenGL bindings, holding only the functions Fyne's
// painter calls, and go.mod replaces the module with it. The full bindings declare 2,832 OpenGL functions
// in one cgo file, and cgo alone takes about four and a half minutes over it — on every cold build, once
// for Linux, once for the race detector, once for Windows. Trimmed, the same build takes seconds, and an
// old graphics driver that lacks some OpenGL function Fyne never calls no longer stops the window opening.
//
// Run it (`go run ./internal/gltrim`) after changing the version of Fyne or of go-gl/gl in go.mod;
// `make test` checks the copy is what it would write.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Out is where the trimmed module lives, relative to the repository.
const Out = "internal/third_party/gl"

// packages are the go-gl/gl packages Fyne imports: OpenGL 2.1 on desktops, ES 2 under the gles tag.
var packages = []string{"v2.1/gl", "v3.1/gles2"}

func main() {
	check := flag.Bool("check", false, "only report whether the copy is what this would write")
	flag.Parse()
	src, fyne := moduleDir("github.com/go-gl/gl"), moduleDir("fyne.io/fyne/v2")
	used, err := usedFunctions(filepath.Join(fyne, "internal", "painter", "gl"))
	if err != nil {
		fail(err)
	}
	files := map[string][]byte{}
	for _, name := range []string{"LICENSE", "go.mod"} {
		files[name] = read(filepath.Join(src, name))
	}
	files["README.md"] = []byte(readme)
	for _, pkg := range packages {
		entries, err := os.ReadDir(filepath.Join(src, pkg))
		if err != nil {
			fail(err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), ".h") {
				continue
			}
			b := read(filepath.Join(src, pkg, e.Name()))
			if e.Name() == "package.go" {
				if b, err = trim(b, used); err != nil {
					fail(fmt.Errorf("%s: %w", pkg, err))
				}
			}
			files[filepath.Join(pkg, e.Name())] = b
		}
		if khr := filepath.Join(src, pkg, "KHR", "khrplatform.h"); exists(khr) {
			files[filepath.Join(pkg, "KHR", "khrplatform.h")] = read(khr)
		}
	}
	if *check {
		if stale := compare(files); len(stale) > 0 {
			fail(fmt.Errorf("%s is not what `go run ./internal/gltrim` writes (%s): run it", Out, strings.Join(stale, ", ")))
		}
		return
	}
	os.RemoveAll(Out)
	for name, b := range files {
		path := filepath.Join(Out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			fail(err)
		}
	}
}

const readme = `# go-gl/gl, trimmed for Accord

A copy of [go-gl/gl](https://github.com/go-gl/gl) (MIT licence, see LICENSE) holding only the OpenGL
functions Fyne's painter calls. Written by ` + "`go run ./internal/gltrim`" + `; do not edit. go.mod replaces
the module with it, so cgo reads a few dozen functions instead of 2,832: a cold build is minutes faster.
`

// usedFunctions are the gl.F functions Fyne's painter calls.
func usedFunctions(dir string) (map[string]bool, error) {
	call := regexp.MustCompile(`\bgl\.([A-Z]\w*)\(`)
	used := map[string]bool{}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		for _, m := range call.FindAllSubmatch(read(f), -1) {
			used[string(m[1])] = true
		}
	}
	return used, err
}

// trim keeps, of a glow-generated package.go, the Go functions used, every helper, and just the C wrappers,
// function pointers, typedefs and start-up lookups those need.
func trim(src []byte, used map[string]bool) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "package.go", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var cut []span
	keepC, keepVar := map[string]bool{}, map[string]bool{}
	var init *ast.FuncDecl
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if fn.Name.Name == "InitWithProcAddrFunc" {
			init = fn
			continue
		}
		refs := references(fn)
		if len(refs.c) > 0 && !used[fn.Name.Name] {
			cut = append(cut, declSpan(fset, fn))
			continue
		}
		for n := range refs.c {
			keepC[n] = true
		}
		for n := range refs.vars {
			keepVar[n] = true
		}
	}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, s := range g.Specs {
				if v := s.(*ast.ValueSpec); strings.HasPrefix(v.Names[0].Name, "gp") && !keepVar[v.Names[0].Name] {
					cut = append(cut, span{fset.Position(v.Pos()).Offset, lineEnd(src, fset.Position(v.End()).Offset)})
				}
			}
		}
	}
	if init == nil {
		return nil, fmt.Errorf("no InitWithProcAddrFunc")
	}
	cut = append(cut, initLookups(fset, src, init, keepVar)...)
	return format.Source(trimPreamble(remove(src, cut), keepC))
}

type span struct{ from, to int }

type refs struct{ c, vars map[string]bool }

// references are the C wrappers (C.glowX) and function pointers (gpX) a function uses.
func references(fn *ast.FuncDecl) refs {
	r := refs{map[string]bool{}, map[string]bool{}}
	ast.Inspect(fn, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "C" && strings.HasPrefix(x.Sel.Name, "glow") {
				r.c[x.Sel.Name] = true
			}
		case *ast.Ident:
			if strings.HasPrefix(x.Name, "gp") {
				r.vars[x.Name] = true
			}
		}
		return true
	})
	return r
}

// declSpan is a declaration with its doc comment, through the end of its last line.
func declSpan(fset *token.FileSet, fn *ast.FuncDecl) span {
	from := fn.Pos()
	if fn.Doc != nil {
		from = fn.Doc.Pos()
	}
	return span{fset.Position(from).Offset, fset.Position(fn.End()).Offset + 1}
}

// initLookups are the start-up lookups of function pointers no kept function uses: an assignment and the
// check after it that the driver has the function.
func initLookups(fset *token.FileSet, src []byte, init *ast.FuncDecl, keep map[string]bool) []span {
	var cut []span
	stmts := init.Body.List
	for i, s := range stmts {
		name := assigned(s)
		if name == "" || keep[name] {
			continue
		}
		end := s.End()
		if i+1 < len(stmts) {
			if check, ok := stmts[i+1].(*ast.IfStmt); ok && strings.Contains(string(src[fset.Position(check.Cond.Pos()).Offset:fset.Position(check.Cond.End()).Offset]), name) {
				end = check.End()
			}
		}
		cut = append(cut, span{lineStart(src, fset.Position(s.Pos()).Offset), lineEnd(src, fset.Position(end).Offset)})
	}
	return cut
}

func assigned(s ast.Stmt) string {
	if a, ok := s.(*ast.AssignStmt); ok && len(a.Lhs) == 1 {
		if id, ok := a.Lhs[0].(*ast.Ident); ok && strings.HasPrefix(id.Name, "gp") {
			return id.Name
		}
	}
	return ""
}

// trimPreamble drops, from the C in the cgo comment, the wrappers no kept function calls and the pointer
// typedefs no kept wrapper takes.
func trimPreamble(src []byte, keepC map[string]bool) []byte {
	wrapper := regexp.MustCompile(`^// static .*\b(glow\w+)\((GP\w+) fnptr`)
	typedef := regexp.MustCompile(`^// typedef .*\(APIENTRYP (GP\w+)\)`)
	keepType := map[string]bool{}
	lines := strings.SplitAfter(string(src), "\n")
	for _, l := range lines {
		if m := wrapper.FindStringSubmatch(l); m != nil && keepC[m[1]] {
			keepType[m[2]] = true
		}
	}
	var b bytes.Buffer
	skipping := false
	for _, l := range lines {
		switch m := wrapper.FindStringSubmatch(l); {
		case skipping:
			skipping = strings.TrimSpace(l) != "// }"
			continue
		case m != nil && !keepC[m[1]]:
			skipping = strings.TrimSpace(l) != "// }" && !strings.HasSuffix(strings.TrimSpace(l), "}")
			continue
		}
		if m := typedef.FindStringSubmatch(l); m != nil && !keepType[m[1]] {
			continue
		}
		b.WriteString(l)
	}
	return b.Bytes()
}

func remove(src []byte, cut []span) []byte {
	sort.Slice(cut, func(i, j int) bool { return cut[i].from < cut[j].from })
	var b bytes.Buffer
	at := 0
	for _, c := range cut {
		if c.from < at {
			continue
		}
		b.Write(src[at:c.from])
		at = c.to
	}
	b.Write(src[at:])
	return b.Bytes()
}

func lineStart(src []byte, at int) int { return bytes.LastIndexByte(src[:at], '\n') + 1 }

func lineEnd(src []byte, at int) int {
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		return at + i + 1
	}
	return len(src)
}

// compare lists the files that differ from what is written in Out, or are missing there or extra.
func compare(files map[string][]byte) []string {
	var stale []string
	for name, b := range files {
		if have, err := os.ReadFile(filepath.Join(Out, name)); err != nil || !bytes.Equal(have, b) {
			stale = append(stale, name)
		}
	}
	filepath.WalkDir(Out, func(path string, d os.DirEntry, err error) error {
		if rel, _ := filepath.Rel(Out, path); err == nil && !d.IsDir() && files[rel] == nil {
			stale = append(stale, rel)
		}
		return nil
	})
	sort.Strings(stale)
	return stale
}

// moduleDir is where the module cache holds the version of a module go.mod asks for, before replacements.
func moduleDir(path string) string {
	version, err := exec.Command("go", "list", "-mod=mod", "-m", "-f", "{{.Version}}", path).Output()
	if err != nil {
		fail(fmt.Errorf("go list -m %s: %w", path, err))
	}
	dir, err := exec.Command("go", "mod", "download", "-json", path+"@"+strings.TrimSpace(string(version))).Output()
	if err != nil {
		fail(fmt.Errorf("go mod download %s: %w", path, err))
	}
	m := regexp.MustCompile(`"Dir": "([^"]+)"`).FindSubmatch(dir)
	if m == nil {
		fail(fmt.Errorf("no folder for %s", path))
	}
	return string(m[1])
}

func read(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		fail(err)
	}
	return b
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gltrim:", err)
	os.Exit(1)
}
