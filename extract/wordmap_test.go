package extract

import (
	"strings"
	"testing"
)

// TestWordMap checks a wordMap against the map it is made of, with the
// words of a lexicon, their prefixes, their capitals and the empty word.
func TestWordMap(t *testing.T) {
	m := map[string]int{"": 7}
	for i, w := range DefaultRules().Values("months.txt", "1") {
		m[w] = i + 1
	}
	for i, w := range strings.Fields("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante cent mille million milliard") {
		m[w] = 100 + i
	}
	wm := newWordMap(m)
	for w := range m {
		for _, q := range []string{w, w[:len(w)/2], strings.ToUpper(w), w + "s"} {
			got, ok := wm.lookup(q)
			want, wantOK := m[q]
			if got != want || ok != wantOK || wm.get(q) != want {
				t.Errorf("lookup(%q) = %d, %v, want %d, %v", q, got, ok, want, wantOK)
			}
		}
	}
	if v, ok := newWordMap(map[string]bool{}).lookup("x"); v || ok {
		t.Errorf("an empty wordMap holds x")
	}
}
