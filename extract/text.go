package extract

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
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
	if i > 0 && text[i-1] < utf8.RuneSelf {
		return asciiWord[text[i-1]] == 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i == 0 || !(unicode.IsLetter(r) || unicode.IsDigit(r))
}

// wordEnd reports whether no letter or digit comes just after i.
func wordEnd(text string, i int) bool {
	if i < len(text) && text[i] < utf8.RuneSelf {
		return asciiWord[text[i]] == 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i == len(text) || !(unicode.IsLetter(r) || unicode.IsDigit(r))
}

// A wordScan finds the matches of the regexp ^(?:phrases)rest, whose phrases
// are words of a lexicon in an alternation (see alternation), at the places
// where one of them may open (see openers): trying it at those places only
// is much faster than letting it scan every byte. It reads the phrases
// itself, in their order, and runs the regexp of the rest after each one
// that matches until the rest matches too, which is the match the whole
// regexp makes; the alternation of a large lexicon would make the regexp
// package run its slowest engine.
type wordScan struct {
	first   openers
	phrases []scanPhrase
	groups  int       // the submatches of the phrases
	rest    *anchored // ^rest, whose submatches follow the phrases'; nil when nothing follows them
	// read, when set, reads rest without the regexp: what
	// rest.FindStringSubmatchIndex returns
	read func(s string) []int
}

// A scanPhrase is one alternative of a wordScan's phrases.
type scanPhrase struct {
	word  string
	fold  bool // matched in any case, as (?i:) reads it, else as written
	group int  // the submatch that holds it, 0 for none
}

// lexiconPhrases returns words as the alternatives of their alternation,
// longest first, in any case if fold is set, each in submatch group (0 for
// none).
func lexiconPhrases(words []string, fold bool, group int) []scanPhrase {
	out := make([]scanPhrase, len(words))
	for i, w := range words {
		out[i] = scanPhrase{w, fold, group}
	}
	slices.SortStableFunc(out, func(a, b scanPhrase) int { return len(b.word) - len(a.word) })
	return out
}

// phraseScan returns the wordScan of phrases with nothing after them.
func phraseScan(phrases []scanPhrase) wordScan {
	s := wordScan{phrases: phrases}
	words := make([]string, len(phrases))
	for i, p := range phrases {
		words[i] = p.word
		s.groups = max(s.groups, p.group)
	}
	s.first = firstWordIn(words)
	return s
}

// newWordScan returns the wordScan of phrases, then the regexp rest. It
// returns an error if rest does not compile, or asserts something of what
// comes before it, which it reads apart from the phrase.
func newWordScan(phrases []scanPhrase, rest string) (wordScan, error) {
	s := phraseScan(phrases)
	re, err := compileAnchored(`^(?:` + rest + `)`)
	if err != nil {
		return s, err
	}
	if looksBehind(re.String()) {
		return s, fmt.Errorf("%q asserts what comes before it", rest)
	}
	s.rest = &re
	return s, nil
}

// looksBehind reports whether expr, a regexp that compiles, asserts
// anything but the start of its input before it reads a character: a
// line's start or a word boundary.
func looksBehind(expr string) bool {
	parsed, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return true
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return true
	}
	seen := map[uint32]bool{}
	var behind func(pc uint32) bool
	behind = func(pc uint32) bool {
		if seen[pc] {
			return false
		}
		seen[pc] = true
		switch in := prog.Inst[pc]; in.Op {
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&^(syntax.EmptyBeginText|syntax.EmptyEndText|syntax.EmptyEndLine) != 0 {
				return true
			}
			return behind(in.Out)
		case syntax.InstAlt, syntax.InstAltMatch:
			return behind(in.Out) || behind(in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			return behind(in.Out)
		}
		return false
	}
	return behind(uint32(prog.Start))
}

// match returns the submatch indexes of the match at i of text, or nil.
// Only the phrases that the index finds opening at i are read.
func (s wordScan) match(text string, i int) []int {
	var buf [8]int
	for _, id := range s.first.phrases.openingAt(text, i, buf[:0]) {
		p := s.phrases[id]
		n := literalLen(text, i, p.word, p.fold)
		if n == 0 {
			continue
		}
		var rest []int
		switch {
		case s.read != nil:
			if rest = s.read(text[i+n:]); rest == nil {
				continue
			}
		case s.rest != nil:
			if rest = s.rest.FindStringSubmatchIndex(text[i+n:]); rest == nil {
				continue
			}
		}
		m := make([]int, 2*(1+s.groups)+max(0, len(rest)-2))
		for k := range m {
			m[k] = -1
		}
		m[0], m[1] = i, i+n
		if p.group > 0 {
			m[2*p.group], m[2*p.group+1] = i, i+n
		}
		if rest != nil {
			m[1] = i + n + rest[1]
			for k, r := range rest[2:] {
				if r >= 0 {
					m[2*(1+s.groups)+k] = i + n + r
				}
			}
		}
		return m
	}
	return nil
}

// find returns the submatch indexes of the non-overlapping matches in text,
// split into toks.
func (s wordScan) find(text string, toks []token) [][]int {
	var out [][]int
	next := 0 // where the last match ended
	for _, t := range toks {
		if t.start < next || !s.first.phrases.opens.at(text, t.start) {
			continue
		}
		folded := t.folded
		if !lettersOnly(folded) {
			word, end := wordAt(text, t.start)
			if word == "" {
				continue
			}
			if end != t.end { // digits end the token
				folded = foldCaseAccents(word)
			}
		}
		if !s.first.shapes.may(folded) || !s.first.words.get(folded) {
			continue
		}
		if m := s.match(text, t.start); m != nil && m[1] > t.start {
			out = append(out, m)
			next = m[1]
		}
	}
	return out
}

// openers tells a wordScan where its regexp may match: where one of its
// phrases opens (see phraseIndex) and the word there, folded, is the first
// word of a phrase. Both are needed for a match, so the regexp is tried only
// where they hold.
type openers struct {
	phrases *phraseIndex
	words   wordMap[bool]
	shapes  *wordShapes // the shapes of words
}

// firstWordIn returns the openers of a wordScan whose regexp starts with an
// alternation of phrases.
func firstWordIn(phrases []string) openers {
	o := openers{phrases: newPhraseIndex(phrases), shapes: &wordShapes{}}
	words := map[string]bool{}
	for _, p := range phrases {
		if w, _ := wordAt(p, 0); w != "" {
			k := foldCaseAccents(w)
			words[k] = true
			o.shapes.add(k)
		}
	}
	o.words = newWordMap(words)
	return o
}

// A phraseIndex finds where phrases open as a regexp alternation of them
// reads them (see alternation): letters in any case, an apostrophe for any
// apostrophe, a space for any run of spaces. A regexp that needs one of the
// phrases cannot match where none opens, which makes it a cheap prefilter.
// The phrases are kept in a trie of their letters, each under the least
// letter of its cases.
type phraseIndex struct {
	opens *bytePairs // the first two bytes of the texts where a phrase may open
	root  phraseNode
}

// A bytePairs is a set of pairs of bytes, a bit for each, with the bytes
// that open them, which rule out most bytes of a text at one look.
type bytePairs struct {
	seconds [256][256 / 64]uint64 // by first byte, a bit for each second byte
	first   [256]bool             // whether a pair opens with the byte
}

// add adds the pair a, b.
func (p *bytePairs) add(a, b byte) {
	p.seconds[a][b/64] |= 1 << (b % 64)
	p.first[a] = true
}

// addAny adds the pairs of a and any byte.
func (p *bytePairs) addAny(a byte) {
	p.seconds[a] = [256 / 64]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	p.first[a] = true
}

// addAll adds the pairs of q.
func (p *bytePairs) addAll(q *bytePairs) {
	for a := range p.seconds {
		for k := range p.seconds[a] {
			p.seconds[a][k] |= q.seconds[a][k]
		}
		p.first[a] = p.first[a] || q.first[a]
	}
}

// at reports whether the byte at i of s and the one after it (0 after the
// last) are a pair of the set.
func (p *bytePairs) at(s string, i int) bool {
	b := byte(0)
	if i+1 < len(s) {
		b = s[i+1]
	}
	return p.seconds[s[i]][b/64]&(1<<(b%64)) != 0
}

// next returns the first index of s from i on where a pair of the set is,
// or len(s).
func (p *bytePairs) next(s string, i int) int {
	for ; i < len(s); i++ {
		if p.first[s[i]] && p.at(s, i) {
			return i
		}
	}
	return len(s)
}

// A phraseNode is a node of a trie of phrases' keys (see phraseKey). Its
// children are few but for the root's, so a list finds them faster than a
// map would.
type phraseNode struct {
	keys []rune        // the keys of the children
	next []*phraseNode // the children, in the order of keys
	end  bool          // a phrase ends here
	ids  []int         // the phrases that end here, by their order in the index
}

// child returns the child of n under k, or nil.
func (n *phraseNode) child(k rune) *phraseNode {
	for i, c := range n.keys {
		if c == k {
			return n.next[i]
		}
	}
	return nil
}

// insert adds the keys of phrase id under n.
func (n *phraseNode) insert(keys []rune, id int) {
	for _, k := range keys {
		c := n.child(k)
		if c == nil {
			c = &phraseNode{}
			n.keys = append(n.keys, k)
			n.next = append(n.next, c)
		}
		n = c
	}
	n.end = true
	n.ids = append(n.ids, id)
}

// newPhraseIndex indexes phrases.
func newPhraseIndex(phrases []string) *phraseIndex {
	x := &phraseIndex{opens: &bytePairs{}}
	for id, p := range phrases {
		keys := phraseKeys(p)
		if len(keys) == 0 {
			continue
		}
		var second []byte // the bytes that may follow a first byte; nil for any
		if len(keys) > 1 && keys[0] != ' ' {
			second = keyBytes(keys[1])
		}
		for _, a := range keyBytes(keys[0]) {
			for b := range 256 {
				// after the first byte of a rune that is not ASCII come
				// its others
				if second == nil || a >= utf8.RuneSelf || slices.Contains(second, byte(b)) {
					x.opens.add(a, byte(b))
				}
			}
		}
		x.root.insert(keys, id)
	}
	return x
}

// keyBytes returns the first bytes of the runes that textKey reads as the
// key k.
func keyBytes(k rune) []byte {
	switch k {
	case ' ':
		return []byte(" \t\n\f\r")
	case '\'':
		return []byte{'\'', "’"[0], "ʼ"[0]}
	case utf8.RuneError: // an invalid byte too
		var out []byte
		for b := utf8.RuneSelf; b < 256; b++ {
			out = append(out, byte(b))
		}
		return out
	}
	var out []byte
	for c := k; ; {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], c)
		out = append(out, b[0])
		if c = unicode.SimpleFold(c); c == k {
			return out
		}
	}
}

// phraseKeys returns the keys of a phrase's runes: a space for a space (one
// for a run of them, which only widens the filter), an apostrophe for any
// apostrophe (even ʼ, which a regexp takes only as written), else the least
// of its cases.
func phraseKeys(p string) []rune {
	var keys []rune
	for _, r := range p {
		k := leastCase(r)
		switch r {
		case ' ':
			if len(keys) > 0 && keys[len(keys)-1] == ' ' {
				continue
			}
		case '\'', '’', 'ʼ':
			k = '\''
		}
		keys = append(keys, k)
	}
	return keys
}

// leastCase returns the least rune of r's cases (K for k, K and the Kelvin sign).
func leastCase(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	}
	if uint32(r) < uint32(len(latinLeastCases)) {
		return latinLeastCases[r]
	}
	return leastFold(r)
}

// latinLeastCases is leastCase as a table of the runes of Latin-1 and Latin
// Extended-A and B, which French text holds, to spare a search of the case
// tables for each of them.
var latinLeastCases = func() (t [0x250]rune) {
	for r := range t {
		t[r] = leastFold(rune(r))
	}
	return t
}()

// leastFold is leastCase, reading the orbit of r's cases.
func leastFold(r rune) rune {
	k := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		k = min(k, f)
	}
	return k
}

// textKey returns the key of the text at j and the bytes it takes: a run of
// spaces, an apostrophe or a letter. An ASCII byte that is neither a space
// nor an apostrophe, as most are, is its own key at one look.
func textKey(text string, j int) (rune, int) {
	if c := text[j]; c < utf8.RuneSelf && asciiKeys[c] != 0 {
		return rune(asciiKeys[c]), 1
	}
	return textKeyRune(text, j)
}

// asciiKeys is the key of each ASCII byte (see leastCase), 0 for a space,
// an apostrophe and NUL, whose keys textKeyRune reads.
var asciiKeys = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		if !isRegexpSpace(byte(c)) && c != '\'' {
			t[c] = byte(leastCase(rune(c)))
		}
	}
	return t
}()

// textKeyRune is textKey for a space, an apostrophe or a rune past ASCII.
func textKeyRune(text string, j int) (rune, int) {
	if isRegexpSpace(text[j]) {
		return ' ', regexpSpacesEnd(text, j) - j
	}
	c, w := utf8.DecodeRuneInString(text[j:])
	if c == '\'' || c == '’' || c == 'ʼ' {
		return '\'', w
	}
	return leastCase(c), w
}

// textKeyBefore is textKey for what ends at j.
func textKeyBefore(text string, j int) (rune, int) {
	if isRegexpSpace(text[j-1]) {
		w := 1
		for j-w > 0 && isRegexpSpace(text[j-w-1]) {
			w++
		}
		return ' ', w
	}
	c, w := utf8.DecodeLastRuneInString(text[:j])
	if c == '\'' || c == '’' || c == 'ʼ' {
		return '\'', w
	}
	return leastCase(c), w
}

// opensAt reports whether one of the phrases opens at i.
func (x *phraseIndex) opensAt(text string, i int) bool {
	if !x.opens.at(text, i) {
		return false
	}
	n := &x.root
	for j := i; j < len(text) && !n.end; {
		k, w := textKey(text, j)
		if n = n.child(k); n == nil {
			return false
		}
		j += w
	}
	return n.end
}

// opensAtWord reports whether one of the phrases opens at the start of one
// of toks, the words of text.
func (x *phraseIndex) opensAtWord(text string, toks []token) bool {
	for _, t := range toks {
		if x.opens.at(text, t.start) && x.opensAt(text, t.start) { // the first test inlined: most words fail it
			return true
		}
	}
	return false
}

// openingAt appends to ids the phrases that open at i, by their order in
// the index, and returns them.
func (x *phraseIndex) openingAt(text string, i int, ids []int) []int {
	if !x.opens.at(text, i) {
		return ids
	}
	from := len(ids)
	n := &x.root
	for j := i; j < len(text); {
		k, w := textKey(text, j)
		if n = n.child(k); n == nil {
			break
		}
		ids = append(ids, n.ids...)
		j += w
	}
	if len(ids)-from > 1 { // at most one phrase opens at most places
		slices.Sort(ids[from:])
	}
	return ids
}

// longestAt returns where the longest of the phrases that open at i ends,
// and where reading them stopped (the end of the longest phrase that shares
// the text's letters from i, complete or not); or -1 and i.
func (x *phraseIndex) longestAt(text string, i int) (end, read int) {
	end, read = -1, i
	if !x.opens.at(text, i) {
		return end, read
	}
	n := &x.root
	for j := i; j < len(text); {
		k, w := textKey(text, j)
		if n = n.child(k); n == nil {
			break
		}
		j += w
		read = j
		if n.end {
			end = j
		}
	}
	return end, read
}

// in reports whether one of the phrases opens anywhere in text.
func (x *phraseIndex) in(text string) bool {
	for i := x.opens.next(text, 0); i < len(text); i = x.opens.next(text, i+1) {
		if x.opensAt(text, i) {
			return true
		}
	}
	return false
}

// A suffixIndex finds whether one of its phrases ends a text, read as a
// phraseIndex reads them; its trie holds their keys from the last.
type suffixIndex struct{ root phraseNode }

// newSuffixIndex indexes phrases.
func newSuffixIndex(phrases []string) *suffixIndex {
	x := &suffixIndex{}
	for id, p := range phrases {
		keys := phraseKeys(p)
		slices.Reverse(keys)
		x.root.insert(keys, id)
	}
	return x
}

// endsAt reports whether one of the phrases ends at e.
func (x *suffixIndex) endsAt(text string, e int) bool {
	n := &x.root
	for j := e; j > 0 && !n.end; {
		k, w := textKeyBefore(text, j)
		if n = n.child(k); n == nil {
			return false
		}
		j -= w
	}
	return n.end
}

// isRegexpSpace reports whether b is a space for regexp's \s.
func isRegexpSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// regexpSpacesEnd returns where the run of bytes that \s matches from i in s
// ends (i when none does).
func regexpSpacesEnd(s string, i int) int {
	for i < len(s) && isRegexpSpace(s[i]) {
		i++
	}
	return i
}

// hasLowerWord reports whether w is one of the words of text written in
// lower case: a lower-case letter, then lower-case letters, numbers and
// hyphens, as the regexp \p{Ll}[\p{Ll}\p{N}-]* finds them from the start.
func hasLowerWord(text, w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(first) || strings.IndexFunc(w, func(r rune) bool { return !inLowerWord(r) }) >= 0 {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if r, _ := utf8.DecodeRuneInString(text[end:]); (end == len(text) || !inLowerWord(r)) && !inLowerWordBefore(text, start) {
			return true
		}
		i = start + 1
	}
}

// inLowerWord reports whether r may continue a word in lower case.
func inLowerWord(r rune) bool { return unicode.IsLower(r) || unicode.IsNumber(r) || r == '-' }

// inLowerWordBefore reports whether a word in lower case that starts before
// i runs on to it: a lower-case letter comes before i with only numbers,
// hyphens and lower-case letters between.
func inLowerWordBefore(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLower(r) {
			return true
		}
		if !inLowerWord(r) {
			return false
		}
		i -= n
	}
	return false
}

// wordSpans returns the spans of the runs of letters and numbers of s, as
// the regexp [\p{L}\p{N}]+ finds them.
func wordSpans(s string) [][]int {
	var out [][]int
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, []int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, []int{start, len(s)})
	}
	return out
}
