package extract

// Money amounts: a number (numbers.go) with a currency after it (« 310 000 € »,
// « 5,2 millions d'euros », « 20 M€ », « 50 cents ») or a symbol or ISO code
// before it (« € 310 000 », « EUR 1000 », « $ 75 millions »). A figure without
// its currency is money only where the text makes it certain:
//
//   - it shares the unit of the amount right after it: « 60 et 40 millions
//     d'euros », « de 100 à 500 euros », « respectivement 76 millions et
//     63 millions d'euros »;
//   - it is a scaled figure (« 60 millions ») not followed by what it counts
//     (« 2,5 millions de comptes »), in a sentence that names a sanction or
//     follows a sum of money: « une amende de 2,25 millions »;
//   - it restates a sum of the sentence before: « ramenée à 15 » after
//     « 32 millions d'euros » keeps its scale and currency.
//
// Role and period come from the words around each amount (amount_cues.go).
// Currency names are rules/currencies.txt and rules/currency_minor.txt.
//
// Amount.Minor counts hundredths of the currency's major unit for every
// currency, the yen included, so that Amount.Value (Minor/100) holds for all;
// a sum in coins (« 50 cents ») is that many hundredths of its currency, and
// finer decimals (« 12,345 $ ») are rounded to the hundredth.

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// amountRules are the compiled tables of the amount finder: numbers,
// currencies and the cue words of roles and periods.
type amountRules struct {
	num *numberLexicon
	// currencyStarts holds the currency forms, longest first, by their first
	// word (or symbol): a form matches only where the text's first word is
	// its own, so most words are rejected by one lookup, and the others try
	// a few forms. currencyEnds holds the forms that may stand before a
	// number by their last word (or symbol).
	currencyStarts, currencyEnds wordMap[[]currencyForm]
	cues                         *amountCues
}

func compileAmounts(r *Rules, num *numberLexicon) (*amountRules, error) {
	cues, err := compileAmountCues(r)
	if err != nil {
		return nil, err
	}
	ar := &amountRules{num: num, cues: cues}
	ar.currencyStarts, ar.currencyEnds = currencyEdges(compileCurrencies(r))
	return ar, nil
}

// find returns the sums of money in text, with their value, currency,
// period and role, sorted by Start, overlaps resolved; nums are its numbers.
func (ar *amountRules) find(text string, nums numberPass) []Amount {
	var found []money
	bare := make([]number, 0, len(nums.numbers)) // figures without a currency, settled by context: most
	end := 0
	for _, n := range nums.numbers {
		if n.Start < end {
			continue // inside the amount before (« 15 dollars et 15 cents »)
		}
		if a, ok := ar.moneyAt(text, n); ok {
			found = append(found, a)
			end = a.End
			continue
		}
		if !letterAt(text, n.End) {
			bare = append(bare, n)
		}
	}
	found = ResolveOverlaps(append(found, ar.contextAmounts(text, bare, found)...))
	out := make([]Amount, 0, len(found))
	for _, m := range found {
		if !m.Valid(text) {
			continue // a match cut inside bytes that are not UTF-8
		}
		m.Text = text[m.Start:m.End]
		out = append(out, m.Amount)
	}
	ar.assignRoles(text, out)
	return out
}

// money is an amount while it is being found: factor is the scale written
// with it (« millions »: 1e6; 0 when none), which a figure sharing its unit
// takes too (« 60 et 40 millions »).
type money struct {
	Amount
	factor int64
}

// A currencyForm is one way of writing a currency.
type currencyForm struct {
	form   string // lower case, spaces as ' '
	code   string
	minor  bool // a hundredth of the currency (« cents »)
	prefix bool // may stand before the number (a symbol or the ISO code)
}

func currencyEdges(forms []currencyForm) (starts, ends wordMap[[]currencyForm]) {
	s, e := map[string][]currencyForm{}, map[string][]currencyForm{}
	for _, c := range forms {
		k := edgeToken(c.form, false)
		s[k] = append(s[k], c)
		if c.prefix {
			k := edgeToken(c.form, true)
			e[k] = append(e[k], c)
		}
	}
	return newWordMap(s), newWordMap(e)
}

// edgeToken returns the first (or last) token of a folded form: its leading
// (trailing) letters, or else its first (last) rune.
func edgeToken(s string, last bool) string {
	if last {
		j := len(s)
		for j > 0 && letterBefore(s, j) {
			_, n := utf8.DecodeLastRuneInString(s[:j])
			j -= n
		}
		if j == len(s) {
			_, n := utf8.DecodeLastRuneInString(s)
			j -= n
		}
		return s[j:]
	}
	w, end := wordAt(s, 0)
	if end == 0 {
		_, n := utf8.DecodeRuneInString(s)
		return s[:n]
	}
	return w
}

// compileCurrencies reads the forms of rules/currencies.txt and
// rules/currency_minor.txt, longest first.
func compileCurrencies(r *Rules) []currencyForm {
	var forms []currencyForm
	for _, t := range []string{"currencies.txt", "currency_minor.txt"} {
		for _, e := range r.Table(t) {
			for _, v := range e.Values {
				f := strings.ToLower(v)
				forms = append(forms, currencyForm{form: f, code: e.Key, minor: t == "currency_minor.txt",
					prefix: t == "currencies.txt" && (f == strings.ToLower(e.Key) || strings.ContainsAny(f, "$€£¥₹₽"))})
			}
		}
	}
	sortLongestFirst(forms, func(c currencyForm) string { return c.form })
	return forms
}

// sortLongestFirst orders forms so that the longest match is tried first.
func sortLongestFirst[T any](s []T, form func(T) string) {
	sort.SliceStable(s, func(i, j int) bool { return len(form(s[i])) > len(form(s[j])) })
}

// currencyAt matches a currency form at i; end is its end in text.
func (ar *amountRules) currencyAt(text string, i int) (currencyForm, int, bool) {
	if i >= len(text) {
		return currencyForm{}, i, false
	}
	forms := ar.currencyStarts.get(lowerShortWord(edgeToken(text[i:min(len(text), i+24)], false)))
	if len(forms) == 0 {
		return currencyForm{}, i, false
	}
	s := foldCaseSpacesApostrophesAt(text, i, 40)
	for _, c := range forms {
		if strings.HasPrefix(s, c.form) {
			end := foldedLen(text, i, c.form)
			if wordChar(c.form[len(c.form)-1]) && (letterAt(text, end) || isApostrophe(text, end)) {
				continue
			}
			return c, end, true
		}
	}
	return currencyForm{}, i, false
}

// currencyBefore matches a symbol or ISO code ending (before spaces) at i.
func (ar *amountRules) currencyBefore(text string, i int) (currencyForm, int, bool) {
	j := skipSpacesBack(text, i)
	lo := max(0, j-12)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	if j == 0 {
		return currencyForm{}, i, false
	}
	forms := ar.currencyEnds.get(lowerShortWord(edgeToken(text[lo:j], true)))
	if len(forms) == 0 {
		return currencyForm{}, i, false
	}
	s := foldCaseSpacesApostrophes(text[lo:j])
	for _, c := range forms {
		if !strings.HasSuffix(s, c.form) {
			continue
		}
		start := j - len(foldedTail(text[lo:j], c.form))
		if wordChar(c.form[0]) && letterBefore(text, start) {
			continue
		}
		return c, start, true
	}
	return currencyForm{}, i, false
}

func wordChar(b byte) bool { return b >= 'a' && b <= 'z' || b >= 0x80 }

func isApostrophe(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == '\'' || r == '’' || r == 'ʼ'
}

// deAfter skips « de » or « d' » at i, as in « millions d'euros ».
func deAfter(text string, i int) int {
	s := foldCaseSpacesApostrophesAt(text, i, 4)
	switch {
	case strings.HasPrefix(s, "de "):
		return skipSpaces(text, i+2)
	case strings.HasPrefix(s, "d'"):
		return foldedLen(text, i, "d'")
	}
	return i
}

// moneyAt makes an amount of n when a currency is written with it.
func (ar *amountRules) moneyAt(text string, n number) (money, bool) {
	a := money{Amount: Amount{Span: n.Span}, factor: n.factor}
	if n.currency != "" {
		a.Currency = n.currency
	} else if c, end, ok := ar.currencyAfter(text, n); ok {
		a.Currency, a.End = c.code, end
		if c.minor {
			// a coin is a hundredth of its currency; Minor holds whole cents
			a.Minor = n.value.rounded()
			return a, a.Minor >= 0
		}
	} else if c, start, ok := ar.currencyBefore(text, n.Start); ok && !c.minor {
		a.Currency, a.Start = c.code, start
		// « $ 75 millions » : the scale word may come after the figure
	} else {
		return a, false
	}
	minor, ok := n.value.hundredths()
	if !ok || minor < 0 {
		return a, false
	}
	a.Minor = minor
	if cents, end, ok := ar.centsAfter(text, a.End, a.Currency); ok {
		a.Minor += cents
		a.End = end
	}
	return a, true
}

// currencyAfter matches the currency written after n: « € », « euros »,
// « d'euros » after a scale noun (« millions d'euros »), « de $ ».
func (ar *amountRules) currencyAfter(text string, n number) (currencyForm, int, bool) {
	j := skipSpaces(text, n.End)
	j = ar.skipRestated(text, n, j)
	if c, end, ok := ar.currencyAt(text, j); ok {
		return c, end, true
	}
	if n.scaleEnd || n.scaled {
		if k := deAfter(text, j); k != j {
			if c, end, ok := ar.currencyAt(text, k); ok {
				return c, end, true
			}
		}
	}
	return currencyForm{}, n.End, false
}

// skipRestated returns where the text goes on after the same figure restated
// in brackets at j, as decisions write their sums (« 75 000 (soixante-quinze
// mille) euros »), so that the currency after it is the figure's; else j.
func (ar *amountRules) skipRestated(text string, n number, j int) int {
	if j >= len(text) || text[j] != '(' {
		return j
	}
	k := skipSpaces(text, j+1)
	if k >= len(text) || !numberStart(text, k, false) {
		return j
	}
	m, ok := ar.num.numberAt(text, k, centInWords)
	if !ok || m.words == n.words {
		return j
	}
	close := skipSpaces(text, m.End)
	if close >= len(text) || text[close] != ')' {
		return j
	}
	want, ok1 := n.value.hundredths()
	got, ok2 := m.value.hundredths()
	if !ok1 || !ok2 || want != got {
		return j
	}
	return skipSpaces(text, close+1)
}

// centsAfter reads the cents after a sum in a major unit: « 15 dollars et
// 15 cents », « treize euros et quarante-cinq cents », « 15 dollars et 15 »,
// « 15 dollars 50 ».
func (ar *amountRules) centsAfter(text string, i int, code string) (int64, int, bool) {
	j := skipSpaces(text, i)
	if strings.HasPrefix(foldCaseSpacesApostrophesAt(text, j, 3), "et ") {
		j = skipSpaces(text, j+2)
	} else if j == i {
		return 0, i, false
	}
	if j >= len(text) || !numberStart(text, j, false) {
		return 0, i, false
	}
	n, ok := ar.num.numberAt(text, j, 0)
	if !ok || n.scaled || n.value.places != 0 || n.value.units <= 0 || n.value.units >= 100 {
		return 0, i, false
	}
	k := skipSpaces(text, n.End)
	if c, end, ok := ar.currencyAt(text, k); ok {
		if c.minor {
			return n.value.units, end, true
		}
		return 0, i, false
	}
	// a bare figure of two digits: « 15 dollars 50 », « 15 dollars et 15. »;
	// not the day of a date in the next cell of a table (« 1,6 M€ 14/03/2023 »)
	if n.words || n.Len() != 2 || letterAt(text, k) || (k < len(text) && isDigit(text[k])) ||
		k+1 < len(text) && strings.IndexByte("/.-", text[k]) >= 0 && isDigit(text[k+1]) {
		return 0, i, false
	}
	return n.value.units, n.End, true
}
