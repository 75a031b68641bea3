package index

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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
// of a few years or undated, and a sanction for it, decided in the year of
// publication or another one or at no date written; one in four reports
// another sanction: a reprimand, a warning, a liquidated astreinte or a fine
// in pounds, or a fine whose sanction was not extracted. They cite GDPR refs
// and organisations drawn with skewed frequencies.
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
		org, other := orgs[skew(len(orgs))], orgs[skew(len(orgs))]
		text := fmt.Sprintf("La %s a sanctionné %s.", authority, org)
		var f extract.Facts
		f.Entities = []extract.Entity{
			{Span: at(text, authority), Text: authority, Type: extract.Authority, Name: authority},
			{Span: at(text, org), Text: org, Type: extract.Org, Name: org},
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
		sanction := func(kind extract.SanctionKind, target string, a *extract.Amount) extract.Sanction {
			s := extract.Sanction{Span: at(text, "sanctionné"), Text: "sanctionné", Authority: authority, Target: target, Kind: kind, Amount: a}
			if rnd.IntN(10) == 0 {
				s.Authority = ""
			}
			if rnd.IntN(3) > 0 {
				s.Date = extract.CivilDate{Year: 2016 + rnd.IntN(10), Month: 1 + rnd.IntN(12)}
			}
			for _, g := range f.GDPRRefs {
				if rnd.IntN(2) == 0 && !slices.Contains(s.GDPR, g.Ref()) {
					s.GDPR = append(s.GDPR, g.Ref())
				}
			}
			return s
		}
		euros := func() *extract.Amount {
			minor := rnd.Int64N(1e6) * 100
			if rnd.IntN(3) == 0 {
				minor = rnd.Int64N(1e11) // up to a billion euros, with cents
			}
			return &extract.Amount{Span: at(text, "sanctionné"), Text: "sanctionné", Minor: minor, Currency: "EUR", Role: extract.RoleFine}
		}
		if rnd.IntN(2) == 0 {
			a := euros()
			f.Amounts = append(f.Amounts, *a)
			f.Sanctions = append(f.Sanctions, sanction(extract.SanctionFine, org, a))
		}
		if rnd.IntN(4) == 0 {
			switch rnd.IntN(6) {
			case 0:
				f.Sanctions = append(f.Sanctions, sanction(extract.SanctionReprimand, other, nil))
			case 1:
				f.Sanctions = append(f.Sanctions, sanction(extract.SanctionWarning, other, nil))
			case 2:
				a := euros()
				a.Role = extract.RolePenaltyLiquidation
				f.Amounts = append(f.Amounts, *a)
				f.Sanctions = append(f.Sanctions, sanction(extract.SanctionPenaltyLiquidation, other, a))
			case 3:
				a := euros()
				a.Currency = "GBP"
				f.Amounts = append(f.Amounts, *a)
				f.Sanctions = append(f.Sanctions, sanction(extract.SanctionFine, other, a))
			case 4:
				f.Sanctions = append(f.Sanctions, sanction(extract.SanctionOther, other, nil))
			default: // a fine whose sanction was not extracted
				f.Amounts = append(f.Amounts, *euros())
			}
		}
		out[i] = record(fmt.Sprintf("gen-%06d", i), published, "Sanction", text+filler, func(string) extract.Facts { return f })
	}
	return out
}

// statsByReading computes the aggregates by reading every stored record:
// the reference the facets must agree with.
func statsByReading(tb testing.TB, ix *Index, top int) *Stats {
	tb.Helper()
	st := &Stats{Groups: []SanctionGroup{}, GDPR: []Count{}, SanctionGDPR: []SanctionCount{}, Orgs: []OrgCount{}}
	groups := map[string]*SanctionGroup{}
	cents := map[string]int64{}
	gdprCount, sanctionGDPR := map[string]int{}, map[string]int{}
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
		if fine, _ := r.LargestFine(); fine > 0 && len(r.Sanctions) == 0 {
			st.FinesWithoutSanction++
		}
		for _, s := range r.Sanctions {
			st.Sanctions++
			authority, year := unknown, unknown
			if s.Authority != nil {
				authority = *s.Authority
			}
			if s.Date != nil {
				year = (*s.Date)[:4]
			} else if r.Published != nil {
				year = (*r.Published)[:4]
			}
			key := authority + "|" + s.Kind + "|" + year
			g := groups[key]
			if g == nil {
				g = &SanctionGroup{Authority: authority, Kind: s.Kind, Year: year}
				groups[key] = g
			}
			g.Sanctions++
			var euros float64
			if s.Amount != nil && *s.Currency == "EUR" {
				euros = *s.Amount
				cents[key] += int64(math.Round(euros * 100))
				g.Max = max(g.Max, euros)
			}
			if s.Target != "" {
				o := orgs[s.Target]
				if o == nil {
					o = &OrgCount{Name: s.Target}
					orgs[s.Target] = o
				}
				o.Sanctions++
				o.Max = max(o.Max, euros)
			}
			for _, ref := range s.GDPRRefs {
				sanctionGDPR[ref]++
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	kinds := map[string]int{}
	for i, k := range extract.SanctionKinds {
		kinds[string(k)] = i
	}
	for key, g := range groups {
		g.Total = float64(cents[key]) / 100
		st.Groups = append(st.Groups, *g)
	}
	sort.Slice(st.Groups, func(i, j int) bool {
		a, b := st.Groups[i], st.Groups[j]
		if a.Authority != b.Authority {
			return a.Authority < b.Authority
		}
		if a.Kind != b.Kind {
			return kinds[a.Kind] < kinds[b.Kind]
		}
		return a.Year < b.Year
	})
	for ref, n := range gdprCount {
		st.GDPR = append(st.GDPR, Count{ref, n})
	}
	sort.Slice(st.GDPR, func(i, j int) bool {
		a, b := st.GDPR[i], st.GDPR[j]
		return a.Articles > b.Articles || a.Articles == b.Articles && a.Name < b.Name
	})
	for ref, n := range sanctionGDPR {
		st.SanctionGDPR = append(st.SanctionGDPR, SanctionCount{ref, n})
	}
	sort.Slice(st.SanctionGDPR, func(i, j int) bool {
		a, b := st.SanctionGDPR[i], st.SanctionGDPR[j]
		return a.Sanctions > b.Sanctions || a.Sanctions == b.Sanctions && a.Name < b.Name
	})
	for _, o := range orgs {
		st.Orgs = append(st.Orgs, *o)
	}
	sort.Slice(st.Orgs, func(i, j int) bool {
		a, b := st.Orgs[i], st.Orgs[j]
		return a.Sanctions > b.Sanctions || a.Sanctions == b.Sanctions && a.Name < b.Name
	})
	st.GDPR = st.GDPR[:min(top, len(st.GDPR))]
	st.SanctionGDPR = st.SanctionGDPR[:min(top, len(st.SanctionGDPR))]
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
	if len(got.Groups) < 60 || got.FinesWithoutSanction == 0 {
		t.Errorf("%d sanction groups, %d fines without sanction: the test corpus should have more", len(got.Groups), got.FinesWithoutSanction)
	}
}

// TestSanctionFactTerm checks that a sanction's facts come back whole from
// its term, with or without amount, date, names and refs, and that a term
// of something else is refused.
func TestSanctionFactTerm(t *testing.T) {
	for _, f := range []sanctionFact{
		{N: 3, Kind: "fine", Authority: "Conseil d'État", Target: "Google LLC", Euros: 24000000.5,
			Date: extract.CivilDate{Year: 2024, Month: 3, Day: 7}, GDPRRefs: []string{"5-1-e", "83-5"}},
		{N: 1, Kind: "reprimand", Date: extract.CivilDate{Year: 2021}},
		{N: 12, Kind: "penalty_liquidation", Target: "Kaspr", Euros: 1e15},
	} {
		got, err := parseSanctionFact(f.term())
		if err != nil || !reflect.DeepEqual(got, f) {
			t.Errorf("parseSanctionFact(%q) = %+v, %v; want %+v", f.term(), got, err, f)
		}
	}
	odd := sanctionFact{N: 1, Kind: "fine", Target: "A" + factSep + "B"}
	if got, err := parseSanctionFact(odd.term()); err != nil || got.Target != "A B" {
		t.Errorf("a name holding the separator gave %+v, %v; want the target A B", got, err)
	}
	for _, bad := range []string{"", "fine", "x\x1ffine\x1f\x1f\x1f\x1f\x1f", "1\x1ffine\x1f\x1f\x1fmuch\x1f\x1f"} {
		if _, err := parseSanctionFact(bad); err == nil {
			t.Errorf("parseSanctionFact(%q) gave no error", bad)
		}
	}
}

// benchmarkIndex opens the index of -stats.index, or of a temporary
// directory, and fills it with -stats.articles generated articles when it
// is new.
func benchmarkIndex(b *testing.B) *Index {
	b.Helper()
	dir := *benchIndex
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "stats.bleve")
	}
	_, statErr := os.Stat(dir)
	ix, err := Open(dir, true, Options{})
	if err != nil {
		b.Fatal(err)
	}
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
	return ix
}

// BenchmarkSearch measures a filtered, faceted, sorted search on the index
// of BenchmarkStats, and reports the median latency of its calls, and that
// of the first, which reads the columns of the index (columns.go):
//
//	go test ./index -run '^$' -bench Search -stats.articles 100000 -stats.index /tmp/stats100k.bleve
func BenchmarkSearch(b *testing.B) {
	ix := benchmarkIndex(b)
	defer ix.Close()
	n, _ := ix.Count()
	for _, c := range []struct {
		name string
		q    Query
	}{
		{"text+filters+facets+sort", Query{Text: "sanctionné", Authority: "CNIL", MinAmount: 10000, Since: extract.CivilDate{Year: 2015},
			Facets: true, Sort: "amount", Limit: 10}},
		{"sanction+filters+facets+sort", Query{Sanction: "fine", Authority: "CNIL", MinAmount: 10000, Since: extract.CivilDate{Year: 2015},
			Facets: true, Sort: "amount", Limit: 10}},
	} {
		b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
			ix.closeSnapshot() // the first call reads the columns again
			var took []time.Duration
			for b.Loop() {
				start := time.Now()
				if _, err := ix.Search(c.q); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			b.ReportMetric(float64(took[0].Microseconds())/1000, "ms/first")
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms/median")
		})
	}
}

// BenchmarkStats measures Stats on an index on disk of -stats.articles
// generated articles (2 000 by default, with about 0.75 sanction each),
// against reading every record. -stats.index DIR keeps the index to reuse it:
//
//	go test ./index -run '^$' -bench Stats -stats.articles 100000 -stats.index /tmp/stats100k.bleve
func BenchmarkStats(b *testing.B) {
	ix := benchmarkIndex(b)
	defer ix.Close()
	n, _ := ix.Count()
	b.Run(fmt.Sprintf("index/%d", n), func(b *testing.B) {
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
	want := &Stats{Groups: []SanctionGroup{}, GDPR: []Count{}, SanctionGDPR: []SanctionCount{}, Orgs: []OrgCount{}}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("Stats() of an empty index = %+v, want empty lists (JSON [], not null)", st)
	}
}

// TestStatsOfManyEqualAmounts: the sum of many amounts with cents stays
// exact, and an amount of 10^15 euros is summed and ranked whole.
func TestStatsOfManyEqualAmounts(t *testing.T) {
	// And one of 10^15 euros, whose Log10 rounds down.
	text := "La CNIL a infligé une amende de 10^15 euros à Alpha."
	huge := record("huge", "2025-01", "Amende", text, func(t string) extract.Facts {
		a := extract.Amount{Span: at(t, "10^15 euros"), Text: "10^15 euros", Minor: 1e17, Currency: "EUR", Role: extract.RoleFine}
		return extract.Facts{Amounts: []extract.Amount{a},
			Sanctions: []extract.Sanction{{Span: at(t, "amende"), Text: "amende", Kind: extract.SanctionFine, Authority: "CNIL", Target: "Alpha", Amount: &a}}}
	})
	recs := []*extract.Record{huge}
	for i := range 250 {
		text := "La CNIL a infligé une amende de 1 000,50 euros à Kaspr."
		recs = append(recs, record(fmt.Sprintf("a%03d", i), "2024-01", "Amende", text, func(t string) extract.Facts {
			a := extract.Amount{Span: at(t, "1 000,50 euros"), Text: "1 000,50 euros", Minor: 100050, Currency: "EUR", Role: extract.RoleFine}
			return extract.Facts{Amounts: []extract.Amount{a},
				Sanctions: []extract.Sanction{{Span: at(t, "amende"), Text: "amende", Kind: extract.SanctionFine, Authority: "CNIL", Target: "Kaspr", Amount: &a}}}
		}))
	}
	st, err := newIndexOf(t, recs).Stats(StatsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []SanctionGroup{{Authority: "CNIL", Kind: "fine", Year: "2024", Sanctions: 250, Total: 250125, Max: 1000.5},
		{Authority: "CNIL", Kind: "fine", Year: "2025", Sanctions: 1, Total: 1e15, Max: 1e15}}
	if !reflect.DeepEqual(st.Groups, want) {
		t.Errorf("groups %+v, want %+v", st.Groups, want)
	}
	if want := []OrgCount{{"Kaspr", 250, 1000.5}, {"Alpha", 1, 1e15}}; !reflect.DeepEqual(st.Orgs, want) {
		t.Errorf("organisations %+v, want %+v", st.Orgs, want)
	}
}
