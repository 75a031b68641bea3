package index

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/veille/veille/extract"
)

var (
	benchArticles = flag.Int("stats.articles", 2000, "articles in the index of BenchmarkStats")
	benchIndex    = flag.String("stats.index", "", "keep the index of BenchmarkStats in this directory, and reuse it when it is there")
)

// generated returns n articles shaped like real ones: one article in two
// reports a fine (in euros and cents) of one of a few authorities, in one
// of a few years or undated, and cites GDPR refs and organisations drawn
// with skewed frequencies.
func generated(n int, seed uint64) []*extract.Record {
	rnd := rand.New(rand.NewPCG(seed, 1))
	authorities := []string{"CNIL", "Conseil d'État", "Autorité de la concurrence", "AMF", "ARCEP", "CEPD"}
	orgs := []string{"Google LLC", "Meta", "Amazon", "Clearview AI", "Kaspr", "Orange", "Free", "Criteo", "Doctissimo", "Apple"}
	refs := []string{"5-1-e", "5-1-c", "6", "12", "13", "15", "17", "21", "25", "32", "82", "83-5"}
	filler := strings.Repeat(" La formation restreinte relève un manquement à l'obligation de sécurité des données.", 30)
	skew := func(k int) int { return min(int(rnd.ExpFloat64()*float64(k)/3), k-1) }
	out := make([]*extract.Record, n)
	for i := range out {
		authority := authorities[skew(len(authorities))]
		org := orgs[skew(len(orgs))]
		text := fmt.Sprintf("La %s a sanctionné %s.", authority, org)
		var f extract.Facts
		f.Entities = []extract.Entity{
			{Span: at(text, authority), Text: authority, Type: extract.Authority, Name: authority},
			{Span: at(text, org), Text: org, Type: extract.Org, Name: org},
		}
		if rnd.IntN(2) == 0 {
			minor := rnd.Int64N(1e6) * 100
			if rnd.IntN(3) == 0 {
				minor = rnd.Int64N(1e11) // up to a billion euros, with cents
			}
			f.Amounts = []extract.Amount{{Span: at(text, "sanctionné"), Text: "sanctionné", Minor: minor, Currency: "EUR", Role: extract.RoleFine}}
		}
		for range rnd.IntN(4) {
			ref := refs[skew(len(refs))]
			parts := strings.SplitN(ref, "-", 3)
			g := extract.GDPRRef{Span: at(text, "La"), Text: "La"}
			fmt.Sscan(parts[0], &g.Article)
			if len(parts) > 1 {
				fmt.Sscan(parts[1], &g.Paragraph)
			}
			if len(parts) > 2 {
				g.Point = parts[2]
			}
			f.GDPRRefs = append(f.GDPRRefs, g)
		}
		published := ""
		if y := rnd.IntN(9); y < 8 {
			published = fmt.Sprintf("%d-%02d", 2018+y, 1+rnd.IntN(12))
		}
		out[i] = record(fmt.Sprintf("gen-%06d", i), published, "Sanction", text+filler, func(string) extract.Facts { return f })
	}
	return out
}

// statsByReading is how Stats used to compute the aggregates, reading every
// stored record: the reference the facets must agree with.
func statsByReading(tb testing.TB, ix *Index, top int) *Stats {
	tb.Helper()
	st := &Stats{Fines: []FineGroup{}, GDPR: []Count{}, Orgs: []OrgCount{}}
	fines := map[string]*FineGroup{}
	gdprCount := map[string]int{}
	orgs := map[string]*OrgCount{}
	err := ix.Each(func(r *extract.JSONRecord) error {
		st.Articles++
		seen := map[string]bool{}
		for _, g := range r.GDPRRefs {
			if !seen[g.Ref] {
				seen[g.Ref] = true
				gdprCount[g.Ref]++
			}
		}
		var fine float64
		for _, a := range r.Amounts {
			if a.Role == "fine" && a.Currency == "EUR" {
				fine = max(fine, a.Value)
			}
		}
		if fine == 0 {
			return nil
		}
		year := unknownYear
		if r.Published != nil {
			year = (*r.Published)[:4]
		}
		authority := "unknown"
		for _, e := range r.Entities {
			if e.Type == string(extract.Authority) {
				authority = e.Name
				break
			}
		}
		g := fines[authority+"|"+year]
		if g == nil {
			g = &FineGroup{Authority: authority, Year: year}
			fines[authority+"|"+year] = g
		}
		g.Articles++
		g.Total += fine
		g.Max = max(g.Max, fine)
		for _, e := range r.Entities {
			if e.Type == string(extract.Org) {
				o := orgs[e.Name]
				if o == nil {
					o = &OrgCount{Name: e.Name}
					orgs[e.Name] = o
				}
				o.Articles++
				o.MaxFine = max(o.MaxFine, fine)
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	for _, g := range fines {
		g.Total = float64(int64(g.Total*100+0.5)) / 100
		st.Fines = append(st.Fines, *g)
	}
	sort.Slice(st.Fines, func(i, j int) bool {
		a, b := st.Fines[i], st.Fines[j]
		return a.Authority < b.Authority || a.Authority == b.Authority && a.Year < b.Year
	})
	for ref, n := range gdprCount {
		st.GDPR = append(st.GDPR, Count{ref, n})
	}
	sort.Slice(st.GDPR, func(i, j int) bool {
		a, b := st.GDPR[i], st.GDPR[j]
		return a.Articles > b.Articles || a.Articles == b.Articles && a.Name < b.Name
	})
	for _, o := range orgs {
		st.Orgs = append(st.Orgs, *o)
	}
	sort.Slice(st.Orgs, func(i, j int) bool {
		a, b := st.Orgs[i], st.Orgs[j]
		return a.Articles > b.Articles || a.Articles == b.Articles && a.Name < b.Name
	})
	st.GDPR = st.GDPR[:min(top, len(st.GDPR))]
	st.Orgs = st.Orgs[:min(top, len(st.Orgs))]
	return st
}

func indexRecords(tb testing.TB, ix *Index, recs []*extract.Record) {
	tb.Helper()
	w := ix.NewWriter()
	for _, r := range recs {
		if err := w.Add(r); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
}

// TestStatsAgreeWithRecords checks the facet arithmetic against the sums
// and maxima of the records themselves, cents included.
func TestStatsAgreeWithRecords(t *testing.T) {
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	indexRecords(t, ix, generated(600, 7))
	got, err := ix.Stats(StatsOptions{Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	want := statsByReading(t, ix, 5)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats() =\n%+v\nwant (from the records)\n%+v", got, want)
	}
	if len(got.Fines) < 20 {
		t.Errorf("only %d fine groups: the test corpus should have more", len(got.Fines))
	}
}

func TestGroupTerms(t *testing.T) {
	got := groupTerms("CNIL|2024", 24000050)
	want := []string{"CNIL|2024|1|5", "CNIL|2024|6|4", "CNIL|2024|7|2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groupTerms(CNIL|2024, 24000050) = %v, want %v", got, want)
	}
	g, place, digit, err := parseDigitTerm("A|b|2024|6|2")
	if err != nil || g != "A|b|2024" || place != 6 || digit != 2 {
		t.Errorf("parseDigitTerm = %q %d %d %v", g, place, digit, err)
	}
}

// BenchmarkStats measures Stats on an index on disk of -stats.articles
// generated articles (2 000 by default), against reading every record as
// Stats did before. -stats.index DIR keeps the index to reuse it:
//
//	go test ./index -run '^$' -bench Stats -stats.articles 100000 -stats.index /tmp/stats100k.bleve
func BenchmarkStats(b *testing.B) {
	dir := *benchIndex
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "stats.bleve")
	}
	_, statErr := os.Stat(dir)
	ix, err := Open(dir, true, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if statErr != nil {
		start := time.Now()
		const chunk = 10000
		for i := 0; i < *benchArticles; i += chunk {
			recs := generated(min(chunk, *benchArticles-i), uint64(i))
			for j, r := range recs {
				r.ID = fmt.Sprintf("gen-%07d", i+j)
			}
			indexRecords(b, ix, recs)
		}
		b.Logf("indexed %d articles in %s", *benchArticles, time.Since(start).Round(time.Second))
	}
	n, _ := ix.Count()
	b.Run(fmt.Sprintf("facets/%d", n), func(b *testing.B) {
		for b.Loop() {
			if _, err := ix.Stats(StatsOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run(fmt.Sprintf("reading/%d", n), func(b *testing.B) {
		for b.Loop() {
			statsByReading(b, ix, 10)
		}
	})
}

func TestSanctioned(t *testing.T) {
	ix := newCorpusIndex(t)
	got, total, err := ix.Sanctioned(2)
	if err != nil {
		t.Fatal(err)
	}
	if total != 3 || len(got) != 2 {
		t.Fatalf("Sanctioned(2) = %d articles of %d, want 2 of 3", len(got), total)
	}
	first := got[0]
	if first.Record.ID != "google" || first.Authority != "Autorité de la concurrence" || first.MaxFine != 5e8 || first.Record.Title == "" {
		t.Errorf("first = %+v %+v, want google by the Autorité de la concurrence, 500 M€", first, *first.Record)
	}
	if got[1].Record.ID != "clearview" {
		t.Errorf("second = %s, want clearview", got[1].Record.ID)
	}
}

func TestStatsOfAnEmptyIndex(t *testing.T) {
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err := ix.Stats(StatsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Stats{Fines: []FineGroup{}, GDPR: []Count{}, Orgs: []OrgCount{}}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("Stats() of an empty index = %+v, want empty lists (JSON [], not null)", st)
	}
}
