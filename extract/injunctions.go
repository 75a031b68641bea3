package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// find returns the orders addressed to organisations: a trigger
// (« enjoint à », « a ordonné », « met en demeure », « une injonction de »), its
// target, what is ordered (inline clauses or a list after a colon), and the
// deadline and daily penalty stated with it or in the sentences that follow
// (« Cette injonction est assortie d'une astreinte … »).
//
// It links facts found by the other extractors: the entities name authority
// and target, the amounts give the penalty, durations and dates the deadline.
// An organisation gets at most one injunction per article: when the order is
// stated several times, the most detailed statement wins and the others fill
// in the deadline or penalty it lacks.
//
// It also returns the organisations that only their role in an order shows
// (see passiveSubjects), which f.Entities lacks.
func (ir *injunctionRules) find(text string, toks []token, f Facts, durations []Duration, lx *Lexicon) ([]Injunction, []Entity) {
	triggers := ir.triggers(text, toks)
	named := ir.passiveSubjects(text, f.Entities, triggers, lx)
	f.Entities = withNamed(f.Entities, named)
	found := append(ir.impliedOrders(text, f, durations), ir.splitNotices(text, toks, f, durations)...)
	found = append(found, ir.dutiesUnderAstreinte(text, f, durations)...)
	found = append(found, ir.sentencedTo(text, toks, f, durations)...)
	found = append(found, ir.unlessDone(text, f, durations)...)
	found = append(found, ir.grantedDelays(text, f, durations)...)
	for _, t := range triggers {
		sent := sentenceStart(text, t.Start) // read once for the trigger
		if ir.negated(text, sent, t.Start) {
			continue
		}
		if same, ok := ir.sameOrder(text, f.Entities, t, found); ok {
			found = append(found, same)
			continue
		}
		found = append(found, ir.orderAt(text, toks, f, durations, sent, t)...)
	}
	slices.SortStableFunc(found, func(a, b Injunction) int { return a.Start - b.Start })
	return mergeByTarget(found), named
}

// passiveSubjects returns the names that open their sentence as the subject
// of a trigger in the passive voice and that the entity finder did not take
// for an organisation (« Zorgnet a été mise en demeure de … », « Zorgnet est
// sommée de … »): being ordered makes them one.
func (ir *injunctionRules) passiveSubjects(text string, entities []Entity, triggers []trigger, lx *Lexicon) []Entity {
	var out []Entity
	for _, t := range triggers {
		if !t.verb {
			continue
		}
		sent := skipWhitespace(text, sentenceStart(text, t.Start))
		if !t.received && !ir.passive.MatchString(lastWords(text[sent:t.Start], 2)) {
			continue
		}
		if e, ok := firstAfter(entities, sent, func(Entity) bool { return true }); ok && e.Start < t.Start {
			continue // the sentence names someone before the trigger
		}
		e, ok := lx.nameAt(text, sent, t.Start)
		if !ok {
			continue
		}
		// only the auxiliaries between the name and the trigger: « Zorgnet
		// s'est vu enjoindre », not « Fin 2020, une TPE a été mise en demeure »
		if gap := text[e.End:t.Start]; strings.ContainsAny(gap, ",;:.()") || len(strings.Fields(gap)) > 3 {
			continue
		}
		out = append(out, e)
	}
	return out
}

// splitNotices reads the formal notices whose verb frames the target:
// « l'Arcep avait mis Orange en demeure de respecter ses engagements ».
func (ir *injunctionRules) splitNotices(text string, toks []token, f Facts, durations []Duration) []Injunction {
	var out []Injunction
	for _, e := range f.Entities {
		if e.Type != Org && e.Type != Place { // « mis la France en demeure »: a State
			continue
		}
		a := ir.onNotice.FindStringIndex(text[e.End:min(len(text), e.End+24)])
		if a == nil {
			continue // most names: no « en demeure » after them
		}
		from := max(0, e.Start-40) // room for « mis la société »
		b := ir.putBefore.FindStringIndex(text[from:e.Start])
		if b == nil {
			continue
		}
		start := from + b[0]
		out = append(out, ir.order(text, toks, f, durations, start, e.End+a[1], true, []string{e.Name}, e.End+a[1])...)
	}
	for i := range out {
		out[i].Kind = KindFormalNotice
	}
	return out
}

// sameOrder reads « X est soumise à la même injonction »: the order found
// last before it, given to the organisation the sentence names before the trigger.
func (ir *injunctionRules) sameOrder(text string, entities []Entity, t trigger, found []Injunction) (Injunction, bool) {
	if t.verb || len(found) == 0 || !ir.same.MatchString(lastWords(text[:t.Start], 2)) {
		return Injunction{}, false
	}
	sent := sentenceStart(text, t.Start)
	e, ok := lastBefore(entities, t.Start, func(e Entity) bool { return e.Type == Org && e.Start >= sent })
	if !ok {
		return Injunction{}, false
	}
	in, ok := lastBefore(found, t.Start, func(Injunction) bool { return true })
	if !ok {
		return Injunction{}, false
	}
	in.Target, in.Span = e.Name, Span{sent, sentenceEnd(text, t.End)}
	return in, true
}

// impliedOrders reads the orders that an astreinte implies: « Google LLC et
// Google Ireland Limited ont trois mois pour se mettre en conformité, sous
// peine d'une astreinte de 100 000 euros par jour de retard »: the parties
// named before a delay given « pour » doing something, in a sentence with a
// daily astreinte.
func (ir *injunctionRules) impliedOrders(text string, f Facts, durations []Duration) []Injunction {
	var out []Injunction
	for _, d := range durations {
		if !ir.delayFor.MatchString(text[d.End:]) {
			continue // most delays: no « pour » after them, which their sentence's end would not change
		}
		sent, end := sentenceStart(text, d.Start), sentenceEnd(text, d.End)
		m := ir.delayFor.FindStringIndex(text[d.End:end])
		if m == nil || !ir.given.MatchString(lastWords(text[sent:d.Start], 2)) {
			continue
		}
		pen := penaltyIn([]Span{{sent, end}}, f.Amounts)
		if pen == nil || pen.Per != PerDay {
			continue
		}
		var targets []string
		for _, e := range f.Entities {
			if e.Type == Org && e.Start >= sent && e.End <= d.Start && !slices.Contains(targets, e.Name) {
				targets = append(targets, e.Name)
			}
		}
		obligations := ir.inlineObligations(text, d.End+m[1], end)
		if len(targets) == 0 || len(obligations) == 0 {
			continue
		}
		in := Injunction{Span: Span{sent, end}, Authority: nameBefore(f.Entities, Authority, sent), Kind: KindInjunction,
			Status: StatusOrdered, Obligations: obligations[:1], Penalty: pen,
			Deadline: &Deadline{Text: d.Text, Duration: d.ISO}}
		for _, t := range targets {
			in.Target = t
			out = append(out, in)
		}
	}
	return out
}

// grantedDelays reads the orders that a delay given by an authority implies:
// « la CNIL a donné trois mois à Zorgnet pour se mettre en conformité », « lui
// a laissé quinze jours pour … »: a verb of injunctions.txt grants right before a
// duration, then its target (« à X », or a pronoun before the verb), then
// « pour » and what it must do. The authority is the one named last before.
func (ir *injunctionRules) grantedDelays(text string, f Facts, durations []Duration) []Injunction {
	var out []Injunction
	for _, d := range durations {
		sent := sentenceStart(text, d.Start)
		if !ir.grants.MatchString(lastWords(text[sent:d.Start], 2)) {
			continue
		}
		end := sentenceEnd(text, d.End)
		targets, after := ir.targetsAfter(text, f.Entities, d.End, end, d.Start)
		if len(targets) == 0 {
			verb := strings.LastIndexFunc(text[sent:d.Start], func(r rune) bool { return !unicode.IsSpace(r) })
			verb = strings.LastIndexFunc(text[sent:sent+verb], unicode.IsSpace) + 1 // the verb's first byte
			if pronoun := ir.objectPronoun.FindStringSubmatch(text[sent : sent+verb]); pronoun != nil {
				targets, after = ir.antecedents(text, f.Entities, d.Start, pronoun[1]), d.End
			}
		}
		m := ir.delayFor.FindStringIndex(text[after:end])
		if len(targets) == 0 || m == nil {
			continue
		}
		// the authority gives it: named in the sentence before the verb, or
		// a pronoun standing for it opens the sentence (« Elle lui a laissé »)
		authority, ok := lastBefore(f.Entities, d.Start, ofType(Authority))
		if !ok || authority.Start < sent && !ir.anaphor.MatchString(text[sent:d.Start]) {
			continue
		}
		obligations := ir.inlineObligations(text, after+m[1], end)
		if len(obligations) == 0 || ir.pays(obligations[0]) {
			continue // « a accordé deux ans à X pour payer l'amende »: no order
		}
		in := Injunction{Span: Span{sent, end}, Authority: authority.Name, Kind: KindInjunction,
			Status: StatusOrdered, Obligations: obligations[:1], Penalty: penaltyIn([]Span{{sent, end}}, f.Amounts),
			Deadline: &Deadline{Text: d.Text, Duration: d.ISO}}
		for _, t := range targets {
			in.Target = t
			out = append(out, in)
		}
	}
	return out
}

// dutiesUnderAstreinte reads the orders that a duty under a daily astreinte
// implies: « Zorgbank devra, dans un délai de six mois, mettre fin au
// traitement, sous astreinte de 10 000 euros par jour de retard »: an
// organisation, then « devra » and an infinitive, in a sentence with a daily
// astreinte.
func (ir *injunctionRules) dutiesUnderAstreinte(text string, f Facts, durations []Duration) []Injunction {
	var out []Injunction
	if !slices.ContainsFunc(f.Amounts, func(a Amount) bool { return a.Role == RolePenaltyPayment && a.Per == PerDay }) {
		return nil // no daily astreinte, no duty under one
	}
	for _, e := range append(ir.pronounSubjects(text, f), f.Entities...) {
		if e.Type != Org || !ir.mayBeDuty(text, e.End) {
			continue
		}
		sent, end := sentenceStart(text, e.Start), sentenceEnd(text, e.End)
		pen := penaltyIn([]Span{{sent, end}}, f.Amounts)
		if pen == nil || pen.Per != PerDay {
			continue // most names: no daily astreinte in their sentence
		}
		if !ir.must.in(text[e.End:end]) {
			continue // no « devra » after the name
		}
		m := ir.dutyAfter.FindStringSubmatchIndex(text[e.End:end])
		if m == nil {
			continue
		}
		obligations := ir.inlineObligations(text, e.End+m[2], end)
		if len(obligations) == 0 || ir.pays(obligations[0]) {
			continue // « X devra verser une astreinte de … »: no order
		}
		region := []Span{{sent, end}}
		authority := nameBefore(f.Entities, Authority, sent)
		if a, ok := firstAfter(f.Entities, e.End, ofType(Authority)); ok && a.End <= end {
			authority = a.Name // « …, a décidé l'ACPR »
		}
		out = append(out, Injunction{Span: Span{e.Start, end}, Authority: authority, Target: e.Name,
			Kind: KindInjunction, Status: StatusOrdered, Obligations: obligations[:1],
			Deadline: ir.deadlineIn(text, region, durations, f.Dates), Penalty: pen})
	}
	return out
}

// pronounSubjects returns, for each sentence with a daily astreinte that
// opens with a pronoun of must_pronoun, the organisation it stands for, as
// an entity at the pronoun: « Elle devra, sous trois mois, cesser … ». It
// stands for the party named last before the sentence, when no authority is
// named after that party.
func (ir *injunctionRules) pronounSubjects(text string, f Facts) []Entity {
	var out []Entity
	for _, a := range f.Amounts {
		if a.Role != RolePenaltyPayment || a.Per != PerDay {
			continue
		}
		sent := skipSpaces(text, sentenceStart(text, a.Start))
		m := ir.mustPronoun.FindStringIndex(text[sent:a.Start])
		if m == nil || len(out) > 0 && out[len(out)-1].Start == sent {
			continue
		}
		// the party named last before, unless it is an authority (« Le
		// Conseil d'État a été saisi. Il devra trancher … »)
		if e, ok := lastBefore(f.Entities, sent, isParty); ok && e.Type == Org {
			if auth, ok := lastBefore(f.Entities, sent, ofType(Authority)); !ok || auth.End <= e.Start {
				out = append(out, Entity{Span: Span{sent, sent + m[1]}, Text: text[sent : sent+m[1]], Type: Org, Name: e.Name})
			}
		}
	}
	return out
}

// pays reports whether an obligation's verb is one of paying, which orders
// nothing (« verser une astreinte »).
func (ir *injunctionRules) pays(obligation Clause) bool {
	return ir.payment[foldCaseAccents(ir.obligation.firstVerb(obligation.Text))]
}

// firstVerb is the first word of an obligation, after « de » or « d' » and
// an adverb before an infinitive: « de verser une astreinte » and
// « désormais verser une astreinte » give « verser ».
func (g *obligationGrammar) firstVerb(obligation string) string {
	if i, ok := deEnd(obligation); ok {
		obligation = obligation[i:]
	}
	for _, w := range strings.Fields(obligation) {
		if !g.adverb(w) {
			return w
		}
	}
	return ""
}

// mayBeDuty reports whether dutyAfter may match at i: a comma or a word of
// must follows the spaces there.
func (ir *injunctionRules) mayBeDuty(text string, i int) bool {
	i = regexpSpacesEnd(text, i)
	return i < len(text) && (text[i] == ',' || ir.must.opensAt(text, i))
}

// unlessDone reads the order that an astreinte implies when it runs unless
// its party proves it has done something: « Le Conseil d'État prononce contre
// l'État une astreinte de 10 millions d'euros par semestre s'il ne justifie
// pas avoir exécuté sa décision dans un délai de six mois ». The party is the
// body or organisation the astreinte is pronounced against, else the
// organisation named last; what it must have done is the order.
func (ir *injunctionRules) unlessDone(text string, f Facts, durations []Duration) []Injunction {
	var out []Injunction
	for _, a := range f.Amounts {
		if a.Role != RolePenaltyPayment {
			continue
		}
		sent, end := sentenceStart(text, a.Start), sentenceEnd(text, a.End)
		m := ir.unless.FindStringIndex(text[a.End:end])
		if m == nil {
			continue
		}
		target := ir.againstParty(text, f.Entities, sent, a.Start)
		if target == "" {
			target = nameBefore(f.Entities, Org, a.Start)
		}
		obligations := ir.appendClause(nil, text, a.End+m[1], end)
		if target == "" || len(obligations) == 0 {
			continue
		}
		region := []Span{{sent, end}}
		out = append(out, Injunction{
			Span: Span{sent, end}, Authority: nameBefore(f.Entities, Authority, a.Start), Target: target,
			Obligations: obligations, Deadline: ir.deadlineIn(text, region, durations, f.Dates), Penalty: penaltyIn(region, f.Amounts),
			Kind: KindInjunction, Status: ir.status(lastWords(text[sent:a.Start], 12)),
		})
	}
	return out
}

// sentencedTo reads the orders of a court that sentences a party to do
// something: « le tribunal a condamné la société X à retirer les vidéos sous
// astreinte », « que la société X soit condamnée à lui remettre … »; not to
// pay a sum.
func (ir *injunctionRules) sentencedTo(text string, toks []token, f Facts, durations []Duration) []Injunction {
	if !wordsHold(toks, ir.sentenceLetters) {
		return nil // most texts: no word holds « condamn », which the scan of their bytes would tell slower
	}
	var out []Injunction
	for _, m := range ir.sentence.FindAllStringIndex(text, -1) {
		start, end := m[0], m[1]
		if !wordStart(text, start) {
			_, size := utf8.DecodeRuneInString(text[start:])
			start += size // the match began with the character before the verb
		}
		if !wordEnd(text, end) {
			_, size := utf8.DecodeLastRuneInString(text[:end])
			end -= size // and ended with the one after it
		}
		// a trigger cut by line breaks may end past the sentence of its start
		sStart, sEnd := sentenceStart(text, start), max(sentenceEnd(text, start), end)
		var targets []string
		after := end
		// « a été condamnée par le tribunal à retirer … »: the court as the agent
		agent, ok := authorityLed(text, f.Entities, end, ir.byParty)
		if !ok || agent.End > sEnd {
			agent = Entity{Span: Span{end, end}}
		}
		if ir.toDo.MatchString(text[agent.End:sEnd]) {
			// « la société X soit condamnée à », « l'hébergeur condamné à »
			if t, ok := lastBefore(f.Entities, start, func(e Entity) bool { return e.Type == Org && e.Start >= sStart }); ok {
				targets, after = []string{t.Name}, agent.End
			}
		} else {
			targets, after = ir.targetsAfter(text, f.Entities, end, sEnd, start)
		}
		if len(targets) == 0 {
			continue
		}
		do := ir.toDo.FindStringSubmatchIndex(text[after:sEnd])
		if do == nil || ir.payment[foldCaseAccents(text[after+do[2]:after+do[3]])] {
			continue
		}
		first := after + do[2]
		obligations := ir.inlineObligations(text, first, sEnd)
		if len(obligations) == 0 {
			continue
		}
		region := []Span{{sStart, sEnd}}
		// only a court sentences: the authority named before, if not in the
		// sentence, may be a regulator the article spoke of
		court, _ := lastBefore(f.Entities, start, func(e Entity) bool { return e.Type == Authority && e.Start >= sStart })
		if agent.Name != "" {
			court = agent
		}
		in := Injunction{Span: Span{start, sEnd}, Authority: court.Name, Kind: KindInjunction,
			Status:      ir.status(lastWords(text[clauseStart(text, sStart, start):start], 12)),
			Obligations: obligations, Deadline: ir.deadlineIn(text, region, durations, f.Dates), Penalty: penaltyIn(region, f.Amounts)}
		for _, t := range targets {
			in.Target = t
			out = append(out, in)
		}
	}
	return out
}

// sharedLetters returns the longest run of ASCII letters, folded, that
// every phrase holds folded (see foldCaseAccents), made of letters that
// fold alike in every case (not « s »: « ſ » folds to itself): where one of
// the phrases is written, in any case, the folded word that holds it holds
// the run. It returns "" when the phrases share no such letter.
func sharedLetters(phrases []string) string {
	folded := make([]string, len(phrases))
	for i, p := range phrases {
		var b strings.Builder
		for _, r := range p {
			f := foldCaseAccents(string(r))
			if !foldsAlike(r) || len(f) != 1 || f[0] < 'a' || f[0] > 'z' {
				f = " " // breaks the runs
			}
			b.WriteString(f)
		}
		folded[i] = b.String()
	}
	if len(folded) == 0 {
		return ""
	}
	for n := len(folded[0]); n > 0; n-- {
		for i := 0; i+n <= len(folded[0]); i++ {
			run := folded[0][i : i+n]
			if !strings.Contains(run, " ") && !slices.ContainsFunc(folded, func(f string) bool { return !strings.Contains(f, run) }) {
				return run
			}
		}
	}
	return ""
}

// foldsAlike reports whether every case of r folds as r does.
func foldsAlike(r rune) bool {
	f := foldCaseAccents(string(r))
	for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
		if foldCaseAccents(string(c)) != f {
			return false
		}
	}
	return true
}

// wordsHold reports whether one of toks holds letters folded; true when
// letters is "".
func wordsHold(toks []token, letters string) bool {
	if letters == "" {
		return true
	}
	for _, t := range toks {
		if len(t.folded) >= len(letters) && strings.Contains(t.folded, letters) {
			return true
		}
	}
	return false
}

// A trigger is a word or phrase that opens an order: a verb (« enjoint »)
// or a noun (« injonction »). A verb of receiving and the order it receives
// (« a reçu l'ordre ») is a verb whose subject is the target, as in the
// passive voice.
type trigger struct {
	Span
	verb, received bool
}

// triggers finds the triggers of text, trying the trigger regexp only at the
// words that can open one.
func (ir *injunctionRules) triggers(text string, toks []token) []trigger {
	var out []trigger
	for _, m := range ir.trigger.find(text, toks) {
		if wordEnd(text, m[1]) {
			out = append(out, trigger{Span{m[0], m[1]}, m[2] >= 0 || m[6] >= 0, m[6] >= 0})
		}
	}
	return out
}

// phraseProduct returns every phrase of firsts followed by a space and a
// phrase of seconds (« reçu » and « l'ordre »: « reçu l'ordre »).
func phraseProduct(firsts, seconds []string) []string {
	out := make([]string, 0, len(firsts)*len(seconds))
	for _, a := range firsts {
		for _, b := range seconds {
			out = append(out, a+" "+b)
		}
	}
	return out
}

// injunctionRules are the compiled cues of rules/injunctions.txt.
type injunctionRules struct {
	trigger          wordScan // group 1: verb, group 2: noun, group 3: a verb of receiving and the order it receives
	negation         boundedWords
	anaphor, group   anchored
	groupWord        boundedWords   // a word that names several parties at once (« entreprises »)
	ruleSubject      boundedWords   // a word that makes a trigger's subject a rule (« la loi impose »)
	toUnnamed        anchored       // anchored: « à » and parties no name gives (« à plusieurs sites »)
	amongUnnamed     *regexp.Regexp // parties no name gives, then the word that names some of them (group 1) and an article or a cue of org_cues.txt (« plusieurs organismes, dont la société »)
	noticeRecalled   searched       // a formal notice, then « qui » and its auxiliary, right before an order's verb
	deadlineDuration searched
	deadlineDate     endedPhrases
	followup         phraseAlternation
	terms            anchored       // anchored: the terms of an order after a comma, or the verb of the sentence it stood in
	toTarget         anchored       // what stands between a verb and its indirect object
	coordination     *regexp.Regexp // what joins two targets: « , », « et », « ainsi qu'à »
	// objectPronoun is a pronoun before the verb that stands for the target
	// (« lui avait alors ordonné », « l'a mise en demeure »).
	objectPronoun  spaceLed
	body           bodyFinder                 // a public body, the target's name in group 1
	bareBody       anchored                   // anchored: « au ministère » without its name, the kind in group 1
	asking         searched                   // the participle that ends what stands between a noun trigger and its obligations (« …, lui demandant »)
	plural         *regexp.Regexp             // the object pronouns that stand for several targets (« leur »)
	relativeClause *regexp.Regexp             // the words that open a relative clause (« qui », « dont »), at the start of a string
	unless         phraseLed                  // « s'il ne justifie pas avoir » after an astreinte: what follows is ordered
	against        phraseLed                  // « contre » before the party of an astreinte
	subjectKind    anchored                   // anchored: « le ministère » as a subject, the body's kind in group 1
	byParty        phraseLed                  // « par » right before a name: an agent or a claimant, not the one ordered
	coordinated    anchored                   // anchored: what joins a second body to a first (« et au »)
	putBefore      phraseLed                  // the verb before a target framed by « … en demeure » (« a mis Orange en demeure »)
	onNotice       anchored                   // anchored: « en demeure » after that target
	mustDo         anchored                   // the target's name then « devait »: the sentence after an order says what it must do
	dutyAfter      anchored                   // anchored: « devra » after a name, maybe around a clause, then the infinitive it governs in group 1
	must           *phraseIndex               // the words of « devra », which dutyAfter needs
	obligation     *obligationGrammar         // what is ordered: « de » + infinitive, splits, list items
	mustPronoun    *regexp.Regexp             // a pronoun subject of must, at the start of a string (« Elle »)
	sentence       boundedWords               // a court's verb that sentences a party (« condamne »)
	toDo           anchored                   // anchored: « à » and an infinitive after the party sentenced, the verb in group 1
	payment        map[string]bool            // folded verbs of paying, which sentence to no order
	same           phraseLed                  // the word before a noun trigger that restates an order (« la même injonction »)
	given          phraseLed                  // the verb before a delay given to the parties (« ont trois mois »)
	grants         phraseLed                  // the verb by which an authority gives a delay (« a donné trois mois à X pour »)
	delayFor       anchored                   // anchored: « pour » after that delay, before what must be done
	passive        phraseLed                  // the auxiliary right before a passive trigger (« a été mise en demeure »)
	of             anchored                   // anchored: what stands between a noun trigger and the authority whose order it is (« de la »)
	addressed      anchored                   // anchored: the participle after a noun trigger that sends it to its target (« adressée »)
	describes      describer                  // an organisation that only describes the party before it (sanctions.txt)
	agent          anchored                   // anchored: the clauses after a passive trigger, before what is ordered
	notice         phraseAlternation          // the triggers that give a formal notice
	nominal        anchored                   // anchored: « de » and a noun naming what a noun trigger orders
	nominalObject  anchored                   // anchored: an article and such a noun, the object of an order's verb
	clause         anchored                   // anchored: what opens, after the target, a clause of what it must do (« afin qu'elle »); the clause's start in group 1
	that           anchored                   // anchored: « que » before a target that is the subject of what is ordered
	askedThat      anchored                   // anchored: « qu'il soit » after a verb that asks for an order
	statuses       []InjunctionStatus         // the statuses of the status cues, strongest first
	statusCues     map[InjunctionStatus]gated // words before a trigger that give its status

	// sentenceLetters are letters that a word holding one of sentence's
	// words holds, folded (« condamn »; see sharedLetters)
	sentenceLetters string
	adverbs         *phraseIndex // the adverbs that toTarget may read after its spaces
	toWords         []scanPhrase // toTarget's « à », « aux », as its alternation reads them
}

// status returns the status that the words before a trigger in its clause
// give the order:
// the strongest of rejected, requested, hypothetical and past whose cue is
// there, else ordered.
func (ir *injunctionRules) status(before string) InjunctionStatus {
	for _, st := range ir.statuses {
		if ir.statusCues[st].MatchString(before) {
			return st
		}
	}
	return StatusOrdered
}

func compileInjunctions(r *Rules) (ir *injunctionRules, err error) {
	const table = "injunctions.txt"
	words := func(key string) []string {
		v := r.Values(table, key)
		if len(v) == 0 && err == nil {
			err = fmt.Errorf("rules %s: no %s", table, key)
		}
		return v
	}
	obligation := newObligationGrammar(words("infinitive_adverb"))
	// a cue before a name, or an article (« la société », « la », « l' »)
	cueOrArticle := `(?:` + wordsPattern(r.Values("org_cues.txt", "before")) + `\s+|(?i:la|le|les)\s+|(?i:l)` + reApos + `)`
	ir = &injunctionRules{
		obligation: obligation,
		trigger: phraseScan(slices.Concat(lexiconPhrases(words("verb"), true, 1), lexiconPhrases(words("noun"), true, 2),
			lexiconPhrases(phraseProduct(words("receive"), words("received")), true, 3))),
		negation: newBoundedWords(words("negation")),
		// "la société" may be followed by the name: "à la société KASPR".
		anaphor: anchor(regexp.MustCompile(`^` + wordsPattern(append(words("anaphor"), words("anaphor_pronoun")...)) + `(?:[^\p{L}]|$)`)),
		// toTarget has already read « à » or « aux »: « aux trois sociétés ».
		noticeRecalled:   search(regexp.MustCompile(wordsPattern(words("notice")) + `[^.;:]{0,120}[,\s]qui\s+(?:` + wordsPattern(words("pronoun")) + `\s*)?(?:` + wordsPattern(words("auxiliary")) + `\s+)?$`)),
		toUnnamed:        anchor(regexp.MustCompile(`^\s*(?i:à|aux?)\s+` + wordsPattern(words("unnamed")) + `(?:[^\p{L}]|$)`)),
		amongUnnamed:     regexp.MustCompile(`^` + wordsPattern(words("unnamed")) + `(?:\s+[\p{Ll}'’-]+){1,3}\s*,\s*(` + wordsPattern(words("among")) + `)\s+` + cueOrArticle + `?`),
		groupWord:        newBoundedWords(words("group")),
		ruleSubject:      newBoundedWords(words("rule_subject")),
		group:            anchor(regexp.MustCompile(`^(?:(?i:les|ces|des)\s+)?(?:\p{L}+\s+)?` + wordsPattern(words("group")) + `(?:[^\p{L}]|$)`)),
		deadlineDuration: search(regexp.MustCompile(wordsPattern(words("deadline_duration")) + `(?:[^\p{L}]|$)`)),
		deadlineDate:     newEndedPhrases(words("deadline_date")),
		followup:         newPhraseAlternation(words("followup")),
		terms:            anchor(regexp.MustCompile(`^\s*` + wordsPattern(append(words("terms"), words("predicate")...)) + `(?:[^\p{L}]|$)`)),
		// an interposed clause may come first (« a ordonné, par une décision du 2 mai, aux… »)
		toTarget: anchor(regexp.MustCompile(`^(?:\s*,[^,;:.]{1,80},)?(?:\s*,?\s*` + wordsPattern(words("adverb")) + `\s*,?)*\s*(?:` + wordsPattern(words("to")) + `\s+)?`)),
		// an apposition may come between them (« Zorgplay Ltd, établie à Malte, et Zorgbet N.V. »)
		coordination: regexp.MustCompile(`^(?:\s*,\s*\p{Ll}[^,;:.]{0,60}(?:,|\s))?\s*(?:,\s*|(?:,\s*)?` + wordsPattern(words("and")) + `\s*` + wordsPattern(words("to")) + `?\s*)` +
			`(?:` + wordsPattern(r.Values("org_cues.txt", "back")) + `\s+)?$`),
		objectPronoun: newSpaceLed(`(` + wordsPattern(words("pronoun")) + `)\s*(?:` + wordsPattern(words("auxiliary")) + `\s+)?(?:` +
			wordsPattern(words("adverb")) + `\s+)?$`),
		notice:        newPhraseAlternation(words("notice")),
		nominal:       anchor(regexp.MustCompile(`^\s*` + reDe + `(?:(?i:la|le|l` + reApos + `)\s*)?` + wordsPattern(words("nominal")) + `(?:[^\p{L}]|$)`)),
		nominalObject: anchor(regexp.MustCompile(`^(?:\s*,[^,;:.]{1,80},)?\s*((?i:la\s+|le\s+|l` + reApos + `\s*)` + wordsPattern(words("nominal")) + `)(?:[^\p{L}]|$)`)),
		clause: anchor(regexp.MustCompile(`^(?:\s*,?\s*` + wordsPattern(words("clause")) + `|\s+` + wordsPattern(words("clause_bare")) + `)` +
			`\s+((?:ne\s+|n` + reApos + `\s*)?\p{Ll})`)),
		askedThat: anchor(regexp.MustCompile(`^\s*` + wordsPattern(words("asked_that")) + `(?:[^\p{L}]|$)`)),
		that:      anchor(regexp.MustCompile(`^\s*(?:` + wordsPattern(words("that")) + `\s|(?i:qu)` + reApos + `)`)),
		// « mis Orange en demeure », « mis la France en demeure », « mis la société X en demeure »
		putBefore:   newPhraseLed(words("put"), `\s+`+cueOrArticle+`?$`),
		onNotice:    anchor(regexp.MustCompile(`^\s+` + wordsPattern(words("on_notice")) + `(?:[^\p{L}]|$)`)),
		mustDo:      anchor(regexp.MustCompile(`^[^,.;:]{1,80}?\s+` + wordsPattern(words("must")) + `(?:[^\p{L}]|$)`)),
		sentence:    newBoundedWords(words("sentence")),
		toDo:        anchor(regexp.MustCompile(`^\s*,?\s*(?i:à)\s+(?:(?:lui|leur|les|la|le)\s+|l` + reApos + `\s*|s` + reApos + `\s*)?(\p{Ll}+(?:er|ir|re|oir))(?:[^\p{L}]|$)`)),
		payment:     map[string]bool{},
		must:        newPhraseIndex(words("must")),
		mustPronoun: regexp.MustCompile(`^(?i:` + wordsPattern(words("must_pronoun")) + `)\b`),
		dutyAfter:   anchor(regexp.MustCompile(`^\s*(?:,[^,;:.]{1,80},)?\s*` + wordsPattern(words("must")) + `(?:\s+` + wordsPattern(words("adverb")) + `)?\s*(?:,[^,;:.]{1,80},\s*)?` + `(` + obligation.infinitive + `)`)),
		same:        newPhraseLed(words("same"), `\s*$`),
		given:       newPhraseLed(words("given"), `\s*$`),
		grants:      newPhraseLed(words("grants"), `\s*$`),
		delayFor:    anchor(regexp.MustCompile(`^\s*` + wordsPattern(words("for")) + `\s+`)),
		passive:     newPhraseLed(words("passive"), `\s*$`),
		of:          anchor(regexp.MustCompile(`^\s+` + wordsPattern(words("of")) + `\s*$`)),
		addressed:   anchor(regexp.MustCompile(`^\s*` + wordsPattern(words("addressed")) + `(?:[^\p{L}]|$)`)),
		describes:   newDescriber(r.Values("sanctions.txt", "describes")),
		agent:       anchor(regexp.MustCompile(`^(?:\s*,[^,;:.]{1,80},?)*`)),
		// a public body: one named whole (« l'État »), or by its kind and a
		// capitalised complement (« le ministère de l'Intérieur », « la commune de Nice »)
		body:           newBodyFinder(words("body"), words("body_kind")),
		bareBody:       anchor(bareBodyPattern(words("body_kind"))),
		unless:         newPhraseFirst(words("unless"), `\s+(?:(?i:avoir|d`+reApos+`avoir)\s+)?`),
		against:        newPhraseLed(words("against"), `\s+`),
		subjectKind:    anchor(regexp.MustCompile(`^(?i:le\s+|la\s+|l` + reApos + `)(` + wordsPattern(words("body_kind")) + `)(?:[^\p{L}]|$)`)),
		asking:         search(regexp.MustCompile(`,\s*` + wordsPattern(words("pronoun")) + `\s+` + wordsPattern(words("asking")) + `\s*$`)),
		plural:         regexp.MustCompile(`^` + wordsPattern(words("plural_pronoun")) + `$`),
		relativeClause: opensRelative(r),
		// « par la CNIL », « par la présidente de la CNIL », « par le président de l'Arcep »
		byParty: newPhraseLed(r.Values("sanctions.txt", "by"), `\s+(?:(?i:l`+reApos+`|la\s+|le\s+|les\s+)\s*)?`+
			`(?:\p{Ll}+\s+(?:(?:de|du|des)\s+(?:(?i:la|le|les)\s+|(?i:l)`+reApos+`\s*)?)?)?$`),
		// toTarget has read « à » or « aux » before the first body only
		coordinated: anchor(regexp.MustCompile(`^\s*(?:,\s*)?` + wordsPattern(words("and")) + `\s*(?:(?i:à)\s+)?`)),
		statuses:    []InjunctionStatus{StatusRejected, StatusRequested, StatusHypothetical, StatusPast},
		statusCues:  map[InjunctionStatus]gated{},
	}
	ir.sentenceLetters = sharedLetters(words("sentence"))
	ir.adverbs = newPhraseIndex(words("adverb"))
	ir.toWords = lexiconPhrases(words("to"), true, 0)
	for _, v := range words("payment") {
		ir.payment[foldCaseAccents(strings.TrimPrefix(v, "s'"))] = true
	}
	for _, st := range ir.statuses {
		re := regexp.MustCompile(`(?:^|[^\p{L}])` + wordsPattern(words("status "+string(st))) + `(?:[^\p{L}]|$)`)
		ir.statusCues[st] = newGated(re, words("status "+string(st)))
	}
	return ir, err
}

// negated reports whether one of the four words before a trigger at start,
// in the sentence from sent, denies it (« aucune injonction », « n'a pas
// assorti ses décisions d'injonctions »).
func (ir *injunctionRules) negated(text string, sent, start int) bool {
	// the clause's own words: « si elle ne se conforme pas, la CNIL pourra enjoindre »
	clause := clauseStart(text, sent, start)
	return ir.negation.MatchString(lastWords(text[clause:start], 4))
}

// lastWords returns the end of s holding its last n words.
func lastWords(s string, n int) string {
	i := len(s)
	for words := 0; i > 0 && words <= n; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			words++
		}
		i -= size
	}
	return s[i:]
}

// Pieces of the patterns below.
const (
	// reItemNumber is the number of an item of an inline list: « (i) »,
	// « ii) », « a) », « 1° », « 1) ».
	reItemNumber = `(?:\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})\)|\d{1,2}°)\s*`
	// reEnumerator is an optional reItemNumber.
	reEnumerator = `(?:` + reItemNumber + `)?`
	// reDe is the preposition that introduces what is ordered.
	reDe = `(?i:de\s+|d` + reApos + `\s*)`
)

// An obligationGrammar reads what is ordered: « de » and an infinitive,
// the splits between coordinated obligations, the items of a list. The
// adverbs that may stand before the infinitive come from injunctions.txt
// (infinitive_adverb).
type obligationGrammar struct {
	adverbs []string
	// infinitive is the regexp of a French infinitive opening an
	// obligation, after « de »: an optional negation, adverb and object
	// pronoun, then a verb in -er, -ir, -re, -oir. The elided « l' » is
	// left out: « de l'usager » is no verb.
	infinitive string
	// start is « de » + infinitive at the start of a clause, the number of
	// a first item between them: « de (i) cesser ».
	start anchored
	// split finds where the next coordinated obligation begins, in group 1,
	// 2, 3 or 4: « , et de supprimer », « ; de définir », « et d'informer »;
	// after an item's number, with or without « de »: « ; (ii) de
	// supprimer », « , (ii) informer »; « et à communiquer »; « , puis de
	// l'exécuter ».
	split searched
	// listItem is a line of a list of obligations: a bullet, or a
	// lower-case infinitive (with or without « de »).
	listItem anchored
	// numbered matches the first item of an inline list of bare infinitives
	// after a colon, the infinitive in group 1: « 1) recueillir », « (i)
	// informer ».
	numbered *regexp.Regexp
}

// newObligationGrammar compiles the patterns of what is ordered, adverbs
// being those that may stand between « de » and its infinitive.
func newObligationGrammar(adverbs []string) *obligationGrammar {
	g := &obligationGrammar{adverbs: adverbs}
	g.infinitive = `(?:ne\s+(?:pas|plus|jamais)\s+|n` + reApos + `\s*(?:pas|plus)?\s*)?` +
		`(?:` + wordsPattern(adverbs) + `\s+)?` +
		`(?:(?:les|leur|lui|se|y|en)\s+|s` + reApos + `)?\p{Ll}+(?:er|ir|re|oir)(?:[^\p{L}]|$)`
	g.start = anchor(regexp.MustCompile(`^` + reDe + reEnumerator + g.infinitive))
	g.split = search(regexp.MustCompile(`(?:\s*[,;]\s*(?:et\s+|puis\s+|ainsi\s+que\s+)?|\s+(?:et|puis|ainsi\s+que)\s+)` +
		`(?:` + reItemNumber + `((?:` + reDe + `)?` + g.infinitive + `)|(` + reDe + g.infinitive + `))` +
		// after a sentence to do something: « à lui remettre … et à lui communiquer … »
		`|\s+et\s+(à\s+` + g.infinitive + `)` +
		// a step after another, its object an elided pronoun: « …, puis de l'exécuter »
		// (after « puis » only: « et de l'usager » is no verb)
		`|\s*,?\s*puis\s+(` + reDe + `l` + reApos + `\p{Ll}+(?:er|ir)(?:[^\p{L}]|$))`))
	g.listItem = anchor(regexp.MustCompile(`^\s*(?:[-–—•*·▪]\s*|\d{1,2}\s*[.)°-]\s*|[a-h]\)\s*)|^\s*(?:` + reDe + `)?` + g.infinitive))
	g.numbered = regexp.MustCompile(`^\s*` + reItemNumber + `(` + g.infinitive + `)`)
	return g
}

// adverb reports whether w is one of the adverbs before an infinitive.
func (g *obligationGrammar) adverb(w string) bool { return slices.Contains(g.adverbs, w) }

// orderAt reads the order whose trigger is t, in the sentence from sStart,
// and returns one injunction per target, or none when no target or nothing
// ordered is found.
func (ir *injunctionRules) orderAt(text string, toks []token, f Facts, durations []Duration, sStart int, t trigger) []Injunction {
	start, end, verb := t.Start, t.End, t.verb
	if verb && ir.askedThat.MatchString(text[end:]) {
		return nil // « a demandé qu'il soit enjoint à X de … »: the inner trigger's order
	}
	sEnd := max(sentenceEnd(text, start), end) // see find
	var targets []string
	after := end
	if !t.received {
		targets, after = ir.targetsAfter(text, f.Entities, end, sEnd, start)
	}
	if len(targets) == 0 && !verb {
		// « une injonction de …, assortie d'une astreinte, à l'encontre de la société X »
		if t := ir.againstParty(text, f.Entities, end, sEnd); t != "" {
			targets, after = []string{t}, end
		}
	}
	if len(targets) == 0 && ir.toUnnamed.MatchString(text[end:sEnd]) {
		return nil // « une mise en demeure à plusieurs sites de … »
	}
	if len(targets) == 0 {
		// « lui a enjoint de », « la société a été mise en demeure, par le
		// CSA, de »: the target was named before the verb
		passive := t.received || ir.passive.MatchString(lastWords(text[sStart:start], 2)) || appositive(text, f.Entities, start)
		pronoun := ir.objectPronoun.FindStringSubmatch(text[sStart:start])
		fronted := verb && start == sStart
		if pronoun == nil && !passive && !fronted && verb {
			// « Elle a également ordonné la mise en conformité de ses
			// traitements »: what is ordered named by the verb's object
			// orders the party of the paragraph
			t, ok := ir.partyOfParagraph(text, f.Entities, sStart, start)
			if !ok || !ir.nominalObject.MatchString(text[end:sEnd]) {
				return nil
			}
			targets, after = []string{t}, end
		} else if fronted {
			// « Mis en demeure le 3 février de cesser …, le ministère a obtenu … »
			targets, after = ir.subjectAfter(text, f.Entities, end, sEnd), end
		} else if pronoun != nil {
			targets, after = ir.antecedents(text, f.Entities, start, pronoun[1]), end
		} else if t := ir.describes.partyBefore(text, f.Entities, start); t != "" {
			targets, after = []string{t}, end
			if passive {
				// « Les sociétés A et B ont été mises en demeure »: the subjects coordinated in its sentence
				if e, ok := lastBefore(f.Entities, start, func(e Entity) bool { return e.Type == Org && e.Start >= sStart }); ok && e.Name == t {
					targets = listEndingWith(text, f.Entities, e, func(p Entity) bool { return p.Type == Org && p.Start >= sStart }, coordinated)
				}
				// « mise en demeure » after « été » is the participle, not the noun
				after, verb = ir.skipAgent(text, end, sEnd), true
			}
		}
	}
	if len(targets) == 0 {
		return nil
	}
	out := ir.order(text, toks, f, durations, start, end, verb, targets, after)
	if len(out) > 0 {
		// « a été mise en demeure, à deux reprises, par le CSA, de … »: the agent gives the order
		agent, ok := firstAfter(f.Entities, end, ofType(Authority))
		if ok && agent.End <= out[0].Obligations[0].Start && ir.byParty.MatchString(text[max(end, agent.Start-40):agent.Start]) {
			for i := range out {
				out[i].Authority = agent.Name
			}
		}
	}
	return out
}

// order reads what is ordered to targets from after on, by the trigger
// text[start:end], and its terms; none when nothing ordered is found.
func (ir *injunctionRules) order(text string, toks []token, f Facts, durations []Duration, start, end int, verb bool, targets []string, after int) []Injunction {
	sStart, sEnd := sentenceStart(text, start), sentenceEnd(text, start)
	sent := sStart // the trigger's sentence, where sStart may not stay
	obligations, blockEnd, lead := ir.obligationsFrom(text, after, sEnd)
	if len(obligations) == 0 {
		obligations, blockEnd, lead = ir.clauseObligation(text, end, after, sEnd)
	}
	if len(obligations) == 0 && !verb {
		obligations, blockEnd, lead = ir.nominalObligation(text, ir.nominal, end, sEnd)
	} else if len(obligations) == 0 && (after > end || verb) {
		// « a ordonné à X la limitation du traitement »: a verb's object after its target
		obligations, blockEnd, lead = ir.nominalObligation(text, ir.nominalObject, after, sEnd)
	}
	if len(obligations) == 0 && verb && len(targets) == 1 {
		// « … a mis en demeure la société Vectaury, qui … . Vectaury devait,
		// dans un délai de trois mois : – … »: what is ordered follows in one
		// of the next three sentences, where the target must do it
		for next, k := skipWhitespace(text, sEnd), 0; k < 3 && next < len(text); next, k = skipWhitespace(text, sentenceEnd(text, next)), k+1 {
			m := ir.mustDo.FindStringIndex(text[next:min(len(text), next+len(targets[0])+20)])
			if m != nil && strings.HasPrefix(text[next:], targets[0]) {
				sStart, sEnd = next, sentenceEnd(text, next)
				obligations, blockEnd, lead = ir.obligationsFrom(text, next+m[1], sEnd)
				break
			}
		}
	}
	if len(obligations) == 0 || !verb && !ir.nounIntroduces(text[end:lead]) {
		return nil
	}
	// Where the terms are looked for, in order: the trigger's sentence (with
	// its obligations when they are inline: « de supprimer les données, dans
	// un délai de trois mois »), the sentences that restate the order just
	// after it, then the items of a list, whose own delays are the items'.
	var regions []Span
	if inline := blockEnd == sEnd; inline {
		regions = append([]Span{{sStart, sEnd}}, ir.followups(text, toks, blockEnd, f.Entities, targets)...)
	} else {
		regions = append([]Span{{sStart, lead}}, ir.followups(text, toks, blockEnd, f.Entities, targets)...)
		regions = append(regions, Span{lead, blockEnd})
	}

	in := Injunction{
		Span:        Span{start, blockEnd},
		Authority:   ir.issuer(text, f.Entities, start, end, verb),
		Obligations: obligations,
		Deadline:    ir.deadlineIn(text, regions, durations, f.Dates),
		Penalty:     penaltyIn(regions, f.Amounts),
		Kind:        KindInjunction,
		Status:      ir.status(lastWords(text[clauseStart(text, sent, start):start], 12)),
	}
	if ir.notice.MatchString(text[start:end]) || ir.noticeRecalled.MatchString(text[sent:start]) {
		in.Kind = KindFormalNotice // « la mise en demeure …, qui avait enjoint à la société de … »
	}
	if last := obligations[len(obligations)-1].End; in.Status == StatusRequested && last <= sEnd && ir.statusCues[StatusRejected].MatchString(text[last:sEnd]) {
		in.Status = StatusRejected // « … demandait qu'il soit enjoint à X de … ; le juge a rejeté cette demande »
	}
	out := make([]Injunction, 0, len(targets))
	for _, t := range targets {
		in.Target = t
		out = append(out, in)
	}
	return out
}

// clauseObligation reads what is ordered, from after the targets (which end
// at after) to the sentence's end at sEnd, as a clause whose subject is the
// target: opened by a pronoun (« afin qu'elle sécurise son site », « exige
// de X qu'elle supprime … »), or by the target itself after « que » right
// after the trigger, which ends at end (« exige que X rétablisse … »). It
// returns the clause, where it ends and where it starts; none when neither
// opens there.
func (ir *injunctionRules) clauseObligation(text string, end, after, sEnd int) ([]Clause, int, int) {
	start := -1
	if m := ir.clause.FindStringSubmatchIndex(text[after:sEnd]); m != nil {
		start = after + m[2]
	} else if after > end && ir.that.MatchString(text[end:after]) {
		if k := regexpSpacesEnd(text, after); k < sEnd {
			if r, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsLower(r) {
				start = k
			}
		}
	}
	if start < 0 {
		return nil, sEnd, sEnd
	}
	return ir.appendClause(nil, text, start, sEnd), sEnd, start
}

// authorityLed returns the entity named first from i on when it is an
// authority and lead matches all that stands before it (« par la », « de la »).
func authorityLed(text string, entities []Entity, i int, lead interface{ MatchString(string) bool }) (Entity, bool) {
	e, ok := firstAfter(entities, i, func(Entity) bool { return true })
	if !ok || e.Type != Authority || !lead.MatchString(text[i:e.Start]) {
		return Entity{}, false
	}
	return e, true
}

// partyOfParagraph returns the organisation named last before the sentence
// that opens at sent, in its paragraph, when the sentence names none before at.
func (ir *injunctionRules) partyOfParagraph(text string, entities []Entity, sent, at int) (string, bool) {
	if _, ok := lastBefore(entities, at, func(e Entity) bool { return e.Type == Org && e.Start >= sent }); ok {
		return "", false
	}
	from := paragraphStart(text, sent)
	e, ok := lastBefore(entities, sent, func(e Entity) bool {
		return e.Type == Org && e.Start >= from && !ir.describes.describing(text, from, e)
	})
	return e.Name, ok
}

// issuer returns the authority that gives the order whose trigger is
// text[start:end]: the one a noun trigger names as its own (« l'injonction de
// la CNIL de cesser … »), else the one named last before it.
func (ir *injunctionRules) issuer(text string, entities []Entity, start, end int, verb bool) string {
	if !verb {
		if e, ok := authorityLed(text, entities, end, ir.of); ok {
			return e.Name
		}
	}
	return nameBefore(entities, Authority, start)
}

// nominalObligation reads what is ordered from end on when a noun names it
// (nominal matches there), up to the end of its clause: « une injonction de
// mise en conformité portant sur la durée de conservation, sous astreinte … »,
// « a ordonné à X la limitation temporaire du traitement », « a ordonné à X,
// sous astreinte, la restitution des données ».
func (ir *injunctionRules) nominalObligation(text string, nominal anchored, end, sEnd int) ([]Clause, int, int) {
	m := nominal.FindStringSubmatchIndex(text[end:sEnd])
	if m == nil {
		return nil, sEnd, sEnd
	}
	start := skipWhitespace(text, end)
	if len(m) > 2 && m[2] >= 0 {
		start = end + m[2] // after a clause between the target and the noun
	}
	stop := sEnd
	if k := strings.IndexAny(text[start:sEnd], ",;:"); k >= 0 {
		stop = start + k
	}
	return ir.appendClause(nil, text, start, stop), sEnd, start
}

// nounIntroduces reports whether the words between a noun trigger and the
// obligations make the noun introduce them (« une injonction de cesser », « une
// injonction interdisant à la société de collecter »), rather than the noun
// ending a clause (« faute d'avoir répondu à la mise en demeure, la société a
// manqué à son obligation de coopérer »).
func (ir *injunctionRules) nounIntroduces(between string) bool {
	// « une mise en demeure à la société X, lui demandant de cesser »
	if m := ir.asking.FindStringIndex(between); m != nil {
		between = between[:m[0]] // the only match: it ends the text
	}
	return len(between) <= 60 && !strings.ContainsAny(between, ",;:.")
}

// targetsAfter reads the target after a trigger: an organisation named
// there (« à Clearview AI », « à la société KASPR »), several at once (« aux
// trois sociétés »: the organisations named before), or an anaphor (« à la
// société »: the organisation last named). It returns where what is ordered
// may begin.
func (ir *injunctionRules) targetsAfter(text string, entities []Entity, end, sEnd, trigger int) ([]string, int) {
	i := end
	if m := ir.addressed.FindStringIndex(text[i:sEnd]); m != nil {
		// « une mise en demeure adressée par la CNIL à X »: the agent stands before the target
		i += m[1]
		if agent, ok := authorityLed(text, entities, i, ir.byParty); ok {
			i = agent.End
		}
	}
	if m := ir.toTargetEnd(text[i:sEnd]); m >= 0 {
		i += m
	} else {
		i += len(text[i:sEnd]) - len(strings.TrimLeft(text[i:sEnd], " \u00a0"))
	}
	if m := ir.body.find(text[i:sEnd]); m != nil {
		// « enjoint à l'État », « au ministère de l'Intérieur », and those
		// coordinated with it (« au Premier ministre et au ministre chargé de l'écologie »)
		names, at := []string{text[i+m[2] : i+m[3]]}, i+m[3]
		for {
			c := ir.coordinated.FindStringIndex(text[at:sEnd])
			if c == nil {
				break
			}
			n := ir.body.find(text[at+c[1] : sEnd])
			if n == nil {
				break
			}
			names, at = append(names, text[at+c[1]+n[2]:at+c[1]+n[3]]), at+c[1]+n[3]
		}
		return names, at
	}
	if m := ir.bareBody.FindStringSubmatchIndex(text[i:sEnd]); m != nil {
		// « enjoint au ministère de cesser »: the body of that kind named before
		if e, ok := lastBefore(entities, trigger, func(e Entity) bool {
			return e.Type == Org && strings.HasPrefix(foldCaseAccents(e.Name), foldCaseAccents(text[i+m[2]:i+m[3]]))
		}); ok {
			return []string{e.Name}, i + m[1]
		}
	}
	// A named organisation within the next few words, maybe after what it
	// is (« aux fournisseurs d'accès à internet Orange SA »; not after what
	// is ordered: « de réexaminer le respect par CNews »), and those
	// coordinated with it (« SFR et Bouygues Telecom »), or right after parties
	// no name gives (« plusieurs organismes, dont la société X »).
	amongFrom, amongTo := -1, -1 // where the name may start after the word that names some
	if m := ir.amongUnnamed.FindStringSubmatchIndex(text[i:sEnd]); m != nil {
		amongFrom, amongTo = i+m[3], i+m[1]
	}
	for k, e := range entities {
		if e.Type == Org && e.Start >= i && e.End <= sEnd && (e.Start <= i+len("la société ") || describes(text[i:e.Start]) && ir.obligation.first(text[i:e.Start]) < 0 ||
			amongFrom <= e.Start && e.Start <= amongTo) {
			names, end := []string{e.Name}, e.End
			for _, next := range entities[k+1:] {
				if next.End > sEnd {
					break
				}
				if next.Type != Org {
					continue // a place in an apposition: « Zorgplay Ltd, établie à Malte, et … »
				}
				gap := text[end:next.Start]
				if next.Name == names[len(names)-1] && strings.TrimSpace(gap) == "(" {
					end = next.End // the acronym in brackets after its name: « Société française du radiotéléphone (SFR) »
					continue
				}
				if !ir.coordination.MatchString(strings.TrimPrefix(gap, ")")) {
					break
				}
				names, end = append(names, next.Name), next.End
			}
			return names, end
		}
	}
	if m := ir.group.FindStringIndex(text[i:sEnd]); m != nil && !ir.ruleSubject.MatchString(text[sentenceStart(text, trigger):trigger]) {
		// « a enjoint aux deux sociétés »: those named before, unless a rule
		// speaks (« la loi impose aux plateformes de … »)
		return orgsBefore(entities, trigger), i + m[1]
	}
	if m := ir.anaphor.FindStringIndex(text[i:sEnd]); m != nil {
		if t := nameBefore(entities, Org, trigger); t != "" {
			return []string{t}, i + m[1]
		}
	}
	return nil, end
}

// toTargetEnd is where toTarget's match in s ends, or -1. Where no comma
// or adverb follows the spaces that open s, its match is those spaces, then
// « à » and its spaces if they follow, which the regexp need not tell.
func (ir *injunctionRules) toTargetEnd(s string) int {
	q := regexpSpacesEnd(s, 0)
	if q == len(s) || s[q] != ',' && !ir.adverbs.opensAt(s, q) {
		return q + ir.toWordLen(s[q:])
	}
	if m := ir.toTarget.FindStringIndex(s); m != nil {
		return m[1]
	}
	return -1
}

// toWordLen is the length of the first of toWords that opens s followed by
// spaces, with them, as (?:to\s+)? reads it; or 0.
func (ir *injunctionRules) toWordLen(s string) int {
	for _, w := range ir.toWords {
		n := literalLen(s, 0, w.word, w.fold)
		if n == 0 {
			continue
		}
		if k := regexpSpacesEnd(s, n); k > n {
			return k
		}
	}
	return 0
}

// A bodyFinder finds a public body an order or a sanction is addressed to
// (bodyPattern), trying its regexp only where mayNameBody finds one of its
// bodies or kinds.
type bodyFinder struct {
	re    anchored     // anchored: the body, its name in group 1
	names *phraseIndex // the bodies and kinds re names
}

// newBodyFinder compiles the finder of bodies named whole and of kinds of
// bodies named with a complement (injunctions.txt body, body_kind).
func newBodyFinder(bodies, kinds []string) bodyFinder {
	return bodyFinder{anchor(bodyPattern(bodies, kinds)), newPhraseIndex(slices.Concat(bodies, kinds))}
}

// find is re.FindStringSubmatchIndex(s).
func (b bodyFinder) find(s string) []int {
	if !mayNameBody(b.names, s) {
		return nil
	}
	return b.re.FindStringSubmatchIndex(s)
}

// mayNameBody reports whether one of names opens s, or where a body's name
// may follow an article in bodyPattern: after an elided one (« l'État »),
// or after a first word of at most three letters and spaces (« au
// ministère »).
func mayNameBody(names *phraseIndex, s string) bool {
	if s == "" {
		return false
	}
	if names.opensAt(s, 0) {
		return true
	}
	if r, w := utf8.DecodeRuneInString(s[1:]); r == '\'' || r == '’' || r == 'ʼ' {
		return 1+w < len(s) && names.opensAt(s, 1+w)
	}
	k := 0
	for k < len(s) && k <= 3 && isASCIILetter(s[k]) {
		k++
	}
	if k == 0 || k > 3 || k == len(s) || !isRegexpSpace(s[k]) {
		return false
	}
	k = regexpSpacesEnd(s, k)
	return k < len(s) && names.opensAt(s, k)
}

// againstParty returns the party named after « contre » or « à l'encontre
// de » in text[from:to]: a public body or an organisation, or "".
func (ir *injunctionRules) againstParty(text string, entities []Entity, from, to int) string {
	c := ir.against.FindStringIndex(text[from:to])
	if c == nil {
		return ""
	}
	at := from + c[1]
	if b := ir.body.find(text[at:to]); b != nil {
		return text[at+b[2] : at+b[3]]
	}
	if e, ok := firstAfter(entities, at, ofType(Org)); ok && e.End <= to && e.Start <= at+len("la société ") {
		return e.Name
	}
	return ""
}

// subjectAfter returns the subject of the main clause that follows a
// participle opening its sentence (« Mise en demeure de cesser la collecte,
// la société Zorg a obtenu … », « …, le ministère a obtenu … »): the
// organisation that opens a clause after a comma, or the one that an anaphor
// there stands for (« le ministère »: the ministry named before).
func (ir *injunctionRules) subjectAfter(text string, entities []Entity, end, sEnd int) []string {
	for i := end; i < sEnd; i++ {
		if text[i] != ',' {
			continue
		}
		at := skipWhitespace(text, i+1)
		if e, ok := firstAfter(entities, at, ofType(Org)); ok && e.End <= sEnd && e.Start <= at+len("la société ") {
			return []string{e.Name}
		}
		if m := ir.subjectKind.FindStringSubmatchIndex(text[at:sEnd]); m != nil {
			kind := foldCaseAccents(text[at+m[2] : at+m[3]])
			if e, ok := lastBefore(entities, end, func(e Entity) bool {
				return e.Type == Org && strings.HasPrefix(foldCaseAccents(e.Name), kind)
			}); ok {
				return []string{e.Name}
			}
		}
		if ir.anaphor.MatchString(text[at:sEnd]) {
			if t := nameBefore(entities, Org, end); t != "" {
				return []string{t}
			}
		}
	}
	return nil
}

// antecedents returns what the object pronoun before an order's verb at
// start stands for. A plural one (« leur avait ordonné ») stands for the
// organisations last coordinated before it (« a sanctionné Zorgtel et
// Zorgnet »); a singular one for the organisation or authority named last
// before it, other than the authority giving the order and than a party
// named after « par » (« Saisi par l'association X, le Conseil d'État lui a
// enjoint »: the association is not the one ordered).
func (ir *injunctionRules) antecedents(text string, entities []Entity, start int, pronoun string) []string {
	if ir.plural.MatchString(pronoun) {
		from := previousSentence(text, sentenceStart(text, start))
		var run, last []string
		end := -1
		for _, e := range entities {
			if e.Type != Org || e.Start < from || e.End > start {
				continue
			}
			if end >= 0 && ir.coordination.MatchString(text[end:e.Start]) {
				if e.Name != run[len(run)-1] {
					run = append(run, e.Name)
				}
			} else {
				run = []string{e.Name}
			}
			end = e.End
			if len(run) >= 2 {
				last = run
			}
		}
		if last != nil {
			return last
		}
		if ir.groupWord.MatchString(text[sentenceStart(text, start):start]) {
			return nil // « elle recommande aux entreprises de … et leur demande de … »: a group no name gives
		}
	}
	giver := nameBefore(entities, Authority, start)
	claimant := func(e Entity) bool {
		if named, ok := lastBefore(entities, e.Start, func(Entity) bool { return true }); ok && strings.TrimSpace(text[named.End:e.Start]) == "(" {
			e = named // « Saisi par Reporters sans frontières (RSF) »: the acronym of a claimant
		}
		return ir.byParty.MatchString(text[max(0, e.Start-40):e.Start])
	}
	candidate := func(e Entity) bool {
		return (e.Type == Org || e.Type == Authority && e.Name != giver) && !claimant(e)
	}
	e, ok := lastBefore(entities, start, candidate)
	if !ok {
		return nil
	}
	if host, ok := relativeHost(text, entities, e, candidate, ir.relativeClause.MatchString); ok {
		e = host
	}
	return []string{e.Name}
}

// appositive reports whether the trigger at start follows an organisation's
// name and a comma: « Clearview AI, mise en demeure en novembre 2021 de … »
// is the participle of an order given to it.
func appositive(text string, entities []Entity, start int) bool {
	e, ok := lastBefore(entities, start, ofType(Org))
	return ok && strings.TrimSpace(text[e.End:start]) == ","
}

// skipAgent skips, after a passive trigger, the clauses that say when and by
// whom (« , à plusieurs reprises, par le CSA, »), up to what is ordered.
func (ir *injunctionRules) skipAgent(text string, end, sEnd int) int {
	m := ir.agent.FindStringIndex(text[end:sEnd])
	return end + m[1]
}

// inlineEnumeration matches what stands between a colon and the first item
// of an inline list of obligations: spaces and the item's number.
var inlineEnumeration = regexp.MustCompile(`^\s*` + reEnumerator + `$`)

// bodyPattern is the pattern of a public body that an order or a sanction
// may be addressed to, anchored, its name in group 1: one named whole
// (« l'État »), or by its kind and a capitalised complement (« le ministère
// de l'Intérieur », « la commune de Nice »).
func bodyPattern(bodies, kinds []string) *regexp.Regexp {
	const of = `(?:\s+de\s+l` + reApos + `|\s+d` + reApos + `|\s+(?:de\s+la|de|du|des)\s+)`
	return regexp.MustCompile(`^(?i:l` + reApos + `|le\s+|la\s+|au\s+|aux\s+)?(` + wordsPattern(bodies) +
		`|` + wordsPattern(kinds) + `(?:` + of +
		// the name's words go on across one line end, not a blank line (« la
		// mairie de Zorgville\n\nLa CNIL … »)
		`\p{Lu}[\p{L}'’-]*(?:,?(?:[^\S\n]+\n?|\n)[^\S\n]*(?:(?:et|de\s+la|de|du|des)\s+|d` + reApos + `|de\s+l` + reApos + `)?\p{Lu}[\p{L}'’-]*)*` +
		// « le ministre chargé de l'écologie », « chargée du travail et de l'emploi »
		`|\s+(?i:chargée?s?)` + of + `\p{Ll}+(?:\s+et` + of + `\p{Ll}+)?))(?:[^\p{L}]|$)`)
}

// bareBodyPattern is the pattern of a public body named by its kind alone
// after « à » (« enjoint au ministère de cesser »), anchored, the kind in
// group 1: the body of that kind named before is meant.
func bareBodyPattern(kinds []string) *regexp.Regexp {
	return regexp.MustCompile(`^(?i:au\s+|aux\s+|à\s+la\s+|à\s+l` + reApos + `)(` + wordsPattern(kinds) + `)(?:[^\p{L}]|$)`)
}

// describes reports whether s may stand between an order's verb and its
// target's name: lower-case words saying what it is (« aux fournisseurs
// d'accès à internet »), at most 60 lower-case letters, apostrophes, spaces
// and hyphens, as ^[\p{Ll}'’ -]{0,60}$ matches them.
func describes(s string) bool {
	n := 0
	for _, r := range s {
		if n++; n > 60 || !(unicode.IsLower(r) || r == '\'' || r == '’' || r == ' ' || r == '-') {
			return false
		}
	}
	return true
}

// orgsBefore lists the organisations named before i, once each, in order.
func orgsBefore(entities []Entity, i int) []string {
	var names []string
	seen := map[string]bool{}
	for _, e := range entities {
		if e.Type == Org && e.End <= i && !seen[e.Name] {
			seen[e.Name] = true
			names = append(names, e.Name)
		}
	}
	return names
}

// obligationsFrom reads what is ordered from byte i of the trigger's
// sentence: « de » + infinitive clauses coordinated inline, or the items of a
// list when the sentence ends with a colon. It returns the obligations, where
// the order ends (the sentence's end when they are inline), and where its
// obligations begin.
func (ir *injunctionRules) obligationsFrom(text string, i, sEnd int) ([]Clause, int, int) {
	rest := text[i:sEnd]
	colon := strings.IndexByte(rest, ':')
	first := ir.obligation.first(rest)
	if first >= 0 && colon >= 0 && first < colon && strings.TrimSpace(rest[colon+1:]) == "" {
		// « de se mettre en conformité, notamment pour : » heads a list:
		// the items are what is ordered
		if items, end := ir.listObligations(text, i+colon+1); len(items) >= 2 {
			return items, end, i + colon + 1
		}
	}
	if first >= 0 && (colon < 0 || first < colon) {
		return ir.inlineObligations(text, i+first, sEnd), sEnd, i + first
	}
	if colon >= 0 {
		// an inline list after the colon: « : (i) de cesser … ; (ii) de … »
		if k := ir.obligation.first(rest[colon+1:]); k >= 0 && inlineEnumeration.MatchString(rest[colon+1:colon+1+k]) {
			at := i + colon + 1 + k
			return ir.inlineObligations(text, at, sEnd), sEnd, at
		}
		// numbered bare infinitives: « de : 1) recueillir … ; 2) informer … »
		if m := ir.obligation.numbered.FindStringSubmatchIndex(rest[colon+1:]); m != nil {
			at := i + colon + 1 + m[2] // the infinitive, after the item's number
			return ir.inlineObligations(text, at, sEnd), sEnd, at
		}
	}
	if colon >= 0 {
		items, end := ir.listObligations(text, i+colon+1)
		return items, end, i + colon + 1
	}
	return nil, sEnd, sEnd
}

// first is the offset in s of the first « de » + infinitive that
// starts a clause, or -1.
func (g *obligationGrammar) first(s string) int {
	for j := 0; j < len(s); j++ {
		if (j == 0 || s[j-1] == ' ' || s[j-1] == ',') && g.opens(s[j:]) {
			return j
		}
		if s[j] == ':' {
			break
		}
	}
	return -1
}

// opens is g.start.MatchString(s), told without the
// regexp where the word after « de » settles it: an infinitive
// (« de cesser ») matches; a word that opens none of the regexp's other
// ways (an item's number, a negation, an object pronoun: « de la »,
// « de données ») does not.
func (g *obligationGrammar) opens(s string) bool {
	i, ok := deEnd(s)
	if !ok {
		return false
	}
	if infinitiveAt(s[i:]) {
		return true
	}
	return g.mayLead(s[i:]) && g.start.MatchString(s)
}

// deEnd returns where reDe's match at the start of s ends, with all the
// spaces it may read: nothing that follows it opens with a space.
func deEnd(s string) (int, bool) {
	if len(s) < 2 || s[0]|0x20 != 'd' {
		return 0, false
	}
	i := 0
	if r, w := utf8.DecodeRuneInString(s[1:]); r == '\'' || r == '’' || r == 'ʼ' {
		i = 1 + w
	} else if s[1]|0x20 == 'e' && len(s) > 2 && isRegexpSpace(s[2]) {
		i = 3
	} else {
		return 0, false
	}
	return regexpSpacesEnd(s, i), true
}

// infinitiveAt reports whether s opens with a bare infinitive as
// g.infinitive reads one: lower-case letters ending in -er, -ir or -re (-oir
// ends in -ir), one at least before the ending, then no letter.
func infinitiveAt(s string) bool {
	end := 0
	for end < len(s) {
		r, w := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLower(r) {
			break
		}
		end += w
	}
	if end < 3 {
		return false
	}
	switch s[end-2 : end] {
	case "er", "ir", "re":
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	return end == len(s) || !unicode.IsLetter(r)
}

// endsOnBare reports whether s ends, but for spaces and a comma,
// on « de » and an infinitive with nothing after it, itself after another
// infinitive or an adverb of g.adverbs: « de cesser de capter, »,
// « de cesser immédiatement de capter, d'enregistrer »; not « ses bulletins
// de salaire », nor « de coopérer » alone.
func (g *obligationGrammar) endsOnBare(s string) bool {
	s = strings.TrimRight(s, " \t\n\f\r,")
	verb := trailingLetters(s)
	if !infinitiveAt(verb) {
		return false
	}
	before := s[:len(s)-len(verb)]
	for _, de := range []string{"de ", "d'", "d’", "dʼ"} {
		if len(before) < len(de) || !strings.EqualFold(before[len(before)-len(de):], de) {
			continue
		}
		word := trailingLetters(strings.TrimRight(before[:len(before)-len(de)], " \t\n\f\r,"))
		return word != "" && (infinitiveAt(word) || g.adverb(word))
	}
	return false
}

// trailingLetters is the run of letters that ends s, maybe empty.
func trailingLetters(s string) string {
	i := len(s)
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= w
	}
	return s[i:]
}

// mayLead reports whether s may open with what reEnumerator and
// g.infinitive read before an infinitive: an item's number, then a negation,
// an adverb or an object pronoun (« (i) », « ne pas », « n'y », « mieux »,
// « les », « s' »).
func (g *obligationGrammar) mayLead(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c == '(' || isDigit(c) || ('a' <= c && c <= 'h' || c == 'i' || c == 'v' || c == 'x') && strings.Contains(s[:min(len(s), 5)], ")") {
		return true
	}
	for _, words := range [][]string{{"ne", "les", "leur", "lui", "se", "y", "en"}, g.adverbs} {
		for _, w := range words {
			if strings.HasPrefix(s, w) && len(s) > len(w) && isRegexpSpace(s[len(w)]) {
				return true
			}
		}
	}
	if len(s) > 1 && (s[0] == 'n' || s[0] == 's') {
		r, _ := utf8.DecodeRuneInString(s[1:])
		return r == '\'' || r == '’' || r == 'ʼ'
	}
	return false
}

// inlineObligations splits text[i:end] at each coordinated « de » +
// infinitive, but not after one with nothing after it: verbs that share the
// object of the last are one obligation (« de cesser de capter,
// d'enregistrer ou de diffuser des images »).
func (ir *injunctionRules) inlineObligations(text string, i, end int) []Clause {
	var out []Clause
	from := i
	seg := text[i:end]
	for _, m := range ir.obligation.splits(seg) {
		if m[0] == 0 || ir.obligation.endsOnBare(text[from:i+m[0]]) {
			continue
		}
		out = ir.appendClause(out, text, from, i+m[0])
		from = i + max(m[2], m[4], m[6], m[8]) // the group that matched; the others are -1
	}
	if k := strings.IndexByte(text[from:end], ';'); k >= 0 {
		end = from + k // « … de supprimer ses données ; le juge a rejeté cette demande »
	}
	return ir.appendClause(out, text, from, end)
}

// splits is g.split.FindAllStringSubmatchIndex(seg, -1), each match searched
// from where nextSplitFrom resumes after the one before.
// It tries the regexp's anchored form only where mayCoordinate finds that
// a match may open, not at each space before « en », « par » or « au ».
func (g *obligationGrammar) splits(seg string) [][]int {
	var out [][]int
	for p := 0; p < len(seg); p++ {
		if c := seg[p]; c != ',' && c != ';' && !isRegexpSpace(c) || !mayCoordinate(seg, p) {
			continue // most bytes: no match opens with a letter
		}
		if m := g.split.at.FindStringSubmatchIndex(seg[p:]); m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] += p
				}
			}
			out = append(out, m)
			p = nextSplitFrom(seg, m[1]) - 1
		}
	}
	return out
}

// nextSplitFrom is where the search for the split after one that ends at
// end resumes: on the character after the infinitive, which the split read
// to see the word end, so that the next may open on it (« de ne plus en
// collecter et de désigner »).
func nextSplitFrom(seg string, end int) int {
	if r, w := utf8.DecodeLastRuneInString(seg[:end]); !unicode.IsLetter(r) {
		return end - w
	}
	return end
}

// mayCoordinate reports whether a match of obligationGrammar.split may open at p of
// s: spaces, then a comma or semicolon and what may follow it, or « et »,
// « puis » or « ainsi » and a space; or a comma or semicolon at p.
func mayCoordinate(s string, p int) bool {
	q := regexpSpacesEnd(s, p)
	if q == len(s) {
		return false
	}
	if s[q] == ',' || s[q] == ';' {
		// then spaces and a conjunction, an item's number or « de »
		r := regexpSpacesEnd(s, q+1)
		if r == len(s) {
			return false
		}
		c := s[r]
		return c == '(' || isDigit(c) || 'a' <= c && c <= 'h' || strings.IndexByte("ivxpD", c) >= 0
	}
	if q == p {
		return false
	}
	for _, w := range []string{"et", "puis", "ainsi"} {
		if strings.HasPrefix(s[q:], w) && len(s) > q+len(w) && isRegexpSpace(s[q+len(w)]) {
			return true
		}
	}
	return false
}

// listObligations reads the list items after a colon at byte i: lines that
// are bulleted or open with an infinitive, up to the first line that is not
// an item or after an item closed by a full stop.
func (ir *injunctionRules) listObligations(text string, i int) ([]Clause, int) {
	var out []Clause
	end := i
	for pos := i; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		line := text[pos:lineEnd]
		next := lineEnd + 1
		if strings.TrimSpace(line) == "" {
			pos = next
			continue
		}
		if !ir.obligation.listItem.MatchString(line) {
			break
		}
		out = ir.appendClause(out, text, pos, lineEnd)
		end = lineEnd
		if strings.HasSuffix(strings.TrimSpace(line), ".") || len(out) == 20 {
			break
		}
		pos = next
	}
	if len(out) == 0 {
		return nil, i
	}
	return out, end
}

// appendClause adds text[start:end] trimmed of spaces, bullets, closing
// punctuation and trailing terms of the order, if anything is left.
func (ir *injunctionRules) appendClause(out []Clause, text string, start, end int) []Clause {
	end = ir.withoutTerms(text, start, end)
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) && !strings.ContainsRune("-–—•*·▪", r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",;.:", r) {
			break
		}
		end -= size
	}
	if end-start < 3 {
		return out
	}
	return append(out, Clause{Span: Span{start, end}, Text: text[start:end]})
}

// withoutTerms cuts from the end of a clause the comma-separated pieces that
// state the order's terms (« , dans un délai de deux mois, sous peine d'une
// astreinte … »), and returns the new end. A delay inside the clause, with
// what is ordered after it, stays.
func (ir *injunctionRules) withoutTerms(text string, start, end int) int {
	for {
		comma := strings.LastIndexByte(text[start:end], ',')
		if comma < 0 || !ir.terms.MatchString(text[start+comma+1:end]) {
			return end
		}
		end = start + comma
	}
}

// followups are the sentences after an order that restate its terms, up to
// two of them, as long as each names the order, its penalty or its delay,
// gives no other order (a verb trigger) and names no other organisation than
// the targets (« Le tribunal a condamné la société X à … dans un délai de
// 15 jours » is another matter).
func (ir *injunctionRules) followups(text string, toks []token, from int, entities []Entity, targets []string) []Span {
	var out []Span
	for len(out) < 2 && from < len(text) {
		s := skipWhitespace(text, from)
		e := sentenceEnd(text, s)
		if s >= e || !ir.followup.MatchString(text[s:e]) || ir.givesOrder(text, toks, s, e) || namesOther(entities, Span{s, e}, targets) {
			break
		}
		out = append(out, Span{s, e})
		from = e
	}
	return out
}

// namesOther reports whether an organisation other than the targets is named in s.
func namesOther(entities []Entity, s Span, targets []string) bool {
	for _, e := range entities {
		if e.Type == Org && s.Contains(e.Span) && !slices.Contains(targets, e.Name) {
			return true
		}
	}
	return false
}

// givesOrder reports whether the sentence text[s:e] holds a verb trigger.
// Its words are the article's, toks, within it, unless one runs over its
// bounds (a sentence cut in a word).
func (ir *injunctionRules) givesOrder(text string, toks []token, s, e int) bool {
	lo := sort.Search(len(toks), func(k int) bool { return toks[k].end > s })
	hi := sort.Search(len(toks), func(k int) bool { return toks[k].start >= e })
	words := toks[lo:hi]
	if len(words) > 0 && (words[0].start < s || words[len(words)-1].end > e) {
		words, text = tokens(text[s:e]), text[s:e]
	} else {
		text = text[:e] // the words keep their place in the article
	}
	for _, t := range ir.triggers(text, words) {
		if t.verb {
			return true
		}
	}
	return false
}

// deadlineIn is the first duration introduced as a delay (« dans un délai de
// deux mois ») and the first date introduced as a limit (« avant le 1er
// janvier 2020 »), looking through regions in order.
func (ir *injunctionRules) deadlineIn(text string, regions []Span, durations []Duration, dates []Date) *Deadline {
	// Duration and date come from the same region, the first that has either:
	// a delay and a date found apart may belong to different orders.
	for _, r := range regions {
		var d Deadline
		for _, du := range durations {
			if d.Duration == "" && r.Contains(du.Span) && ir.deadlineDuration.MatchString(text[max(r.Start, du.Start-40):du.Start]) {
				d.Duration, d.Text = du.ISO, du.Text
			}
		}
		for _, da := range dates {
			if d.Date.IsZero() && r.Contains(da.Span) && ir.deadlineDate.MatchString(text[max(r.Start, da.Start-20):da.Start]) {
				d.Date = da.Value
				if d.Text == "" {
					d.Text = da.Text
				}
			}
		}
		if d.Duration != "" || !d.Date.IsZero() {
			return &d
		}
	}
	return nil
}

// penaltyIn is the first astreinte amount with a period found in regions.
func penaltyIn(regions []Span, amounts []Amount) *Penalty {
	for _, r := range regions {
		for _, a := range amounts {
			if r.Contains(a.Span) && a.Role == RolePenaltyPayment && a.Per != PerNone {
				return &Penalty{Minor: a.Minor, Currency: a.Currency, Per: a.Per}
			}
		}
	}
	return nil
}

// mergeByTarget keeps one injunction per target: the one with the most
// obligations, completed with the deadline and penalty of the others.
func mergeByTarget(found []Injunction) []Injunction {
	var out []Injunction
	index := map[string]int{}
	for _, in := range found {
		key := strings.ToLower(in.Target)
		i, ok := index[key]
		if !ok {
			index[key] = len(out)
			out = append(out, in)
			continue
		}
		best, other := out[i], in
		if len(in.Obligations) > len(best.Obligations) {
			best, other = in, out[i]
		}
		if best.Deadline == nil {
			best.Deadline = other.Deadline
		}
		if best.Penalty == nil {
			best.Penalty = other.Penalty
		}
		if best.Authority == "" {
			best.Authority = other.Authority
		}
		out[i] = best
	}
	return out
}
