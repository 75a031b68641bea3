package extract

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An anchored is a regexp anchored at the start of its input (^) that reads
// no further than it can match: its input is cut after the first ASCII
// character that only its last instructions match (those after which it has
// matched, with no assertion between), or after the longest match it can
// make. A thread can step over that character only to end its match there,
// and every assertion before it sees the same bytes as in the whole input;
// nor can a thread go past its longest match, and one more byte keeps every
// assertion as it was. So the match is the same as on the whole input; but
// the regexp package runs its fastest engine only on short inputs, and the
// callers pass the rest of an article.
type anchored struct {
	*regexp.Regexp
	stop   *[utf8.RuneSelf]bool // nil when no character stops the input
	maxLen int                  // bytes of the longest match; -1 when unbounded
	solid  int                  // characters of the longest match but for the runs of spaces it may read; -1 when unbounded
	need   byte                 // an ASCII byte that every match holds; 0 for none
	opens  *bytePairs           // the first two bytes a match may open with; nil when it may be empty
}

// anchor returns re as an anchored; a regexp that is not anchored reads its
// whole input.
func anchor(re *regexp.Regexp) anchored {
	a := anchored{Regexp: re, maxLen: -1, solid: -1}
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return a
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return a
	}
	if a.maxLen = maxRunes(parsed, false); a.maxLen > 0 {
		a.maxLen *= utf8.UTFMax
	}
	a.solid = maxRunes(parsed, true)
	a.need = neededByte(parsed)
	a.opens = openingPairs(prog)
	var stop [utf8.RuneSelf]bool
	for c := range stop {
		stop[c] = true
	}
	for _, in := range prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			if matchesNext(prog, in.Out) {
				continue // a last instruction: the match ends after its character
			}
			for c := range stop {
				if stop[c] && in.MatchRune(rune(c)) {
					stop[c] = false
				}
			}
		}
	}
	for _, s := range stop {
		if s {
			a.stop = &stop
			break
		}
	}
	return a
}

// compileAnchored compiles expr as an anchored.
func compileAnchored(expr string) (anchored, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return anchored{}, err
	}
	return anchor(re), nil
}

// maxRunes returns the characters of the longest text re can match, or -1
// when that is unbounded; with spaceRuns, but for the runs of spaces that
// its repetitions of spaces read (see isRunSpace).
func maxRunes(re *syntax.Regexp, spaceRuns bool) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpStar, syntax.OpPlus:
		if spaceRuns && spacesOnly(re.Sub[0]) {
			return 0
		}
		return -1
	case syntax.OpCapture, syntax.OpQuest:
		return maxRunes(re.Sub[0], spaceRuns)
	case syntax.OpRepeat:
		n := maxRunes(re.Sub[0], spaceRuns)
		if spaceRuns && re.Max < 0 && spacesOnly(re.Sub[0]) {
			return 0
		}
		if re.Max < 0 || n < 0 {
			return -1
		}
		return re.Max * n
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxRunes(sub, spaceRuns)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return 0 // an empty match or an assertion
}

// spacesOnly reports whether re matches one space of isRunSpace and
// nothing else.
func spacesOnly(re *syntax.Regexp) bool {
	if re.Op != syntax.OpCharClass {
		return false
	}
	for k := 0; k+1 < len(re.Rune); k += 2 {
		if re.Rune[k+1]-re.Rune[k] > 8 {
			return false
		}
		for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
			if !isRunSpace(r) {
				return false
			}
		}
	}
	return true
}

// isRunSpace reports whether r is a space that a run of spaces of the
// patterns may hold: \s, or one of reSpace.
func isRunSpace(r rune) bool {
	return r < utf8.RuneSelf && isRegexpSpace(byte(r)) || isHSpace(r)
}

// matchesNext reports whether the program matches as soon as it reaches pc:
// only captures and no-ops lie between pc and its match instruction.
func matchesNext(prog *syntax.Prog, pc uint32) bool {
	for {
		switch in := prog.Inst[pc]; in.Op {
		case syntax.InstMatch:
			return true
		case syntax.InstCapture, syntax.InstNop:
			pc = in.Out
		default:
			return false
		}
	}
}

// neededByte returns an ASCII byte that every match of re holds, written
// in one case only, from the literals its concatenations need; or 0.
func neededByte(re *syntax.Regexp) byte {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r < utf8.RuneSelf && (re.Flags&syntax.FoldCase == 0 || unicode.SimpleFold(r) == r) {
				return byte(r)
			}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return neededByte(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return neededByte(re.Sub[0])
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if b := neededByte(sub); b != 0 {
				return b
			}
		}
	}
	return 0
}

// openingPairs returns the pairs of bytes that a program's matches may open
// with (the second 0 where the text ends after the first), or nil when it
// may match reading nothing. It follows every path from the start to the
// instructions that read a character, then from each of those to the next
// ones, taking assertions as met; a character outside ASCII, or matched in
// any case, may open with any byte from 0x80 (an invalid byte reads as
// U+FFFD), and any byte may follow a byte from 0x80.
func openingPairs(prog *syntax.Prog) *bytePairs {
	firsts, _, ok := readers(prog, uint32(prog.Start))
	if !ok {
		return nil
	}
	pairs := &bytePairs{}
	for _, in := range firsts {
		var first, second [256]bool
		if !runeBytes(in, &first) {
			return nil
		}
		next, _, anySecond := readers(prog, in.Out)
		anySecond = !anySecond
		for _, n := range next {
			anySecond = anySecond || !runeBytes(n, &second)
		}
		for a, opens := range first {
			switch {
			case !opens:
			case a >= utf8.RuneSelf || anySecond:
				pairs.addAny(byte(a))
			default:
				for b, follows := range second {
					if follows {
						pairs.add(byte(a), byte(b))
					}
				}
			}
		}
	}
	return pairs
}

// readers returns the instructions that read the next character from pc
// on, following alternations, captures, no-ops and assertions (taken as
// met), and the assertions met on the way; false when the program may match
// there, or read any character.
func readers(prog *syntax.Prog, pc uint32) ([]*syntax.Inst, syntax.EmptyOp, bool) {
	var out []*syntax.Inst
	var asserts syntax.EmptyOp
	bounded := true
	seen := make([]bool, len(prog.Inst))
	for todo := []uint32{pc}; len(todo) > 0; {
		pc := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		switch in := &prog.Inst[pc]; in.Op {
		case syntax.InstMatch, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			bounded = false
		case syntax.InstAlt, syntax.InstAltMatch:
			todo = append(todo, in.Out, in.Arg)
		case syntax.InstEmptyWidth:
			asserts |= syntax.EmptyOp(in.Arg)
			todo = append(todo, in.Out)
		case syntax.InstCapture, syntax.InstNop:
			todo = append(todo, in.Out)
		case syntax.InstRune, syntax.InstRune1:
			out = append(out, in)
		}
	}
	return out, asserts, bounded
}

// runeBytes adds to set the bytes that the character in reads may open
// with; false when they are too many to go through.
func runeBytes(in *syntax.Inst, set *[256]bool) bool {
	high := func() {
		for c := utf8.RuneSelf; c < len(set); c++ {
			set[c] = true
		}
	}
	ranges := in.Rune
	if len(ranges) == 1 {
		ranges = []rune{ranges[0], ranges[0]}
	}
	fold := in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0
	for k := 0; k+1 < len(ranges); k += 2 {
		lo, hi := ranges[k], ranges[k+1]
		if hi >= utf8.RuneSelf {
			high()
		}
		if fold && hi-lo > 0xffff {
			return false
		}
		// the ASCII characters, and with any case every one for its ASCII cases (K for the Kelvin sign)
		for r := lo; r <= hi && (r < utf8.RuneSelf || fold); r++ {
			if r < utf8.RuneSelf {
				set[r] = true
			}
			for f := unicode.SimpleFold(r); fold && f != r; f = unicode.SimpleFold(f) {
				if f < utf8.RuneSelf {
					set[f] = true
				} else {
					high()
				}
			}
		}
	}
	return true
}

// isWordByte reports whether b is a word character for \b.
func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_'
}

// cut returns the part of s that a can read.
func (a anchored) cut(s string) string {
	if a.maxLen >= 0 && len(s) > a.maxLen+1 {
		s = s[:a.maxLen+1]
	}
	if a.solid >= 0 && a.maxLen < 0 {
		s = a.cutSolid(s)
	}
	if a.stop == nil {
		return s
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf && a.stop[c] {
			return s[:i+1]
		}
	}
	return s
}

// cutSolid returns s up to the character that would make a read more than
// a.solid characters that are not spaces, that character included, so that
// an assertion after the match sees what it sees in s.
func (a anchored) cutSolid(s string) string {
	n := 0 // the characters read but for spaces
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if !isRunSpace(r) {
			if n++; n > a.solid {
				return s[:i+w]
			}
		}
		i += w
	}
	return s
}

// read returns what a can read of s, and false when it lacks the byte
// every match holds or opens with a byte no match does.
func (a anchored) read(s string) (string, bool) {
	if a.opens != nil && (s == "" || !a.opens.at(s, 0)) {
		return s, false // no match opens with that
	}
	s = a.cut(s)
	return s, a.need == 0 || strings.IndexByte(s, a.need) >= 0
}

// FindStringIndex is regexp's, on what a can read of s.
func (a anchored) FindStringIndex(s string) []int {
	if s, ok := a.read(s); ok {
		return a.Regexp.FindStringIndex(s)
	}
	return nil
}

// FindStringSubmatchIndex is regexp's, on what a can read of s.
func (a anchored) FindStringSubmatchIndex(s string) []int {
	if s, ok := a.read(s); ok {
		return a.Regexp.FindStringSubmatchIndex(s)
	}
	return nil
}

// FindStringSubmatch is regexp's, on what a can read of s.
func (a anchored) FindStringSubmatch(s string) []string {
	if s, ok := a.read(s); ok {
		return a.Regexp.FindStringSubmatch(s)
	}
	return nil
}

// MatchString is regexp's, on what a can read of s.
func (a anchored) MatchString(s string) bool {
	s, ok := a.read(s)
	return ok && a.Regexp.MatchString(s)
}

// A searched is an unanchored regexp that finds its leftmost match by
// trying its anchored form (see anchored) at each character of its input
// where a match may open, which rejects most of them by their first two
// bytes: the regexp package tries every character, and its backtracker
// clears a bit per instruction and byte of the whole input at each call.
// A leftmost-first match is the anchored form's match at the first
// character where it has one, with the same submatches.
type searched struct {
	*regexp.Regexp
	at *anchored // ^(?:expr); nil when the regexp runs itself (see search)
}

// search returns re as a searched. The regexp runs itself if it asserts
// anything of what comes before a match (^, \b, \B) before it reads a
// character, which the anchored form, reading from where it is tried, could
// not tell, or if it may match reading nothing.
func search(re *regexp.Regexp) searched {
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return searched{Regexp: re}
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return searched{Regexp: re}
	}
	if _, asserts, _ := readers(prog, uint32(prog.Start)); asserts&^(syntax.EmptyEndText|syntax.EmptyEndLine) != 0 {
		return searched{Regexp: re}
	}
	at := anchor(regexp.MustCompile(`^(?:` + re.String() + `)`))
	if at.opens == nil {
		return searched{Regexp: re}
	}
	return searched{re, &at}
}

// find returns the submatch indexes of the leftmost match of r.at's
// regexp in s from byte from on, or nil.
func (r searched) find(s string, from int) []int {
	if r.at.need != 0 && strings.IndexByte(s[from:], r.at.need) < 0 {
		return nil
	}
	for p := from; p < len(s); {
		if r.at.opens.at(s, p) {
			if m := r.at.FindStringSubmatchIndex(s[p:]); m != nil {
				for k := range m {
					if m[k] >= 0 {
						m[k] += p
					}
				}
				return m
			}
		}
		if s[p] < utf8.RuneSelf {
			p++
		} else {
			_, w := utf8.DecodeRuneInString(s[p:])
			p += w // the regexp package steps over characters
		}
	}
	return nil
}

// MatchString is regexp's.
func (r searched) MatchString(s string) bool {
	if r.at == nil {
		return r.Regexp.MatchString(s)
	}
	return r.find(s, 0) != nil
}

// FindStringIndex is regexp's.
func (r searched) FindStringIndex(s string) []int {
	if r.at == nil {
		return r.Regexp.FindStringIndex(s)
	}
	if m := r.find(s, 0); m != nil {
		return m[:2]
	}
	return nil
}

// FindAllStringSubmatchIndex is regexp's.
func (r searched) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if r.at == nil {
		return r.Regexp.FindAllStringSubmatchIndex(s, n)
	}
	var out [][]int
	for from := 0; len(out) != n; {
		m := r.find(s, from)
		if m == nil {
			break
		}
		out = append(out, m)
		from = m[1] // not an empty match: the anchored form reads a character
	}
	return out
}
