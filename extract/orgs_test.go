package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFindRunsIsFindAll checks that the fast scan of capitalised runs finds
// exactly what the unanchored regexp finds.
func TestFindRunsIsFindAll(t *testing.T) {
	lx := Default().entities
	slow := regexp.MustCompile(lx.nameRun)
	texts := []string{
		"", "a", "É", "anonymesLa société CLEARVIEW AI", "eBizcuss et iOS", "l'Oréal, L'Oréal et Caisse d'Épargne",
		"Tech Data et Ingram Micro", "Morgan Stanley & Co International", "esLa", "xY zW aaBb", "ÀÉ ÎÔ", "la CNIL a dit",
		"été Été ’Zorg «Àb» –Xy ÿÉcole éÉ ’’X \u203fY \xe2\x80Z \xe2\x80", "àÀ \xc3Ab \xc3",
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
		var want []Span
		for _, m := range slow.FindAllStringIndex(text, -1) {
			want = append(want, Span{m[0], m[1]})
		}
		if got := lx.appendRuns(nil, text); !slices.Equal(got, want) {
			t.Errorf("appendRuns(%.60q) = %v, want %v", text, got, want)
		}
	}
}

// TestNextCapitalOrRuneSkips checks that the runes nextCapitalOrRune
// passes over are no capitals.
func TestNextCapitalOrRuneSkips(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if s := string(r); utf8.ValidRune(r) && nextCapitalOrRune(s, 0) == len(s) && unicode.IsUpper(r) {
			t.Errorf("nextCapitalOrRune passes over %q", r)
		}
	}
}

// TestCapitalOrRuneIn checks the eight bytes at a time that
// nextCapitalOrRune reads against capitalOrRune, each byte at each place
// among the bytes around it.
func TestCapitalOrRuneIn(t *testing.T) {
	for _, fill := range []byte{'a', 'z', '@', '[', 0, 0x7f, 'Z'} {
		for c := range 256 {
			for at := range 8 {
				b := []byte(strings.Repeat(string(rune(fill)), 8))
				b[at] = byte(c)
				want := false
				for _, d := range b {
					want = want || capitalOrRune[d]
				}
				if got := capitalOrRuneIn(eightBytes(string(b), 0)); got != want {
					t.Errorf("%q: %v, want %v", b, got, want)
				}
			}
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

// TestReadersAreRegexps checks the readers that stand in for regexps
// (afterCue, counselCue, nameAhead, elided, roman) against the regexps,
// after every byte of the fixtures and of texts made for their corners.
func TestReadersAreRegexps(t *testing.T) {
	lx := testLexicon(t)
	texts := append(fixtureTexts(t),
		"Criteo, spécialiste du ciblage ; Teemo, autre spécialiste ; Alphabet, la maison mère de Google ; Y, l’éditeur ; Z,\u00a0SOCIÉTÉ",
		"X,  une  société2 ; X société-x ; X, la\u00a0société ; X, lasociété ; X, nouvelle autre  filiale ; X, autre autre groupe ; X,la société",
		"X, mis  en\ndemeure ; X, mise en demeureé ; X, l'autre\u202fgéant ; X a été sanctionnée, X ,société ; X\tLEADER ; X, Un Groupe",
		"la SCP Piwnica, Molinié, avocat de la société ; Dupont et Durand, avocats ; Dupont, Durand et Martin, Avocate. ; Dupontet Durand, avocat",
		"A, avocats2 ; A, avocatx ; et Dupont, avocat ; , avocat ; Dupont et  Durand,\u00a0AVOCATES ; D'Argent, L’Or-Blanc, avocat ; etc, avocat",
		"Dupont, Durand (avocat) ; A,B, avocat ; A ,avocat ; A et, avocat ; A etDurand, avocat ; A 3, avocat ; Ab, Cd, ef, avocat",
		"la société eBay ; la société américaine Discord ; la société franco-américaine Zorg ; le groupe ab-Cd ; la société ab Cd ; la société\u00a0X",
		"la société de gestion Zorg ; la société de Paris ; la société lyonnaise de conseil Zorg ; la société de eBay ; la société lyonnaise de eBay ; la société des\u00a0jeux Zorg ; la société de la Zorg ; la société desjeux Zorg",
		"la société très très grande Zorg ; la société une deux Zorg ; l'entreprise élue Zorg ; la société américaine-Zorg ; la société  xx-yy Zorg",
		"d'Hélène, D’Irlande, L'Oréal, l’x, dx, d, L’, l'", "III IV MMX VIIII I IVx iv", "\xff, avocat ; X, \xffsociété ; la société \xffZorg")
	type reader struct {
		name      string
		got, want func(string) bool
		matched   int
	}
	readers := []*reader{
		{name: "cueAfter", got: lx.cueAfter.MatchString, want: lx.cueAfter.re.Regexp.MatchString},
		{name: "counselAfter", got: lx.counselAfter.MatchString, want: lx.counselAfter.re.Regexp.MatchString},
		{name: "nameAhead", got: nameAhead, want: reNameAhead.Regexp.MatchString},
		{name: "elided", got: func(s string) bool { return elided(s, 0, len(s)) > 0 }, want: reElided.Regexp.MatchString},
		{name: "roman", got: roman, want: reRoman.MatchString},
	}
	for _, text := range texts {
		for i := range text {
			for _, r := range readers {
				s := text[i:]
				if r.name == "roman" {
					s, _ = firstWord(s)
				}
				got, want := r.got(s), r.want(s)
				if got != want {
					t.Errorf("%s(%.40q) = %v, want %v", r.name, s, got, want)
				}
				if want {
					r.matched++
				}
			}
			if e := elided(text, i, len(text)); e > i && text[i:e] != reElided.FindString(text[i:]) {
				t.Errorf("elided(%.20q) takes %q, want %q", text[i:], text[i:e], reElided.FindString(text[i:]))
			}
		}
	}
	for _, r := range readers {
		if r.matched == 0 {
			t.Errorf("%s: never matched", r.name)
		}
	}
}

// TestHeadingLine checks the line bounds headingLine finds among the text's
// line breaks against a search of the bytes around each one.
func TestHeadingLine(t *testing.T) {
	bytesAround := func(text string, i int) (int, int, bool) {
		lo := max(0, i-maxHeading)
		from := strings.LastIndexByte(text[lo:i], '\n')
		if from < 0 && lo > 0 {
			return 0, 0, false
		}
		hi := min(len(text), i+maxHeading)
		to := strings.IndexByte(text[i:hi], '\n')
		if to < 0 {
			if hi < len(text) {
				return 0, 0, false
			}
			to = hi - i
		}
		return lo + from + 1, i + to, true
	}
	long := strings.Repeat("x", maxHeading)
	for _, text := range append(fixtureTexts(t), "", "\n", "a\nb", long+"\n"+long+long+"\n"+long, long+long, "\n\n"+long+"y"+long+"\n\n") {
		f := &finder{text: text}
		for i := 0; i <= len(text); i++ {
			from, to, ok := f.headingLine(i)
			wantFrom, wantTo, wantOK := bytesAround(text, i)
			if ok != wantOK || ok && (from != wantFrom || to != wantTo) {
				t.Fatalf("headingLine(%.20q, %d) = %d, %d, %v; want %d, %d, %v", text, i, from, to, ok, wantFrom, wantTo, wantOK)
			}
		}
	}
}

// TestAcronymFirstIn checks the reader of reAcronymFirst against the regexp
// on texts made of pieces of acronyms, names and brackets.
func TestAcronymFirstIn(t *testing.T) {
	pieces := []string{"AB", "abc", "abcdefghi", "É", "é", "x", "_", "1", "&", "-", " ", "\u00a0", "\t", "\n", "(", ")", "Abc Def",
		"ABCDEFGHIJK", "ÉTAT", "noyb", "CNIL", "Cnil", "x(", "((", "))", "AB(", "\xff", "Ǆ", "ǅ", "ﬀ"}
	for s := range randomTexts(7, 50000, 10, pieces) {
		if got, want := acronymFirstIn(s), reAcronymFirst.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("acronymFirstIn(%q) = %v, want %v", s, got, want)
		}
		if got, want := findAcronymsFirst(s), reAcronymFirst.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("findAcronymsFirst(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestAppendFieldsIsFields checks that appendFields splits as strings.Fields.
func TestAppendFieldsIsFields(t *testing.T) {
	for _, s := range []string{"", " ", "Clearview AI", "  Morgan Stanley\u00a0& Co\tInternational \n", "L'Oréal", "a\u2009b\u202fc", "\xff \xfe"} {
		if got, want := appendFields(nil, s), strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestCommonWordAlone checks that the runs that commonWordAlone lets go,
// most of the runs of a text, are runs that classifyName leaves, recording
// nothing: around them stand the cases that make a common word something.
// The runs are read in the text, then in a mask where the dotted capitals
// are blanked out, which leaves a legal form after a run.
func TestCommonWordAlone(t *testing.T) {
	lx := testLexicon(t)
	texts := append(fixtureTexts(t),
		"La CNIL sanctionne. Cette société paie. Dans la foulée, En appel. Selon elle.",
		"La société est établie à Selon. Elle loge rue Selon, au 4 avenue Des Champs, dans le Nord.",
		"Le siège est à Pour (Nord). Selon S.A.S. le texte. Quand N.V. le dit.",
		"(SELON) de Paris. D'abord, L'Irlande, Pour Carrefour France. Paris, Août, Lundi.")
	dotted := regexp.MustCompile(`\p{Lu}\.`)
	taken := 0
	for _, text := range texts {
		f := newFinder(lx, text, tokens(text))
		for _, blank := range []bool{false, true} {
			if blank {
				for _, m := range dotted.FindAllStringIndex(text, -1) {
					f.blank(m[0], m[1])
				}
			}
			for _, m := range lx.appendRuns(nil, f.maskString()) {
				if !f.commonWordAlone(m.Start, m.End) {
					continue
				}
				taken++
				if found := len(f.found); f.classifyName(m.Start, m.End, false) || len(f.found) != found {
					t.Errorf("%q at %d: classifyName records it", text[m.Start:m.End], m.Start)
				}
			}
		}
		f.release()
	}
	if taken < 80 {
		t.Errorf("commonWordAlone takes %d runs", taken)
	}
}

// TestCredit checks the photo credits that credit tells, its slash looked
// for before its regexp runs.
func TestCredit(t *testing.T) {
	for _, c := range []struct {
		before, name, after string
		want                bool
	}{
		{"Le siège. Zoé Martin / ", "ZPA", "\nLa suite", true},
		{"Zoé Martin/", "ZPA", "", true},
		{"Zoé Martin /\t\n ", "ZPA", " \u00a0\n", true},
		{"Zoé Martin / ", "ZPA", " et la suite", false},
		{"Zoé Martin / x ", "ZPA", "", false},
		{"zoé martin / ", "ZPA", "", false},
		{"ZPA / Zoé Martin / ", "ZPA", "", true}, {"Zoé Martin / ZPA / ", "ZPA", "", false},
		{"Le siège / ", "ZPA", "", false},
	} {
		text := c.before + c.name + c.after
		if got := credit(text, len(c.before), len(c.before)+len(c.name)); got != c.want {
			t.Errorf("credit(%q) = %v, want %v", text, got, c.want)
		}
	}
}
