package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestGated checks that the gated regexps of the sanctions and injunctions,
// and their phrase alternations, match on every stretch of the fixtures as
// the regexps they stand for.
func TestGated(t *testing.T) {
	type check struct {
		m  interface{ MatchString(string) bool }
		re *regexp.Regexp // what m stands for
	}
	sr, ir := Default().sanctions, Default().injunctions
	res := map[string]check{}
	for name, g := range map[string]gated{"by": sr.by, "pronouncedTo": sr.pronouncedTo} {
		res[name] = check{g, g.Regexp}
	}
	for name, b := range map[string]boundedWords{
		"unsaid": sr.unsaid, "total": sr.total, "share": sr.share, "breakdown": sr.breakdown,
		"confirm": sr.confirm, "respectively": sr.respectively, "negation": sr.negation,
	} {
		res[name] = check{b, b.Regexp}
	}
	for name, e := range map[string]struct {
		p      endedPhrases
		phrase []string
	}{
		"published":    {sr.published, DefaultRules().Values("sanctions.txt", "published")},
		"deadline":     {sr.deadline, DefaultRules().Values("injunctions.txt", "deadline_date")},
		"deadlineDate": {ir.deadlineDate, DefaultRules().Values("injunctions.txt", "deadline_date")},
	} {
		res[name] = check{e.p, regexp.MustCompile(wordsPattern(e.phrase) + `\s*$`)}
	}
	for name, p := range map[string]phraseLed{"decided": sr.decided, "unless": ir.unless, "against": ir.against,
		"verb": sr.verb, "verbObject": sr.verbObject, "same": ir.same, "given": ir.given, "passive": ir.passive,
		"putBefore": ir.putBefore, "byParty": ir.byParty, "ofOrder": sr.ofOrder} {
		res[name] = check{p, phraseLedRegexp(p)}
	}
	for st, g := range ir.statusCues {
		res["status "+string(st)] = check{g, g.Regexp}
	}
	for name, a := range map[string]phraseAlternation{"followup": ir.followup, "notice": ir.notice} {
		res[name] = check{a, regexp.MustCompile(wordsPattern(DefaultRules().Values("injunctions.txt", name)))}
	}
	for name, g := range res {
		matched := 0
		for _, text := range append(fixtureTexts(t), "MISE  EN\nDEMEURE, mis en demeure, lʼinjonction, l’injonction, enjoint",
			"AU PLUS\tTARD LE \n\r", "avant\u00a0le ", "jusqu’au\f", "dʼici  le", "d'ici le\u00a0", "publiéele", "rendue publique\nle") {
			for i := 0; i < len(text); i += 7 {
				for _, n := range []int{20, 80, 300} {
					s := text[i:min(len(text), i+n)]
					if got, want := g.m.MatchString(s), g.re.MatchString(s); got != want {
						t.Fatalf("%s on %q: %v, regexp %v", name, s, got, want)
					} else if got {
						matched++
					}
				}
			}
		}
		t.Logf("%s: %d matches", name, matched)
	}
}

// TestPhraseIndex checks that a phraseIndex finds a phrase wherever the
// alternation of the phrases matches.
func TestPhraseIndex(t *testing.T) {
	phrases := []string{"la société", "l'entreprise", "M.", "skat"}
	x := newPhraseIndex(phrases)
	re := regexp.MustCompile(wordsPattern(phrases))
	for _, s := range []string{
		"la  Société", "LA SOCIÉTÉ", "la societe", "l’entreprise", "lʼEntreprise", "la\u00a0société",
		"la\nsociété", "M.", "m.", "\u212Aat", "ſkat", "sKat", "la soc", "l entreprise",
	} {
		if got, want := x.in(s), re.MatchString(s); got != want {
			t.Errorf("%q: %v, regexp %v", s, got, want)
		}
	}
}

// TestHasLowerWord checks hasLowerWord against the words a regexp finds.
func TestHasLowerWord(t *testing.T) {
	re := regexp.MustCompile(`\p{Ll}[\p{Ll}\p{N}-]*`)
	for _, text := range append(fixtureTexts(t), "un mot-clé 3-d a2b Commission commission-x xcommission ab-commission") {
		set := map[string]bool{}
		for _, w := range re.FindAllString(text, -1) {
			set[w] = true
		}
		for _, w := range append(strings.Fields(strings.ToLower(text)), "commission", "d", "b", "mot", "clé", "2b") {
			if got := hasLowerWord(text, w); got != set[w] {
				t.Errorf("%q: %v, regexp %v", w, got, set[w])
			}
		}
	}
}

// TestTokensFolded checks the words tokens splits against the runs of
// letters and digits, and the folded forms it shares against
// foldCaseAccents.
func TestTokensFolded(t *testing.T) {
	for _, text := range append(fixtureTexts(t), "L'ÉTAT, Œuvre x2 ÀÉ é3 Kelvin\u212A ß\xff", "²½a\u00a0b", "", "é", "\xffa\xc3") {
		var want []token
		for i, r := range text {
			if word := unicode.IsLetter(r) || unicode.IsDigit(r); word && (len(want) == 0 || want[len(want)-1].end < i) {
				want = append(want, token{start: i, end: i + utf8.RuneLen(r)})
			} else if word {
				want[len(want)-1].end = i + utf8.RuneLen(r)
			}
		}
		got := tokens(text)
		if !slices.EqualFunc(got, want, func(a, b token) bool { return a.start == b.start && a.end == b.end }) {
			t.Errorf("%.40q: %v, want %v", text, got, want)
		}
		for _, tk := range got {
			if want := foldCaseAccents(text[tk.start:tk.end]); tk.folded != want {
				t.Errorf("%q: %q, want %q", text[tk.start:tk.end], tk.folded, want)
			}
		}
	}
}

// TestSuffixGated checks placeBefore, reMinisterOf and reStreet against
// their regexps alone on the fixtures, before each byte in the windows
// classify gives them.
func TestSuffixGated(t *testing.T) {
	for _, c := range []struct {
		name   string
		g      suffixGated
		window int
	}{{"placeBefore", testLexicon(t).placeBefore, 24}, {"minister", reMinisterOf, 60}, {"street", reStreet, 30}} {
		matched := 0
		for _, text := range append(fixtureTexts(t), "établie à  Lyon, située\u00a0à\u202fParis, dans l’Ain, en Bretagne, EN \tFrance, enBretagne",
			"le ministre de l'Économie, la MINISTRE DÉLÉGUÉE\u00a0du Numérique, les ministres d’État, ministre des Armées, ministreDe la",
			"12 rue de la Paix, 3 AVENUE Victor Hugo, bd\tHaussmann, place d’Italie, allée de l'Europe, érue de X, ſquare du Temple, rue\u2009Lepic") {
			for i := range text {
				s := text[max(0, i-c.window):i]
				got, want := c.g.MatchString(s), c.g.Regexp.MatchString(s)
				if got != want {
					t.Fatalf("%s on %q: %v, regexp %v", c.name, s, got, want)
				}
				if got {
					matched++
				}
			}
		}
		if matched == 0 {
			t.Errorf("%s: no match", c.name)
		}
	}
}

// TestBoundedWords checks boundedWords against FindAll of its regexp.
func TestBoundedWords(t *testing.T) {
	phrases := []string{"condamne", "condamnée à", "condamné", "mis en demeure", "l'a"}
	texts := append(fixtureTexts(t), "condamne X; a condamné, condamnée  à payer, condamnées à, (condamne)condamne",
		"mis  en\tdemeure et mis en demeurer ; L’a-t-il condamné", "écondamne condamnéecondamne é condamne",
		"la CNIL a liquidé l'astreinte ; une liquidation ; LIQUIDE ; liquidéé", "sans délai, PAS de, nonobstant, ni l'un ni l'autre",
		"X a reçu une amende, Y a  reçue ; s'est vu infliger, Z écope ; écopent")
	for _, b := range []boundedWords{newBoundedWords(phrases), Default().injunctions.sentence, Default().sanctions.liquidates, Default().injunctions.negation, Default().sanctions.sanctioner, Default().sanctions.receives} {
		for _, text := range texts {
			got, want := b.FindAllStringIndex(text, -1), b.Regexp.FindAllStringIndex(text, -1)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%q: %v, want %v", text[:min(len(text), 40)], got, want)
			}
			for i := 0; i < len(text); i += 17 {
				if s := text[i:min(len(text), i+120)]; b.MatchString(s) != b.Regexp.MatchString(s) {
					t.Errorf("MatchString(%q) = %v, want %v", s, b.MatchString(s), b.Regexp.MatchString(s))
				}
			}
		}
	}
}

// FuzzBoundedWords checks boundedWords, which reads its phrases without
// the regexp, against FindAll of its regexp.
func FuzzBoundedWords(f *testing.F) {
	f.Add("condamne X; a condamné, condamnée  à payer, condamnées à, (condamne)condamne, CONDAMNÉE À, l’a, L\u02bcA l'an \xffcondamne\xff")
	f.Add("mis en demeure\u00a0; mis\ten  demeure-ci ; misen demeure ; condamnéeà ; condamnée àb")
	b := newBoundedWords([]string{"condamne", "condamnée à", "condamné", "mis en demeure", "l'a", "ſa"})
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := b.FindAllStringIndex(text, -1), b.Regexp.FindAllStringIndex(text, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	})
}

// TestSpaceLed checks that the spaceLed patterns find in windows of the
// fixtures, and in some of their beginnings, what their regexps find.
func TestSpaceLed(t *testing.T) {
	texts := append(fixtureTexts(t), "lui a ordonné ; les avait alors enjoint, l'a mise en demeure ; Lui ont \tnotifié, leur aurait",
		" lui a\nleur avait\fles ont l’avait l'avaient ")
	for name, r := range map[string]spaceLed{"injunctions": Default().injunctions.objectPronoun, "sanctions": Default().sanctions.objectPronoun,
		"groups": newSpaceLed(`(a|b)\s*(c)?`)} {
		for _, text := range texts {
			for i := range text {
				windows := []string{text[i:min(len(text), i+50)]}
				if i%32 == 0 {
					windows = append(windows, text[:i])
				}
				for _, s := range windows {
					if got, want := r.FindStringSubmatch(s), r.Regexp.FindStringSubmatch(s); !slices.Equal(got, want) {
						t.Fatalf("%s in %q: %q, the regexp finds %q", name, s, got, want)
					}
					if got, want := r.FindStringSubmatchIndex(s), r.Regexp.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
						t.Fatalf("%s in %q: %v, the regexp finds %v", name, s, got, want)
					}
				}
			}
		}
	}
}

// TestCuedLines checks that chrome finds the chrome of every line that
// chromeIn finds it in, on the fixtures and on letters whose lower case is
// shorter or longer than they are.
func TestCuedLines(t *testing.T) {
	lx := testLexicon(t)
	texts := append(fixtureTexts(t),
		"Partager sur LinkedIn | X\nTexte", "PARTAGER SUR\nfoo\n© \u212Aorg", "İ Tous droits réservés | a",
		"\u212A\u212A © Zorg\n\nSuivez-nous\n", "Accueil > Actualités > Droit\n© x", "",
		"a\xffPARTAGER SUR x\néPartager sur | y\n\xc2©\nTOUS DROITS RÉSERVÉS\nſhare on",
		"Partager\u00a0sur X | Y\nPARTAGER :\nTous droits réser", "x Partager Partager sur Y\nSuivez-nous sur")
	for _, text := range texts {
		f := &finder{lx: lx, text: text, mask: []byte(text)}
		f.chrome()
		var want []Span
		for start := 0; start < len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			if from, ok := lx.chromeIn(text[start:end]); ok {
				want = append(want, Span{start + from, end})
			}
			start = end + 1
		}
		if !slices.Equal(f.blanked, want) {
			t.Errorf("%.60q: %v, line by line %v", text, f.blanked, want)
		}
	}
}

// TestBracketed checks bracketed against reBracketed alone after every byte
// of the fixtures.
func TestBracketed(t *testing.T) {
	found := 0
	for _, text := range append(fixtureTexts(t), "Lille (Nord), Lyon \u00a0(Rhône) x\t(ab) (a) (\n)") {
		for i := range text {
			want := ""
			if m := reBracketed.FindStringSubmatch(text[i:]); m != nil {
				want = m[1]
				found++
			}
			if got := bracketed(text[i:]); got != want {
				t.Fatalf("%.30q: %q, regexp %q", text[i:], got, want)
			}
		}
	}
	if found == 0 {
		t.Error("no match")
	}
}

// everyShape returns the wordShapes that let every word through.
func everyShape() wordShapes {
	var all wordShapes
	for i := range all.first {
		all.first[i], all.second[i] = ^uint64(0), ^uint64(0)
	}
	return all
}

// TestWordShapes checks that the phrase sets find with the shapes of their
// first words what they find looking every word up.
func TestWordShapes(t *testing.T) {
	lx := testLexicon(t)
	all := everyShape()
	texts := append(fixtureTexts(t), "ʼ la CNIL, le Conseil d'État, la cour d'appel de Paris, AP-HP, Commission nationale de l’informatique et des libertés")
	for name, ps := range map[string]phraseSet{"authorities": lx.authorities, "refs": lx.refs, "courts": lx.courts, "nonOrgs": lx.nonOrgs} {
		plain := phraseSet{ps.byFirst, &all}
		found := 0
		for _, text := range texts {
			got, want := ps.find(text, tokens(text)), plain.find(text, tokens(text))
			if !slices.EqualFunc(got, want, func(a, b phraseMatch) bool { return a.start == b.start && a.end == b.end }) {
				t.Errorf("%s on %.40q: %v, want %v", name, text, got, want)
			}
			found += len(got)
		}
		if found == 0 {
			t.Errorf("%s: nothing found", name)
		}
	}
}

// TestWordScanShapes checks that each wordScan finds with the shapes of
// its first words what it finds looking every word up.
func TestWordScanShapes(t *testing.T) {
	lx := testLexicon(t)
	all := everyShape()
	scans := map[string]wordScan{"cueBefore": lx.cueBefore, "cueLower": lx.cueLower, "product": lx.product,
		"body": lx.body, "back": lx.back, "title": lx.title, "trigger": Default().injunctions.trigger, "kinds": Default().sanctions.kinds}
	texts := append(fixtureTexts(t), "M. Dupont, Mme  Durand, la Société Générale, LA SOCIÉTÉ X, l’entreprise Y, la2 société Z, ministère de l'Intérieur",
		"l'application TousAntiCovid, l’association noyb, un avertissement et un rappel à l'ordre, la radiation")
	for name, s := range scans {
		plain := s
		plain.first.shapes = &all
		found := 0
		for _, text := range texts {
			got, want := s.find(text, tokens(text)), plain.find(text, tokens(text))
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s on %.40q: %v, want %v", name, text, got, want)
			}
			found += len(got)
		}
		if found == 0 {
			t.Errorf("%s: nothing found", name)
		}
	}
}

// scanRegexp returns the regexp that s stands for: ^(?:phrases)rest, each
// phrase a lexicon word as alternation writes it, in any case if it folds.
func scanRegexp(tb testing.TB, s wordScan) *regexp.Regexp {
	tb.Helper()
	var alts []string // the alternatives of each group, in turn
	for i, p := range s.phrases {
		alt := alternation([]string{p.word})
		if p.fold {
			alt = `(?i:` + alt + `)`
		}
		if i > 0 && p.group == s.phrases[i-1].group {
			alts[len(alts)-1] += "|" + alt
		} else {
			alts = append(alts, alt)
		}
		if i == len(s.phrases)-1 || s.phrases[i+1].group != p.group {
			if p.group > 0 {
				alts[len(alts)-1] = `(` + alts[len(alts)-1] + `)`
			} else {
				alts[len(alts)-1] = `(?:` + alts[len(alts)-1] + `)`
			}
		}
	}
	expr := `^(?:` + strings.Join(alts, "|") + `)`
	if s.rest != nil {
		expr += strings.TrimPrefix(s.rest.String(), "^")
	}
	return regexp.MustCompile(expr)
}

// TestWordScan checks that each wordScan matches at every place of the
// fixtures, and of texts of spaces, apostrophes and cases, as its regexp.
func TestWordScan(t *testing.T) {
	lx, x := testLexicon(t), Default()
	scans := map[string]wordScan{
		"cueBefore": lx.cueBefore, "cueLower": lx.cueLower, "body": lx.body, "product": lx.product,
		"back": lx.back, "title": lx.title, "trigger": x.injunctions.trigger, "kinds": x.sanctions.kinds,
	}
	texts := append(fixtureTexts(t), "LA SOCIÉTÉ Clearview AI, la  Société\tX, la\nsociété Y, la sociétéZ, l’association noyb, lʼassociation la Quadrature",
		"Mme Vasseur et M. Jean de L'Hermite ; MME X ; le ministère de l'Intérieur, Ministère DE LA Justice, Caisse primaire d'assurance maladie, caisse de retraite",
		"la CNIL a enjoint à la société X ; une amende de 3 € et un rappel à l'ordre ; sanctionnée, AMENDE, Kelvin \u212Aa société", "la société", "l'",
		"l'application TousAntiCovid et le logiciel Pegasus, la soci\xe9t\xc3",
		// adjectives between a cue and its name, or words that are none
		"la société américaine Discord, la société très-grande X, la société bio Y, la société ab-cd Z, la société mère-fille\u00a0 eBay, "+
			"la société américaine très connue Zorg, la société américaine, X, la société américaine très-connue bien Zorg, la société éèàç Y, "+
			"la société -abcd X, la société abcd- X, la société américaine-Zorg, la société \xffabcd X, la société Clearview\tAI, la société iOS")
	for name, s := range scans {
		re := scanRegexp(t, s)
		found := 0
		for _, text := range texts {
			for i := range text {
				want := shifted(re.FindStringSubmatchIndex(text[i:]), i)
				if got := s.match(text, i); !slices.Equal(got, want) {
					t.Fatalf("%s at %d of %.60q: %v, want %v", name, i, text, got, want)
				}
				if want != nil {
					found++
				}
			}
		}
		if found == 0 {
			t.Errorf("%s: no match to check", name)
		}
	}
}

// TestLooksBehind checks that newWordScan refuses a rest that asserts what
// comes before it, which it reads apart from the phrase.
func TestLooksBehind(t *testing.T) {
	for _, tt := range []struct {
		rest string
		want bool
	}{
		{`\s+(\p{Lu}\w+)`, false},
		{`\s+x\b`, false},
		{`(?:\s+x)?\b`, true},
		{`\bx`, true},
		{`(?:\s+|\B)x`, true},
		{`(?m:^)x`, true},
		{`x$`, false},
	} {
		if _, err := newWordScan(lexiconPhrases([]string{"la société"}, true, 0), tt.rest); (err != nil) != tt.want {
			t.Errorf("newWordScan(%q) = %v, want an error: %v", tt.rest, err, tt.want)
		}
	}
}

// TestMayLower checks that a word's shape tells, once lowered, whether it
// may be one of the words, and lets through what lowering may lengthen.
func TestMayLower(t *testing.T) {
	ws := &wordShapes{}
	for _, w := range []string{"un", "deux", "demi", "été", "i"} {
		ws.add(w)
	}
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"un", true}, {"Un", true}, {"UN", true}, {"DEUX", true}, {"Demi", true}, {"dos", false},
		{"deus", true}, // the shape of deux: the map tells
		{"deu", false}, {"Trois", false}, {"x", false}, {"unx", false}, {"", true},
		{"ue", false}, {"UE", false}, {"dEUX", true}, {"dues", false}, // the second byte tells too
		{"ÉTÉ", true}, {"Été", true}, {"ÉTÉS", false}, {"dÉmi", false}, {"Ünx", false},
		{"İ", true}, {"İx", false}, // lowering may change the length of what is not ASCII
		{"pénalité", false}, {"Zéro", false}, // no word opens with their first byte
	} {
		if got := ws.mayLower(tt.w); got != tt.want {
			t.Errorf("mayLower(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
	// every word of the fixtures that lowers to a number word fits the shapes
	num := Default().numbers
	for _, text := range append(fixtureTexts(t), "DEUX Deux ÉTÉ Zéro ZÉRO Un") {
		for i := 0; i < len(text); i++ {
			if w, end := wordAt(text, i); end > i {
				if _, ok := num.words.lookup(strings.ToLower(w)); ok && !num.shapes.mayLower(w) {
					t.Errorf("mayLower(%q) = false, a number word", w)
				}
				i = end
			}
		}
	}
}

// TestPhraseIndexOpens checks that the pairs of bytes of a phraseIndex let
// through every place where its trie reads a phrase, whatever the case,
// apostrophe or spaces there.
func TestPhraseIndexOpens(t *testing.T) {
	phrases := append(DefaultRules().Values("org_cues.txt", "before"), "l'a", "mise en demeure", "kelvin", "sa", "été", "x", "ʼn", "\uFFFDa", "ok")
	x := newPhraseIndex(phrases)
	texts := append(fixtureTexts(t), "L’A lʼa MISE\tEN  DEMEURE \u212Aelvin ſa ÉTÉ X x ʼN \xffa O\u212A", "l'")
	opened := 0
	for _, text := range texts {
		for i := range text {
			n := &x.root // the trie read from i, as opensAt reads it past its first test
			for j := i; j < len(text) && !n.end; {
				k, w := textKey(text, j)
				if n = n.child(k); n == nil {
					break
				}
				j += w
			}
			if n != nil && n.end {
				opened++
				if !x.opens.at(text, i) {
					t.Errorf("%q at %d: a phrase opens, its bytes are not let through", text[i:min(len(text), i+12)], i)
				}
			}
		}
	}
	if opened == 0 {
		t.Error("no phrase opens")
	}
}

// TestOpeningAt checks the phrases a phraseIndex finds opening at the
// start of texts, by their order in the index.
func TestOpeningAt(t *testing.T) {
	x := newPhraseIndex([]string{"la société", "las vegas", "la", "l'a", "société"})
	for _, tt := range []struct {
		text string
		want []int
	}{
		{"LA  Société X", []int{0, 2}},
		{"las vegas", []int{1, 2}}, // « la » opens « las » too: no word boundary
		{"l’a", []int{3}},
		{"la", []int{2}},
		{"société", []int{4}},
		{"le", nil},
	} {
		if got := x.openingAt(tt.text, 0, nil); !slices.Equal(got, tt.want) {
			t.Errorf("openingAt(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestFoldCaseSpacesApostrophes checks the fold against strings.Map of the
// runes one by one, as it was first written.
func TestFoldCaseSpacesApostrophes(t *testing.T) {
	byRune := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case isHSpace(r):
				return ' '
			case r == '’' || r == 'ʼ':
				return '\''
			}
			return unicode.ToLower(r)
		}, s)
	}
	for _, s := range append(fixtureTexts(t), "", "amende", "Amende\tde 3\u00a0M€", "l’État lʼa", "a\xffB\xc3", "\uFFFD \u212A İ", "x\u202fy\u2009z") {
		if got, want := foldCaseSpacesApostrophes(s), byRune(s); got != want {
			t.Errorf("foldCaseSpacesApostrophes(%.40q) = %.40q, want %.40q", s, got, want)
		}
	}
}

// TestCueSetNearest checks that a cue set finds the cue that ends last,
// the longer of two ending together, with cues of one byte and more.
func TestCueSetNearest(t *testing.T) {
	cs := newCueSet([]cue{{"amende", "fine"}, {"amende de", "fine2"}, {"plafond", "cap"}, {"%", "share"}})
	for _, tt := range []struct {
		s    string
		want Role
		end  int
	}{
		{"une amende de ", "fine2", 13},
		{"une amende de x", "fine2", 13},
		{"une amende", "fine", 10},
		{"plafond de 4 % ", "share", 14},
		{"le plafond", "cap", 10},
		{"rien", "", -1},
		{"%", "share", 1},
	} {
		if got, end, _ := cs.nearest(tt.s); got != tt.want || end != tt.end {
			t.Errorf("nearest(%q) = %q, %d, want %q, %d", tt.s, got, end, tt.want, tt.end)
		}
	}
}

// FuzzCueSetNearest checks the amount cue sets, which try only the cues of
// a text's two bytes, against trying every cue at every byte.
func FuzzCueSetNearest(f *testing.F) {
	f.Add("une amende de 5 % du chiffre d'affaires, plafond ; au titre de l'astreinte, dommages et intérêts")
	f.Add("%")
	for _, text := range fixtureTexts(f) {
		f.Add(foldCaseSpacesApostrophes(text[:min(len(text), 400)]))
	}
	cues := Default().amounts.cues
	f.Fuzz(func(t *testing.T, s string) {
		for _, cs := range []*cueSet{cues.before, cues.clause, cues.anywhere} {
			want, wantEnd, wantLen := Role(""), -1, 0
			for j := range len(s) {
				for _, c := range cs.cues {
					if end := j + len(c.form); strings.HasPrefix(s[j:], c.form) && (end > wantEnd || end == wantEnd && len(c.form) > wantLen) {
						want, wantEnd, wantLen = Role(c.val), end, len(c.form)
					}
				}
			}
			if got, end, ok := cs.nearest(s); got != want || end != wantEnd || ok != (wantEnd >= 0) {
				t.Errorf("nearest(%q) = %q, %d, want %q, %d", s, got, end, want, wantEnd)
			}
		}
	})
}

// TestCueSetFirstIn checks that a cue set finds the first cue, in their
// order, that a text holds, as trying strings.Contains with each in turn
// finds it.
func TestCueSetFirstIn(t *testing.T) {
	cues := []cue{{"au titre de l'astreinte", "penalty"}, {"au titre des frais", "other"}, {"au titre", "loose"},
		{"en réparation", "damages"}, {"%", "share"}}
	cs := newCueSet(cues)
	for _, s := range []string{"", "au titre des frais et au titre de l'astreinte", "x au titre", "en réparation %",
		"% au titre de l'astr", "au titre de l'astreinte", "rien"} {
		want, found := Role(""), false
		for _, c := range cues {
			if strings.Contains(s, c.form) {
				want, found = Role(c.val), true
				break
			}
		}
		if got, ok := cs.firstIn(s); got != want || ok != found {
			t.Errorf("firstIn(%q) = %q, %v, want %q, %v", s, got, ok, want, found)
		}
	}
}

// TestLowerRune checks lowerRune against unicode.ToLower on the runes of
// the table and around it.
func TestLowerRune(t *testing.T) {
	for r := rune(-1); r < 0x2200; r++ {
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			t.Errorf("lowerRune(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestTokenPool checks that a slice of words given back comes out of the
// pool empty, whatever it held.
func TestTokenPool(t *testing.T) {
	for range 3 {
		returnTokens(tokens("la société Clearview AI"))
		if got := lendTokens(); len(got) != 0 {
			t.Fatalf("lendTokens() = %v, want no words", got)
		}
	}
	returnTokens(nil) // nothing to keep
}

// TestLookupFolded checks lookupFolded against a lookup of
// foldCaseAccentsPunctuation, on names short and long, folded or not.
func TestLookupFolded(t *testing.T) {
	long := strings.Repeat("Société Générale ", 12)
	m := map[string]string{"societe generale": "SG", "cnil": "CNIL", "l oreal": "L'Oréal", foldCaseAccentsPunctuation(long): "long"}
	for _, s := range []string{"Société Générale", "société  générale", "CNIL", "cnil", "L'Oréal", "L’ORÉAL", "", "x", long, long + "x", "Œuvre\xff"} {
		if got, want := lookupFolded(m, s), m[foldCaseAccentsPunctuation(s)]; got != want {
			t.Errorf("lookupFolded(%.30q) = %q, want %q", s, got, want)
		}
	}
}

// TestLowerShortWord checks lowerShortWord against strings.ToLower, and
// that it turns down a word longer than the lexicons'; and inLexicon against
// a lookup of lowerShortWord; lowerASCII against the runes of the word.
func TestLowerShortWord(t *testing.T) {
	for _, w := range []string{"", "amende", "Amende", "AMENDE", "été", "ÉTÉ", "x2", "\u212Aelvin", "a\xff", "abcdefghijklmnop", "\u023A\u023A\u023A\u023A\u023A\u023A\u023A\u023A"} {
		if got, want := lowerShortWord(w), strings.ToLower(w); got != want {
			t.Errorf("lowerShortWord(%q) = %q, want %q", w, got, want)
		}
		if got, want := lowerASCII(w), strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf || unicode.IsUpper(r) }) < 0; got != want {
			t.Errorf("lowerASCII(%q) = %v, want %v", w, got, want)
		}
	}
	for _, w := range []string{"", "amende", "AMENDE", "ÉTÉ", "a\xff", "\u023A\u023A\u023A\u023A\u023A\u023A\u023A\u023A", "anticonstitutionnellement"} {
		for _, lexicon := range []map[string]int{{strings.ToLower(w): 1}, {"amende": 1, "": 2}, {"été": 1}} {
			if _, want := lexicon[lowerShortWord(w)]; inLexicon(newWordMap(lexicon), w) != want {
				t.Errorf("inLexicon(%v, %q) = %v, want %v", lexicon, w, !want, want)
			}
		}
	}
	if got := lowerShortWord("anticonstitutionnellement"); got != "" {
		t.Errorf("lowerShortWord of a long word = %q, want none", got)
	}
}

// phraseLedRegexp is the regexp that p stands for.
func phraseLedRegexp(p phraseLed) *regexp.Regexp {
	if p.bounded {
		return regexp.MustCompile(`(?:^|[^\p{L}])` + strings.TrimPrefix(p.re.String(), "^"))
	}
	return regexp.MustCompile(strings.TrimPrefix(p.re.String(), "^"))
}

// TestPhraseLed checks phraseLeds against the regexps they stand for, where
// phrases open after a letter, more than once, or at the start.
func TestPhraseLed(t *testing.T) {
	for _, p := range []phraseLed{
		newPhraseLed([]string{"décision", "arrêt"}, `[^.]{0,10}\s+du\s*$`),
		newPhraseFirst([]string{"décision", "arrêt"}, `[^.]{0,10}\s+du\s*$`),
		newPhraseLed([]string{"contre", "à l'encontre de"}, `\s+`),
		newPhraseFirst([]string{"s'il ne justifie pas", "sauf à"}, `\s+(?:avoir\s+)?`),
		Default().injunctions.unless, Default().injunctions.against,
		newPhraseLed([]string{"sanctionné", "condamné"}, `\s+`), Default().sanctions.verb,
		Default().injunctions.putBefore, Default().injunctions.byParty,
		newEndedPhraseLed([]string{"décision", "arrêt"}, `[^.]{0,10}\s+`, []string{"du", "en date du"}), Default().sanctions.decided,
	} {
		re := phraseLedRegexp(p)
		for _, s := range []string{
			"décision du ", "la DÉCISION du", "indécision du", "une décision. arrêt n° 3 du ", "décision décision du",
			"la décision rendue hier du", "l'arrêt du", "arrêts du", "décision", "", "xarrêt du", "éarrêt du",
			"astreinte contre l'État", "(contre X", "acontre contre  X", "à l’encontre de la société", "s'il ne justifie pas avoir exécuté",
			"qu'il ne justifie pas d'avoir", "sauf à", "fsauf à  payer",
			"a sanctionné X, condamné Y et condamné  Z ; -condamné ", "condamné sanctionné ", "a condamné condamné  X",
			"a mis Orange", "l'a mise la", "mis en demeure par la ", "saisie par l'", "mis l’",
			"la décision en date du", "décision en  date DU\u00a0", "décision du\n", "décision dU", "une sanction, prononcée le ",
		} {
			if got, want := p.MatchString(s), re.MatchString(s); got != want {
				t.Errorf("%v on %q: %v, regexp %v", re, s, got, want)
			}
			if got, want := p.FindStringIndex(s), re.FindStringIndex(s); !slices.Equal(got, want) {
				t.Errorf("%v on %q: %v, regexp %v", re, s, got, want)
			}
			if got, want := p.FindAllStringIndex(s, -1), re.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%v on %q: all %v, regexp %v", re, s, got, want)
			}
		}
	}
}

// TestWordEdges checks wordStart, wordEnd, letterBefore and letterAt
// against reading the runes around each byte of the fixtures and of mixed
// scripts.
func TestWordEdges(t *testing.T) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for _, text := range append(fixtureTexts(t), "a_b-c1 É,é\u00a0٣x\xffy ſ") {
		for i := 0; i <= len(text); i++ {
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i:])
			if got, want := wordStart(text, i), i == 0 || !isWord(before); got != want {
				t.Fatalf("wordStart(%q, %d) = %v, want %v", text[max(0, i-5):i], i, got, want)
			}
			if got, want := wordEnd(text, i), i == len(text) || !isWord(after); got != want {
				t.Fatalf("wordEnd(%q, %d) = %v, want %v", text[i:min(len(text), i+5)], i, got, want)
			}
			if got, want := letterBefore(text, i), i > 0 && unicode.IsLetter(before); got != want {
				t.Fatalf("letterBefore(%q, %d) = %v, want %v", text[max(0, i-5):i], i, got, want)
			}
			if got, want := letterAt(text, i), i < len(text) && unicode.IsLetter(after); got != want {
				t.Fatalf("letterAt(%q, %d) = %v, want %v", text[i:min(len(text), i+5)], i, got, want)
			}
		}
	}
}

// TestTextKeyASCII checks the keys that textKey reads at one look, from
// its table of ASCII bytes, against those textKeyRune reads.
func TestTextKeyASCII(t *testing.T) {
	for c := range utf8.RuneSelf {
		for _, next := range []string{"", " ", "x", "’", "\xff"} {
			text := string(rune(c)) + next
			k, w := textKey(text, 0)
			if rk, rw := textKeyRune(text, 0); k != rk || w != rw {
				t.Errorf("textKey(%q) = %q, %d, textKeyRune %q, %d", text, k, w, rk, rw)
			}
		}
	}
}
