package extract

// Named entities: authorities, organisations, persons and places.
//
// Entities runs passes over the text, from the surest to the loosest; each
// pass blanks out what it found so that later passes do not take it again:
//
//  1. authorities by name or alias (authorities.txt), courts with their seat
//     (courts.txt), then words that name an authority through the article's
//     context (« la formation restreinte », « l'Autorité »: authority_refs.txt);
//  2. persons after a title (« Mme Vasseur »);
//  3. a long name followed by its acronym (« Agence France-Presse (AFP) »),
//     with the seat of a regional service (« la DREETS d'Auvergne-Rhône-Alpes »);
//  4. public bodies named by a head word and its complements (« ministère de
//     l'Intérieur », « commune de Trente »);
//  5. organisations after a cue (« la société X », « l'association noyb »);
//  6. runs of capitalised words, sorted into persons, places, organisations or
//     nothing (orgs.go), then every other mention of a name found. A run is an
//     organisation only with evidence: a legal form or a company's last word,
//     a cue after it, a lexicon, or none of the signs of something else
//     (a heading in capitals or title case, a given name, a byline, a place,
//     a street, a common noun the text also writes in lower case, a term the
//     text defines by an acronym).
//
// Then every organisation gets one canonical name per article, and « la
// société » refers back to the organisation last named.

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

var (
	// reCourtSeat matches the seat after a court's kind: « de Paris », « d'Aix-en-Provence ».
	// in any case: a decision's header writes it in capitals (« COUR D'APPEL DE PARIS »)
	reCourtSeat = anchor(regexp.MustCompile(`^` + reSpace + `+(?:((?i:de))` + reSpace + `+|(?i:d)` + reApos + `)(\p{Lu}\p{L}*(?:-\p{L}+)*)`))
	// reNameAhead matches a name after a cue, past up to two adjectives: the
	// cue then introduces that name instead of referring back.
	// an adjective may be a complement's particle then a lower-case word (« de gestion »)
	reNameAhead = anchor(regexp.MustCompile(`^(?:` + reSpace + `+\p{Ll}[\p{Ll}-]{3,}){0,2}` + reSpace + `+(?:\p{Lu}|\p{Ll}+\p{Lu})` +
		`|^(?:` + reSpace + `+\p{Ll}[\p{Ll}-]{3,})?` + reSpace + `+(?:des|de|du)` + reSpace + `+\p{Ll}+\p{Lu}` +
		`|^` + reSpace + `+(?:des|de|du)` + reSpace + `+\p{Ll}[\p{Ll}-]{3,}` + reSpace + `+(?:\p{Lu}|\p{Ll}+\p{Lu})`))
)

// Entities finds authorities, organisations, persons and places, with canonical names.
func (lx *Lexicon) Entities(text string) []Entity {
	toks := appendTokens(lendTokens(), text)
	defer returnTokens(toks)
	return lx.entities(text, toks)
}

// entities is Entities on text split into toks.
func (lx *Lexicon) entities(text string, toks []token) []Entity {
	f := newFinder(lx, text, toks)
	f.authorities()
	f.chrome()
	f.nonOrgs()
	f.persons()
	f.acronyms()
	f.bodies()
	f.cues()
	f.runs()
	f.repeats()
	f.name()
	f.backRefs()
	out := make([]Entity, len(f.found))
	for i, m := range f.found {
		out[i] = m.Entity
	}
	f.release()
	return ResolveOverlaps(out)
}

// finderPool keeps finders between texts, with their buffers.
var finderPool sync.Pool

// newFinder returns the finder of text, split into toks, with nothing found
// yet: one from the pool when there is one.
func newFinder(lx *Lexicon, text string, toks []token) *finder {
	f, _ := finderPool.Get().(*finder)
	if f == nil {
		f = &finder{terms: map[string]bool{}}
	}
	f.lx, f.text, f.toks = lx, text, toks
	f.mask, f.maskToks = append(f.mask, text...), toks
	f.gates = lx.first.appendGates(f.gates, text, toks)
	f.maskGates = f.gates
	for _, g := range f.gates {
		f.gateBits |= g
	}
	return f
}

// release gives the buffers of f back: the words to the pool of words, and
// f, emptied, to the pool of finders. No one may use f after.
func (f *finder) release() {
	if f.ownToks {
		returnTokens(f.maskToks)
		if cap(f.maskGates) > cap(f.spareGates) {
			f.spareGates = f.maskGates // the mask's own
		}
	}
	returnTokens(f.spare)
	clear(f.found[:cap(f.found)]) // the mentions and words hold the text's strings
	clear(f.cands[:cap(f.cands)])
	clear(f.terms)
	*f = finder{mask: f.mask[:0], gates: f.gates[:0], spareGates: f.spareGates[:0], cands: f.cands[:0],
		found: f.found[:0], blanked: f.blanked[:0], terms: f.terms, newlines: f.newlines[:0], spans: f.spans[:0],
		matches: f.matches[:0], touched: f.touched[:0]}
	finderPool.Put(f)
}

// A finder holds one text's passes.
type finder struct {
	lx       *Lexicon
	text     string
	toks     []token
	mask     []byte  // the text with every mention found so far blanked out
	maskToks []token // the words of the mask when maskTokens last ran
	ownToks  bool    // maskToks is the finder's, not the text's words
	spare    []token // the buffer maskTokens fills next
	blanked  []Span  // the spans blanked out since

	// the gates of the words of the text and of the mask (see firstWords),
	// by their index in toks and maskToks; those of the mask are its own
	// when ownToks is set. The gates of a word of the mask are read when the
	// word is split, and a later blank only clears bits of them, so the
	// bits they keep stand for more than they have: the phrase sets and the
	// scans tell anew.
	gates, maskGates, spareGates []uint16
	gateBits                     uint16        // the bits of the gates of every word the mask has had: a pass whose bit none has finds nothing
	cands                        []token       // the words a scan reads, again and again
	spans                        []Span        // the runs of capitalised words of the mask (see runs)
	matches                      []phraseMatch // the phrases a pass reads (see phrases)
	touched                      []int         // the words under the spans blanked out (see maskTokens)

	found    []mention
	terms    map[string]bool // folded acronyms the text defines as terms, not bodies
	newlines []int           // where the text's line breaks are, once headingAt asks
}

// A mention is an entity with the key that groups the mentions of one organisation.
type mention struct {
	Entity
	key string
}

// add records a mention and blanks it out of the mask.
func (f *finder) add(start, end int, typ EntityType, name, key string) {
	f.found = append(f.found, mention{Entity{Span{start, end}, f.text[start:end], typ, name}, key})
	f.blank(start, end)
}

// blank blanks [start, end) out of the mask without recording a mention.
func (f *finder) blank(start, end int) {
	for i := start; i < end; i++ {
		f.mask[i] = 0
	}
	f.blanked = append(f.blanked, Span{start, end})
}

// maskTokens returns the words of the mask: the words of the text that no
// mention covers, and the pieces left of those that one covers in part. A
// word that a mention covers whole may stay, with no folded form, which no
// phrase matches, and the mask's blanks stop every scan there. It splits
// again only the words that the spans blanked out since its last call
// touch, and copies the words only when one is left in pieces.
func (f *finder) maskTokens() []token {
	if len(f.blanked) == 0 {
		return f.maskToks
	}
	touched := f.touched[:0] // the words under a blanked span
	for _, b := range f.blanked {
		for i := sort.Search(len(f.maskToks), func(i int) bool { return f.maskToks[i].end > b.Start }); i < len(f.maskToks) && f.maskToks[i].start < b.End; i++ {
			touched = append(touched, i)
		}
	}
	f.blanked, f.touched = f.blanked[:0], touched
	if len(touched) == 0 {
		return f.maskToks
	}
	slices.Sort(touched)
	touched = slices.Compact(touched)
	if f.coveredWhole(touched) {
		if !f.ownToks { // the text's words are shared
			f.maskToks, f.ownToks = append(lendTokens(), f.toks...), true
			f.maskGates, f.spareGates = append(f.spareGates[:0], f.gates...), nil
		}
		for _, i := range touched {
			f.maskToks[i].folded = ""
			f.maskGates[i] = 0
		}
		return f.maskToks
	}
	mask := f.maskString()
	out, from := slices.Grow(f.spare[:0], len(f.maskToks)+len(touched)), 0
	gates := slices.Grow(f.spareGates[:0], len(f.maskToks)+len(touched))
	for _, i := range touched {
		out = append(out, f.maskToks[from:i]...)
		gates = append(gates, f.maskGates[from:i]...)
		t := f.maskToks[i]
		for _, p := range tokens(mask[t.start:t.end]) {
			p := token{t.start + p.start, t.start + p.end, p.folded}
			out = append(out, p)
			g := f.lx.first.gate(mask, p)
			gates = append(gates, g)
			f.gateBits |= g
		}
		from = i + 1
	}
	out = append(out, f.maskToks[from:]...)
	gates = append(gates, f.maskGates[from:]...)
	if f.ownToks { // else the text's words, which are shared
		f.spare, f.spareGates = f.maskToks, f.maskGates
	} else {
		f.spareGates = nil // its buffer holds the mask's gates now
	}
	f.maskToks, f.maskGates, f.ownToks = out, gates, true
	return out
}

// coveredWhole reports whether the mask blanks out every byte of the words
// of the mask at indexes.
func (f *finder) coveredWhole(indexes []int) bool {
	for _, i := range indexes {
		t := f.maskToks[i]
		for _, c := range f.mask[t.start:t.end] {
			if c != 0 {
				return false
			}
		}
	}
	return true
}

// maskString returns the mask as a string that shares its bytes: a copy
// of the text for each pass that reads the mask anew was most of the bytes
// the finder allocated. A blank writes into that string, so a pass reads
// it, and keeps what it reads of it, only until it blanks something out:
// it finds its spans first, then records them. The words of the mask keep
// pieces of it, but those that a blank touches are split anew before they
// are read again (see maskTokens).
func (f *finder) maskString() string {
	return unsafe.String(unsafe.SliceData(f.mask), len(f.mask))
}

// scan returns the matches of s, whose gate is bit, in the mask. It hands
// s only the words of the mask whose gates have bit and that the next word
// may follow in a phrase of s: s would find nothing at the others.
func (f *finder) scan(s wordScan, bit uint16) [][]int {
	mask, toks := f.maskString(), f.maskTokens()
	if f.gateBits&bit == 0 {
		return nil
	}
	seconds := f.lx.first.secondsOf(bit)
	cands, gates := f.cands[:0], f.maskGates
	for k := nextGated(gates, 0, bit); k < len(gates); k = nextGated(gates, k+1, bit) {
		if seconds.follow(mask, toks, k, gates[k]) {
			cands = append(cands, toks[k])
		}
	}
	f.cands = cands
	return s.find(mask, cands)
}

// phrases returns the phrases of ps, whose gate is bit, in the mask, on a
// buffer of the finder's that the next call fills again: a pass reads
// them before it asks for more.
func (f *finder) phrases(ps phraseSet, bit uint16) []phraseMatch {
	mask, toks := f.maskString(), f.maskTokens()
	if f.gateBits&bit == 0 {
		return nil
	}
	f.matches = ps.appendGated(f.matches[:0], mask, toks, f.maskGates, bit)
	return f.matches
}

// free reports whether no mention covers any byte of [start, end).
func (f *finder) free(start, end int) bool {
	for i := start; i < end; i++ {
		if f.mask[i] == 0 {
			return false
		}
	}
	return true
}

// authorities finds authorities by name, courts, then contextual names.
func (f *finder) authorities() {
	for _, m := range f.phrases(f.lx.authorities, gateAuthorities) {
		f.add(m.start, m.end, Authority, m.values[0], "")
	}
	f.courts()
	named := f.found[:len(f.found):len(f.found)] // add only appends past them
	for _, m := range f.phrases(f.lx.refs, gateRefs) {
		if c := reComplement.FindStringIndex(f.text[m.end:]); c != nil && !slices.ContainsFunc(named, func(n mention) bool {
			return n.Start >= m.end && n.Start <= m.end+c[1]
		}) {
			continue // « la commission des lois », « la commission d'enquête »: another body
		}
		if name := nearestNamed(named, m.values, m.start); name != "" && f.free(m.start, m.end) {
			f.add(m.start, m.end, Authority, name, "")
		}
	}
}

// reComplement matches the complement that may follow a contextual name.
// The complement of « la formation restreinte de la CNIL » is the authority
// itself, which the mention keeps.
var reComplement = regexp.MustCompile(`^\s+(?i:des|du|de\s+la|de\s+l` + reApos + `|de|d` + reApos + `)\s*`)

// courts finds « cour d'appel de Paris »; a kind written without its seat
// takes the seat of the same kind named elsewhere in the article.
func (f *finder) courts() {
	type court struct {
		start, end int
		kind       string
	}
	var bare []court
	seat := map[string]string{} // kind -> full name
	for _, m := range f.phrases(f.lx.courts, gateCourts) {
		if !f.free(m.start, m.end) {
			continue
		}
		kind := m.values[0]
		if s := reCourtSeat.FindStringSubmatchIndex(f.text[m.end:]); s != nil {
			place := seatCase(f.text[m.end+s[4] : m.end+s[5]])
			name := kind + " d'" + place
			if s[2] >= 0 {
				name = kind + " de " + place
			}
			seat[kind] = name
			f.add(m.start, m.end+s[1], Authority, name, "")
			continue
		}
		bare = append(bare, court{m.start, m.end, kind})
	}
	for _, c := range bare {
		if name := seat[c.kind]; name != "" {
			f.add(c.start, c.end, Authority, name, "")
		}
	}
}

// seatCase writes a seat written in capitals in its usual case, each part
// between hyphens capitalised (PARIS gives Paris, AIX-EN-PROVENCE
// Aix-En-Provence); it keeps any other.
func seatCase(seat string) string {
	if !isUpper(seat) {
		return seat
	}
	parts := strings.Split(strings.ToLower(seat), "-")
	for i, p := range parts {
		r, n := utf8.DecodeRuneInString(p)
		parts[i] = string(unicode.ToUpper(r)) + p[n:]
	}
	return strings.Join(parts, "-")
}

// nearestNamed returns the candidate named last before pos, else the first
// named after it, else the only candidate if there is one, else "".
func nearestNamed(named []mention, cands []string, pos int) string {
	isCand := func(m mention) bool { return slices.Contains(cands, m.Name) }
	if m, ok := lastBefore(named, pos, isCand); ok {
		return m.Name
	}
	if m, ok := firstAfter(named, pos, isCand); ok {
		return m.Name
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return ""
}

// nonOrgs blanks out the names of laws, products and services, which later
// passes would otherwise take for organisations.
func (f *finder) nonOrgs() {
	for _, m := range f.phrases(f.lx.nonOrgs, gateNonOrgs) {
		f.blank(m.start, m.end)
	}
	for _, m := range f.scan(f.lx.product, gateProduct) {
		if f.lx.knownOrgs[foldCaseAccentsPunctuation(f.text[m[2]:m[3]])] == "" {
			f.blank(m[2], m[3])
		}
	}
}

// persons finds the names that follow a title (« M. Dupont »).
func (f *finder) persons() {
	for _, m := range f.scan(f.lx.title, gateTitle) {
		f.add(m[2], m[3], Person, f.text[m[2]:m[3]], "")
	}
}

// bodies finds the public bodies and associations named by a head word and
// its complements (« ministère de l'Intérieur », « commune de Trente »).
func (f *finder) bodies() {
	for _, m := range f.scan(f.lx.body, gateBody) {
		if f.free(m[0], m[1]) && !infinitive(f.text[m[0]:m[1]]) {
			name := f.text[m[0]:m[1]]
			f.add(m[0], m[1], Org, name, foldCaseAccentsPunctuation(name))
		}
	}
}

// infinitive reports whether the first complement of a body's name is a
// verb (« enjoint au ministère de cesser »): no name, the sentence goes on.
func infinitive(name string) bool {
	words := strings.Fields(name)
	for i := 1; i+1 < len(words); i++ {
		if bodyParticles[words[i]] && !bodyParticles[words[i+1]] {
			w := words[i+1]
			w = w[elided(w, 0, len(w)):] // « de l'Agriculture » is a name, « de l'effacer » a verb
			return unicode.IsLower([]rune(w)[0]) && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") || strings.HasSuffix(w, "re"))
		}
	}
	return false
}

// complementParticle returns the length of the particle « de », « du » or
// « des » that opens s as a word, else 0.
func complementParticle(s string) int {
	for _, p := range [...]string{"des", "de", "du"} {
		if strings.HasPrefix(s, p) && hSpacesLen(s, len(p)) > 0 {
			return len(p)
		}
	}
	return 0
}

var bodyParticles = map[string]bool{"de": true, "la": true, "des": true, "du": true, "pour": true, "le": true, "les": true, "et": true}

// nameAhead is reNameAhead.MatchString, without the regexp: every part of
// the pattern ends before a character that the next cannot start with, so
// each takes all it can.
//
// A complement of what the name is may come first (« la société de gestion
// Zorgam »): a particle then a lower-case word, in place of an adjective.
func nameAhead(s string) bool {
	complement := false // the word before is a complement's particle
	for i, adjectives := 0, 0; ; adjectives++ {
		n := hSpacesLen(s, i)
		if n == 0 {
			return false
		}
		i += n
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsUpper(r) {
			return !complement // « la société de Paris » names its seat
		}
		if p := complementParticle(s[i:]); p > 0 && !complement && adjectives < 2 {
			i, complement = i+p, true
			continue
		}
		complement = false
		if !unicode.IsLower(r) {
			return false
		}
		// lower-case letters, then a capital (« eBay »), or an adjective:
		// lower-case letters and hyphens, a space after them
		lower, letters := i+w, true
		for {
			r, w := utf8.DecodeRuneInString(s[lower:])
			if unicode.IsLower(r) {
				lower += w
				continue
			}
			if letters && unicode.IsUpper(r) {
				return true
			}
			if r != '-' {
				break
			}
			letters = false
			lower += w
		}
		if adjectives == 2 || utf8.RuneCountInString(s[i:lower]) < 4 {
			return false
		}
		i = lower
	}
}

// backRefs links « la société » and « l'entreprise », when no name follows
// them, to the organisation named last before them, or to the one a
// relative clause that names it is about.
func (f *finder) backRefs() {
	isOrg := func(c mention) bool { return c.Type == Org }
	for _, m := range f.scan(f.lx.back, gateBack) {
		if !wordEnd(f.text, m[1]) || nameAhead(f.text[m[1]:]) {
			continue
		}
		if last, ok := lastBefore(f.found, m[0], isOrg); ok {
			if host, ok := relativeHost(f.text, f.found, last, isOrg, f.lx.relative.MatchString); ok {
				last = host
			}
			f.add(m[0], m[1], Org, last.Name, last.key)
		}
	}
}
