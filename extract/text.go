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

// wordsPattern builds a case-insensitive alternation of lexicon words (see
// alternation). Go's \b knows only ASCII letters, so callers check word
// boundaries with wordStart and wordEnd.
func wordsPattern(words []string) string { return `(?i:` + alternation(words) + `)` }

// alternation joins lexicon words into a regexp alternation, longest first
// so that "mise en demeure" wins over "mise": an apostrophe in a word matches
// any apostrophe, a space any run of spaces.
func alternation(words []string) string {
	sorted := append([]string(nil), words...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	alts := make([]string, len(sorted))
	for i, w := range sorted {
		q := regexp.QuoteMeta(w)
		q = strings.NewReplacer("'", reApos, "’", reApos, " ", `\s+`).Replace(q)
		alts[i] = q
	}
	return strings.Join(alts, "|")
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// wordStart reports whether no letter or digit comes just before i.
func wordStart(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i == 0 || !(unicode.IsLetter(r) || unicode.IsDigit(r))
}

// wordEnd reports whether no letter or digit comes just after i.
func wordEnd(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i == len(text) || !(unicode.IsLetter(r) || unicode.IsDigit(r))
}

// A wordScan finds the matches of an anchored regexp (one starting with ^)
// that can only begin at the start of a word accepted by first. Trying the
// regexp at those words only is much faster than letting it scan every byte.
type wordScan struct {
	first func(word string) bool
	re    *regexp.Regexp
}

// findAll returns the submatch indexes of the non-overlapping matches in text.
func (s wordScan) findAll(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		var word string
		end := i
		if wordStart(text, i) {
			word, end = wordAt(text, i)
		}
		if word == "" {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		if s.first(word) {
			if m := s.re.FindStringSubmatchIndex(text[i:]); m != nil && m[1] > 0 {
				for k := range m {
					if m[k] >= 0 {
						m[k] += i
					}
				}
				out = append(out, m)
				i = m[1]
				continue
			}
		}
		i = end
	}
	return out
}

// firstWordIn returns a test for wordScan.first: whether a word, in any case,
// is the first word (its leading letters) of one of the phrases.
func firstWordIn(phrases []string) func(string) bool {
	set := map[string]bool{}
	for _, p := range phrases {
		if w, _ := wordAt(p, 0); w != "" {
			set[foldCaseAccents(w)] = true
		}
	}
	// an ASCII first letter that starts no phrase rules a word out before
	// it is folded
	var first [128]bool
	for w := range set {
		if w[0] < utf8.RuneSelf {
			first[w[0]] = true
		}
	}
	return func(w string) bool {
		if w == "" {
			return false
		}
		if c := w[0]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if !first[c] {
				return false
			}
		}
		return set[foldCaseAccents(w)]
	}
}
