package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLegalRefs checks the span invariants on any input: no panic, spans in
// bounds and on rune boundaries, text equal to the slice, sorted by Start,
// GDPR refs within the regulation's 99 articles.
func FuzzLegalRefs(f *testing.F) {
	for _, c := range legalRefsCases {
		f.Add(c.in)
	}
	f.Add("(RGPD, art. 5§, 1, c) et l'article 83 (4) (a) ; articles 15 à 22 ; art. 5(1)(")
	f.Add("article L. 34-5 du CPCE et ;article 82 de la loi « Informatique et Libertés »")
	f.Add("articles 1 à 9999 du RGPD, article 5.1.é), article\u00a0L.\u202f34‑5")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		gdpr, laws := LegalRefs(text)
		refStrings(t, text, gdpr, laws)
		for i, g := range gdpr {
			if g.Article < 1 || g.Article > gdprArticles {
				t.Fatalf("LegalRefs(%q): GDPR article %d", text, g.Article)
			}
			if i > 0 && g.Start < gdpr[i-1].Start {
				t.Fatalf("LegalRefs(%q): GDPR refs not sorted: %v", text, gdpr)
			}
		}
		for i, l := range laws {
			if l.Law == "" || l.Ref == "" || strings.ContainsAny(l.Ref, " .") {
				t.Fatalf("LegalRefs(%q): bad law ref %v", text, l)
			}
			if i > 0 && l.Start < laws[i-1].Start {
				t.Fatalf("LegalRefs(%q): law refs not sorted: %v", text, laws)
			}
		}
	})
}

// BenchmarkLegalRefs runs over the dev corpus's plain-text articles, or the
// test cases when the shared corpus is absent.
func BenchmarkLegalRefs(b *testing.B) {
	var texts []string
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "eval", "dev", "docs", "*.txt"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(data))
		}
	}
	if len(texts) == 0 {
		for _, c := range legalRefsCases {
			texts = append(texts, c.in)
		}
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			LegalRefs(t)
		}
	}
}
