package source

import (
	"strings"
	"testing"
	"unicode"
)

// quickDetectBefore is quickDetect as it was before it counted without
// allocating: the reference it must equal.
func quickDetectBefore(s string) (lang string, confidence float64, ok bool) {
	hits := map[string]int{}
	words := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if len(w) > 1 && strings.ToUpper(w) == w {
			continue
		}
		if l, found := quickWords[strings.ToLower(w)]; found {
			hits[quickLanguages[l]]++
		}
	}
	if words < quickMinWords {
		return "", 0, false
	}
	best, second := "", 0
	for l, n := range hits {
		switch {
		case best == "" || n > hits[best]:
			second = max(second, hits[best])
			best = l
		default:
			second = max(second, n)
		}
	}
	if best == "" || hits[best] < quickMinHits || hits[best] < quickMargin*second {
		return "", 0, false
	}
	return best, 1, true
}

func TestQuickDetectUnchanged(t *testing.T) {
	for name, text := range quickTexts(t) {
		checkQuickDetect(t, name, sample(text, maxSampleBytes))
		checkQuickDetect(t, name+" (whole)", text)
	}
}

func FuzzQuickDetect(f *testing.F) {
	f.Add(strings.Repeat("Les données de la société et l'amende de la CNIL. ", 20))
	f.Add(strings.Repeat("The data of the company and the fine of the ICO. ", 20))
	f.Add(strings.Repeat("LES DONNÉES İstanbul ǅemal Straße ΣΊΣΥΦΟΣ \xff les dans une ", 12))
	f.Fuzz(func(t *testing.T, s string) { checkQuickDetect(t, "fuzz", s) })
}

func checkQuickDetect(t *testing.T, name, s string) {
	t.Helper()
	lang, conf, ok := quickDetect(s)
	wantLang, wantConf, wantOK := quickDetectBefore(s)
	if lang != wantLang || conf != wantConf || ok != wantOK {
		t.Errorf("%s: quickDetect = %q, %v, %v; before, %q, %v, %v", name, lang, conf, ok, wantLang, wantConf, wantOK)
	}
}

func TestQuickWords(t *testing.T) {
	if len(functionWords) != len(quickLanguages) {
		t.Errorf("functionWords has %d languages, quickLanguages %d", len(functionWords), len(quickLanguages))
	}
	for _, lang := range quickLanguages {
		if functionWords[lang] == "" {
			t.Errorf("no function words for %s, a language of quickLanguages", lang)
		}
	}
	for w := range quickWords {
		if len(w) > quickWordMax {
			t.Errorf("%q is longer than quickWordMax, %d bytes", w, quickWordMax)
		}
	}
}
