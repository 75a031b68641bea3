package extract

import "testing"

// TestGated checks that the gated regexps of the sanctions match on every
// stretch of the fixtures as they do ungated.
func TestGated(t *testing.T) {
	sr := Default().sanctions
	res := map[string]gated{
		"unsaid": sr.unsaid, "total": sr.total, "share": sr.share, "breakdown": sr.breakdown,
		"confirm": sr.confirm, "respectively": sr.respectively, "verb": sr.verb, "verbObject": sr.verbObject,
		"decided": sr.decided, "published": sr.published, "by": sr.by, "pronouncedTo": sr.pronouncedTo,
		"negation": sr.negation, "deadline": sr.deadline,
	}
	for name, g := range res {
		matched := 0
		for _, text := range fixtureTexts(t) {
			for i := 0; i < len(text); i += 7 {
				for _, n := range []int{20, 80, 300} {
					s := text[i:min(len(text), i+n)]
					if got, want := g.MatchString(s), g.Regexp.MatchString(s); got != want {
						t.Fatalf("%s on %q: %v, ungated %v", name, s, got, want)
					} else if got {
						matched++
					}
				}
			}
		}
		t.Logf("%s: %d matches", name, matched)
	}
}
