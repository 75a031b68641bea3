package extract

// Legal references: which article of which text an article cites.
//
// Finding (legalrefs_parse.go) reads each citation's items and the text named
// right after them. Linking (this file) gives every item its text:
//
//  1. the text named after the item's list (« articles 12 et 13 du RGPD »),
//     an anaphora (« du règlement », « de la même loi ») taking the text of
//     that kind named last before it;
//  2. the text named just before the head word (« (RGPD, art. 5§, 1, c) »);
//  3. for a bare « article 32 », the text named last before it in the
//     article, else one named later in its sentence, else the text named
//     most often in the article; else the item is left out.
//
// A text must fit the item: a lettered number (L. 34-5) belongs to a code
// whose articles are lettered, a plain one never does, and the GDPR has 99
// articles. Texts and their aliases are the tables laws.txt, law_kinds.txt
// and law_anaphora.txt of extract/rules.

import (
	"sort"
	"strconv"
	"strings"
)

// gdprArticles is the number of articles of the GDPR.
const gdprArticles = 99

// citations returns the article citations of text, split into toks: GDPR
// ones in the first slice, every other text's in the second, both sorted by
// Start.
func (lx *lawLexicon) citations(text string, toks []token) ([]GDPRRef, []LawRef) {
	cits := parseCitations(text, toks, lx)
	if len(cits) == 0 {
		return nil, nil
	}
	names := lx.all(text, toks)
	var gdpr []GDPRRef
	var laws []LawRef
	var cited []lawName // the texts of the citations read so far, in order
	for _, c := range cits {
		for i, it := range c.Items {
			law := lx.resolve(text, c, it, names, cited)
			if i == len(c.Items)-1 && c.Law != nil && law != "" {
				cited = append(cited, lawName{c.Law.Span, lawPhrase{Law: law, Kind: lx.kind[law]}})
			}
			switch {
			case law == "":
			case law == gdprLaw:
				if g, ok := gdprRef(it); ok {
					g.Text = text[it.Start:it.End]
					gdpr = append(gdpr, g)
				}
			default:
				laws = append(laws, LawRef{Span: it.Span, Text: text[it.Start:it.End], Law: law, Ref: lawRef(it)})
			}
		}
	}
	sort.SliceStable(gdpr, func(i, j int) bool { return gdpr[i].Start < gdpr[j].Start })
	sort.SliceStable(laws, func(i, j int) bool { return laws[i].Start < laws[j].Start })
	return gdpr, laws
}

// resolve returns the canonical name of the text item belongs to, or "".
func (lx *lawLexicon) resolve(text string, c citation, it item, names, cited []lawName) string {
	if c.Law != nil {
		if c.Law.Law != "" {
			return c.Law.Law
		}
		return lx.antecedent(c.Law.Kind, c.Law.Start, it, names)
	}
	if c.Unknown {
		return ""
	}
	head := c.Items[0].Start
	for i := len(names) - 1; i >= 0; i-- {
		if n := names[i]; n.End <= head {
			if lawBeforeRE.MatchString(text[n.End:head]) && lx.fits(n.Law, it) {
				return n.Law
			}
			break
		}
	}
	return lx.bare(text, it, names, cited)
}

// antecedent is the text of kind named last before pos, else first after it.
func (lx *lawLexicon) antecedent(kind string, pos int, it item, names []lawName) string {
	before, after := "", ""
	for _, n := range names {
		switch {
		case n.Kind != kind || !lx.fits(n.Law, it):
		case n.Start < pos:
			before = n.Law
		case after == "":
			after = n.Law
		}
	}
	if before != "" {
		return before
	}
	return after
}

// bare is the text of an article cited without one: the text named last
// before it in its sentence, else, for a citation in brackets, the text that
// closes a later one of its sentence in brackets, else the text of the last
// citation before it, else the text named last before it, else one named
// later in its sentence, else the text named most often.
func (lx *lawLexicon) bare(text string, it item, names, cited []lawName) string {
	sentence := sentenceStart(text, it.Start)
	if law := lx.lastBefore(names, it, sentence); law != "" {
		return law
	}
	end := sentenceEnd(text, it.End)
	later := func(bracketed bool) string {
		for _, n := range names {
			if n.Start >= it.End && n.End <= end && lx.fits(n.Law, it) && (!bracketed || closesBracketedCitation(text, n)) {
				return n.Law
			}
		}
		return ""
	}
	// « (art. 28), … (art. 32) et … (art. 34 RGPD) »: a bracketed citation
	// takes the text that closes a later one of its sentence
	if inBracket(text, it.Start) {
		if law := later(true); law != "" {
			return law
		}
	}
	if law := lx.lastBefore(cited, it, 0); law != "" {
		return law
	}
	if law := lx.lastBefore(names, it, 0); law != "" {
		return law
	}
	if law := later(false); law != "" {
		return law
	}
	count := map[string]int{}
	best := ""
	for _, n := range names {
		if !lx.fits(n.Law, it) {
			continue
		}
		count[n.Law]++
		if count[n.Law] > count[best] {
			best = n.Law
		}
	}
	return best
}

// inBracket reports whether a citation starting at i opens a bracket: « (art. 28) ».
func inBracket(text string, i int) bool {
	return strings.HasSuffix(strings.TrimRight(text[:i], " \t\u00a0"), "(")
}

// closesBracketedCitation reports whether the text's name n closes a citation
// in brackets: « (art. 34 RGPD) ».
func closesBracketedCitation(text string, n lawName) bool {
	return closesCitationRE.MatchString(text[max(0, n.Start-24):n.Start]) && strings.HasPrefix(strings.TrimLeft(text[n.End:], " \t\u00a0"), ")")
}

// lastBefore is the last text of names that fits it, named between from and
// the item's start, or "".
func (lx *lawLexicon) lastBefore(names []lawName, it item, from int) string {
	n, _ := lastBefore(names, it.Start, func(n lawName) bool { return n.Start >= from && lx.fits(n.Law, it) })
	return n.Law
}

// fits reports whether item can be an article of law.
func (lx *lawLexicon) fits(law string, it item) bool {
	if (it.Letter != "") != lx.lettered(law) {
		return false
	}
	if law == gdprLaw {
		n, _ := splitFirst(it.Number)
		return n >= 1 && n <= gdprArticles
	}
	return true
}

// lettered reports whether the articles of law carry a letter (L. 34-5): the
// codes so marked in law_kinds.txt, and codes missing from laws.txt.
func (lx *lawLexicon) lettered(law string) bool {
	if _, known := lx.kind[law]; known {
		return lx.prefixed[law]
	}
	return strings.HasPrefix(law, "code ")
}

// splitFirst splits "5-1-e" into 5 and ["1", "e"]; the number is 0 when the
// first segment is not numeric.
func splitFirst(number string) (int, []string) {
	parts := strings.Split(number, "-")
	n, _ := strconv.Atoi(parts[0])
	return n, parts[1:]
}

// gdprRef reads an item as a GDPR article: 5-1-e, 5 with paragraph 1 and
// point e, 4 with point 11.
func gdprRef(it item) (GDPRRef, bool) {
	g := GDPRRef{Span: it.Span}
	var segs []string
	g.Article, segs = splitFirst(it.Number)
	if g.Article < 1 || g.Article > gdprArticles || it.Letter != "" || it.Suffix != "" || len(segs) > 2 {
		return g, false
	}
	for _, s := range segs {
		n, err := strconv.Atoi(s)
		switch {
		case err == nil && g.Paragraph == 0 && g.Point == "":
			g.Paragraph = n
		case g.Point == "":
			g.Point = s
		default:
			return g, false
		}
	}
	if it.Para > 0 {
		switch {
		case g.Paragraph == 0 && g.Point == "":
			g.Paragraph = it.Para
		case g.Point == "":
			g.Point = strconv.Itoa(it.Para)
		default:
			return g, false
		}
	}
	if it.Point != "" {
		if g.Point != "" {
			return g, false
		}
		g.Point = it.Point
	}
	return g, true
}

// lawRef is the ref of an item of another text: letter and number without
// spaces or dots, then the paragraph and the point after dashes.
func lawRef(it item) string {
	ref := it.Letter + it.Number + it.Suffix
	if it.Para > 0 {
		ref += "-" + strconv.Itoa(it.Para)
	}
	if it.Point != "" {
		ref += "-" + it.Point
	}
	return ref
}
