package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/eval"
	"github.com/veille/veille/extract/pipeline"
)

// devCorpus is the development corpus that sits beside the repository on
// the developers' machines and in CI, not in a user's clone.
var devCorpus = filepath.Join("..", "..", "shared", "eval", "dev")

// TestQuestionOnDevCorpus asks the question of the README, « fined over 1 M€
// for breaching 5-1-e » (search -sanction fine -min-amount 1000000 -gdpr
// 5-1-e), of the whole development corpus, and wants exactly the articles
// whose gold reports such a sanction: one fine, in euros, of at least 1 M€
// (-min-amount is inclusive), tying 5-1-e (or a finer ref) to that fine.
// Then the same decided since 2020 (the sanction's date, else the article's
// publication date, as -since does with -sanction). A mismatch lists the
// missing and the extra articles, each with its gold and extracted
// sanctions, so that it can be fixed where it arises.
func TestQuestionOnDevCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end search of the development corpus skipped under -short")
	}
	if _, err := os.Stat(devCorpus); err != nil {
		t.Skipf("no development corpus at %s (it sits beside the repository in development and CI only)", devCorpus)
	}
	f, err := os.Open(filepath.Join(devCorpus, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	gold, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}

	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	records := map[string]extract.JSONRecord{} // by gold key
	keyOf := map[string]string{}               // gold key by article id
	_, err = pipeline.Run(context.Background(), []string{filepath.Join(devCorpus, "docs")}, strings.NewReader(""), pipeline.Options{},
		func(r *extract.Record) error {
			if r.Skipped != extract.NotSkipped {
				return nil
			}
			key := recordKey(r.Source)
			records[key], keyOf[r.ID] = r.JSON(), key
			return w.Add(r)
		})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	since2020, _ := extract.ParseCivilDate("2020")
	for _, c := range []struct {
		name  string
		args  string // the same search on the command line
		since string // "" for no bound, else the first year
		q     Query
	}{
		{"fined over 1 M€ for breaching 5-1-e", "-sanction fine -min-amount 1000000 -gdpr 5-1-e", "",
			Query{Sanction: "fine", MinAmount: 1e6, GDPR: "5-1-e"}},
		{"the same since 2020", "-sanction fine -min-amount 1000000 -gdpr 5-1-e -since 2020", "2020",
			Query{Sanction: "fine", MinAmount: 1e6, GDPR: "5-1-e", Since: since2020}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var want []string
			for _, g := range gold {
				if g.DuplicateOf != nil && *g.DuplicateOf != "" {
					continue // not indexed: its original is
				}
				if g.Sanctions == nil {
					continue
				}
				if slices.ContainsFunc(*g.Sanctions, func(s eval.GoldSanction) bool { return answers(s, g.Published, c.since) }) {
					want = append(want, g.Key())
				}
			}
			slices.Sort(want)
			c.q.Limit = 1000
			res, err := ix.Search(c.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, keyOf[h.ID])
			}
			slices.Sort(got)
			if slices.Equal(got, want) {
				return
			}
			goldOf := map[string]eval.Gold{}
			for _, g := range gold {
				goldOf[g.Key()] = g
			}
			var b strings.Builder
			fmt.Fprintf(&b, "search %s found %d articles %v, the gold wants %d %v", c.args, len(got), got, len(want), want)
			for _, k := range want {
				if !slices.Contains(got, k) {
					fmt.Fprintf(&b, "\nmissing %s\n%s", k, sanctionsOf(goldOf[k], records[k]))
				}
			}
			for _, k := range got {
				if !slices.Contains(want, k) {
					fmt.Fprintf(&b, "\nextra %s\n%s", k, sanctionsOf(goldOf[k], records[k]))
				}
			}
			t.Error(b.String())
		})
	}
}

// answers reports whether a gold sanction answers the question: a fine of
// at least 1 M€ tied to 5-1-e (or a finer ref), decided (else published)
// in or after the year since, when given.
func answers(s eval.GoldSanction, published *string, since string) bool {
	if s.Kind != "fine" || s.Amount == nil || *s.Amount < 1e6 || (s.Currency != nil && *s.Currency != "EUR") {
		return false
	}
	if !slices.ContainsFunc(s.GDPRRefs, func(r string) bool { return r == "5-1-e" || strings.HasPrefix(r, "5-1-e-") }) {
		return false
	}
	if since == "" {
		return true
	}
	date := s.Date
	if date == nil {
		date = published
	}
	return date != nil && *date >= since
}

// recordKey is the file name of a record's source, with its "#record id"
// inside a dump, as eval.Gold.Key names a gold line.
func recordKey(source string) string {
	base, frag, _ := strings.Cut(source, "#")
	k := path.Base(filepath.ToSlash(base))
	if frag != "" {
		k += "#" + frag
	}
	return k
}

// sanctionsOf lists an article's gold and extracted sanctions, for a report.
func sanctionsOf(g eval.Gold, r extract.JSONRecord) string {
	var b strings.Builder
	if g.Sanctions != nil {
		for _, s := range *g.Sanctions {
			js, _ := json.Marshal(s)
			fmt.Fprintf(&b, "  gold      %s\n", js)
		}
	}
	for _, s := range r.Sanctions {
		js, _ := json.Marshal(eval.GoldSanction{Authority: s.Authority, Target: s.Target, Kind: s.Kind, Amount: s.Amount,
			Currency: s.Currency, Date: s.Date, GDPRRefs: s.GDPRRefs})
		fmt.Fprintf(&b, "  extracted %s\n", js)
	}
	return b.String()
}

// TestStatsOnDevCorpus checks the facet arithmetic of Stats against the
// records on real extractions: authorities and dates missing, amounts in
// other currencies, the same organisation sanctioned in many articles.
func TestStatsOnDevCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("indexing the development corpus skipped under -short")
	}
	if _, err := os.Stat(devCorpus); err != nil {
		t.Skipf("no development corpus at %s (it sits beside the repository in development and CI only)", devCorpus)
	}
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	_, err = pipeline.Run(context.Background(), []string{filepath.Join(devCorpus, "docs")}, strings.NewReader(""), pipeline.Options{},
		func(r *extract.Record) error {
			if r.Skipped != extract.NotSkipped {
				return nil
			}
			return w.Add(r)
		})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Stats(StatsOptions{Top: 8})
	if err != nil {
		t.Fatal(err)
	}
	if want := statsByReading(t, ix, 8); !reflect.DeepEqual(got, want) {
		t.Errorf("Stats() =\n%+v\nwant (from the records)\n%+v", got, want)
	}
	if got.Sanctions < 100 {
		t.Errorf("%d sanctions in the development corpus: the extraction finds more", got.Sanctions)
	}
}
