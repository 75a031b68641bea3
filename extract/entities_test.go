package extract

import (
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func testLexicon(tb testing.TB) *Lexicon {
	tb.Helper()
	lx, err := NewLexicon(DefaultRules())
	if err != nil {
		tb.Fatal(err)
	}
	return lx
}

func entityStrings(es []Entity) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.String())
	}
	return out
}

func entitySpan(e Entity) (Span, string) { return e.Span, e.Text }

func TestEntities(t *testing.T) {
	lx := testLexicon(t)
	for _, c := range []struct {
		name string
		in   string
		want []string
	}{
		{"cnil formation restreinte and capitals", "La formation restreinte de la CNIL a infligé une amende à la société CLEARVIEW AI. Clearview AI n'a pas répondu.", []string{
			"entity[3:23] \"formation restreinte\" AUTHORITY CNIL",
			"entity[30:34] \"CNIL\" AUTHORITY CNIL",
			"entity[73:85] \"CLEARVIEW AI\" ORG Clearview AI",
			"entity[87:99] \"Clearview AI\" ORG Clearview AI",
		}},
		{"autorite alone and court", "L'Autorité de la concurrence a sanctionné Apple et les grossistes Tech Data et Ingram Micro. L'Autorité relève que la cour d'appel de Paris a confirmé.", []string{
			"entity[2:29] \"Autorité de la concurrence\" AUTHORITY Autorité de la concurrence",
			"entity[44:49] \"Apple\" ORG Apple",
			"entity[68:77] \"Tech Data\" ORG Tech Data",
			"entity[81:93] \"Ingram Micro\" ORG Ingram Micro",
			"entity[97:106] \"Autorité\" AUTHORITY Autorité de la concurrence",
			"entity[122:143] \"cour d'appel de Paris\" AUTHORITY Cour d'appel de Paris",
		}},
		{"known names that start with a cue or heading word", "La Société Générale et le Crédit Agricole ont coopéré.", []string{
			"entity[3:23] \"Société Générale\" ORG Société Générale",
			"entity[30:46] \"Crédit Agricole\" ORG Crédit Agricole",
		}},
		{"a person's title is no organisation", "Selon Maître Jean Dupont, la CNIL a tort.", []string{
			"entity[14:25] \"Jean Dupont\" PERSON Jean Dupont",
			"entity[30:34] \"CNIL\" AUTHORITY CNIL",
		}},
		{"short names with digits after a cue, codes without one", "L'Arcom a mis en demeure la chaîne C8 et la société M6 ; la délibération SAN-2019-001 vise l'algorithme MD5.", []string{
			"entity[2:7] \"Arcom\" AUTHORITY Arcom",
			"entity[36:38] \"C8\" ORG C8",
			"entity[55:57] \"M6\" ORG M6",
		}},
		{"commission des sanctions of the amf", "La commission des sanctions de l'AMF a sanctionné Morgan Stanley & Co International, filiale londonienne.", []string{
			"entity[3:27] \"commission des sanctions\" AUTHORITY AMF",
			"entity[33:36] \"AMF\" AUTHORITY AMF",
			"entity[51:84] \"Morgan Stanley & Co International\" ORG Morgan Stanley & Co International",
		}},
		{"person, place, lower-case association, conseil d'etat", "Selon Claire Vasseur, avocate à Paris, les associations noyb et La Quadrature du Net ont saisi le Conseil d'Etat.", []string{
			"entity[6:20] \"Claire Vasseur\" PERSON Claire Vasseur",
			"entity[33:38] \"Paris\" PLACE Paris",
			"entity[57:61] \"noyb\" ORG noyb",
			"entity[65:85] \"La Quadrature du Net\" ORG La Quadrature du Net",
			"entity[99:113] \"Conseil d'Etat\" AUTHORITY Conseil d'État",
		}},
		{"acronyms defined in brackets", "Le Syndicat des éditeurs de la presse magazine (SEPM) et l'Agence France-Presse (AFP) ont saisi l'Autorité.", []string{
			"entity[3:47] \"Syndicat des éditeurs de la presse magazine\" ORG SEPM",
			"entity[49:53] \"SEPM\" ORG SEPM",
			"entity[60:80] \"Agence France-Presse\" ORG AFP",
			"entity[82:85] \"AFP\" ORG AFP",
		}},
		{"court with its seat, legal form, back reference", "Enfin, le tribunal judiciaire de Nanterre a condamné la société Lidl SAS, dont le siège est en Allemagne. La société a fait appel.", []string{
			"entity[10:41] \"tribunal judiciaire de Nanterre\" AUTHORITY Tribunal judiciaire de Nanterre",
			"entity[67:75] \"Lidl SAS\" ORG Lidl SAS",
			"entity[99:108] \"Allemagne\" PLACE Allemagne",
			"entity[110:122] \"La société\" ORG Lidl SAS",
		}},
		{"initial word dropped, product and law left out", "Pour Bouygues Telecom, la décision du 12 mars est excessive ; l'application TousAntiCovid n'est pas en cause, ni la loi Informatique et Libertés.", []string{
			"entity[5:21] \"Bouygues Telecom\" ORG Bouygues Telecom",
		}},
		{"heading, cue after, title, foreign authorities", "Kaspr : 240 000 €\nVoodoo sanctionnée par la Cnil. Mme Durand, présidente, l'a annoncé à l'Irish DPC et au Garante.", []string{
			"entity[0:5] \"Kaspr\" ORG Kaspr",
			"entity[20:26] \"Voodoo\" ORG Voodoo",
			"entity[47:51] \"Cnil\" AUTHORITY CNIL",
			"entity[57:63] \"Durand\" PERSON Durand",
			"entity[102:105] \"DPC\" AUTHORITY DPC",
			"entity[112:119] \"Garante\" AUTHORITY Garante",
		}},
		{"words glued where tags were stripped", "Droit à l’image des anonymesLa société CLEARVIEW AI aspire des photos.Globalement, Criteo a tort.", []string{
			`entity[44:56] "CLEARVIEW AI" ORG Clearview AI`,
			`entity[88:94] "Criteo" ORG Criteo`,
		}},
		{"nothing to find", "la sanction est lourde, en 2022 comme en octobre.", []string{}},
		{"sentence-initial words and months are no organisations", "Premier grief : Octobre. Enfin, Europe et France.", []string{
			"entity[32:38] \"Europe\" PLACE Europe",
			"entity[42:48] \"France\" PLACE France",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := lx.Entities(c.in)
			assertSpans(t, c.in, got, entitySpan)
			if g := entityStrings(got); !reflect.DeepEqual(g, c.want) {
				t.Errorf("Entities(%q) = %q, want %q", c.in, g, c.want)
			}
		})
	}
}

// TestEntitiesUserRules checks that a user's rules directory adds an
// organisation's alias and an authority without recompiling.
func TestEntitiesUserRules(t *testing.T) {
	dir := fstest.MapFS{
		"orgs.txt":        {Data: []byte("Qwant: QWANT SAS | Qwant France\n")},
		"authorities.txt": {Data: []byte("CNPD: Commission nationale pour la protection des données\n")},
	}
	r, err := LoadRules(dir)
	if err != nil {
		t.Fatal(err)
	}
	lx, err := NewLexicon(r)
	if err != nil {
		t.Fatal(err)
	}
	in := "Qwant France a saisi la Commission nationale pour la protection des données."
	want := []string{
		`entity[0:12] "Qwant France" ORG Qwant`,
		`entity[24:76] "Commission nationale pour la protection des données" AUTHORITY CNPD`,
	}
	got := lx.Entities(in)
	assertSpans(t, in, got, entitySpan)
	if g := entityStrings(got); !reflect.DeepEqual(g, want) {
		t.Errorf("Entities(%q) = %q, want %q", in, g, want)
	}
}

// fixtureTexts returns the fixtures' texts, to seed the fuzz tests.
func fixtureTexts(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "fixtures", "*.txt"))
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func FuzzEntities(f *testing.F) {
	lx := testLexicon(f)
	for _, s := range fixtureTexts(f) {
		f.Add(s)
	}
	f.Add("La formation restreinte de la CNIL a infligé à la société CLEARVIEW AI (CAI) une amende.")
	f.Add("Le Syndicat des éditeurs (SE) et l’association noyb et La Quadrature du Net, Mme Durand : 3 €")
	f.Add("Agence ² (AB) ok") // a word of numbers that fold to nothing before an acronym
	f.Fuzz(func(t *testing.T, s string) {
		got := lx.Entities(s)    // must not panic, whatever the bytes
		if utf8.ValidString(s) { // an article's text is valid UTF-8; spans are checked on such text
			assertSpans(t, s, got, entitySpan)
		}
	})
}

func BenchmarkEntities(b *testing.B) {
	lx := testLexicon(b)
	text := strings.Join(fixtureTexts(b), "\n")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		lx.Entities(text)
	}
}

// TestMaskTokens checks that the words of the mask, as blanks come in, are
// the words of the mask split anew, but for the words blanked out whole,
// which may stay with no folded form; and that their gates, and the bits
// of all, have every bit that the mask gives them anew.
func TestMaskTokens(t *testing.T) {
	lx := testLexicon(t)
	for _, text := range append(fixtureTexts(t), "La société Clearview AI et l'association noyb", "AnonymesLa société X2", "M.Dupont, la sociétéZorg, l'ONG2 le groupeX") {
		toks := tokens(text)
		f := newFinder(lx, text, toks)
		shared := slices.Clone(toks)
		for step, blank := range []func(i int, tok token) (int, int, bool){
			func(i int, tok token) (int, int, bool) { return (tok.start + tok.end) / 2, tok.end, i%7 == 3 }, // halves of words first
			func(i int, tok token) (int, int, bool) { return tok.start + 1, tok.end - 1, i%5 == 2 },         // their middles
			func(i int, tok token) (int, int, bool) { return tok.start, tok.end, i%3 == 0 },                 // whole words
			func(i int, tok token) (int, int, bool) { return tok.start, tok.end + 1, i%5 == 1 },             // words and what follows
			func(i int, tok token) (int, int, bool) { return (tok.start + tok.end) / 2, tok.end, i%4 == 2 }, // halves of words
			func(i int, tok token) (int, int, bool) { return tok.start, tok.end, true },                     // the rest
		} {
			for i, tok := range toks {
				if s, e, ok := blank(i, tok); ok && f.free(s, min(e, len(text))) && utf8.RuneStart(text[s]) {
					f.blank(s, min(e, len(text)))
				}
			}
			var live []token
			for k, tok := range f.maskTokens() {
				if fresh := lx.first.gate(f.maskString(), tok); f.maskGates[k]&fresh != fresh || f.gateBits&fresh != fresh {
					t.Fatalf("step %d: the gates of %v are %b (all %b), want %b at least", step, tok, f.maskGates[k], f.gateBits, fresh)
				}
				if tok.folded != "" {
					live = append(live, tok)
				} else if strings.Trim(f.maskString()[tok.start:tok.end], "\x00") != "" {
					t.Fatalf("step %d: a word with no folded form at %v is not blanked out", step, tok)
				}
			}
			if want := tokens(f.maskString()); !slices.Equal(live, want) {
				t.Fatalf("step %d of %.40q: %v, want %v", step, text, live, want)
			}
		}
		if !slices.Equal(toks, shared) {
			t.Errorf("%.40q: the text's words changed", text)
		}
		f.release() // the next text's finder may be this one, with its buffers
	}
}

// TestEntitiesAgain checks that a text's entities do not depend on the texts
// read before it, whose finders and buffers are used again.
func TestEntitiesAgain(t *testing.T) {
	lx := testLexicon(t)
	texts := append(fixtureTexts(t), "La société Clearview AI et l'association noyb", "", "AnonymesLa société X2, Kaspr : 3 €\nRGPD")
	first := make([][]string, len(texts))
	for i, text := range texts {
		first[i] = entityStrings(lx.Entities(text))
	}
	for round := range 3 {
		for i := len(texts) - 1; i >= 0; i-- {
			if got := entityStrings(lx.Entities(texts[i])); !slices.Equal(got, first[i]) {
				t.Fatalf("round %d, Entities(%.40q) = %v, first %v", round, texts[i], got, first[i])
			}
		}
	}
}

// TestCuedLinesAreLowered checks the lines cuedLines finds against a search
// of each line lowered, on texts made of pieces of cues in any case, with
// cues that open with a word, with a symbol, or are one word.
func TestCuedLinesAreLowered(t *testing.T) {
	pieces := []string{"partager", " sur", " :", "suivez", "-nous", "PARTAGER", "SUR", "©", "\xc2", "\xa9", "tous droits",
		" réservés", " RÉSERVÉS", "photo", "PHOTO", " d'illustration", "xtous droits", "©x", "partagerx sur", "\u212A", "É",
		"illustration :", "\n", "a", " ", "İ", "all rights reserved", "share", " on", "COPY", "RIGHTS", "– ", "\u2013", "K",
		"té", "’", "«\u00a0", "\u00a0»", "\u212B", "Ω", "ω", "\xe2\x80", "\xef", "\ufffd", "＠", "\U0001F600", "\xf0\x9f"}
	// the cues of the rules and more, then cues that open as U+FFFD does
	for _, more := range [][]string{{"copyright", "– photo", "k\u00e9", "å", "ωx"}, {"\ufffdx", "＠"}} {
		lx := &Lexicon{chrome: &chromeCues{}}
		for _, cue := range append(testLexicon(t).chrome.words, more...) {
			lx.chrome.add(strings.ToLower(cue))
		}
		for text := range randomTexts(1, 20000, 12, pieces) {
			var want []int
			for n, line := range strings.Split(text, "\n") {
				if slices.ContainsFunc(lx.chrome.words, func(cue string) bool { return strings.Contains(strings.ToLower(line), cue) }) {
					want = append(want, n)
				}
			}
			if got := lx.cuedLines(text); !slices.Equal(got, want) {
				t.Fatalf("cuedLines(%q) = %v, want %v", text, got, want)
			}
		}
	}
}

// TestScansReadGatedWords checks that each scan of the finder, which reads
// only the words its gates and second words let through, finds what the
// scan finds reading every word.
func TestScansReadGatedWords(t *testing.T) {
	lx := testLexicon(t)
	texts := append(fixtureTexts(t), "la société Zorg, la SOCIÉTÉ Zorg, la ſociété Zorg, l’entreprise X, l'ONGx, la startup Y, la start-up Z",
		"le groupe2 X ; la société ; les associations Y ; la\nsociété Z ; l' entreprise W ; l'ONG ; M. Dupont, Mme Durand ; M6 ; la s",
		"le ministère de l'Intérieur ; la commune de Trente ; l'application Zorg ; le logiciel Pegasus ; l'arrêt Zorg ; LA SOCIÉTÉ ZORG")
	found := 0
	for _, text := range texts {
		f := newFinder(lx, text, tokens(text))
		for _, g := range lx.first.scans {
			got, want := f.scan(*g.scan, g.bit), g.scan.find(text, tokens(text))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("scan %b on %.40q: %v, want %v", g.bit, text, got, want)
			}
			found += len(want)
		}
	}
	if found == 0 {
		t.Error("no match")
	}
}

// randomTexts yields n texts, each of one to most pieces drawn by a
// generator seeded with seed: the same texts at each run.
func randomTexts(seed uint64, n, most int, pieces []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		random := func(n int) int {
			seed = seed*6364136223846793005 + 1442695040888963407
			return int(seed>>33) % n
		}
		for range n {
			var b strings.Builder
			for k := random(most); k >= 0; k-- {
				b.WriteString(pieces[random(len(pieces))])
			}
			if !yield(b.String()) {
				return
			}
		}
	}
}

// TestChromeInLengths checks that chromeIn finds the chrome of lines that
// lowering makes shorter or longer.
func TestChromeInLengths(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		line string
		from int
	}{
		{"İİ x | Partager sur X | Y", len("İİ x |")},
		{"0\xea0\xa0©", 0},
		{"\xff\xff\xff | © 2024 Zorg", len("\xff\xff\xff |")},
	} {
		if from, ok := lx.chromeIn(tt.line); !ok || from != tt.from {
			t.Errorf("chromeIn(%q) = %d, %v; want %d, true", tt.line, from, ok, tt.from)
		}
	}
}

// TestSecondWordsFollow checks where a scan's first word may go on with
// the word after it: where that word opens as a second word does, in any
// case, a second word of one rune opening any word, runes past Latin-1
// read from the map.
func TestSecondWordsFollow(t *testing.T) {
	sw := newSecondWords(lexiconPhrases([]string{"la société", "le groupe", "la œuvre", "la ωmega", "un x", "un sΩ"}, true, 0))
	for _, c := range []struct {
		text string
		gate uint16
		want bool
	}{
		{"la société", 0, true}, {"LA SOCIÉTÉ", 0, true}, {"la Groupe", 0, true}, {"la sa", 0, false}, {"la", 0, false},
		{"la Œuvres", 0, true}, {"la ΩMEGA", 0, true}, {"la ωx", 0, false}, {"la xylophone", 0, true}, {"la X", 0, true},
		{"la sΩ", 0, true}, {"la sω", 0, true}, {"la sΨ", 0, false}, {"la 2024", 0, false}, {"la2 2024", gateDigits, true},
	} {
		if got := sw.follow(c.text, tokens(c.text), 0, c.gate); got != c.want {
			t.Errorf("follow(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLettersOnly checks that a word whose folded form is letters only is
// one that wordAt reads whole, and that it tells most words so.
func TestLettersOnly(t *testing.T) {
	texts := append(fixtureTexts(t), "cœur Straße ǅemal l’astreinte M6 2024 art3 ٣a a٣ Ωmega ﬁn x\u0301y ŒUVRE İstanbul")
	letters, all := 0, 0
	for _, text := range texts {
		for _, tok := range tokens(text) {
			all++
			if !lettersOnly(tok.folded) {
				continue
			}
			letters++
			if word, end := wordAt(text, tok.start); word == "" || end != tok.end {
				t.Errorf("%q: wordAt reads %q", text[tok.start:tok.end], word)
			}
		}
	}
	if letters < all/2 {
		t.Errorf("letters only: %d words of %d", letters, all)
	}
}

// TestNextGated checks nextGated against a look at each gate in turn, on
// gates of every length up to 12 with the bit at each place or none.
func TestNextGated(t *testing.T) {
	const bit = gateBack
	for n := range 13 {
		for at := -1; at < n; at++ {
			gates := make([]uint16, n)
			for k := range gates {
				gates[k] = ^bit
			}
			if at >= 0 {
				gates[at] |= bit
			}
			for from := range n + 1 {
				want := from
				for want < n && gates[want]&bit == 0 {
					want++
				}
				if got := nextGated(gates, from, bit); got != want {
					t.Errorf("%d gates, the bit at %d, from %d: %d, want %d", n, at, from, got, want)
				}
			}
		}
	}
}

// TestOpeningRunes checks the first two runes of words, read at one look
// for most, against their least cases decoded.
func TestOpeningRunes(t *testing.T) {
	for _, text := range append(fixtureTexts(t), "a Ab aB É éa aé ǅx 1a a1 ΣΩ k\u212A Kelvin \xffa a\xff x") {
		for _, tok := range tokens(text) {
			var want [2]rune
			for i, r := range []rune(text[tok.start:tok.end]) {
				if i < 2 {
					want[i] = leastCase(r)
				}
			}
			if got := openingRunes(text, tok); got != want {
				t.Errorf("%q: %q, want %q", text[tok.start:tok.end], got, want)
			}
		}
	}
}
