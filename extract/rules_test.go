package extract

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/veille/veille/extract/rules"
)

// TestEmbeddedRulesParse loads every embedded table: a malformed file fails here.
func TestEmbeddedRulesParse(t *testing.T) {
	r := DefaultRules()
	if len(r.Names()) == 0 {
		t.Fatal("no embedded rules tables")
	}
	for _, name := range r.Names() {
		if len(r.Table(name)) == 0 {
			t.Errorf("table %s has no entries", name)
		}
	}
}

func TestLoadRulesExtendsAndRejectsUnknown(t *testing.T) {
	name := "orgs.txt"
	before := len(DefaultRules().Table(name))
	r, err := LoadRules(fstest.MapFS{name: {Data: []byte("# mine\nnew key: a | b\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(r.Table(name)); got != before+1 {
		t.Fatalf("table %s has %d entries, want %d", name, got, before+1)
	}
	if len(DefaultRules().Table(name)) != before {
		t.Fatal("LoadRules changed the embedded tables")
	}
	_, err = LoadRules(fstest.MapFS{"nosuch.txt": {Data: []byte("x\n")}})
	if err == nil || !strings.Contains(err.Error(), "nosuch.txt") {
		t.Fatalf("unknown table: err = %v, want one naming the file", err)
	}
	_, err = LoadRules(fstest.MapFS{"injunctions.txt": {Data: []byte("# mine\nverbs: somme\n")}})
	if err == nil || !strings.Contains(err.Error(), `injunctions.txt:2: unknown key "verbs"`) {
		t.Fatalf("unknown key: err = %v, want one naming the file, line and key", err)
	}
	_, err = LoadRules(fstest.MapFS{name: {Data: []byte("key:\n")}})
	if err == nil || !strings.Contains(err.Error(), ":1:") {
		t.Fatalf("malformed line: err = %v, want one naming the line", err)
	}
}

// TestEveryTableDeclared holds the embedded tables and their declarations
// (tableSpecs) to the same list.
func TestEveryTableDeclared(t *testing.T) {
	embedded := DefaultRules().Names()
	for _, name := range embedded {
		if _, ok := tableSpecs[name]; !ok {
			t.Errorf("embedded table %s has no entry in tableSpecs", name)
		}
	}
	if len(tableSpecs) != len(embedded) {
		t.Errorf("%d tables declared, %d embedded", len(tableSpecs), len(embedded))
	}
}

// TestRulesReadable keeps the embedded tables readable in review: short
// lines, and no value written twice under one key (a duplicate is a sign
// that a long line hid the first one).
func TestRulesReadable(t *testing.T) {
	const maxLine = 120
	for _, name := range DefaultRules().Names() {
		data, err := rules.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for n, line := range strings.Split(string(data), "\n") {
			if utf8.RuneCountInString(line) > maxLine {
				t.Errorf("%s:%d: %d characters, more than %d: split the values over several lines with the same key", name, n+1, utf8.RuneCountInString(line), maxLine)
			}
		}
		for _, e := range DefaultRules().Table(name) {
			for _, v := range e.Values {
				if k := e.Key + "\x00" + v; seen[k] {
					t.Errorf("%s: %q is written twice under %s", name, v, e.Key)
				} else {
					seen[k] = true
				}
			}
		}
	}
}
