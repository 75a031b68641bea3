package source

/*
Canonical text, ids and publication dates.

The canonical text of an article (extract.Article.Text) is, whatever the
format it came from:

  - Unicode NFC;
  - "\n" line ends ("\r\n" and a lone "\r" become "\n");
  - no NUL and no byte-order mark;
  - no spaces or tabs at the end of a line, no blank lines at its start and
    no white space at its end;
  - typographic characters as written: ’ « » – and the no-break spaces U+00A0
    and U+202F are kept, never folded to ASCII.

Every offset the extractors compute points into this text: the readers
return it once and never clean it again.

An article's ID is the record's own id when it has one, else the first 16
hex digits of the SHA-256 of its canonical text, so the same article gets
the same ID in every run.

A publication date keeps the calendar date as written in its own time zone
("2022-10-06T14:45:00+00:00" is 2022-10-06) at the precision given
("2024-12" stays a month).
*/

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/veille/veille/extract"
	"golang.org/x/text/unicode/norm"
)

// lineEnds turns the line ends of other systems into "\n" and drops NULs
// and byte-order marks.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "", "\ufeff", "")

// canonical returns the canonical form of s. Each step copies s only where
// it has something to change, as most texts have not.
func canonical(s string) string {
	if strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, 0) >= 0 || strings.Contains(s, "\ufeff") {
		s = lineEnds.Replace(s)
	}
	if !isNFC(s) {
		s = norm.NFC.String(s)
	}
	// The end of the last line goes with the white space at the end.
	if strings.Contains(s, " \n") || strings.Contains(s, "\t\n") {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " \t")
		}
		s = strings.Join(lines, "\n")
	}
	return strings.TrimRight(strings.TrimLeft(s, "\n"), " \t\n")
}

// isNFC is norm.NFC.IsNormalString(s), quicker on French text. Most of its
// runes are inert (inertAt): each is in NFC and starts a segment that
// nothing before it joins, so the text is in NFC when each run of other
// runes, with the inert rune before it, is.
func isNFC(s string) bool {
	last := 0 // the start of the last inert rune
	for i := 0; i < len(s); {
		if i+8 <= len(s) && asciiWord(s[i:i+8]) {
			last = i + 7
			i += 8
			continue
		}
		if s[i] < utf8.RuneSelf {
			last = i
			i++
			continue
		}
		if n := inertAt(s, i); n > 0 {
			last = i
			i += n
			continue
		}
		end := i + 1
		for end < len(s) && inertAt(s, end) == 0 {
			end++
		}
		if !norm.NFC.IsNormalString(s[last:end]) {
			return false
		}
		i = end
	}
	return true
}

// asciiWord reports whether the 8 bytes of s are ASCII, in one load.
func asciiWord(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w&0x8080808080808080 == 0
}

// inertAt is the length of the rune at s[i] if it is one of the inert
// runes of French text: below U+0300 (ASCII, Latin-1 and the other Latin
// letters, all inert), or an inert one of U+2000 to U+20BF (the
// typographic spaces, dashes, quotes and currency signs, but U+2000 and
// U+2001, which NFC replaces); else 0.
func inertAt(s string, i int) int {
	switch c := s[i]; {
	case c < utf8.RuneSelf:
		return 1
	case 0xC2 <= c && c <= 0xCB: // U+0080 to U+02FF
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return 2
		}
	case c == 0xE2: // U+2000 to U+2FFF
		if i+2 < len(s) && 0x80 <= s[i+1] && s[i+1] <= 0x82 && s[i+2]&0xC0 == 0x80 && inertPunctuation[int(s[i+1]&0x3F)<<6|int(s[i+2]&0x3F)] {
			return 3
		}
	}
	return 0
}

// inertPunctuation tells which runes of U+2000 to U+20BF are inert: in NFC
// alone, and starting a segment (combining with no rune before them).
var inertPunctuation = func() (t [0xC0]bool) {
	for i := range t {
		t[i] = nfcInert(rune(0x2000 + i))
	}
	return t
}()

// nfcInert reports whether r is in NFC alone and starts a segment.
func nfcInert(r rune) bool {
	s := string(r)
	return norm.NFC.IsNormalString(s) && norm.NFC.PropertiesString(s).BoundaryBefore()
}

// hashID is the stable id of an article without one: a hash of its text.
func hashID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// isoDate reads the date part of an ISO 8601 timestamp or date, as
// written: four digits of year, one or two of month, perhaps one or two of
// day, each after a dash or a slash, then the end or a time (after T or a
// space). It reads s as the regexp
// `^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:$|[T ])` would, which it
// replaces on the path of every record: two digits before one, a day
// before none.
func isoDate(s string) (year, month, day string, ok bool) {
	if !digitsAt(s, 0, 4) || len(s) < 5 || !dateSeparator(s[4]) {
		return "", "", "", false
	}
	for m := 2; m >= 1; m-- {
		if !digitsAt(s, 5, m) {
			continue
		}
		at := 5 + m // after the month
		for d := 2; d >= 1; d-- {
			if at < len(s) && dateSeparator(s[at]) && digitsAt(s, at+1, d) && endOfDate(s, at+1+d) {
				return s[:4], s[5:at], s[at+1 : at+1+d], true
			}
		}
		if endOfDate(s, at) {
			return s[:4], s[5:at], "", true
		}
	}
	return "", "", "", false
}

// digitsAt reports whether s holds n ASCII digits from i.
func digitsAt(s string, i, n int) bool {
	if i+n > len(s) {
		return false
	}
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// dateSeparator reports whether c separates the parts of an ISO date.
func dateSeparator(c byte) bool { return c == '-' || c == '/' }

// endOfDate reports whether the date part of s ends at i: at its end or
// before a time.
func endOfDate(s string, i int) bool { return i == len(s) || s[i] == 'T' || s[i] == ' ' }

// frenchDate matches a day-first numeric date: 21/04/2022, 21.04.2022.
var frenchDate = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:$|[T ])`)

// otherLayouts are the timestamps of feeds and e-mail headers.
var otherLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "2 Jan 2006", "January 2, 2006", "Jan 2, 2006"}

// parseDate reads a publication date at the precision it is written,
// keeping the calendar date of the timestamp's own time zone. ok is false
// when s is not a date.
func parseDate(s string) (d extract.CivilDate, ok bool) {
	s = strings.TrimSpace(s)
	if year, month, day, ok := isoDate(s); ok {
		return civil(year, month, day)
	}
	if m := frenchDate.FindStringSubmatch(s); m != nil {
		return civil(m[3], m[2], m[1])
	}
	for _, layout := range otherLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return extract.CivilDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
		}
	}
	return writtenDate(s)
}

// writtenDate reads a date written in words that makes the whole of s
// (« 20 juillet 2022 », « mardi 1er mars 2022 »), with its year.
func writtenDate(s string) (extract.CivilDate, bool) {
	if s == "" || len(s) > 40 {
		return extract.CivilDate{}, false
	}
	dates := extract.Dates(s, extract.CivilDate{})
	if len(dates) != 1 || strings.TrimSpace(s[:dates[0].Start]) != "" || strings.TrimSpace(s[dates[0].End:]) != "" {
		return extract.CivilDate{}, false
	}
	return dates[0].Value, true
}

// civil checks a year, month and optional day.
func civil(year, month, day string) (extract.CivilDate, bool) {
	iso := year + "-" + pad2(month)
	if day != "" {
		iso += "-" + pad2(day)
	}
	d, err := extract.ParseCivilDate(iso)
	if err != nil {
		return d, false
	}
	if d.Day != 0 { // 2023-02-30 is not a date
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.Day {
			return extract.CivilDate{}, false
		}
	}
	return d, true
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
