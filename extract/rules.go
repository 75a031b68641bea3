package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/veille/veille/extract/rules"
)

// An Entry is one line of a rules table: a key and its values
// (format in package rules).
type Entry struct {
	Key    string
	Values []string
}

// Rules holds the parsed rules tables, by file name ("authorities.txt").
// The embedded tables are the default; LoadRules adds a user's files to them.
type Rules struct {
	tables map[string][]Entry
}

var (
	defaultRules     *Rules
	defaultRulesOnce sync.Once
)

// DefaultRules returns the embedded tables, parsed once. It panics if an
// embedded table is malformed: that is a build defect, caught by the tests.
func DefaultRules() *Rules {
	defaultRulesOnce.Do(func() {
		r, err := parseRules(rules.FS, nil)
		if err != nil {
			panic(err)
		}
		defaultRules = r
	})
	return defaultRules
}

// LoadRules returns the embedded tables extended by the *.txt files of dir:
// a file named like an embedded table adds its entries to that table's.
// A file of another name is an error, so a typo does not go unnoticed.
func LoadRules(dir fs.FS) (*Rules, error) {
	return parseRules(dir, DefaultRules())
}

func parseRules(fsys fs.FS, base *Rules) (*Rules, error) {
	r := &Rules{tables: map[string][]Entry{}}
	if base != nil {
		for name, entries := range base.tables {
			r.tables[name] = append([]Entry(nil), entries...)
		}
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if base != nil {
			if _, ok := base.tables[name]; !ok {
				return nil, fmt.Errorf("rules file %s: unknown table; known tables: %s", name, strings.Join(base.Names(), ", "))
			}
		}
		entries, err := readTable(fsys, name)
		if err != nil {
			return nil, err
		}
		r.tables[name] = append(r.tables[name], entries...)
	}
	return r, nil
}

func readTable(fsys fs.FS, name string) ([]Entry, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var entries []Entry
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, vals, hasVals := strings.Cut(line, ":")
		key = strings.TrimSpace(key)
		if key == "" {
			return nil, fmt.Errorf("rules file %s:%d: empty key", path.Base(name), n)
		}
		e := Entry{Key: key}
		if hasVals {
			for _, v := range strings.Split(vals, "|") {
				if v = strings.TrimSpace(v); v != "" {
					e.Values = append(e.Values, v)
				}
			}
			if len(e.Values) == 0 {
				return nil, fmt.Errorf("rules file %s:%d: key %q has a colon but no values", path.Base(name), n, key)
			}
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("rules file %s: %w", name, err)
	}
	return entries, nil
}

// Table returns the entries of one table, in file order (embedded first).
func (r *Rules) Table(name string) []Entry { return r.tables[name] }

// Values returns the values of every entry of a table whose key is key.
func (r *Rules) Values(name, key string) []string {
	var out []string
	for _, e := range r.tables[name] {
		if e.Key == key {
			out = append(out, e.Values...)
		}
	}
	return out
}

// Names lists the tables, sorted.
func (r *Rules) Names() []string {
	names := make([]string, 0, len(r.tables))
	for n := range r.tables {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
