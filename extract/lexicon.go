package extract

// The entity lexicon: the tables of a Rules set that name authorities,
// courts, organisations, people and places, compiled into matchers once.
//
// Tables read (all in extract/rules, each explained in its header):
// authorities.txt, authority_refs.txt, courts.txt, orgs.txt, legal_forms.txt,
// org_cues.txt, not_orgs.txt, places.txt, services.txt, persons.txt, months.txt and
// date_words.txt.

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A Lexicon holds the entity tables of a Rules set, compiled once.
type Lexicon struct {
	authorities phraseSet // alias -> canonical authority
	refs        phraseSet // context-dependent words -> candidate authorities
	courts      phraseSet // court kind as written -> canonical kind
	nonOrgs     phraseSet // names of laws, products and services, in any case

	knownOrgs   map[string]string // folded name -> canonical organisation
	maxKnown    int               // bytes the longest known organisation's name may take in a text
	places      map[string]string // folded name -> canonical place
	legalForms  map[string]bool   // legal-form suffix, as written
	initial     map[string]bool   // folded words dropped from the front of a name at a sentence start
	notOrg      map[string]bool   // folded names that are never organisations
	commonAlone map[string]bool   // folded words of initial and notOrg that are no known organisation, place or given name
	givenNames  map[string]bool   // folded given names
	titles      map[string]bool   // folded titles of persons (Maître, Mme)
	tails       map[string]bool   // folded words that end a company's name (Group, International)
	counsel     map[string]bool   // folded words that end or follow the name of counsel (« Avocats », « avocat »)
	sanctioning map[string]bool   // folded acronyms of the State's services that pronounce sanctions (DIRECCTE)

	cueBefore    wordScan        // cue words, then a name in group 1
	cueLower     wordScan        // cue words, then a lower-case name in group 1
	cueAfter     afterCue        // a comma or space, then a word after an organisation's name
	partyAfter   afterCue        // the same, of a word after a party's name, which a given name makes a person's
	placeBefore  suffixGated     // words right before a place's name (« établie à », « en »)
	counselAfter counselCue      // coordinated names, then a counsel's word (« , Molinié, avocat »)
	chrome       *chromeCues     // words that make a line page chrome (« partager sur »)
	product      wordScan        // words before a product's name, then the name in group 1
	body         wordScan        // a public body's head word and its complements (« ministère de l'Intérieur »)
	back         wordScan        // words that refer back to the organisation last named
	relative     *regexp.Regexp  // the relative words that open a clause, at the start of a string (org_cues.txt relative)
	generic      map[string]bool // the folded nouns of those words (« société »), which stand for any company
	orgNouns     map[string]bool // the folded nouns of the cues and body heads (« fédération », « syndicat »)
	title        wordScan        // a title, then a person's name in group 1
	byline       *regexp.Regexp  // a line's start up to a name: a byline's opening words
	role         anchored        // anchored: a comma and a person's role after a name
	said         *regexp.Regexp  // a quotation's end or a comma, then a verb of speech, before a name

	first firstWords // the first words of the phrase sets and the scans, which tell where each may match

	nameRun string         // the pattern of a name: capitalised words and the particles that join them
	run     nameRunMatcher // reads nameRun without a regexp
	andName anchored       // anchored: a second name coordinated with a first (« noyb et La Quadrature du Net »)
}

// A phraseSet finds the phrases of a table, word by word, and maps each to
// its values.
type phraseSet struct {
	byFirst map[string][]*phrase // by folded first word, longest phrase first
	shapes  *wordShapes          // the shapes of the keys of byFirst
}

// wordShapes holds the first and second bytes and lengths of a set of
// words: a word whose shape is not in it is not in the set, which is
// cheaper to tell than looking the word up in a map.
type wordShapes struct {
	first  [256]uint64 // by first byte, a bit for each length (63 for 63 or more)
	second [256]uint64 // by second byte (0 for none), the same
}

// add adds the shape of a word.
func (ws *wordShapes) add(w string) {
	if w != "" {
		ws.first[w[0]] |= 1 << min(len(w), 63)
		ws.second[secondByte(w)] |= 1 << min(len(w), 63)
	}
}

// secondByte returns the second byte of w, or 0.
func secondByte(w string) byte {
	if len(w) < 2 {
		return 0
	}
	return w[1]
}

// may reports whether a word of the shape of w may be in the set.
func (ws *wordShapes) may(w string) bool {
	bit := uint64(1) << min(len(w), 63)
	return w == "" || ws.first[w[0]]&bit != 0 && ws.second[secondByte(w)]&bit != 0
}

// mayLower reports whether w lowered may be in the set of lower-case words:
// lowering keeps the length of an ASCII word; that of another is counted
// rune by rune, with no copy. A word whose first byte, lowered, opens no
// word of the set is out at one look: lowering keeps an ASCII byte so.
func (ws *wordShapes) mayLower(w string) bool {
	if w == "" {
		return true
	}
	if c := w[0]; c < utf8.RuneSelf && ws.first[lowerByte(c)] == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return ws.mayLowerRunes(w)
		}
	}
	c, d := lowerByte(w[0]), lowerByte(secondByte(w))
	bit := uint64(1) << min(len(w), 63)
	return ws.first[c]&bit != 0 && ws.second[d]&bit != 0
}

// mayLowerRunes is mayLower for a word that is not ASCII: the shape of
// strings.ToLower(w), read as it is written.
func (ws *wordShapes) mayLowerRunes(w string) bool {
	var head []byte // the first two runes lowered
	var buf [2 * utf8.UTFMax]byte
	n, size := 0, 0
	for _, r := range w {
		r = unicode.ToLower(r)
		if n < 2 {
			head = utf8.AppendRune(buf[:size], r)
			n++
		}
		size += utf8.RuneLen(r)
	}
	bit := uint64(1) << min(size, 63)
	second := byte(0)
	if size > 1 {
		second = head[1]
	}
	return ws.first[head[0]]&bit != 0 && ws.second[second]&bit != 0
}

// lowerByte lowers an ASCII capital.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// A phrase is one entry of a phraseSet.
type phrase struct {
	words  []string // folded words
	exact  string   // a one-word phrase matched with its case as written; "" otherwise
	values []string
}

// A phraseMatch is a phrase found in a text.
type phraseMatch struct {
	start, end int
	values     []string
}

// NewLexicon compiles the entity tables of r.
func NewLexicon(r *Rules) (*Lexicon, error) {
	lx := &Lexicon{
		knownOrgs: map[string]string{}, places: map[string]string{}, legalForms: map[string]bool{},
		initial: map[string]bool{}, notOrg: map[string]bool{}, givenNames: map[string]bool{}, titles: map[string]bool{},
		tails: map[string]bool{}, counsel: map[string]bool{}, sanctioning: map[string]bool{}, chrome: &chromeCues{},
	}
	var err error
	// Authorities and courts: each alias (a value) names its key.
	lx.authorities = newPhraseSet(invert(r.Table("authorities.txt")), false)
	lx.refs = newPhraseSet(r.Table("authority_refs.txt"), false)
	lx.courts = newPhraseSet(invert(r.Table("courts.txt")), false)
	var nonOrgs []Entry
	for _, key := range []string{"law", "product"} {
		for _, v := range r.Values("not_orgs.txt", key) {
			nonOrgs = append(nonOrgs, Entry{Key: v})
		}
	}
	lx.nonOrgs = newPhraseSet(nonOrgs, true)
	for _, e := range r.Table("orgs.txt") {
		for _, v := range append([]string{e.Key}, e.Values...) {
			lx.knownOrgs[foldCaseAccentsPunctuation(v)] = e.Key
			// accents fold to one byte, and spaces may be doubled: 3 bytes
			// of text per folded byte is ample
			lx.maxKnown = max(lx.maxKnown, 3*len(v)+8)
		}
	}
	for _, e := range r.Table("places.txt") {
		for _, v := range append([]string{e.Key}, e.Values...) {
			lx.places[foldCaseAccentsPunctuation(v)] = e.Key
		}
	}
	for _, v := range r.Values("legal_forms.txt", "form") {
		lx.legalForms[v] = true
	}
	setOf(lx.initial, r.Values("not_orgs.txt", "initial"))
	for _, v := range r.Values("services.txt", "sanctioning") {
		lx.sanctioning[foldCaseAccentsPunctuation(v)] = true
	}
	for _, key := range []string{"word", "law", "product", "generic"} {
		setOf(lx.notOrg, r.Values("not_orgs.txt", key))
	}
	// Month and weekday names are no organisations either.
	for _, e := range r.Table("months.txt") {
		setOf(lx.notOrg, e.Values)
	}
	setOf(lx.notOrg, r.Values("date_words.txt", "weekday"))
	setOf(lx.notOrg, r.Values("persons.txt", "role")) // « Karim Haddad, Conseiller »: a role alone names no body
	for _, v := range r.Values("not_orgs.txt", "chrome") {
		lx.chrome.add(strings.ToLower(v))
	}
	setOf(lx.givenNames, r.Values("persons.txt", "name"))
	setOf(lx.titles, r.Values("persons.txt", "title"))
	setOf(lx.tails, r.Values("org_cues.txt", "tail"))
	setOf(lx.counsel, r.Values("org_cues.txt", "counsel"))

	var missing []string // cue keys with no words, which would match anything
	cueWords := func(key string) []string {
		v := r.Values("org_cues.txt", key)
		if len(v) == 0 {
			missing = append(missing, key)
		}
		return v
	}
	cues := func(key string) string { return alternation(cueWords(key)) }
	// A name is capitalised words joined by spaces, maybe with a particle
	// (La Quadrature du Net, Morgan Stanley & Co) or an elision (Caisse
	// d'Épargne); « et » joins two names (« Tech Data et Ingram Micro »).
	join := `(?:` + reSpace + `+(?:(?:` + cues("particle") + `)` + reSpace + `+)?|` + reSpace + `+(?:` + cues("elision") + `))`
	lx.nameRun = reNameWord + `(?:` + join + reNameWord + `)*`
	lx.run = newNameRunMatcher(r.Values("org_cues.txt", "particle"), r.Values("org_cues.txt", "elision"))
	if lx.andName, err = compileAnchored(`^(?:,|` + reSpace + `+(?i:` + cues("and") + `))` + reSpace + `+(` + lx.nameRun + `)`); err != nil {
		return nil, err
	}
	adjectives := `(?:` + reSpace + `+\p{Ll}[\p{Ll}-]{3,}){0,` + strconv.Itoa(maxCueAdjectives) + `}`
	if lx.cueBefore, err = newWordScan(lexiconPhrases(cueWords("before"), true, 0), adjectives+reSpace+`+(`+lx.nameRun+`)`); err != nil {
		return nil, err
	}
	lx.cueBefore.read = nameAfter{lx.run, maxCueAdjectives}.read
	if lx.cueLower, err = newWordScan(lexiconPhrases(cueWords("lowercase"), true, 0), reSpace+`+(\p{Ll}[\p{L}\p{N}]{2,})(?:[,.;:)]|`+reSpace+`+(?:et|qui|a|ont|est|sont)\b)`); err != nil {
		return nil, err
	}
	// an article or « autre » may come before the word (« Teemo, autre
	// spécialiste du ciblage », « Alphabet, la maison mère de Google »)
	after, counsel := cueWords("after"), cueWords("counsel")
	lx.cueAfter.words, lx.counselAfter.words = newCueWordSet(after), newCueWordSet(counsel)
	if lx.cueAfter.re, err = compileAnchored(afterCuePattern(after)); err != nil {
		return nil, err
	}
	if lx.counselAfter.re, err = compileAnchored(counselCuePattern(counsel)); err != nil {
		return nil, err
	}
	party := cueWords("party_after")
	lx.partyAfter.words = newCueWordSet(party)
	if lx.partyAfter.re, err = compileAnchored(afterCuePattern(party)); err != nil {
		return nil, err
	}
	lx.placeBefore.ends = newSuffixIndex(r.Values("org_cues.txt", "place_before"))
	if lx.placeBefore.Regexp, err = regexp.Compile(`(?i)(?:^|[^\p{L}])(?:` + cues("place_before") + `)` + reSpace + `*$`); err != nil {
		return nil, err
	}
	// A body's complements: « de l'Intérieur », then more joined by a comma
	// or « et », each capitalised (« de l'Enseignement supérieur, de la
	// Recherche et de l'Innovation »), or one lower-case one (« de police »,
	// « pour le climat », « des droits de l'Homme »).
	of := `(?:de` + reSpace + `+la` + reSpace + `+|de` + reSpace + `+l` + reApos + `|des` + reSpace + `+|du` + reSpace + `+|de` + reSpace + `+|d` + reApos + `|pour` + reSpace + `+(?:le|la|les)` + reSpace + `+)`
	capWord := `\p{Lu}[\p{L}-]*`
	// a lower-case complement may have its own complement and an
	// adjective: « de la presse d'information générale »
	adjective := `(?:` + reSpace + `+\p{Ll}+(?:ale|al|aux|ique|iques|ienne|ien|aise|ais|elle|el|ère|ier)\b)?`
	complement := of + `(?:` + capWord + `|\p{Ll}[\p{L}-]{2,}(?:` + reSpace + `*` + of + `(?:` + capWord + `|\p{Ll}[\p{L}-]{2,})` + `)?` + adjective + `)`
	more := `(?:(?:` + reSpace + `+\p{Ll}{4,})?(?:,` + reSpace + `*|` + reSpace + `+et` + reSpace + `+|` + reSpace + `+)` + of + capWord + `)*`
	// a head written with a capital in the table matches in that case
	// (« Union » of a name, not « l'union de deux sociétés »); the heads
	// are tried in the table's order
	var heads []scanPhrase
	for _, v := range cueWords("body") {
		heads = append(heads, scanPhrase{word: v, fold: !unicode.IsUpper([]rune(v)[0])})
	}
	// one adjective may follow the head: « Caisse primaire d'assurance maladie »
	if lx.body, err = newWordScan(heads, `(?:`+reSpace+`+\p{Ll}{4,})?`+reSpace+`+`+complement+more); err != nil {
		return nil, err
	}
	if lx.product, err = newWordScan(lexiconPhrases(cueWords("product"), true, 0), reSpace+`+(`+lx.nameRun+`)`); err != nil {
		return nil, err
	}
	lx.product.read = nameAfter{lx.run, 0}.read
	lx.back = phraseScan(lexiconPhrases(cueWords("back"), true, 0))
	lx.relative = opensRelative(r)
	lx.orgNouns = map[string]bool{}
	for _, v := range append(r.Values("org_cues.txt", "before"), r.Values("org_cues.txt", "body")...) {
		for _, w := range strings.Fields(strings.NewReplacer("'", " ", "’", " ").Replace(v)) {
			if len(w) > 3 {
				lx.orgNouns[foldCaseAccentsPunctuation(w)] = true
			}
		}
	}
	lx.generic = map[string]bool{}
	for _, v := range r.Values("org_cues.txt", "back") {
		w := strings.Fields(strings.NewReplacer("'", " ", "’", " ").Replace(v))
		lx.generic[foldCaseAccentsPunctuation(w[len(w)-1])] = true
	}
	titles := r.Values("persons.txt", "title")
	// a surname may carry a particle: « M. Jean de L'Hermite », « Mme van Dyck »
	surnameParticle := `(?:(?:de|du|des|de` + reSpace + `+la|van|von|le|la)` + reSpace + `+|d` + reApos + `)?`
	if lx.title, err = newWordScan(lexiconPhrases(titles, false, 0), reSpace+`+(`+surnameParticle+reNameWord+`(?:`+reSpace+`+`+surnameParticle+reNameWord+`){0,2})`); err != nil {
		return nil, err
	}
	if lx.byline, err = regexp.Compile(`(?i)^` + reSpace + `*(?:` + alternation(r.Values("persons.txt", "byline")) + `)` + reSpace + `+$`); err != nil {
		return nil, err
	}
	if lx.said, err = regexp.Compile(`(?i)(?:,|»|"|”)` + reSpace + `*(?:` + alternation(r.Values("persons.txt", "said")) + `)` + reSpace + `+$`); err != nil {
		return nil, err
	}
	if lx.role, err = compileAnchored(`(?i)^,` + reSpace + `*(?:` + alternation(r.Values("persons.txt", "role")) + `)\b`); err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("rules org_cues.txt: no %s", strings.Join(missing, ", "))
	}
	lx.commonAlone = lx.commonWordsAlone()
	lx.first = newFirstWords(lx)
	return lx, nil
}

// commonWordsAlone returns the words that are never an organisation on
// their own (initial and notOrg) and that no table names as a known
// organisation, a place or a given name (see finder.commonWordAlone).
func (lx *Lexicon) commonWordsAlone() map[string]bool {
	alone := map[string]bool{}
	for _, set := range []map[string]bool{lx.initial, lx.notOrg} {
		for w := range set {
			if lx.knownOrgs[w] == "" && lx.places[w] == "" && !lx.givenNames[w] {
				alone[w] = true
			}
		}
	}
	return alone
}

// cueArticles may stand between a name and the cue word after it, then
// cueOther (« Teemo, autre spécialiste du ciblage », « Alphabet, la maison
// mère de Google »); an apostrophe stands for any.
var cueArticles = []string{"un", "une", "le", "la", "l'", "sa", "son", "autre", "nouvel", "nouvelle"}

const cueOther = "autre"

// maxCueAdjectives bounds the lower-case words between a cue and its name
// (« la société américaine Discord »).
const maxCueAdjectives = 2

// An afterCue is the regexp of a cue word after an organisation's name
// (org_cues.txt after: « Criteo, spécialiste du ciblage »), tried only
// where may finds the match it needs.
type afterCue struct {
	re    anchored
	words cueWordSet
}

// afterCuePattern returns the regexp of an afterCue of words.
func afterCuePattern(words []string) string {
	articles := strings.ReplaceAll(strings.Join(cueArticles, "|"), "'", reApos)
	return `^,?` + reSpace + `+(?i:(?:` + articles + `)` + sp + `(?:` + cueOther + reSpace + `+)?)?(?i:` + alternation(words) + `)(?:[^\p{L}\p{N}]|$)`
}

// MatchString is the regexp's.
func (c afterCue) MatchString(s string) bool { return c.may(s) && c.re.MatchString(s) }

// reApposition is an apposition or a relative clause between commas, up to
// its second comma: « , qui vend des chaussures, ».
var reApposition = regexp.MustCompile(`^,[^,;:.\n]{1,80},`)

// reArticleAhead is an article opening a text after its spaces.
var reArticleAhead = regexp.MustCompile(`^\s*(?i:le\s|la\s|les\s|l['’]|un\s|une\s|des\s)`)

// cueAfterApposition reports whether s, the text after a name, opens with an
// apposition or a relative clause and then a cue that the name is an
// organisation (« Zorgretail, qui vend des chaussures, a été sanctionnée »).
func (lx *Lexicon) cueAfterApposition(s string) bool {
	if s == "" || s[0] != ',' {
		return false // most names: no comma after them
	}
	m := reApposition.FindStringIndex(s)
	// a verb after the clause, not a noun with its article: « Finalement,
	// après deux ans, le groupe a été condamné » names no « Finalement »
	return m != nil && !reArticleAhead.MatchString(s[m[1]:]) && lx.namedAfter(s[m[1]-1:])
}

// namedAfter reports whether s, the text after a name, opens with a cue that
// the name is an organisation's or a party's.
func (lx *Lexicon) namedAfter(s string) bool {
	return lx.cueAfter.MatchString(s) || lx.partyAfter.MatchString(s)
}

// may reports whether the regexp can match s, reading it as the regexp
// does: a comma maybe, spaces, maybe an article, spaces maybe and cueOther
// and spaces maybe, then a cue word that no letter or digit follows. Every
// part but the article ends before a letter, so it takes every space there.
func (c afterCue) may(s string) bool {
	i := 0
	if i < len(s) && s[i] == ',' {
		i++
	}
	n := hSpacesLen(s, i)
	if n == 0 {
		return false
	}
	i += n
	if c.words.standsAt(s, i, true) {
		return true
	}
	for _, a := range cueArticles {
		n := literalLen(s, i, a, true)
		if n == 0 {
			continue
		}
		j := i + n
		j += hSpacesLen(s, j)
		if c.words.standsAt(s, j, true) {
			return true
		}
		if n := literalLen(s, j, cueOther, true); n > 0 {
			if sp := hSpacesLen(s, j+n); sp > 0 && c.words.standsAt(s, j+n+sp, true) {
				return true
			}
		}
	}
	return false
}

// A counselCue is the regexp of a counsel's word after a name, and maybe
// more names (org_cues.txt counsel: « la SCP Piwnica, Molinié, avocat de la
// société »), tried only where may finds the match it needs.
type counselCue struct {
	re    anchored
	words cueWordSet
}

// counselCuePattern returns the regexp of a counselCue of words.
func counselCuePattern(words []string) string {
	return `^(?:,?` + reSpace + `*(?:et` + reSpace + `+)?\p{Lu}[\p{L}'’-]+)*,` + reSpace + `*(?i:` + alternation(words) + `)(?:[^\p{L}]|$)`
}

// MatchString is the regexp's.
func (c counselCue) MatchString(s string) bool { return c.may(s) && c.re.MatchString(s) }

// may reports whether the regexp can match s. The names before the comma
// that opens its end hold only commas, spaces, « et », letters, apostrophes
// and hyphens, and after a comma or a space, only « et » or a capital
// opens a word: so that comma is one of those that come before anything
// else. Spaces and a counsel's word that no letter follows come after it.
func (c counselCue) may(s string) bool {
	gap := true // after a comma or a space, or at the start
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ',':
			j := i + w
			if c.words.standsAt(s, j+hSpacesLen(s, j), false) {
				return true
			}
			gap = true
		case isHSpace(r):
			gap = true
		case gap && unicode.IsLower(r):
			if !strings.HasPrefix(s[i:], "et") || hSpacesLen(s, i+2) == 0 {
				return false
			}
			w = 2
		case unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-':
			gap = false
		default:
			return false
		}
		i += w
	}
	return false
}

// A cueWordSet is a list of cue words, as an alternation of them reads
// them in any case, with the index of where they open.
type cueWordSet struct {
	words []string
	index *phraseIndex
}

// newCueWordSet returns the set of words.
func newCueWordSet(words []string) cueWordSet {
	return cueWordSet{words, newPhraseIndex(words)}
}

// standsAt reports whether one of the words opens s at i and no letter
// follows it, nor a digit if digits is set.
func (cw cueWordSet) standsAt(s string, i int, digits bool) bool {
	if i >= len(s) || !cw.index.opens.at(s, i) {
		return false
	}
	var buf [8]int
	for _, id := range cw.index.openingAt(s, i, buf[:0]) {
		n := literalLen(s, i, cw.words[id], true)
		if n == 0 {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i+n:])
		if size == 0 || !unicode.IsLetter(r) && !(digits && unicode.IsNumber(r)) {
			return true
		}
	}
	return false
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
		set[foldCaseAccentsPunctuation(w)] = true
	}
}

// newPhraseSet indexes the keys of entries by their first word. A one-word
// phrase keeps its case (CNIL) unless anyCase is set; a longer one matches in
// any case. Accents never matter.
func newPhraseSet(entries []Entry, anyCase bool) phraseSet {
	ps := phraseSet{byFirst: map[string][]*phrase{}, shapes: &wordShapes{}}
	byKey := map[string]*phrase{}
	for _, e := range entries {
		words := strings.Fields(foldCaseAccentsPunctuation(e.Key))
		if len(words) == 0 {
			continue
		}
		exact := ""
		if len(words) == 1 && !anyCase {
			exact = e.Key
		}
		id := exact + "\x00" + strings.Join(words, " ")
		if p := byKey[id]; p != nil {
			p.values = append(p.values, e.Values...)
			continue
		}
		p := &phrase{words: words, exact: exact, values: append([]string(nil), e.Values...)}
		byKey[id] = p
		ps.byFirst[words[0]] = append(ps.byFirst[words[0]], p)
		ps.shapes.add(words[0])
	}
	for _, list := range ps.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	return ps
}

// The phrase sets and the scans of a Lexicon, one bit each in the gates of
// the words of a text (see firstWords).
const (
	gateAuthorities uint16 = 1 << iota
	gateRefs
	gateCourts
	gateNonOrgs
	gateTitle
	gateProduct
	gateBody
	gateCueLower
	gateCueBefore
	gateBack
	// gateDigits is no set's nor scan's: digits end the word, after the
	// letters the scans read (see gate)
	gateDigits

	gatePhraseSets = gateAuthorities | gateRefs | gateCourts | gateNonOrgs
	gateScans      = gateTitle | gateProduct | gateBody | gateCueLower | gateCueBefore | gateBack
)

// firstWords tells, once for each word of a text, which of the phrase sets
// and scans of a Lexicon may match from it: where a phrase set's phrase
// opens with the word (phraseSet.find), or where a scan's phrase may open
// and the word there is the first word of one (wordScan.find). The passes
// of the finder then read only the words whose bit is set, instead of each
// testing every word of the text.
type firstWords struct {
	bits  wordMap[uint16] // by folded word: the sets and scans it opens a phrase of
	keys  wordFilter      // the keys of bits
	opens bytePairs       // the pairs of bytes where a phrase of a scan may open
	scans []gatedScan
}

// A wordFilter is a set of words that may tell that a word is in it when it
// is not, but never the other way: a bit for each word, at a hash of its
// length, its first two bytes and its last. Most words of a text are no key
// of a lexicon, and the filter tells so cheaper than a map.
type wordFilter [1 << 16 / 64]uint64

// add adds w to the set.
func (wf *wordFilter) add(w string) {
	h := wordHash(w)
	wf[h/64] |= 1 << (h % 64)
}

// may reports whether w may be in the set.
func (wf *wordFilter) may(w string) bool {
	h := wordHash(w)
	return wf[h/64]&(1<<(h%64)) != 0
}

// wordHash hashes the length of w, its first two bytes and its last, to 16 bits.
func wordHash(w string) uint32 {
	if w == "" {
		return 0
	}
	h := uint32(len(w))*0x9e3779b1 ^ uint32(w[0])*0x85ebca77 ^ uint32(secondByte(w))*0xc2b2ae3d ^ uint32(w[len(w)-1])*0x27d4eb2f
	return h >> 16
}

// A gatedScan is a scan of a Lexicon and its bit.
type gatedScan struct {
	bit     uint16
	scan    *wordScan
	seconds *secondWords // nil when a phrase of the scan is one word
}

// secondWords holds the first two runes of the second words of a scan's
// phrases, each as its least case (see leastCase), the second 0 for a word
// of one rune: a phrase matches where its words match those of the text,
// letter for letter in any case, so the word of the text after the first
// opens as one of them.
type secondWords struct {
	openings map[[2]rune]bool
	// by first rune below 256, a bit for each second rune below 256 of
	// the openings, 0 for a word of one rune: most words read no further
	latin [256][256 / 64]uint64
}

// newSecondWords returns the second words of phrases, or nil when one of
// them is one word.
func newSecondWords(phrases []scanPhrase) *secondWords {
	seconds := &secondWords{openings: map[[2]rune]bool{}}
	for _, p := range phrases {
		toks := tokens(p.word)
		if len(toks) < 2 {
			return nil
		}
		key := openingRunes(p.word, toks[1])
		seconds.openings[key] = true
		if key[0] < 256 && key[1] < 256 {
			seconds.latin[key[0]][key[1]/64] |= 1 << (key[1] % 64)
		}
	}
	return seconds
}

// openingRunes returns the least cases of the first two runes of the word
// t of s, the second 0 when it has one.
func openingRunes(s string, t token) [2]rune {
	first, second := s[t.start], byte(0)
	if t.start+1 < t.end {
		second = s[t.start+1]
	}
	if first < utf8.RuneSelf && second < utf8.RuneSelf && asciiKeys[first] != 0 && (second == 0 || asciiKeys[second] != 0) {
		return [2]rune{rune(asciiKeys[first]), rune(asciiKeys[second])} // as most words open
	}
	r, n := utf8.DecodeRuneInString(s[t.start:t.end])
	key := [2]rune{leastCase(r)}
	if t.start+n < t.end {
		r, _ = utf8.DecodeRuneInString(s[t.start+n : t.end])
		key[1] = leastCase(r)
	}
	return key
}

// follow reports whether a phrase whose first word is toks[k] of text,
// whose gate is gate, may go on with the word after it: the word opens as
// a second word does; always when a digit ends the first word, which a
// phrase may hold.
func (sw *secondWords) follow(text string, toks []token, k int, gate uint16) bool {
	if sw == nil || gate&gateDigits != 0 {
		return true
	}
	if k+1 == len(toks) {
		return false
	}
	key := openingRunes(text, toks[k+1])
	if key[0] < 256 {
		row := &sw.latin[key[0]]
		if row[0]&1 != 0 { // a second word of one rune
			return true
		}
		if key[1] < 256 {
			return row[key[1]/64]&(1<<(key[1]%64)) != 0
		}
	}
	return sw.openings[key] || sw.openings[[2]rune{key[0]}]
}

// newFirstWords indexes the first words of the phrase sets and scans of lx.
func newFirstWords(lx *Lexicon) firstWords {
	var fw firstWords
	bits := map[string]uint16{}
	add := func(w string, bit uint16) {
		bits[w] |= bit
		fw.keys.add(w)
	}
	for _, ps := range []struct {
		bit uint16
		set phraseSet
	}{{gateAuthorities, lx.authorities}, {gateRefs, lx.refs}, {gateCourts, lx.courts}, {gateNonOrgs, lx.nonOrgs}} {
		for w, list := range ps.set.byFirst {
			if len(list) > 0 {
				add(w, ps.bit)
			}
		}
	}
	fw.scans = []gatedScan{{bit: gateTitle, scan: &lx.title}, {bit: gateProduct, scan: &lx.product}, {bit: gateBody, scan: &lx.body},
		{bit: gateCueLower, scan: &lx.cueLower}, {bit: gateCueBefore, scan: &lx.cueBefore}, {bit: gateBack, scan: &lx.back}}
	for i, g := range fw.scans {
		fw.scans[i].seconds = newSecondWords(g.scan.phrases)
		for w := range g.scan.first.words.all() {
			add(w, g.bit)
		}
		fw.opens.addAll(g.scan.first.phrases.opens)
	}
	fw.bits = newWordMap(bits)
	return fw
}

// secondsOf returns the second words of the scan whose bit is bit.
func (fw *firstWords) secondsOf(bit uint16) *secondWords {
	for _, g := range fw.scans {
		if g.bit == bit {
			return g.seconds
		}
	}
	return nil
}

// appendGates appends to gates the bits of the words toks of text (see
// gate).
func (fw *firstWords) appendGates(gates []uint16, text string, toks []token) []uint16 {
	for _, t := range toks {
		gates = append(gates, fw.gate(text, t))
	}
	return gates
}

// gate returns the bits of the phrase sets that have a phrase opening with
// the word t of text, and of the scans that may match at its start as
// wordScan.find tells: a phrase of the scan opens there, and the word
// there is the first word of one; with gateDigits when digits end the word
// the scans read there.
func (fw *firstWords) gate(text string, t token) uint16 {
	var all uint16 // the bits of the word, then of the word the scans read
	if fw.keys.may(t.folded) {
		all = fw.bits.get(t.folded)
	}
	bits := all & gatePhraseSets
	if !fw.opens.at(text, t.start) {
		return bits
	}
	if !lettersOnly(t.folded) {
		word, end := wordAt(text, t.start)
		if word == "" {
			return bits
		}
		if end != t.end { // digits end the token
			folded := foldCaseAccents(word)
			all = 0
			if fw.keys.may(folded) {
				all = fw.bits.get(folded)
			}
			bits |= gateDigits
		}
	}
	if all&gateScans == 0 {
		return bits
	}
	for _, g := range fw.scans {
		if all&g.bit != 0 && g.scan.first.phrases.opens.at(text, t.start) {
			bits |= g.bit
		}
	}
	return bits
}

// A token is a word of a text: a run of letters and digits.
type token struct {
	start, end int
	folded     string
}

// lettersOnly reports whether the folded form of a word is ASCII letters
// only, as that of most words: the word then holds no digit, and wordAt
// would read it whole.
func lettersOnly(folded string) bool {
	for i := 0; i < len(folded); i++ {
		if folded[i]-'a' >= 26 {
			return false
		}
	}
	return folded != ""
}

// asciiWord classes the ASCII bytes of words: 'A' for a capital, 'a' for
// another letter or a digit, 0 for no word's byte.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := '0'; c <= 'z'; c++ {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = 'a'
		}
	}
	return t
}()

// tokens splits text into words.
func tokens(text string) []token {
	return appendTokens(make([]token, 0, len(text)/5), text) // a word every 6 bytes in French news
}

// appendTokens appends the words of text to out. The words to fold are
// folded into one buffer, which becomes one string that their folded forms
// share. The loops are small functions of their own, which the compiler
// keeps in registers.
func appendTokens(out []token, text string) []token {
	from := len(out)
	out = appendWords(out, text)
	size := 0 // the bytes of the words to fold
	for _, t := range out[from:] {
		if t.folded == "" {
			size += t.end - t.start
		}
	}
	if size == 0 {
		return out
	}
	// the folded forms are written one after the other, and each one is read
	// from the string of what was written so far, which later words do not
	// change (see strings.Builder)
	var b strings.Builder
	b.Grow(size + size/8) // folding keeps the length of most words
	for k := from; k < len(out); k++ {
		if t := &out[k]; t.folded == "" {
			var stack [64]byte
			n := b.Len()
			b.Write(appendFoldWord(stack[:0], text[t.start:t.end]))
			t.folded = b.String()[n:]
		}
	}
	return out
}

// appendFoldWord appends foldRunes(w, false) to b, lowering the ASCII
// bytes that open w one by one.
func appendFoldWord(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return appendFoldRunes(b, w[i:], false)
		}
		b = append(b, lowerByte(c))
	}
	return b
}

// appendWords appends the words of text to out, each with its folded form
// when that is the word itself (ASCII in lower case, or digits), else with
// none.
func appendWords(out []token, text string) []token {
	for i := nextWordStart(text, 0); i < len(text); i = nextWordStart(text, i) {
		start := i
		var kind byte
		i, kind = wordRunEnd(text, i)
		t := token{start: start, end: i}
		if kind == wordLower {
			t.folded = text[start:i]
		}
		out = append(out, t)
	}
	return out
}

// The kinds of a word that wordRunEnd reports, as bits.
const (
	wordLower    = 1 // an ASCII letter in lower case or a digit
	wordUpper    = 2 // an ASCII capital
	wordNonASCII = 4 // a letter or a digit that is not ASCII
)

// asciiWordKind is the kind of each ASCII byte in a word, 0 for no word's byte.
var asciiWordKind = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch asciiWord[c] {
		case 'A':
			t[c] = wordUpper
		case 'a':
			t[c] = wordLower
		}
	}
	return t
}()

// nextWordStart returns where the first word at or after i starts, or len(text).
func nextWordStart(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] != 0 {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isLetterOrDigit(r) {
			return i
		}
		i += size
	}
	return i
}

// wordRunEnd returns where the word that starts at i ends, and the kinds of
// its bytes, ORed.
func wordRunEnd(text string, i int) (int, byte) {
	var kind byte
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			k := asciiWordKind[c]
			if k == 0 {
				break
			}
			kind |= k
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isLetterOrDigit(r) {
			break
		}
		kind |= wordNonASCII
		i += size
	}
	return i, kind
}

// wordRunes has a bit for each rune below its length that is a letter or a
// digit: the tables of package unicode are searched for any rune past
// Latin-1, and French text holds apostrophes, dashes and ligatures past it.
var wordRunes = func() (t [0x2200 / 64]uint64) {
	for r := range rune(len(t) * 64) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return t
}()

// isLetterOrDigit reports whether r is a letter or a digit.
func isLetterOrDigit(r rune) bool {
	if 0 <= r && r < rune(len(wordRunes)*64) {
		return wordRunes[r/64]&(1<<(r%64)) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// tokenPool lends slices of words: an article's words are read only while
// its facts are found, and their slice then serves another article.
var tokenPool sync.Pool

// lendTokens returns an empty slice of words, from the pool when it has one.
func lendTokens() []token {
	if p, ok := tokenPool.Get().(*[]token); ok {
		return (*p)[:0]
	}
	return nil
}

// returnTokens gives a slice of words back to the pool: no one may read it
// after.
func returnTokens(toks []token) {
	if cap(toks) > 0 {
		toks = toks[:0]
		tokenPool.Put(&toks)
	}
}

// find returns the phrases of ps in text, split into toks, the longest at
// each word, not overlapping.
func (ps phraseSet) find(text string, toks []token) []phraseMatch {
	var out []phraseMatch
	for i := 0; i < len(toks); i++ {
		if !ps.shapes.may(toks[i].folded) {
			continue
		}
		for _, p := range ps.byFirst[toks[i].folded] {
			if n := p.match(text, toks[i:]); n > 0 {
				out = append(out, phraseMatch{toks[i].start, toks[i+n-1].end, p.values})
				i += n - 1
				break
			}
		}
	}
	return out
}

// appendGated appends to out what find returns, reading only the words
// toks whose gates have bit.
func (ps phraseSet) appendGated(out []phraseMatch, text string, toks []token, gates []uint16, bit uint16) []phraseMatch {
	for i := nextGated(gates, 0, bit); i < len(toks); i = nextGated(gates, i+1, bit) {
		for _, p := range ps.byFirst[toks[i].folded] {
			if n := p.match(text, toks[i:]); n > 0 {
				out = append(out, phraseMatch{toks[i].start, toks[i+n-1].end, p.values})
				i += n - 1
				break
			}
		}
	}
	return out
}

// nextGated returns the first index of gates from k on whose gate has bit,
// or len(gates). Few words have a given bit: it passes over four gates at
// a time while none of them has it.
func nextGated(gates []uint16, k int, bit uint16) int {
	four := uint64(bit) * 0x0001000100010001
	for ; k+4 <= len(gates); k += 4 {
		g := gates[k : k+4 : k+4]
		if (uint64(g[0])|uint64(g[1])<<16|uint64(g[2])<<32|uint64(g[3])<<48)&four != 0 {
			break
		}
	}
	for k < len(gates) && gates[k]&bit == 0 {
		k++
	}
	return k
}

// match returns how many tokens of toks the phrase covers from the first, or 0.
func (p *phrase) match(text string, toks []token) int {
	if len(toks) < len(p.words) {
		return 0
	}
	if p.exact != "" {
		// a one-word name glued by a hyphen to the next word is part of a
		// compound (« AP-HP » is no « AP »)
		if e := toks[0].end; text[toks[0].start:e] != p.exact || e+1 < len(text) && text[e] == '-' && letterAt(text, e+1) {
			return 0
		}
		return 1
	}
	for k, w := range p.words {
		if toks[k].folded != w || (k > 0 && !phraseGap(text[toks[k-1].end:toks[k].start])) {
			return 0
		}
	}
	return len(p.words)
}

// phraseGap reports whether gap may separate two words of one phrase:
// spaces, an apostrophe, a hyphen or a comma, on one line.
func phraseGap(gap string) bool {
	if len(gap) > 6 {
		return false
	}
	for _, r := range gap {
		if r == '\n' || !(unicode.IsSpace(r) || strings.ContainsRune("'’ʼ-‐‑,.", r)) {
			return false
		}
	}
	return true
}
