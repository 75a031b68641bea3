package extract

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// An anchored is a regexp anchored at the start of its input (^) that reads
// no further than it can match: its input is cut at the first ASCII
// character that none of its instructions matches. No thread of the regexp
// can step over that character, and the regexp has no end-of-text assertion
// and sees no word character there, so the match is the same as on the whole
// input; but the regexp package runs its fastest engine only on short inputs,
// and the callers pass the rest of an article.
type anchored struct {
	*regexp.Regexp
	stop *[utf8.RuneSelf]bool // nil when the input cannot be cut, or no character stops it
}

// anchor returns re as an anchored; a regexp that is not anchored, or that
// asserts the end of its input, reads its whole input.
func anchor(re *regexp.Regexp) anchored {
	a := anchored{Regexp: re}
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return a
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return a
	}
	var stop [utf8.RuneSelf]bool
	for c := range stop {
		stop[c] = !isWordByte(byte(c))
	}
	for _, in := range prog.Inst {
		switch in.Op {
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&(syntax.EmptyEndText|syntax.EmptyEndLine) != 0 {
				return a
			}
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
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

// isWordByte reports whether b is a word character for \b.
func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_'
}

// cut returns the part of s that a can read.
func (a anchored) cut(s string) string {
	if a.stop == nil {
		return s
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf && a.stop[c] {
			return s[:i]
		}
	}
	return s
}

// FindStringIndex is regexp's, on what a can read of s.
func (a anchored) FindStringIndex(s string) []int { return a.Regexp.FindStringIndex(a.cut(s)) }

// FindStringSubmatchIndex is regexp's, on what a can read of s.
func (a anchored) FindStringSubmatchIndex(s string) []int {
	return a.Regexp.FindStringSubmatchIndex(a.cut(s))
}

// FindStringSubmatch is regexp's, on what a can read of s.
func (a anchored) FindStringSubmatch(s string) []string {
	return a.Regexp.FindStringSubmatch(a.cut(s))
}

// MatchString is regexp's, on what a can read of s.
func (a anchored) MatchString(s string) bool { return a.Regexp.MatchString(a.cut(s)) }
