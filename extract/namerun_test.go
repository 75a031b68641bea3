package extract

import (
	"regexp"
	"testing"
)

// TestNameRunMatcher checks the name-run matcher against the regexp it
// replaces, ^nameRun, at every byte of the fixtures and of edge cases.
func TestNameRunMatcher(t *testing.T) {
	lx := testLexicon(t)
	re := regexp.MustCompile(`^` + lx.nameRun)
	texts := append(fixtureTexts(t),
		"La Quadrature du Net, Morgan Stanley & Co, Caisse d'Épargne, Caisse d’Épargne, Caisse dʼÉpargne",
		"eBizcuss iOS abcDef aBc AP-HP France-Presse- L'Oréal O'Neil L’Oréal Lʼx Banque de  France Banque de\nFrance",
		"Tech Data et Ingram Micro, Max für Kunst, Van der Berg, Marie i Pere, X de la Y, X de la\u00a0Y, X\u00a0de\u202fY",
		"A\u2009B, Ab2 C3d-4, É\xffA, A\xff, de la Z, Ville de paris, Ville de l'Est, Ville d'", "Σωκράτης Ωμέγα DŽemal ǅemal")
	matched := 0
	for _, text := range texts {
		for i := range text {
			want := -1
			if m := re.FindStringIndex(text[i:]); m != nil {
				want = m[1]
				matched++
			}
			if got := lx.run.match(text[i:]); got != want {
				t.Fatalf("%.40q: %d, regexp %d", text[i:], got, want)
			}
		}
	}
	if matched == 0 {
		t.Error("no match")
	}
}

// FuzzLiteralLen checks literalLen against the regexp of the word's
// alternation, in any case and as written.
func FuzzLiteralLen(f *testing.F) {
	for _, s := range []string{"Mise en  demeure", "L’astreinte", "KELVIN \u212Aelvin", "ſanction SANCTION", "Été ÉTÉ été", "l'a L\u02bcA", "mis\ten demeure"} {
		f.Add(s)
	}
	words := []string{"mise en demeure", "l'astreinte", "kelvin", "sanction", "été", "l’a", "mis en", "a"}
	type matcher struct {
		word string
		fold bool
		re   *regexp.Regexp
	}
	var ms []matcher
	for _, w := range words {
		for _, fold := range []bool{false, true} {
			flags := ""
			if fold {
				flags = "(?i)"
			}
			ms = append(ms, matcher{w, fold, regexp.MustCompile(flags + `^(?:` + alternation([]string{w}) + `)`)})
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range ms {
			want := 0
			if loc := m.re.FindStringIndex(s); loc != nil {
				want = loc[1]
			}
			if got := literalLen(s, 0, m.word, m.fold); got != want {
				t.Errorf("literalLen(%q, %q, %v) = %d, want %d", s, m.word, m.fold, got, want)
			}
		}
	})
}
