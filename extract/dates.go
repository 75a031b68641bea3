package extract

// Calendar dates written in French text.
//
// Forms recognised, every one of them at a word boundary:
//
//	17 octobre 2022, 1er juillet 2023, lundi 12 janvier 2016, 12 janv. 2018  day
//	octobre 2022, oct. 2022                                                  month
//	12/07/2023, 12-07-2023, 12.07.2023, 21/04/16, 3-7-27, 12/08, 2015          day (D/M/Y, M/D/Y when D > 12)
//	2023-07-12, 2015/08/12                                                   day (Y/M/D)
//	le 10 décembre, le 3 mars dernier, le 3 mars prochain, oct-2             day, year from the publication date
//	les 3 et 4 mars 2023, du 3 au 5 mai 2023                                 two days
//
// A year alone, a month alone, a weekday alone and relative words (« hier »)
// are not dates. Month names, weekdays and the words around dates come from
// the tables months.txt and date_words.txt.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A dateLexicon holds the date patterns built from a Rules set.
type dateLexicon struct {
	months wordMap[int] // lower-case month name or abbreviation -> month number
	shapes *wordShapes  // the shapes of the keys of months
	first  map[string]bool
	future map[string]bool
	joins  map[string]bool // the words that join the dates of a list
	text   anchored        // day? month year?, with an optional weekday, anchored: its words start at a word boundary; textDateAt reads it
	// the words of text's alternations, each in its alternation's order
	weekdays, firsts, fullMonths, abbreviations, yearWords []scanPhrase
	opens                                                  *phraseIndex   // the words that text may open with but a day's digits
	starts                                                 [256]bool      // the bytes text may open with: a digit, or the first of a word of opens
	pair                                                   *regexp.Regexp // the first day of « les 3 et 4 mars », anchored at the end
	// monthDay matches a month then a day joined by a dash or a slash (« Oct-2 », « jan/1 »).
	monthDay *regexp.Regexp
	// articleRef matches, at the end of the text before a numeric match, the
	// words that make it an article number (« article R. 10-1-13 »).
	articleRef *regexp.Regexp
	// monthOpens finds the month names, which follow the digits of a day in
	// text; firstWords the words for the first day, which pair may read.
	monthOpens, firstWords *phraseIndex
}

// reNumericDate matches an all-digit date; named groups tell its parts.
var reNumericDate = regexp.MustCompile(
	// year first: 2023-07-12, 2015/08/12, 2015.5.13
	`\b(?:(?P<y1>\d{4})(?P<s1>[/.-])(?P<m1>\d{1,2})(?P<t1>[/.-])(?P<d1>\d{1,2})` +
		// day first: 12/07/2023, 13-5-2015, 13.5.2015, 21/04/16, 12/08, 2015
		`|(?P<d2>\d{1,2})(?P<s2>[/.-])(?P<m2>\d{1,2})(?:(?P<t2>[/.-])(?P<y2>\d{4}|\d{2})|,` + reSpace + `?(?P<y3>\d{4})))\b`)

// reNumericDateAt is reNumericDate anchored, for findNumericDates.
var reNumericDateAt = anchor(regexp.MustCompile(`^(?:` + reNumericDate.String() + `)`))

// findNumericDates returns the matches of reNumericDate in text, as
// FindAllStringSubmatchIndex would, but faster: a match starts a word with
// one, two or four digits, a separator of a date's parts, one or two digits
// and a separator or a comma, so the pattern is tried only there.
func findNumericDates(text string) [][]int {
	return findFrom(nil, reNumericDateAt.FindStringSubmatchIndex, text, 0, len(text), nextDigit, func(i int) bool {
		return (i == 0 || !isWordByte(text[i-1])) && dateDigitsAt(text, i)
	})
}

// dateDigitsAt reports whether the digits at i are as many as a numeric
// date opens with, one, two or four, and a separator (/ . -) follows them,
// then one or two digits and a separator or a comma (« 12/08, 2015 »).
func dateDigitsAt(text string, i int) bool {
	j := digitsEnd(text, i)
	if !(j-i <= 2 || j-i == 4) || j >= len(text) || !isDateSeparator(text[j]) {
		return false
	}
	k := digitsEnd(text, j+1)
	return 1 <= k-j-1 && k-j-1 <= 2 && k < len(text) && (isDateSeparator(text[k]) || text[k] == ',')
}

// digitsEnd returns where the run of digits at i ends.
func digitsEnd(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

// isDateSeparator reports whether c parts a numeric date: / . -
func isDateSeparator(c byte) bool { return c == '/' || c == '.' || c == '-' }

// digitBytes are the ASCII digits.
var digitBytes = [256]bool{'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true}

// findFrom appends to out the matches of an anchored pattern, which match
// returns at the start of its input, in text[from:to], as offsets into
// text: tried from left to right at the places next finds (the first from
// its i on, below to, or to) where may(i) says one can start, and past the
// end of the last one.
func findFrom(out [][]int, match func(string) []int, text string, from, to int, next func(text string, i, to int) int, may func(i int) bool) [][]int {
	for i := next(text, from, to); i < to; i = next(text, i+1, to) {
		if !may(i) {
			continue
		}
		if m := match(text[i:to]); m != nil {
			out = append(out, shifted(m, i))
			i = m[1] - 1
		}
	}
	return out
}

// nextByteIn returns the first index of text from i on, below to, whose
// byte is in set, or to. A loop of its own, with no call, keeps its
// variables in registers.
func nextByteIn(text string, i, to int, set *[256]bool) int {
	s := text[i:to] // indexed from 0, which spares the bounds check of each byte
	for k := 0; k < len(s); k++ {
		if set[s[k]] {
			return i + k
		}
	}
	return to
}

// nextStart is nextByteIn of the bytes that a text date may open with.
func (dl *dateLexicon) nextStart(text string, i, to int) int {
	return nextByteIn(text, i, to, &dl.starts)
}

// nextDigit returns the first index of text from i on, below to, of an
// ASCII digit, or to. It reads eight bytes at a time (see eightBytes) while
// none of them is one, as most bytes of a text are not.
func nextDigit(text string, i, to int) int {
	for i+8 <= to && digitLanes(eightBytes(text, i)) == 0 {
		i += 8
	}
	for ; i < to; i++ {
		if isDigit(text[i]) {
			return i
		}
	}
	return to
}

// digitLanes returns the highest bit of each lane of w that holds an ASCII
// digit: a byte b below 0x80 is one when 127+'9'+1-b and b+127-('0'-1)
// both reach 0x80, and neither can carry into the next lane.
func digitLanes(w uint64) uint64 {
	low := w & (laneLows * 0x7f) // each byte without its highest bit
	return (laneLows*(127+'9'+1) - low) &^ w & (low + laneLows*(127-('0'-1))) & laneHighs
}

// shifted adds by to the submatch indexes of m that are set, and returns m.
func shifted(m []int, by int) []int {
	for k := range m {
		if m[k] >= 0 {
			m[k] += by
		}
	}
	return m
}

// compileDates compiles the date tables of r.
func compileDates(r *Rules) (*dateLexicon, error) {
	dl := &dateLexicon{shapes: &wordShapes{}, first: map[string]bool{}, future: map[string]bool{}, joins: map[string]bool{}}
	months := map[string]int{}
	var monthNames, fullNames, abbreviations []string
	for _, e := range r.Table("months.txt") {
		n, err := strconv.Atoi(e.Key)
		if err != nil || n < 1 || n > 12 {
			return nil, fmt.Errorf("rules months.txt: bad month number %q", e.Key)
		}
		for _, v := range e.Values {
			months[strings.ToLower(v)] = n
			months[foldCaseAccentsPunctuation(v)] = n
			dl.shapes.add(strings.ToLower(v))
			dl.shapes.add(foldCaseAccentsPunctuation(v))
			monthNames = append(monthNames, v)
			// an abbreviation is the start of another name of its month
			if slices.ContainsFunc(e.Values, func(o string) bool { return o != v && strings.HasPrefix(o, v) }) {
				abbreviations = append(abbreviations, v)
			} else {
				fullNames = append(fullNames, v)
			}
		}
	}
	dl.months = newWordMap(months)
	words := func(key string) []string { return r.Values("date_words.txt", key) }
	for _, w := range words("first") {
		dl.first[strings.ToLower(w)] = true
	}
	for _, w := range words("future") {
		dl.future[strings.ToLower(w)] = true
	}
	for _, w := range append(words("list"), words("range")...) {
		dl.joins[strings.ToLower(w)] = true
	}
	// Pieces of the textual pattern.
	var (
		// weekday opens the date: « lundi 12 janvier », « mercredi, le 22 janvier ».
		weekday = `(?:(?:` + alternation(words("weekday")) + `)` + reSpace + `*,?` + reSpace + `+(?:le` + reSpace + `+)?)?`
		// day is a number or « 1er »; a hyphen may join it to the month (« 22-avril »).
		day = `(?:(` + alternation(words("first")) + `|[0-3]?\d)(?:` + reSpace + `+|-))?`
		// month is a name, or an abbreviation with its optional full stop (a
		// full stop after a whole name ends the sentence: « le 5 février. »).
		month = `(` + alternation(fullNames) + `|(?:` + alternation(abbreviations) + `)\.?)`
		// year, after an optional comma (« 12 janvier, 2018 »), or a word that
		// places a date without a year before or after publication.
		year = `(?:,?` + reSpace + `+(\d{4})|` + reSpace + `+(` + alternation(append(words("past"), words("future")...)) + `))?`
	)
	dl.text = anchor(regexp.MustCompile(`(?i)^` + weekday + day + month + year))
	dl.weekdays, dl.firsts = lexiconPhrases(words("weekday"), true, 0), lexiconPhrases(words("first"), true, 0)
	dl.fullMonths, dl.abbreviations = lexiconPhrases(fullNames, true, 0), lexiconPhrases(abbreviations, true, 0)
	dl.yearWords = lexiconPhrases(append(words("past"), words("future")...), true, 0)
	dl.opens = newPhraseIndex(slices.Concat(words("weekday"), words("first"), monthNames))
	dl.monthOpens, dl.firstWords = newPhraseIndex(monthNames), newPhraseIndex(words("first"))
	for c := range dl.starts {
		dl.starts[c] = digitBytes[c] || dl.opens.opens.first[c]
	}
	dl.pair = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + alternation(words("first")) + `|[0-3]?\d)` +
		reSpace + `+(?:` + alternation(words("range")) + `)` + reSpace + `+(?:le` + reSpace + `+)?$`)
	dl.monthDay = regexp.MustCompile(`(?i)\b(` + alternation(monthNames) + `)[-/]([0-3]?\d)\b`)
	dl.articleRef = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + alternation(words("article")) + `)` + reSpace + `*$`)
	return dl, nil
}

// find finds the dates of text, split into toks.
func (dl *dateLexicon) find(text string, toks []token, published CivilDate) []Date {
	var out []Date
	add := func(start, end int, v CivilDate) {
		out = append(out, Date{Span: Span{start, end}, Text: text[start:end], Value: v})
	}
	windows := dl.monthWindows(toks)
	var days []dayMonth // the days and months of the text, in its order
	for _, m := range dl.textDates(text, windows) {
		end := m[1]
		if !wordEnd(text, end) || !wordStart(text, m[0]) {
			continue
		}
		mon := dl.months.get(strings.ToLower(strings.TrimSuffix(text[m[4]:m[5]], ".")))
		if m[2] < 0 { // no day: a month is a date only with its year
			if m[6] >= 0 {
				y, _ := strconv.Atoi(text[m[6]:m[7]])
				add(m[0], end, CivilDate{Year: y, Month: mon})
			}
			continue
		}
		dm := dayMonth{Span: Span{m[0], end}, day: dl.dayNumber(text[m[2]:m[3]]), month: mon, written: m[6] >= 0 || m[8] >= 0}
		if m[6] >= 0 {
			dm.year, _ = strconv.Atoi(text[m[6]:m[7]])
		} else {
			future := m[8] >= 0 && dl.future[strings.ToLower(text[m[8]:m[9]])]
			dm.year, _ = resolveYear(mon, dm.day, published, future)
		}
		days = append(days, dm)
	}
	dl.shareListYears(text, days)
	for _, dm := range days {
		y, mon := dm.year, dm.month
		if y == 0 || !validDay(y, mon, dm.day) {
			continue
		}
		add(dm.Start, dm.End, CivilDate{y, mon, dm.day})
		// « les 3 et 4 mars 2023 »: the first day shares the month and year.
		from := max(0, dm.Start-32)
		if r := dl.pairBefore(text[from:dm.Start]); r != nil && wordStart(text, from+r[2]) {
			if d1 := dl.dayNumber(text[from+r[2] : from+r[3]]); validDay(y, mon, d1) {
				add(from+r[2], from+r[3], CivilDate{y, mon, d1})
			}
		}
	}
	for _, m := range findIn(dl.monthDay, text, slices.DeleteFunc(windows, func(w [2]int) bool {
		return !strings.ContainsAny(text[w[0]:w[1]], "-/") // the dash or slash between month and day
	})) {
		mon, d := dl.months.get(strings.ToLower(text[m[2]:m[3]])), dl.dayNumber(text[m[4]:m[5]])
		if y, ok := resolveYear(mon, d, published, false); ok && wordStart(text, m[0]) && validDay(y, mon, d) {
			add(m[0], m[1], CivilDate{y, mon, d})
		}
	}
	for _, m := range findNumericDates(text) {
		if !numericEdge(text, m[0], m[1]) || dl.articleRef.MatchString(text[:m[0]]) {
			continue
		}
		if v, ok := numericDate(text, m); ok {
			add(m[0], m[1], v)
		}
	}
	return ResolveOverlaps(out)
}

// pairBefore returns the submatches of pair in s, which ends where a date
// starts; pair reads a day in s, in digits or a word of first, so the
// regexp runs only where one is.
func (dl *dateLexicon) pairBefore(s string) []int {
	if strings.IndexAny(s, "0123456789") < 0 && !dl.firstWords.in(s) {
		return nil
	}
	return dl.pair.FindStringSubmatchIndex(s)
}

// A dayMonth is a day and month written in words, with the year written
// after them or else the one the publication date gives (0 if none).
type dayMonth struct {
	Span
	day, month, year int
	written          bool // a year, or a word that places it, follows it
}

// shareListYears gives the days of a list the year written after its last
// one (« les 29 avril et 16 septembre 2024 », « les 5 février, 3 mars et
// 12 septembre 2025 »), a year earlier for a day that comes later in the
// year than the one after it (« le 20 décembre et le 5 janvier 2024 »).
// Days are joined by commas and the words of rules' list and range keys.
func (dl *dateLexicon) shareListYears(text string, days []dayMonth) {
	for i := len(days) - 2; i >= 0; i-- {
		d, next := &days[i], days[i+1]
		if d.written || !next.written || next.year == 0 || !dl.listed(text[d.End:next.Start]) {
			continue
		}
		d.year, d.written = next.year, true
		if d.month*100+d.day > next.month*100+next.day {
			d.year--
		}
	}
}

// listed reports whether gap, between two dates, holds only what joins the
// items of a list.
func (dl *dateLexicon) listed(gap string) bool {
	for _, w := range strings.FieldsFunc(gap, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		if !dl.joins[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// monthWindows returns the stretches of text around month names, a few words
// either side: the only places where the textual patterns can match.
func (dl *dateLexicon) monthWindows(toks []token) [][2]int {
	const before, after = 4, 3 // words kept around a month: « lundi , le 12 », « 2023 dernier »
	var out [][2]int
	for i, t := range toks {
		if !dl.shapes.may(t.folded) || dl.months.get(t.folded) == 0 {
			continue
		}
		w := [2]int{toks[max(0, i-before)].start, toks[min(len(toks)-1, i+after)].end}
		if n := len(out); n > 0 && w[0] <= out[n-1][1] {
			out[n-1][1] = w[1]
			continue
		}
		out = append(out, w)
	}
	return out
}

// textDates returns the matches of \b and the text pattern in each window
// of text, as FindAllStringSubmatchIndex would find them there, but faster:
// a match starts at a word boundary (where a word byte and another meet,
// the window's start counting as no word byte), with a word of opens or
// with the digits of a day before a month name (see monthAfterDay), so the
// pattern is tried there only.
func (dl *dateLexicon) textDates(text string, windows [][2]int) [][]int {
	var out [][]int
	for _, w := range windows {
		out = findFrom(out, dl.textDateAt, text, w[0], w[1], dl.nextStart, func(i int) bool {
			return (i > w[0] && isWordByte(text[i-1])) != isWordByte(text[i]) && utf8.RuneStart(text[i]) &&
				(isDigit(text[i]) && dl.monthAfterDay(text, i) || dl.opens.opensAt(text, i))
		})
	}
	return out
}

// monthAfterDay reports whether the digits at i may be a day that the text
// pattern reads, [0-3]?\d, and a month name opens after them and the spaces
// or the hyphen that follow them: a text date that opens with digits has one
// there.
func (dl *dateLexicon) monthAfterDay(text string, i int) bool {
	j := digitsEnd(text, i)
	if j-i > 2 || j-i == 2 && text[i] > '3' {
		return false
	}
	k := j + 1
	if j == len(text) || text[j] != '-' {
		k = skipSpaces(text, j)
	}
	return j < k && k < len(text) && dl.monthOpens.opensAt(text, k)
}

// textDateAt returns the submatch indexes of dl.text's match at the start
// of s, as its regexp would, or nil; it reads the words with literalLen,
// which the regexp's backtracking through its alternations made slow. The
// regexp is weekday? day? month year?: each part is tried in the order of
// its alternatives and spacings, present before absent, so the first
// weekday and day that a month follows win, with the first month that reads
// there; the year, optional, cannot fail.
func (dl *dateLexicon) textDateAt(s string) []int {
	var opens [8]int
	for _, q := range append(dl.afterWeekdays(s, opens[:0]), 0) {
		var days [4]dayChoice
		for _, d := range dl.dayChoices(s, q, days[:0]) {
			if end := dl.monthEnd(s, d.month); end >= 0 {
				m := []int{0, 0, d.start, d.end, d.month, end, -1, -1, -1, -1}
				m[1] = dl.yearEnd(s, end, m)
				return m
			}
		}
	}
	return nil
}

// afterWeekdays appends to out where what follows a weekday that opens s
// may open, in the regexp's order: after each weekday, the spaces, maybe
// with a comma among them, then maybe « le » and spaces.
func (dl *dateLexicon) afterWeekdays(s string, out []int) []int {
	for _, w := range dl.weekdays {
		e := literalLen(s, 0, w.word, w.fold)
		if e == 0 {
			continue
		}
		a := e + hSpacesLen(s, e) // \s*,?\s+ without the comma reads every space, as the day or month after it must open
		if a < len(s) && s[a] == ',' {
			if b := a + 1 + hSpacesLen(s, a+1); b > a+1 {
				out = afterLe(s, b, out)
			}
		}
		if a > e {
			out = afterLe(s, a, out)
		}
	}
	return out
}

// afterLe appends to out where what follows « le » and its spaces at q
// opens, if they are there, then q.
func afterLe(s string, q int, out []int) []int {
	if n := literalLen(s, q, "le", true); n > 0 {
		if r := q + n + hSpacesLen(s, q+n); r > q+n {
			out = append(out, r)
		}
	}
	return append(out, q)
}

// A dayChoice is a way to read the day of a text date: its bounds (-1 when
// there is none), and where the month must open.
type dayChoice struct{ start, end, month int }

// dayChoices appends to out the ways to read the day at q, in the regexp's
// order: each word for the first day, two digits, one digit, each with the
// spaces or the hyphen after it, then none.
func (dl *dateLexicon) dayChoices(s string, q int, out []dayChoice) []dayChoice {
	for _, f := range dl.firsts {
		if n := literalLen(s, q, f.word, f.fold); n > 0 {
			out = appendDay(out, s, q, q+n)
		}
	}
	if q+1 < len(s) && '0' <= s[q] && s[q] <= '3' && isDigit(s[q+1]) {
		out = appendDay(out, s, q, q+2)
	}
	if q < len(s) && isDigit(s[q]) {
		out = appendDay(out, s, q, q+1)
	}
	return append(out, dayChoice{-1, -1, q})
}

// appendDay appends to out the day s[start:end] if spaces or a hyphen
// follow it, with the month after them.
func appendDay(out []dayChoice, s string, start, end int) []dayChoice {
	if n := hSpacesLen(s, end); n > 0 {
		return append(out, dayChoice{start, end, end + n})
	}
	if end < len(s) && s[end] == '-' {
		return append(out, dayChoice{start, end, end + 1})
	}
	return out
}

// monthEnd returns where the month that opens at r ends, or -1: a full name,
// else an abbreviation and its full stop, if any.
func (dl *dateLexicon) monthEnd(s string, r int) int {
	for _, m := range dl.fullMonths {
		if n := literalLen(s, r, m.word, m.fold); n > 0 {
			return r + n
		}
	}
	for _, m := range dl.abbreviations {
		if n := literalLen(s, r, m.word, m.fold); n > 0 {
			if r+n < len(s) && s[r+n] == '.' {
				n++
			}
			return r + n
		}
	}
	return -1
}

// yearEnd returns where the year after a month ending at t ends (t when
// there is none), and sets its submatch in m: four digits after spaces and
// maybe a comma, else a word for a year before or after publication.
func (dl *dateLexicon) yearEnd(s string, t int, m []int) int {
	if t < len(s) && s[t] == ',' {
		if u := t + 1 + hSpacesLen(s, t+1); u > t+1 && fourDigits(s, u) {
			m[6], m[7] = u, u+4
			return u + 4
		}
	}
	u := t + hSpacesLen(s, t)
	if u == t {
		return t
	}
	if fourDigits(s, u) {
		m[6], m[7] = u, u+4
		return u + 4
	}
	for _, w := range dl.yearWords {
		if n := literalLen(s, u, w.word, w.fold); n > 0 {
			m[8], m[9] = u, u+n
			return u + n
		}
	}
	return t
}

// fourDigits reports whether four ASCII digits open s at i.
func fourDigits(s string, i int) bool {
	return i+4 <= len(s) && isDigit(s[i]) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3])
}

// findIn runs re over each window of text and returns the submatch indexes
// as offsets into text.
func findIn(re *regexp.Regexp, text string, windows [][2]int) [][]int {
	var out [][]int
	for _, w := range windows {
		for _, m := range re.FindAllStringSubmatchIndex(text[w[0]:w[1]], -1) {
			out = append(out, shifted(m, w[0]))
		}
	}
	return out
}

// dayNumber reads a day: digits or a spelling of the first.
func (dl *dateLexicon) dayNumber(s string) int {
	if dl.first[strings.ToLower(s)] {
		return 1
	}
	n, _ := strconv.Atoi(s)
	return n
}

// numericDate reads a match of reNumericDate; both separators must agree.
// A two-digit year is 19xx from 50 on, else 20xx.
func numericDate(text string, m []int) (CivilDate, bool) {
	g := func(name string) string {
		i := reNumericDate.SubexpIndex(name)
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	atoi := func(name string) int { n, _ := strconv.Atoi(g(name)); return n }
	var y, mon, d int
	switch {
	case g("y1") != "":
		if g("s1") != g("t1") {
			return CivilDate{}, false
		}
		y, mon, d = atoi("y1"), atoi("m1"), atoi("d1")
	case g("y3") != "": // 12/08, 2015
		if g("s2") != "/" {
			return CivilDate{}, false
		}
		d, mon, y = atoi("d2"), atoi("m2"), atoi("y3")
	default:
		if g("s2") != g("t2") {
			return CivilDate{}, false
		}
		d, mon, y = atoi("d2"), atoi("m2"), atoi("y2")
		if len(g("y2")) == 2 {
			if g("s2") == "." { // 12.07.23 looks like a version or a reference, not a date
				return CivilDate{}, false
			}
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
	}
	if g("y1") == "" && mon > 12 && d <= 12 { // M/D/Y when the day-first reading is impossible
		d, mon = mon, d
	}
	if mon < 1 || mon > 12 || !validDay(y, mon, d) {
		return CivilDate{}, false
	}
	return CivilDate{y, mon, d}, true
}

// resolveYear gives a day and month without a year the year of its most
// recent occurrence on or before the publication date (the next one on or
// after it when future is set), as SPEC.md says. A publication date known
// only to the month settles every month but its own, where a day is taken to
// be of that month of that year, the one the article reports on.
func resolveYear(mon, day int, pub CivilDate, future bool) (int, bool) {
	switch {
	case pub.Month == 0:
		return 0, false
	case pub.Day == 0:
		switch {
		case mon == pub.Month:
			return pub.Year, true
		case future && mon < pub.Month:
			return pub.Year + 1, true
		case !future && mon > pub.Month:
			return pub.Year - 1, true
		}
		return pub.Year, true
	}
	cmp := mon*100 + day - (pub.Month*100 + pub.Day)
	switch {
	case future && cmp < 0:
		return pub.Year + 1, true
	case !future && cmp > 0:
		return pub.Year - 1, true
	}
	return pub.Year, true
}

// validDay reports whether the day exists in that month of that year.
func validDay(y, mon, d int) bool {
	if d < 1 || mon < 1 || mon > 12 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[mon-1]
	if mon == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// numericEdge reports whether a numeric date at [start, end) stands alone:
// not a piece of a longer run of numbers such as 01.23.45.67.89 or 1/2/2023/4.
func numericEdge(text string, start, end int) bool {
	if start > 0 && strings.ContainsRune("/.-", rune(text[start-1])) && start > 1 && isDigit(text[start-2]) {
		return false
	}
	if end < len(text) && strings.ContainsRune("/.-", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1]) {
		return false
	}
	return true
}
