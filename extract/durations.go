package extract

// Durations: a number (numbers.go) followed by a unit of rules/durations.txt
// (« deux mois », « 30 jours », « 3,5 ans », « trois ans et demi »), « demi »
// before a unit (« une demi-année »), and several of them joined by « , » or
// « et » in one length (« un an, un mois et 21 jours » is P1Y1M21D).

import (
	"fmt"
	"strings"
)

// durationRules read lengths of time: numbers, and unit words mapped to their
// ISO 8601 designator.
type durationRules struct {
	num        *numberLexicon
	units      map[string]byte
	unitShapes *wordShapes // the shapes of the units
}

// durationOrder is the order of the designators in an ISO 8601 duration.
const durationOrder = "YMWD"

func compileDurations(r *Rules, num *numberLexicon) (*durationRules, error) {
	units, shapes := map[string]byte{}, &wordShapes{}
	for _, e := range r.Table("durations.txt") {
		if len(e.Key) != 1 || !strings.Contains(durationOrder, e.Key) {
			return nil, fmt.Errorf("rules durations.txt: unknown designator %q", e.Key)
		}
		for _, w := range e.Values {
			units[w] = e.Key[0]
			shapes.add(w)
		}
	}
	return &durationRules{num: num, units: units, unitShapes: shapes}, nil
}

// find returns the lengths of time in years, months, weeks and days,
// sorted by Start, each with its ISO 8601 form; nums are the text's numbers.
func (dr *durationRules) find(text string, nums numberPass) []Duration {
	var out []Duration
	end := 0 // where the last duration ended
	for _, i := range nums.opens {
		if i < end {
			continue
		}
		if d, ok := dr.durationAt(text, i, nums); ok && d.Valid(text) {
			out = append(out, d)
			end = d.End
		}
	}
	return out
}

// A durationPart is one number and unit (« 21 jours »).
type durationPart struct {
	Span
	value decimal
	unit  byte
}

// durationAt reads a duration starting at i: parts joined by « , » or « et ».
func (dr *durationRules) durationAt(text string, i int, nums numberPass) (Duration, bool) {
	p, ok := dr.durationPartAt(text, i, nums)
	if !ok {
		return Duration{}, false
	}
	parts := []durationPart{p}
	for {
		j := skipSpaces(text, parts[len(parts)-1].End)
		switch {
		case strings.HasPrefix(text[j:], ","):
			j = skipSpaces(text, j+1)
		case strings.HasPrefix(foldCaseSpacesApostrophesAt(text, j, 3), "et "):
			j = skipSpaces(text, j+2)
		default:
			j = -1
		}
		if j < 0 || j >= len(text) {
			break
		}
		q, ok := dr.durationPartAt(text, j, nums)
		if !ok || hasUnit(parts, q.unit) {
			break
		}
		parts = append(parts, q)
	}
	iso := "P"
	for _, u := range []byte(durationOrder) {
		for _, q := range parts {
			if q.unit == u {
				iso += strings.Replace(q.value.String(), ",", ".", 1) + string(u)
			}
		}
	}
	end := parts[len(parts)-1].End
	return Duration{Span: Span{i, end}, Text: text[i:end], ISO: iso}, true
}

func hasUnit(parts []durationPart, u byte) bool {
	for _, p := range parts {
		if p.unit == u {
			return true
		}
	}
	return false
}

// unitOf returns the designator of the unit w.
func (dr *durationRules) unitOf(w string) (byte, bool) {
	if w == "" || !dr.unitShapes.mayLower(w) {
		return 0, false
	}
	u, ok := dr.units[lowerShortWord(w)]
	return u, ok
}

// durationPartAt reads a number and its unit at i, with « et demi » after.
func (dr *durationRules) durationPartAt(text string, i int, nums numberPass) (durationPart, bool) {
	if !numberStart(text, i, false) {
		return durationPart{}, false
	}
	var v decimal
	j := i
	w, end := wordAt(text, i)
	half := false
	if w != "" { // a number in words, or a half
		if !dr.num.opensNumber(w) {
			return durationPart{}, false
		}
		lw := lowerShortWord(w)
		if dr.num.words.get(lw) == 1 {
			// « une demi-année »: the article counts nothing
			if h, hend := wordAt(text, hyphenOrSpaces(text, end)); dr.num.half.get(lowerShortWord(h)) {
				lw, end = lowerShortWord(h), hend
			}
		}
		half = dr.num.half.get(lw)
	}
	if half {
		v, j = decimal{5, 1}, end
	} else {
		n, ok := nums.numberAt(text, i)
		if !ok || n.scaled || n.value.units <= 0 {
			return durationPart{}, false
		}
		v, j = n.value, n.End
	}
	w, end = wordAt(text, hyphenOrSpaces(text, j))
	u, ok := dr.unitOf(w)
	if !ok {
		return durationPart{}, false
	}
	p := durationPart{Span: Span{i, end}, value: v, unit: u}
	// « trois ans et demi »
	if k := skipSpaces(text, end); strings.HasPrefix(foldCaseSpacesApostrophesAt(text, k, 3), "et ") {
		if w, hend := wordAt(text, skipSpaces(text, k+2)); dr.num.half.get(lowerShortWord(w)) {
			if sum, ok := v.add(decimal{5, 1}); ok {
				p.value, p.End = sum, hend
			}
		}
	}
	return p, true
}
