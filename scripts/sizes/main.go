// Command sizes holds the code to the house's sizes: no non-test Go file
// over 600 lines and no function over 60 lines outside tests. It prints
// each one that is larger and exits 1 when there is any.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

const (
	maxFileLines = 600
	maxFuncLines = 60
)

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	var over []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "build" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		found, err := check(path)
		over = append(over, found...)
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, o := range over {
		fmt.Println(o)
	}
	if len(over) > 0 {
		os.Exit(1)
	}
	fmt.Printf("sizes: no file over %d lines, no function over %d\n", maxFileLines, maxFuncLines)
}

// check lists what in one file is over the sizes.
func check(path string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var over []string
	if n := fset.File(f.Pos()).LineCount(); n > maxFileLines {
		over = append(over, fmt.Sprintf("%s: %d lines (at most %d)", path, n, maxFileLines))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		fn, ok := n.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			return true
		}
		lines := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1
		if lines > maxFuncLines {
			over = append(over, fmt.Sprintf("%s:%d: func %s is %d lines (at most %d)",
				path, fset.Position(fn.Pos()).Line, fn.Name.Name, lines, maxFuncLines))
		}
		return false
	})
	return over, nil
}
