package extract

import (
	"slices"
	"testing"
)

// TestAnchoredCut checks that every anchored regexp finds at each position
// of the fixtures what it finds on the rest of the text uncut.
func TestAnchoredCut(t *testing.T) {
	lx := testLexicon(t)
	x := Default()
	res := map[string]anchored{
		"run": lx.run, "andName": lx.andName, "role": lx.role, "cueBefore": lx.cueBefore.re,
		"cueLower": lx.cueLower.re, "body": lx.body.re, "product": lx.product.re, "back": lx.back.re,
		"title": lx.title.re, "trigger": x.injunctions.trigger.re, "kinds": x.sanctions.kinds.re,
		"reSeat": reSeat, "reColon": reColon, "reElided": reElided, "reDottedForm": reDottedForm,
		"reDottedTail": reDottedTail, "reNumbered": reNumbered, "reCourtSeat": reCourtSeat, "reNameAhead": reNameAhead,
	}
	texts := append(fixtureTexts(t), "M. Jean de L'Hermite, avocat, et la société Clearview AI S.A.S. (Nord) : 3 €.\nI. Faits")
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
