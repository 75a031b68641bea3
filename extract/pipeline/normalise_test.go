package pipeline

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normaliseBefore is appendNormalised as it was before it wrote the words in one
// pass: the reference it must equal.
func normaliseBefore(text string) string { return strings.Join(strings.Fields(text), " ") }

var normaliseTexts = []string{
	"",
	" ",
	"\n\t \r\v\f",
	"mot",
	"  deux\n\nmots  ",
	"La CNIL\u00a0a prononcé\u202fune amende de 1\u2009000\u00a0€.\r\nFin\u3000du\u2028texte\u0085ici\u1680là\u205f.",
	"\u200bpas\u200bune\u200bespace\ufeff",
	"octets invalides \xc2 \xc2\xa0 \xe2\x80 \xe2\x80\xaf\xe2 \xf0\xe2\x80\xaf \x80\xa0 fin\xc2",
	"Σίσυφος МОСКВА 東京都\u3000１２３",
	text1,
}

func TestNormaliseUnchanged(t *testing.T) {
	checkPrefixes(t, normaliseTexts, checkNormalise)
}

func FuzzNormalise(f *testing.F) {
	for _, text := range normaliseTexts {
		f.Add(text)
	}
	f.Fuzz(checkNormalise)
}

func checkNormalise(t *testing.T, text string) {
	if got, want := string(appendNormalised(nil, text)), normaliseBefore(text); got != want {
		t.Fatalf("appendNormalised(nil, %q) = %q; before, %q", text, got, want)
	}
}

func TestSpaceBytes(t *testing.T) {
	for r := range rune(unicode.MaxRune + 1) {
		want := byte(1)
		if r >= utf8.RuneSelf {
			want = spaceLead
		}
		if unicode.IsSpace(r) && spaceBytes[utf8.AppendRune(nil, r)[0]] != want {
			t.Errorf("%U is a space; spaceBytes of its first byte is not %d", r, want)
		}
	}
	for c := 0x80; c < 0xc0; c++ {
		if spaceBytes[c] != 0 {
			t.Errorf("%#x, a byte inside a rune, opens a space in spaceBytes", c)
		}
	}
}
