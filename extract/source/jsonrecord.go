package source

/*
Decoding a record.

Almost every record of a dump is a flat object of strings (and perhaps a
numeric id), which encoding/json decodes by reflection after a first pass
that checks the whole value: a fifth of the reading goroutine's time on a
dump of short articles. decodeRecord reads such a record in one pass
itself, and hands any other to json.Unmarshal, so that records and errors
stay exactly those of json.Unmarshal (FuzzDecodeRecord checks it):

  - the fast path takes an object whose members are strings, numbers,
    true, false or null, whose keys are lower-case ASCII letters, digits
    and _ without escapes (json.Unmarshal matches keys case-insensitively:
    « Text » is the field text, and so is « te\u0078t »), whose strings
    have no \u escape of a surrogate (which json.Unmarshal may pair or
    replace), and whose fields other than id hold a string or null;
  - anything else (a nested value, a key in capitals, a syntax error, a
    field of the wrong type) goes to json.Unmarshal, as before.
*/

import (
	"encoding/binary"
	"encoding/json"
	"strings"
)

// decodeRecord decodes the JSON value b, valid UTF-8, into rec as
// json.Unmarshal does.
func decodeRecord(b []byte, rec *record) error {
	if (&recordScanner{b: b}).record(rec) {
		return nil
	}
	*rec = record{}
	return json.Unmarshal(b, rec)
}

// A recordScanner reads the common form of a record; each method reports
// false on anything it leaves to json.Unmarshal.
type recordScanner struct {
	b []byte
	i int
}

// record reads a whole flat object into rec.
func (s *recordScanner) record(rec *record) bool {
	s.space()
	if !s.consume('{') {
		return false
	}
	s.space()
	if s.consume('}') {
		return s.end()
	}
	for {
		if !s.member(rec) {
			return false
		}
		s.space()
		if s.consume('}') {
			return s.end()
		}
		if !s.consume(',') {
			return false
		}
		s.space()
	}
}

// member reads one "key": value pair, storing the value if key names a field.
func (s *recordScanner) member(rec *record) bool {
	key, ok := s.key()
	if !ok || !s.colon() {
		return false
	}
	start := s.i
	switch {
	case string(key) == "id":
		if !s.value() {
			return false
		}
		rec.ID = s.b[start:s.i]
		return true
	case !knownKey(key):
		return s.value() // a member record has no field for
	case s.i < len(s.b) && s.b[s.i] == '"':
		str, ok := s.string()
		if f := fieldOf(key, rec); f != nil {
			*f = str
		} else {
			*pointerOf(key, rec) = &str
		}
		return ok
	case s.value() && string(s.b[start:s.i]) == "null":
		// null leaves a string as it was and makes a pointer nil.
		if p := pointerOf(key, rec); p != nil {
			*p = nil
		}
		return true
	}
	return false // a number or a boolean for a string: json.Unmarshal's type error
}

// colon skips the colon after a key, and the white space around it.
func (s *recordScanner) colon() bool {
	s.space()
	ok := s.consume(':')
	s.space()
	return ok
}

// knownKey reports whether key is the name of a field of record.
func knownKey(key []byte) bool {
	switch string(key) {
	case "id", "url", "title", "date", "published", "text", "html":
		return true
	}
	return false
}

// fieldOf is the string field of rec that key names, or nil.
func fieldOf(key []byte, rec *record) *string {
	switch string(key) {
	case "url":
		return &rec.URL
	case "title":
		return &rec.Title
	case "date":
		return &rec.Date
	case "published":
		return &rec.Published
	}
	return nil
}

// pointerOf is the optional string field of rec that key names, or nil.
func pointerOf(key []byte, rec *record) **string {
	switch string(key) {
	case "text":
		return &rec.Text
	case "html":
		return &rec.HTML
	}
	return nil
}

// key reads a member's key: a string without escapes, which is a field's
// name or cannot match one case-insensitively.
func (s *recordScanner) key() ([]byte, bool) {
	if !s.consume('"') {
		return nil, false
	}
	start := s.i
	for ; s.i < len(s.b) && s.b[s.i] != '"'; s.i++ {
		if c := s.b[s.i]; c < 'a' && c != '_' && (c < '0' || c > '9') || c > 'z' {
			return nil, false // a capital, an escape, a control or non-ASCII byte
		}
	}
	if s.i == len(s.b) {
		return nil, false
	}
	key := s.b[start:s.i]
	s.i++
	return key, true
}

// value skips a number, true, false, null or a string.
func (s *recordScanner) value() bool {
	if s.i >= len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		_, ok := s.string()
		return ok
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	}
	for _, lit := range []string{"true", "false", "null"} {
		if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
			s.i += len(lit)
			return true
		}
	}
	return false
}

// number skips a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *recordScanner) number() bool {
	s.consume('-')
	if !s.consume('0') && !s.digits() {
		return false
	}
	if s.consume('.') && !s.digits() {
		return false
	}
	if s.consume('e') || s.consume('E') {
		if !s.consume('+') {
			s.consume('-')
		}
		return s.digits()
	}
	return true
}

// digits skips one digit or more.
func (s *recordScanner) digits() bool {
	start := s.i
	for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

// string reads a string value, unescaped.
func (s *recordScanner) string() (string, bool) {
	if !s.consume('"') {
		return "", false
	}
	start := s.i
	s.plain()
	if s.i < len(s.b) && s.b[s.i] == '"' {
		str := string(s.b[start:s.i])
		s.i++
		return str, true
	}
	return s.escaped(start)
}

// plain skips the bytes of a string that stand for themselves, eight at a
// time while it can.
func (s *recordScanner) plain() {
	for s.i+8 <= len(s.b) && !stopIn(binary.LittleEndian.Uint64(s.b[s.i:])) {
		s.i += 8
	}
	for s.i < len(s.b) && !stringStops[s.b[s.i]] {
		s.i++
	}
}

// stopIn reports whether one of the eight bytes of w is one of stringStops
// (a quote, a backslash or a byte below 0x20), with the tests of "Bit
// Twiddling Hacks" (S. E. Anderson) for a zero byte and a byte below n.
func stopIn(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zeroIn := func(v uint64) uint64 { return (v - ones) & ^v & highs }
	return zeroIn(w^'"'*ones)|zeroIn(w^'\\'*ones)|(w-0x20*ones)&^w&highs != 0
}

// stringStops are the bytes that end a run of plain bytes in a string: the
// quote, the backslash and the control characters, which JSON forbids.
var stringStops = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// escaped reads the rest of a string with escapes, from s.i, a backslash;
// the string started at start. The text decoded is no longer than the
// text read, which its first pass measures.
func (s *recordScanner) escaped(start int) (string, bool) {
	var out strings.Builder
	out.Grow(s.quoteAfter(s.i) - start)
	out.Write(s.b[start:s.i])
	for s.i+1 < len(s.b) && s.b[s.i] == '\\' {
		if e := jsonEscapes[s.b[s.i+1]]; e != 0 {
			out.WriteByte(e)
			s.i += 2
		} else if r, ok := s.unicodeEscape(); ok {
			out.WriteRune(r)
		} else {
			return "", false
		}
		run := s.i
		s.plain()
		out.Write(s.b[run:s.i])
	}
	if s.i < len(s.b) && s.b[s.i] == '"' {
		s.i++
		return out.String(), true
	}
	return "", false
}

// quoteAfter is the offset of the first quote from i that no backslash
// escapes, or len(s.b).
func (s *recordScanner) quoteAfter(i int) int {
	for ; i < len(s.b) && s.b[i] != '"'; i++ {
		if s.b[i] == '\\' {
			i++
		}
	}
	return min(i, len(s.b))
}

// jsonEscapes are the bytes that the one-letter escapes stand for.
var jsonEscapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// unicodeEscape reads \uXXXX at s.i, other than a surrogate.
func (s *recordScanner) unicodeEscape() (rune, bool) {
	if len(s.b)-s.i < 6 || s.b[s.i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range s.b[s.i+2 : s.i+6] {
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	if 0xD800 <= r && r < 0xE000 {
		return 0, false
	}
	s.i += 6
	return r, true
}

// space skips JSON white space.
func (s *recordScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// consume skips c if it is next.
func (s *recordScanner) consume(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (s *recordScanner) end() bool {
	s.space()
	return s.i == len(s.b)
}
