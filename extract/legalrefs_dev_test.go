package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/extract/internal/ratchet"
)

// TestLegalRefsDevCorpus scores LegalRefs on the plain-text articles of the
// shared dev corpus against its gold (sets of refs per document, micro F1)
// and holds it to the floors of testdata/ratchet/legalrefs-dev.txt (raise them
// with -ratchet). The corpus is not in users' clones.
func TestLegalRefsDevCorpus(t *testing.T) {
	dev := filepath.Join("..", "..", "shared", "eval", "dev")
	f, err := os.Open(filepath.Join(dev, "gold.jsonl"))
	if err != nil {
		t.Skipf("no shared dev corpus (%v): it sits beside the repository in development and CI only", err)
	}
	defer f.Close()
	var gdpr, laws setScore
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g struct {
			File  string   `json:"file"`
			GDPR  []string `json:"gdpr_refs"`
			Other []struct {
				Ref string `json:"ref"`
			} `json:"other_law_refs"`
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(g.File, ".txt") || g.GDPR == nil {
			continue // HTML and dumps need the source package; foreign texts have no refs
		}
		data, err := os.ReadFile(filepath.Join(dev, "docs", g.File))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if strings.HasPrefix(text, "date ") {
			_, text, _ = strings.Cut(text, "\n")
		}
		gotG, gotL := LegalRefs(text)
		var refs, lawRefs, wantLaws []string
		for _, r := range gotG {
			refs = append(refs, r.Ref())
		}
		for _, r := range gotL {
			lawRefs = append(lawRefs, r.Ref)
		}
		for _, r := range g.Other {
			wantLaws = append(wantLaws, r.Ref)
		}
		if msg := gdpr.add(refs, g.GDPR); msg != "" {
			t.Logf("%s gdpr: %s", g.File, msg)
		}
		if msg := laws.add(lawRefs, wantLaws); msg != "" {
			t.Logf("%s law refs: %s", g.File, msg)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	ratchet.Check(t, filepath.Join("testdata", "ratchet", "legalrefs-dev.txt"),
		map[string]float64{"gdpr": gdpr.f1(), "law_refs": laws.f1()})
}

// setScore counts true and false positives and false negatives over sets.
type setScore struct{ tp, fp, fn int }

// add compares one document's sets and returns what differs, "" if nothing.
func (s *setScore) add(got, want []string) string {
	w, g := map[string]bool{}, map[string]bool{}
	for _, x := range want {
		w[x] = true
	}
	var diff []string
	for _, x := range got {
		if g[x] {
			continue
		}
		g[x] = true
		if w[x] {
			s.tp++
		} else {
			s.fp++
			diff = append(diff, "+"+x)
		}
	}
	for x := range w {
		if !g[x] {
			s.fn++
			diff = append(diff, "-"+x)
		}
	}
	return strings.Join(diff, " ")
}

func (s setScore) f1() float64 {
	if s.tp+s.fp+s.fn == 0 {
		return 1
	}
	return 2 * float64(s.tp) / float64(2*s.tp+s.fp+s.fn)
}
