package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A gated is a regexp that cannot match unless one of its phrases (the
// words its alternation is built of) is in the text: it runs only when a
// phraseIndex finds one, which is far cheaper than the regexp failing.
type gated struct {
	anchored // the regexp, which reads only what it can match when anchored at its start
	need     *phraseIndex
}

// newGated returns re gated by phrases.
func newGated(re *regexp.Regexp, phrases []string) gated {
	return gated{anchor(re), newPhraseIndex(phrases)}
}

// MatchString is regexp's, false when no phrase is in s.
func (g gated) MatchString(s string) bool { return g.need.in(s) && g.anchored.MatchString(s) }

// A phraseAlternation tells whether one of its phrases is in a text as the
// regexp of their alternation, wordsPattern(phrases), would, with no
// regexp: it reads the phrases where its phraseIndex finds that one may
// open.
type phraseAlternation struct {
	need    *phraseIndex
	phrases []scanPhrase
}

// newPhraseAlternation returns the phraseAlternation of words.
func newPhraseAlternation(words []string) phraseAlternation {
	return phraseAlternation{newPhraseIndex(words), lexiconPhrases(words, true, 0)}
}

// MatchString reports whether one of the phrases is in s.
func (a phraseAlternation) MatchString(s string) bool {
	for i := a.need.opens.next(s, 0); i < len(s); i = a.need.opens.next(s, i+1) {
		if !a.need.opensAt(s, i) {
			continue
		}
		for _, p := range a.phrases {
			if literalLen(s, i, p.word, p.fold) > 0 {
				return true
			}
		}
	}
	return false
}

// A suffixGated is a regexp that ends with an alternation of phrases and
// spaces (reSpace*$): it cannot match unless one of the phrases ends its
// text but for those spaces, which a suffixIndex tells far cheaper. When
// need is set, one of its phrases must also be in the text.
type suffixGated struct {
	*regexp.Regexp
	ends *suffixIndex
	need *phraseIndex
}

// MatchString is regexp's, false when no phrase ends s or none of need is in it.
func (g suffixGated) MatchString(s string) bool {
	return g.ends.endsAt(s, len(strings.TrimRightFunc(s, isHSpace))) && (g.need == nil || g.need.in(s)) && g.Regexp.MatchString(s)
}

// An endedPhrases is the regexp (?:phrases)\s*$ of wordsPattern's phrases:
// one of them ends the text but for the spaces \s reads. Its suffixIndex
// reads the phrases as that alternation does (a space for a run of \s, an
// apostrophe for any, a letter in any case), so it tells the match with no
// regexp.
type endedPhrases struct{ ends *suffixIndex }

// newEndedPhrases returns the endedPhrases of phrases.
func newEndedPhrases(phrases []string) endedPhrases { return endedPhrases{newSuffixIndex(phrases)} }

// MatchString reports whether one of the phrases ends s but for spaces.
func (p endedPhrases) MatchString(s string) bool {
	return p.ends.endsAt(s, len(strings.TrimRight(s, " \t\n\f\r")))
}

// A boundedWords is the regexp of phrases standing as words,
// (?:^|[^\p{L}])(?:phrases)(?:[^\p{L}]|$), whose phrases all open with a
// letter. Its matches start where a phrase opens, or one character before:
// FindAll reads the phrases there only, in the order of their alternation,
// as literalLen reads them, instead of running the regexp over the whole
// text.
type boundedWords struct {
	*regexp.Regexp
	phrases *phraseIndex
	alts    []scanPhrase // the phrases in the order of their alternation
}

// newBoundedWords returns the boundedWords of phrases; if a phrase does not
// open with a letter, FindAll runs the regexp over the whole text.
func newBoundedWords(phrases []string) boundedWords {
	re := regexp.MustCompile(`(?:^|[^\p{L}])` + wordsPattern(phrases) + `(?:[^\p{L}]|$)`)
	for _, p := range phrases {
		if r, _ := utf8.DecodeRuneInString(p); !unicode.IsLetter(r) {
			return boundedWords{Regexp: re}
		}
	}
	return boundedWords{re, newPhraseIndex(phrases), lexiconPhrases(phrases, true, 0)}
}

// MatchString is regexp's.
func (b boundedWords) MatchString(s string) bool { return len(b.FindAllStringIndex(s, 1)) > 0 }

// FindAllStringIndex is regexp's.
func (b boundedWords) FindAllStringIndex(s string, n int) [][]int {
	if b.phrases == nil {
		return b.Regexp.FindAllStringIndex(s, n)
	}
	var out [][]int
	next := 0 // where the last match ended
	for o := b.phrases.opens.next(s, 0); o < len(s) && len(out) != n; o = b.phrases.opens.next(s, o+1) {
		p := o
		if o > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:o])
			if unicode.IsLetter(r) {
				continue // no match can start here
			}
			p = o - w
		}
		if p < next || !b.phrases.opensAt(s, o) {
			continue
		}
		if end := b.endAt(s, o); end >= 0 {
			out = append(out, []int{p, end})
			next = end
		}
	}
	return out
}

// endAt returns where the match whose phrase opens at o ends, or -1: the
// alternation takes the first phrase that reads from o and that no letter
// follows, and the match the character after it, if any.
func (b boundedWords) endAt(s string, o int) int {
	for _, p := range b.alts {
		n := literalLen(s, o, p.word, p.fold)
		if n == 0 {
			continue
		}
		if o+n == len(s) {
			return o + n
		}
		if r, w := utf8.DecodeRuneInString(s[o+n:]); !unicode.IsLetter(r) {
			return o + n + w
		}
	}
	return -1
}

// A phraseLed is the regexp (?:^|[^\p{L}])(?:phrases)rest, or
// (?:phrases)rest when it is not bounded: its matches open where one of its
// phrases does (after no letter, when bounded). It tries its anchored form,
// ^(?:phrases)rest, at those places only, instead of trying the regexp at
// every byte of the text.
type phraseLed struct {
	re      anchored
	phrase  *phraseIndex
	bounded bool
	ends    *suffixIndex // the words that end every match but for spaces, nil when none do
}

// newPhraseLed returns the bounded phraseLed of phrases and rest.
func newPhraseLed(phrases []string, rest string) phraseLed {
	return phraseLed{re: anchor(regexp.MustCompile(`^` + wordsPattern(phrases) + rest)), phrase: newPhraseIndex(phrases), bounded: true}
}

// newEndedPhraseLed returns the bounded phraseLed of phrases, rest, then
// one of ends in any case and spaces to the end of the text,
// rest(?i:ends)reSpace*$. It looks for one of ends at the end of a text
// before it looks for the phrases.
func newEndedPhraseLed(phrases []string, rest string, ends []string) phraseLed {
	quoted := make([]string, len(ends))
	for i, e := range ends {
		quoted[i] = regexp.QuoteMeta(e)
	}
	p := newPhraseLed(phrases, rest+`(?i:`+strings.Join(quoted, "|")+`)`+reSpace+`*$`)
	p.ends = newSuffixIndex(ends)
	return p
}

// newPhraseFirst returns the phraseLed of phrases and rest that is not bounded.
func newPhraseFirst(phrases []string, rest string) phraseLed {
	p := newPhraseLed(phrases, rest)
	p.bounded = false
	return p
}

// MatchString reports whether p's regexp matches s.
func (p phraseLed) MatchString(s string) bool {
	_, end := p.find(s)
	return end >= 0
}

// FindStringIndex is regexp's FindStringIndex of p's regexp.
func (p phraseLed) FindStringIndex(s string) []int {
	if start, end := p.find(s); end >= 0 {
		return []int{start, end}
	}
	return nil
}

// FindAllStringIndex is regexp's FindAllStringIndex of p's regexp, which
// matches no empty text.
func (p phraseLed) FindAllStringIndex(s string, n int) [][]int {
	var out [][]int
	for from := 0; len(out) != n; {
		start, end := p.findFrom(s, from)
		if end < 0 {
			break
		}
		out = append(out, []int{start, end})
		from = end
	}
	return out
}

// find returns the bounds of the leftmost match in s, or -1, -1.
func (p phraseLed) find(s string) (int, int) { return p.findFrom(s, 0) }

// findFrom returns the bounds of the leftmost match in s that starts at
// from or after, or -1, -1: the first place where a phrase opens and the
// anchored form matches.
func (p phraseLed) findFrom(s string, from int) (int, int) {
	if p.ends != nil && !p.ends.endsAt(s, len(strings.TrimRightFunc(s, isHSpace))) {
		return -1, -1 // no match ends s
	}
	for i := p.phrase.opens.next(s, from); i < len(s); i = p.phrase.opens.next(s, i+1) {
		if !p.phrase.opensAt(s, i) || p.bounded && letterBefore(s, i) {
			continue
		}
		start := i
		if p.bounded && i > 0 {
			_, w := utf8.DecodeLastRuneInString(s[:i])
			start -= w // the character before, which [^\p{L}] reads
		}
		if start < from {
			continue
		}
		if m := p.re.FindStringIndex(s[i:]); m != nil {
			return start, i + m[1]
		}
	}
	return -1, -1
}

// A spaceLed is the regexp (?:^|\s)rest, whose matches open at the start of
// the text or at a space, with rest after it. It tries ^rest, anchored, at
// the start and after each space only, where the regexp package would try
// the whole regexp at every character; its submatches are rest's.
type spaceLed struct {
	*regexp.Regexp          // (?:^|\s)rest
	rest           anchored // ^rest
}

// newSpaceLed returns the spaceLed of rest. It panics if rest asserts what
// comes before it, which ^rest, tried after the space, could not tell.
func newSpaceLed(rest string) spaceLed {
	if looksBehind(`^` + rest) {
		panic(fmt.Sprintf("%q asserts what comes before it", rest))
	}
	return spaceLed{regexp.MustCompile(`(?:^|\s)` + rest), anchor(regexp.MustCompile(`^` + rest))}
}

// FindStringSubmatchIndex is regexp's.
func (r spaceLed) FindStringSubmatchIndex(s string) []int {
	for p := -1; p < len(s); p++ { // -1 stands for the start of s, which ^ matches
		if p >= 0 && !isRegexpSpace(s[p]) {
			continue
		}
		if m := r.rest.FindStringSubmatchIndex(s[p+1:]); m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] += p + 1
				}
			}
			m[0] = max(p, 0)
			return m
		}
	}
	return nil
}

// FindStringSubmatch is regexp's.
func (r spaceLed) FindStringSubmatch(s string) []string {
	m := r.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for k := range out {
		if m[2*k] >= 0 {
			out[k] = s[m[2*k]:m[2*k+1]]
		}
	}
	return out
}

// MatchString is regexp's.
func (r spaceLed) MatchString(s string) bool { return r.FindStringSubmatchIndex(s) != nil }
