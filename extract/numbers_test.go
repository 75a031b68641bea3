package extract

import (
	"reflect"
	"slices"
	"testing"
)

func TestFindNumbers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"space and no-break thousands", "1 234 567 et 40\u202f000", []string{"1 234 567=1234567", "40\u202f000=40000"}},
		{"dot thousands and decimal comma", "2.250.000 puis 5,2 puis ,08", []string{"2.250.000=2250000", "5,2=5,2", ",08=0,08"}},
		{"decimal point", "3.5 millions", []string{"3.5 millions=3500000"}},
		{"dotted series", "192.168.1.2", []string{"192.168=192168", "1=1", "2=2"}},
		{"not a group", "423 0000", []string{"423=423", "0000=0"}},
		{"scale symbols", "10k, 2,33 k et 10M.", []string{"10k=10000", "2,33 k=2330", "10M=10000000"}},
		{"glued unit", "le liquide de 180ml", nil},
		{"words", "quatre-vingt-dix-neuf, soixante et onze, cinq cent trente cinq",
			[]string{"quatre-vingt-dix-neuf=99", "soixante et onze=71", "cinq cent trente cinq=535"}},
		{"eighty", "quatre-vingts", []string{"quatre-vingts=80"}},
		{"words across groups", "neuf mille neuf cent quatre-vingt-dix neuf", []string{"neuf mille neuf cent quatre-vingt-dix neuf=9999"}},
		{"millions in words", "un million cinq cent mille", []string{"un million cinq cent mille=1500000"}},
		{"half a scale", "un demi-milliard et trois millions et demi", []string{"un demi-milliard=500000000", "trois millions et demi=3500000"}},
		{"belgian", "septante-deux et nonante", []string{"septante-deux=72", "nonante=90"}},
		{"two numbers", "huit sur cinq", []string{"huit=8", "cinq=5"}},
		{"virgule", "deux cent virgule zéro trois", []string{"deux cent virgule zéro trois=200,03"}},
		{"signs", "-9,2321312 et négatif un", []string{"-9,2321312=-9,2321312", "négatif un=-1"}},
		{"dozens", "trois douzaines", []string{"trois douzaines=36"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, n := range Default().numbers.findNumbers(tt.in, scan{mode: centInWords, signed: true}) {
				got = append(got, tt.in[n.Start:n.End]+"="+n.value.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("findNumbers(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecimalHundredths(t *testing.T) {
	for _, c := range []struct {
		d    decimal
		want int64
	}{{decimal{52, 1}, 520}, {decimal{12345, 3}, 1235}, {decimal{7, 0}, 700}, {decimal{-12345, 3}, -1235}} {
		if got, ok := c.d.hundredths(); !ok || got != c.want {
			t.Errorf("%v.hundredths() = %d, %v, want %d", c.d, got, ok, c.want)
		}
	}
	if _, ok := (decimal{1 << 62, 0}).hundredths(); ok {
		t.Error("hundredths of 2^62 did not report the overflow")
	}
}

// FuzzNumberPass checks that reading numbers and durations from the places
// where numbers open (one pass shared by amounts and durations) finds what
// stepping over every word, run of digits and character of the text finds.
func FuzzNumberPass(f *testing.F) {
	for _, s := range []string{"un an, un mois et 21 jours", "et100 000 euros", "A380, 180ml, 3,5ans",
		"une demi-année puis -9,2 et négatif un", "192.168.1.2 ,08 quatre-vingt-dix-neuf",
		"deux2 ٣deux x,5 ZÉRO Zéro-Un DEMI-journée 10k 2ans", "l’une, ,5\u00a0000 €"} {
		f.Add(s)
	}
	x := Default()
	f.Fuzz(func(t *testing.T, s string) {
		for _, sc := range []scan{moneyScan, {mode: centInWords, signed: true}, {mode: centInWords | centAfterDigits, signed: true}} {
			if got, want := x.numbers.findNumbers(s, sc), steppedNumbers(x.numbers, s, sc); !slices.Equal(got, want) {
				t.Errorf("findNumbers(%q, %v) = %v, stepping finds %v", s, sc, got, want)
			}
		}
		if got, want := x.Durations(s), steppedDurations(x.durations, s); !slices.Equal(got, want) {
			t.Errorf("Durations(%q) = %v, stepping finds %v", s, got, want)
		}
	})
}

// steppedNumbers is findNumbers read at every step over the text.
func steppedNumbers(lx *numberLexicon, text string, sc scan) []number {
	var out []number
	for i := 0; i < len(text); {
		n, ok := lx.readAt(text, i, sc)
		if !ok {
			i = nextCandidate(text, i)
			continue
		}
		out = append(out, n)
		i = n.End
	}
	return out
}

// steppedDurations is the duration finder read at every step over the text,
// each number read anew.
func steppedDurations(dr *durationRules, text string) []Duration {
	var out []Duration
	none := numberPass{lx: dr.num}
	for i := 0; i < len(text); {
		d, ok := dr.durationAt(text, i, none)
		if !ok || !d.Valid(text) {
			i = nextCandidate(text, i)
			continue
		}
		out = append(out, d)
		i = d.End
	}
	return out
}

// TestIsASCIILetter checks the bit trick of isASCIILetter on every byte.
func TestIsASCIILetter(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		if want := 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'; isASCIILetter(b) != want {
			t.Errorf("isASCIILetter(%#x) = %v", b, !want)
		}
	}
}
