package extract

// The words around an amount: its role and period (rules/amount_roles.txt,
// rules/amount_periods.txt), and the context that makes a figure written
// without its currency a sum of money (rules/amount_context.txt).
//
// Role: a word right after the amount wins (« X d'amende »); else the nearest
// head word before it in its sentence (« une amende de X », « une astreinte de
// X »), overridden by a modifier of its clause that stands between that head
// and the amount (« des amendes allant jusqu'à X » is a ceiling, « une
// sanction dépassant X » a reference sum). An amount with no cue takes the
// role of another mention of the same sum in the text, else fine: the news
// veille reads is about sanctions.
//
// Period: words right after the amount (« par jour de retard », « /jour »)
// or an adjective right before it (« une astreinte journalière de X »); an
// astreinte with no period written is due per day, as French law sets it.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A cue is a form of a rules table with what it says.
type cue struct {
	form string // folded: lower case, ' for apostrophes, ' ' for spaces
	val  string // a Role or a Period
}

// amountCues holds the compiled cue tables.
type amountCues struct {
	before, clause, anywhere *cueSet // roles, looked for before the amount
	after                    []cue   // roles right after the amount
	later                    *cueSet // roles in the rest of the clause after it
	perAfter, perBefore      []cue   // periods
	revised, join, label     []string
	incise                   []string      // the words that open an incise (appositionStart)
	follow                   wordMap[bool] // first words allowed after an implied sum
	// the last word of the revised forms and the first of the join words,
	// to reject most figures with one lookup
	revisedEnds, joinStarts wordMap[bool]
}

// A cueSet finds the cue that ends last in a text in one backward pass:
// cues are bucketed by their first two bytes, and only those of a bucket
// are tried where the text's two bytes are its own.
type cueSet struct {
	cues []cue
	// byPair holds the indexes of the cues, in order, by their first byte
	// then their second (a cue of one byte under each second byte), nil for
	// a first byte that opens no cue
	byPair [256]*[256][]int
	maxLen int
}

func newCueSet(cues []cue) *cueSet {
	cs := &cueSet{cues: cues}
	for k, c := range cues {
		cs.maxLen = max(cs.maxLen, len(c.form))
		seconds := cs.byPair[c.form[0]]
		if seconds == nil {
			seconds = &[256][]int{}
			cs.byPair[c.form[0]] = seconds
		}
		if len(c.form) > 1 {
			seconds[c.form[1]] = append(seconds[c.form[1]], k)
			continue
		}
		for b := range seconds {
			seconds[b] = append(seconds[b], k)
		}
	}
	return cs
}

// at returns the indexes of the cues that may open at j of s, by the byte
// there and the next one (0 after the last).
func (cs *cueSet) at(s string, j int) []int {
	seconds := cs.byPair[s[j]]
	if seconds == nil {
		return nil // most bytes
	}
	b := byte(0)
	if j+1 < len(s) {
		b = s[j+1]
	}
	return seconds[b]
}

// nearest returns the role of the cue that ends last in s, and where it
// ends; of two ending at the same place, the longer wins.
func (cs *cueSet) nearest(s string) (Role, int, bool) {
	best, bestEnd, bestLen := Role(""), -1, 0
	for j := len(s) - 1; j >= 0 && j+cs.maxLen > bestEnd; j-- {
		for _, k := range cs.at(s, j) {
			c := &cs.cues[k]
			end := j + len(c.form)
			if end < bestEnd || (end == bestEnd && len(c.form) <= bestLen) || !strings.HasPrefix(s[j:], c.form) {
				continue
			}
			best, bestEnd, bestLen = Role(c.val), end, len(c.form)
		}
	}
	return best, bestEnd, bestEnd >= 0
}

// firstIn returns the role of the first cue, in their order, that s holds.
func (cs *cueSet) firstIn(s string) (Role, bool) {
	first := len(cs.cues)
	for j := 0; j < len(s) && first > 0; j++ {
		for _, k := range cs.at(s, j) {
			if k < first && strings.HasPrefix(s[j:], cs.cues[k].form) {
				first = k
			}
		}
	}
	if first == len(cs.cues) {
		return "", false
	}
	return Role(cs.cues[first].val), true
}

func compileAmountCues(r *Rules) (*amountCues, error) {
	lx := &amountCues{}
	var before, clause, anywhere, later []cue
	for _, t := range []string{"amount_roles.txt", "amount_periods.txt"} {
		for _, e := range r.Table(t) {
			pos, val, ok := strings.Cut(e.Key, " ")
			var dst *[]cue
			switch {
			case !ok:
			case t == "amount_roles.txt" && pos == "before":
				dst = &before
			case t == "amount_roles.txt" && pos == "clause":
				dst = &clause
			case t == "amount_roles.txt" && pos == "anywhere":
				dst = &anywhere
			case t == "amount_roles.txt" && pos == "after":
				dst = &lx.after
			case t == "amount_roles.txt" && pos == "later":
				dst = &later
			case t == "amount_periods.txt" && pos == "after":
				dst = &lx.perAfter
			case t == "amount_periods.txt" && pos == "before":
				dst = &lx.perBefore
			}
			if dst == nil {
				return nil, fmt.Errorf("rules %s: unknown key %q", t, e.Key)
			}
			for _, v := range e.Values {
				*dst = append(*dst, cue{foldCaseSpacesApostrophes(v), val})
			}
		}
	}
	lx.before, lx.clause, lx.anywhere, lx.later = newCueSet(before), newCueSet(clause), newCueSet(anywhere), newCueSet(later)
	for _, c := range [][]cue{lx.after, lx.perAfter, lx.perBefore} {
		sortLongestFirst(c, func(c cue) string { return c.form })
	}
	for _, v := range r.Values("amount_context.txt", "revised") {
		lx.revised = append(lx.revised, foldCaseSpacesApostrophes(v))
	}
	for _, v := range r.Values("amount_context.txt", "join") {
		lx.join = append(lx.join, foldCaseSpacesApostrophes(v))
	}
	revisedEnds, joinStarts, follow := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, w := range lx.revised {
		revisedEnds[edgeToken(w, true)] = true
	}
	for _, w := range lx.join {
		joinStarts[edgeToken(w, false)] = true
	}
	for _, v := range r.Values("amount_context.txt", "follow") {
		follow[edgeToken(foldCaseSpacesApostrophes(v), false)] = true
	}
	lx.revisedEnds, lx.joinStarts, lx.follow = newWordMap(revisedEnds), newWordMap(joinStarts), newWordMap(follow)
	lx.incise = r.Values("amount_context.txt", "incise")
	for _, v := range r.Values("amount_context.txt", "label") {
		lx.label = append(lx.label, foldCaseSpacesApostrophes(v))
	}
	if len(lx.label) == 0 || len(follow) == 0 || len(later) == 0 || len(before) == 0 || len(lx.after) == 0 || len(lx.perAfter) == 0 || len(lx.revised) == 0 || len(lx.join) == 0 {
		return nil, fmt.Errorf("rules: the amount cue tables (amount_roles.txt, amount_periods.txt, amount_context.txt) lack a key")
	}
	return lx, nil
}

// contextAmounts settles the figures written without a currency: those that
// share the unit of the amount after them, scaled figures in a sentence about
// money, and restated sums.
func (ar *amountRules) contextAmounts(text string, bare []number, found []money) []money {
	var out []money
	byStart := map[int]money{}
	for _, m := range found {
		byStart[m.Start] = m
	}
	taken := make([]bool, len(bare))
	shared := map[int]bool{} // starts of the figures that took a shared unit
	// right to left, so that « 10, 20 et 30 millions » passes the unit along
	for k := len(bare) - 1; k >= 0; k-- {
		b := bare[k]
		start, comma := ar.joinEnd(text, b.End)
		next, ok := byStart[start]
		// a comma only continues a list (« 10, 20 et 30 millions »), never
		// joins a figure to the sum after it (« En 2019, 250 000 euros »)
		if !ok || (comma && !shared[start]) || ar.labelBefore(text, b.Start) {
			continue
		}
		m, ok := sharedUnit(b, next)
		if !ok {
			continue
		}
		taken[k], shared[m.Start] = true, true
		byStart[m.Start] = m
		out = append(out, m)
	}
	all := append(append([]money(nil), found...), out...)
	for k, b := range bare {
		if taken[k] {
			continue
		}
		m, ok := ar.restated(text, b, all)
		if !ok {
			m, ok = ar.scaledInContext(text, b, all)
		}
		if ok {
			out = append(out, m)
			all = append(all, m) // « 1,5 million. Elle a été réduite à 1 million »
		}
	}
	return out
}

// joinEnd returns where the next figure starts when a join word (« et »,
// « à », « , ») follows i, or -1; comma reports a comma join.
func (ar *amountRules) joinEnd(text string, i int) (start int, comma bool) {
	j := skipSpaces(text, i)
	if j >= len(text) || !ar.cues.joinStarts.get(lowerShortWord(edgeToken(text[j:min(len(text), j+8)], false))) {
		return -1, false
	}
	s := foldCaseSpacesApostrophesAt(text, j, 8)
	for _, w := range ar.cues.join {
		if !strings.HasPrefix(s, w) {
			continue
		}
		end := foldedLen(text, j, w)
		if wordChar(w[len(w)-1]) && letterAt(text, end) {
			continue
		}
		return skipSpaces(text, end), w == ","
	}
	return -1, false
}

// sharedUnit gives the figure b the currency of the amount next after it, and
// its scale when b has none (« 60 et 40 millions d'euros »).
func sharedUnit(b number, next money) (money, bool) {
	v := b.value
	if !b.scaled && next.factor > 1 {
		var ok bool
		if v, ok = v.mul(next.factor); !ok {
			return money{}, false
		}
	}
	minor, ok := v.hundredths()
	if !ok || minor <= 0 {
		return money{}, false
	}
	return money{Amount: Amount{Span: b.Span, Minor: minor, Currency: next.Currency}, factor: max(b.factor, next.factor)}, true
}

// scaledInContext makes an amount of a scaled figure (« 2,25 millions ») that
// does not say what it counts, in a sentence that names a sanction (before
// it, or a fine after it) or follows a sum of money.
func (ar *amountRules) scaledInContext(text string, b number, all []money) (money, bool) {
	if !b.scaled || b.value.units <= 0 {
		return money{}, false
	}
	if j := skipSpaces(text, b.End); !ar.implied(text, b.End) || deAfter(text, j) != j {
		return money{}, false // « 2,5 millions de comptes »
	}
	sent := sentenceStart(text, b.Start)
	cur := ""
	if p, ok := previousMoney(all, previousSentence(text, sent), b.Start); ok {
		cur = p.Currency
	} else if _, ok := ar.headCue(text, sent, b.Start); ok {
		cur = "EUR"
	} else if r, ok := ar.headCue(text, b.End, sentenceEnd(text, b.End)); ok && (r == RoleFine || r == RolePenaltyLiquidation) {
		cur = "EUR" // « De 32 millions, l'amende a été ramenée à 15. »
	} else {
		return money{}, false
	}
	minor, ok := b.value.hundredths()
	if !ok {
		return money{}, false
	}
	return money{Amount: Amount{Span: b.Span, Minor: minor, Currency: cur}, factor: b.factor}, true
}

// restated makes an amount of a bare figure right after a word that restates
// a sum (« ramenée à 15 »), with the scale and currency of the last amount of
// its sentence or the one before.
func (ar *amountRules) restated(text string, b number, all []money) (money, bool) {
	if b.value.units <= 0 || !ar.implied(text, b.End) || !ar.revisedBefore(text, b.Start) {
		return money{}, false
	}
	p, ok := previousMoney(all, previousSentence(text, sentenceStart(text, b.Start)), b.Start)
	if !ok {
		return money{}, false
	}
	v, factor := b.value, b.factor
	if !b.scaled && p.factor > 1 {
		if v, ok = v.mul(p.factor); !ok {
			return money{}, false
		}
		factor = p.factor
	}
	minor, ok := v.hundredths()
	if !ok {
		return money{}, false
	}
	return money{Amount: Amount{Span: b.Span, Minor: minor, Currency: p.Currency}, factor: factor}, true
}

// implied reports whether a figure ending at i may be a sum whose currency
// is implied: punctuation, the end, or a word of the follow list comes next,
// not what it counts (« 20 mille personnes », « réduite à 15 ans »).
func (ar *amountRules) implied(text string, i int) bool {
	j := skipSpaces(text, i)
	if !letterAt(text, j) {
		return true
	}
	w, _ := wordAt(text, j)
	return ar.cues.follow.get(lowerShortWord(w))
}

// revisedBefore reports whether a restating word ends right before i.
func (ar *amountRules) revisedBefore(text string, i int) bool {
	lo := max(0, i-24)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	s := text[lo:max(lo, skipSpacesBack(text, i))]
	if s == "" || !ar.cues.revisedEnds.get(lowerShortWord(edgeToken(s, true))) {
		return false
	}
	s = foldCaseSpacesApostrophes(s)
	for _, w := range ar.cues.revised {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// labelBefore reports whether a label word (a month, « article », « n° »)
// stands right before i, making the figure there a date or a reference.
func (ar *amountRules) labelBefore(text string, i int) bool {
	lo := max(0, i-16)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	s := strings.TrimRight(foldCaseSpacesApostrophes(text[lo:i]), " ")
	for _, w := range ar.cues.label {
		if strings.HasSuffix(s, w) && (len(s) == len(w) || !unicode.IsLetter(lastRune(s[:len(s)-len(w)]))) {
			return true
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// previousMoney returns the last amount in [from, to).
func previousMoney(all []money, from, to int) (money, bool) {
	return lastBefore(all, to, func(m money) bool { return m.Start >= from })
}

// headCue returns the role of the nearest head word in text[from:to]; of two
// ending at the same place, the longer wins. pos is where it ends.
func (ar *amountRules) headCue(text string, from, to int) (Role, bool) {
	r, _, ok := ar.cues.before.nearest(foldCaseSpacesApostrophes(text[from:to]))
	return r, ok
}

// assignRoles sets the period and role of every amount.
func (ar *amountRules) assignRoles(text string, amounts []Amount) {
	type sum struct {
		minor    int64
		currency string
		per      Period
	}
	roles := map[sum]Role{}      // the role a cue gave to the first mention of a sum
	liquidated := map[sum]bool{} // sums named a liquidated astreinte somewhere
	cued := make([]bool, len(amounts))
	for k := range amounts {
		a := &amounts[k]
		sent := sentenceStart(text, a.Start)
		next := len(text)
		if k+1 < len(amounts) {
			next = amounts[k+1].Start
		}
		window := foldCaseSpacesApostrophes(text[sent:a.Start]) // the sentence up to the amount, folded
		a.Per = ar.periodOf(text, window, a)
		a.Role, cued[k] = ar.roleOf(text, sent, window, next, a)
		if a.Role == RolePenaltyLiquidation && a.Per != PerNone {
			// « liquidé l'astreinte de X par jour »: a rate is the astreinte
			// itself, the liquidated sum is a total
			a.Role = RolePenaltyPayment
		}
		key := sum{a.Minor, a.Currency, a.Per}
		if _, seen := roles[key]; cued[k] && !seen {
			roles[key] = a.Role
		}
		liquidated[key] = liquidated[key] || a.Role == RolePenaltyLiquidation
	}
	for k := range amounts {
		a := &amounts[k]
		key := sum{a.Minor, a.Currency, a.Per}
		switch {
		case !cued[k]:
			// another mention of the same sum says what it is, else the news
			// veille reads is about sanctions
			a.Role = RoleFine
			if r, ok := roles[key]; ok {
				a.Role = r
			}
		case a.Role == RoleFine && liquidated[key]:
			// a liquidated astreinte is loosely called « amende » elsewhere
			a.Role = RolePenaltyLiquidation
		}
		// An astreinte is due per day unless the text gives another unit
		// (« par semestre de retard », « par infraction constatée »).
		if a.Role == RolePenaltyPayment && a.Per == PerNone && !otherUnit.MatchString(text[a.End:min(len(text), a.End+40)]) {
			a.Per = PerDay
		}
	}
}

// otherUnit matches, right after an amount, a unit that periodOf does not
// know (« par semestre », « / trimestre », « pour chaque infraction »).
var otherUnit = regexp.MustCompile(`^` + reSpace + `*(?:par|pour` + reSpace + `+chaque|/)` + reSpace + `*\p{L}`)

// periodOf reads the period right after the amount, or right before it at
// the end of window, its sentence up to it folded.
func (ar *amountRules) periodOf(text, window string, a *Amount) Period {
	j := skipSpaces(text, a.End)
	s := foldCaseSpacesApostrophesAt(text, j, 32)
	for _, c := range ar.cues.perAfter {
		if strings.HasPrefix(s, c.form) {
			return Period(c.val)
		}
	}
	before := strings.TrimRight(window, " ")
	for _, c := range ar.cues.perBefore {
		if strings.HasSuffix(before, c.form) {
			return Period(c.val)
		}
	}
	return PerNone
}

// roleOf reads the role of an amount from the words around it, window being
// its sentence from sent up to it folded; cued is false when no word says it.
func (ar *amountRules) roleOf(text string, sent int, window string, next int, a *Amount) (Role, bool) {
	// offsets in the folded window: folding maps each rune on its own
	clause := foldedPrefixLen(window, text[sent:clauseStart(text, sent, a.Start)])
	head, _, ok := ar.afterCue(text, a.End, next)
	headEnd := clause // « encourt jusqu'à X d'amende »: the whole clause
	if !ok {
		head, headEnd, ok = ar.cues.before.nearest(window)
	}
	if ok && head == RoleTurnover && shareOfTurnover.MatchString(window) {
		// « 4 % du chiffre d'affaires, soit 22 millions »: the amount is a share
		// of the turnover, a sanction or its cap, not the turnover itself.
		if _, _, capped := ar.cues.anywhere.nearest(window); capped {
			return RoleCeiling, true
		}
		return RoleFine, true
	}
	// a modifier counts after the head word, or anywhere in the clause when none
	from := max(clause, headEnd)
	if !ok {
		from = clause
	}
	if from <= len(window) {
		if r, _, mod := ar.cues.clause.nearest(window[from:]); mod && (!ok || overridable(head, r)) {
			return r, true
		}
	}
	if clause <= len(window) {
		from := foldedPrefixLen(window, text[sent:ar.appositionStart(text, sent, a.Start)])
		if r, _, mod := ar.cues.anywhere.nearest(window[from:]); mod && (!ok || overridable(head, r)) {
			return r, true
		}
	}
	return head, ok
}

// appositionStart is where the clause of an amount at i starts for the
// modifiers that may stand anywhere in it. An amount that opens its clause
// right after a comma stands in apposition to the comma piece before it
// when that holds no figure, and to the one before that too when the first
// is an incise (cues.incise): « le plafond légal, 300 000 euros », « une
// amende qui peut atteindre, pour une entreprise, 20 millions d'euros » are
// ceilings, but not the second sum of « le plafond est de 20 M€, 50 000 € ont
// été infligés », nor « Très en dessous du maximum encouru, l'amende retenue,
// 50 000 euros ».
func (ar *amountRules) appositionStart(text string, sent, i int) int {
	start := clauseStart(text, sent, i)
	if strings.TrimSpace(text[start:i]) != "" {
		return start
	}
	for k := 0; k < 2 && start > sent && text[start-1] == ','; k++ {
		prev := clauseStart(text, sent, start-1)
		if strings.IndexFunc(text[prev:start-1], unicode.IsDigit) >= 0 {
			break
		}
		start = prev
		if first, _ := wordAt(text, skipSpaces(text, prev)); !slices.Contains(ar.cues.incise, strings.ToLower(first)) {
			break // a piece that is no incise: the apposition goes no further
		}
	}
	return start
}

// shareOfTurnover matches a folded sentence up to an amount that restates a
// percentage of a turnover (« 4 % du chiffre d'affaires annuel, soit ») or
// stands as its alternative (« 4 % du chiffre d'affaires mondial ou »).
var shareOfTurnover = regexp.MustCompile(`%\s*(?:du|de\s+son|de\s+leur)\s+chiffres?\s+d'affaires[^.;%]*\b(?:soit|ou)\s+(?:environ\s+|près\s+de\s+|plus\s+de\s+|jusqu'(?:à|au)\s+)?$`)

// afterCue reads the role word right after an amount ending at i
// (« X d'amende »), or later in its clause (« X … au titre des dommages »)
// and before the next amount, which starts at next.
func (ar *amountRules) afterCue(text string, i, next int) (Role, int, bool) {
	s := foldCaseSpacesApostrophesAt(text, skipSpaces(text, i), 40)
	for _, c := range ar.cues.after {
		if strings.HasPrefix(s, c.form) {
			return Role(c.val), 0, true
		}
	}
	lim := min(next, i+160)
	for lim > i && lim < len(text) && !utf8.RuneStart(text[lim]) {
		lim--
	}
	r, ok := ar.cues.later.firstIn(foldCaseSpacesApostrophes(clauseHead(text[i:lim])))
	return r, 0, ok
}

// clauseHead returns s up to the end of its clause, but not at the dot of
// « l. 761-1 ». Folding keeps the marks and the letters it reads where they
// are: the head of a folded text is the folded head.
func clauseHead(s string) string {
	for k := 0; k < len(s); k++ {
		if clauseEnds[s[k]] && !(s[k] == '.' && k >= 1 && letterBefore(s, k) && !letterBefore(s, k-1)) {
			return s[:k]
		}
	}
	return s
}

// clauseEnds holds the bytes that end the head of a clause: , ; . : ( ! ? | and a new line.
var clauseEnds = [256]bool{',': true, ';': true, '.': true, ':': true, '(': true, '!': true, '?': true, '|': true, '\n': true}

// overridable reports whether a clause modifier of role mod replaces the
// role of the head word: a ceiling or a reference sum qualifies a sanction,
// never a turnover or damages.
func overridable(head, mod Role) bool {
	switch head {
	case RoleFine, RolePenaltyPayment, RoleCeiling:
		return true
	case RoleOther:
		return mod == RoleCeiling
	}
	return false
}
