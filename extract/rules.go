package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
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
		entries, err := readTable(fsys, name)
		if err != nil {
			return nil, err
		}
		r.tables[name] = append(r.tables[name], entries...)
	}
	return r, nil
}

// A tableSpec says which keys a rules table accepts, so that a misspelt key
// is an error rather than a line that changes nothing.
type tableSpec struct {
	accepts func(key string) bool
	keys    string // the accepted keys, for the error message
}

// oneOf accepts the keys listed.
func oneOf(keys ...string) tableSpec {
	return tableSpec{func(k string) bool { return slices.Contains(keys, k) }, strings.Join(keys, ", ")}
}

// anyKey accepts every key: the table's keys are names.
var anyKey = tableSpec{func(string) bool { return true }, "any name"}

// positioned accepts « POSITION VALUE » keys.
func positioned(positions, values []string) tableSpec {
	return tableSpec{func(k string) bool {
		pos, val, ok := strings.Cut(k, " ")
		return ok && slices.Contains(positions, pos) && slices.Contains(values, val)
	}, "POSITION VALUE, POSITION one of " + strings.Join(positions, ", ") + ", VALUE one of " + strings.Join(values, ", ")}
}

// numeric accepts whole numbers within [lo, hi].
func numeric(lo, hi int64) tableSpec {
	return tableSpec{func(k string) bool {
		n, err := strconv.ParseInt(k, 10, 64)
		return err == nil && lo <= n && n <= hi
	}, fmt.Sprintf("a whole number from %d to %d", lo, hi)}
}

// isoCode accepts ISO 4217 currency codes.
var isoCode = tableSpec{func(k string) bool {
	return len(k) == 3 && strings.Trim(k, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}, "an ISO 4217 code (EUR, USD…)"}

// scaleKey accepts the keys of number_scales.txt: word, dozen, half,
// decimal, negative, « symbol FACTOR » and « symbol FACTOR CODE ».
var scaleKey = tableSpec{func(k string) bool {
	f := strings.Fields(k)
	if len(f) == 1 {
		return slices.Contains([]string{"word", "dozen", "half", "decimal", "negative", "singular"}, f[0])
	}
	_, err := strconv.ParseInt(f[1], 10, 64)
	return f[0] == "symbol" && err == nil && (len(f) == 2 || len(f) == 3 && isoCode.accepts(f[2])) ||
		f[0] == "english" && err == nil && len(f) == 2
}, "word, dozen, half, decimal, negative, singular, symbol FACTOR, symbol FACTOR CODE, english FACTOR"}

// sanctionKindNames are the kinds of sanctions.txt.
var sanctionKindNames = func() []string {
	var out []string
	for _, k := range SanctionKinds {
		out = append(out, string(k))
	}
	return out
}()

// roleNames and periodNames are the values of positioned cue keys.
var roleNames, periodNames = func() ([]string, []string) {
	var roles []string
	for _, r := range Roles {
		roles = append(roles, string(r))
	}
	return roles, []string{string(PerDay), string(PerWeek), string(PerMonth), string(PerYear)}
}()

// tableSpecs lists every rules table and the keys it accepts; each file's
// header says what its keys and values mean.
var tableSpecs = map[string]tableSpec{
	"amount_context.txt": oneOf("revised", "join", "label", "follow", "incise"),
	"amount_periods.txt": positioned([]string{"after", "before"}, periodNames),
	"amount_roles.txt":   positioned([]string{"before", "clause", "anywhere", "after", "later"}, roleNames),
	"authorities.txt":    anyKey,
	"authority_refs.txt": anyKey,
	"boilerplate.txt":    oneOf("cue"),
	"courts.txt":         anyKey,
	"currencies.txt":     isoCode,
	"currency_minor.txt": isoCode,
	"date_words.txt":     oneOf("weekday", "first", "past", "future", "range", "list", "article", "year", "published", "dateline"),
	"durations.txt":      oneOf("Y", "M", "W", "D"),
	"html_chrome.txt":    oneOf("drop", "tag", "role", "word", "prefix", "undated"),
	"injunctions.txt": oneOf("verb", "noun", "clause", "clause_bare", "that", "rule_subject", "grants", "asked_that", "nominal", "sentence", "payment", "negation", "anaphor", "anaphor_pronoun", "unnamed", "among", "group", "deadline_duration", "deadline_date", "terms", "predicate", "followup", "adverb", "to", "and", "pronoun", "plural_pronoun", "asking", "auxiliary", "notice", "body", "body_kind", "passive", "receive", "received", "of", "addressed", "same", "given", "for", "put", "on_notice", "must", "must_pronoun", "infinitive_adverb", "unless", "against",
		"status rejected", "status requested", "status hypothetical", "status past"),
	"law_anaphora.txt":  anyKey,
	"law_kinds.txt":     anyKey,
	"laws.txt":          anyKey,
	"legal_forms.txt":   oneOf("form"),
	"months.txt":        numeric(1, 12),
	"not_orgs.txt":      oneOf("initial", "word", "law", "product", "generic", "chrome"),
	"number_scales.txt": scaleKey,
	"number_words.txt":  numeric(0, 1e15),
	"org_cues.txt":      oneOf("before", "lowercase", "after", "party_after", "product", "back", "relative", "particle", "elision", "and", "body", "tail", "place_before", "counsel"),
	"orgs.txt":          anyKey,
	"persons.txt":       oneOf("title", "name", "byline", "role", "said"),
	"sanctions.txt": {func(k string) bool {
		kind, ok := strings.CutPrefix(k, "kind ")
		if court, ok := strings.CutPrefix(k, "bare_court "); ok {
			return court != ""
		}
		return ok && slices.Contains(sanctionKindNames, kind) ||
			slices.Contains([]string{"unsaid", "total", "share", "breakdown", "noun", "revised", "order", "liquidates", "to", "counted", "same_sum", "pronounced", "verb", "acts", "by", "confirm", "decided", "published", "respectively", "each", "converted", "receives", "describes", "another_clause", "unnamed", "not_breached", "anaphor", "reduces", "relative", "then"}, k)
	}, "kind KIND (one of the sanction kinds), unsaid, total, share, breakdown, to, counted, same_sum, pronounced, verb, acts, by, confirm, decided, published, respectively, each, converted, receives, describes, another_clause, unnamed, not_breached, anaphor, reduces, relative, then"},
	"places.txt":   anyKey,
	"services.txt": oneOf("sanctioning"),
}

func readTable(fsys fs.FS, name string) ([]Entry, error) {
	spec, known := tableSpecs[name]
	if !known {
		return nil, fmt.Errorf("rules file %s: unknown table; known tables: %s", name, strings.Join(slices.Sorted(maps.Keys(tableSpecs)), ", "))
	}
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
		if !spec.accepts(key) {
			return nil, fmt.Errorf("rules file %s:%d: unknown key %q; the keys of %s are: %s", path.Base(name), n, key, name, spec.keys)
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
