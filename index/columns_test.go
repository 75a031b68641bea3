package index

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"github.com/veille/veille/extract"
)

// searchByBleve runs q the plain way, the reference Search must agree with:
// one bleve request with its facets and its sort over every hit. With a
// sanction filter, the sanctions' articles are read from their stored
// records (those of the index), and a sort by their amount is done on every
// hit.
func searchByBleve(t *testing.T, ix *Index, records []*extract.JSONRecord, q Query) *Result {
	t.Helper()
	must, err := ix.articleFilters(q)
	if err != nil {
		t.Fatal(err)
	}
	order, err := sortOrder(q)
	if err != nil {
		t.Fatal(err)
	}
	matched := map[string]float64{} // article id: its matching sanctions' largest amount
	count := map[string]int{}       // article id: how many match
	if q.Sanction != "" {
		for _, r := range records {
			for _, s := range r.Sanctions {
				if sanctionMeets(t, ix, q, r, s) {
					matched[r.ID] = max(matched[r.ID], euros(s))
					count[r.ID]++
				}
			}
		}
		if len(matched) == 0 {
			return &Result{}
		}
		ids := slices.Sorted(func(yield func(string) bool) {
			for id := range matched {
				if !yield(id) {
					return
				}
			}
		})
		must = append(must, bleve.NewDocIDQuery(ids))
	}
	limit := cmpOr(q.Limit, 10)
	bySanctionAmount := q.Sanction != "" && q.Sort == "amount"
	size, from := limit, q.Offset
	if bySanctionAmount {
		size, from = math.MaxInt32, 0
	}
	req := bleve.NewSearchRequestOptions(allOf(must, nil), size, from, false)
	showHits(req, q, order)
	if q.Facets {
		for _, f := range facetFields {
			req.AddFacet(f.name, bleve.NewFacetRequest(f.field, facetSize))
		}
		bands := bleve.NewFacetRequest(fieldMaxFine, len(fineBands))
		for _, b := range fineBands {
			lo, hi := b.min, b.max
			bands.AddNumericRange(b.name, &lo, &hi)
		}
		req.AddFacet("fine", bands)
	}
	res, err := ix.bleve.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	out := &Result{Total: res.Total}
	for _, h := range res.Hits {
		x := hit(h, q.Role)
		x.SanctionAmount = matched[h.ID]
		out.Hits = append(out.Hits, x)
	}
	if bySanctionAmount {
		out.Hits = sortBySanctionAmount(out.Hits, q.Reverse)
		if out.Hits = out.Hits[min(q.Offset, len(out.Hits)):min(q.Offset+limit, len(out.Hits))]; len(out.Hits) == 0 {
			out.Hits = nil
		}
	}
	if q.Facets {
		out.Facets = bleveFacets(res.Facets)
	}
	for i := range out.Hits {
		// Compared apart: the sanctions by number, the scores of a page
		// sorted by sanction amount not at all (its query is another).
		out.Hits[i].Sanctions = make([]extract.JSONSanction, count[out.Hits[i].ID])
		if bySanctionAmount {
			out.Hits[i].Score = 0
		}
	}
	return out
}

// sanctionMeets reports whether s, a sanction of r, meets every sanction
// filter of q, as the SPEC says: its kind, its target (Org) and authority
// named by their first words, its GDPR refs or their parents, its amount in
// euros, and its date, else r's publication date.
func sanctionMeets(t *testing.T, ix *Index, q Query, r *extract.JSONRecord, s extract.JSONSanction) bool {
	t.Helper()
	if q.Sanction != AnySanction && s.Kind != q.Sanction {
		return false
	}
	named := func(name *string, want string) bool {
		if want == "" {
			return true
		}
		if name == nil || *name == "" {
			return false
		}
		n, err := ix.fold(*name)
		w, err2 := ix.fold(want)
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		return n == w || strings.HasPrefix(n, w+" ")
	}
	if !named(&s.Target, q.Org) || !named(s.Authority, q.Authority) {
		return false
	}
	if q.GDPR != "" && !slices.ContainsFunc(s.GDPRRefs, func(ref string) bool {
		return ref == q.GDPR || strings.HasPrefix(ref, q.GDPR+"-")
	}) {
		return false
	}
	if v := euros(s); (q.MinAmount > 0 || q.MaxAmount > 0) &&
		(v == 0 || q.MinAmount > 0 && v < q.MinAmount || q.MaxAmount > 0 && v > q.MaxAmount) {
		return false
	}
	if q.Since.IsZero() && q.Until.IsZero() {
		return true
	}
	date := s.Date
	if date == nil {
		date = r.Published
	}
	if date == nil {
		return false
	}
	d, err := extract.ParseCivilDate(*date)
	if err != nil {
		t.Fatal(err)
	}
	return (q.Since.IsZero() || !startOf(d).Before(startOf(q.Since))) &&
		(q.Until.IsZero() || startOf(d).Before(endOf(q.Until)))
}

// euros is the amount of s in euros; 0 when it has none.
func euros(s extract.JSONSanction) float64 {
	if s.Amount == nil || s.Currency == nil || *s.Currency != "EUR" {
		return 0
	}
	return *s.Amount
}

func cmpOr(a, b int) int {
	if a > 0 {
		return a
	}
	return b
}

// bleveFacets turns bleve's facets into Search's.
func bleveFacets(fr search.FacetResults) []Facet {
	var out []Facet
	for _, f := range facetFields {
		facet := Facet{Name: f.name}
		for _, t := range fr[f.name].Terms.Terms() {
			facet.Terms = append(facet.Terms, FacetTerm{Term: t.Term, Count: t.Count})
		}
		out = append(out, facet)
	}
	fine := Facet{Name: "fine"}
	counts := map[string]int{}
	for _, nr := range fr["fine"].NumericRanges {
		counts[nr.Name] = nr.Count
	}
	for _, b := range fineBands {
		if counts[b.name] > 0 {
			fine.Terms = append(fine.Terms, FacetTerm{Term: b.name, Count: counts[b.name]})
		}
	}
	return append(out, fine)
}

// TestSearchAgreesWithBleve checks the counts and rankings of Search
// (columns.go) against bleve's own facets and sorts: the same hits in the same order,
// with the same scores, snippets and fields, the same totals and facets,
// over sorts, pages (the first, one further, one past the valued hits,
// one past the end) and filters, with and without a sanction filter.
func TestSearchAgreesWithBleve(t *testing.T) {
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	recs := generated(600, 3)
	for i, r := range recs { // scores that differ, and titles to match
		if i%3 == 0 {
			r.Text += " Google Meta amende amende."
		}
		if i%7 == 0 {
			r.Title = "Amende record"
		}
	}
	indexRecords(t, ix, recs)
	var qs []Query
	for _, text := range []string{"", "amende", "Google OR Meta", "sécurité -Meta", "title:amende"} {
		for _, by := range Sorts {
			for _, reverse := range []bool{false, true} {
				for _, offset := range []int{0, 7, 400, 5000} {
					q := Query{Text: text, Sort: by, Reverse: reverse, Offset: offset, Facets: true}
					variants := []func(*Query){
						func(*Query) {},
						func(q *Query) { q.Authority, q.MinAmount, q.Since = "CNIL", 10000, extract.CivilDate{Year: 2019} },
						func(q *Query) { q.Org, q.GDPR, q.Role = "google", "5", "fine" },
						func(q *Query) { q.Role, q.MaxAmount, q.Limit = "penalty_liquidation", 500000, 3 },
						func(q *Query) { q.Sanction, q.Authority, q.MinAmount = "fine", "CNIL", 1000 },
						func(q *Query) { q.Sanction, q.Until, q.Limit = AnySanction, extract.CivilDate{Year: 2022, Month: 6}, 3 },
					}
					for _, v := range variants {
						x := q
						v(&x)
						qs = append(qs, x)
					}
				}
			}
		}
	}
	var records []*extract.JSONRecord
	err = ix.Each(func(r *extract.JSONRecord) error {
		records = append(records, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A first pass with no column read before each query (a few hits are
	// counted from their doc values, more from the columns), a second with
	// every column read.
	for pass := range 2 {
		for _, q := range qs {
			if pass == 0 {
				ix.closeSnapshot()
			}
			compareSearch(t, ix, records, q)
		}
	}
}

// compareSearch checks Search(q) against searchByBleve.
func compareSearch(t *testing.T, ix *Index, records []*extract.JSONRecord, q Query) {
	t.Helper()
	want := searchByBleve(t, ix, records, q)
	got, err := ix.Search(q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	for i := range got.Hits {
		got.Hits[i].Sanctions = make([]extract.JSONSanction, len(got.Hits[i].Sanctions))
		if q.Sanction != "" && q.Sort == "amount" {
			got.Hits[i].Score = 0
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Search(%+v) =\n%s\nwant (bleve's facets and sort)\n%s", q, describe(got), describe(want))
	}
}

func describe(r *Result) string {
	return fmt.Sprintf("total %d, hits %+v,\nfacets %v", r.Total, r.Hits, r.Facets)
}

// TestSearchWhileWriting searches from several goroutines while batches are
// written: each search keeps its snapshot open until it is done, though a
// later search moves on to the next one.
func TestSearchWhileWriting(t *testing.T) {
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	recs := generated(400, 5)
	indexRecords(t, ix, recs[:100])
	done := make(chan error)
	for range 3 {
		go func() {
			for range 20 {
				res, err := ix.Search(Query{Facets: true, Sort: "amount", Authority: "CNIL"})
				if err == nil && res.Total == 0 {
					err = fmt.Errorf("no hit")
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for i := 100; i < len(recs); i += 50 {
		indexRecords(t, ix, recs[i:i+50])
	}
	for range 3 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
