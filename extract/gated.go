package extract

import (
	"regexp"
	"strings"
)

// A gated is a regexp that cannot match unless one of its phrases (the
// words its alternation is built of) is in the text: it runs only when a
// phraseIndex finds one, which is far cheaper than the regexp failing.
type gated struct {
	*regexp.Regexp
	need *phraseIndex
}

// MatchString is regexp's, false when no phrase is in s.
func (g gated) MatchString(s string) bool { return g.need.in(s) && g.Regexp.MatchString(s) }

// FindStringIndex is regexp's, nil when no phrase is in s.
func (g gated) FindStringIndex(s string) []int {
	if !g.need.in(s) {
		return nil
	}
	return g.Regexp.FindStringIndex(s)
}

// FindStringSubmatchIndex is regexp's, nil when no phrase is in s.
func (g gated) FindStringSubmatchIndex(s string) []int {
	if !g.need.in(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatchIndex(s)
}

// FindAllStringIndex is regexp's, nil when no phrase is in s.
func (g gated) FindAllStringIndex(s string, n int) [][]int {
	if !g.need.in(s) {
		return nil
	}
	return g.Regexp.FindAllStringIndex(s, n)
}

// A suffixGated is a regexp that ends with an alternation of phrases and
// spaces (reSpace*$): it cannot match unless one of the phrases ends its
// text but for those spaces, which a suffixIndex tells far cheaper.
type suffixGated struct {
	*regexp.Regexp
	ends *suffixIndex
}

// MatchString is regexp's, false when no phrase ends s.
func (g suffixGated) MatchString(s string) bool {
	return g.ends.endsAt(s, len(strings.TrimRightFunc(s, isHSpace))) && g.Regexp.MatchString(s)
}
