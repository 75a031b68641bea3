package extract

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// appendFoldRunesByRange is appendFoldRunes as it was first written: rune by
// rune, every rune through unicode's tables.
func appendFoldRunesByRange(b []byte, s string, words bool) []byte {
	gap := false
	for _, r := range s {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= utf8.RuneSelf {
			r = lowerRune(r)
		}
		if words && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			gap = len(b) > 0
			continue
		}
		if gap {
			b = append(b, ' ')
			gap = false
		}
		switch {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case int(r) < len(latinAccents) && latinAccents[r] != "":
			b = append(b, latinAccents[r]...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// FuzzAppendFoldRunes checks appendFoldRunes, which reads ASCII bytes
// through a table, against the fold of every rune.
func FuzzAppendFoldRunes(f *testing.F) {
	for _, s := range []string{"L'Oréal S.A. — Œuvre_2 \u212Aelvin İstanbul", "a\xffb\xc3", " ÉCOLE  des Mines-ParisTech ", "_x_9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, words := range []bool{false, true} {
			if got, want := string(appendFoldRunes(nil, s, words)), string(appendFoldRunesByRange(nil, s, words)); got != want {
				t.Errorf("appendFoldRunes(%q, %v) = %q, want %q", s, words, got, want)
			}
		}
	})
}
