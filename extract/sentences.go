package extract

// Sentences and clauses: the one splitter every family uses to tell where
// the sentence or the clause around a fact begins and ends.
//
// A sentence ends after:
//
//   - a line break, or the « | » between the sections of a text dump;
//   - « ! », « ? » or « … » followed by a space, a line break or the end;
//   - a full stop followed, after spaces, by a capital letter, an opening
//     quote, a line break or the end, or glued to a capital where tags were
//     stripped (« 2023.Le »); but not the full stop of an initial
//     (« M. Dupont », « L. 34-5 »).
//
// A clause ends, within its sentence, after « , » (not a decimal comma
// between digits), « ; », « : », « ( » and the dashes « – » and « — ».
// A sentence or a clause is looked for at most maxSentence bytes away, so a
// text without punctuation stays linear.

import (
	"unicode"
	"unicode/utf8"
)

// maxSentence bounds how far a sentence's start or end is looked for.
const maxSentence = 1000

// breakBytes are the bytes after which a sentence may end (see
// sentenceBreak): the scans test them before calling it.
var breakBytes = func() (t [256]bool) {
	for _, c := range []byte{'\n', '|', '!', '?', 0xa6, '.'} {
		t[c] = true
	}
	return t
}()

// The scans for a sentence's start or end read eight bytes at a time (as a
// uint64, one byte a lane) while none of them is one of breakBytes, which
// most bytes of a text are not.
const (
	laneLows  = 0x0101010101010101 // the lowest bit of each byte
	laneHighs = 0x8080808080808080 // the highest bit of each byte
)

// eightBytes returns the eight bytes of text from i, the first in the lowest
// lane.
func eightBytes(text string, i int) uint64 {
	s := text[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lanesOf returns a word whose highest bit in a lane is set where that lane
// of w holds c (and maybe in lanes above one that does); its other bits mean
// nothing, so the callers keep the highest bits, of several bytes' words at
// once (laneHighs): they are 0 only when no lane holds c.
func lanesOf(w uint64, c byte) uint64 {
	v := w ^ laneLows*uint64(c)
	return (v - laneLows) &^ v
}

// lastBreakByte returns the last index of text below i, not below lo, whose
// byte is one of breakBytes, or lo-1. (The test of eight bytes is written
// out here and in nextBreakByte: a function of it would not be inlined.)
func lastBreakByte(text string, lo, i int) int {
	j := i - 1
	for j-7 >= lo {
		w := eightBytes(text, j-7)
		if (lanesOf(w, '\n')|lanesOf(w, '|')|lanesOf(w, '!')|lanesOf(w, '?')|lanesOf(w, 0xa6)|lanesOf(w, '.'))&laneHighs != 0 {
			break
		}
		j -= 8
	}
	for ; j >= lo; j-- {
		if breakBytes[text[j]] {
			return j
		}
	}
	return j
}

// nextBreakByte returns the first index of text from i on, below hi, whose
// byte is one of breakBytes, or hi.
func nextBreakByte(text string, i, hi int) int {
	for i+8 <= hi {
		w := eightBytes(text, i)
		if (lanesOf(w, '\n')|lanesOf(w, '|')|lanesOf(w, '!')|lanesOf(w, '?')|lanesOf(w, 0xa6)|lanesOf(w, '.'))&laneHighs != 0 {
			break
		}
		i += 8
	}
	for ; i < hi; i++ {
		if breakBytes[text[i]] {
			return i
		}
	}
	return hi
}

// sentenceBreak reports whether a sentence ends right after byte j.
func sentenceBreak(text string, j int) bool {
	switch text[j] {
	case '\n', '|':
		return true
	case '!', '?':
		return j+1 == len(text) || spaceAt(text, j+1)
	case 0xa6: // the last byte of « … » U+2026
		return j >= 2 && text[j-2] == 0xe2 && text[j-1] == 0x80 && (j+1 == len(text) || spaceAt(text, j+1))
	case '.':
		return !initialBefore(text, j) && (j+1 == len(text) || capitalAfter(text, j+1))
	}
	return false
}

// sentenceStart returns where the sentence holding byte i starts, after the
// spaces that follow the previous sentence's end.
func sentenceStart(text string, i int) int {
	lo := max(0, i-maxSentence)
	for j := lastBreakByte(text, lo, i); j >= lo; j = lastBreakByte(text, lo, j) {
		if sentenceBreak(text, j) {
			return skipWhitespace(text, j+1)
		}
	}
	for lo > 0 && lo < len(text) && !utf8.RuneStart(text[lo]) {
		lo++
	}
	return lo
}

// previousSentence returns where the sentence before the one starting at
// sent starts (sent itself at the start of the text).
func previousSentence(text string, sent int) int {
	j := sent
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= n
	}
	if j == 0 {
		return sent
	}
	return sentenceStart(text, j-1)
}

// sentenceEnd returns where the sentence holding byte i ends, after its
// final punctuation.
func sentenceEnd(text string, i int) int {
	hi := min(len(text), i+maxSentence)
	for j := nextBreakByte(text, i, hi); j < hi; j = nextBreakByte(text, j+1, hi) {
		if sentenceBreak(text, j) {
			return j + 1
		}
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return hi
}

// clauseStart returns where the clause holding i starts, within the sentence
// starting at sent.
func clauseStart(text string, sent, i int) int {
	for j := i - 1; j >= sent; j-- {
		if clauseBytes[text[j]] && clauseBreak(text, j) {
			return j + 1
		}
	}
	return sent
}

// clauseBytes are the bytes after which a clause may end (see clauseBreak):
// the scans test them before calling it.
var clauseBytes = func() (t [256]bool) {
	for _, c := range []byte{';', ':', '(', ',', 0x93, 0x94} {
		t[c] = true
	}
	return t
}()

// clauseBreak reports whether a clause ends right after byte j.
func clauseBreak(text string, j int) bool {
	switch text[j] {
	case ';', ':', '(':
		return true
	case ',':
		return !(j+1 < len(text) && isDigit(text[j+1]) && j > 0 && isDigit(text[j-1]))
	case 0x93, 0x94: // the last byte of « – » U+2013 and « — » U+2014
		return j >= 2 && text[j-2] == 0xe2 && text[j-1] == 0x80
	}
	return false
}

// opensSentence reports whether the word at i opens a sentence, a heading or
// a list item: only spaces, quotes and brackets stand between it and the
// start of its sentence or a colon, semicolon, bullet or dash before it; or
// it is glued to what ends a heading, where tags were stripped (« anonymesLa »).
//
// It reads back from i only over those spaces, quotes and brackets: the
// word opens its sentence when they reach the text's start or a sentence's
// end, which sentenceStart would find no further back than the rune before
// them.
func opensSentence(text string, i int) bool {
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && !unicode.IsSpace(r) && !isOpening(r) && r != '-' {
		return true
	}
	j := i // where the spaces, quotes and brackets before i start
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if r == ':' || r == ';' || r == '•' || r == '–' || r == '—' || r == '-' {
			return true
		}
		if !unicode.IsSpace(r) && !isOpening(r) {
			break
		}
		j -= n
	}
	if j == 0 {
		return true
	}
	// sentenceStart(text, i) >= j, read back no further than j-1
	lo := max(0, i-maxSentence)
	stop := max(j-1, lo)
	for k := lastBreakByte(text, stop, i); k >= stop; k = lastBreakByte(text, stop, k) {
		if sentenceBreak(text, k) {
			return true
		}
	}
	for lo > 0 && lo < len(text) && !utf8.RuneStart(text[lo]) {
		lo++
	}
	return j <= lo
}

// isOpening reports whether r opens a quotation or a bracket.
func isOpening(r rune) bool {
	switch r {
	case '«', '“', '"', '\'', '’', 'ʼ', '(':
		return true
	}
	return false
}

// spaceAt reports whether a space or a line break starts at i.
func spaceAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

// capitalAfter reports whether, after horizontal spaces, a line break, an
// upper-case letter or an opening quote starts at i, or nothing does.
func capitalAfter(text string, i int) bool {
	i = skipSpaces(text, i)
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r) || r == '«' || r == '"' || r == '“' || r == '\n'
}

// initialBefore reports whether the dot at j closes a one-letter capital
// (« M. »), which does not end a sentence.
func initialBefore(text string, j int) bool {
	r, n := utf8.DecodeLastRuneInString(text[:j])
	return unicode.IsUpper(r) && !letterBefore(text, j-n)
}

// skipWhitespace returns the index after the spaces and line breaks at i.
func skipWhitespace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}
