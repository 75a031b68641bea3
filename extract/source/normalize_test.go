package source

import (
	"testing"
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
