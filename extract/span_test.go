package extract

import (
	"testing"
)

// assertSpans checks the span invariant of every fact: within text, on rune
// boundaries, and text[start:end] equal to the fact's surface.
func assertSpans[T any](tb testing.TB, text string, facts []T, get func(T) (Span, string)) {
	tb.Helper()
	for _, f := range facts {
		s, surface := get(f)
		if !s.Valid(text) {
			tb.Fatalf("span %v of %q is not valid in a text of %d bytes", s, surface, len(text))
		}
		if text[s.Start:s.End] != surface {
			tb.Fatalf("text[%d:%d] = %q, fact says %q", s.Start, s.End, text[s.Start:s.End], surface)
		}
	}
}

func TestResolveOverlaps(t *testing.T) {
	in := []Span{{10, 20}, {0, 5}, {12, 30}, {0, 8}, {10, 20}, {20, 25}}
	got := ResolveOverlaps(in)
	want := []Span{{0, 8}, {10, 20}, {20, 25}}
	if len(got) != len(want) {
		t.Fatalf("ResolveOverlaps = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ResolveOverlaps = %v, want %v", got, want)
		}
	}
}

func TestSpanValid(t *testing.T) {
	text := "é1"
	for _, c := range []struct {
		s    Span
		want bool
	}{{Span{0, 2}, true}, {Span{1, 2}, false}, {Span{0, 4}, false}, {Span{2, 1}, false}, {Span{3, 3}, true}} {
		if got := c.s.Valid(text); got != c.want {
			t.Errorf("%v.Valid(%q) = %v, want %v", c.s, text, got, c.want)
		}
	}
}
