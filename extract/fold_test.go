package extract

import (
	"strings"
	"testing"
	"unicode"
)

// foldRunesAsDocumented is foldRunes as its comment tells it: each rune
// lowered by unicode.ToLower and its accent taken off; with words, the runs
// of letters and digits joined by one space, as strings.FieldsFunc then
// strings.Join would.
func foldRunesAsDocumented(s string, words bool) string {
	var fields []string
	var field strings.Builder
	for _, r := range s {
		r = unicode.ToLower(r)
		if words && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if field.Len() > 0 {
				fields = append(fields, field.String())
				field.Reset()
			}
			continue
		}
		if a, ok := accents[r]; ok {
			field.WriteString(a)
		} else {
			field.WriteRune(r)
		}
	}
	if field.Len() > 0 {
		fields = append(fields, field.String())
	}
	return strings.Join(fields, " ")
}

// FuzzFoldRunes checks foldRunes, which reads ASCII bytes through a table,
// against what its comment tells.
func FuzzFoldRunes(f *testing.F) {
	for _, s := range []string{"L'Oréal S.A. — Œuvre_2 \u212Aelvin İstanbul", "a\xffb\xc3", " ÉCOLE  des Mines-ParisTech ", "_x_9", "", "--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, words := range []bool{false, true} {
			if got, want := foldRunes(s, words), foldRunesAsDocumented(s, words); got != want {
				t.Errorf("foldRunes(%q, %v) = %q, want %q", s, words, got, want)
			}
		}
	})
}
