package pipeline

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// minHashBefore is minHash as it was before its words and shingles were
// hashed in one pass and batches: the reference its signatures must equal.
func minHashBefore(text string) (signature, int) {
	var words []uint64
	h, in := uint64(fnvOffset), false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			for r > 0 {
				h = (h ^ uint64(r&0xff)) * fnvPrime
				r >>= 8
			}
			in = true
			continue
		}
		if in {
			words = append(words, h)
			h, in = fnvOffset, false
		}
	}
	if in {
		words = append(words, h)
	}
	var sig signature
	if len(words) == 0 {
		return sig, 0
	}
	n := max(1, len(words)-shingleWords+1)
	var mins [numHashes]uint32
	for i := range mins {
		mins[i] = math.MaxUint32
	}
	for i := range n {
		x := uint64(0)
		for _, w := range words[i:min(len(words), i+shingleWords)] {
			x = (x ^ w) * fnvPrime
		}
		for j := range hashParams {
			if v := uint32((hashParams[j][0]*x + hashParams[j][1]) >> 32); v < mins[j] {
				mins[j] = v
			}
		}
	}
	for i, m := range mins {
		sig[i] = byte(m)
	}
	return sig, n
}

// minHashTexts are texts of every kind minHash meets, and some it should not.
var minHashTexts = []string{
	"",
	" ",
	" — ! ",
	"mot",
	" — 12 !",
	"deux mots",
	"un deux trois quatre",
	"un deux trois quatre cinq",
	"un deux trois quatre cinq six",
	"un deux trois quatre cinq six sept huit neuf dix onze douze treize",
	"ÉCOLE école Ecole ÇA ça Œuvre œuvre ÆSIR ß ẞ ÿ Ÿ µ ª º ¹²³ ½",
	"L’amende de 1 500 000 € prononcée le 12/03/2024 par la CNIL (art. 83 RGPD)",
	"Ĳssel Ǆemal ǅ ǆ İstanbul ı Σίσυφος ΣΊΣΥΦΟΣ Москва МОСКВА 東京都 ١٢٣ ٤٥ ۷ ०१२ 𝐀𝐁𝐂 𝟏𝟐 Ⅻ ⅻ",
	"mots\u00a0séparés\u202fpar\u2009des\u200bespaces\u00adinsécables\tet\ttabulations\r\nfin",
	"octets invalides \xff\xfe ici \xc3 et là \xe2\x82 fin \x80mot\x80",
	"\x00nul\x00 \ufeffbom\ufeff mot",
	strings.Repeat("Le Conseil d'État a rejeté le recours. ", 40),
	text1,
}

func TestMinHashUnchanged(t *testing.T) {
	texts := append([]string(nil), minHashTexts...)
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "*.txt"))
	for _, f := range fixtures {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	checkPrefixes(t, texts, checkMinHash)
}

// checkPrefixes calls check on every prefix of each text, up to 300 bytes,
// and on the whole text: every length of a word, a shingle, a batch.
func checkPrefixes(t *testing.T, texts []string, check func(*testing.T, string)) {
	for _, text := range texts {
		for end := range min(len(text), 300) {
			check(t, text[:end])
		}
		check(t, text)
	}
}

func FuzzMinHash(f *testing.F) {
	for _, text := range minHashTexts {
		f.Add(text)
	}
	f.Fuzz(checkMinHash)
}

func checkMinHash(t *testing.T, text string) {
	sig, n := minHash(text)
	wantSig, wantN := minHashBefore(text)
	if sig != wantSig || n != wantN {
		t.Fatalf("minHash(%q) = %x, %d; before, %x, %d", text, sig, n, wantSig, wantN)
	}
}

func TestLatin1WordsLowerCaseInLatin1(t *testing.T) {
	for r := range rune(0x100) {
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && unicode.ToLower(r) >= 0x100 {
			t.Errorf("%q lower-cases to %q, outside the table's bytes", r, unicode.ToLower(r))
		}
	}
}

func TestGeneralPunctuationHasNoWords(t *testing.T) {
	for r := rune(0x2000); r <= 0x206F; r++ {
		if generalPunctuation(r) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			t.Errorf("%U is a letter or a digit: wordRune must not skip it", r)
		}
	}
}
