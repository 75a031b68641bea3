package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// chrome blanks out the page chrome that dumps keep around an article:
// share bars and copyright lines (not_orgs.txt chrome), and breadcrumbs
// (« Accueil > Actualités > Droit du numérique »). Their names are the
// site's links and branding, not organisations the article speaks of.
func (f *finder) chrome() {
	cued := f.lx.cuedLines(f.text)
	for start, n := 0, 0; start < len(f.text); n++ {
		end := strings.IndexByte(f.text[start:], '\n')
		if end < 0 {
			end = len(f.text)
		} else {
			end += start
		}
		if line := f.text[start:end]; cued[n] || breadcrumb(line) {
			if from, ok := f.lx.chromeIn(line); ok {
				f.blank(start+from, end)
			}
		}
		start = end + 1
	}
}

// maxChromeLink is the length of a link in a bar of links: longer
// pieces are article text.
const maxChromeLink = 60

// chromeIn returns where the chrome of a line begins, if it holds any: a
// short line of links split by two « > » or « › » or more (a breadcrumb),
// or the piece holding a chrome cue and the short pieces after it that « | »
// splits off (« Partager sur LinkedIn | Twitter | Facebook »). A line that
// flattens a whole page keeps its text.
func (lx *Lexicon) chromeIn(line string) (int, bool) {
	if breadcrumb(line) {
		return 0, true
	}
	lower := strings.ToLower(line)
	for _, c := range lx.chrome.words {
		i := strings.Index(lower, c)
		if i < 0 {
			continue
		}
		from := strings.LastIndexByte(line[:i], '|') + 1
		rest := line[from:]
		for _, piece := range strings.Split(rest, "|") {
			if len(piece) > maxChromeLink+len(c) {
				return 0, false
			}
		}
		return from, true
	}
	return 0, false
}

// breadcrumb reports whether line is a short line of links split by two
// « > » or « › » or more.
func breadcrumb(line string) bool {
	return len(line) <= 4*maxChromeLink && strings.Count(line, " > ")+strings.Count(line, " › ") >= 2
}

// cuedLines returns the numbers of the lines of text, from 0, that hold a
// chrome cue once lowered (strings.ToLower). One pass reads the text, and
// the cues are tried only where the bytes there may lower to the first of
// one (see chromeCues): lowering maps each rune to one rune and only a
// newline to a newline, so a cue found there lies on the line of the rune
// it starts at.
func (lx *Lexicon) cuedLines(text string) map[int]bool {
	cued := map[int]bool{}
	line, found := 0, false // found: the line is cued
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n':
			line, found = line+1, false
		case found || !lx.chrome.starts[c]:
			// the line is cued already, or no cue opens here
		case lx.chrome.at(text, i):
			cued[line], found = true, true
		}
	}
	return cued
}

// chromeCues are the words that make a line page chrome, lowered, with
// the bytes that may open one of them: the first bytes of the runes that
// lower to the first rune of one, and the pairs of ASCII bytes that lower
// to its first two bytes (a cue of one ASCII byte opens with its byte and
// anything after it).
type chromeCues struct {
	words  []string
	starts [256]bool
	pairs  [utf8.RuneSelf][utf8.RuneSelf]bool
}

// add adds a lower-case cue.
func (cc *chromeCues) add(cue string) {
	first, _ := utf8.DecodeRuneInString(cue)
	if cue == "" {
		return
	}
	cc.words = append(cc.words, cue)
	// a rune that lowers to first is one of its cases
	for r := first; ; {
		if unicode.ToLower(r) == first {
			var b [utf8.UTFMax]byte
			utf8.EncodeRune(b[:], r)
			cc.starts[b[0]] = true
		}
		if r = unicode.SimpleFold(r); r == first {
			break
		}
	}
	if first >= utf8.RuneSelf {
		return
	}
	for a := range cc.pairs {
		for b := range cc.pairs[a] {
			if unicode.ToLower(rune(a)) == first && (len(cue) == 1 || unicode.ToLower(rune(b)) == rune(cue[1])) {
				cc.pairs[a][b] = true
			}
		}
	}
}

// at reports whether a cue opens at i of text once lowered.
func (cc *chromeCues) at(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf && i+1 < len(text) && text[i+1] < utf8.RuneSelf && !cc.pairs[c][text[i+1]] {
		return false
	}
	for _, w := range cc.words {
		if lowersTo(text[i:], w) {
			return true
		}
	}
	return false
}

// lowersTo reports whether s opens with runes that lower to those of
// prefix, an invalid byte of s lowering to U+FFFD as strings.ToLower writes
// it.
func lowersTo(s, prefix string) bool {
	j := 0
	for _, p := range prefix {
		if j >= len(s) {
			return false
		}
		r, w := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[j:])
		}
		if unicode.ToLower(r) != p {
			return false
		}
		j += w
	}
	return true
}
