package extract

// The fold functions: the forms under which the extractors compare words,
// each named for what it folds. Matching a lexicon against a text folds both
// the same way.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldCaseSpacesApostrophesAt folds up to n bytes of text from i with
// foldCaseSpacesApostrophes; a byte length in the result is converted back
// into bytes of text by foldedLen.
func foldCaseSpacesApostrophesAt(text string, i, n int) string {
	end := min(len(text), i+n)
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return foldCaseSpacesApostrophes(text[i:end])
}

// foldCaseSpacesApostrophes lowers the case of s, writes every horizontal
// space as a plain space and every apostrophe as an ASCII one, and keeps
// accents: each rune of the result maps to one rune of s, so offsets carry
// over. Cue words of amounts are matched in this form.
func foldCaseSpacesApostrophes(s string) string {
	i := 0 // the bytes of s that fold to themselves: lower-case ASCII but tabs
	for i < len(s) && s[i] < utf8.RuneSelf && s[i] != '\t' && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var stack [64]byte // most windows that cues are read in: one allocation, the string's
	b := append(stack[:0], s[:i]...)
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case c == '\t':
				c = ' '
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case isHSpace(r):
			r = ' '
		case r == '’' || r == 'ʼ':
			r = '\''
		default:
			r = lowerRune(r)
		}
		b = utf8.AppendRune(b, r)
		i += w
	}
	return string(b)
}

// foldedLen converts the length of a prefix of
// foldCaseSpacesApostrophesAt(text, i, …), counted in runes, back into
// bytes of text.
func foldedLen(text string, i int, folded string) int {
	j := i
	for range utf8.RuneCountInString(folded) {
		_, n := utf8.DecodeRuneInString(text[j:])
		j += n
	}
	return j
}

// foldedPrefixLen returns the bytes of folded, a fold of some text by
// foldCaseSpacesApostrophes, that fold its prefix prefix: one rune for each
// of prefix's (an invalid byte counting as one).
func foldedPrefixLen(folded, prefix string) int {
	j := 0
	for range utf8.RuneCountInString(prefix) {
		_, n := utf8.DecodeRuneInString(folded[j:])
		j += n
	}
	return j
}

// foldedTail returns the tail of s whose folding is form (same rune count).
func foldedTail(s, form string) string {
	n := utf8.RuneCountInString(form)
	j := len(s)
	for ; n > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(s[:j])
		j -= w
	}
	return s[j:]
}

// accents maps accented Latin letters, in lower case, to their base letters.
var accents = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ã': "a", 'å': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ì': "i",
	'ô': "o", 'ö': "o", 'ó': "o", 'ò': "o", 'õ': "o", 'ø': "o",
	'ù': "u", 'û': "u", 'ü': "u", 'ú': "u",
	'ç': "c", 'ñ': "n", 'ÿ': "y", 'œ': "oe", 'æ': "ae", 'ß': "ss",
}

// foldCaseAccents lowers the case of a word and takes its accents off; a
// word that is already lower-case ASCII, as most words of a text are, is
// returned as it is.
func foldCaseAccents(w string) string {
	upper := false
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			return foldRunes(w, false)
		} else if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if upper { // ASCII only: no accent to fold
		return strings.ToLower(w)
	}
	return w
}

// foldCaseAccentsPunctuation is the key under which names are compared: lower case, without
// accents, every run of other characters than letters and digits one space.
func foldCaseAccentsPunctuation(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ') {
			return foldRunes(s, true)
		}
	}
	return s // already folded
}

// lookupFolded returns m[foldCaseAccentsPunctuation(s)], folding s into a
// buffer on the stack that the lookup reads without making it a string.
func lookupFolded[V any](m map[string]V, s string) V {
	var buf [128]byte // a name of 32 bytes at least: a rune folds to at most 4
	return m[string(appendFoldRunes(buf[:0], s, true))]
}

// foldRunes lowers the case of s and takes its accents off, rune by rune, as
// strings.ToLower then replacing the accents would (an invalid byte becomes
// U+FFFD); with words set, it also writes every run of other characters than
// letters and digits as one space between words, as strings.FieldsFunc then
// strings.Join would.
func foldRunes(s string, words bool) string {
	return string(appendFoldRunes(make([]byte, 0, len(s)+4), s, words))
}

// appendFoldRunes appends foldRunes(s, words) to b.
func appendFoldRunes(b []byte, s string, words bool) []byte {
	gap := false
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf { // most runes, whose class a table tells
			i++
			c := asciiWord[r]
			if c == 'A' {
				r += 'a' - 'A'
			}
			if words && c == 0 {
				gap = len(b) > 0
				continue
			}
		} else {
			var w int
			r, w = utf8.DecodeRuneInString(s[i:])
			i += w
			r = lowerRune(r)
			if words && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				gap = len(b) > 0
				continue
			}
		}
		if gap {
			b = append(b, ' ')
			gap = false
		}
		switch {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case int(r) < len(latinAccents) && latinAccents[r] != "":
			b = append(b, latinAccents[r]...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// latinLower is unicode.ToLower as a table of the runes of Latin-1 and
// Latin Extended-A, which French text holds, to spare a search of the
// case tables for each of them.
var latinLower = func() (t [0x180]rune) {
	for r := range t {
		t[r] = unicode.ToLower(rune(r))
	}
	return t
}()

// lowerRune is unicode.ToLower, from latinLower for the runes it holds.
func lowerRune(r rune) rune {
	if 0 <= r && int(r) < len(latinLower) {
		return latinLower[r]
	}
	return unicode.ToLower(r)
}

// latinAccents is accents as a table indexed by rune.
var latinAccents = func() (t [0x180]string) {
	for r, a := range accents {
		t[r] = a
	}
	return t
}()

// maxLexiconWord bounds the length in bytes of a word of the lexicons: a
// longer word is not looked up (nor lower-cased).
const maxLexiconWord = 16

// lowerShortWord lowers the case of a word for the lexicons; it allocates only for a short
// word with capitals or accents.
func lowerShortWord(w string) string {
	if len(w) > maxLexiconWord {
		return ""
	}
	if lowerASCII(w) {
		return w // most words
	}
	return strings.ToLower(w)
}

// lowerASCII reports whether w is ASCII with no capital.
func lowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// inLexicon reports whether wm holds lowerShortWord(w), with no allocation
// for a word of the lexicons: the word is lowered into a buffer on the
// stack, and a short string of it stays there.
func inLexicon[V any](wm wordMap[V], w string) bool {
	if len(w) > maxLexiconWord {
		w = ""
	} else if !lowerASCII(w) {
		var buf [4 * maxLexiconWord]byte // a rune lowers to at most 4 bytes
		b := buf[:0]
		for _, r := range w {
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				b = append(b, byte(r))
			} else {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
		}
		w = string(b)
	}
	_, ok := wm.lookup(w)
	return ok
}
