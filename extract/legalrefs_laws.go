package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
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
)

// A lawLexicon recognises the names of legal texts.
type lawLexicon struct {
	names    *regexp.Regexp    // every alias and anaphora, one capture group per phrase
	phrases  []lawPhrase       // by capture group, in the order of names' groups
	kind     map[string]string // canonical name -> kind
	prefixed map[string]bool   // canonical names of codes with lettered articles
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

var (
	defaultLaws     *lawLexicon
	defaultLawsOnce sync.Once
)

// defaultLawLexicon returns the lexicon of the embedded tables, built once.
func defaultLawLexicon() *lawLexicon {
	defaultLawsOnce.Do(func() {
		lx, err := newLawLexicon(DefaultRules())
		if err != nil {
			panic(err)
		}
		defaultLaws = lx
	})
	return defaultLaws
}

// newLawLexicon compiles the law tables of r.
func newLawLexicon(r *Rules) (*lawLexicon, error) {
	lx := &lawLexicon{kind: map[string]string{}, prefixed: map[string]bool{}}
	type alt struct {
		pattern string
		lawPhrase
	}
	var alts []alt
	for _, e := range r.Table(lawsTable) {
		if len(e.Values) == 0 {
			return nil, fmt.Errorf("rules %s: %s has no alias", lawsTable, e.Key)
		}
		for _, v := range e.Values {
			alts = append(alts, alt{phrasePattern(v), lawPhrase{Law: e.Key}})
		}
	}
	for _, e := range r.Table(kindsTable) {
		for _, law := range e.Values {
			if e.Key == prefixedKind {
				lx.prefixed[law] = true
			} else {
				lx.kind[law] = e.Key
			}
		}
	}
	for _, e := range r.Table(anaphorTable) {
		for _, v := range e.Values {
			alts = append(alts, alt{phrasePattern(v), lawPhrase{Kind: e.Key}})
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
	// Longest phrases first: the alternation is leftmost-first, so
	// « règlement (UE) 2016/679 » must be tried before « règlement ».
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i].pattern) > len(alts[j].pattern) })
	groups := make([]string, len(alts))
	for i, a := range alts {
		groups[i] = "(" + a.pattern + ")"
		lx.phrases = append(lx.phrases, a.lawPhrase)
	}
	re, err := regexp.Compile(`(?i)` + strings.Join(groups, "|"))
	if err != nil {
		return nil, fmt.Errorf("rules %s: %w", lawsTable, err)
	}
	lx.names = re
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

// find returns the text named at the start of s (offset base in the article),
// or false. Only a whole-word match counts.
func (lx *lawLexicon) find(s string, base int) (lawName, bool) {
	m := lx.names.FindStringSubmatchIndex(s)
	if m == nil || m[0] != 0 || !refEnd(s, m[1]) {
		return lawName{}, false
	}
	return lawName{Span{base, base + m[1]}, lx.phrases[group(m)]}, true
}

// all returns every text named by an alias in text (anaphora are left out:
// alone they name nothing).
func (lx *lawLexicon) all(text string) []lawName {
	var out []lawName
	for _, m := range lx.names.FindAllStringSubmatchIndex(text, -1) {
		if !wordStart(text, m[0]) || !refEnd(text, m[1]) {
			continue
		}
		if p := lx.phrases[group(m)]; p.Law != "" {
			out = append(out, lawName{Span{m[0], m[1]}, p})
		}
	}
	return out
}

// group is the index of the phrase whose capture group matched.
func group(m []int) int {
	for g := 1; 2*g < len(m); g++ {
		if m[2*g] >= 0 {
			return g - 1
		}
	}
	return 0
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
