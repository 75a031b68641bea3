package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSentences marks each sentence of a text; every family splits with
// these functions, so they must agree with what a reader sees.
func TestSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string // the sentences, in order
	}{
		{"Le texte est cité. RGPD et sécurité vont de pair.", []string{"Le texte est cité.", "RGPD et sécurité vont de pair."}},
		{"M. Dupont a vu l'art. 5 du code. L. 34-5 est cité.", []string{"M. Dupont a vu l'art. 5 du code.", "L. 34-5 est cité."}},
		{"Une amende de 1,5 million. « Trop », dit-elle ! Et alors ? Rien…", []string{"Une amende de 1,5 million.", "« Trop », dit-elle !", "Et alors ?", "Rien…"}},
		{"publié en 2023.Le tribunal | Commentaires\nLigne deux", []string{"publié en 2023.", "Le tribunal |", "Commentaires\n", "Ligne deux"}},
		{"la décision du 5 févr. 2024 est lue.", []string{"la décision du 5 févr. 2024 est lue."}},
	} {
		var got []string
		for i := 0; i < len(c.in); {
			start, end := sentenceStart(c.in, i), sentenceEnd(c.in, i)
			if start > i {
				t.Fatalf("sentenceStart(%q, %d) = %d, after the byte", c.in, i, start)
			}
			got = append(got, c.in[start:end])
			i = skipWhitespace(c.in, end)
		}
		if len(got) != len(c.want) {
			t.Errorf("sentences of %q = %q, want %q", c.in, got, c.want)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("sentences of %q = %q, want %q", c.in, got, c.want)
				break
			}
		}
	}
}

func TestClauseStart(t *testing.T) {
	text := "En 2023, la CNIL a infligé une amende de 1,5 million (soit le plafond) à X."
	for _, c := range []struct{ at, want string }{
		{"la CNIL", "la CNIL"}, {"1,5", "la CNIL"}, {"le plafond", "soit"}, {"En", "En"},
	} {
		i := indexOf(t, text, c.at)
		if got := clauseStart(text, 0, i); got != skipBack(text, indexOf(t, text, c.want)) {
			t.Errorf("clauseStart(%q) = %q…, want the clause starting at %q", c.at, text[got:], c.want)
		}
	}
}

func TestOpensSentence(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"Fin. Carrefour a été sanctionnée.", "Carrefour", true},
		{"Selon la CNIL, Carrefour a été sanctionnée.", "Carrefour", false},
		{"Sanctions : Carrefour a été sanctionnée.", "Carrefour", true},
		{"• Carrefour, 3 millions", "Carrefour", true},
		{"(« Carrefour »)", "Carrefour", true},
		{"données anonymesLa société", "La", true},
		{"M. Dupont a parlé.", "Dupont", false},
	} {
		if got := opensSentence(c.text, indexOf(t, c.text, c.word)); got != c.want {
			t.Errorf("opensSentence(%q, %q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}

func indexOf(t *testing.T, text, s string) int {
	t.Helper()
	for i := 0; i+len(s) <= len(text); i++ {
		if text[i:i+len(s)] == s {
			return i
		}
	}
	t.Fatalf("%q not in %q", s, text)
	return -1
}

// skipBack returns the start of the spaces that end at i.
func skipBack(text string, i int) int {
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	return i
}

// TestBreakBytes checks that a sentence ends only after one of breakBytes.
func TestBreakBytes(t *testing.T) {
	for _, text := range append(fixtureTexts(t), "Fin. Début ! Oui ? Non… x | y\nz. M. Dupont 2023.Le", "…") {
		for j := range len(text) {
			if sentenceBreak(text, j) && !breakBytes[text[j]] {
				t.Errorf("%q: a sentence ends after byte %d, %q, which breakBytes leaves out", text[max(0, j-10):j+1], j, text[j])
			}
		}
	}
}

// TestClauseBytes checks that a clause ends only after one of clauseBytes.
func TestClauseBytes(t *testing.T) {
	for c := range 256 {
		for _, text := range []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "b", "\xe2\x80" + string([]byte{byte(c)})} {
			for j := range len(text) {
				if clauseBreak(text, j) && !clauseBytes[text[j]] {
					t.Errorf("%q: a clause ends after byte %d, %q, which clauseBytes leaves out", text, j, text[j])
				}
			}
		}
	}
}

// opensSentenceBySentenceStart is opensSentence as it was first written:
// from the start of the sentence that sentenceStart finds.
func opensSentenceBySentenceStart(text string, i int) bool {
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && !unicode.IsSpace(r) && !isOpening(r) && r != '-' {
		return true
	}
	start := sentenceStart(text, i)
	for j := i; j > start; {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		switch {
		case r == ':' || r == ';' || r == '•' || r == '–' || r == '—' || r == '-':
			return true
		case !unicode.IsSpace(r) && !isOpening(r):
			return false
		}
		j -= n
	}
	return true
}

// FuzzOpensSentence checks opensSentence, which reads back only over the
// spaces before the word, against the sentence's start at every byte.
func FuzzOpensSentence(f *testing.F) {
	f.Add("Fin. Carrefour a été sanctionnée. M. Dupont (« Carrefour ») : • Carrefour ; anonymesLa société…\nX | Y")
	f.Add(strings.Repeat("a", maxSentence-3) + "é" + strings.Repeat(" ", 4) + "X")
	f.Add("ab\xe2\x80" + strings.Repeat(" ", maxSentence) + "Y")
	f.Add("Il a dit. \u00a0« ( Zorg")
	for _, text := range fixtureTexts(f) {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := 0; i <= len(text); i++ {
			if got, want := opensSentence(text, i), opensSentenceBySentenceStart(text, i); got != want {
				t.Fatalf("opensSentence(%q, %d) = %v, want %v", text, i, got, want)
			}
		}
	})
}

// sentenceStartByBytes and sentenceEndByBytes are sentenceStart and
// sentenceEnd as they were first written: testing every byte.
func sentenceStartByBytes(text string, i int) int {
	lo := max(0, i-maxSentence)
	for j := i - 1; j >= lo; j-- {
		if breakBytes[text[j]] && sentenceBreak(text, j) {
			return skipWhitespace(text, j+1)
		}
	}
	for lo > 0 && lo < len(text) && !utf8.RuneStart(text[lo]) {
		lo++
	}
	return lo
}

func sentenceEndByBytes(text string, i int) int {
	hi := min(len(text), i+maxSentence)
	for j := i; j < hi; j++ {
		if breakBytes[text[j]] && sentenceBreak(text, j) {
			return j + 1
		}
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return hi
}

// FuzzSentenceScans checks sentenceStart and sentenceEnd, which read eight
// bytes at a time, against the scans of every byte, at every byte.
func FuzzSentenceScans(f *testing.F) {
	f.Add("Fin. Début ! Oui ? Non… x | y\nz. M. Dupont 2023.Le æ 1.5 « Il »")
	f.Add(strings.Repeat("abcdefg.", 200) + "Z" + strings.Repeat("é", maxSentence))
	f.Add("\n|!?\xa6.")
	for c := range 256 { // each byte, in each lane
		f.Add(strings.Repeat(" ", c%8) + string([]byte{byte(c)}) + "  Abcdefghijklmnop")
	}
	for _, text := range fixtureTexts(f) {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := 0; i < len(text); i++ {
			if got, want := sentenceStart(text, i), sentenceStartByBytes(text, i); got != want {
				t.Fatalf("sentenceStart(%q, %d) = %d, want %d", text, i, got, want)
			}
			if got, want := sentenceEnd(text, i), sentenceEndByBytes(text, i); got != want {
				t.Fatalf("sentenceEnd(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	})
}
