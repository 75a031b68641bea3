package extract

// Organisations: names after a cue, long names defined by an acronym, and runs
// of capitalised words sorted into persons, places and organisations; then one
// canonical name per organisation.

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// reNameWord matches one word of a name: capitalised (Clearview, AI,
	// France-Presse, L'Oréal) or with a capital after one or two lower-case
	// letters (eBizcuss, iOS); a longer lower-case start is a word glued to a
	// name where tags were stripped (« anonymesLa société »); a plus sign
	// may close it (Canal+, Disney+).
	reNameWord = `(?:\p{Lu}[\p{L}\p{N}]*|\p{Ll}{1,2}\p{Lu}[\p{L}\p{N}]*)(?:-[\p{L}\p{N}]+|['’]\p{Lu}[\p{L}\p{N}]*)*\+?`
)

var (
	// reAcronym matches an acronym in brackets, after the name it abbreviates.
	reAcronym = regexp.MustCompile(`\((\p{Lu}[\p{Lu}\p{N}&-]{1,9})\)`)
	// reAcronymFirst matches an acronym, then the name it abbreviates in
	// brackets (« ATT (App Tracking Transparency) »); an acronym in lower
	// case too (« noyb (None of Your Business) »).
	reAcronymFirst = regexp.MustCompile(`\b(\p{Lu}[\p{Lu}\p{N}&-]{1,9}|\p{Ll}{3,8})` + reSpace + `*\(([^()]{3,150})\)`)
	// reSeat matches « de » or « d' » before a place's name.
	reSeat = anchor(regexp.MustCompile(`^\)?` + reSpace + `+(?:de` + reSpace + `+|d['’])(\p{Lu})`))
	// reColon matches a colon after a heading's subject.
	reColon = anchor(regexp.MustCompile(`^` + reSpace + `*:` + reSpace + `*\d`))
	// reElided matches an elided article or preposition that opens a name.
	reElided = anchor(regexp.MustCompile(`^(?i:d|l)['’]`))
	// reDottedForm matches a legal form written in dotted capitals after a name.
	reDottedForm = anchor(regexp.MustCompile(`^` + reSpace + `+(?:\p{Lu}\.){2,3}`))
	// reDottedTail matches the rest of a dotted legal form whose first
	// capital ended a run (reLastInitial).
	reDottedTail  = anchor(regexp.MustCompile(`^\.(?:\p{Lu}\.)+`))
	reLastInitial = regexp.MustCompile(`\s\p{Lu}$`)
	// reBracketed matches words in brackets.
	reBracketed = anchor(regexp.MustCompile(`^` + reSpace + `*\(([^()]{2,40})\)`))
	// reMinisterOf matches the end of a minister's title before its portfolio.
	reMinisterOf = suffixGated{regexp.MustCompile(`(?i)\b` + minister + `s?(?:` + reSpace + `+délégué(?:e)?)?` + reSpace + `+(?:de` + reSpace + `+la` + reSpace + `+|de` + reSpace + `+l['’]|des` + reSpace + `+|du` + reSpace + `+|de` + reSpace + `+|d['’])$`),
		newSuffixIndex(ofWords), newPhraseIndex([]string{minister})}
	// reNumbered matches the number that opens a numbered heading.
	reNumbered = anchor(regexp.MustCompile(`^(?:[IVX]{1,4}|[A-H]|\d{1,2})(?:\.\d{1,2})*` + reSpace + `*[.)–-]` + reSpace + `+\p{Lu}`))
	// reStreet matches a street's kind before its name.
	reStreet = suffixGated{regexp.MustCompile(`(?i)\b(?:` + strings.Join(streetKinds, "|") + `)` + reSpace + `+(?:(?:de` + reSpace + `+la|de|du|des)` + reSpace + `+|d['’]|de` + reSpace + `+l['’])?$`),
		newSuffixIndex(slices.Concat(ofWords, streetKinds)), newPhraseIndex(streetKinds)}
	// reRoman matches a Roman number.
	reRoman = regexp.MustCompile(`^[IVXLC]+$`)
)

// minister and streetKinds are the words that reMinisterOf and reStreet
// need; ofWords are the last words of the « de », « de la », « d' »… they
// end with. The regexps are tried only where one of those ends the text
// but for spaces, and one of the former is in it (see suffixGated).
const minister = "ministre"

var (
	streetKinds = []string{"rue", "avenue", "boulevard", "bd", "place", "quai", "allée", "impasse", "chemin", "cours", "square", "esplanade", "route"}
	ofWords     = []string{"de", "la", "du", "des", "d'", "l'"}
)

// serviceType is the type of a service of acronym acr named with its seat:
// an authority when it pronounces sanctions (services.txt), else an
// organisation.
func (lx *Lexicon) serviceType(acr string) EntityType {
	if lx.sanctioning[foldCaseAccentsPunctuation(acr)] {
		return Authority
	}
	return Org
}

// acronyms finds « Syndicat des éditeurs de la presse magazine (SEPM) »: the
// long name and the acronym both name the organisation SEPM.
func (f *finder) acronyms() {
	for _, m := range reAcronym.FindAllStringSubmatchIndex(f.maskString(), -1) {
		acr := f.text[m[2]:m[3]]
		end := len(strings.TrimRightFunc(f.text[:m[0]], unicode.IsSpace))
		start := f.acronymStart(f.text[:end], acr)
		if start < 0 {
			if seat, s, e := f.seatAfter(m[1]); seat != "" && f.free(m[2], m[3]) {
				// « direction régionale des douanes (DRD) de Normandie »: a
				// service with a seat is a body, whatever the case of its name
				name := acr + " " + seat
				f.add(m[2], m[3], f.lx.serviceType(acr), name, foldCaseAccentsPunctuation(name))
				f.add(s, e, Place, seat, "")
				continue
			}
			// « taux de retour aux joueurs (TRJ) », « la lutte contre le
			// blanchiment (LCB-FT) »: a term, not a body
			if s := f.initialsAnyCase(f.text[:end], acr, true); (s >= 0 && !f.namesBody(f.text[s:end]) || f.afterCommonWord(end)) && f.free(m[2], m[3]) {
				f.terms[foldCaseAccentsPunctuation(acr)] = true
				f.blank(m[2], m[3])
			}
			continue
		}
		if !f.free(start, end) {
			continue
		}
		if f.lx.notOrg[foldCaseAccentsPunctuation(acr)] { // « App Tracking Transparency (ATT) » is a product
			f.blank(start, end)
			continue
		}
		name, kind := acr, Org
		if seat, s, e := f.seatAfter(m[1]); seat != "" {
			// « (DREETS) d'Auvergne-Rhône-Alpes »: a regional service and its seat
			name, kind = acr+" "+seat, f.lx.serviceType(acr)
			f.add(s, e, Place, seat, "")
		}
		f.add(start, end, kind, name, foldCaseAccentsPunctuation(name))
		f.add(m[2], m[3], kind, name, foldCaseAccentsPunctuation(name))
	}
	for _, m := range findAcronymsFirst(f.text) {
		acr := f.text[m[2]:m[3]]
		if lower := !unicode.IsUpper([]rune(acr)[0]); lower && (len(acr) < 3 || f.lx.initial[foldCaseAccentsPunctuation(acr)] || isUpper(f.text[m[4]:m[5]])) {
			continue // « noyb (None of Your Business) », but no common word
		}
		if f.acronymStart(f.text[:m[5]], acr) != m[4] || !f.free(m[4], m[5]) {
			continue
		}
		if !f.free(m[2], m[3]) || f.lx.notOrg[foldCaseAccentsPunctuation(acr)] { // a product's or an authority's name
			f.blank(m[4], m[5])
			continue
		}
		f.add(m[2], m[3], Org, acr, foldCaseAccentsPunctuation(acr))
		f.add(m[4], m[5], Org, acr, foldCaseAccentsPunctuation(acr))
	}
}

// afterCommonWord reports whether the clause that ends at end is written
// in lower case and names no kind of body (« pour des carences de lutte
// contre le blanchiment (LCB-FT) »): what it abbreviates is a term, not a
// name.
func (f *finder) afterCommonWord(end int) bool {
	from := max(0, end-120)
	if k := strings.LastIndexAny(f.text[from:end], ",;:.()\n"); k >= 0 {
		from += k + 1
	}
	from = min(skipWhitespace(f.text, from), end) // spaces may open the text before a bracket at its start
	if from < end && opensSentence(f.text, from) {
		_, rest := firstWord(f.text[from:end]) // « Il vise la lutte … »: a sentence's capital
		from = end - len(rest)
	}
	clause := f.text[from:end]
	return strings.TrimSpace(clause) != "" && !strings.ContainsFunc(clause, unicode.IsUpper) && !f.namesBody(clause)
}

// namesBody reports whether s holds the noun of a kind of body (« la
// fédération royale néerlandaise de tennis »): a body named in lower case.
func (f *finder) namesBody(s string) bool {
	for _, w := range strings.Fields(s) {
		if f.lx.orgNouns[foldCaseAccentsPunctuation(w)] {
			return true
		}
	}
	return false
}

// findAcronymsFirst returns the matches of reAcronymFirst in text, as
// FindAllStringSubmatchIndex would, but faster: each match holds one opening
// bracket, and its acronym lies just before it, so the pattern is tried only
// on a short window around each bracket, up to the bracket that closes it.
func findAcronymsFirst(text string) [][]int {
	var out [][]int
	last := 0
	for i := 0; i < len(text); i++ {
		k := strings.IndexByte(text[i:], '(')
		if k < 0 {
			break
		}
		i += k
		ws := max(last, i-64)
		if ws > last { // start the window after a space, where \b holds as in the whole text
			sp := strings.IndexByte(text[ws:i], ' ')
			if sp < 0 {
				continue
			}
			ws += sp + 1
		}
		we := min(len(text), i+1+4*150+1)
		// a match ends at the first closing bracket after its opening one,
		// with no opening one between: here, or before i
		if k := strings.IndexAny(text[i+1:we], "()"); k >= 0 && text[i+1+k] == ')' {
			we = i + 1 + k + 1
		} else {
			we = i
		}
		m := acronymFirstIn(text[ws:we])
		if m == nil || ws+m[0] > i {
			continue
		}
		for j := range m {
			if m[j] >= 0 {
				m[j] += ws
			}
		}
		out = append(out, m)
		last = m[1]
		i = m[1] - 1
	}
	return out
}

// acronymFirstIn is reAcronymFirst.FindStringSubmatchIndex(w), without the
// regexp. Each match holds one opening bracket, after its acronym and the
// spaces that follow it, so the first bracket that has a match has the
// leftmost: its acronym is the leftmost of the words that end before those
// spaces and that the pattern reads whole, after a word boundary; what it
// abbreviates runs to the first closing bracket, with no other bracket.
func acronymFirstIn(w string) []int {
	for c := 0; ; c++ {
		k := strings.IndexByte(w[c:], '(')
		if k < 0 {
			return nil
		}
		c += k
		e := strings.IndexAny(w[c+1:], "()")
		if e < 0 || w[c+1+e] != ')' {
			continue
		}
		e += c + 1
		if n := utf8.RuneCountInString(w[c+1 : e]); n < 3 || n > 150 {
			continue
		}
		end := skipSpacesBack(w, c)
		if p := acronymBefore(w, end); p >= 0 {
			return []int{p, e + 1, p, end, c + 1, e}
		}
	}
}

// acronymBefore returns where the leftmost acronym of reAcronymFirst that
// ends at end of w starts: after a word boundary, a capital then one to
// nine capitals, digits, « & » or « - », or three to eight lower-case
// letters; or -1.
func acronymBefore(w string, end int) int {
	var starts [10]int // where the runes before end start, the nearest first
	n := 0
	for j := end; j > 0 && n < len(starts); n++ {
		r, size := utf8.DecodeLastRuneInString(w[:j])
		if !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsNumber(r) && r != '&' && r != '-' {
			break
		}
		j -= size
		starts[n] = j
	}
	for k := n - 1; k >= 0; k-- { // from the leftmost
		p := starts[k]
		if asciiWordByteBefore(w, p) == asciiWordByte(w, p) { // no \b
			continue
		}
		if acronymRunes(w[p:end], k+1) {
			return p
		}
	}
	return -1
}

// acronymRunes reports whether s, of n runes, is read whole by one of the
// alternatives of reAcronymFirst's acronym.
func acronymRunes(s string, n int) bool {
	first, size := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsUpper(first):
		return n >= 2 && n <= 10 && !strings.ContainsFunc(s[size:], func(r rune) bool {
			return !unicode.IsUpper(r) && !unicode.IsNumber(r) && r != '&' && r != '-'
		})
	case unicode.IsLower(first):
		return n >= 3 && n <= 8 && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLower(r) })
	}
	return false
}

// asciiWordByte reports whether w[i] is a word character of \b: an ASCII
// letter, digit or underscore; false at the end.
func asciiWordByte(w string, i int) bool {
	return i < len(w) && (asciiWord[w[i]&0x7f] != 0 && w[i] < utf8.RuneSelf || w[i] == '_')
}

// asciiWordByteBefore is asciiWordByte of the byte before i; false at the start.
func asciiWordByteBefore(w string, i int) bool { return i > 0 && asciiWordByte(w, i-1) }

// seatAfter returns the place named by « de » or « d' » right after pos
// (« (DIRECCTE) d'Île-de-France »), with its span, or "".
func (f *finder) seatAfter(pos int) (string, int, int) {
	m := reSeat.FindStringSubmatchIndex(f.text[pos:])
	if m == nil {
		return "", 0, 0
	}
	s := pos + m[2]
	n := f.lx.run.match(f.text[s:])
	if n < 0 {
		return "", 0, 0
	}
	place := f.lx.places[foldCaseAccentsPunctuation(f.text[s:s+n])]
	if place == "" || !f.free(s, s+n) {
		return "", 0, 0
	}
	return f.text[s : s+n], s, s + n
}

// acronymStart returns where the name that acr abbreviates begins at the end
// of before, reading the initials of its words other than particles, or -1.
func (f *finder) acronymStart(before, acr string) int {
	if s := f.initials(before, acr, true); s >= 0 {
		return s
	}
	// « Reporters sans frontières (RSF) », « None of Your Business »: the
	// particles count
	return f.initials(before, acr, false)
}

// initials returns where the words whose initials spell acr begin at the
// end of before, skipping particles if skip is set, or -1; the first word
// must be capitalised.
func (f *finder) initials(before, acr string, skip bool) int {
	if s := f.initialsAnyCase(before, acr, skip); s >= 0 {
		if first, _ := utf8.DecodeRuneInString(before[s:]); unicode.IsUpper(first) {
			return s
		}
	}
	return -1
}

// acronymJoins are the characters of an acronym that stand for no word.
var acronymJoins = strings.NewReplacer("&", "", "-", "")

// initialsAnyCase is initials whatever the case of the first word. It
// reads the words back from the end of before, and folds them on the stack.
func (f *finder) initialsAnyCase(before, acr string, skip bool) int {
	var buf [64]byte
	letters := appendFoldRunes(buf[:0], acronymJoins.Replace(acr), true)
	from := max(0, len(before)-300)
	s := before[from:]
	for end := len(s); len(letters) > 0; {
		start, e := lastWord(s, end)
		if start < 0 {
			break
		}
		w := s[start:e]
		end = start
		if skip && lookupFolded(f.lx.initial, w) {
			continue
		}
		var wordBuf [128]byte
		first, size := utf8.DecodeRune(appendFoldRunes(wordBuf[:0], w, true))
		last, n := utf8.DecodeLastRune(letters)
		if size == 0 || first != last { // a word of numbers that fold to nothing (« ² ») has no initial
			return -1
		}
		if letters = letters[:len(letters)-n]; len(letters) == 0 {
			return from + start
		}
	}
	return -1
}

// lastWord returns the span of the last run of letters and numbers of s
// that ends by end, as wordSpans finds it, or -1.
func lastWord(s string, end int) (int, int) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if isWord(r) {
			break
		}
		end -= n
	}
	if end == 0 {
		return -1, -1
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isWord(r) {
			break
		}
		start -= n
	}
	return start, end
}

// cues finds the names that follow a cue (« la société Discord »,
// « l'association noyb »), and the names coordinated with them.
func (f *finder) cues() {
	for _, m := range f.scan(f.lx.cueLower, gateCueLower) {
		if w := foldCaseAccentsPunctuation(f.text[m[2]:m[3]]); !f.lx.initial[w] && !f.lx.notOrg[w] && f.free(m[2], m[3]) {
			f.add(m[2], m[3], Org, "", w)
			f.coordinated(m[3])
		}
	}
	for _, m := range f.scan(f.lx.cueBefore, gateCueBefore) {
		if s, name, ok := f.known(m[0], m[3]); ok && s < m[2] && f.free(s, m[3]) {
			f.add(s, m[3], Org, name, foldCaseAccentsPunctuation(name)) // « la Société Générale »
			continue
		}
		start := m[2]
		if noun := f.capitalisedCue(m[0], m[2]); noun >= 0 && f.free(noun, m[2]) {
			start = noun // « la Banque Postale »: a cue written with a capital opens the name
		}
		if f.free(start, m[3]) && f.classify(start, m[3], true) {
			f.coordinated(m[3])
		}
	}
}

// capitalisedCue returns where the cue's last word starts when it is written
// with a capital inside [cue, name) (« la Banque Postale », « le Syndicat
// Zorg »), so that it belongs to the name; not for the words that stand for
// any company (« la Société Zorg » names Zorg), nor at a sentence's start.
// It returns -1 otherwise.
func (f *finder) capitalisedCue(cue, name int) int {
	words := strings.Fields(f.text[cue:name])
	if len(words) < 2 {
		return -1
	}
	last := words[len(words)-1]
	at := cue + strings.LastIndex(f.text[cue:name], last)
	if !startsUpper(last) || opensSentence(f.text, at) || f.lx.generic[foldCaseAccentsPunctuation(last)] {
		return -1
	}
	return at
}

// coordinated classifies the names joined by « , » or « et » to one ending at end.
func (f *finder) coordinated(end int) {
	for {
		m := f.lx.andName.FindStringSubmatchIndex(f.text[end:])
		if m == nil || !f.free(end+m[2], end+m[3]) || !f.classify(end+m[2], end+m[3], true) {
			return
		}
		end += m[3]
	}
}

// appendRuns appends to out the spans of the non-overlapping matches of the
// name-run pattern in text, leftmost first, as regexp's FindAllStringIndex
// would find them, but faster: a name's first capital lies within its first
// three letters, so the name is read only at a capital and the two letters
// before it.
func (lx *Lexicon) appendRuns(out []Span, text string) []Span {
	last := 0
	for u := 0; u < len(text); {
		if u = nextCapitalOrRune(text, u); u == len(text) {
			break
		}
		r, size := utf8.DecodeRuneInString(text[u:])
		if !unicode.IsUpper(r) {
			u += size
			continue
		}
		s := u
		for k := 0; k < 2; k++ {
			pr, ps := utf8.DecodeLastRuneInString(text[:s])
			if s-ps < last || !unicode.IsLower(pr) {
				break
			}
			s -= ps
		}
		matched := false
		for c := s; c <= u; {
			if n := lx.run.match(text[c:]); n >= 0 {
				out = append(out, Span{c, c + n})
				last, u, matched = c+n, c+n, true
				break
			}
			_, cs := utf8.DecodeRuneInString(text[c:])
			c += cs
		}
		if !matched {
			u += size
		}
	}
	return out
}

// nextCapitalOrRune returns where, from u, the next ASCII capital or rune
// that is not ASCII stands in text, or len(text); but for the runes most
// French words hold, which are no capitals: the lower-case letters of
// Latin-1 (« é », « à ») and the general punctuation (« ’ », « – »).
func nextCapitalOrRune(text string, u int) int {
	for u < len(text) {
		if u+8 <= len(text) && !capitalOrRuneIn(eightBytes(text, u)) {
			u += 8 // eight ASCII bytes with no capital, as most of a text
			continue
		}
		switch c := text[u]; {
		case !capitalOrRune[c]:
			u++
		case c == 0xc3 && u+1 < len(text) && text[u+1] >= 0xa0 && text[u+1] <= 0xbf: // U+00E0 to U+00FF
			u += 2
		case c == 0xe2 && u+2 < len(text) && text[u+1] == 0x80 && text[u+2]&0xc0 == 0x80: // U+2000 to U+203F
			u += 3
		default:
			return u
		}
	}
	return u
}

// capitalOrRuneIn reports whether one of the eight bytes of x is an ASCII
// capital or not ASCII: adding 0x3f to a byte below 0x80 sets its high bit
// from 'A' on, adding 0x25 from '[' on, and no sum carries into the next.
func capitalOrRuneIn(x uint64) bool {
	if x&laneHighs != 0 {
		return true
	}
	return (x+0x3f*laneLows)&^(x+0x25*laneLows)&laneHighs != 0
}

// capitalOrRune tells the ASCII capitals and the bytes of runes that are not ASCII.
var capitalOrRune = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || 'A' <= c && c <= 'Z'
	}
	return t
}()

// runs sorts every run of capitalised words left.
func (f *finder) runs() {
	f.spans = f.lx.appendRuns(f.spans[:0], f.maskString())
	for _, m := range f.spans {
		start := m.Start
		if !wordStart(f.text, start) { // « anonymesLa société »: the name starts at the capital
			start += strings.IndexFunc(f.text[start:m.End], unicode.IsUpper)
		}
		f.classify(start, m.End, false)
	}
}

// classify sorts the name at [start, end) into a person, a place or an
// organisation and records it, or leaves it, and reports whether it recorded
// an organisation. cue says that a cue showed it is an organisation.
func (f *finder) classify(start, end int, cue bool) bool {
	if !cue && f.commonWordAlone(start, end) {
		return false // « La », « Cette », « Dans » opening a sentence: most runs
	}
	return f.classifyName(start, end, cue)
}

// classifyName is classify, reading each of its cases in turn.
func (f *finder) classifyName(start, end int, cue bool) bool {
	lx := f.lx
	if s, name, ok := f.known(start, end); ok {
		// « Le Crédit Agricole »: a known name wins over its heading words
		f.add(s, end, Org, name, foldCaseAccentsPunctuation(name))
		return true
	}
	initial := opensSentence(f.text, start)
	if initial {
		// « Pour Carrefour France » names Carrefour France.
		for start < end {
			w, rest := firstWord(f.text[start:end])
			if !lookupFolded(lx.initial, w) || rest == "" {
				break
			}
			start = end - len(rest)
			initial = false
		}
	}
	if s := elided(f.text, start, end); s > start {
		// « d'Hélène Marchal », « L'Irlande »: an elided article before a
		// person's or a place's name, or « L' » before a capitalised name
		// (« L'UFC-Que Choisir » is UFC-Que Choisir; names that keep their
		// article, « L'Oréal », are known ones)
		if rest := foldCaseAccentsPunctuation(f.text[s:end]); lx.places[rest] != "" || lx.givenNames[foldCaseAccentsPunctuation(firstOf(f.text[s:end]))] ||
			strings.ContainsAny(f.text[start:start+1], "Ll") && startsUpper(f.text[s:end]) {
			start = s
		}
	}
	if m := reDottedTail.FindStringIndex(f.text[end:]); m != nil && reLastInitial.MatchString(f.text[start:end]) && f.free(end, end+m[1]) {
		end += m[1] // « Lumen Play B » then « .V. »: the run stopped inside the form
	} else if m := reDottedForm.FindStringIndex(f.text[end:]); m != nil && f.free(end, end+m[1]) {
		end += m[1] // « Uber B.V. », « Bluewave Entertainment N.V. »: a legal form in dotted capitals
	}
	name := f.text[start:end]
	key := foldCaseAccentsPunctuation(name)
	var wordsBuf [8]string
	words := appendFields(wordsBuf[:0], name)
	if p, seatAt := f.placeAfter(start, end); p > start {
		// « Amazon de Montélimar », « la République de Paris »: a known
		// organisation or a common word, then the place where it sits
		if head := foldCaseAccentsPunctuation(strings.TrimSpace(f.text[start:p])); lx.knownOrgs[head] != "" {
			return f.classify(start, p, cue)
		} else if lx.notOrg[head] {
			return false
		} else if h := strings.TrimSpace(f.text[start:p]); !cue && !strings.Contains(h, " ") && isUpper(h) && utf8.RuneCountInString(h) > 2 {
			// « la DREAL de Bretagne »: a regional service and its seat
			seat := f.text[seatAt:end]
			f.add(start, end, lx.serviceType(h), h+" "+seat, foldCaseAccentsPunctuation(h+" "+seat))
			return true
		}
	}
	if !cue && len(words) <= 2 && lookupFolded(lx.places, bracketed(f.text[end:])) != "" {
		f.add(start, end, Place, name, "") // « Lauwin-Planque (Nord) »: a place and its département
		return false
	}
	if len(words) == 1 && isUpper(name) && utf8.RuneCountInString(name) > 2 && !lx.notOrg[key] {
		if seat, s, e := f.seatAfter(end); seat != "" {
			// « la DIRECCTE d'Île-de-France »: a regional service and its seat
			f.add(start, end, lx.serviceType(name), name+" "+seat, foldCaseAccentsPunctuation(name+" "+seat))
			f.add(s, e, Place, seat, "")
			return true
		}
	}
	// the first word's key, read by several cases, folded once
	var firstBuf [64]byte
	first := appendFoldRunes(firstBuf[:0], words[0], true)
	givenFirst := lx.givenNames[string(first)]
	switch {
	case lx.knownOrgs[key] != "":
		f.add(start, end, Org, lx.knownOrgs[key], foldCaseAccentsPunctuation(lx.knownOrgs[key]))
		return true
	case len(words) > 1 && words[len(words)-1] == "Act":
		return false // « Digital Services Act »: a statute
	case lx.notOrg[key] || f.terms[key]:
		return false // « Recueil Lebon », or an acronym the text defined as a term
	case reMinisterOf.MatchString(f.text[max(0, start-60):start]):
		return false // « le ministre de l'Économie »: a minister's title
	case lx.titles[key] || lx.titles[string(first)] && len(words) > 1 && lookupFolded(lx.givenNames, words[1]):
		return false // « Maître », « Maître Jean Dupont »: a title is no organisation
	case len(words) == 1 && lx.legalForms[name]:
		return false // « Limited, la filiale, conteste »: a legal form alone names no one
	case len(words) > 1 && lx.legalForms[words[len(words)-1]]:
		// « Martin SARL »: a legal form makes the name a company's, whatever its first word
	case lx.places[key] != "":
		f.add(start, end, Place, lx.places[key], "")
		return false
	case !cue && len(words) <= 2 && !isUpper(name) && lx.placeBefore.MatchString(f.text[max(0, start-24):start]) && !lx.namedAfter(f.text[end:]):
		f.add(start, end, Place, name, "") // « établie à Villeurbanne », « dans le Grand Ouest »
		return false
	case !cue && reStreet.MatchString(f.text[max(0, start-30):start]):
		f.add(start, end, Place, name, "") // « rue de la Paix », « avenue Victor Hugo »: a street
		return false
	case !cue && f.headingAt(start) && !f.personCue(start, end) &&
		!(givenFirst && personLike(words)):
		// « UN RECORD BATTU », « Amende Record Pour Le Groupe »: a heading
		// names nothing by itself; repeats() takes the names seen elsewhere
		return false
	case len(words) > 1 && lookupFolded(lx.tails, words[len(words)-1]):
		// « Lars Larsen Group »: a company's last word, whatever its first
	case !cue && len(words) > 1 && personLike(words) && !isUpper(name) && f.personCue(start, end):
		// « Par Jeanne Castel », « Jeanne Castel, avocate »: a byline or a role
		f.add(start, end, Person, name, "")
		return false
	case givenFirst && personLike(words) && !lx.cueAfter.MatchString(f.text[end:]):
		f.add(start, end, Person, name, "")
		return false
	case lookupFolded(lx.counsel, words[len(words)-1]) || lx.counselAfter.MatchString(f.text[end:]):
		return false // « Vasseur Lemaire Avocats », « la SCP Piwnica, Molinié, avocat de la société »: counsel
	case strings.ContainsFunc(name, unicode.IsDigit) && !(cue && shortBrand(name)) && !namedWithDigits(words),
		f.commonWords(words) || utf8.RuneCountInString(name) < 2:
		return false // MD5, SAN-2019-001, « Commentaire Nom E-mail », Q&R; but « la société M6 »
	case !cue && quoted(f.text, start, end):
		return false // « Stow Machine Gun »: a quoted name is a product or a title
	case initial && len(words) == 1 && !cue && !lx.namedAfter(f.text[end:]) && !lx.cueAfterApposition(f.text[end:]) && !f.heading(name, end):
		return false // a capitalised word opening a sentence: repeats() takes it if it is named elsewhere
	case !cue && credit(f.text, start, end):
		return false // « Théo Marchal / AFP » closing a caption: the photo's credit
	case !cue && roman(name):
		return false // « III », « IV »: a section number
	case !cue && len(words) == 1 && !isUpper(name) && f.writtenLower(name):
		return false // « Convention », « Protocole »: a common noun the text also writes in lower case
	}
	f.add(start, end, Org, "", key)
	return true
}

// commonWordAlone reports whether classifyName, with no cue, would leave
// the run [start, end), recording nothing, without reading its cases: one
// word that is never an organisation on its own (see commonWords), with no
// elided article, not in capitals (a regional service's acronym), not a
// known organisation, place or given name, with no dotted legal form nor
// département in brackets after it, nor a place's or a street's cue before
// it, the only cases that make such a word something.
func (f *finder) commonWordAlone(start, end int) bool {
	lx, name := f.lx, f.text[start:end]
	if strings.ContainsFunc(name, unicode.IsSpace) || elided(f.text, start, end) > start || isUpper(name) {
		return false
	}
	return lookupFolded(lx.commonAlone, name) && !reDottedForm.MatchString(f.text[end:]) && lookupFolded(lx.places, bracketed(f.text[end:])) == "" &&
		!lx.placeBefore.MatchString(f.text[max(0, start-24):start]) && !reStreet.MatchString(f.text[max(0, start-30):start])
}

// reCreditBefore matches what stands before the agency of a photo credit:
// the photographer's surname and a slash (« Théo Marchal / »).
var reCreditBefore = regexp.MustCompile(`\p{Lu}\p{Ll}+\s*/\s*$`)

// credit reports whether the name at [start, end) ends its line after a
// photographer's name and a slash: a photo's credit, not a party. The
// regexp runs only where a slash ends what comes before but for spaces
// (\s), which it needs.
func credit(text string, start, end int) bool {
	rest := strings.TrimLeft(text[end:], " \t\u00a0")
	before := text[max(0, start-40):start]
	return (rest == "" || rest[0] == '\n') && strings.HasSuffix(strings.TrimRight(before, " \t\n\f\r"), "/") && reCreditBefore.MatchString(before)
}

// personCue reports whether a byline opens the line before [start, end), a
// verb of speech after a quotation comes before it, or a role follows it.
func (f *finder) personCue(start, end int) bool {
	lo := max(0, start-40)
	line := strings.LastIndexByte(f.text[lo:start], '\n')
	byline := (line >= 0 || lo == 0) && f.lx.byline.MatchString(f.text[lo+line+1:start])
	return byline || f.lx.said.MatchString(f.text[max(0, start-30):start]) || f.lx.role.MatchString(f.text[end:min(len(f.text), end+60)])
}

// personLike reports whether a name that opens with a given name can be a
// person's: two to four capitalised words with no « & » nor capitals only
// (« Morgan Stanley & Co » is a bank).
func personLike(words []string) bool {
	if len(words) > 4 {
		return false
	}
	for _, w := range words {
		if w == "&" || utf8.RuneCountInString(w) > 1 && isUpper(w) && len(words) > 2 {
			return false
		}
	}
	return true
}

// namedWithDigits reports whether a name of several words has digits only
// inside words with letters and no dash (« AG2R La Mondiale »), not a code.
func namedWithDigits(words []string) bool {
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if strings.ContainsFunc(w, unicode.IsDigit) && (strings.Contains(w, "-") || !strings.ContainsFunc(w, unicode.IsLetter)) {
			return false
		}
	}
	return true
}

// placeAfter returns where « de » (« d' », « du », « de la »…) and a known
// place ending the name text[start:end] begin, and where the place begins;
// start twice when no place ends it, at once for a name with no « d » after
// a space, as most.
func (f *finder) placeAfter(start, end int) (int, int) {
	name := f.text[start:end]
	if !strings.Contains(name, " d") {
		return start, start
	}
	for _, sep := range []string{" de la ", " de l'", " de l’", " du ", " des ", " de ", " d'", " d’"} {
		i := strings.LastIndex(name, sep)
		if i > 0 && lookupFolded(f.lx.places, name[i+len(sep):]) != "" {
			return start + i, start + i + len(sep)
		}
	}
	return start, start
}

// bracketed returns the words in brackets right after a name, or "".
func bracketed(after string) string {
	if !strings.HasPrefix(strings.TrimLeftFunc(after, isHSpace), "(") {
		return "" // reBracketed needs a bracket after the spaces
	}
	m := reBracketed.FindStringSubmatch(after)
	if m == nil {
		return ""
	}
	return m[1]
}

// elided returns where the name after an elided article that opens
// [start, end) begins (« d'Hélène », « L'Irlande »), or start: where
// reElided's match ends, read without the regexp.
func elided(text string, start, end int) int {
	s := text[start:end]
	if len(s) < 2 || !strings.ContainsRune("dDlL", rune(s[0])) {
		return start
	}
	switch {
	case s[1] == '\'':
		return start + 2
	case strings.HasPrefix(s[1:], "’"):
		return start + 1 + len("’")
	}
	return start
}

// roman reports whether s is a Roman number, as reRoman reads it.
func roman(s string) bool {
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("IVXLC", rune(s[i])) {
			return false
		}
	}
	return s != ""
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// firstOf is the first word of s.
func firstOf(s string) string {
	w, _ := firstWord(s)
	return w
}

// headingAt reports whether the line holding i, read once, is a heading:
// in capitals, in title case or numbered.
func (f *finder) headingAt(i int) bool {
	from, to, ok := f.headingLine(i)
	return ok && (capitalsLine(f.text[from:to]) || f.titleCaseLine(from, i, to) || numberedHeading(f.text[from:to]))
}

// capitalsLine reports whether a line has letters and no lower-case one:
// a heading written in capitals.
func capitalsLine(line string) bool {
	return strings.Count(strings.TrimSpace(line), " ") > 0 && isUpper(line)
}

// maxHeading bounds the length of a heading: a longer line is prose, and
// reading no further keeps the passes linear on texts without line breaks.
const maxHeading = 200

// headingLine returns the bounds of the line holding i, and false when it is
// longer than a heading: when no line break stands within maxHeading bytes
// before i (but for the text's start), or before i+maxHeading (but for its
// end). The text's line breaks are listed once, and the line found among
// them.
func (f *finder) headingLine(i int) (int, int, bool) {
	if len(f.newlines) == 0 {
		f.newlines = append(f.newlines, -1) // the text's start, as if after a break
		for j := strings.IndexByte(f.text, '\n'); j >= 0; {
			f.newlines = append(f.newlines, j)
			k := strings.IndexByte(f.text[j+1:], '\n')
			if k < 0 {
				break
			}
			j += 1 + k
		}
		f.newlines = append(f.newlines, len(f.text)) // its end, as if before one
	}
	k := sort.SearchInts(f.newlines, i) // the first break at or after i
	before, after := f.newlines[k-1], f.newlines[k]
	lo, hi := max(0, i-maxHeading), min(len(f.text), i+maxHeading)
	if before < lo && lo > 0 || after >= hi && hi < len(f.text) {
		return 0, 0, false
	}
	return before + 1, after, true
}

// titleCaseLine reports whether the heading that holds i, on the line
// [from, to) (the line, or what follows a colon) has every word
// capitalised, function words too (« Ce Qu'il Faut Retenir », « Lire
// aussi : Amende Record Pour Le Groupe X »): a heading in title case, whose
// capitals name nothing by themselves.
func (f *finder) titleCaseLine(from, i, to int) bool {
	if c := strings.LastIndexByte(f.text[from:i], ':'); c >= 0 {
		from += c + 1
	}
	var buf [14]string
	words := buf[:0]
	for w := range strings.FieldsSeq(f.text[from:to]) {
		if len(words) == len(buf) {
			return false // too many words for a heading
		}
		words = append(words, w)
	}
	if len(words) < 2 || strings.HasSuffix(words[len(words)-1], ".") {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return false
		}
	}
	for _, w := range words {
		var keyBuf [64]byte
		k := appendFoldRunes(keyBuf[:0], w, true)
		if first, _, _ := bytes.Cut(k, []byte(" ")); f.lx.initial[string(k)] || f.lx.initial[string(first)] {
			return true
		}
	}
	return false
}

// numberedHeading reports whether a line is a short numbered heading (« I.
// Faits et procédure », « B - Sur le manquement »).
func numberedHeading(line string) bool {
	line = strings.TrimSpace(line)
	return len(line) < 100 && !strings.HasSuffix(line, ".") && reNumbered.MatchString(line)
}

// writtenLower reports whether the text writes word, a capitalised word,
// in lower case elsewhere.
func (f *finder) writtenLower(word string) bool {
	lower := strings.ToLower(word)
	if lower == word {
		return false
	}
	return hasLowerWord(f.text, lower)
}

// shortBrand reports whether a name with digits can still be a company's
// when a cue announces one (« la société M6 », « le groupe TF1 », « la chaîne
// C8 »): one short word, no dash, so that codes such as SAN-2019-001 stay out.
func shortBrand(name string) bool {
	return utf8.RuneCountInString(name) <= 5 && !strings.ContainsAny(name, "- ")
}

// known finds the longest known organisation that ends at end and starts at
// a word of [start, end): the run itself, or the run without its first words.
// Only the last bytes that the longest known name could take are read: a
// run as long as a whole text would make the search quadratic.
func (f *finder) known(start, end int) (int, string, bool) {
	if limit := f.lx.maxKnown; end-start > limit {
		i := strings.IndexByte(f.text[end-limit:end], ' ')
		if i < 0 {
			return 0, "", false
		}
		start = end - limit + i + 1
	}
	for s := start; s < end; {
		if name := lookupFolded(f.lx.knownOrgs, f.text[s:end]); name != "" {
			return s, name, true
		}
		_, rest := firstWord(f.text[s:end])
		if rest == "" {
			break
		}
		s = end - len(rest)
	}
	return 0, "", false
}

// quoted reports whether [start, end) stands alone between quotation marks.
func quoted(text string, start, end int) bool {
	before := strings.TrimRightFunc(text[:start], unicode.IsSpace)
	after := strings.TrimLeftFunc(text[end:], unicode.IsSpace)
	return (strings.HasSuffix(before, "«") && strings.HasPrefix(after, "»")) ||
		(strings.HasSuffix(before, "“") && strings.HasPrefix(after, "”")) ||
		(strings.HasSuffix(before, `"`) && strings.HasPrefix(after, `"`))
}

// commonWords reports whether every word of a name is a word that is never an
// organisation on its own.
func (f *finder) commonWords(words []string) bool {
	for _, w := range words {
		var buf [64]byte
		if k := appendFoldRunes(buf[:0], w, true); !f.lx.notOrg[string(k)] && !f.lx.initial[string(k)] {
			return false
		}
	}
	return true
}

// heading reports whether a word that opens a line is the subject of a
// heading (« Kaspr : 240 000 € »): a colon and a number follow, and the word
// is no common word, which the text would also write in lower case.
func (f *finder) heading(word string, end int) bool {
	if !reColon.MatchString(f.text[end:]) {
		return false
	}
	lower := strings.ToLower(word)
	for i := 0; ; {
		j := strings.Index(f.text[i:], lower)
		if j < 0 {
			return true
		}
		if wordStart(f.text, i+j) && wordEnd(f.text, i+j+len(lower)) {
			return false
		}
		i += j + len(lower)
	}
}

// repeats finds the other mentions of the organisations and persons named:
// at a sentence start, in capitals, in lower case (noyb), or a person's
// surname alone.
func (f *finder) repeats() {
	byText := map[string]mention{}
	for _, m := range f.found {
		switch {
		case m.Type == Org:
			byText[m.Text] = m
			byText[strings.ToUpper(m.Text)] = m
		case m.Type == Person:
			if ws := strings.Fields(m.Name); len(ws) > 1 {
				byText[ws[len(ws)-1]] = m
			}
		}
	}
	texts := make([]string, 0, len(byText))
	for t := range byText {
		texts = append(texts, t)
	}
	sort.Slice(texts, func(i, j int) bool { return len(texts[i]) > len(texts[j]) }) // longest first
	// every text is searched for in the mask as it was before the first
	// mention is recorded (see maskString)
	type found struct {
		Span
		text string
	}
	var all []found
	mask := f.maskString()
	for _, t := range texts {
		for i := 0; ; {
			j := strings.Index(mask[i:], t)
			if j < 0 {
				break
			}
			all = append(all, found{Span{i + j, i + j + len(t)}, t})
			i += j + len(t)
		}
	}
	for _, c := range all {
		if wordStart(f.text, c.Start) && wordEnd(f.text, c.End) && f.free(c.Start, c.End) {
			m := byText[c.text]
			f.add(c.Start, c.End, m.Type, m.Name, m.key)
		}
	}
}

// name gives the organisations that share a key one canonical name: the
// name fixed by a table or an acronym, else the longest spelling in mixed
// case seen in the article, else the longest one title-cased.
func (f *finder) name() {
	// « Quadrature du Net » at a sentence start, its article dropped, is
	// « La Quadrature du Net »
	keys := map[string]bool{}
	for _, m := range f.found {
		keys[m.key] = m.Type == Org || keys[m.key]
	}
	if articled := articledKeys(keys); len(articled) > 0 {
		for i := range f.found {
			if m := &f.found[i]; m.Type == Org && articled[m.key] != "" {
				m.key = articled[m.key]
			}
		}
	}
	best := map[string]string{}
	fixed := map[string]bool{}
	for _, m := range f.found {
		if m.Type != Org {
			continue
		}
		if m.Name != "" {
			best[m.key], fixed[m.key] = m.Name, true
			continue
		}
		if b, ok := best[m.key]; !fixed[m.key] && (!ok || better(m.Text, b)) {
			best[m.key] = m.Text
		}
	}
	for k, b := range best {
		if !fixed[k] && isUpper(b) {
			best[k] = titleCase(b)
		}
	}
	for i := range f.found {
		if m := &f.found[i]; m.Type == Org {
			m.Name = best[m.key]
		}
	}
	f.seated()
}

// articledKeys maps each key of an organisation (set in keys) that the key
// of another holds after an article (« quadrature du net », « la quadrature
// du net ») to the latter, with the first of the articles that has one; nil
// when there are none, as in most texts.
func articledKeys(keys map[string]bool) map[string]string {
	var articled map[string]string
	for _, art := range []string{"la ", "le ", "les ", "l "} {
		for k, org := range keys {
			if rest, ok := strings.CutPrefix(k, art); ok && org && keys[rest] && articled[rest] == "" {
				if articled == nil {
					articled = map[string]string{}
				}
				articled[rest] = k
			}
		}
	}
	return articled
}

// seated names « la DREETS » after the one service of that kind with its
// seat that the article names (« DREETS Auvergne-Rhône-Alpes »): one
// organisation, one name. With two seats named, the bare acronym stays.
func (f *finder) seated() {
	seats := map[string][]string{} // acronym -> the names of it with a seat
	for _, m := range f.found {
		head, seat, ok := strings.Cut(m.Name, " ")
		if (m.Type == Org || m.Type == Authority) && ok && isUpper(head) && f.lx.places[foldCaseAccentsPunctuation(seat)] != "" && !slices.Contains(seats[foldCaseAccentsPunctuation(head)], m.Name) {
			seats[foldCaseAccentsPunctuation(head)] = append(seats[foldCaseAccentsPunctuation(head)], m.Name)
		}
	}
	for i := range f.found {
		if m := &f.found[i]; m.Type == Org && len(seats[m.key]) == 1 {
			m.Name = seats[m.key][0]
			m.key = foldCaseAccentsPunctuation(m.Name)
		}
	}
}

// better reports whether spelling a names an organisation better than b.
func better(a, b string) bool {
	if isUpper(a) != isUpper(b) {
		return isUpper(b)
	}
	return len(a) > len(b)
}

// titleCase turns a name written in capitals into its usual form: words of
// more than three letters are capitalised (CLEARVIEW AI gives Clearview AI);
// a name of one word is taken for an acronym and kept.
func titleCase(s string) string {
	words := strings.Fields(s)
	if len(words) == 1 && strings.Count(strings.ToLower(s), "")-1-strings.Count(s, "-") <= 5 {
		return s // AFP, AP-HP: an acronym
	}
	for i, w := range words {
		if utf8.RuneCountInString(w) > 3 {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(r) + strings.ToLower(w[n:])
		}
	}
	return strings.Join(words, " ")
}

// appendFields appends to out the words of s that strings.Fields returns,
// so that a caller may keep them in a buffer of its own.
func appendFields(out []string, s string) []string {
	for w := range strings.FieldsSeq(s) {
		out = append(out, w)
	}
	return out
}

// isUpper reports whether s has letters and all of them are capitals.
func isUpper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// firstWord splits s after its first word and the spaces that follow it.
func firstWord(s string) (word, rest string) {
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeftFunc(s[i:], unicode.IsSpace)
}

// headName returns the organisation named at the head of the row or list
// item that starts the line at from, before to (« • Cityscoot (16 mars 2023) –
// 125 000 € », « Veolia 1,6 M€ 14/03/2023 »): a capitalised run after the
// bullet, no common word nor a person's or place's name. The sanction linker
// asks for it when a fine's line names no organisation the finder saw.
func (lx *Lexicon) headName(text string, from, to int) (Entity, bool) {
	if from > 0 && text[from-1] != '\n' {
		return Entity{}, false // not the start of a line
	}
	lineEnd := strings.IndexByte(text[from:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text) - from
	}
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && !strings.ContainsRune("•-–—*·▪", r) {
			break
		}
		i += n
	}
	bullet := i > from
	n := lx.run.match(text[i:to])
	if n < 0 || lineEnd > 300 && !bullet {
		return Entity{}, false
	}
	// a list item opens with a bullet; a table row's first cell is followed
	// by the sum itself, maybe after what the party is and a separator
	// (« Zorgshop (e-commerce) : 800 000 euros », « Zorgcar, constructeur : … »)
	if !bullet && !reRowHead.MatchString(text[i+n:to]) {
		return Entity{}, false
	}
	return lx.nameAt(text, i, to)
}

// reRowHead matches what may stand between a row's party and its sum: a
// note in brackets or a short apposition in lower case, then a separator.
var reRowHead = regexp.MustCompile(`^\s*(?:(?:\([^()\n]{1,40}\)|,\s*\p{Ll}[^,:;.()\n]{0,50})\s*[:–—|-]|[:–—|-])?\s*$`)

// nameAt returns the organisation whose capitalised name starts at i, before
// to, when it is no common word nor a person's or place's name: for the
// linkers, which know from its role that a name there is an organisation's.
func (lx *Lexicon) nameAt(text string, i, to int) (Entity, bool) {
	n := lx.run.match(text[i:to])
	if n < 0 {
		return Entity{}, false
	}
	name := text[i : i+n]
	key := foldCaseAccentsPunctuation(name)
	words := strings.Fields(name)
	if lx.notOrg[key] || lx.initial[foldCaseAccentsPunctuation(words[0])] || lx.places[key] != "" ||
		lx.givenNames[foldCaseAccentsPunctuation(words[0])] || lx.titles[foldCaseAccentsPunctuation(words[0])] {
		return Entity{}, false
	}
	return Entity{Span{i, i + n}, name, Org, name}, true
}
