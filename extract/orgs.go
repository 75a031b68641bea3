package extract

// Organisations: names after a cue, long names defined by an acronym, and runs
// of capitalised words sorted into persons, places and organisations; then one
// canonical name per organisation.

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// reNameWord matches one word of a name: capitalised (Clearview, AI,
	// France-Presse, L'Oréal) or with an inner capital (eBizcuss, LinkedIn).
	reNameWord = `(?:\p{Lu}[\p{L}\p{N}]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*)(?:-[\p{L}\p{N}]+|['’]\p{Lu}[\p{L}\p{N}]*)*`
	// reNameJoin matches what joins two words of one name: spaces, maybe with
	// a particle (La Quadrature du Net, Morgan Stanley & Co) or an elision
	// (Caisse d'Épargne). « et » is no join: « Tech Data et Ingram Micro » are two.
	reNameJoin = `(?:` + reSpace + `+(?:(?:de la|de|du|des|&|von|van|der)` + reSpace + `+)?|` + reSpace + `+d` + reApos + `)`
	// reNameRun matches a name: words and joins.
	reNameRun = reNameWord + `(?:` + reNameJoin + reNameWord + `)*`
)

var (
	reRun = regexp.MustCompile(reNameRun)
	// reAndName matches a second name coordinated with a first (« les associations noyb et La Quadrature du Net »).
	reAndName = regexp.MustCompile(`^(?:,|` + reSpace + `+et)` + reSpace + `+(` + reNameRun + `)`)
	// reAcronym matches an acronym in brackets, after the name it abbreviates.
	reAcronym = regexp.MustCompile(`\((\p{Lu}[\p{Lu}\p{N}&-]{1,9})\)`)
	// reWord matches a word, for reading the initials of a name.
	reWord = regexp.MustCompile(`[\p{L}\p{N}]+`)
)

// acronyms finds « Syndicat des éditeurs de la presse magazine (SEPM) »: the
// long name and the acronym both name the organisation SEPM.
func (f *finder) acronyms() {
	for _, m := range reAcronym.FindAllStringSubmatchIndex(string(f.mask), -1) {
		acr := f.text[m[2]:m[3]]
		if f.lx.notOrg[fold(acr)] {
			continue
		}
		end := len(strings.TrimRightFunc(f.text[:m[0]], unicode.IsSpace))
		start := f.acronymStart(f.text[:end], acr)
		if start < 0 || !f.free(start, end) {
			continue
		}
		f.add(start, end, Org, acr, fold(acr))
		f.add(m[2], m[3], Org, acr, fold(acr))
	}
}

// acronymStart returns where the name that acr abbreviates begins at the end
// of before, reading the initials of its words other than particles, or -1.
func (f *finder) acronymStart(before, acr string) int {
	letters := []rune(fold(strings.NewReplacer("&", "", "-", "").Replace(acr)))
	from := max(0, len(before)-300)
	words := reWord.FindAllStringIndex(before[from:], -1)
	n := len(letters)
	for i := len(words) - 1; i >= 0 && n > 0; i-- {
		w := before[from+words[i][0] : from+words[i][1]]
		if f.lx.initial[fold(w)] {
			continue
		}
		r := []rune(fold(w))
		if r[0] != letters[n-1] {
			return -1
		}
		n--
		if n == 0 {
			if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) {
				return -1
			}
			return from + words[i][0]
		}
	}
	return -1
}

// cues finds the names that follow a cue (« la société Discord »,
// « l'association noyb »), and the names coordinated with them.
func (f *finder) cues() {
	for _, m := range f.lx.cueLower.FindAllStringSubmatchIndex(string(f.mask), -1) {
		if w := fold(f.text[m[2]:m[3]]); !f.lx.initial[w] && !f.lx.notOrg[w] && f.free(m[2], m[3]) {
			f.add(m[2], m[3], Org, "", w)
			f.coordinated(m[3])
		}
	}
	for _, m := range f.lx.cueBefore.FindAllStringSubmatchIndex(string(f.mask), -1) {
		if f.free(m[2], m[3]) && f.classify(m[2], m[3], true) {
			f.coordinated(m[3])
		}
	}
}

// coordinated classifies the names joined by « , » or « et » to one ending at end.
func (f *finder) coordinated(end int) {
	for {
		m := reAndName.FindStringSubmatchIndex(f.text[end:])
		if m == nil || !f.free(end+m[2], end+m[3]) || !f.classify(end+m[2], end+m[3], true) {
			return
		}
		end += m[3]
	}
}

// runs sorts every run of capitalised words left.
func (f *finder) runs() {
	for _, m := range reRun.FindAllStringIndex(string(f.mask), -1) {
		if wordStart(f.text, m[0]) {
			f.classify(m[0], m[1], false)
		}
	}
}

// classify sorts the name at [start, end) into a person, a place or an
// organisation and records it, or leaves it, and reports whether it recorded
// an organisation. cue says that a cue showed it is an organisation.
func (f *finder) classify(start, end int, cue bool) bool {
	lx := f.lx
	initial := opensSentence(f.text, start)
	if initial {
		// « Pour Carrefour France » names Carrefour France.
		for start < end {
			w, rest := firstWord(f.text[start:end])
			if !lx.initial[fold(w)] || rest == "" {
				break
			}
			start = end - len(rest)
			initial = false
		}
	}
	name := f.text[start:end]
	key := fold(name)
	words := strings.Fields(name)
	switch {
	case lx.knownOrgs[key] != "":
		f.add(start, end, Org, lx.knownOrgs[key], fold(lx.knownOrgs[key]))
		return true
	case lx.places[key] != "":
		f.add(start, end, Place, lx.places[key], "")
		return false
	case len(words) > 1 && lx.givenNames[fold(words[0])] && !isUpper(words[1]):
		f.add(start, end, Person, name, "")
		return false
	case lx.notOrg[key] || lx.initial[key]:
		return false
	case initial && len(words) == 1 && !cue && !lx.cueAfter.MatchString(f.text[end:]):
		return false // a capitalised word opening a sentence: repeats() takes it if it is named elsewhere
	}
	f.add(start, end, Org, "", key)
	return true
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
	if len(byText) == 0 {
		return
	}
	texts := make([]string, 0, len(byText))
	for t := range byText {
		texts = append(texts, t)
	}
	sort.Strings(texts) // a stable pattern; alternation then puts the longest first
	re := regexp.MustCompile(alternation(texts))
	for _, s := range re.FindAllStringIndex(string(f.mask), -1) {
		if wordStart(f.text, s[0]) && wordEnd(f.text, s[1]) {
			m := byText[f.text[s[0]:s[1]]]
			f.add(s[0], s[1], m.Type, m.Name, m.key)
		}
	}
}

// name gives the organisations that share a key one canonical name: the
// name fixed by a table or an acronym, else the longest spelling in mixed
// case seen in the article, else the longest one title-cased.
func (f *finder) name() {
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
	for i := range f.found {
		if m := &f.found[i]; m.Type == Org {
			m.Name = best[m.key]
			if !fixed[m.key] && isUpper(m.Name) {
				m.Name = titleCase(m.Name)
			}
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
	if len(words) == 1 && utf8.RuneCountInString(s) <= 4 {
		return s
	}
	for i, w := range words {
		if utf8.RuneCountInString(w) > 3 {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(r) + strings.ToLower(w[n:])
		}
	}
	return strings.Join(words, " ")
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

// opensSentence reports whether i opens a sentence, a heading or a list item:
// only spaces, quotes and brackets lie between it and the previous
// sentence's end or the start of the text.
func opensSentence(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case strings.ContainsRune(".!?…:;|•–—-\n", r):
			return true
		case unicode.IsSpace(r) || strings.ContainsRune("«“\"'(", r):
			i -= n
		default:
			return false
		}
	}
	return true
}
