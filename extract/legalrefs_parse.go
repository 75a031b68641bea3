package extract

// Citation grammar. A citation is a head word (article, articles, art.) or a
// lettered code number (L. 34-5), then a list of items separated by commas,
// « et », « ou » or the range word « à », then the text they belong to:
//
//	articles 12, 13 et 14 du RGPD
//	art. 5(1)(e) RGPD
//	article 5, paragraphe 1, point e) du règlement
//	articles 15 à 17 du règlement général sur la protection des données
//	articles 15, 17 et 21 du RGPD et L34-5 du CPCE
//
// Each item is an article number followed by qualifiers that give its
// paragraph and point in any of the written forms: 5-1-e, 5.1.e), 5(1)(e),
// 5, paragraphe 1, point e), 5, § 1, sous c), 5§, 1, c).

import (
	"regexp"
	"strconv"
	"strings"
)

const (
	// sp is an optional run of horizontal spaces.
	sp = reSpace + `*`
	// reHead opens a citation: « article », « articles », « art. », « Art »,
	// and the English « Article » of quoted decisions.
	reHead = `(?i)^(?:articles?|arts?\.?)` + sp
	// reNumber is an article number: an optional code letter (L. 34-5,
	// R.10-1, L34-5), digits or « premier » / « 1er », then dash-joined
	// segments (226-16 of a code, 5-1-e of the GDPR).
	reNumber = `(?:([LRD])\.?` + sp + `)?(1er\b|premier\b|\d{1,4})((?:` + reDash + `(?:\d{1,4}|[a-z]\b))*)`
	// reLettered is a code article cited without a head word: L. 34-5, R10-1.
	reLettered = `^[LR]\.?` + sp + `\d{1,4}` + reDash + `\d`
)

var (
	headRE     = anchor(regexp.MustCompile(reHead))
	letteredRE = anchor(regexp.MustCompile(reLettered))
	numberRE   = anchor(regexp.MustCompile(`^` + reNumber))
	// qualifierREs read a paragraph (group 1) or a point (group 2) just after
	// an article number or a previous qualifier.
	qualifierREs = []anchored{
		// .1 of 5.1.e) and 28.3 (a dot then a digit, no space: « 32. 1 » ends a sentence)
		anchor(regexp.MustCompile(`^` + sp + `\.(\d{1,2})\b`)),
		// .e) of 5.1.e): a lone lower-case letter
		anchor(regexp.MustCompile(`^\.()([a-z])(?:\)|\b)`)),
		// (1) and (e) of 5(1)(e) and 83 (4) (a)
		anchor(regexp.MustCompile(`^` + sp + `\((\d{1,2})\)`)),
		anchor(regexp.MustCompile(`^` + sp + `\(()([a-z])\)`)),
		// § 1, §1, 5§, 1 and 5, § 1
		anchor(regexp.MustCompile(`^` + sp + `,?` + sp + `§` + sp + `,?` + sp + `(\d{1,2})\b`)),
		// paragraphe 1, paragraphe 1er, alinéa 2, par. 3; a word needs a space
		// before its number, so that the s of « paragraphes 4 » is no number
		anchor(regexp.MustCompile(`(?i)^` + sp + `,?` + sp + `(?:(?:paragraphe|alinéa)` + reSpace + `+|(?:paragr\.|par\.|al\.)` + sp + `)(\d{1,2})(?:er)?\b`)),
		// « paragraphes 4 et 5 », « paragraphes 1 à 6 », « §§ 1 et 2 »: the
		// first paragraph here, the others by pluralQualifier
		anchor(regexp.MustCompile(`(?i)^` + sp + `,?` + sp + `(?:(?:paragraphes|alinéas)` + reSpace + `+|§§` + sp + `)(\d{1,2})\b` + qualifierTail(`\d{1,2}\b`))),
		// point e), point 11, sous c), lettre a)
		anchor(regexp.MustCompile(`(?i)^` + sp + `,?` + sp + `(?:(?:point|sous|lettre)` + reSpace + `+|(?:litt\.|let\.)` + sp + `)()([a-z]|\d{1,2})\b\)?`)),
		// « points a), c) et e) », as « paragraphes 4 et 5 »
		anchor(regexp.MustCompile(`(?i)^` + sp + `,?` + sp + `(?:points|lettres)` + reSpace + `+()([a-z]|\d{1,2})\b\)?` + qualifierTail(`(?:[a-z]|\d{1,2})\b\)?`))),
		// « 6, 1, f) »: a bare paragraph, then a point in brackets (a bare
		// number alone after a comma is the next article of a list)
		anchor(regexp.MustCompile(`^` + sp + `,` + sp + `(\d{1,2})` + sp + `,?` + sp + `([a-z])\)`)),
		// « premier alinéa » of a paragraph, read past: « 6, paragraphe 1,
		// premier alinéa, point f) »
		anchor(regexp.MustCompile(`(?i)^` + sp + `,?` + sp + `(?:premier|second|deuxième|troisième)` + reSpace + `+alinéa\b`)),
		// , c) and c) after a paragraph: « 5§, 1, c) », « 5 § 1 c) »
		anchor(regexp.MustCompile(`^` + sp + `,?` + sp + `()([a-z])\)`)),
		// a Roman section of a French statute, read past but not kept:
		// « article 20, III, de la loi », « article L. 464-2, I »
		anchor(regexp.MustCompile(`^` + sp + `,?` + sp + `[IVX]{1,4}\b`)),
	}
	// afterNumberREs say that digits are not an article number after all: a
	// thousands group, a decimal, a percentage, a fraction (2016/679).
	notArticleRE = anchor(regexp.MustCompile(`^(?:` + reSpace + `\d{3}\b|,\d|` + sp + `%|/\d)`))
	// listSepRE joins two items of a list, possibly repeating the head word.
	// Group 1 is the repeated head word, which the next item's span starts with.
	// A gloss in brackets may follow an item (« 6 (licéité), 12 à 14
	// (transparence) »), and « ainsi que » may join the last one.
	listSepRE = anchor(regexp.MustCompile(`(?i)^(?:` + sp + `\(\p{Ll}[^()]{1,80}\))?(?:` + sp + `,` + sp + `(?:(?:et|ou|ainsi` + reSpace + `+que)` + reSpace + `+)?|` + reSpace + `+(?:et|ou|et/ou|ainsi` + reSpace + `+que)` + reSpace + `+)(?:(?:l` + reApos + `|les` + reSpace + `+|des` + reSpace + `+|aux?` + reSpace + `+)?((?:articles?|arts?\.?))` + sp + `)?`))
	// rangeSepRE joins the two ends of a range: « 15 à 22 », « 15 à
	// l'article 22 »; group 1 is the repeated head word, as in listSepRE.
	rangeSepRE = anchor(regexp.MustCompile(`(?i)^` + reSpace + `+(?:à|au)` + reSpace + `+(?:(?:l` + reApos + `)?((?:articles?|art\.?))` + sp + `)?`))
	// lawSepRE introduces the text after an item: « du », « de la », « de
	// ce », « dudit », « of the », or nothing (« art. 5 RGPD »).
	lawSepRE = anchor(regexp.MustCompile(`(?i)^` + sp + `,?` + `\s*(?:(?:du|des|dudit|de` + reSpace + `+(?:la|ladite|ce|cette|l` + reApos + `)|de|of(?:` + reSpace + `+the)?)(?:` + reSpace + `+|` + reApos + `)` + sp + `)?`))
	// unknownTextRE is « du », « de la », « des » and a word after the
	// items: some text or document is named, if not one of the lexicon.
	unknownTextRE = anchor(regexp.MustCompile(`(?i)^` + sp + `,?` + sp + `(?:du|des|de` + reSpace + `+la|de` + reSpace + `+l` + reApos + `|de|of)` + reSpace + `*\p{L}`))
	// lawAfterListRE continues a list after its text: « … du RGPD et L34-5 du CPCE ».
	// Group 1 is the repeated head word, as in listSepRE.
	lawAfterListRE = anchor(regexp.MustCompile(`(?i)^(?:` + sp + `,` + sp + `|` + reSpace + `+)(?:et|ainsi` + reSpace + `+que)` + reSpace + `+(?:(?:à` + reSpace + `+)?(?:l` + reApos + `|les` + reSpace + `+)?((?:articles?|arts?\.?))` + sp + `)?`))
	// lawBeforeRE is what may stand between a text and a head naming it
	// first: « (RGPD, art. 5§, 1, c) ».
	lawBeforeRE = regexp.MustCompile(`^` + sp + `,?` + sp + `$`)
	// closesCitationRE matches, right before a text's name, the article
	// number it closes: « art. 34 RGPD », « article 6 du règlement ».
	closesCitationRE = regexp.MustCompile(`\d[\p{L}\d.)-]*` + sp + `(?:(?:du|de` + reSpace + `+la|de` + reSpace + `+l` + reApos + `|des)` + sp + `)?$`)
)

// An item is one article cited, before its text is known.
type item struct {
	Span          // the item's own surface (with the head word for a list's first item)
	Letter string // code letter: "L", "R", "D" or ""
	Number string // the number as written, dashes kept: "34-5", "5-1-e", "15"
	Para   int    // paragraph, 0 if none
	Point  string // point, "" if none
	Suffix string // « bis », « ter »… after the number, "" if none
	// more are the further paragraphs or points of a plural qualifier
	// (« paragraphes 4 et 5 », « points a) et c) »), each its own article
	more []string
}

// A citation is a run of items and the text they belong to.
type citation struct {
	Items []item
	Law   *lawName // nil when no text is named right after the items
	// Unknown is set when the items are followed by « du / de la … » and a
	// name that is no text of the lexicon (« l'article 3 du contrat »): they
	// belong to that, not to the text of the passage.
	Unknown bool
}

// parseCitations finds every citation of text, split into toks.
func parseCitations(text string, toks []token, lx *lawLexicon) []citation {
	var out []citation
	pos := 0
	for _, h := range heads(text, toks) {
		start, body := h[0], h[1]
		if start < pos {
			continue
		}
		cits, end := parseList(text, start, body, lx)
		out = append(out, cits...)
		pos = max(end, body)
	}
	return out
}

// heads returns where each possible citation starts and where its first
// number starts, in text order: head words and lettered code numbers. Only
// the places where one can start (an « a » or an « L » or « R » at a word
// start: where one of toks, the words of text, starts) are tried, which is
// much faster than scanning with the patterns.
func heads(text string, toks []token) [][2]int {
	var out [][2]int
	next := 0 // where the last head word ended
	for _, t := range toks {
		i := t.start
		if i < next {
			continue
		}
		switch text[i] {
		case 'a', 'A': // a head word opens with « art », in any case
			if i+2 < len(text) && text[i+1]|0x20 == 'r' && text[i+2]|0x20 == 't' {
				if m := headRE.FindStringIndex(text[i:]); m != nil {
					out = append(out, [2]int{i, i + m[1]})
					next = i + m[1]
				}
			}
		case 'L', 'R': // a dot, a space or a digit follows the letter of a code number
			if !(i+1 < len(text) && isASCIILetter(text[i+1])) && letteredRE.MatchString(text[i:]) {
				out = append(out, [2]int{i, i})
			}
		}
	}
	return out
}

// parseList reads the items of one citation from body on (start is where its
// head word begins) and the texts named after them. It returns the citations
// found, one per text named, and where reading stopped.
func parseList(text string, start, body int, lx *lawLexicon) ([]citation, int) {
	var out []citation
	cur := citation{}
	pos := body  // where the next item is looked for
	read := body // end of the last item read
	itemStart := start
	for {
		it, end, ok := parseItem(text, itemStart, pos)
		if !ok {
			break
		}
		items := expandPlural(it)
		if r := rangeSepRE.FindStringSubmatchIndex(text[end:]); r != nil {
			if last, lend, ok := parseItem(text, end+sepItemStart(r), end+r[1]); ok {
				items = expandRange(it, last, Span{pos, lend})
				end = lend
			}
		}
		cur.Items = append(cur.Items, items...)
		pos, read = end, end
		if name, ok := lawAfter(text, pos, lx); ok {
			cur.Law = &name
			// the text's name closes the last item, and the items of its
			// plural qualifier, which share its span
			last := cur.Items[len(cur.Items)-1].Span
			for i := len(cur.Items) - 1; i >= 0 && cur.Items[i].Span == last; i-- {
				cur.Items[i].End = name.End
			}
			out = append(out, cur)
			cur = citation{}
			pos = name.End
			sep := lawAfterListRE.FindStringSubmatchIndex(text[pos:])
			if sep == nil {
				return out, pos
			}
			// A list goes on after its text only with an item that names
			// its own text or is a lettered code article.
			next, nend, ok := parseItem(text, pos+sep[1], pos+sep[1])
			if !ok {
				return out, pos
			}
			if _, named := lawAfter(text, nend, lx); !named && next.Letter == "" {
				return out, pos
			}
			itemStart, pos = pos+sepItemStart(sep), pos+sep[1]
			continue
		}
		sep := listSepRE.FindStringSubmatchIndex(text[pos:])
		if sep == nil {
			break
		}
		itemStart, pos = pos+sepItemStart(sep), pos+sep[1]
	}
	if len(cur.Items) > 0 {
		cur.Unknown = unknownTextRE.MatchString(text[read:])
		out = append(out, cur)
	}
	return out, read
}

// sepItemStart is where the item after a list separator starts: at its
// repeated head word if any (group 1), else after the separator.
func sepItemStart(sep []int) int {
	if sep[2] >= 0 {
		return sep[2]
	}
	return sep[1]
}

// lawAfter returns the text named right after an item ending at pos.
func lawAfter(text string, pos int, lx *lawLexicon) (lawName, bool) {
	sep := lawSepRE.FindStringIndex(text[pos:])
	if sep == nil {
		return lawName{}, false
	}
	return lx.find(text[pos+sep[1]:], pos+sep[1])
}

// parseItem reads one article number and its qualifiers at pos; the item's
// span starts at start (before pos when it includes the head word).
func parseItem(text string, start, pos int) (item, int, bool) {
	m := numberRE.FindStringSubmatchIndex(text[pos:])
	if m == nil {
		return item{}, pos, false
	}
	end := pos + m[1]
	if !refEnd(text, end) || (m[2] < 0 && notArticleRE.MatchString(text[end:])) {
		return item{}, pos, false
	}
	it := item{Number: text[pos+m[4] : pos+m[5]]}
	if it.Number == "premier" || it.Number == "1er" {
		it.Number = "1"
	}
	if m[2] >= 0 {
		it.Letter = text[pos+m[2] : pos+m[3]]
	}
	it.Number += dashesToHyphen(text[pos+m[6] : pos+m[7]])
	if sfx := suffixRE.FindStringSubmatchIndex(text[end:]); sfx != nil {
		it.Suffix = strings.ToLower(text[end+sfx[2] : end+sfx[3]])
		end += sfx[1]
	}
	// « 5-1-e), 13 et 14 »: the bracket that closes a point written in
	// dashes belongs to the item when the list goes on
	if m[7] > m[6] && letterAt(text, end-1) && strings.HasPrefix(text[end:], ")") && listGoesOnRE.MatchString(text[end+1:]) {
		end++
	}
	for progress := true; progress; {
		progress = false
		for _, re := range qualifierREs {
			q := re.FindStringSubmatchIndex(text[end:])
			if q == nil {
				continue
			}
			para, point := groupText(text[end:], q, 1), groupText(text[end:], q, 2)
			if (para != "" && (it.Para > 0 || it.Point != "")) || (point != "" && it.Point != "") {
				continue
			}
			if para != "" {
				it.Para, _ = strconv.Atoi(para)
			}
			if point != "" {
				it.Point = strings.ToLower(point)
			}
			if g := 2 * (1 + boolInt(point != "")); it.more == nil && len(q) > g && q[g] >= 0 && pluralWordRE.MatchString(text[end:end+q[1]]) {
				it.more = pluralQualifier(text[end+q[g] : end+q[1]])
			}
			end += q[1]
			progress = true
			break
		}
	}
	it.Span = Span{start, end}
	return it, end, true
}

// qualifierTail matches the further paragraphs or points of a plural
// qualifier (« , 5 et 6 »), each matching item.
func qualifierTail(item string) string {
	return `(?:(?:` + sp + `,` + sp + `|` + reSpace + `+(?:et|ou|à)` + reSpace + `+)` + item + `)*`
}

// pluralRE reads the members of a plural qualifier: a paragraph number or a
// point, and the word that joins it to the one before.
var pluralRE = regexp.MustCompile(`(?:(à)` + reSpace + `+)?(\d{1,2}|\b[a-z]\b)`)

// pluralQualifier returns the paragraphs or points named by a plural
// qualifier after its first: « paragraphes 4, 5 et 6 » gives 5 and 6,
// « paragraphes 1 à 6 » gives 2 to 6, « points a) à c) » gives b and c.
func pluralQualifier(q string) []string {
	var out []string
	ms := pluralRE.FindAllStringSubmatch(q, -1)
	for i, m := range ms {
		if i == 0 {
			continue
		}
		if m[1] != "" {
			from, to := ms[i-1][2], m[2]
			if a, err := strconv.Atoi(from); err == nil {
				if b, err := strconv.Atoi(to); err == nil && b > a && b-a <= maxRange {
					for n := a + 1; n < b; n++ {
						out = append(out, strconv.Itoa(n))
					}
				}
			} else if len(from) == 1 && len(to) == 1 && to[0] > from[0] && to[0]-from[0] <= 10 {
				for c := from[0] + 1; c < to[0]; c++ {
					out = append(out, string(c))
				}
			}
		}
		out = append(out, m[2])
	}
	return out
}

// expandPlural returns the items an item with a plural qualifier stands for,
// one per paragraph or point, all with the item's span.
func expandPlural(it item) []item {
	out := []item{it}
	for _, v := range it.more {
		next := it
		next.more = nil
		if n, err := strconv.Atoi(v); err == nil && it.Point == "" {
			next.Para = n
		} else {
			next.Point = v
		}
		out = append(out, next)
	}
	return out
}

// groupText is the text of capture group g of m in s, "" if unmatched.
func groupText(s string, m []int, g int) string {
	if 2*g+1 >= len(m) || m[2*g] < 0 {
		return ""
	}
	return s[m[2*g]:m[2*g+1]]
}

// dashesToHyphen writes every dash of s as an ASCII hyphen.
func dashesToHyphen(s string) string {
	return dashRE.ReplaceAllString(s, "-")
}

var (
	dashRE = regexp.MustCompile(reDash)
	// suffixRE reads the Latin ordinal after an article number: « 6 bis », « 226-16 ter ».
	suffixRE = anchor(regexp.MustCompile(`(?i)^` + reSpace + `+(bis|ter|quater|quinquies)\b`))
	// pluralWordRE is the word of a plural qualifier.
	pluralWordRE = regexp.MustCompile(`(?i)paragraphes|alinéas|§§|points|lettres`)
	// listGoesOnRE is a list separator and the next number.
	listGoesOnRE = anchor(regexp.MustCompile(`^(?:` + sp + `,` + sp + `|` + reSpace + `+(?:et|ou)` + reSpace + `+)\d`))
)

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// maxRange bounds the expansion of « articles 15 à 22 »: a longer span is a
// misreading, not a list of articles.
const maxRange = 40

// expandRange returns the items of a range from first to last, both kept, the
// ones between spanning the whole range surface. A range expands only between
// plain numbers, or between code numbers that differ in their last segment
// (L. 420-1 à L. 420-5).
func expandRange(first, last item, whole Span) []item {
	out := []item{first}
	if first.Letter != last.Letter || first.Para != 0 || first.Point != "" {
		return append(out, last)
	}
	stem1, n1 := splitLast(first.Number)
	stem2, n2 := splitLast(last.Number)
	if stem1 != stem2 || n1 < 0 || n2 <= n1 || n2-n1 > maxRange {
		return append(out, last)
	}
	for n := n1 + 1; n < n2; n++ {
		out = append(out, item{Span: whole, Letter: first.Letter, Number: stem1 + strconv.Itoa(n)})
	}
	return append(out, last)
}

// splitLast splits "420-1" into "420-" and 1, "15" into "" and 15; the number
// is -1 when the last segment is not numeric.
func splitLast(number string) (string, int) {
	i := strings.LastIndexByte(number, '-') + 1
	n, err := strconv.Atoi(number[i:])
	if err != nil {
		return number[:i], -1
	}
	return number[:i], n
}
