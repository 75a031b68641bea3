package extract

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// chrome blanks out the page chrome that dumps keep around an article:
// share bars and copyright lines (not_orgs.txt chrome), and breadcrumbs
// (« Accueil > Actualités > Droit du numérique »). Their names are the
// site's links and branding, not organisations the article speaks of.
func (f *finder) chrome() {
	cued := f.lx.cuedLines(f.text)
	for start, n := 0, 0; start < len(f.text); n++ {
		isCued := len(cued) > 0 && cued[0] == n
		if isCued {
			cued = cued[1:]
		}
		end := strings.IndexByte(f.text[start:], '\n')
		if end < 0 {
			end = len(f.text)
		} else {
			end += start
		}
		if line := f.text[start:end]; isCued || breadcrumb(line) {
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
		// lowering maps rune to rune, but not byte to byte (« İ », an invalid byte)
		i = foldedLen(line, 0, lower[:i])
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

// cuedLines returns the numbers of the lines of text, from 0, in order,
// that hold a chrome cue once lowered (strings.ToLower). One pass feeds the
// text, lowered rune by rune, to the automaton of the cues (see
// chromeCues): lowering maps each rune to one rune and only a newline to a
// newline, and no cue holds one, so a cue found there lies on the line of
// the rune it ends at.
func (lx *Lexicon) cuedLines(text string) []int {
	cc := lx.chrome
	if len(cc.words) == 0 {
		return nil
	}
	var cued []int
	line, from := 0, 0 // the line of the bytes from from on
	s := 0             // the state of the automaton, times the length of a row
	for i := 0; i < len(text); {
		if s == 0 {
			if i = cc.skip(text, i); i == len(text) {
				break
			}
		}
		i, s = cc.step(text, i, s)
		if s >= int(cc.final) {
			line += strings.Count(text[from:i], "\n")
			cued = append(cued, line)
			// the rest of the line cannot change its answer
			k := strings.IndexByte(text[i:], '\n')
			if k < 0 {
				break
			}
			i, s, from = i+k, 0, i+k
		}
	}
	return cued
}

// skip returns where, from i, a cue may open: the automaton at its root
// stays there over a byte that, with the next, opens no cue (see opens);
// most bytes open no pair at all (see firsts). It is kept out of its
// caller, whose variables would crowd its loop out of the registers.
//
//go:noinline
func (cc *chromeCues) skip(text string, i int) int {
	opens, firsts := &cc.opens, &cc.firsts
	for ; i+1 < len(text); i++ {
		if !firsts[text[i]] {
			continue
		}
		pair := uint16(text[i])<<8 | uint16(text[i+1])
		if opens[pair/64]&(1<<(pair%64)) != 0 {
			return i
		}
	}
	return i
}

// step feeds the rune at i, lowered, to the automaton in state s and returns
// where the next rune starts and the state then.
func (cc *chromeCues) step(text string, i, s int) (int, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return i + 1, int(cc.next[s+int(cc.lowerClass[c])])
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	var buf [utf8.UTFMax]byte
	for _, b := range buf[:utf8.EncodeRune(buf[:], lowerRune(r))] {
		s = int(cc.next[s+int(cc.class[b])])
	}
	return i + w, s
}

// chromeCues are the words that make a line page chrome, lowered, and the
// automaton (Aho–Corasick's) that finds them all in one pass over the bytes
// of a lowered text: its states are the prefixes of the cues, each entered
// on the longest prefix that ends the bytes read so far; a state is final
// when one of the cues ends it. The bytes are read through their classes,
// one for each byte that the cues hold and one for every other, so that a
// state's row is short.
type chromeCues struct {
	words      []string // in the order of the table
	class      [256]uint8
	lowerClass [utf8.RuneSelf]uint8 // the class of an ASCII byte once lowered
	classes    int                  // the number of classes: the length of a row
	next       []uint16             // by state × classes + class: the next state × classes
	final      uint16               // the first final state × classes: the final ones come last
	opens      [1 << 16 / 64]uint64 // a bit for each pair of bytes, by their 16 bits, where a cue may open: see compile
	firsts     [256]bool            // whether a pair of opens opens with the byte
}

// add adds a lower-case cue.
func (cc *chromeCues) add(cue string) {
	if cue == "" {
		return
	}
	cc.words = append(cc.words, cue)
	cc.compile()
}

// compile builds the automaton of the cues.
func (cc *chromeCues) compile() {
	cc.class, cc.classes = [256]uint8{}, 1
	for _, w := range cc.words {
		for i := 0; i < len(w); i++ {
			if cc.class[w[i]] == 0 {
				cc.class[w[i]] = uint8(cc.classes)
				cc.classes++
			}
		}
	}
	for c := range cc.lowerClass {
		cc.lowerClass[c] = cc.class[lowerByte(byte(c))]
	}
	// the trie of the cues, then its failure links breadth first
	n := cc.classes
	goTo := [][]int{make([]int, n)} // -1: no child
	for k := range goTo[0] {
		goTo[0][k] = -1
	}
	final := []bool{false}
	for _, w := range cc.words {
		s := 0
		for i := 0; i < len(w); i++ {
			k := cc.class[w[i]]
			if goTo[s][k] < 0 {
				row := make([]int, n)
				for j := range row {
					row[j] = -1
				}
				goTo, final = append(goTo, row), append(final, false)
				goTo[s][k] = len(goTo) - 1
			}
			s = goTo[s][k]
		}
		final[s] = true
	}
	if len(goTo)*n >= 1<<16 {
		panic("extract: too many chrome cues") // a rules file of a thousand cues
	}
	fail := make([]int, len(goTo))
	next := make([]int, len(goTo)*n)
	queue := []int{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		final[s] = final[s] || final[fail[s]]
		for k := range n {
			t := goTo[s][k]
			switch {
			case t >= 0:
				if s > 0 {
					fail[t] = next[fail[s]*n+k]
				}
				queue = append(queue, t)
			case s == 0:
				t = 0
			default:
				t = next[fail[s]*n+k]
			}
			next[s*n+k] = t
		}
	}
	// number the states anew, the final ones last, the root first
	var order []int
	nonFinal := 0
	for _, last := range []bool{false, true} {
		for s, f := range final {
			if f == last {
				order = append(order, s)
			}
		}
		if !last {
			nonFinal = len(order)
		}
	}
	number := make([]int, len(order))
	for to, s := range order {
		number[s] = to
	}
	cc.next = make([]uint16, len(next))
	for to, s := range order {
		for k := range n {
			cc.next[to*n+k] = uint16(number[next[s*n+k]] * n)
		}
	}
	cc.final = uint16(nonFinal * n)
	cc.compileOpens()
}

// compileOpens sets the bits of the pairs of bytes where a cue may open,
// as the automaton at its root reads them: an ASCII byte that opens a cue
// once lowered, then one that may go on with it (see mayFollow); or a
// rune that is not ASCII whose lowered bytes may open one: read whole
// when its two bytes are the pair, else by the bytes its lowering may open
// with (see loweredLeads). A byte that continues a rune, skipped with its
// first, or an invalid one opens nothing: the automaton reads it as U+FFFD,
// which opens no cue; but for a cue that opens as U+FFFD does, every rune
// that is not ASCII is read whole.
func (cc *chromeCues) compileOpens() {
	cc.opens = [len(cc.opens)]uint64{}
	set := func(c, d int) {
		pair := c<<8 | d
		cc.opens[pair/64] |= 1 << (pair % 64)
	}
	leads := loweredLeads()
	for _, w := range cc.words {
		for _, c := range []byte{w[0], w[0] - 'a' + 'A'} {
			if c >= utf8.RuneSelf || lowerByte(c) != w[0] {
				continue
			}
			for d := range 256 {
				if len(w) == 1 || cc.mayFollow(w[1], byte(d), leads) {
					set(int(c), d)
				}
			}
		}
	}
	any := func(byte) bool { return true }
	invalid := cc.opensWith(0xef, any) // as U+FFFD opens
	var buf [utf8.UTFMax]byte
	for c := utf8.RuneSelf; c < 256; c++ {
		leadOpens := invalid // a byte that opens no rune is read as U+FFFD
		if leads[c] != nil {
			for b, may := range leads[c] {
				leadOpens = leadOpens || may && cc.opensWith(byte(b), any)
			}
		}
		for d := range 256 {
			opens := leadOpens
			if c >= 0xc2 && c <= 0xdf && d&0xc0 == 0x80 { // a rune of two bytes
				lowered := buf[:utf8.EncodeRune(buf[:], lowerRune(rune(c&0x1f)<<6|rune(d&0x3f)))]
				opens = invalid || cc.opensWith(lowered[0], func(second byte) bool { return len(lowered) == 1 || lowered[1] == second })
			}
			if opens {
				set(c, d)
			}
		}
	}
	for c := range cc.firsts {
		row := cc.opens[c<<8/64 : (c+1)<<8/64]
		cc.firsts[c] = row[0]|row[1]|row[2]|row[3] != 0
	}
}

// opensWith reports whether a cue opens with first, then a byte that
// second accepts, or is first alone.
func (cc *chromeCues) opensWith(first byte, second func(byte) bool) bool {
	for _, w := range cc.words {
		if w[0] == first && (len(w) == 1 || second(w[1])) {
			return true
		}
	}
	return false
}

// mayFollow reports whether the rune that opens with byte d may, lowered,
// open with the byte second.
func (cc *chromeCues) mayFollow(second, d byte, leads *[256]*[256]bool) bool {
	switch {
	case d < utf8.RuneSelf:
		return lowerByte(d) == second
	case leads[d] != nil:
		return leads[d][second]
	}
	return second == 0xef // an invalid byte, read as U+FFFD
}

// loweredLeads returns, for each byte that opens a rune that is not ASCII,
// the bytes that the runes it opens may open with once lowered, U+FFFD's
// too (a rune cut short): nil for the others. For the runes of four bytes,
// any byte.
var loweredLeads = sync.OnceValue(func() *[256]*[256]bool {
	var leads [256]*[256]bool
	var buf [utf8.UTFMax]byte
	for c := 0xc2; c <= 0xf4; c++ {
		leads[c] = &[256]bool{0xef: true}
	}
	for r := rune(0x80); r < 0x10000; r++ {
		n := utf8.EncodeRune(buf[:], r)
		first := buf[0]
		utf8.EncodeRune(buf[:], lowerRune(r))
		if n > 1 && utf8.ValidRune(r) {
			leads[first][buf[0]] = true
		}
	}
	for c := 0xf0; c <= 0xf4; c++ {
		for b := range leads[c] {
			leads[c][b] = true
		}
	}
	return &leads
})
