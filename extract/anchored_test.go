package extract

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAnchoredCut checks that every anchored regexp finds at each position
// of the fixtures what it finds on the rest of the text uncut.
func TestAnchoredCut(t *testing.T) {
	lx := testLexicon(t)
	res := map[string]anchored{
		"andName": lx.andName, "role": lx.role, "cueBefore": *lx.cueBefore.rest,
		"cueLower": *lx.cueLower.rest, "body": *lx.body.rest, "product": *lx.product.rest,
		"title":  *lx.title.rest,
		"reSeat": reSeat, "reColon": reColon, "reElided": reElided, "reDottedForm": reDottedForm,
		"reDottedTail": reDottedTail, "reNumbered": reNumbered, "reCourtSeat": reCourtSeat, "reNameAhead": reNameAhead,
		"reNumericDateAt": reNumericDateAt, "cueAfter": lx.cueAfter.re, "counselAfter": lx.counselAfter.re,
		"endOfText": anchor(regexp.MustCompile(`^(?:\pL+[ .]?)+(?:[^\pL]|$)`)),
		"headRE":    headRE, "letteredRE": letteredRE, "numberRE": numberRE, "notArticleRE": notArticleRE,
		"listSepRE": listSepRE, "rangeSepRE": rangeSepRE, "lawSepRE": lawSepRE, "unknownTextRE": unknownTextRE,
		"lawAfterListRE": lawAfterListRE, "suffixRE": suffixRE, "listGoesOnRE": listGoesOnRE,
		"lawR": Default().laws.byFirst['R'][0].re, "otherLaws": Default().laws.otherStart,
		"toBody": Default().sanctions.toBody, "sanctionBody": Default().sanctions.body.re,
		"terms": Default().injunctions.terms, "toTarget": Default().injunctions.toTarget, "injunctionBody": Default().injunctions.body.re,
		"bareBody": Default().injunctions.bareBody, "coordinated": Default().injunctions.coordinated,
		"agent": Default().injunctions.agent, "obligationStart": Default().injunctions.obligation.start,
	}
	ir, sr := Default().injunctions, Default().sanctions
	for name, a := range map[string]anchored{
		"anaphor": ir.anaphor, "group": ir.group, "nominal": ir.nominal, "nominalObject": ir.nominalObject,
		"onNotice": ir.onNotice, "mustDo": ir.mustDo, "toDo": ir.toDo, "dutyAfter": ir.dutyAfter, "delayFor": ir.delayFor,
		"subjectKind": ir.subjectKind, "listItem": ir.obligation.listItem, "to": sr.to, "andTo": sr.andTo, "revised": sr.revised,
		"each": sr.each, "reLeadingBracket": reLeadingBracket, "dateRightAfter": dateRightAfter,
		"by": sr.by.anchored, "pronouncedTo": sr.pronouncedTo.anchored,
	} {
		res[name] = a
	}
	for i, q := range qualifierREs {
		res[fmt.Sprint("qualifier ", i)] = q
	}
	texts := append(fixtureTexts(t), "M. Jean de L'Hermite, avocat, et la société Clearview AI S.A.S. (Nord) : 3 €.\nI. Faits",
		"le 12/07/2023, 2015.5.13, 12/08, 2015 et 13-5-15 ; 1.2.3.4 ; a12/07/2023 ; 12/07/20233",
		"articles 15, 17 et 21 du RGPD et L34-5 du CPCE ; art. 5(1)(e) RGPD ; article 5, paragraphe 1, point e) du règlement (UE) 2016/679, "+
			"articles 12 à 14 ; loi n° 78-17 du 6 janvier 1978 ; article L. 464-2, I, du code de commerce ; 5§, 1, c) ; 83 (4) (a) ; paragraphes 4 et 5 ; 6, 1, f) ; art 32 bis",
		"une amende de 3 000 euros à la commune de Trente, et 5 000 € au ministère de l'Intérieur ; 10 000 € contre le département du Nord",
		"a enjoint, sous astreinte, à la société X et au ministère de l'Intérieur de (i) cesser, de ne plus collecter ; et de supprimer, dans un délai de deux mois, sous peine d'astreinte.")
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

// TestFindNumericDates checks findNumericDates against the regexp it speeds up.
func TestFindNumericDates(t *testing.T) {
	texts := append(fixtureTexts(t), "le 12/07/2023, 2015.5.13, 12/08, 2015 et 13-5-15 ; 1.2.3.4 ; a12/07/2023 ; é12/07/2023 ; 12/07/20233 ; 3/4/5/6",
		"123/4/2020 ; 12345-6-7 ; 2015- ; 1/2 ; 20150/5/5 ; 2015/5/5",
		"2016/679 ; 34-5 du ; 1.2 millions ; 12/08,2015 ; 12/08 , 2015 ; 2015-07-1 ; 2015-071-1 ; 3/12/ ; 3/12.5 ; 12/7,")
	for _, text := range texts {
		got, want := findNumericDates(text), reNumericDate.FindAllStringSubmatchIndex(text, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q: %v, want %v", text[:min(len(text), 40)], got, want)
		}
	}
}

// TestTextDates checks textDates against the regexp it speeds up, \b and
// the text pattern run over each window, on month windows and on whole
// texts.
func TestTextDates(t *testing.T) {
	dl := Default().dates
	re := regexp.MustCompile(`(?i)\b` + strings.TrimPrefix(dl.text.String(), "(?i)^"))
	texts := append(fixtureTexts(t), "lundi 12 janvier 2016, le 1er mars, 3ſeptembre 2020, 12 janv. 2018, mercredi, le 22 janvier",
		"x12 mars 2023 ; éjanvier 2021 ; 22-avril ; MARS 2022 ; 31 décembre dernier ; premier juin ; 12 mars12 avril",
		"05-mars 45 mars 123 mai 5\u00a0\u202fJUIN 5\tmai 1er-mai 12 – mars 7-\tmai 9 -mai 3 oct. 2020 4 Oct 0 août 8")
	for _, text := range texts {
		for _, windows := range [][][2]int{dl.monthWindows(tokens(text)), {{0, len(text)}}} {
			if got, want := dl.textDates(text, windows), findIn(re, text, windows); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%.40q in %v: %v, want %v", text, windows, got, want)
			}
		}
	}
}

// TestPairBefore checks pairBefore against the regexp it gates.
func TestPairBefore(t *testing.T) {
	dl := Default().dates
	for _, s := range []string{"les 3 et ", "le premier et le ", "PREMIER au ", "du 1ᵉʳ à\u00a0", "sanctionné le ",
		"les 31 et le ", "Premier Et ", "x3 et ", "", "2 au"} {
		if got, want := dl.pairBefore(s), dl.pair.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("pairBefore(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNeededByte checks the byte that every match of a pattern holds.
func TestNeededByte(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want byte
	}{
		{`^(?:,?\s*\p{Lu}\w+)*,\s*(?i:avocat)`, ','},
		{`^(?i:avocat),`, ','},
		{`^(?i:avocat)`, 0},
		{`^(?i:a,b)`, ','}, // a comma has no other case
		{`^x?y`, 'y'},
		{`^(?:a|b)`, 0},
		{`^(?:x)+`, 'x'},
		{`^x{0,2}`, 0},
		{`^(é)`, 0},
	} {
		re, err := syntax.Parse(tt.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := neededByte(re); got != tt.want {
			t.Errorf("neededByte(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// TestOpeningPairs checks the bytes that an anchored regexp's matches may
// open with, the bytes that may follow the first, and that none are told
// when a match may be empty or open with any character.
func TestOpeningPairs(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want string // the ASCII bytes, then "+" when every byte from 0x80 may open a match
		// the bytes that may follow a (ASCII, then "+" for every byte
		// from 0x80, "0" when the text may end after it)
		after string
	}{
		{`^abc`, "a", "b"},
		{`^(?:ab|cd|\s*e)`, "\t\n\f\r ace", "b"},
		{`^(?i)k`, "Kk+", ""},
		{`^(?i)\x{212A}`, "Kk+", ""},
		{`^(?i:s)x`, "Ss+", ""},
		{`^é`, "+", ""},
		{`^\b(?:x|[0-9])`, "0123456789x", ""},
		{`^,?[ \x{00A0}]+`, " ,+", ""},
		{`^(?i:de\s+|d['’]\s*)a`, "Dd", ""},
		{`^a(?:b|\s*[cé])`, "a", "\t\n\f\r bc+"},
		{`^a(?:b|$)`, "a", "all"},
		{`^(?i)ab`, "Aa", ""},
		{`^a?`, "-", ""}, {`^.b`, "-", ""}, {`^(?:x|)`, "-", ""},
	} {
		prog, err := syntax.Compile(mustParse(t, tt.expr))
		if err != nil {
			t.Fatal(err)
		}
		got, after := "-", ""
		if pairs := openingPairs(prog); pairs != nil {
			got = pairBytes(func(c int) bool { return pairs.first[c] })
			if tt.after != "" {
				after = pairBytes(func(c int) bool { return pairs.at(string([]byte{'a', byte(c)}), 0) })
				if pairs.at("a", 0) {
					after = "all"
				}
			}
		}
		if got != tt.want || after != tt.after {
			t.Errorf("openingPairs(%s) opens with %q, then %q; want %q, then %q", tt.expr, got, after, tt.want, tt.after)
		}
	}
}

// pairBytes writes the ASCII bytes in, then "+" when in holds 0x80 and 0xff.
func pairBytes(in func(c int) bool) string {
	var b strings.Builder
	for c := 1; c < utf8.RuneSelf; c++ {
		if in(c) {
			b.WriteByte(byte(c))
		}
	}
	if in(0x80) && in(0xff) {
		b.WriteByte('+')
	}
	return b.String()
}

// mustParse parses expr as the regexp package does, simplified.
func mustParse(t *testing.T, expr string) *syntax.Regexp {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return re.Simplify()
}

// TestSearched checks that every searched regexp finds in windows of the
// fixtures, and from some of their characters to their end, what the regexp
// finds.
func TestSearched(t *testing.T) {
	ir, sr := Default().injunctions, Default().sanctions
	res := map[string]searched{
		"obligationSplit": Default().injunctions.obligation.split, "deadlineDuration": ir.deadlineDuration,
		"bracketed": sr.bracketed, "asking": ir.asking, "with spaces": search(regexp.MustCompile(`\s+(?:et|ou)\s+(\pL+)|,\s*(\d+)`)),
	}
	texts := append(fixtureTexts(t), "a enjoint à la société X et au ministère de (i) cesser, de ne plus collecter ; et de supprimer, "+
		"et à lui remettre, dans un délai de deux mois, au plus tard le 3 mars (environ 3 €), soit 5 € ; ii) informer et d'effacer",
		"ééé et\xffou \xff, 12 ou ça, et ; puis de payer ; ainsi que de  faire")
	for name, r := range res {
		if r.at == nil {
			t.Errorf("%s runs the regexp itself", name)
			continue
		}
		for _, text := range texts {
			for i := range text {
				windows := []string{text[i:min(len(text), i+40)]}
				if i%64 == 0 {
					windows = append(windows, text[i:])
				}
				for _, s := range windows {
					if got, want := r.FindAllStringSubmatchIndex(s, -1), r.Regexp.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
						t.Fatalf("%s in %q: %v, the regexp finds %v", name, s[:min(len(s), 60)], got, want)
					}
					if got, want := r.FindStringIndex(s), r.Regexp.FindStringIndex(s); !slices.Equal(got, want) || r.MatchString(s) != (want != nil) {
						t.Fatalf("%s in %q: %v, the regexp finds %v", name, s[:min(len(s), 60)], got, want)
					}
				}
			}
		}
	}
	for _, expr := range []string{`^a`, `\bet`, `x*`, `(?:^|\s)lui`} {
		if search(regexp.MustCompile(expr)).at != nil {
			t.Errorf("%s: searched with its anchored form", expr)
		}
	}
}

// TestMaxRunes checks the bounds of anchored patterns, in characters, with
// and without the runs of spaces they may read.
func TestMaxRunes(t *testing.T) {
	for _, tt := range []struct {
		expr        string
		all, solids int
	}{
		{`^abc`, 3, 3}, {`^a\s+b`, -1, 2}, {`^a[ \t\x{00A0}]*é`, -1, 2}, {`^a.*b`, -1, -1}, {`^a[ x]*b`, -1, -1},
		{`^(?:x\s+){0,3}y`, -1, 4}, {`^(?:ab|c)\s*$`, -1, 2}, {`^a\s{2,}b`, -1, 3}, {`^a\s{1,2}b`, 4, 4},
	} {
		re := mustParse(t, tt.expr)
		if all, solids := maxRunes(re, false), maxRunes(re, true); all != tt.all || solids != tt.solids {
			t.Errorf("maxRunes(%s) = %d, %d with no space runs; want %d, %d", tt.expr, all, solids, tt.all, tt.solids)
		}
	}
}
