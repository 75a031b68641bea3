package extract

// French numbers as news text writes them, shared by amounts and durations.
//
// In digits: thousands separated by one space (ASCII, U+00A0, U+202F, U+2009)
// or a dot, only between groups of exactly three digits (« 100 000 »,
// « 2.250.000 »); a decimal comma (« 5,2 », « ,08 »); a dot followed by
// anything but three digits is a decimal point (« 3.5 millions »).
// A scale word or symbol may follow, glued or after a space (« 5,2 millions »,
// « 800 k€ », « 10k »), and « et demi » after a scale word adds half of it.
//
// In words: groups of up to three digits (« quatre-vingt-dix-neuf », « cinq
// cent trente cinq ») closed by « mille », « million(s) », « milliard(s) »…
// (« un million cinq cent mille »), with « demi » before a scale
// (« un demi-milliard ») and « et demi » after one; « virgule » starts
// decimals (« deux cent virgule trois »). A word that breaks the grammar of
// French numerals ends the number, so « huit sur cinq » is two numbers.
// The word lists are rules/number_words.txt and rules/number_scales.txt.

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A decimal is an exact decimal number, units / 10^places: money is never a float.
type decimal struct {
	units  int64
	places int
}

// maxUnits bounds decimal units so that products stay in int64.
const maxUnits = math.MaxInt64 / 10

// mul multiplies d by n; ok is false on overflow.
func (d decimal) mul(n int64) (decimal, bool) {
	for d.places > 0 && n%10 == 0 {
		n /= 10
		d.places--
	}
	if n != 0 && (d.units > math.MaxInt64/n || d.units < math.MinInt64/n) {
		return d, false
	}
	d.units *= n
	return d, true
}

// add returns d + e; ok is false on overflow.
func (d decimal) add(e decimal) (decimal, bool) {
	for d.places < e.places {
		if d.units > maxUnits || d.units < -maxUnits {
			return d, false
		}
		d.units *= 10
		d.places++
	}
	for e.places < d.places {
		if e.units > maxUnits || e.units < -maxUnits {
			return d, false
		}
		e.units *= 10
		e.places++
	}
	if (e.units > 0 && d.units > math.MaxInt64-e.units) || (e.units < 0 && d.units < math.MinInt64-e.units) {
		return d, false
	}
	d.units += e.units
	return d, true
}

// hundredths returns d × 100 rounded half away from zero: the minor units of
// a currency with cents.
func (d decimal) hundredths() (int64, bool) {
	if d.places > 2 {
		d.places -= 2
		return d.rounded(), true
	}
	v, ok := d.mul(100) // exact: mul removes the places first
	return v.units, ok
}

// rounded returns d rounded half away from zero to an integer.
func (d decimal) rounded() int64 {
	if d.places == 0 {
		return d.units
	}
	v := d.units
	for p := d.places; p > 1; p-- {
		v /= 10
	}
	r := v / 10
	if v%10 >= 5 {
		r++
	} else if v%10 <= -5 {
		r--
	}
	return r
}

// String writes d in French notation, with a decimal comma: "5,2", "1000".
func (d decimal) String() string {
	s := strconv.FormatInt(d.units, 10)
	if d.places == 0 {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for len(s) <= d.places {
		s = "0" + s
	}
	s = s[:len(s)-d.places] + "," + strings.TrimRight(s[len(s)-d.places:], "0")
	s = strings.TrimSuffix(s, ",")
	if neg {
		s = "-" + s
	}
	return s
}

// A number is a figure found in the text.
type number struct {
	Span
	value    decimal
	words    bool   // written in words (« deux millions »)
	scaled   bool   // followed by a scale word or symbol (« millions », « k »)
	scaleEnd bool   // ends with a scale noun that takes « de » (« millions »)
	factor   int64  // the multiplier of the scale word or symbol, 0 when none
	currency string // set when a symbol gave the currency too (« 20 ME »)
	english  bool   // written with a decimal point, so an English scale word keeps its English value
}

// numberLexicon holds the parsed word lists of the number parser.
type numberLexicon struct {
	words      wordMap[int64]   // number word -> value
	scaleWords map[string]int64 // words that may follow digits -> multiplier
	symbols    []scaleSymbol    // longest first
	dozen      map[string]bool
	half       wordMap[bool]
	negative   map[string]bool
	singular   map[string]bool // the articles before a scale noun that make it one (« le milliard »)
	shapes     *wordShapes     // the shapes of the number words and of half
	decimal    map[string]bool
	english    map[string]int64 // scale words whose English value differs, after a figure with a decimal point
	// opener holds the number words and halves folded (see foldCaseAccents),
	// which a token's folded form must be to open a number; openerShapes
	// their shapes, which rule out most tokens at one look
	opener       wordMap[bool]
	openerShapes *wordShapes
	// symbolFirst holds the first bytes of the symbols, and scaleShapes the
	// shapes of the words that may scale a figure (see withScale)
	symbolFirst [256]bool
	scaleShapes *wordShapes
	// numeralShapes holds the shapes of the words that a number in words
	// reads: number words, halves, dozens, the decimal word and « et »
	numeralShapes *wordShapes
}

// A scaleSymbol multiplies the number before it (« k », « M€ »).
type scaleSymbol struct {
	form     string
	factor   int64
	currency string
}

// compileNumbers compiles the number tables of r.
func compileNumbers(r *Rules) (*numberLexicon, error) {
	words, half := map[string]int64{}, map[string]bool{}
	lx := &numberLexicon{scaleWords: map[string]int64{},
		dozen: map[string]bool{}, negative: map[string]bool{}, singular: map[string]bool{}, decimal: map[string]bool{},
		english: map[string]int64{}, shapes: &wordShapes{}, openerShapes: &wordShapes{}}
	for _, e := range r.Table("number_words.txt") {
		v, err := strconv.ParseInt(e.Key, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("rules number_words.txt: bad value %q", e.Key)
		}
		for _, w := range e.Values {
			if len(w) > maxLexiconWord {
				return nil, fmt.Errorf("rules number_words.txt: word too long: %q", w)
			}
			words[w] = v
		}
	}
	for _, e := range r.Table("number_scales.txt") {
		f := strings.Fields(e.Key)
		switch {
		case f[0] == "word":
			for _, w := range e.Values {
				v, ok := words[w]
				if !ok {
					return nil, fmt.Errorf("rules number_scales.txt: scale word %q is not in number_words.txt", w)
				}
				lx.scaleWords[w] = v
			}
		case f[0] == "symbol" && (len(f) == 2 || len(f) == 3):
			v, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("rules number_scales.txt: bad factor %q", f[1])
			}
			cur := ""
			if len(f) == 3 {
				cur = f[2]
			}
			for _, s := range e.Values {
				lx.symbols = append(lx.symbols, scaleSymbol{s, v, cur})
			}
		case f[0] == "dozen":
			setAll(lx.dozen, e.Values)
		case f[0] == "half":
			setAll(half, e.Values)
		case f[0] == "negative":
			setAll(lx.negative, e.Values)
		case f[0] == "singular":
			setAll(lx.singular, e.Values)
		case f[0] == "decimal":
			setAll(lx.decimal, e.Values)
		case f[0] == "english" && len(f) == 2:
			v, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("rules number_scales.txt: bad factor %q", f[1])
			}
			for _, w := range e.Values {
				lx.english[w] = v
			}
		default:
			return nil, fmt.Errorf("rules number_scales.txt: unknown key %q", e.Key)
		}
	}
	sortLongestFirst(lx.symbols, func(s scaleSymbol) string { return s.form })
	lx.words, lx.half = newWordMap(words), newWordMap(half)
	lx.scaleEdges()
	lx.openers()
	return lx, nil
}

// scaleEdges fills symbolFirst, scaleShapes and numeralShapes from the tables.
func (lx *numberLexicon) scaleEdges() {
	for _, s := range lx.symbols {
		lx.symbolFirst[s.form[0]] = true
	}
	lx.scaleShapes = &wordShapes{}
	for w := range lx.scaleWords {
		lx.scaleShapes.add(w)
	}
	for w := range lx.dozen {
		lx.scaleShapes.add(w)
	}
	for w, v := range lx.words.all() {
		if v == 100 { // « cent » after a figure, in centAfterDigits
			lx.scaleShapes.add(w)
		}
	}
	lx.numeralShapes = &wordShapes{}
	for w := range lx.half.all() {
		lx.numeralShapes.add(w)
	}
	for _, m := range []map[string]bool{lx.dozen, lx.decimal, {"et": true}} {
		for w := range m {
			lx.numeralShapes.add(w)
		}
	}
	for w := range lx.words.all() {
		lx.numeralShapes.add(w)
	}
}

// openers fills the shapes and folded forms of the words that open a
// number in words: the number words and the halves.
func (lx *numberLexicon) openers() {
	folded := map[string]bool{}
	for w := range lx.words.all() {
		lx.addOpener(w, folded)
	}
	for w := range lx.half.all() {
		lx.addOpener(w, folded)
	}
	lx.opener = newWordMap(folded)
}

// addOpener adds w, a word that opens a number in words, to the shapes of
// the openers and its folded form to folded.
func (lx *numberLexicon) addOpener(w string, folded map[string]bool) {
	lx.shapes.add(w)
	f := foldCaseAccents(w)
	folded[f] = true
	lx.openerShapes.add(f)
}

func setAll(m map[string]bool, vals []string) {
	for _, v := range vals {
		m[v] = true
	}
}

// isHSpace reports whether r is a horizontal space, as reSpace matches.
func isHSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// skipSpacesBack returns the index before the horizontal spaces that end at i.
func skipSpacesBack(text string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !isHSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// skipSpaces returns the index after the horizontal spaces at i.
func skipSpaces(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isHSpace(r) {
			break
		}
		i += n
	}
	return i
}

// hyphenOrSpaces skips the spaces, or one hyphen, between a number and its unit.
func hyphenOrSpaces(text string, j int) int {
	if j < len(text) && text[j] == '-' {
		return j + 1
	}
	k := skipSpaces(text, j)
	if k < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[k:]); r == '-' {
			return k + 1
		}
	}
	return k
}

// wordAt returns the word (letters only) starting at i and its end.
func wordAt(text string, i int) (string, int) {
	j := i
	for j < len(text) {
		if c := text[j]; isASCIILetter(c) {
			j++
			continue
		} else if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[i:j], j
}

// letterAt reports whether a letter starts at i.
func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// letterBefore reports whether a letter ends at i.
func letterBefore(text string, i int) bool {
	if i <= 0 {
		return false
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

// isASCIILetter reports whether c is an ASCII letter: setting bit 5 lowers
// a capital and moves no other byte into a to z.
func isASCIILetter(c byte) bool { return (c|0x20)-'a' < 26 }

// A numberMode says where « cent(s) » counts hundreds. Money reads it as a
// coin after a figure (« 50 cents ») and after a currency (« 15 dollars et
// 15 cents »), but as hundreds in words (« cinq cents euros »).
type numberMode uint8

const (
	centInWords     numberMode = 1 << iota // « trois cents »
	centAfterDigits                        // « 322 cents », an old way of counting hundreds
)

// numberAt reads a number starting exactly at i, in digits or in words.
func (lx *numberLexicon) numberAt(text string, i int, mode numberMode) (number, bool) {
	if i >= len(text) {
		return number{}, false
	}
	if isDigit(text[i]) || (text[i] == ',' && i+1 < len(text) && isDigit(text[i+1])) {
		return lx.digitsAt(text, i, mode)
	}
	return lx.wordsAt(text, i, mode)
}

// digitsAt reads a figure in digits at i, then its scale.
func (lx *numberLexicon) digitsAt(text string, i int, mode numberMode) (number, bool) {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	intLen := j - i
	grouped := false
	if intLen > 0 && intLen <= 3 {
		j, grouped = thousandsGroups(text, j)
	}
	digits := text[i:j] // with the separators of its groups
	var frac string
	point := false // a decimal point: a figure written the English way
	switch {
	case j+1 < len(text) && text[j] == ',' && isDigit(text[j+1]):
		k := j + 1
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		frac, j = text[j+1:k], k
	case !grouped && intLen > 0 && decimalPointAt(text, i, j):
		k := j + 1
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		frac, j = text[j+1:k], k
		point = true
	}
	u, count := appendDigits(0, 0, digits)
	u, count = appendDigits(u, count, frac)
	if count > 18 || count == 0 {
		return number{}, false
	}
	n := number{Span: Span{i, j}, value: decimal{u, len(frac)}, english: point}
	return lx.withScale(text, n, mode), true
}

// appendDigits appends the digits of s to the number u of count digits,
// skipping any other byte; u is exact up to 18 digits.
func appendDigits(u int64, count int, s string) (int64, int) {
	for k := 0; k < len(s); k++ {
		if isDigit(s[k]) {
			u = u*10 + int64(s[k]-'0')
			count++
		}
	}
	return u, count
}

// thousandsGroups extends a figure of one to three digits ending at j over
// groups of three digits, all with the same kind of separator (spaces or dots).
func thousandsGroups(text string, j int) (int, bool) {
	kind := 0 // 1: space, 2: dot
	grouped := false
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		k := 0
		switch {
		case isHSpace(r):
			k = 1
		case r == '.':
			k = 2
		}
		if k == 0 || (kind != 0 && k != kind) {
			break
		}
		g := j + n
		if g+3 > len(text) || !isDigit(text[g]) || !isDigit(text[g+1]) || !isDigit(text[g+2]) ||
			(g+3 < len(text) && isDigit(text[g+3])) {
			break
		}
		kind, grouped, j = k, true, g+3
	}
	return j, grouped
}

// decimalPointAt reports whether the dot at j is a decimal point of the
// figure starting at i: followed by digits, but not by exactly three (a
// thousands group) and not part of a dotted series (« 192.168.1.2 »).
func decimalPointAt(text string, i, j int) bool {
	if j+1 >= len(text) || text[j] != '.' || !isDigit(text[j+1]) {
		return false
	}
	k := j + 1
	for k < len(text) && isDigit(text[k]) {
		k++
	}
	if k-(j+1) == 3 || (k+1 < len(text) && text[k] == '.' && isDigit(text[k+1])) {
		return false
	}
	return !(i >= 2 && text[i-1] == '.' && isDigit(text[i-2]))
}

// withScale extends a figure over a scale word or symbol after it
// (« 5,2 millions », « 800 k€ », « 3 millions et demi »).
func (lx *numberLexicon) withScale(text string, n number, mode numberMode) number {
	j := skipSpaces(text, n.End)
	if s, ok := lx.symbolAt(text, j); ok {
		v, ok := n.value.mul(s.factor)
		if !ok {
			return n
		}
		n.value, n.End, n.scaled, n.currency, n.factor = v, j+len(s.form), true, s.currency, s.factor
		return n
	}
	w, end := wordAt(text, j)
	if w == "" || !lx.scaleShapes.mayLower(w) {
		return n // no scale word nor dozen, nor « cent »
	}
	lw := lowerShortWord(w)
	f, ok := lx.scaleWords[lw]
	if e, isEnglish := lx.english[lw]; isEnglish && n.english {
		f = e // « €1.2 billion » is 1.2 thousand million, not a French billion
	}
	switch {
	case lx.dozen[lw]:
		f, ok = 12, true
	case mode&centAfterDigits != 0 && lx.words.get(lw) == 100:
		f, ok = 100, true
	}
	if !ok {
		return n
	}
	v, ok := n.value.mul(f)
	if !ok {
		return n
	}
	n.value, n.End, n.scaled, n.scaleEnd, n.factor = v, end, true, f >= 1e6, f
	if h, hend, ok := lx.halfAfter(text, end, f); ok {
		if v, ok := n.value.add(decimal{h, 0}); ok {
			n.value, n.End = v, hend
		}
	}
	return n
}

// symbolAt returns the scale symbol at j, not followed by a letter.
func (lx *numberLexicon) symbolAt(text string, j int) (scaleSymbol, bool) {
	if j == len(text) || !lx.symbolFirst[text[j]] {
		return scaleSymbol{}, false
	}
	for _, s := range lx.symbols {
		if strings.HasPrefix(text[j:], s.form) && !letterAt(text, j+len(s.form)) {
			return s, true
		}
	}
	return scaleSymbol{}, false
}

// halfAfter reads « et demi » after a scale word of value f and returns f/2.
func (lx *numberLexicon) halfAfter(text string, i int, f int64) (int64, int, bool) {
	j := skipSpaces(text, i)
	w, end := wordAt(text, j)
	if lowerShortWord(w) != "et" || f < 1000 {
		return 0, i, false
	}
	w, end = wordAt(text, skipSpaces(text, end))
	if !lx.half.get(lowerShortWord(w)) {
		return 0, i, false
	}
	return f / 2, end, true
}

// wordsState is the running value of a number in words.
type wordsState struct {
	total   int64 // closed groups (« deux millions » …)
	group   int64 // the open group, below 1000
	lastMag int64 // magnitude of the last closing word, 0 at first
	last    int64 // value of the last word read
	half    bool  // « un demi » waiting for its scale
	one     bool  // an article before the first word makes a scale noun one (« le milliard »)
	nwords  int
	end     int   // end of the last word accepted
	scaled  bool  // a scale noun was read
	factor  int64 // the last scale read (« mille », « millions »)
	endNoun bool  // the last word read is a scale noun (« millions »)
}

// wordsAt reads a number in words at i.
func (lx *numberLexicon) wordsAt(text string, i int, mode numberMode) (number, bool) {
	if n, ok := lx.readWords(text, i, mode, wordsState{}); ok || !lx.oneAfterArticle(text, i) {
		return n, ok
	}
	// « le milliard d'euros »: a scale noun that counts one (rare, so read again)
	return lx.readWords(text, i, mode, wordsState{one: true})
}

// readWords reads a number in words at i, from the state st.
func (lx *numberLexicon) readWords(text string, i int, mode numberMode, st wordsState) (number, bool) {
	for j := i; ; {
		w, wend := wordAt(text, j)
		if w == "" || !lx.numeralShapes.mayLower(w) {
			break // no word a number reads
		}
		lw := lowerShortWord(w)
		if lx.decimal[lw] && st.nwords > 0 && !st.half {
			return lx.wordsDecimal(text, i, wend, st)
		}
		next, more := st.read(lx, text, lw, wend, mode)
		if !more {
			break
		}
		j = hyphenOrSpaces(text, next) // spaces or one hyphen between words
	}
	if st.nwords == 0 || st.half {
		return number{}, false
	}
	return number{Span: Span{i, st.end}, value: decimal{st.total + st.group, 0}, words: true,
		scaled: st.scaled, scaleEnd: st.endNoun, factor: st.factor}, true
}

// read takes the word lw ending at wend; it returns where the next word may
// start, and false when the number has ended.
func (st *wordsState) read(lx *numberLexicon, text, lw string, wend int, mode numberMode) (int, bool) {
	switch {
	case st.nwords > 0 && lw == "et":
		// « vingt et un », « vingt-et-un », « un million et demi »
		nw, nend := wordAt(text, hyphenOrSpaces(text, wend))
		nlw := lowerShortWord(nw)
		if v, ok := lx.words.lookup(nlw); ok && (v == 1 || v == 11) && st.group%100 >= 20 && st.group%10 == 0 && st.last < 100 {
			return nend, st.accept(v, nend)
		}
		if lx.half.get(nlw) && st.endNoun {
			st.total += st.lastMag / 2
			st.end = nend
			return nend, true
		}
		return wend, false
	case lx.half.get(lw) && st.nwords == 1 && st.group == 1 && st.total == 0:
		st.half, st.end = true, wend // « un demi- » before its scale
		return wend, true
	case lx.dozen[lw] && st.nwords > 0:
		g := (st.total + max(st.group, 1)) * 12
		if st.half {
			g, st.half = 6, false // « une demi-douzaine »
		}
		st.total, st.group, st.end = g, 0, wend
		st.nwords++
		return wend, false
	}
	v, ok := lx.words.lookup(lw)
	if !ok || (v == 100 && mode&centInWords == 0) {
		return wend, false
	}
	return wend, st.accept(v, wend)
}

// accept adds the word of value v ending at end, or reports false when it
// cannot continue the number.
func (st *wordsState) accept(v int64, end int) bool {
	g := st.group
	switch {
	case v == 0:
		if st.nwords > 0 {
			return false
		}
	case v < 100:
		if !st.fitsGroup(v) {
			return false
		}
		if v == 20 && st.last == 4 && g%100 == 4 {
			g += 76 // « quatre-vingt(s) »
		} else {
			g += v
		}
		st.group = g
	case v == 100:
		if g >= 100 || st.half {
			return false
		}
		st.group = max(g, 1) * 100
	default: // mille, million, milliard…
		if st.lastMag != 0 && st.lastMag <= v {
			return false
		}
		if st.nwords == 0 && v >= 1e6 && !st.one {
			return false // « des millions d'euros » counts nothing
		}
		f := max(g, 1)
		add := f * v
		if st.half {
			add, st.half = v/2, false
		}
		if f > math.MaxInt64/v || st.total > math.MaxInt64-add {
			return false
		}
		st.total += add
		st.group, st.lastMag = 0, v
		st.scaled, st.factor = true, v
	}
	st.endNoun = v >= 1e6
	st.last, st.end = v, end
	st.nwords++
	return true
}

// fitsGroup reports whether a word below 100 may follow the open group:
// units after tens (« vingt-deux »), « dix » and teens after soixante and
// quatre-vingt, sept to neuf after « dix », and anything after hundreds.
func (st *wordsState) fitsGroup(v int64) bool {
	if st.half {
		return false
	}
	r := st.group % 100
	switch {
	case st.nwords == 0 || st.last >= 100:
		return true
	case r == 0:
		return false
	case v == 20 && st.last == 4 && r == 4:
		return true
	case st.last == 10 && v >= 7 && v <= 9:
		return true
	case r%10 == 0 && r >= 20 && v < 10:
		return true
	case (r == 60 || r == 80) && v >= 10 && v <= 16:
		return true
	}
	return false
}

// wordsDecimal reads the decimals after « virgule »: « zéro trois » is ,03.
func (lx *numberLexicon) wordsDecimal(text string, start, j int, st wordsState) (number, bool) {
	zeros := 0
	k := skipSpaces(text, j)
	for {
		w, end := wordAt(text, k)
		if v, ok := lx.words.lookup(lowerShortWord(w)); !ok || v != 0 {
			break
		}
		zeros++
		k = skipSpaces(text, end)
	}
	frac, ok := lx.wordsAt(text, k, centInWords)
	if !ok || frac.value.units == 0 || frac.value.places != 0 {
		return number{}, false
	}
	ds := strings.Repeat("0", zeros) + strconv.FormatInt(frac.value.units, 10)
	u, err := strconv.ParseInt(strconv.FormatInt(st.total+st.group, 10)+ds, 10, 64)
	if err != nil {
		return number{}, false
	}
	return number{Span: Span{start, frac.End}, value: decimal{u, len(ds)}, words: true}, true
}

// nextCandidate skips the word or character at i.
func nextCandidate(text string, i int) int {
	if letterAt(text, i) {
		_, end := wordAt(text, i)
		return end
	}
	if isDigit(text[i]) {
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		return i
	}
	_, n := utf8.DecodeRuneInString(text[i:])
	return i + n
}

// numberStart reports whether a number may start at i: a digit not glued to
// a digit before it, or a word start. glued allows a figure right after a
// letter (« et100 000 euros », where tags were stripped).
func numberStart(text string, i int, glued bool) bool {
	c := text[i]
	if isDigit(c) || c == ',' {
		if c == ',' && (i+1 >= len(text) || !isDigit(text[i+1]) || (i > 0 && isDigit(text[i-1]))) {
			return false
		}
		if i > 0 && (isDigit(text[i-1]) || text[i-1] == ',' || text[i-1] == '.' && c == ',') {
			return false
		}
		return glued || !letterBefore(text, i)
	}
	return !letterBefore(text, i) && letterAt(text, i) && (i == 0 || !isDigit(text[i-1]))
}

// A scan says how findNumbers reads a text.
type scan struct {
	mode numberMode
	// glued lets figures touch letters on either side (« et100 000 euros »,
	// « 1000EUR », where tags were stripped); else a figure glued to letters
	// (« 180ml », « A380 ») is not a number.
	glued bool
	// signed reads a minus sign before a figure (« -9,2 », « - 10 k ») and
	// « négatif » before words; money has no sign, a dash there is a range.
	signed bool
}

// findNumbers returns every number in text, in digits or in words.
func (lx *numberLexicon) findNumbers(text string, sc scan) []number {
	return lx.numbersFrom(text, lx.openings(text, tokens(text)), sc)
}

// openings returns the places of text, split into toks, where a number, or a
// half (« demi »), may open, in order: a figure, or a number word or a half
// where numberStart allows a figure glued to letters. They are the places
// that findNumbers and the duration finder read, in one pass: both step over
// the text a word, a run of digits or a character at a time, and what they
// find opens at a figure or at such a word, and ends where that stepping
// would stop. Only a comma before a figure opens outside the words.
func (lx *numberLexicon) openings(text string, toks []token) []int {
	var out []int
	for _, t := range toks {
		if !foldedLetters(t.folded) { // digits, or letters folding has left
			out = lx.openingsIn(text, t.start, t.end, out)
			continue
		}
		// a word of letters only, which opens a number if it folds as a
		// number word or a half does
		if lx.openerShapes.may(t.folded) && lx.opener.get(t.folded) &&
			numberStart(text, t.start, true) && lx.opensNumber(text[t.start:t.end]) {
			out = append(out, t.start)
		}
	}
	return out
}

// openingsIn appends the openings of the word text[i:end] to out, stepping
// over it a run of letters, a run of digits or a character at a time; and
// the comma before it that opens a figure (« ,08 »).
func (lx *numberLexicon) openingsIn(text string, i, end int, out []int) []int {
	if i > 0 && text[i-1] == ',' && numberStart(text, i-1, true) {
		out = append(out, i-1)
	}
	for i < end {
		w, wend := wordAt(text, i)
		if numberStart(text, i, true) && (wend == i || lx.opensNumber(w)) {
			out = append(out, i)
		}
		if wend == i {
			wend = nextCandidate(text, i) // a figure, or a digit that is not ASCII
		}
		i = wend
	}
	return out
}

// opensNumber reports whether the word w may open a number: a number word or
// a half, in any case.
func (lx *numberLexicon) opensNumber(w string) bool {
	return lx.shapes.mayLower(w) && (inLexicon(lx.words, w) || inLexicon(lx.half, w))
}

// foldedLetters reports whether f is made of the ASCII letters in lower case
// only, as a word of letters folds.
func foldedLetters(f string) bool {
	for i := 0; i < len(f); i++ {
		if f[i]-'a' >= 26 {
			return false
		}
	}
	return true
}

// numbersFrom returns the numbers that open at the places opens (see
// openings) of text, read as sc says.
func (lx *numberLexicon) numbersFrom(text string, opens []int, sc scan) []number {
	out := make([]number, 0, len(opens)) // most places hold one: openings keeps the number words
	end := 0                             // where the last number ended
	for _, i := range opens {
		if i < end {
			continue
		}
		if n, ok := lx.readAt(text, i, sc); ok {
			out = append(out, n)
			end = n.End
		}
	}
	return out
}

// readAt reads the number that opens at i, as sc says, or false.
func (lx *numberLexicon) readAt(text string, i int, sc scan) (number, bool) {
	if !numberStart(text, i, sc.glued) {
		return number{}, false
	}
	if w, wend := wordAt(text, i); wend > i && !inLexicon(lx.words, w) {
		return number{}, false // a half, or a word with a number's shape only
	}
	n, ok := lx.numberAt(text, i, sc.mode)
	if !ok || (!sc.glued && (letterAt(text, n.End) || (n.End < len(text) && isDigit(text[n.End])))) {
		return number{}, false
	}
	if !sc.signed {
		return n, true
	}
	if start, ok := lx.negativeBefore(text, i, n.words); ok {
		n.Start = start
		n.value.units = -n.value.units
	}
	return n, true
}

// moneyScan is how amounts read numbers.
var moneyScan = scan{mode: centInWords, glued: true}

// A numberPass is one reading of an article's numbers, shared by the
// finders of amounts and durations: where numbers may open, and the numbers
// of money's scan, which durations read too.
type numberPass struct {
	lx      *numberLexicon
	opens   []int    // see openings
	numbers []number // numbersFrom(opens, moneyScan), by Start
}

// readNumbers reads the numbers of text, split into toks, once.
func (lx *numberLexicon) readNumbers(text string, toks []token) numberPass {
	opens := lx.openings(text, toks)
	return numberPass{lx, opens, lx.numbersFrom(text, opens, moneyScan)}
}

// numberAt is lx.numberAt(text, i, centInWords), taken from the numbers read
// when one of them opens at i.
func (np numberPass) numberAt(text string, i int) (number, bool) {
	// sort.Search rather than slices.BinarySearchFunc, which copies a number at each step
	k := sort.Search(len(np.numbers), func(k int) bool { return np.numbers[k].Start >= i })
	if k < len(np.numbers) && np.numbers[k].Start == i {
		return np.numbers[k], true
	}
	return np.lx.numberAt(text, i, centInWords)
}

// negativeBefore finds the sign written before the number at i: a minus
// before a figure (« -9,2 »), or « négatif » before a number in words.
func (lx *numberLexicon) negativeBefore(text string, i int, words bool) (int, bool) {
	if !words {
		j := i - 1
		if j > 0 && text[j] == ' ' && text[j-1] == '-' && (j < 2 || text[j-2] == ' ' && (j < 3 || !isDigit(text[j-3]))) {
			j-- // « - 10 k »: a sign parted from its figure, not a range « 10 - 20 »
		}
		ok := j >= 0 && text[j] == '-' && (j < 1 || !letterBefore(text, j) && !isDigit(text[j-1]))
		return j, ok
	}
	k, w := wordBefore(text, i)
	return k, w != "" && lx.negative[lowerShortWord(w)]
}

// wordBefore returns the word (letters only) that ends where the spaces
// before i start, and where it starts; "" when none does or no space parts
// it from i.
func wordBefore(text string, i int) (int, string) {
	j := skipSpacesBack(text, i)
	k := j
	for k > 0 && letterBefore(text, k) {
		_, n := utf8.DecodeLastRuneInString(text[:k])
		k -= n
	}
	if k == j || j == i {
		return k, ""
	}
	return k, text[k:j]
}

// oneAfterArticle reports whether the number word at i follows an article
// that makes a scale noun one of its kind (« dépasser le milliard d'euros »).
func (lx *numberLexicon) oneAfterArticle(text string, i int) bool {
	_, w := wordBefore(text, i)
	return w != "" && lx.singular[lowerShortWord(w)]
}
