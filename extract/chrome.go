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
// the cues are tried only where the two bytes there may open one (see
// chromeCues): lowering maps each rune to one rune and only a newline to a
// newline, so a cue found there lies on the line of the rune it starts at.
func (lx *Lexicon) cuedLines(text string) map[int]bool {
	cued := map[int]bool{}
	line, found := 0, false // found: the line is cued
	for i := 0; i < len(text); i++ {
		c, next := text[i], byte(0)
		if i+1 < len(text) {
			next = text[i+1]
		}
		switch {
		case c == '\n':
			line, found = line+1, false
		case found || !lx.chrome.mayOpen(c, next):
			// the line is cued already, or no cue opens here
		case lx.chrome.at(text, i):
			cued[line], found = true, true
		}
	}
	return cued
}

// chromeCues are the words that make a line page chrome, lowered, also by
// the byte they open with, and the pairs of bytes that may open one: an ASCII
// byte that lowers to a cue's first byte, then one that lowers to its
// second or any byte that is not ASCII (or any byte for a cue of one
// byte); or the first byte of a rune other than ASCII that lowers to a
// cue's first rune, then any byte.
type chromeCues struct {
	words   []string                // in the order of the table
	byFirst [utf8.RuneSelf][]string // the cues that open with an ASCII byte
	others  []string                // the cues that open with another rune
	opens   [256][256 / 64]uint64   // a bit for each pair of bytes that may open one
}

// add adds a lower-case cue.
func (cc *chromeCues) add(cue string) {
	if cue == "" {
		return
	}
	cc.words = append(cc.words, cue)
	first, _ := utf8.DecodeRuneInString(cue)
	if first >= utf8.RuneSelf {
		cc.others = append(cc.others, cue)
	} else {
		cc.byFirst[first] = append(cc.byFirst[first], cue)
	}
	// a rune that lowers to first is one of its cases
	for r := first; ; {
		if unicode.ToLower(r) == first {
			var b [utf8.UTFMax]byte
			utf8.EncodeRune(b[:], r)
			for next := range 256 {
				if r >= utf8.RuneSelf || len(cue) == 1 || next >= utf8.RuneSelf || next == 0 || unicode.ToLower(rune(next)) == rune(cue[1]) {
					cc.opens[b[0]][next/64] |= 1 << (next % 64)
				}
			}
		}
		if r = unicode.SimpleFold(r); r == first {
			break
		}
	}
}

// mayOpen reports whether a cue may open with the bytes c and next (0 at
// the end of the text).
func (cc *chromeCues) mayOpen(c, next byte) bool { return cc.opens[c][next/64]&(1<<(next%64)) != 0 }

// at reports whether a cue opens at i of text once lowered.
func (cc *chromeCues) at(text string, i int) bool {
	cues := cc.others
	if c := text[i]; c < utf8.RuneSelf {
		cues = cc.byFirst[unicode.ToLower(rune(c))]
	}
	for _, w := range cues {
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
