package extract

import (
	"strings"
	"testing"
)

// TestLastBeforeFirstAfter checks the antecedent lookups on facts listed by
// their bounds, where they stop early, and on facts listed otherwise, where
// they read them all: the same answers, ties going to the fact listed first.
func TestLastBeforeFirstAfter(t *testing.T) {
	sorted := []Span{{0, 4}, {5, 9}, {5, 9}, {10, 12}, {14, 20}}
	unsorted := []Span{{14, 20}, {5, 9}, {0, 4}, {10, 12}, {5, 9}}
	startsOnly, endsOnly := []Span{{0, 10}, {2, 4}, {5, 6}}, []Span{{3, 4}, {2, 4}, {0, 8}}
	not := func(s Span) func(Span) bool { return func(f Span) bool { return f != s } }
	all := func(Span) bool { return true }
	tests := []struct {
		facts   []Span
		i       int
		keep    func(Span) bool
		last    Span
		lastOK  bool
		first   Span
		firstOK bool
	}{
		{sorted, 12, all, Span{10, 12}, true, Span{14, 20}, true},
		{sorted, 11, all, Span{5, 9}, true, Span{14, 20}, true},
		{sorted, 5, all, Span{0, 4}, true, Span{5, 9}, true},
		{sorted, 3, all, Span{}, false, Span{5, 9}, true},
		{sorted, 21, not(Span{14, 20}), Span{10, 12}, true, Span{}, false},
		{sorted, 12, not(Span{10, 12}), Span{5, 9}, true, Span{14, 20}, true},
		{sorted, 0, all, Span{}, false, Span{0, 4}, true},
		{unsorted, 12, all, Span{10, 12}, true, Span{14, 20}, true},
		{unsorted, 11, all, Span{5, 9}, true, Span{14, 20}, true},
		{unsorted, 5, all, Span{0, 4}, true, Span{5, 9}, true},
		{unsorted, 12, not(Span{10, 12}), Span{5, 9}, true, Span{14, 20}, true},
		{unsorted, 21, not(Span{14, 20}), Span{10, 12}, true, Span{}, false},
		{nil, 5, all, Span{}, false, Span{}, false},
		// by their starts, not their ends; then by their ends, not their starts
		{startsOnly, 7, all, Span{5, 6}, true, Span{}, false},
		{startsOnly, 11, all, Span{0, 10}, true, Span{}, false},
		{startsOnly, 1, all, Span{}, false, Span{2, 4}, true},
		{endsOnly, 5, all, Span{3, 4}, true, Span{}, false},
		{endsOnly, 0, all, Span{}, false, Span{0, 8}, true},
	}
	for _, tt := range tests {
		if got, ok := lastBefore(tt.facts, tt.i, tt.keep); got != tt.last || ok != tt.lastOK {
			t.Errorf("lastBefore(%v, %d) = %v, %v; want %v, %v", tt.facts, tt.i, got, ok, tt.last, tt.lastOK)
		}
		if got, ok := firstAfter(tt.facts, tt.i, tt.keep); got != tt.first || ok != tt.firstOK {
			t.Errorf("firstAfter(%v, %d) = %v, %v; want %v, %v", tt.facts, tt.i, got, ok, tt.first, tt.firstOK)
		}
	}
	// of a tie, the fact listed first, whichever way the facts are listed
	type tagged struct {
		Span
		id int
	}
	for _, facts := range [][]tagged{
		{{Span{0, 4}, 0}, {Span{5, 9}, 1}, {Span{5, 9}, 2}, {Span{14, 20}, 3}},
		{{Span{14, 20}, 3}, {Span{5, 9}, 1}, {Span{0, 4}, 0}, {Span{5, 9}, 2}},
	} {
		if got, _ := lastBefore(facts, 12, func(tagged) bool { return true }); got.id != 1 {
			t.Errorf("lastBefore(%v, 12) = %v; want the tie's first, 1", facts, got)
		}
		if got, _ := firstAfter(facts, 5, func(tagged) bool { return true }); got.id != 1 {
			t.Errorf("firstAfter(%v, 5) = %v; want the tie's first, 1", facts, got)
		}
	}
}

// TestEntitiesSortedBy checks the fast path for entities against the
// generic check, which it replaces for them.
func TestEntitiesSortedBy(t *testing.T) {
	lists := [][]Span{nil, {{0, 4}}, {{0, 4}, {2, 3}}, {{0, 4}, {4, 9}}, {{3, 5}, {1, 6}}, {{0, 9}, {2, 4}, {5, 7}}}
	for _, spans := range lists {
		entities := make([]Entity, len(spans))
		for k, s := range spans {
			entities[k].Span = s
		}
		for _, byEnd := range []bool{false, true} {
			if got, want := entitiesSortedBy(entities, byEnd), sortedBy(spans, byEnd); got != want {
				t.Errorf("entitiesSortedBy(%v, %v) = %v, want %v", spans, byEnd, got, want)
			}
		}
	}
}

// TestDescriberGate checks the describer against its regexp alone, around
// each of its words written in several ways.
func TestDescriberGate(t *testing.T) {
	words := DefaultRules().Values("sanctions.txt", "describes")
	d, re := newDescriber(words), describerPattern(words)
	var texts []string
	for _, w := range words {
		for _, v := range []string{w, strings.ToUpper(w), strings.ReplaceAll(w, " ", " \n "), strings.ReplaceAll(w, "'", "’"), strings.ReplaceAll(w, " ", "\u00a0")} {
			for _, before := range []string{"", "la chaîne, ", "x", "é"} {
				for _, after := range []string{"", " ", " \u00a0\t", "\n", " x", "s", "'"} {
					texts = append(texts, before+v+after)
				}
			}
		}
	}
	matched := 0
	for _, s := range texts {
		got, want := d.words.MatchString(s), re.MatchString(s)
		if got != want {
			t.Errorf("describer on %q: %v, regexp %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched == 0 || matched == len(texts) {
		t.Errorf("the regexp matched %d texts of %d: the test tells nothing", matched, len(texts))
	}
}
