package source

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"line ends", "a\r\nb\rc\n", "a\nb\nc"},
		{"trailing spaces and blank edges", "\n\n  a  \t\nb \n\n \n", "  a\nb"},
		{"NUL and BOM", "\ufeffa\x00b", "ab"},
		{"NFC", "e\u0301", "é"},
		{"typography kept", "l’« 1\u202f000\u00a0€ »", "l’« 1\u202f000\u00a0€ »"},
	}
	for _, tt := range tests {
		if got := canonical(tt.in); got != tt.want {
			t.Errorf("canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := canonical(canonical(tt.in)); got != canonical(tt.in) {
			t.Errorf("canonical is not idempotent on %q", tt.in)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2022-04-21", "2022-04-21"},
		{"2023-01-17T10:00:00Z", "2023-01-17"},
		{"2024-03-20T09:15:00+01:00", "2024-03-20"},
		{"2022-10-06T14:45:00+00:00", "2022-10-06"},
		{"2022-10-06T23:30:00-05:00", "2022-10-06"},
		{"2022-10-06 16:45:00", "2022-10-06"},
		{"2024-12", "2024-12"},
		{"2024/3/5", "2024-03-05"},
		{"21/04/2022", "2022-04-21"},
		{"Tue, 17 Jan 2023 23:00:00 -0500", "2023-01-17"},
		{"20 juillet 2022", "2022-07-20"},
		{"mardi 1er mars 2022", "2022-03-01"},
		{"juillet 2022", "2022-07"},
		{"le 20 juillet 2022 à Paris", ""},
		{"20 juillet", ""},
		{"2023-02-30", ""},
		{"2023-13", ""},
		{"hier", ""},
		{"", ""},
	}
	for _, tt := range tests {
		d, ok := parseDate(tt.in)
		if d.String() != tt.want || ok != (tt.want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, d, ok, tt.want)
		}
	}
}

func TestHashID(t *testing.T) {
	a, b := hashID("Un texte."), hashID("Un texte.")
	if a != b || len(a) != 16 || !isLowerHex(a) {
		t.Errorf("hashID = %q, %q; want the same 16 hex digits twice", a, b)
	}
	if hashID("Un autre texte.") == a {
		t.Error("hashID gives two texts the same id")
	}
}

func isLowerHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// canonicalBefore is canonical as it was before it skipped the steps that
// change nothing: the reference it must equal.
func canonicalBefore(s string) string {
	s = lineEnds.Replace(s)
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	s = strings.Join(lines, "\n")
	return strings.TrimRight(strings.TrimLeft(s, "\n"), " \t\n")
}

var canonicalTexts = []string{
	"",
	" ",
	"\n",
	" \t\n \n",
	"un texte sur une ligne",
	"  indenté  ",
	"\n\n  a  \t\nb \n\n \n",
	"a\r\nb\rc\r\r\n\n",
	"\ufeffa\x00b\x00",
	"\ufeff \n\x00\t\r\nc",
	"e\u0301 \u00a0\n\u202f",
	"l’« 1\u202f000\u00a0€ »\t",
	"ligne\t \nligne \t\n\tfin\t",
	"octets \xff\xfe invalides\xc3 \n\xe2\x80",
}

func TestCanonicalUnchanged(t *testing.T) {
	for _, text := range canonicalTexts {
		for end := range len(text) + 1 {
			checkCanonicalUnchanged(t, text[:end])
		}
	}
}

func FuzzCanonical(f *testing.F) {
	for _, text := range canonicalTexts {
		f.Add(text)
	}
	f.Fuzz(checkCanonicalUnchanged)
}

func checkCanonicalUnchanged(t *testing.T, text string) {
	if got, want := canonical(text), canonicalBefore(text); got != want {
		t.Fatalf("canonical(%q) = %q; before, %q", text, got, want)
	}
}

// nfcTexts are texts for isNFC: Latin letters before combining marks,
// runes that NFC replaces, Hangul, and invalid UTF-8.
var nfcTexts = []string{
	"", "déjà « vu » – l’été\u202f2024 €", "e\u0301", "\u00e9\u0301", "a\u0328\u0301", "a\u0301\u0328",
	"\u0301début", "Ω \u2126", "\u1100\u1161", "\uac00\u11a8", "ǅ\u0301 ɐ\u0301 ˿\u0301",
	"\u0915\u093c", "\u0958", "\u212b", "x\u0344y", "\xc3", "\xcc\x81", "\xc2\u0301", "e\xcc", "\xe2\x80\u0301",
	"\u2019\u0301", "\u2000", "a\u2001b", "\u20ac\u20d7", "\u20bf\u0301", "\xe2\x82", "\xe2\x82\xac\xcc", "\xe2~\xbf",
}

func TestIsNFC(t *testing.T) {
	for _, text := range nfcTexts {
		checkIsNFC(t, text)
	}
}

func FuzzIsNFC(f *testing.F) {
	for _, text := range append(nfcTexts, canonicalTexts...) {
		f.Add(text)
	}
	f.Fuzz(checkIsNFC)
}

func checkIsNFC(t *testing.T, text string) {
	if got, want := isNFC(text), norm.NFC.IsNormalString(text); got != want {
		t.Errorf("isNFC(%q) = %v, norm.NFC.IsNormalString %v", text, got, want)
	}
}

func TestInertRunes(t *testing.T) {
	for r := range rune(0x300) {
		if !nfcInert(r) {
			t.Errorf("%U is not inert: inertAt must not take it", r)
		}
	}
	for _, r := range []rune{0x2000, 0x2001} {
		if nfcInert(r) {
			t.Errorf("%U is inert: the doc of inertAt says it is not", r)
		}
	}
}

// isoDateBefore is the regexp that isoDate replaces: the reference it must
// equal.
var isoDateBefore = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:$|[T ])`)

var isoDateTexts = []string{
	"2022-04-21", "2023-01-17T10:00:00Z", "2024-03", "2024/3/5 10:00", "2024-1-5T", "2024-12-", "2024-123",
	"2024-1-234", "2024-12-3x", "2024-1/2", "2024-", "2024", "202-01-01", "2024-01-01x", "21/04/2022", "",
	"2024-12-31 ", "2024-1-12T", "12024-01-01", "2024-001-01", "２０２４-01-01",
}

func TestISODateAsRegexp(t *testing.T) {
	for _, s := range isoDateTexts {
		for end := range len(s) + 1 {
			checkISODate(t, s[:end])
		}
	}
}

func FuzzISODate(f *testing.F) {
	for _, s := range isoDateTexts {
		f.Add(s)
	}
	f.Fuzz(checkISODate)
}

func checkISODate(t *testing.T, s string) {
	year, month, day, ok := isoDate(s)
	var want []string
	if m := isoDateBefore.FindStringSubmatch(s); m != nil {
		want = m[1:]
	}
	if got := []string{year, month, day}; ok != (want != nil) || ok && !slices.Equal(got, want) {
		t.Errorf("isoDate(%q) = %q, %v; the regexp: %q", s, got, ok, want)
	}
}
