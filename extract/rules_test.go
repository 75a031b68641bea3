package extract

import (
	"strings"
	"testing"
	"testing/fstest"
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
