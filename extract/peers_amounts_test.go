package extract

// The Recognizers-Text French specs (../shared/peers/recognizers-text) as an
// outside reference for amounts, numbers and durations. Each test reports the
// share of cases where veille finds the same facts, names every failing case
// with t.Log, and fails when the share drops below its target.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// peerDir is where the peer specs sit in the development tree; users' clones
// do not have it, and the tests skip.
var peerDir = filepath.Join("..", "..", "shared", "peers", "recognizers-text", "fr")

type peerCase struct {
	Input                string
	NotSupported         string
	NotSupportedByDesign string
	Results              []json.RawMessage
}

func loadPeer(t *testing.T, name string) []peerCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(peerDir, name))
	if os.IsNotExist(err) {
		t.Skipf("peer specs not found at %s (only in the development tree)", peerDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")) // three files start with a byte-order mark
	var cases []peerCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cases
}

// peerDecimal parses a peer value ("5,2", "12.5", "1E-12") into hundredths,
// rounded: veille keeps money in whole cents.
func peerHundredths(s string) (int64, bool) {
	s = strings.Replace(s, ",", ".", 1)
	if strings.ContainsAny(s, "eE") {
		return 0, false
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	d := decimal{}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' || d.units > maxUnits {
			return 0, false
		}
		d.units = d.units*10 + int64(c-'0')
	}
	d.places = len(frac)
	if neg {
		d.units = -d.units
	}
	return d.hundredths()
}

// peerCurrency maps the peer's unit names to an ISO 4217 code and the number
// of hundredths of that currency one unit is worth (1 for a coin, 100 else).
// Plain « Dollar » is the US dollar, as veille reads « $ ».
var peerCurrency = map[string]struct {
	code  string
	cents int64
}{
	"Euro": {"EUR", 100}, "Dollar": {"USD", 100}, "Dollar États-Unis": {"USD", 100},
	"Cent": {"USD", 1}, "Centimes": {"EUR", 1}, "Livre": {"GBP", 100}, "Pence": {"GBP", 1},
	"Penny": {"GBP", 1}, "Franc": {"FRF", 100}, "Franc Suisse": {"CHF", 100},
	"Yen Japonais": {"JPY", 100}, "Yuan Chinois": {"CNY", 100}, "Dollar Canadien": {"CAD", 100},
	"Dollar Australien": {"AUD", 100}, "Dollar néo-zélandais": {"NZD", 100},
	"Dollar de Hong Kong": {"HKD", 100}, "Mexican peso": {"MXN", 100},
	"Mark Finlandais": {"FIM", 100}, "Florins Néerlandais": {"NLG", 100},
	"Pesewa": {"GHS", 1}, "Roupie indienne": {"INR", 100}, "Roupie": {"INR", 100},
}

// TestPeerCurrencyModel runs every case of NumberWithUnit-CurrencyModel.json:
// veille must find the same amounts (text, value in cents, currency).
// Results without a value (a bare currency word) are not amounts and ignored.
func TestPeerCurrencyModel(t *testing.T) {
	const target = 0.91
	cases := loadPeer(t, "NumberWithUnit-CurrencyModel.json")
	pass := 0
	for _, c := range cases {
		var want []string
		for _, raw := range c.Results {
			var r struct {
				Text       string
				Resolution struct {
					Value *string
					Unit  string
				}
			}
			if err := json.Unmarshal(raw, &r); err != nil {
				t.Fatal(err)
			}
			if r.Resolution.Value == nil {
				continue
			}
			cur, ok := peerCurrency[r.Resolution.Unit]
			v, vok := peerHundredths(*r.Resolution.Value)
			if !ok || !vok {
				t.Fatalf("case %q: unmapped unit %q or value %q", c.Input, r.Resolution.Unit, *r.Resolution.Value)
			}
			if cur.cents == 1 {
				v = (decimal{v, 2}).rounded()
			}
			want = append(want, peerAmountKey(r.Text, cur.code, v))
		}
		var got []string
		for _, a := range Amounts(c.Input) {
			got = append(got, peerAmountKey(a.Text, a.Currency, a.Minor))
		}
		if strings.Join(got, "; ") == strings.Join(want, "; ") {
			pass++
		} else {
			t.Logf("FAIL %q\n\tgot  %v\n\twant %v", c.Input, got, want)
		}
	}
	reportShare(t, "CurrencyModel, all cases", pass, len(cases), target)
}

func peerAmountKey(text, code string, minor int64) string {
	return strings.Join(strings.Fields(strings.ToLower(text)), " ") + " = " + code + " " + decimal{minor, 2}.String()
}

// reportShare logs the share and fails below target.
func reportShare(t *testing.T, what string, pass, total int, target float64) {
	t.Helper()
	if total == 0 {
		t.Fatalf("%s: no case in scope", what)
	}
	share := float64(pass) / float64(total)
	t.Logf("%s: %d/%d = %.1f%% (target %.0f%%)", what, pass, total, 100*share, 100*target)
	if share < target {
		t.Errorf("%s: %.1f%% of cases pass, below the target of %.0f%%", what, 100*share, 100*target)
	}
}

// TestPeerNumberModel runs the cases of Number-NumberModel.json whose results
// are whole or decimal numbers: veille must find the same numbers (text and
// value, with « , » and « . » alike as decimal marks). Fractions, powers and
// results without a subtype are out of scope. The cases that expect no
// number are reported apart: the peer contradicts itself there (« un » and
// the day of a date are numbers in the cases it runs, not in two others).
// The target holds on every case in scope, those the peer never ran included.
func TestPeerNumberModel(t *testing.T) {
	const target = 0.90
	cases := loadPeer(t, "Number-NumberModel.json")
	pass, total := 0, 0
	runPass, runTotal := 0, 0 // the cases some platform of the peer runs
	negPass, negTotal := 0, 0 // the cases that expect no number
	skipped := map[string]int{}
	for _, c := range cases {
		var want []string
		reason := ""
		for _, raw := range c.Results {
			var r struct {
				Text       string
				Resolution struct{ Value, Subtype string }
			}
			if err := json.Unmarshal(raw, &r); err != nil {
				t.Fatal(err)
			}
			switch r.Resolution.Subtype {
			case "integer", "decimal":
			case "":
				reason = "a result without subtype (mixed units such as « 3 cents et 21 »)"
			default:
				reason = "a " + r.Resolution.Subtype + " (fractions and powers are out of scope)"
			}
			want = append(want, strings.ToLower(r.Text)+" = "+strings.Replace(r.Resolution.Value, ".", ",", 1))
		}
		if len(c.Results) == 0 {
			// scored apart: two of them count « un » and the day of a date as
			// no number, which the cases the peer runs count as numbers
			negTotal++
			if len(Default().numbers.findNumbers(c.Input, scan{mode: centInWords | centAfterDigits, signed: true})) == 0 {
				negPass++
			} else {
				t.Logf("FAIL (expects no number) %q", c.Input)
			}
			continue
		}
		if reason != "" {
			skipped[reason]++
			continue
		}
		total++
		var got []string
		for _, n := range Default().numbers.findNumbers(c.Input, scan{mode: centInWords | centAfterDigits, signed: true}) {
			got = append(got, strings.ToLower(c.Input[n.Start:n.End])+" = "+n.value.String())
		}
		// the peer lists some numbers out of text order (« 17/05/2018 »)
		sort.Strings(got)
		sort.Strings(want)
		ok := strings.Join(got, "; ") == strings.Join(want, "; ")
		if ok {
			pass++
		} else {
			t.Logf("FAIL %q\n\tgot  %v\n\twant %v", c.Input, got, want)
		}
		if !allPlatforms(c.NotSupported) {
			runTotal++
			if ok {
				runPass++
			}
		}
	}
	t.Logf("NumberModel, cases the peer runs: %d/%d; the others are a wish list with known errors (peer README)", runPass, runTotal)
	t.Logf("NumberModel, cases that expect no number (outside the target): %d/%d", negPass, negTotal)
	for r, n := range skipped {
		t.Logf("skipped %d cases: %s", n, r)
	}
	reportShare(t, "NumberModel, whole and decimal numbers", pass, total, target)
}

func allPlatforms(flags string) bool {
	n := 0
	for _, f := range strings.Split(flags, ",") {
		switch strings.TrimSpace(f) {
		case "dotnet", "javascript", "python", "java":
			n++
		}
	}
	return n == 4
}

// durationScope says why a peer duration is out of scope, or "" when it is a
// number of years, months, weeks or days, as injunction deadlines are written.
func durationScope(text, timex string) string {
	l := strings.ToLower(text)
	switch {
	case strings.Contains(timex, "T"):
		return "hours, minutes and seconds are not deadline units"
	case strings.Contains(timex, "BD") || strings.Contains(l, "ouvr"):
		return "business days are not read"
	case strings.Contains(l, "quel") || strings.Contains(l, "plusieurs") || strings.Contains(l, "divers"):
		return "vague counts (« quelques jours ») are not deadlines"
	case strings.Contains(l, "tout") || strings.Contains(l, "plein") || strings.Contains(l, "entier") ||
		strings.Contains(l, "entière") || strings.Contains(l, "semestre") || strings.Contains(l, "prochaine"):
		return "whole or named periods (« toute la semaine ») are not deadlines"
	case strings.Contains(l, "encore") || strings.Contains(l, "de plus") || strings.Contains(l, "moins") || strings.Contains(l, "plus d"):
		return "modified lengths (« encore un mois ») are not read"
	}
	return ""
}

// TestPeerDurationParser runs DateTime-DurationParser.json on the units of
// deadlines: same text and same ISO 8601 value.
func TestPeerDurationParser(t *testing.T) {
	const target = 0.90
	cases := loadPeer(t, "DateTime-DurationParser.json")
	pass, total := 0, 0
	for _, c := range cases {
		var want []string
		reason := ""
		for _, raw := range c.Results {
			var r struct {
				Text  string
				Value struct{ Timex string }
			}
			if err := json.Unmarshal(raw, &r); err != nil {
				t.Fatal(err)
			}
			if s := durationScope(r.Text, r.Value.Timex); s != "" {
				reason = s
			}
			want = append(want, strings.ToLower(r.Text)+" = "+r.Value.Timex)
		}
		if reason != "" {
			t.Logf("skip %q: %s", c.Input, reason)
			continue
		}
		total++
		var got []string
		for _, d := range Durations(c.Input) {
			got = append(got, strings.ToLower(d.Text)+" = "+d.ISO)
		}
		if strings.Join(got, "; ") == strings.Join(want, "; ") {
			pass++
		} else {
			t.Logf("FAIL %q\n\tgot  %v\n\twant %v", c.Input, got, want)
		}
	}
	reportShare(t, "DurationParser, years to days", pass, total, target)
}

// TestPeerDurationExtractor runs DateTime-DurationExtractor.json on the units
// of deadlines: same text at the same place.
func TestPeerDurationExtractor(t *testing.T) {
	const target = 0.90
	cases := loadPeer(t, "DateTime-DurationExtractor.json")
	pass, total := 0, 0
	for _, c := range cases {
		var want []string
		reason := ""
		for _, raw := range c.Results {
			var r struct {
				Text          string
				Start, Length int
			}
			if err := json.Unmarshal(raw, &r); err != nil {
				t.Fatal(err)
			}
			l := strings.ToLower(r.Text)
			if strings.Contains(l, "heure") || strings.Contains(l, "min") || strings.Contains(l, "sec") ||
				strings.Contains(l, "hr") || strings.HasSuffix(l, "h") {
				reason = "hours, minutes and seconds are not deadline units"
			} else if s := durationScope(r.Text, ""); s != "" {
				reason = s
			}
			want = append(want, strings.ToLower(r.Text)+" @"+itoa(r.Start))
		}
		if reason != "" {
			t.Logf("skip %q: %s", c.Input, reason)
			continue
		}
		total++
		var got []string
		for _, d := range Durations(c.Input) {
			got = append(got, strings.ToLower(d.Text)+" @"+itoa(utf8.RuneCountInString(c.Input[:d.Start])))
		}
		if strings.Join(got, "; ") == strings.Join(want, "; ") {
			pass++
		} else {
			t.Logf("FAIL %q\n\tgot  %v\n\twant %v", c.Input, got, want)
		}
	}
	reportShare(t, "DurationExtractor, years to days", pass, total, target)
}

func itoa(i int) string { return decimal{int64(i), 0}.String() }
