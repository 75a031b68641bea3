package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A datePeerCase is a case of the peer date specs (peerDir), with its reference date.
type datePeerCase struct {
	Input   string
	Context struct{ ReferenceDateTime string }
	Results []struct {
		Text  string
		Value struct {
			Timex          string
			PastResolution struct{ Date string }
		}
	}
}

var (
	// reWrittenYear matches a date written with its year: four digits, or digits
	// joined by separators (21/04/16).
	reWrittenYear = regexp.MustCompile(`\b\d{4}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}`)
	reFullTimex   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	reDayTimex    = regexp.MustCompile(`^XXXX-\d{2}-\d{2}$`)
)

func loadDatePeer(tb testing.TB, name string) []datePeerCase {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(peerDir, name))
	if os.IsNotExist(err) {
		tb.Skipf("peer suite %s absent: it lives in ../shared, outside users' clones", name)
	}
	if err != nil {
		tb.Fatal(err)
	}
	var cases []datePeerCase
	if err := json.Unmarshal(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), &cases); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return cases
}

// peerWant is what Dates must find in one case: expected texts and, for the
// parser file, values; ok is false when the case is not an absolute date.
type peerWant struct {
	pub    CivilDate
	texts  []string
	values []string // "" when the file gives none
}

// absolute selects the cases that are absolute dates: written with their
// year, or a day and month that the case's reference date resolves.
func absolute(c datePeerCase, parser bool) (peerWant, bool) {
	var w peerWant
	if ref := c.Context.ReferenceDateTime; len(ref) >= 10 {
		w.pub, _ = ParseCivilDate(ref[:10])
	}
	if len(c.Results) == 0 {
		return w, false
	}
	for _, r := range c.Results {
		v := ""
		switch {
		case !parser && reWrittenYear.MatchString(r.Text):
		case parser && reFullTimex.MatchString(r.Value.Timex) && reWrittenYear.MatchString(r.Text):
			v = r.Value.Timex
		case parser && reDayTimex.MatchString(r.Value.Timex) && !w.pub.IsZero():
			v = r.Value.PastResolution.Date
		default:
			return w, false
		}
		w.texts = append(w.texts, r.Text)
		w.values = append(w.values, v)
	}
	return w, true
}

// matches reports whether the dates found are the ones wanted: same number,
// each text equal to the wanted one or containing it (« lundi 12 janvier
// 2016 » for « 12 janvier 2016 »), case and a final full stop aside, and the same value when given.
func (w peerWant) matches(got []Date) bool {
	if len(got) != len(w.texts) {
		return false
	}
	for i, d := range got {
		g := strings.ToLower(strings.TrimRight(d.Text, "."))
		t := strings.ToLower(strings.TrimRight(strings.TrimSpace(w.texts[i]), "."))
		if !strings.Contains(g, t) && !strings.Contains(t, g) {
			return false
		}
		if w.values[i] != "" && d.Value.String() != w.values[i] {
			return false
		}
	}
	return true
}

// TestDatesPeer runs the absolute-date cases of the peer suites, reports the
// share Dates gets right and lists the others; it fails below 85%.
func TestDatesPeer(t *testing.T) {
	total, right := 0, 0
	for _, file := range []struct {
		name   string
		parser bool
	}{{"DateTime-DateExtractor.json", false}, {"DateTime-DateParser.json", true}} {
		for _, c := range loadDatePeer(t, file.name) {
			w, ok := absolute(c, file.parser)
			if !ok {
				continue
			}
			total++
			got := Dates(c.Input, w.pub)
			assertSpans(t, c.Input, got, func(d Date) (Span, string) { return d.Span, d.Text })
			if w.matches(got) {
				right++
				continue
			}
			t.Logf("%s: Dates(%q, %s) = %v, want %q %q", file.name, c.Input, w.pub, got, w.texts, w.values)
		}
	}
	share := float64(right) / float64(total)
	t.Logf("peer absolute dates: %d/%d right (%.1f%%)", right, total, 100*share)
	if share < 0.85 {
		t.Errorf("peer absolute dates: %d/%d right (%.1f%%), want at least 85%%", right, total, 100*share)
	}
}
