package extract

import (
	"regexp"
	"slices"
	"testing"
)

// TestAnchoredCut checks that every anchored regexp finds at each position
// of the fixtures what it finds on the rest of the text uncut.
func TestAnchoredCut(t *testing.T) {
	lx := testLexicon(t)
	res := map[string]anchored{
		"andName": lx.andName, "role": lx.role, "cueBefore": *lx.cueBefore.rest,
		"cueLower": *lx.cueLower.rest, "body": *lx.body.rest, "product": *lx.product.rest,
		"title":  *lx.title.rest,
		"reSeat": reSeat, "reColon": reColon, "reElided": reElided, "reDottedForm": reDottedForm,
		"reDottedTail": reDottedTail, "reNumbered": reNumbered, "reCourtSeat": reCourtSeat, "reNameAhead": reNameAhead,
		"reNumericDateAt": reNumericDateAt, "cueAfter": lx.cueAfter, "counselAfter": lx.counselAfter,
		"endOfText": anchor(regexp.MustCompile(`^(?:\pL+[ .]?)+(?:[^\pL]|$)`)),
	}
	texts := append(fixtureTexts(t), "M. Jean de L'Hermite, avocat, et la société Clearview AI S.A.S. (Nord) : 3 €.\nI. Faits",
		"le 12/07/2023, 2015.5.13, 12/08, 2015 et 13-5-15 ; 1.2.3.4 ; a12/07/2023 ; 12/07/20233")
	for name, a := range res {
		cut := 0
		for _, text := range texts {
			for i := range text {
				got, want := a.FindStringSubmatchIndex(text[i:]), a.Regexp.FindStringSubmatchIndex(text[i:])
				if !slices.Equal(got, want) {
					t.Fatalf("%s at %d: %v, uncut %v", name, i, got, want)
				}
				if len(a.cut(text[i:])) < len(text)-i {
					cut++
				}
			}
		}
		if cut == 0 && a.stop != nil {
			t.Errorf("%s: never cut", name)
		}
	}
}

// TestFindNumericDates checks findNumericDates against the regexp it speeds up.
func TestFindNumericDates(t *testing.T) {
	texts := append(fixtureTexts(t), "le 12/07/2023, 2015.5.13, 12/08, 2015 et 13-5-15 ; 1.2.3.4 ; a12/07/2023 ; é12/07/2023 ; 12/07/20233 ; 3/4/5/6")
	for _, text := range texts {
		got, want := findNumericDates(text), reNumericDate.FindAllStringSubmatchIndex(text, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q: %v, want %v", text[:min(len(text), 40)], got, want)
		}
	}
}
