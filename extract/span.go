package extract

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// A Span is a half-open range of byte offsets [Start, End) into an article's
// Text, as stored after normalisation (NFC, "\n" line ends).
//
// Invariant, checked by every extractor test and fuzz test: both ends fall on
// rune boundaries and Text[Start:End] is the fact's surface text. The JSON
// output converts byte offsets to code-point offsets once, at the edge
// (see Record.JSON).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Bounds returns the span itself; it lets generic helpers accept any fact.
func (s Span) Bounds() Span { return s }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Valid reports whether the span lies within text and on rune boundaries.
func (s Span) Valid(text string) bool {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return false
	}
	return boundary(text, s.Start) && boundary(text, s.End)
}

func boundary(text string, i int) bool {
	return i == 0 || i == len(text) || utf8.RuneStart(text[i])
}

// A Spanner is any fact that occupies a span of the text.
type Spanner interface{ Bounds() Span }

// ResolveOverlaps is the one place where competing matches of a family are
// settled: facts are sorted by (Start asc, End desc), identical spans keep the
// first fact, and a fact overlapping an earlier kept one is dropped, so the
// longest leftmost match wins.
func ResolveOverlaps[T Spanner](facts []T) []T {
	slices.SortStableFunc(facts, func(x, y T) int {
		a, b := x.Bounds(), y.Bounds()
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	out := facts[:0]
	lastEnd := -1
	for _, f := range facts {
		b := f.Bounds()
		if b.Start < lastEnd {
			continue
		}
		out = append(out, f)
		lastEnd = b.End
	}
	return out
}
