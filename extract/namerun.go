package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A nameRunMatcher reads a name as the regexp ^nameRun matches it
// (capitalised words joined by spaces, a particle or an elision; see
// NewLexicon), without a regexp: every part of the pattern is greedy and
// nothing follows it, so the regexp's match is the one that takes, at each
// step, the first choice that lets the step go on.
type nameRunMatcher struct {
	particles []string // in the order of their alternation: longest first
	elisions  []string
	opens     *[256]bool // the bytes a particle may open with (see literalLen)
}

// newNameRunMatcher returns the matcher of names joined by particles and elisions.
func newNameRunMatcher(particles, elisions []string) nameRunMatcher {
	byLength := func(words []string) []string {
		sorted := append([]string(nil), words...)
		sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
		return sorted
	}
	opens := &[256]bool{}
	for _, p := range particles {
		switch {
		case p == "": // matches nothing
		case p[0] == ' ':
			for _, c := range []byte(" \t\n\f\r") {
				opens[c] = true
			}
		case p[0] == '\'' || strings.HasPrefix(p, "’"):
			opens['\''], opens["’"[0]], opens["ʼ"[0]] = true, true, true
		default:
			opens[p[0]] = true
		}
	}
	return nameRunMatcher{byLength(particles), byLength(elisions), opens}
}

// match returns the bytes of the name that opens s, or -1.
func (m nameRunMatcher) match(s string) int {
	end := nameWordLen(s, 0)
	if end < 0 {
		return -1
	}
	for {
		spaces := hSpacesLen(s, end)
		if spaces == 0 {
			return end
		}
		next := m.joined(s, end+spaces)
		if next < 0 {
			return end
		}
		end = next
	}
}

// joined returns the end of the word that a particle and spaces, nothing,
// or an elision join at i, after the spaces that follow the previous word;
// or -1.
func (m nameRunMatcher) joined(s string, i int) int {
	for _, p := range m.particles {
		if i == len(s) || !m.opens[s[i]] { // no particle opens there, as at most words
			break
		}
		if e := literalLen(s, i, p, false); e > 0 {
			if sp := hSpacesLen(s, i+e); sp > 0 {
				if w := nameWordLen(s, i+e+sp); w >= 0 {
					return w
				}
			}
		}
	}
	if w := nameWordLen(s, i); w >= 0 {
		return w
	}
	for _, p := range m.elisions {
		if e := literalLen(s, i, p, false); e > 0 {
			if w := nameWordLen(s, i+e); w >= 0 {
				return w
			}
		}
	}
	return -1
}

// literalLen returns the bytes of s from i that a word of the lexicon
// matches as its alternation does (a space for a run of white space, an
// apostrophe for any apostrophe, else as written, or in any case if fold is
// set, as (?i:) reads it), or 0.
func literalLen(s string, i int, word string, fold bool) int {
	j := i
	for k := 0; k < len(word); {
		switch c := word[k]; {
		case c == ' ':
			n := 0
			for k < len(word) && word[k] == ' ' {
				n, k = n+1, k+1
			}
			end := regexpSpacesEnd(s, j)
			if end-j < n {
				return 0
			}
			j = end
		case c == '\'' || c == "’"[0] && strings.HasPrefix(word[k:], "’"):
			if c == '\'' {
				k++
			} else {
				k += len("’")
			}
			r, w := utf8.DecodeRuneInString(s[j:])
			if w == 0 || r != '\'' && r != '’' && r != 'ʼ' {
				return 0
			}
			j += w
		case !fold:
			if j >= len(s) || s[j] != c {
				return 0
			}
			j, k = j+1, k+1
		case c < utf8.RuneSelf && j < len(s) && s[j] < utf8.RuneSelf: // in any case, but for two bytes of ASCII
			if lowerByte(c) != lowerByte(s[j]) {
				return 0
			}
			j, k = j+1, k+1
		default:
			r, w := utf8.DecodeRuneInString(word[k:])
			t, v := utf8.DecodeRuneInString(s[j:])
			if v == 0 || r != t && leastCase(r) != leastCase(t) {
				return 0
			}
			j, k = j+v, k+w
		}
	}
	return j - i
}

// hSpacesLen returns the bytes of the horizontal spaces (reSpace) at i.
func hSpacesLen(s string, i int) int {
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !isHSpace(r) {
			break
		}
		j += w
	}
	return j - i
}

// nameWordLen returns where the word of a name (reNameWord) that opens at
// i ends, or -1: a capital, or one or two lower-case letters then a
// capital, then letters and numbers, then parts joined by a hyphen or by an
// apostrophe and a capital, then perhaps a plus sign.
func nameWordLen(s string, i int) int {
	r, w := utf8.DecodeRuneInString(s[i:])
	switch {
	case w == 0:
		return -1
	case unicode.IsUpper(r):
		i += w
	case unicode.IsLower(r):
		r2, w2 := utf8.DecodeRuneInString(s[i+w:])
		if unicode.IsLower(r2) {
			if r3, w3 := utf8.DecodeRuneInString(s[i+w+w2:]); unicode.IsUpper(r3) {
				i += w + w2 + w3
				break
			}
		}
		if !unicode.IsUpper(r2) {
			return -1
		}
		i += w + w2
	default:
		return -1
	}
	i = alnumEnd(s, i)
	for {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '-':
			if e := alnumEnd(s, i+w); e > i+w {
				i = e
				continue
			}
		case '\'', '’':
			if r2, w2 := utf8.DecodeRuneInString(s[i+w:]); unicode.IsUpper(r2) {
				i = alnumEnd(s, i+w+w2)
				continue
			}
		case '+': // « Canal+ »
			return i + w
		}
		return i
	}
}

// alnumEnd returns where the letters and numbers from i end.
func alnumEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiWord[c] == 0 {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return i
		}
		i += w
	}
	return i
}

// A nameAfter reads what follows a cue before a name as the regexp
// ^(?:reSpace+\p{Ll}[\p{Ll}-]{3,}){0,adjectives}reSpace+(nameRun) reads
// it, without the regexp. Spaces must follow an adjective, so it takes all
// the lower-case letters and hyphens it can; the regexp tries the most
// adjectives first, so its match reads every adjective there is, up to
// adjectives, then the name, or nothing: with fewer adjectives, the name
// would open with one, which has no capital in its first three letters,
// as a name needs.
type nameAfter struct {
	run        nameRunMatcher
	adjectives int
}

// read returns the bounds of the match at the start of s, then those of
// the name, as FindStringSubmatchIndex does; or nil.
func (na nameAfter) read(s string) []int {
	i := 0
	for range na.adjectives {
		e := adjectiveEnd(s, i)
		if e < 0 {
			break
		}
		i = e
	}
	spaces := hSpacesLen(s, i)
	if spaces == 0 {
		return nil
	}
	start := i + spaces
	n := na.run.match(s[start:])
	if n < 0 {
		return nil
	}
	return []int{0, start + n, start, start + n}
}

// adjectiveEnd returns where the spaces and the adjective at i end
// (reSpace+\p{Ll}[\p{Ll}-]{3,}, its word read whole), or -1.
func adjectiveEnd(s string, i int) int {
	spaces := hSpacesLen(s, i)
	if spaces == 0 {
		return -1
	}
	j := i + spaces
	r, w := utf8.DecodeRuneInString(s[j:])
	if !unicode.IsLower(r) {
		return -1
	}
	j += w
	letters := 1
	for {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLower(r) && r != '-' {
			break
		}
		j, letters = j+w, letters+1
	}
	if letters < 4 {
		return -1
	}
	return j
}
