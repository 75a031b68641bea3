package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The law tables of extract/rules (formats in their headers).
const (
	lawsTable    = "laws.txt"         // canonical name: aliases
	kindsTable   = "law_kinds.txt"    // kind: canonical names; "prefixed": lettered codes
	anaphorTable = "law_anaphora.txt" // kind: phrases naming a text by its kind
	gdprLaw      = "RGPD"             // the key of laws.txt that is the GDPR
	prefixedKind = "prefixed"         // the key of law_kinds.txt listing lettered codes
	titledKind   = "titled"           // the key of law_kinds.txt listing the kinds that title texts missing from laws.txt
)

// A lawLexicon recognises the names of legal texts.
type lawLexicon struct {
	first    map[string]bool         // lower-case first words of the names, to scan a text fast
	initial  [256]bool               // first bytes of those words, in both cases
	shapes   *wordShapes             // the shapes of those words folded, as the tokens' folded forms are (see foldCaseAccents)
	names    lawAlternation          // every alias and anaphora
	byFirst  map[rune]lawAlternation // by the least case of a letter, the names that may open with it, and those that open otherwise
	unkeyed  bool                    // whether some names open otherwise than with a letter or digit
	kind     map[string]string       // canonical name -> kind
	prefixed map[string]bool         // canonical names of codes with lettered articles
	// otherStart matches the title of a text missing from laws.txt (legalrefs_other.go)
	otherStart anchored
}

// A lawPhrase is one way of naming a text: an alias gives its canonical Law,
// an anaphora only its Kind.
type lawPhrase struct {
	Law  string
	Kind string
}

// A lawName is a text named at some place in the article.
type lawName struct {
	Span
	lawPhrase
}

// newLawLexicon compiles the law tables of r.
func newLawLexicon(r *Rules) (*lawLexicon, error) {
	lx := &lawLexicon{kind: map[string]string{}, prefixed: map[string]bool{}, first: map[string]bool{}}
	titled := r.Values(kindsTable, titledKind)
	for _, w := range titled {
		lx.first[phraseFirstWord(w)] = true
	}
	var err error
	if lx.otherStart, err = otherLawStart(titled); err != nil {
		return nil, fmt.Errorf("rules %s: %w", kindsTable, err)
	}
	var alts []lawAlt
	for _, e := range r.Table(lawsTable) {
		if len(e.Values) == 0 {
			return nil, fmt.Errorf("rules %s: %s has no alias", lawsTable, e.Key)
		}
		for _, v := range e.Values {
			alts = append(alts, lawAlt{phrasePattern(v), lawPhrase{Law: e.Key}})
			lx.first[phraseFirstWord(v)] = true
		}
	}
	for _, e := range r.Table(kindsTable) {
		for _, law := range e.Values {
			switch e.Key {
			case prefixedKind:
				lx.prefixed[law] = true
			case titledKind:
			default:
				lx.kind[law] = e.Key
			}
		}
	}
	for _, e := range r.Table(anaphorTable) {
		for _, v := range e.Values {
			alts = append(alts, lawAlt{phrasePattern(v), lawPhrase{Kind: e.Key}})
		}
	}
	for i := range alts {
		if alts[i].Law != "" {
			alts[i].Kind = lx.kind[alts[i].Law]
		}
	}
	if len(alts) == 0 {
		return nil, fmt.Errorf("rules %s: no law names", lawsTable)
	}
	// Longest patterns first: of the names that match as far, the first
	// listed is the one found (see lawAlternation).
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i].pattern) > len(alts[j].pattern) })
	if lx.names, err = compileLawAlternation(alts); err != nil {
		return nil, fmt.Errorf("rules %s: %w", lawsTable, err)
	}
	// A name can match only where its first letter, in any case, opens the
	// text; a smaller alternation of the names that may is much faster.
	lx.byFirst = map[rune]lawAlternation{}
	for _, m := range lx.names {
		if len(m.lead) > 0 {
			lx.byFirst[m.lead[0]] = nil
		} else {
			lx.unkeyed = true
		}
	}
	for k := range lx.byFirst {
		for _, m := range lx.names {
			if len(m.lead) == 0 || m.lead[0] == k {
				lx.byFirst[k] = append(lx.byFirst[k], m) // in the order of alts, which settles ties
			}
		}
	}
	lx.shapes = &wordShapes{}
	for w := range lx.first {
		lx.shapes.add(foldCaseAccents(w))
		if w != "" {
			lx.initial[w[0]] = true
			lx.initial[strings.ToUpper(w[:1])[0]] = true
		}
	}
	return lx, nil
}

// phrasePattern turns a lexicon phrase into a regular expression: spaces match
// any run of spaces, apostrophes and quotes their typographic forms, and
// brackets and the degree sign allow spaces around them.
func phrasePattern(phrase string) string {
	var b strings.Builder
	for _, r := range phrase {
		switch r {
		case ' ':
			b.WriteString(`\s+`)
		case '\'':
			b.WriteString(reApos)
		case '«':
			b.WriteString(`[«"“]\s*`)
		case '»':
			b.WriteString(`\s*[»"”]`)
		case '(':
			b.WriteString(`\(\s*`)
		case ')':
			b.WriteString(`\s*\)`)
		case '°':
			b.WriteString(`[°º]\s*`)
		case '-':
			b.WriteString(reDash)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

// A lawAlt is a name's pattern and what it names.
type lawAlt struct {
	pattern string
	lawPhrase
}

// A lawAlternation matches names at the start of a text as the
// leftmost-longest alternation of their patterns would: the longest match,
// and of those as long, the first name's. It tries each name's own regexp,
// only where the text opens with the name's first word: an alternation of
// many names makes the regexp package run its slowest engine.
type lawAlternation []lawMatcher

// A lawMatcher is one name of a lawAlternation.
type lawMatcher struct {
	lead []rune   // the least cases of the letters and digits the name opens with
	re   anchored // (?i)^(?:pattern), leftmost-longest
	lawPhrase
}

// compileLawAlternation compiles the alternation of alts, in their order.
func compileLawAlternation(alts []lawAlt) (lawAlternation, error) {
	a := make(lawAlternation, len(alts))
	for i, alt := range alts {
		re, err := regexp.Compile(`(?i)^(?:` + alt.pattern + `)`)
		if err != nil {
			return nil, err
		}
		re.Longest()
		a[i] = lawMatcher{leadKeys(alt.pattern), anchor(re), alt.lawPhrase}
	}
	return a, nil
}

// leadKeys returns the least cases of the letters and digits a pattern
// opens with, which it matches in any case.
func leadKeys(pattern string) []rune {
	var keys []rune
	for _, r := range pattern {
		if !isWordRune(r) {
			break
		}
		keys = append(keys, leastCase(r))
	}
	return keys
}

// opensWith reports whether s opens with the runes of keys in any case.
func opensWith(s string, keys []rune) bool {
	j := 0
	for _, k := range keys {
		if j >= len(s) {
			return false
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if leastCase(r) != k {
			return false
		}
		j += w
	}
	return true
}

// match returns the end of the longest name at the start of s and what it
// names, or -1.
func (a lawAlternation) match(s string) (int, lawPhrase) {
	end, phrase := -1, lawPhrase{}
	for i := range a {
		m := &a[i]
		if !opensWith(s, m.lead) {
			continue
		}
		if loc := m.re.FindStringIndex(s); loc != nil && loc[1] > end {
			end, phrase = loc[1], m.lawPhrase
		}
	}
	return end, phrase
}

// nameAt returns the end of the longest name at the start of s and what
// it names, or -1.
func (lx *lawLexicon) nameAt(s string) (int, lawPhrase) {
	r, _ := utf8.DecodeRuneInString(s)
	if a, ok := lx.byFirst[leastCase(r)]; ok {
		return a.match(s)
	}
	if !lx.unkeyed {
		return -1, lawPhrase{} // no name opens with that
	}
	return lx.names.match(s)
}

// find returns the text named at the start of s (offset base in the
// article), or false. Only a whole-word match counts; a numbered or dated text
// (« loi du 24 juillet 2019 ») wins over the bare kind word it starts with.
func (lx *lawLexicon) find(s string, base int) (lawName, bool) {
	var name lawName
	found := false
	if end, p := lx.nameAt(s); end >= 0 && refEnd(s, end) {
		name, found = lawName{Span{base, base + end}, p}, true
	}
	if found && name.Law != "" {
		return name, true
	}
	if m := lx.otherStart.FindStringIndex(s); m != nil && refEnd(s, m[1]) && (!found || m[1] > name.Len()) {
		return otherLaw(s[:m[1]], base), true
	}
	return name, found
}

// all returns every text named by an alias or a numbered or dated title in
// text, split into toks (anaphora are left out: alone they name nothing).
// It tries only the words that start a name, which keeps it linear and fast.
func (lx *lawLexicon) all(text string, toks []token) []lawName {
	var out []lawName
	next := 0 // where the last name ended
	for _, t := range toks {
		start := t.start
		if start < next {
			if next >= t.end {
				continue
			}
			start = next // a name glued to the next word ends in it (« RGPDLoi »): its rest is read as a word
		}
		if w := text[start:t.end]; !lx.initial[w[0]] || start == t.start && !lx.shapes.may(t.folded) || !lx.first[strings.ToLower(w)] {
			continue
		}
		n, ok := lx.find(text[start:], start)
		if !ok || n.Law == "" {
			continue
		}
		out = append(out, n)
		next = n.End
	}
	return out
}

// phraseFirstWord is the lower-case first word of a phrase.
func phraseFirstWord(phrase string) string {
	w, _, _ := strings.Cut(phrase, " ")
	if i := strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }); i >= 0 {
		w = w[:i]
	}
	return strings.ToLower(w)
}

// refEnd reports whether a reference may end at i: no letter or digit is
// glued after it, or a capital is, since tag stripping glues sentences
// (« du RGPD)Globalement »).
func refEnd(s string, i int) bool {
	if wordEnd(s, i) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	last, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsUpper(r) && !unicode.IsUpper(last)
}

// isWordRune reports whether r is part of a word, as wordStart and wordEnd see it.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
