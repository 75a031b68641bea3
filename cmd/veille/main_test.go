package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestCommands runs each case of testdata/<command>/<case>: every line of
// args is one veille command line ($TMP: a fresh temporary directory), run
// in order against one fresh index;
// what they print to stdout and stderr, and their exit statuses, must match
// the files stdout and stderr (regenerate with go test ./cmd/veille -update).
func TestCommands(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "*", "*", "args"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, argsFile := range cases {
		dir := filepath.Dir(argsFile)
		t.Run(filepath.ToSlash(dir[len("testdata/"):]), func(t *testing.T) {
			if testing.Short() && strings.Contains(dir, "slow") {
				t.Skip("slow case skipped under -short")
			}
			lines, err := os.ReadFile(argsFile)
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			tmp := t.TempDir()
			indexDir := filepath.Join(tmp, "index.bleve")
			for _, line := range strings.Split(strings.TrimSpace(string(lines)), "\n") {
				m := NewMain(strings.NewReader(""), &stdout, &stderr)
				m.Getenv = func(k string) string {
					if k == "VEILLE_INDEX" {
						return indexDir
					}
					return ""
				}
				fmt.Fprintf(&stdout, "$ veille %s\n", line)
				args := splitArgs(strings.ReplaceAll(line, "$TMP", tmp))
				if code := exitCode(m, m.Run(context.Background(), args)); code != 0 {
					fmt.Fprintf(&stdout, "exit status %d\n", code)
				}
			}
			// Temporary paths differ from run to run: name them.
			clean := strings.NewReplacer(indexDir, "$INDEX", tmp, "$TMP")
			compareGolden(t, filepath.Join(dir, "stdout"), clean.Replace(stdout.String()))
			compareGolden(t, filepath.Join(dir, "stderr"), clean.Replace(stderr.String()))
		})
	}
}

// splitArgs splits a command line at spaces, keeping "double quoted" words whole.
func splitArgs(line string) []string {
	var args []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
			}
			inWord = false
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/veille -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (-want +got):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines that differ between want and got.
func lineDiff(want, got string) string {
	// around shortens a long line to the part where it starts to differ from other.
	around := func(line, other string) string {
		i := 0
		for i < len(line) && i < len(other) && line[i] == other[i] {
			i++
		}
		from, to := max(i-60, 0), min(i+60, len(line))
		return fmt.Sprintf("…%q…", line[from:to])
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, around(wl, gl), around(gl, wl))
		}
	}
	return b.String()
}
