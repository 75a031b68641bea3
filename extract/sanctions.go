package extract

// Sanctions: who pronounced which sanction against whom, for how much, when,
// and for breaching which GDPR articles. It links facts the other families
// found, in one pass over the sums and the sanction words of the text:
//
//   - a sanction is a sum whose role is a fine or a liquidated astreinte, or a
//     word of a sanction without a sum (« avertissement », « blâme »); not
//     one whose clause says it was only proposed, requested, incurred or
//     possible, nor the total of several sanctions (rules/sanctions.txt);
//   - its target is the organisation the sum is pronounced against, named
//     right after it (« 20 millions d'euros à Clearview AI »), else the one
//     named last before it in its sentence, else the one named last before
//     that; a list of sums paired « respectivement » with a list of parties
//     gives each its own, and one sum for several parties gives each a
//     sanction without a sum;
//   - its authority is named after the sum with « par », else the one named
//     last before it in its sentence unless it only confirms or reviews the
//     sanction, else the one named last before;
//   - its date is the calendar date of its sentence nearest to it that is no
//     deadline;
//   - its GDPR articles are those cited after its party was named last,
//     leaving out the articles cited for another reason than a breach.
//
// The same sanction stated several times is reported once, with the fields
// of its fullest statement.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sanctionRules are the compiled cues of rules/sanctions.txt.
type sanctionRules struct {
	kinds        wordScan     // a sanction word; the kind is in kindOf
	sameSum      wordScan     // a sum written as the one stated before it
	sameSumTail  *phraseIndex // the ends of sameSum's phrases, at a word of any text it matches (see phraseTails)
	kindOf       map[string]SanctionKind
	unsaid       boundedWords
	total        boundedWords
	share        boundedWords
	breakdown    boundedWords
	to           anchored        // anchored: from the end of a sum to its target
	toCounted    anchored        // anchored: from the end of a sum to the parties it counts then lists
	pronouncedTo gated           // anchored: from a sum, a participle of pronouncing, then « à », to its target
	andTo        anchored        // anchored: between two parties of one sanction (« et à sa filiale »)
	revised      anchored        // anchored: the whole gap between the old and the new sum of a revised sanction
	ofOrder      phraseLed       // an order's words shortly before a date, up to it: the date is the order's
	liquidates   boundedWords    // a liquidation's words
	toBody       anchored        // anchored: from the end of a sum or sanction word to a public body it is pronounced against
	toBodyLead   *phraseIndex    // the words that toBody reads after its spaces and comma (« à », « contre », « d' »)
	verbObject   phraseLed       // a sanction verb right before its object, at the end of a text
	verb         phraseLed       // a sanction verb and the spaces after it
	receives     boundedWords    // a verb by which its subject receives a sanction (« a reçu une amende »)
	describes    describer       // words that make the name after them describe the party before (« filiale du groupe »)
	otherClause  boundedWords    // a conjunction that opens a clause of its own (« alors que »)
	unnamed      boundedWords    // an indefinite party (« une TPE »)
	yearWords    map[string]bool // the folded words before a year written alone (« en 2022 »)
	// objectPronoun is an object pronoun and its auxiliary before a
	// sanction's verb (« lui avait notifié »), injunctions.txt's pronoun and auxiliary
	objectPronoun spaceLed
	anaphor       boundedWords      // words that stand for a party named before (the anaphors of injunctions.txt and sanctions.txt)
	sanctioner    boundedWords      // any verb of an authority pronouncing a sanction
	each          anchored          // anchored: « chacune » after a sum for several parties, each one's
	courtKind     *regexp.Regexp    // a court of courts.txt named by its kind, without its seat, in group 1
	bareCourt     *regexp.Regexp    // a court named by its noun alone (bare_court), in group 1
	courtWords    *phraseIndex      // the phrases of courtKind and bareCourt, which one of them needs
	relative      boundedWords      // the relative words by which a sum's party follows it (« la somme à laquelle … a condamné X »)
	then          boundedWords      // what joins a sum's clause to a clause that names its party (« … euros et condamné »)
	subjectOf     anchored          // anchored: a sanction verb after its subject, maybe after auxiliaries (« X a été condamnée »)
	courtKinds    map[string]string // the kinds of courts.txt, by their folded phrase
	bareCourts    map[string]string // the name prefix of each bare_court phrase, by the folded phrase
	ofParty       anchored          // anchored: « de la société » between a sanction's noun and its party, or « la » after its participle
	bracketed     searched          // what stands before a sum that restates the previous one (« (environ », « , soit »)
	body          bodyFinder        // a public body (injunctions.txt body, body_kind), its name in group 1
	by            gated             // anchored: from the end of a sum to its authority
	confirm       boundedWords
	reduces       boundedWords // a court's verbs that set a new sum (« en a réduit le montant à »)
	respectively  boundedWords
	deadline      endedPhrases // a deadline's words right before a date (injunctions.txt)
	decided       phraseLed    // a decision's words right before its date
	published     endedPhrases // a publication's words right before its date
	negation      boundedWords
	notBreached   map[int]bool
}

func compileSanctions(r *Rules) (*sanctionRules, error) {
	const table = "sanctions.txt"
	sr := &sanctionRules{kindOf: map[string]SanctionKind{}, notBreached: map[int]bool{}}
	var kindWords []string
	for _, k := range SanctionKinds {
		for _, w := range r.Values(table, "kind "+string(k)) {
			kindWords = append(kindWords, w)
			sr.kindOf[foldCaseSpacesApostrophes(w)] = k
		}
	}
	words := func(key string) string { return wordsPattern(r.Values(table, key)) }
	// the words of key standing as words (see boundedWords)
	boundedKey := func(key string) boundedWords { return newBoundedWords(r.Values(table, key)) }
	sr.kinds = phraseScan(lexiconPhrases(kindWords, true, 0))
	sr.sameSum = phraseScan(lexiconPhrases(r.Values(table, "same_sum"), true, 0))
	sr.sameSumTail = newPhraseIndex(phraseTails(r.Values(table, "same_sum")))
	sr.unsaid = boundedKey("unsaid")
	sr.total = boundedKey("total")
	sr.share = boundedKey("share")
	sr.breakdown = boundedKey("breakdown")
	// a party after a sum: « à Clearview AI », « à la société KASPR », « contre l'éditeur X »
	// the sanction's noun may come first (« 800 000 euros d'amende à X »);
	// what the party is may stand without its article: « au groupe X »,
	// « aux laboratoires X »
	toWord := `(?:d` + reApos + words("noun") + reSpace + `+)?(?:` + words("to") + `)(?:` + reSpace + `+|` + reApos + `)`
	// what the party is may have a complement (« à la société de gestion X »), and a
	// person may come after a possessive and a role, then a title (« à son dirigeant, M. X »)
	toParty := toWord +
		`(?:` + wordsPattern(r.Values("org_cues.txt", "before")) + `(?:` + reSpace + `+(?:de|d` + reApos + `)` + reSpace + `*\p{Ll}[\p{Ll}-]+){0,2}` + reSpace + `+` +
		`|(?i:la|le|les|l` + reApos + `)` + reSpace + `*|\p{Ll}[\p{Ll}-]+` + reSpace + `+` +
		`|(?i:son|sa|ses|leur|leurs)` + reSpace + `+\p{Ll}[\p{Ll}-]+` + reSpace + `*,?` + reSpace + `*(?:` + wordsPattern(r.Values("persons.txt", "title")) + reSpace + `+)?)?`
	sr.to = anchor(regexp.MustCompile(`^` + reSpace + `*` + toParty + `$`))
	// « à quatre sociétés du groupe, A, B, C et D », « aux trois entités : A, B et C »
	sr.toCounted = anchor(regexp.MustCompile(`^` + reSpace + `*` + toWord + `(?:\d+|\p{Ll}+)` + reSpace + `+` + words("counted") +
		`(?:` + reSpace + `+(?:du|de ce|de son|de leur)` + reSpace + `+groupe)?` + reSpace + `*[,:]` + reSpace + `*$`))
	sr.courtKinds, sr.bareCourts = map[string]string{}, map[string]string{}
	var kinds, bare []string
	for _, e := range r.Table("courts.txt") {
		for _, v := range e.Values {
			sr.courtKinds[foldCaseSpacesApostrophes(v)] = e.Key
			kinds = append(kinds, v)
		}
	}
	for _, e := range r.Table(table) {
		if prefix, ok := strings.CutPrefix(e.Key, "bare_court "); ok {
			for _, v := range e.Values {
				sr.bareCourts[foldCaseSpacesApostrophes(v)] = prefix
				bare = append(bare, v)
			}
		}
	}
	// a court before a verb, with no seat or name after it (« le tribunal de
	// commerce de Paris » is an entity, found before)
	// (« le tribunal d'Aarhus » names its seat: not a court without one)
	beforeVerb := reSpace + `+(?:(?:l` + reApos + `)?` + wordsPattern(r.Values("injunctions.txt", "auxiliary")) + reSpace + `+)?(?:[^dD\P{Ll}]|[dD](?:[^eu'’]|[eu]\p{L}{2}))`
	sr.courtKind = regexp.MustCompile(`(?:^|[^\p{L}])(?:(?i:le|la|l` + reApos + `)` + reSpace + `*)?(` + wordsPattern(kinds) + `)` + beforeVerb)
	sr.courtWords = newPhraseIndex(append(kinds, bare...))
	sr.relative = boundedKey("relative")
	sr.then = boundedKey("then")
	sr.bareCourt = regexp.MustCompile(`(?:^|[^\p{L}])(` + wordsPattern(bare) + `)` + beforeVerb)
	// the party named as the complement of a sanction's noun (« la radiation de
	// la société X »), or as the object of its participle (« a rappelé à l'ordre la commune de X »)
	article := `(?:` + wordsPattern(r.Values("org_cues.txt", "before")) + reSpace + `+|(?i:la|le|les)` + reSpace + `+|(?i:l)` + reApos + reSpace + `*)`
	sr.ofParty = anchor(regexp.MustCompile(`^` + reSpace + `+(?:(?:de|du|des|d` + reApos + `)` + reSpace + `*` + article + `?|` + article + `)$`))
	sr.toBody = anchor(regexp.MustCompile(`^` + reSpace + `*,?` + reSpace + `*` + toWord))
	sr.toBodyLead = newPhraseIndex(append(r.Values(table, "to"), "d'"))
	// a second party joined to the first: « et à sa filiale Y »
	sr.andTo = anchor(regexp.MustCompile(`^` + reSpace + `*(?:,` + reSpace + `*)?(?:et` + reSpace + `+)?` + toParty + `$`))
	// « … a été prononcée contre X »
	auxiliaries := `(?:(?:` + wordsPattern(append(r.Values("injunctions.txt", "auxiliary"), r.Values("injunctions.txt", "passive")...)) + `)` + reSpace + `+){0,2}`
	sr.subjectOf = anchor(regexp.MustCompile(`^` + reSpace + `+` + auxiliaries + words("verb") + `(?:[^\p{L}]|$)`))
	// « … l'amende infligée par l'Autorité au laboratoire X »
	named := `(?:(?i:l` + reApos + `|la` + reSpace + `+|le` + reSpace + `+)` + words("noun") + reSpace + `+)?`
	// « 746 M€, infligé à X par la CNPD »: a comma may come first
	sr.pronouncedTo = newGated(regexp.MustCompile(`^`+reSpace+`*,?`+reSpace+`*`+named+auxiliaries+words("pronounced")+`[^.;:]{0,70}?`+reSpace+toParty+`$`), r.Values(table, "pronounced"))
	sr.liquidates = boundedKey("liquidates")
	sr.ofOrder = newPhraseLed(r.Values(table, "order"), `[^.;:]{0,50}$`)
	sr.revised = anchor(regexp.MustCompile(`^` + reSpace + `*(?:` + words("revised") + `)` + reSpace + `*$`))
	sr.bracketed = search(regexp.MustCompile(`(?:\(` + reSpace + `*(?:` + words("converted") + reSpace + `+)?|,` + reSpace + `*` + words("converted") + reSpace + `+)$`))
	sr.objectPronoun = newSpaceLed(wordsPattern(r.Values("injunctions.txt", "pronoun")) + `\s*` + wordsPattern(r.Values("injunctions.txt", "auxiliary")) + `\s`)
	anaphors := slices.Concat(r.Values("injunctions.txt", "anaphor"), r.Values(table, "anaphor"))
	sr.anaphor = newBoundedWords(anaphors)
	sr.receives = boundedKey("receives")
	sr.describes = newDescriber(r.Values(table, "describes"))
	sr.otherClause = boundedKey("another_clause")
	sr.unnamed = boundedKey("unnamed")
	sr.yearWords = map[string]bool{}
	for _, w := range r.Values("date_words.txt", "year") {
		sr.yearWords[foldCaseAccents(w)] = true
	}
	sr.each = anchor(regexp.MustCompile(`^` + reSpace + `*,?` + reSpace + `*` + words("each") + `(?:[^\p{L}]|$)`))
	sr.verb = newPhraseLed(r.Values(table, "verb"), reSpace+`+`)
	acts := append(append(r.Values(table, "verb"), r.Values(table, "pronounced")...), r.Values(table, "acts")...)
	sr.sanctioner = newBoundedWords(acts)
	sr.body = newBodyFinder(r.Values("injunctions.txt", "body"), r.Values("injunctions.txt", "body_kind"))
	// the object may be a company after its cue, or a person after a title
	sr.verbObject = newPhraseLed(r.Values(table, "verb"), reSpace+`+(?:(?:`+wordsPattern(r.Values("org_cues.txt", "before"))+`|`+wordsPattern(r.Values("persons.txt", "title"))+`)`+reSpace+`+)?$`)
	sr.by = newGated(regexp.MustCompile(`^[^.;:]{0,60}?`+reSpace+words("by")+reSpace+`+(?:(?:la|le|l`+reApos+`)`+reSpace+`*)?$`), r.Values(table, "by"))
	sr.confirm = boundedKey("confirm")
	sr.reduces = boundedKey("reduces")
	sr.respectively = boundedKey("respectively")
	sr.deadline = newEndedPhrases(r.Values("injunctions.txt", "deadline_date"))
	// « décision du », « délibération n° SAN-2022-023 du », « La décision, adoptée le », « sa décision de décembre 2021 »
	sr.decided = newEndedPhraseLed(r.Values(table, "decided"), `(?:[,\s][^.;:]{0,40}?)?`+reSpace+`+`, []string{"du", "le", "de", "en date du"})
	sr.published = newEndedPhrases(r.Values(table, "published"))
	sr.negation = newBoundedWords(r.Values("injunctions.txt", "negation"))
	for _, v := range r.Values(table, "not_breached") {
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("rules %s: not_breached %q is no article number", table, v)
		}
		sr.notBreached[n] = true
	}
	return sr, nil
}

// reLeadingBracket matches a bracket right after a sum (« (environ 8,9
// millions d'euros) »), which stands between the sum and its party.
var reLeadingBracket = anchor(regexp.MustCompile(`^\s*\([^()]{0,60}\)`))

// withoutLeadingBracket returns gap without the bracket it opens with.
func withoutLeadingBracket(gap string) string {
	if m := reLeadingBracket.FindStringIndex(gap); m != nil {
		return gap[m[1]:]
	}
	return gap
}

// converted reports whether the sum a restates the sum just before it in
// another currency, in brackets or after « soit » (« 7 552 800 livres
// (environ 8,9 millions d'euros) », « …, soit environ 8,9 millions
// d'euros »): one sanction, not two.
func (sr *sanctionRules) converted(text string, amounts []Amount, sent int, a Amount) bool {
	m := sr.bracketed.FindStringIndex(text[max(sent, a.Start-24):a.Start])
	if m == nil {
		return false
	}
	open := max(sent, a.Start-24) + m[0]
	return slices.ContainsFunc(amounts, func(b Amount) bool {
		return b.End <= open && strings.TrimSpace(text[b.End:open]) == "" && b.Currency != a.Currency
	})
}

// A sanctionMention is one statement of a sanction, before the mentions of
// the same sanction are merged.
type sanctionMention struct {
	Sanction
	at      int // where its sum or word is, for the nearest date
	targets []string
	// antecedent says that its sentence names no party: the party is the
	// one named before, and a sum already pronounced is a restatement
	antecedent bool
	ownDate    bool // its date is written in its sentence, not borrowed from around it
}

// writtenIn reports whether a date of value v is written in [from, to).
func writtenIn(dates []Date, v CivilDate, from, to int) bool {
	return !v.IsZero() && slices.ContainsFunc(dates, func(d Date) bool { return d.Value == v && d.Start >= from && d.End <= to })
}

// find returns the sanctions of text, linking the facts f found by the other
// families, and the organisations that only their role in a sanction shows
// (the name heading the row or list item of a fine: « • Cityscoot – 125 000 € »).
func (sr *sanctionRules) find(text string, toks []token, f Facts, lx *Lexicon) ([]Sanction, []Entity) {
	var named []Entity
	found := make([]sanctionMention, 0, len(f.Amounts)) // at most one a sum, and the few sanction words
	decisions := sr.dateKinds(text, f.Dates)
	bySentence := map[int][]Amount{} // the sums of each sentence that may be sanctions
	for _, a := range f.Amounts {
		if a.Role != RoleFine && a.Role != RolePenaltyLiquidation {
			continue
		}
		sent := sentenceStart(text, a.Start)
		clause := clauseStart(text, sent, a.Start)
		before := text[clause:a.Start]
		if sr.converted(text, f.Amounts, sent, a) || sr.unsaid.MatchString(before) || sr.share.MatchString(before) || sr.breakdown.MatchString(text[sent:a.Start]) || sr.totals(text, lx, sent, clause, a) {
			continue
		}
		bySentence[sent] = append(bySentence[sent], a)
	}
	for sent, sums := range bySentence {
		end := sentenceEnd(text, sums[len(sums)-1].End)
		pairs := sr.respective(text, f.Entities, sent, end, sums)
		for i, a := range sums {
			kind := SanctionFine
			if a.Role == RolePenaltyLiquidation {
				kind = SanctionPenaltyLiquidation
			}
			m := sanctionMention{Sanction: Sanction{Span: Span{sent, end}, Kind: kind}, at: a.Start}
			a := a
			m.Amount = &a
			if pairs != nil && pairs[i] != "" {
				m.targets = []string{pairs[i]}
			} else if p, ok := pairedParty(text, f.Entities, sums, i); ok {
				m.targets = []string{p}
			} else {
				m.targets = sr.targets(text, f.Entities, sent, a.Span)
			}
			if m.targets == nil {
				if party, ok := sr.nameAfter(text, lx, a.End, end); ok {
					named = append(named, party)
					m.targets = []string{party.Name}
				} else if head, ok := lx.headName(text, sent, a.Start); ok {
					named = append(named, head)
					m.targets = []string{head.Name}
				} else if subject, ok := sr.receiver(text, lx, sent, a.Start); ok {
					named = append(named, subject)
					m.targets = []string{subject.Name}
				} else if m.targets = sr.antecedentTarget(text, f.Entities, sent, a.Start); m.targets == nil && kind == SanctionPenaltyLiquidation {
					m.targets = orderedParty(f.Injunctions, a.Start)
				} else {
					m.antecedent = m.targets != nil
				}
			}
			if len(m.targets) > 1 && !sr.each.MatchString(text[a.End:end]) {
				m.Amount = nil // one sum for several parties: a total
			}
			sr.decider(text, f, decisions, &m, a.Span)
			if i > 0 && sr.revised.MatchString(text[sums[i-1].End:a.Start]) {
				if !slices.ContainsFunc(f.Entities, func(e Entity) bool { return e.Type == Authority && e.Start >= sent && e.End <= end }) {
					// « le montant a été réduit de 60 à 40 millions au cours de la
					// procédure »: with no one named to revise it, the old sum was
					// never pronounced
					found = found[:len(found)-1]
				} else {
					revise(&found[len(found)-1], &m, f.Entities, sent, sums[i-1].Start)
				}
			}
			found = append(found, m)
		}
	}
	found = append(found, sr.sameSums(text, toks, f, decisions, found)...)
	for _, w := range sr.kinds.find(text, toks) {
		if !wordStart(text, w[0]) || !wordEnd(text, w[1]) {
			continue
		}
		sent, end := sentenceStart(text, w[0]), sentenceEnd(text, w[1])
		if sr.unsaid.MatchString(text[sent:w[0]]) || sr.negation.MatchString(lastWords(text[:w[0]], 3)) {
			continue
		}
		word := Span{w[0], w[1]}
		m := sanctionMention{Sanction: Sanction{Span: Span{sent, end}, Kind: sr.kindOf[foldCaseSpacesApostrophes(text[w[0]:w[1]])]}, at: w[0]}
		if party, ok := firstAfter(f.Entities, w[1], isParty); ok && party.Start-w[1] <= 60 && sr.ofParty.MatchString(text[w[1]:party.Start]) {
			m.targets = []string{party.Name} // « le retrait de l'agrément de la société X »
		} else {
			m.targets = sr.targets(text, f.Entities, sent, word)
		}
		if m.targets == nil {
			m.targets = sr.antecedentTarget(text, f.Entities, sent, w[0])
		}
		sr.decider(text, f, decisions, &m, word)
		found = append(found, m)
	}
	slices.SortStableFunc(found, func(a, b sanctionMention) int { return a.at - b.at })
	return sr.merge(text, found, f.GDPRRefs, withNamed(f.Entities, named)), named
}

// decider gives the mention m, whose sum or sanction word is said, the
// authority and date of the sentence that tells who decided it (see toldIn).
func (sr *sanctionRules) decider(text string, f Facts, decisions dateKinds, m *sanctionMention, said Span) {
	told, toldEnd := toldIn(text, f, m.Start, m.End)
	m.Authority = sr.authority(text, f.Entities, told, toldEnd, said)
	m.Date = sr.date(text, f, decisions, m.Sanction, told, toldEnd, max(said.Start, told))
	m.ownDate = writtenIn(f.Dates, m.Date, told, toldEnd)
}

// sameSums returns the sanctions whose sum is written as the one stated
// before it in its paragraph (« 20 M€ par le Garante en mars 2022, la même
// somme par la CNIL le 17 octobre 2022 »): of that kind and sum, against the
// party named right after, else the same party.
func (sr *sanctionRules) sameSums(text string, toks []token, f Facts, decisions dateKinds, found []sanctionMention) []sanctionMention {
	if !sr.sameSumTail.opensAtWord(text, toks) {
		return nil // most texts: their first words (« la », « de ») are everywhere, their last two nowhere
	}
	var out []sanctionMention
	for _, w := range sr.sameSum.find(text, toks) {
		prev := -1
		for i, m := range found {
			if m.Amount != nil && m.at < w[0] && (prev < 0 || m.at > found[prev].at) {
				prev = i
			}
		}
		if prev < 0 || found[prev].at < paragraphStart(text, w[0]) {
			continue
		}
		sent, end := sentenceStart(text, w[0]), sentenceEnd(text, w[1])
		word := Span{w[0], w[1]}
		m := sanctionMention{Sanction: Sanction{Span: Span{sent, end}, Kind: found[prev].Kind, Amount: found[prev].Amount}, at: w[0]}
		if m.targets = sr.targets(text, f.Entities, sent, word); m.targets == nil {
			m.targets = found[prev].targets
		}
		sr.decider(text, f, decisions, &m, word)
		out = append(out, m)
	}
	return out
}

// phraseTails returns the ends of phrases that a text holding one of them
// holds at the start of one of its words: the last two words of each, from
// the space before them, when they open with a letter or a digit (after a
// space, a word starts there); else the whole phrase, which a wordScan
// matches at a word's start only.
func phraseTails(phrases []string) []string {
	tails := make([]string, len(phrases))
	for i, p := range phrases {
		tails[i] = p
		words := strings.Split(p, " ")
		if len(words) <= 2 {
			continue
		}
		tail := strings.Join(words[len(words)-2:], " ")
		if r, _ := utf8.DecodeRuneInString(tail); isLetterOrDigit(r) {
			tails[i] = tail
		}
	}
	return tails
}

// revise reads a sanction a court revises, « a réduit de 40 à 25 millions
// d'euros l'amende infligée par l'Autorité à X »: the old sum's party is
// the new one's, and the new sum is the court's that the sentence names
// before the old sum, at oldSum, if any.
func revise(old, revised *sanctionMention, entities []Entity, sent, oldSum int) {
	old.targets = revised.targets
	if court, ok := lastBefore(entities, oldSum, func(e Entity) bool { return e.Type == Authority && e.Start >= sent }); ok {
		revised.Authority = court.Name
	}
}

// clauseAround is the clause holding an amount, from clause, where it
// starts, to its sentence's end or its next clause break.
func clauseAround(text string, clause int, a Amount) string {
	end := sentenceEnd(text, a.End)
	for j := a.End; j < end; j++ {
		if clauseBytes[text[j]] && clauseBreak(text, j) {
			end = j
			break
		}
	}
	return text[clause:end]
}

// totals says whether the sum a is the total of several sanctions (« au
// total, 89 millions d'euros d'amendes »), not one of them: a list row
// headed by its party (« • KG COM – 150 k€ au total ») totals that party's
// one sanction. Its sentence and clause start at sent and clause.
func (sr *sanctionRules) totals(text string, lx *Lexicon, sent, clause int, a Amount) bool {
	if !sr.total.MatchString(clauseAround(text, clause, a)) {
		return false
	}
	_, row := lx.headName(text, sent, a.Start)
	return !row
}

// isParty accepts the entities a sanction may be pronounced against.
func isParty(e Entity) bool { return e.Type == Org || e.Type == Person }

// targets returns the parties a sum or sanction word at s is pronounced
// against: those named right after it (with the ones coordinated), else the
// organisation named last before it in its sentence, else a person named
// before it in its sentence; none when its sentence names none (the caller then
// looks at the row's head, then before the sentence).
func (sr *sanctionRules) targets(text string, entities []Entity, sent int, s Span) []string {
	for k, e := range entities {
		if e.Start < s.End || e.Start > s.End+100 || !isParty(e) {
			continue
		}
		// « 20 millions d'euros à X », or with who and when between:
		// « 1,75 M€ infligée par la CNIL en novembre 2020 à X »
		if gap := withoutLeadingBracket(text[s.End:e.Start]); !(len(gap) <= 60 && (sr.to.MatchString(gap) || sr.toCounted.MatchString(gap))) && !sr.pronouncedTo.MatchString(gap) {
			break
		}
		names := []string{e.Name}
		end := e.End
		for _, next := range entities[k+1:] {
			gap := text[end:next.Start]
			if !isParty(next) || len(gap) > 40 || !(coordinated(gap) || sr.andTo.MatchString(gap)) {
				break
			}
			names, end = append(names, next.Name), next.End
		}
		return uniqueNames(names)
	}
	// « un rappel à l'ordre à l'encontre de la mairie de Nice »: a public body after « à »
	if m := sr.findToBody(text[s.End:]); m != nil {
		if b := sr.body.find(text[s.End+m[1]:]); b != nil {
			return []string{text[s.End+m[1]+b[2] : s.End+m[1]+b[3]]}
		}
	}
	// « il condamne l'État à payer 20 millions d'euros »: a public body as the object
	for _, m := range sr.verb.FindAllStringIndex(text[sent:s.Start], -1) {
		if b := sr.body.find(text[sent+m[1] : s.Start]); b != nil {
			return []string{text[sent+m[1]+b[2] : sent+m[1]+b[3]]}
		}
	}
	// « le Garante a sanctionné Luka Inc., éditrice de Replika, d'une amende »:
	// the object of the sentence's sanction verb, before the nearest name
	for k, e := range entities {
		if isParty(e) && e.Start >= sent && e.End <= s.Start && sr.verbObject.MatchString(text[sent:e.Start]) {
			// and those coordinated with it: « a sanctionné Zorgtel et Zorgnet »
			names, end := []string{e.Name}, e.End
			for _, next := range entities[k+1:] {
				if next.Type != Org || next.End > s.Start || !coordinated(text[end:next.Start]) {
					break
				}
				names, end = append(names, next.Name), next.End
			}
			return uniqueNames(names)
		}
	}
	if party, ok := sr.partyAfter(text, entities, sent, s); ok {
		return []string{party}
	}
	if e, ok := lastBefore(entities, s.Start, func(e Entity) bool {
		return e.Type == Org && e.Start >= sent && !sr.describes.describing(text, sent, e)
	}); ok {
		if sr.receives.MatchString(text[e.End:s.Start]) {
			// « la société qui édite … pour les membres de LinkedIn a reçu une
			// amende »: the subject that receives it, named first
			e, _ = firstAfter(entities, sent, ofType(Org))
		}
		// and those coordinated before it: « a infligé conjointement à X et
		// à sa maison mère Y une amende de … » (one sum for both: their total)
		names := listEndingWith(text, entities, e,
			func(p Entity) bool { return p.Type == Org && p.Start >= sent },
			func(gap string) bool { return coordinated(gap) || sr.andTo.MatchString(gap) })
		return uniqueNames(names)
	}
	if e, ok := lastBefore(entities, s.Start, func(e Entity) bool { return e.Type == Person && e.Start >= sent }); ok {
		return []string{e.Name}
	}
	return nil
}

// partyAfter returns the party named after the sum s, in its sentence from
// sent, when no party stands before the sum there and a sanction verb
// makes it the sanction's party: as the verb's object after a relative word
// (« 12,5 millions d'euros : c'est la somme à laquelle l'Autorité a condamné
// X »; not « … depuis que la CNIL a sanctionné Y »), or in a clause
// coordinated with the one that pronounced the sum, as the verb's object or
// its subject (« a liquidé l'astreinte à 45 000 euros et condamné la société
// X à la payer », « … et la société X condamnée à la verser »).
func (sr *sanctionRules) partyAfter(text string, entities []Entity, sent int, s Span) (string, bool) {
	e, ok := firstAfter(entities, s.End, isParty)
	if !ok || e.Start-s.End > 150 || strings.ContainsAny(text[s.End:e.Start], ".;\n") ||
		slices.ContainsFunc(entities, func(p Entity) bool { return isParty(p) && p.Start >= sent && p.End <= s.Start }) {
		return "", false
	}
	gap := text[s.End:e.Start]
	coordinated := sr.coordinates(gap)
	if !coordinated && !sr.relative.MatchString(gap) {
		return "", false
	}
	return e.Name, sr.verbObject.MatchString(gap) || coordinated && sr.subjectOf.MatchString(text[e.End:])
}

// coordinates reports whether gap, from a sum to its party, joins the
// clause of the sum to the party's by a word of then, with at most a few
// words on either side (« à 45 000 euros l'astreinte provisoire et condamné »).
func (sr *sanctionRules) coordinates(gap string) bool {
	const near = 50 // bytes on either side of the word
	if len(gap) > 2*near+10 || strings.ContainsRune(gap, ':') {
		return false // too long for a word of then with near bytes on either side
	}
	for _, m := range sr.then.FindAllStringIndex(gap, -1) {
		if m[0] <= near && len(gap)-m[1] <= near {
			return true
		}
	}
	return false
}

// findToBody is toBody.FindStringIndex(s), run only where one of its words
// follows the spaces and comma that open s.
func (sr *sanctionRules) findToBody(s string) []int {
	q := skipSpaces(s, 0)
	if q < len(s) && s[q] == ',' {
		q = skipSpaces(s, q+1)
	}
	if q == len(s) || !sr.toBodyLead.opensAt(s, q) {
		return nil
	}
	return sr.toBody.FindStringIndex(s)
}

// pairedParty returns the party of the i-th sum of a sentence when the
// sentence pairs parties with sums one after the other: the party named
// last before the sum, when « et » opens what follows the sum before, maybe
// with an incise after it, and a short stretch leads from the party to the
// sum (« a sanctionné X à hauteur de 2 millions d'euros et son dirigeant,
// M. Y, à hauteur de 300 000 euros », « … et, pour la première fois, la
// société Y à hauteur de … »: Y for the second).
func pairedParty(text string, entities []Entity, sums []Amount, i int) (string, bool) {
	if i == 0 {
		return "", false
	}
	prev, a := sums[i-1], sums[i]
	e, ok := lastBefore(entities, a.Start, func(e Entity) bool { return isParty(e) && e.Start >= prev.End })
	if !ok || a.Start-e.End > 40 || strings.ContainsAny(text[e.End:a.Start], ".;:") {
		return "", false
	}
	gap, ok := strings.CutPrefix(strings.TrimLeft(text[prev.End:e.Start], " ,\u00a0"), "et")
	return e.Name, ok && (strings.HasPrefix(gap, " ") || inciseOpens(gap))
}

// inciseOpens reports whether s opens with an incise between commas that
// ends before the rest of s (« , pour la première fois, la société »): a
// short stretch with no punctuation that ends a clause.
func inciseOpens(s string) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeft(s, " \u00a0"), ",")
	if !ok {
		return false
	}
	k := strings.IndexByte(rest, ',')
	return k > 0 && k <= 60 && !strings.ContainsAny(rest[:k], ".;:()")
}

// coordinated reports whether gap joins two names in a list (« , », « et »),
// maybe after the full stop of the first's abbreviation (« Alphabet Inc., »).
func coordinated(gap string) bool {
	gap = strings.TrimSpace(strings.TrimPrefix(gap, "."))
	return gap == "," || gap == "et"
}

// nameAfter returns the party named after a sum ending at i, in its
// sentence ending at end, that the entity finder did not take for an
// organisation (« … infligée par la CNIL en novembre 2020 à AG2R La
// Mondiale »): its role in the sanction makes it one.
func (sr *sanctionRules) nameAfter(text string, lx *Lexicon, i, end int) (Entity, bool) {
	lim := min(end, i+120)
	for j := i; j < lim; j++ {
		if !utf8.RuneStart(text[j]) || !wordStart(text, j) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[j:]); !unicode.IsUpper(r) {
			continue
		}
		gap := text[i:j]
		if !(len(gap) <= 40 && sr.to.MatchString(gap)) && !sr.pronouncedTo.MatchString(gap) {
			continue
		}
		return lx.nameAt(text, j, end)
	}
	return Entity{}, false
}

// receiver returns the name that opens the sentence from sent as the
// subject of a verb by which it receives the sum at, that the entity finder
// did not take for an organisation (« Zorgbank écope d'une amende de … »):
// its role in the sanction makes it one.
func (sr *sanctionRules) receiver(text string, lx *Lexicon, sent, at int) (Entity, bool) {
	e, ok := lx.nameAt(text, sent, at)
	if !ok || strings.ContainsAny(text[e.End:at], ".;:") {
		return Entity{}, false
	}
	// the verb right after the name: « Zorgbank écope », not « Fin 2020, une TPE a reçu »
	if verb := sr.receives.FindAllStringIndex(text[e.End:at], 1); verb == nil || verb[0][0] > 1 {
		return Entity{}, false
	}
	return e, true
}

// orderedParty returns the party of the last order under astreinte stated
// before at, whose astreinte a liquidation at at is taken to be.
func orderedParty(injunctions []Injunction, at int) []string {
	in, ok := lastBefore(injunctions, at, func(in Injunction) bool { return in.Penalty != nil && in.Target != "" })
	if !ok {
		return nil
	}
	return []string{in.Target}
}

// antecedentTarget returns the organisation named last before the sentence
// of a sanction, unless the sentence speaks of an unnamed party before it,
// in its paragraph or the two sentences before, or anywhere
// before when an object pronoun or an anaphor stands for it, but not one that
// only describes another (see describer); nil when there is none.
func (sr *sanctionRules) antecedentTarget(text string, entities []Entity, sent, at int) []string {
	if sr.unnamed.MatchString(text[sent:at]) {
		return nil // « une TPE de deux salariés a reçu une amende »
	}
	from := min(paragraphStart(text, sent), previousSentence(text, previousSentence(text, sent)))
	if sr.objectPronoun.MatchString(text[sent:at]) || sr.anaphor.MatchString(text[sent:at]) {
		// « la DGCCRF lui avait notifié une amende », « les recours de la
		// chaîne contre l'amende »: the words stand for a party named before, however far
		from = 0
	}
	if e, ok := lastBefore(entities, at, func(e Entity) bool {
		return e.Type == Org && e.Start >= from && !sr.describes.describing(text, from, e)
	}); ok {
		return []string{e.Name}
	}
	return nil
}

// respective pairs the sums of a sentence with its parties, in order: when
// the parties are named after the last sum as many as the sums (« 60 et 40
// millions d'euros pour Google LLC… et pour Google Ireland Limited »), or the
// sentence says « respectivement » and lists as many parties before it as
// sums after it (the sums before it are left unpaired: ""), or names as many
// organisations as sums; else nil.
func (sr *sanctionRules) respective(text string, entities []Entity, sent, end int, sums []Amount) []string {
	if len(sums) < 2 {
		return nil
	}
	parties := func(from int) []string {
		var out []string
		for _, e := range entities {
			if e.Type == Org && e.Start >= from && e.End <= end && !slices.Contains(out, e.Name) {
				out = append(out, e.Name)
			}
		}
		return out
	}
	if after := parties(sums[len(sums)-1].End); len(after) == len(sums) {
		return after
	}
	said := sr.respectively.FindAllStringIndex(text[sent:end], 1)
	if said == nil {
		return nil
	}
	// « Zorgpay et M. Zorg s'étaient vu infliger respectivement 100 000 € et
	// 87 900 € »: the parties coordinated last before the word, else the
	// sentence's organisations
	word := sent + said[0][0]
	unpaired := slices.IndexFunc(sums, func(a Amount) bool { return a.Start > word })
	if listed := coordinatedBefore(text, entities, sent, word); unpaired >= 0 && len(listed) == len(sums)-unpaired && len(listed) > 1 {
		return append(make([]string, unpaired), listed...)
	}
	if all := parties(sent); len(all) == len(sums) {
		return all
	}
	return nil
}

// coordinatedBefore returns the names of the parties listed last before i in
// the text from sent (« A, B et C »), in their order.
func coordinatedBefore(text string, entities []Entity, sent, i int) []string {
	inText := func(e Entity) bool { return isParty(e) && e.Start >= sent }
	last, ok := lastBefore(entities, i, inText)
	if !ok {
		return nil
	}
	return listEndingWith(text, entities, last, inText, coordinated)
}

// listEndingWith returns the names of the entities that keep accepts listed
// up to last, in their order: each joined to the next by a gap that joins
// accepts (« A, B et C »).
func listEndingWith(text string, entities []Entity, last Entity, keep func(Entity) bool, joins func(gap string) bool) []string {
	names := []string{last.Name}
	for {
		prev, ok := lastBefore(entities, last.Start, keep)
		if !ok || !joins(text[prev.End:last.Start]) {
			return names
		}
		names, last = append([]string{prev.Name}, names...), prev
	}
}

// authority returns who pronounced the sanction at s: the authority named
// after it with « par », else the one named last before it in its sentence
// unless that one only confirms or reviews it, else the first named after it
// in its clause, else the one named last before the sentence, else the first
// named after it in its paragraph
// (« … a été sanctionnée. La décision a été prise par la CNIL »).
func (sr *sanctionRules) authority(text string, entities []Entity, sent, end int, s Span) string {
	if e, ok := firstAfter(entities, s.End, ofType(Authority)); ok && e.End <= end && sr.by.MatchString(text[s.End:e.Start]) {
		return e.Name
	}
	if e, ok := lastBefore(entities, s.Start, func(e Entity) bool { return e.Type == Authority && e.Start >= sent }); ok {
		if !sr.confirm.MatchString(text[e.End:s.Start]) || sr.reduces.MatchString(text[max(e.End, clauseStart(text, sent, s.Start)):s.Start]) {
			return e.Name // a court that confirms a sanction but sets a new sum in its clause pronounces that sum
		}
		if prior, ok := lastBefore(entities, sent, func(p Entity) bool { return p.Type == Authority && p.Name != e.Name }); ok {
			return prior.Name
		}
		return ""
	}
	if e, ok := firstAfter(entities, s.End, ofType(Authority)); ok && e.End <= end && !sr.otherClause.MatchString(text[s.End:e.Start]) {
		return e.Name
	}
	if s.Start >= sent && sr.reduces.MatchString(text[clauseStart(text, sent, s.Start):s.Start]) {
		// « Le Conseil d'État a annulé en partie la sanction que la CNIL avait
		// infligée à X. L'amende a été ramenée à 12 M€ »: the authority that
		// reviewed it in the sentence before
		from := previousSentence(text, sent)
		if e, ok := lastBefore(entities, sent, func(e Entity) bool {
			return e.Type == Authority && e.Start >= from && sr.confirm.MatchString(text[e.End:sentenceEnd(text, e.End)])
		}); ok {
			return e.Name
		}
	}
	verbIn := text[sent:end] // the sentence that tells a headline's sum
	if s.Start >= sent {
		verbIn = text[sent:s.Start] // not « … : 62 M€, prononcés solidairement »
	}
	if name, ok := sr.court(entities, sent, verbIn); ok {
		return name
	}
	if sr.sanctioner.MatchString(verbIn) {
		// « il a infligé … »: the authority named last
		if name := nameBefore(entities, Authority, sent); name != "" {
			return name
		}
	}
	if name := sr.sanctionerBefore(text, entities, sent); name != "" {
		return name
	}
	if e, ok := firstAfter(entities, end, ofType(Authority)); ok && e.End <= paragraphEnd(text, end) {
		return e.Name
	}
	return ""
}

// court returns the court that the words before a sum in its sentence,
// from sent, name without its seat, with a verb of sanction after it, and
// true; false when they name no such court, or when it cannot be told which
// court of that kind it is. A kind
// of courts.txt is that kind (« Le tribunal correctionnel a condamné X … »:
// Tribunal correctionnel); a bare noun (« Le tribunal a condamné X … ») is
// the court named last before whose name opens with its bare_court name.
func (sr *sanctionRules) court(entities []Entity, sent int, before string) (string, bool) {
	if !sr.courtWords.in(before) {
		return "", false // most sentences: their regexps would read them whole for nothing
	}
	// the court pronounces the sum only with a verb of sanction after it, and
	// none that reviews another's (« La cour a confirmé l'amende de … »)
	pronounces := func(m []int) bool {
		after := before[m[3]:]
		return sr.sanctioner.MatchString(after) && !sr.confirm.MatchString(after)
	}
	if m := sr.courtKind.FindStringSubmatchIndex(before); m != nil {
		if !pronounces(m) {
			return "", false
		}
		return sr.courtKinds[foldCaseSpacesApostrophes(before[m[2]:m[3]])], true
	}
	m := sr.bareCourt.FindStringSubmatchIndex(before)
	if m == nil || !pronounces(m) {
		return "", false
	}
	prefix := sr.bareCourts[foldCaseSpacesApostrophes(before[m[2]:m[3]])]
	e, ok := lastBefore(entities, sent, func(e Entity) bool { return e.Type == Authority && strings.HasPrefix(e.Name, prefix) })
	return e.Name, ok
}

// toldIn returns the sentence that tells who pronounced a sanction stated in
// the sentence [sent, end), and when: the next one when [sent, end) is a
// headline that names neither (« Fuite de données : 180 000 € pour Zorgpay », then « Le 28
// décembre 2021, la CNIL a sanctionné Zorgpay … »), else [sent, end) itself.
func toldIn(text string, f Facts, sent, end int) (int, int) {
	in := func(s Spanner) bool { b := s.Bounds(); return b.Start >= sent && b.End <= end }
	if next := skipWhitespace(text, end); headline(text, sent, end) && next < len(text) &&
		!slices.ContainsFunc(f.Dates, func(d Date) bool { return in(d) }) &&
		!slices.ContainsFunc(f.Entities, func(e Entity) bool { return e.Type == Authority && in(e) }) {
		return next, sentenceEnd(text, next)
	}
	return sent, end
}

// nearestAuthority returns the authority named nearest to the date at d
// in the sentence [sent, end), before or after it, or "".
func nearestAuthority(entities []Entity, d Span, sent, end int) string {
	before, okBefore := lastBefore(entities, d.Start, func(e Entity) bool { return e.Type == Authority && e.Start >= sent })
	after, okAfter := firstAfter(entities, d.End, func(e Entity) bool { return e.Type == Authority && e.End <= end })
	switch {
	case okBefore && (!okAfter || d.Start-before.End <= after.Start-d.End):
		return before.Name
	case okAfter:
		return after.Name
	}
	return ""
}

// headline reports whether the sentence [sent, end) is a line without a
// final stop: a title or a heading, which the text after it tells.
func headline(text string, sent, end int) bool {
	raw := strings.TrimRight(text[sent:end], " \t\u00a0")
	line := strings.TrimSpace(raw)
	return line != "" && !strings.ContainsRune(".!?;:", rune(line[len(line)-1])) && (end == len(text) || strings.HasSuffix(raw, "\n"))
}

// sanctionerBefore returns the authority named last before i that is the
// subject of a sanction verb (« l'Autorité de la concurrence a sanctionné …
// ». Le détail des amendes : …), else the authority named last before i: an
// authority named in passing (« après un signalement de la DGCCRF ») does not
// take the sanctions listed after another's decision.
func (sr *sanctionRules) sanctionerBefore(text string, entities []Entity, i int) string {
	e, ok := lastBefore(entities, i, func(e Entity) bool {
		if e.Type != Authority {
			return false
		}
		clause := text[e.End:min(i, e.End+40)]
		if k := strings.IndexAny(clause, ".;:"); k >= 0 {
			clause = clause[:k]
		}
		return sr.sanctioner.MatchString(clause)
	})
	if ok {
		return e.Name
	}
	return nameBefore(entities, Authority, i)
}

// date returns the date of the sanction s stated in the sentence [sent,
// end): the date written right after its authority's name in the sentence
// (« la sanction prononcée par la CNIL le 21 janvier 2019 »); else the
// sentence's date nearest to at that is no deadline nor a publication, nor
// the date of another authority named nearer to it; else
// the date written right after its authority's name elsewhere; else the
// date of a decision (« délibération du … ») named last before the
// sentence, else first after it; else the last date of its paragraph before
// it; else the zero date. A liquidation is not dated by the order whose
// astreinte it liquidates: a sentence's date right after the order's words,
// the authority's other dates, and a date elsewhere whose sentence does not
// speak of liquidating are left out; the first date of the next paragraph
// whose sentence speaks of liquidating dates it.
func (sr *sanctionRules) date(text string, f Facts, decisions dateKinds, s Sanction, sent, end, at int) CivilDate {
	dates, authority := f.Dates, s.Authority
	if d, ok := authorityDate(text, f, authority, sent, end); ok {
		return d
	}
	// a liquidation's sentence often recalls the decision that ordered the
	// astreinte (« l'injonction formulée dans la décision d'octobre 2022 »)
	liquidation := s.Kind == SanctionPenaltyLiquidation
	best, dist := CivilDate{}, -1
	for _, d := range dates {
		if d.Start < sent || d.End > end || !decisions.plain[d.Start] ||
			liquidation && sr.ofOrder.MatchString(text[max(sent, d.Start-64):d.Start]) {
			continue
		}
		if near := nearestAuthority(f.Entities, d.Span, sent, end); authority != "" && near != "" && near != authority &&
			!sr.sanctioner.MatchString(lastWords(text[sent:d.Start], 3)) {
			// « Par une décision du 31 décembre 2024, le Conseil d'État a confirmé la
			// sanction infligée par l'Arcom »: the court's date, unless a sanction is
			// said pronounced on it (« l'amende prononcée le 9 février 2023 »)
			continue
		}
		k := d.Start - at
		if k < 0 {
			k = at - d.End
		}
		if dist < 0 || k < dist {
			best, dist = d.Value, k
		}
	}
	if dist >= 0 {
		return best
	}
	d := sr.borrowedDate(text, f, decisions, s, sent, end)
	if y := sr.yearWritten(text, sent, end); y != 0 && d.Year != y {
		// « En 2022, la société a été sanctionnée »: a date borrowed from
		// around the sentence must be of the year it writes
		return CivilDate{}
	}
	return d
}

// yearWritten is the year a sentence writes alone (« en 2022 »), or 0: four
// digits from 1900 to 2099 standing alone, after a space and one of
// date_words.txt's year words.
func (sr *sanctionRules) yearWritten(text string, sent, end int) int {
	s := text[sent:end]
	for i := strings.IndexAny(s, "12"); i >= 0 && i+4 <= len(s); {
		if yearAt(s, i) {
			before := s[:i]
			if spaced := strings.TrimRightFunc(before, unicode.IsSpace); len(spaced) < len(before) && sr.yearWords[foldCaseAccents(strings.TrimSpace(lastWords(spaced, 0)))] {
				y, _ := strconv.Atoi(s[i : i+4])
				return y
			}
		}
		next := strings.IndexAny(s[i+1:], "12")
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return 0
}

// yearAt reports whether s holds at i four digits from 1900 to 2099 that no
// other digit touches.
func yearAt(s string, i int) bool {
	if i+4 > len(s) || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
		return false
	}
	return (i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4]))
}

// borrowedDate dates the sanction s, whose sentence [sent, end) writes no
// date of it, from around the sentence (see date).
func (sr *sanctionRules) borrowedDate(text string, f Facts, decisions dateKinds, s Sanction, sent, end int) CivilDate {
	dates, authority := f.Dates, s.Authority
	liquidation := s.Kind == SanctionPenaltyLiquidation
	if !liquidation {
		if d, ok := authorityDate(text, f, authority, 0, len(text)); ok {
			return d
		}
	}
	// a date outside the sentence dates a liquidation only when its own
	// sentence speaks of liquidating
	mayDate := func(d Date) bool { return !liquidation || decisions.liquidating(sr, text, d) }
	decided := func(d Date) bool {
		if !decisions.decided[d.Start] || !mayDate(d) {
			return false
		}
		// the decision of another authority dates none of this one's sanctions
		near := nearestAuthority(f.Entities, d.Span, sentenceStart(text, d.Start), sentenceEnd(text, d.End))
		return authority == "" || near == "" || near == authority
	}
	if d, ok := lastBefore(dates, sent, decided); ok {
		return d.Value
	}
	if d, ok := firstAfter(dates, end, decided); ok {
		return d.Value
	}
	if liquidation {
		// « Clearview AI devra verser 5,2 millions d'euros. La CNIL a procédé le 17 avril à la liquidation »
		if d, ok := firstAfter(dates, end, func(d Date) bool { return decisions.plain[d.Start] && mayDate(d) }); ok && d.Start < paragraphEnd(text, skipWhitespace(text, end)) {
			return d.Value
		}
	}
	para := paragraphStart(text, sent)
	d, _ := lastBefore(dates, sent, func(d Date) bool {
		return d.Start >= para && decisions.plain[d.Start] && mayDate(d)
	})
	return d.Value
}

// dateKinds tells, by their start, which dates of an article date a
// decision (« délibération du … ») and which are plain dates, neither a
// deadline nor a publication (« la décision a été rendue publique le … »).
type dateKinds struct {
	decided, plain map[int]bool
	liquidates     map[int]bool // whether a date's sentence speaks of liquidating, read when first asked
}

// liquidating reports whether the sentence of d speaks of liquidating.
func (k dateKinds) liquidating(sr *sanctionRules, text string, d Date) bool {
	says, read := k.liquidates[d.Start]
	if !read {
		says = sr.liquidates.MatchString(text[sentenceStart(text, d.Start):sentenceEnd(text, d.End)])
		k.liquidates[d.Start] = says
	}
	return says
}

// dateKinds reads the kinds of the dates of text once for all its sanctions.
func (sr *sanctionRules) dateKinds(text string, dates []Date) dateKinds {
	k := dateKinds{decided: map[int]bool{}, plain: map[int]bool{}, liquidates: map[int]bool{}}
	for _, d := range dates {
		near := text[max(0, d.Start-32):d.Start]
		published := sr.published.MatchString(near)
		k.plain[d.Start] = !published && !sr.deadline.MatchString(near)
		k.decided[d.Start] = !published && sr.decided.MatchString(text[max(0, d.Start-80):d.Start])
	}
	return k
}

// authorityDate returns the date written right after the first mention of
// authority in [from, to) that is followed by one: « prononcée par la CNIL
// le 21 janvier 2019 », « la CNIL, le 21 janvier 2019, ».
func authorityDate(text string, f Facts, authority string, from, to int) (CivilDate, bool) {
	if authority == "" {
		return CivilDate{}, false
	}
	for _, e := range f.Entities {
		if e.Type != Authority || e.Name != authority || e.Start < from || e.End > to {
			continue
		}
		if d, ok := firstAfter(f.Dates, e.End, func(Date) bool { return true }); ok && dateRightAfter.MatchString(text[e.End:d.Start]) {
			return d.Value, true
		}
	}
	return CivilDate{}, false
}

// dateRightAfter matches what may stand between an authority's name and the
// date of its decision: « le », « , le », « du », « en ».
var dateRightAfter = anchor(regexp.MustCompile(`^,?\s*(?:le|du|en)\s+$`))

// merge turns the mentions into sanctions: one per party and mention, the
// same sanction stated several times kept once with its fullest fields, and
// each with the GDPR articles cited about its party.
func (sr *sanctionRules) merge(text string, found []sanctionMention, refs []GDPRRef, entities []Entity) []Sanction {
	var out []Sanction
	index := map[string]int{}
	ownDate := map[int]bool{}         // the sanctions of out dated by their own sentence
	restatedFor := map[int][]string{} // sentence start -> the party of the sum it restates
	for k, m := range found {
		if m.antecedent {
			if parties, ok := restatedFor[m.Start]; ok {
				m.targets = parties // « ramenée à 15 »: the new sum of the party whose old sum it restated
			} else if parties, ok := restated(found, k); ok {
				// « celle-ci a finalement retenu 40 millions d'euros », « De 32
				// millions, l'amende a été ramenée à 15 »: the fine stated for
				// another party than the one named last
				restatedFor[m.Start] = parties
				continue
			}
		}
		for _, t := range m.targets {
			s := m.Sanction
			s.Target = t
			for s.End > s.Start && strings.ContainsRune(" \t\n|", rune(text[s.End-1])) {
				s.End-- // the sentence, without the line break or section bar that ends it
			}
			s.Text = text[s.Start:s.End]
			key := string(s.Kind) + "\x00" + strings.ToLower(t) + "\x00" + amountKey(s.Amount)
			i, ok := index[key]
			if ok && out[i].Authority != "" && s.Authority != "" && out[i].Authority != s.Authority {
				// the same sum by another authority: « 20 M€ par le Garante, la
				// même somme par la CNIL »
				key += "\x00" + s.Authority
				i, ok = index[key]
			}
			if !ok {
				if i, ok = sameSanctionOtherName(out, m.Sanction, t); ok {
					index[key] = i
					if len(t) > len(out[i].Target) {
						out[i].Target = t // « Morgan Stanley & Co International » names « Morgan Stanley » fully
					}
				}
			}
			if ok {
				o := &out[i]
				if o.Authority == "" && s.Authority != "" {
					// the mention that names who decided dates the decision
					// better than one that names nobody
					o.Authority = s.Authority
					if !s.Date.IsZero() {
						o.Date = s.Date
					}
				}
				if o.Date.IsZero() || o.Date.Day == 0 && s.Date.Day != 0 && s.Date.Year == o.Date.Year && s.Date.Month == o.Date.Month ||
					m.ownDate && !ownDate[i] { // a date its statement writes beats one borrowed by a headline
					o.Date, ownDate[i] = s.Date, m.ownDate
				}
				continue
			}
			index[key], ownDate[len(out)] = len(out), m.ownDate
			out = append(out, s)
		}
	}
	out = withoutUnsaidSums(out)
	sr.linkGDPR(text, out, refs, entities)
	return out
}

// restated returns the parties of a sanction of the same kind and sum as
// found[k], whose party is only the one named before it, stated for another
// party: before it, or after it with its party named in its own sentence.
func restated(found []sanctionMention, k int) ([]string, bool) {
	m := found[k]
	if m.Amount == nil {
		return nil, false
	}
	for j, o := range found {
		if j == k || len(o.targets) == 0 || o.Kind != m.Kind || !equalSums(o.Amount, m.Amount) || j > k && o.antecedent {
			continue
		}
		if !slices.ContainsFunc(o.targets, func(t string) bool {
			return slices.ContainsFunc(m.targets, func(u string) bool { return strings.EqualFold(t, u) })
		}) {
			return o.targets, true
		}
	}
	return nil, false
}

// withoutUnsaidSums drops a fine stated without its sum for a party that
// also has a fine with a sum, maybe under its longer name: the same fine,
// one mention giving a total for several parties (« 135 millions d'euros d'amende à Google et Amazon »).
func withoutUnsaidSums(sanctions []Sanction) []Sanction {
	return slices.DeleteFunc(sanctions, func(s Sanction) bool {
		return s.Amount == nil && s.Kind == SanctionFine && slices.ContainsFunc(sanctions, func(o Sanction) bool {
			return o.Amount != nil && o.Kind == SanctionFine && (strings.EqualFold(o.Target, s.Target) ||
				strings.HasPrefix(strings.ToLower(o.Target), strings.ToLower(s.Target)+" ")) // « Amazon », « Amazon Europe Core »
		})
	})
}

// sameSanctionOtherName finds among out a sanction of the same kind and sum
// as s whose target's name starts the other's: one party written short and
// long (« Morgan Stanley », « Morgan Stanley & Co International »).
func sameSanctionOtherName(out []Sanction, s Sanction, target string) (int, bool) {
	if s.Amount == nil {
		return 0, false
	}
	for i, o := range out {
		if o.Kind != s.Kind || !equalSums(o.Amount, s.Amount) || strings.EqualFold(o.Target, target) {
			continue
		}
		a, b := strings.ToLower(o.Target), strings.ToLower(target)
		if strings.HasPrefix(a, b+" ") || strings.HasPrefix(b, a+" ") {
			return i, true
		}
	}
	return 0, false
}

// equalSums reports whether a and b are the same sum, or both none, as
// their amountKeys would compare (a currency code holds no digit), without
// writing the keys.
func equalSums(a, b *Amount) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Currency == b.Currency && a.Minor == b.Minor
}

// amountKey tells two sums apart, "" for none.
func amountKey(a *Amount) string {
	if a == nil {
		return ""
	}
	return a.Currency + strconv.FormatInt(a.Minor, 10)
}

// linkGDPR gives each GDPR article cited to the sanctions of the party
// named last before it (« Pour Carrefour France, … l'article 13 »), or to the
// first sanction when no party was named yet, leaving out the articles cited
// for another reason than a breach; a liquidated astreinte gets none. Of
// that party's sanctions, the article goes to those stated last before it,
// else first after it: a party fined by several authorities breached, for
// each, what the text says next to that authority's decision.
func (sr *sanctionRules) linkGDPR(text string, sanctions []Sanction, refs []GDPRRef, entities []Entity) {
	for i := range sanctions {
		sanctions[i].GDPR = []string{}
	}
	if len(sanctions) == 0 {
		return
	}
	isTarget := func(e Entity) bool { return partyNamed(sanctions, e.Name) != "" }
	for _, r := range refs {
		if sr.notBreached[r.Article] {
			continue
		}
		target := sanctions[0].Target
		if e, ok := lastBefore(entities, r.Start, isTarget); ok {
			target = partyNamed(sanctions, e.Name)
		}
		// of that party's sanctions, those stated last before the article
		// (one statement may give a fine and a warning), else first after it:
		// a party sanctioned by several authorities breached what each found
		ofTarget := func(s Sanction) bool {
			// a liquidated astreinte punishes an order left unexecuted, not a breach
			return s.Kind != SanctionPenaltyLiquidation && strings.EqualFold(s.Target, target)
		}
		// « Pour le Garante, le traitement … méconnaissait l'article 9 »: the
		// breach that authority found, when it sanctioned that party
		if a, ok := lastBefore(entities, r.Start, ofType(Authority)); ok && a.Start >= sentenceStart(text, r.Start) {
			ofParty := ofTarget
			byIt := func(s Sanction) bool { return ofParty(s) && s.Authority == a.Name }
			if slices.ContainsFunc(sanctions, byIt) {
				ofTarget = byIt
			}
		}
		stated := -1 // where the chosen statement starts
		for _, s := range sanctions {
			if !ofTarget(s) {
				continue
			}
			before, bestAfter := s.Start <= r.Start, stated > r.Start
			switch {
			case stated < 0,
				before && (bestAfter || s.Start > stated), // one before beats any after, a later one an earlier
				!before && bestAfter && s.Start < stated:  // of those after, the first
				stated = s.Start
			}
		}
		joint := func(s Sanction) bool {
			// « a infligé conjointement à X et à Y une amende »: one sanction of
			// several parties, stated without a sum of their own
			return s.Amount == nil && s.Kind != SanctionPenaltyLiquidation && slices.ContainsFunc(sanctions, func(o Sanction) bool {
				return ofTarget(o) && o.Start == s.Start && o.Amount == nil
			})
		}
		for i := range sanctions {
			if s := &sanctions[i]; s.Start == stated && (ofTarget(*s) || joint(*s)) && !slices.Contains(s.GDPR, r.Ref()) {
				s.GDPR = append(s.GDPR, r.Ref())
			}
		}
	}
}

// partyNamed returns the target of sanctions that name stands for: the same
// name, else the only target whose words hold all of name's (« Canal+ » for
// « Groupe Canal+ », « Yahoo » for « Yahoo EMEA Limited »); or "".
func partyNamed(sanctions []Sanction, name string) string {
	if i := slices.IndexFunc(sanctions, func(s Sanction) bool { return strings.EqualFold(s.Target, name) }); i >= 0 {
		return sanctions[i].Target
	}
	key := " " + foldCaseAccentsPunctuation(name) + " "
	party := ""
	for _, s := range sanctions {
		if s.Target == party || !strings.Contains(" "+foldCaseAccentsPunctuation(s.Target)+" ", key) {
			continue
		}
		if party != "" {
			return "" // two parties hold the name: it names neither
		}
		party = s.Target
	}
	return party
}

// paragraphStart returns where the paragraph holding i starts: after the
// last line break or section bar before it. It reads the text back eight
// bytes at a time: paragraphs run long, and most bytes are neither.
func paragraphStart(text string, i int) int {
	for ; i >= 8; i -= 8 {
		if w := eightBytes(text, i-8); (lanesOf(w, '\n')|lanesOf(w, '|'))&laneHighs != 0 {
			break
		}
	}
	for ; i > 0; i-- {
		if c := text[i-1]; c == '\n' || c == '|' {
			return i
		}
	}
	return 0
}

// paragraphEnd is where the paragraph holding i ends.
func paragraphEnd(text string, i int) int {
	if j := strings.IndexAny(text[i:], "\n|"); j >= 0 {
		return i + j
	}
	return len(text)
}

// uniqueNames drops repeated names, keeping the first.
func uniqueNames(names []string) []string {
	var out []string
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
