package extract

// The entity lexicon: the tables of a Rules set that name authorities,
// courts, organisations, people and places, compiled into matchers once.
//
// Tables read (all in extract/rules, each explained in its header):
// authorities.txt, authority_refs.txt, courts.txt, orgs.txt, legal_forms.txt,
// org_cues.txt, not_orgs.txt, places.txt, persons.txt, months.txt and
// date_words.txt.

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// A Lexicon holds the entity tables of a Rules set, compiled once.
type Lexicon struct {
	authorities phraseSet // alias -> canonical authority
	refs        phraseSet // context-dependent words -> candidate authorities
	courts      phraseSet // court kind as written -> canonical kind

	knownOrgs  map[string]string // folded name -> canonical organisation
	places     map[string]string // folded name -> canonical place
	legalForms map[string]bool   // legal-form suffix, as written
	initial    map[string]bool   // folded words dropped from the front of a name at a sentence start
	notOrg     map[string]bool   // folded names that are never organisations
	givenNames map[string]bool   // folded given names

	cueBefore *regexp.Regexp // cue words, then a name in group 1
	cueLower  *regexp.Regexp // cue words, then a lower-case name in group 1
	cueAfter  *regexp.Regexp // anchored: a comma or space, then a word after an organisation's name
	back      *regexp.Regexp // words that refer back to the organisation last named
	title     *regexp.Regexp // a title, then a person's name in group 1
}

// A phraseSet finds the phrases of a table and maps each to its values.
type phraseSet struct {
	re     *regexp.Regexp
	values map[string][]string // folded phrase -> values
}

// NewLexicon compiles the entity tables of r.
func NewLexicon(r *Rules) (*Lexicon, error) {
	lx := &Lexicon{
		knownOrgs: map[string]string{}, places: map[string]string{}, legalForms: map[string]bool{},
		initial: map[string]bool{}, notOrg: map[string]bool{}, givenNames: map[string]bool{},
	}
	var err error
	// Authorities and courts: each alias (a value) names its key.
	if lx.authorities, err = newPhraseSet(invert(r.Table("authorities.txt"))); err != nil {
		return nil, err
	}
	if lx.refs, err = newPhraseSet(r.Table("authority_refs.txt")); err != nil {
		return nil, err
	}
	if lx.courts, err = newPhraseSet(invert(r.Table("courts.txt"))); err != nil {
		return nil, err
	}
	for _, e := range r.Table("orgs.txt") {
		for _, v := range append([]string{e.Key}, e.Values...) {
			lx.knownOrgs[fold(v)] = e.Key
		}
	}
	for _, e := range r.Table("places.txt") {
		for _, v := range append([]string{e.Key}, e.Values...) {
			lx.places[fold(v)] = e.Key
		}
	}
	for _, v := range r.Values("legal_forms.txt", "form") {
		lx.legalForms[v] = true
	}
	setOf(lx.initial, r.Values("not_orgs.txt", "initial"))
	for _, key := range []string{"word", "law", "product", "generic"} {
		setOf(lx.notOrg, r.Values("not_orgs.txt", key))
	}
	// Month and weekday names are no organisations either.
	for _, e := range r.Table("months.txt") {
		setOf(lx.notOrg, e.Values)
	}
	setOf(lx.notOrg, r.Values("date_words.txt", "weekday"))
	setOf(lx.givenNames, r.Values("persons.txt", "name"))

	cues := func(key string) string { return alternation(r.Values("org_cues.txt", key)) }
	// adjectives: up to two lower-case words between a cue and its name
	// (« la société américaine Discord »).
	adjectives := `(?:` + reSpace + `+\p{Ll}[\p{Ll}-]{3,}){0,2}`
	if lx.cueBefore, err = regexp.Compile(`(?i:\b(?:` + cues("before") + `))` + adjectives + reSpace + `+(` + reNameRun + `)`); err != nil {
		return nil, err
	}
	if lx.cueLower, err = regexp.Compile(`(?i:\b(?:` + cues("lowercase") + `))` + reSpace + `+(\p{Ll}[\p{L}\p{N}]{2,})(?:[,.;:)]|` + reSpace + `+(?:et|qui|a|ont|est|sont)\b)`); err != nil {
		return nil, err
	}
	if lx.cueAfter, err = regexp.Compile(`^,?` + reSpace + `+(?i:` + cues("after") + `)\b`); err != nil {
		return nil, err
	}
	if lx.back, err = regexp.Compile(`(?i:\b(?:` + cues("back") + `))\b`); err != nil {
		return nil, err
	}
	titles := alternation(r.Values("persons.txt", "title"))
	if lx.title, err = regexp.Compile(`(?:^|[^\p{L}])(?:` + titles + `)` + reSpace + `+(` + reNameWord + `(?:` + reSpace + `+` + reNameWord + `)?)`); err != nil {
		return nil, err
	}
	return lx, nil
}

// invert turns « key: alias | alias » entries into one entry per alias whose
// value is the key.
func invert(entries []Entry) []Entry {
	var out []Entry
	for _, e := range entries {
		for _, v := range e.Values {
			out = append(out, Entry{Key: v, Values: []string{e.Key}})
		}
	}
	return out
}

func setOf(set map[string]bool, words []string) {
	for _, w := range words {
		set[fold(w)] = true
	}
}

// newPhraseSet compiles the keys of entries into one pattern, longest first.
// A one-word phrase keeps its case (CNIL); a longer one matches in any case.
func newPhraseSet(entries []Entry) (phraseSet, error) {
	ps := phraseSet{values: map[string][]string{}}
	var phrases []string
	for _, e := range entries {
		k := fold(e.Key)
		if _, seen := ps.values[k]; !seen {
			phrases = append(phrases, e.Key)
		}
		ps.values[k] = append(ps.values[k], e.Values...)
	}
	sort.SliceStable(phrases, func(i, j int) bool { return len(phrases[i]) > len(phrases[j]) })
	alts := make([]string, len(phrases))
	for i, p := range phrases {
		pat := strings.ReplaceAll(alternation([]string{p}), ` `, reSpace+`+`)
		if strings.Contains(p, " ") {
			pat = `(?i:` + pat + `)`
		}
		alts[i] = pat
	}
	re, err := regexp.Compile(`(?:` + strings.Join(alts, "|") + `)`)
	ps.re = re
	return ps, err
}

// find returns the spans of the phrases of ps in text, at word boundaries.
func (ps phraseSet) find(text string) [][2]int {
	var out [][2]int
	for _, m := range ps.re.FindAllStringIndex(text, -1) {
		if wordStart(text, m[0]) && wordEnd(text, m[1]) {
			out = append(out, [2]int{m[0], m[1]})
		}
	}
	return out
}

// lookup returns the values of a phrase as found in the text.
func (ps phraseSet) lookup(s string) []string { return ps.values[fold(s)] }

// accents maps accented Latin letters to their base letter, for fold.
var accents = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "ã", "a", "å", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ì", "i",
	"ô", "o", "ö", "o", "ó", "o", "ò", "o", "õ", "o", "ø", "o",
	"ù", "u", "û", "u", "ü", "u", "ú", "u",
	"ç", "c", "ñ", "n", "ÿ", "y", "œ", "oe", "æ", "ae", "ß", "ss",
)

// fold is the key under which names are compared: lower case, without
// accents, every run of other characters than letters and digits one space.
func fold(s string) string {
	s = accents.Replace(strings.ToLower(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
