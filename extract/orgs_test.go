package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestFindRunsIsFindAll checks that the fast scan of capitalised runs finds
// exactly what the unanchored regexp finds.
func TestFindRunsIsFindAll(t *testing.T) {
	lx := Default().entities
	slow := regexp.MustCompile(lx.nameRun)
	texts := []string{
		"", "a", "É", "anonymesLa société CLEARVIEW AI", "eBizcuss et iOS", "l'Oréal, L'Oréal et Caisse d'Épargne",
		"Tech Data et Ingram Micro", "Morgan Stanley & Co International", "esLa", "xY zW aaBb", "ÀÉ ÎÔ", "la CNIL a dit",
	}
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, text := range texts {
		want := slow.FindAllStringIndex(text, -1)
		got := lx.findRuns(text)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findRuns(%.60q) = %v, want %v", text, got, want)
		}
	}
}

// TestFindAcronymsFirstIsFindAll checks that the windowed scan of acronyms
// before their names finds exactly what the regexp finds on the whole text.
func TestFindAcronymsFirstIsFindAll(t *testing.T) {
	texts := []string{
		"", "(", "noyb (None of Your Business) et ATT (App Tracking Transparency)", "x(AB) (CD)", "le FNCC (Fonds national) (bis)",
		"éàABC (Abc Bcd Cde)", "((AB (Ab Bc)))", "AB (Abc (Def) Ghi)", "AB (Abc) (Def) CD (Efg", "ABC (Abc Def", "ABC (Ab) DE (x(y)z) FG (Hij)",
		"FNCC (" + strings.Repeat("é", 149) + ") GH (" + strings.Repeat("a", 151) + ")",
	}
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, text := range texts {
		want := reAcronymFirst.FindAllStringSubmatchIndex(text, -1)
		got := findAcronymsFirst(text)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findAcronymsFirst(%.60q) = %v, want %v", text, got, want)
		}
	}
}

// TestHeadingAt checks the headings that name nothing by their capitals:
// a line in capitals, in title case after a colon, or numbered; not prose,
// nor a line too long for a heading.
func TestHeadingAt(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"UN RECORD BATTU\nLa CNIL a sanctionné X.", true},
		{"I. Faits et procédure\nLa société X", true},
		{"Lire aussi : Amende Record Pour Le Groupe Zorg\nTexte", true}, // read from the name, after the colon
		{"La société Zorg a été sanctionnée par la CNIL.\n", false},
		{"ZORG", false}, // one word: a name, not a heading
		{strings.Repeat("UN RECORD ", 30), false},
	} {
		f := &finder{lx: lx, text: tt.text}
		at := max(3, strings.Index(tt.text, "Amende"))
		if got := f.headingAt(at); got != tt.want {
			t.Errorf("headingAt(%.30q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
