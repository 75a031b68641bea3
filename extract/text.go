package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pieces of regular expressions shared by the extractors. French news text
// mixes typographic and ASCII punctuation, so every pattern goes through these.
const (
	// reApos matches an apostrophe: ASCII, typographic (U+2019) or modifier (U+02BC).
	reApos = `['’ʼ]`
	// reSpace matches one horizontal space, including the no-break spaces
	// U+00A0 and U+202F that French typography puts before « ; : ? ! » and in numbers.
	reSpace = `[ \t\x{00A0}\x{202F}\x{2009}]`
	// reDash matches a hyphen or a dash.
	reDash = `[-‐‑‒–—]`
)

// wordsPattern builds a case-insensitive alternation of lexicon words,
// longest first so that "mise en demeure" wins over "mise": an apostrophe in
// a word matches any apostrophe, a space any run of spaces. Go's \b knows
// only ASCII letters, so callers check word boundaries with atWordBoundary.
func wordsPattern(words []string) string {
	sorted := append([]string(nil), words...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	alts := make([]string, len(sorted))
	for i, w := range sorted {
		q := regexp.QuoteMeta(w)
		q = strings.NewReplacer("'", reApos, "’", reApos, " ", `\s+`).Replace(q)
		alts[i] = q
	}
	return `(?i:` + strings.Join(alts, "|") + `)`
}

// atWordBoundary reports whether text[start:end] is a whole word: no letter
// or digit touches it on either side.
func atWordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }
