package index

// Corpus aggregates, computed by the index rather than by reading records.
//
// bleve has no sum or max aggregation: a facet counts the documents that
// hold each term of a field, and a numeric-range facet counts the documents
// whose value falls in each range. The aggregates are built from those
// counts, with fields written at ingest for that purpose (document.go):
//
//   - Grouping. A keyword field holds the group of an article as one
//     composite term, "authority|year" (fine_group). A term facet on it
//     gives the number of articles of every group in one pass over the
//     doc values of the matching documents, without touching stored fields.
//
//   - Sums, exactly. A second keyword field holds, for the amount to sum,
//     one term per non-zero decimal digit of its value in cents, prefixed
//     by the group: "CNIL|2024|7|2" says « this article of CNIL|2024 has
//     the digit 2 at the place of 10^7 cents ». A term facet on it counts,
//     per group, place and digit, the articles with that digit there, so
//     the group's total is Σ count × digit × 10^place. It is exact (whole
//     cents) and the facet has at most groups × 17 places × 9 digits terms,
//     whatever the number of articles. (Numeric-range facets per group
//     would only bracket the sum; per-group numeric fields would grow the
//     mapping with the data.)
//
//   - Maxima. Digits do not give a maximum, so each group's largest amount
//     is one more search: the group's documents at or above its leading
//     digit (which the digit facet gives: the maximum of a group whose
//     highest non-zero place is p, with at most d there, is in
//     [d×10^p, (d+1)×10^p) cents), usually a handful, whose stored amounts
//     are read. Sorting the whole group on the amount's doc values would
//     decode every doc-value chunk once per group (60 groups of 100 000
//     articles took 1.4 s). The top organisations' largest fines are bounded
//     the same way, by counting the fines above each power of ten down.
//
//   - Rankings (GDPR refs, organisations) are plain term facets, of the
//     whole corpus or of the articles with a fine.
//
// Sanctions (one per sanction: authority, target, kind, amount, date, GDPR
// refs) fit the same scheme: a group field "authority|kind|year", its digit
// field for the amounts, and term facets on targets and GDPR refs. As facets
// count documents, an article with two sanctions in one group counts once;
// to count sanctions, either index each sanction as its own small document
// (with a type field that searches filter out), or add the sanction's
// position to its group and digit terms ("CNIL|fine|2024#1") and add the
// positions up. groupTerms and aggregate below are written for both.

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Stats are corpus aggregates over every indexed article.
type Stats struct {
	Articles int `json:"articles"`
	// Fines groups the articles that report a fine by deciding authority and
	// year of publication; an article counts once, with its largest fine.
	Fines []FineGroup `json:"fines"`
	// GDPR counts the articles citing each GDPR ref, most cited first.
	GDPR []Count `json:"gdpr"`
	// Orgs counts, for each organisation named in an article reporting a fine,
	// those articles and the largest fine among them, most named first.
	Orgs []OrgCount `json:"organisations"`
}

// A FineGroup is the fines reported for one authority in one year.
type FineGroup struct {
	Authority string  `json:"authority"`
	Year      string  `json:"year"`
	Articles  int     `json:"articles"`
	Total     float64 `json:"total_eur"` // sum of each article's largest fine
	Max       float64 `json:"largest_eur"`
}

// A Count is how many articles mention a value.
type Count struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// An OrgCount is how many fine-reporting articles name an organisation.
type OrgCount struct {
	Name     string  `json:"name"`
	Articles int     `json:"articles"`
	MaxFine  float64 `json:"largest_fine_eur"`
}

// StatsOptions configures Stats; the zero value works.
type StatsOptions struct {
	// Top is the length of the GDPR and organisation rankings (default 10).
	Top int
}

// SetDefaults fills the zero fields.
func (o *StatsOptions) SetDefaults() {
	if o.Top <= 0 {
		o.Top = 10
	}
}

// unknownYear is the year of the fines of an undated article.
const unknownYear = "unknown"

// allTerms is the size of a facet that must return every term: bleve
// counts every term anyway and only trims the sorted result to the size.
const allTerms = math.MaxInt32

// Stats computes the corpus aggregates with facets (see the top of this file).
// Fine groups are sorted by authority and year; rankings by count, then name.
func (ix *Index) Stats(opts StatsOptions) (*Stats, error) {
	opts.SetDefaults()
	n, err := ix.Count()
	if err != nil {
		return nil, err
	}
	st := &Stats{Articles: int(n), Fines: []FineGroup{}, GDPR: []Count{}, Orgs: []OrgCount{}}

	// One pass over the corpus: the GDPR ranking, and the fine groups
	// (only the articles with a fine have group and digit terms).
	req := bleve.NewSearchRequestOptions(term(fieldDocType, docArticle), 0, 0, false)
	req.AddFacet("gdpr", bleve.NewFacetRequest(fieldGDPRRef, opts.Top))
	res, groups, err := ix.aggregate(req, fieldFineGroup, fieldFineDigits, fieldMaxFine)
	if err != nil {
		return nil, err
	}
	for _, t := range res.Facets["gdpr"].Terms.Terms() {
		st.GDPR = append(st.GDPR, Count{Name: t.Term, Articles: t.Count})
	}
	var fined []query.Query // the articles with a fine, by group
	for _, g := range groups {
		authority, year, _ := cutLast(g.Key, "|")
		st.Fines = append(st.Fines, FineGroup{Authority: authority, Year: year, Articles: g.Count, Total: g.Sum, Max: g.Max})
		fined = append(fined, term(fieldFineGroup, g.Key))
	}
	sort.Slice(st.Fines, func(i, j int) bool {
		a, b := st.Fines[i], st.Fines[j]
		if a.Authority != b.Authority {
			return a.Authority < b.Authority
		}
		return a.Year < b.Year
	})
	if len(fined) == 0 {
		return st, nil
	}

	// The organisations named in the articles with a fine.
	req = bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(fined...), 0, 0, false)
	req.AddFacet("org", bleve.NewFacetRequest(fieldOrgName, opts.Top))
	res, err = ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("cannot compute stats: %w", err)
	}
	var top float64
	for _, g := range st.Fines {
		top = max(top, g.Max)
	}
	for _, t := range res.Facets["org"].Terms.Terms() {
		largest, err := ix.largestBelow(term(fieldOrgName, t.Term), fieldMaxFine, top)
		if err != nil {
			return nil, err
		}
		st.Orgs = append(st.Orgs, OrgCount{Name: t.Term, Articles: t.Count, MaxFine: largest})
	}
	return st, nil
}

// hasFine matches the articles that report a fine in euros.
func hasFine() query.Query {
	zero, incl := 0.0, false
	q := bleve.NewNumericRangeInclusiveQuery(&zero, nil, &incl, nil)
	q.SetField(fieldMaxFine)
	return q
}

// A group is the aggregate of one group term: how many documents hold it,
// the sum of their amounts and the largest.
type group struct {
	Key      string
	Count    int
	Sum, Max float64 // euros
}

// aggregate runs req with facets on groupField and digitField added, and
// groups the matching documents by the terms of groupField: their number,
// the sum of their amounts from the digit terms (see groupTerms), and the
// largest value of the numeric field maxField. It returns the search's
// result too, for the other facets of req.
//
// The largest values are looked up by a sorted search per group, which
// reads the doc values of every document it matches; the digits bound it
// to the documents whose leading digit is the group's highest, so that it
// reads few: with its highest non-zero place p and digit d there, the
// group's maximum is in [d×10^p, (d+1)×10^p) cents.
func (ix *Index) aggregate(req *bleve.SearchRequest, groupField, digitField, maxField string) (*bleve.SearchResult, []group, error) {
	req.AddFacet("group", bleve.NewFacetRequest(groupField, allTerms))
	req.AddFacet("digits", bleve.NewFacetRequest(digitField, allTerms))
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot compute stats: %w", err)
	}
	cents := map[string]float64{}
	lead := map[string][2]int{} // the highest place, and the highest digit there
	for _, t := range res.Facets["digits"].Terms.Terms() {
		key, place, digit, err := parseDigitTerm(t.Term)
		if err != nil {
			return nil, nil, fmt.Errorf("index term %q of %s: %v", t.Term, digitField, err)
		}
		cents[key] += float64(t.Count) * float64(digit) * math.Pow10(place)
		if l, ok := lead[key]; !ok || place > l[0] || place == l[0] && digit > l[1] {
			lead[key] = [2]int{place, digit}
		}
	}
	var out []group
	for _, t := range res.Facets["group"].Terms.Terms() {
		l := lead[t.Term]
		// Lowered a little, lest float rounding put the bound above the maximum.
		lo := float64(l[1]) * math.Pow10(l[0]-2) * (1 - 1e-9)
		largest, err := ix.largest(term(groupField, t.Term), maxField, lo)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, group{Key: t.Term, Count: t.Count, Sum: math.Round(cents[t.Term]) / 100, Max: largest})
	}
	return res, out, nil
}

// largest is the greatest value of a numeric field, at least min, among
// the documents matching q; 0 when there is none. When they are few, it
// reads the value stored with each; else it sorts them on the field's doc
// values, which reads the values of every document in all their chunks.
func (ix *Index) largest(q query.Query, field string, min float64) (float64, error) {
	const few = 200
	incl := true
	r := bleve.NewNumericRangeInclusiveQuery(&min, nil, &incl, nil)
	r.SetField(field)
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q, r), few, 0, false)
	req.Score = "none"
	req.Fields = []string{field}
	res, err := ix.bleve.Search(req)
	if err == nil && res.Total > few {
		req.Size = 1
		req.SortBy([]string{"-" + field})
		res, err = ix.bleve.Search(req)
	}
	if err != nil {
		return 0, fmt.Errorf("cannot compute stats: %w", err)
	}
	var m float64
	for _, h := range res.Hits {
		v, _ := h.Fields[field].(float64)
		m = max(m, v)
	}
	return m, nil
}

// largestBelow is largest for a maximum known to be at most top: it first
// counts, without reading doc values, the documents at or above each power
// of ten down from top, and sorts only those above the first that has some.
func (ix *Index) largestBelow(q query.Query, field string, top float64) (float64, error) {
	for min := math.Pow10(int(math.Floor(math.Log10(max(top, 1))))); min >= 1; min /= 10 {
		incl := true
		r := bleve.NewNumericRangeInclusiveQuery(&min, nil, &incl, nil)
		r.SetField(field)
		res, err := ix.bleve.Search(bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q, r), 0, 0, false))
		if err != nil {
			return 0, fmt.Errorf("cannot compute stats: %w", err)
		}
		if res.Total > 0 {
			return ix.largest(q, field, min)
		}
	}
	return ix.largest(q, field, 0)
}

// groupTerms gives the digit terms of an amount of minor units (cents) in a
// group: one "group|place|digit" term per non-zero decimal digit.
func groupTerms(group string, minor int64) []string {
	var out []string
	for place := 0; minor > 0; place++ {
		if d := minor % 10; d != 0 {
			out = append(out, group+"|"+strconv.Itoa(place)+"|"+strconv.Itoa(int(d)))
		}
		minor /= 10
	}
	return out
}

// parseDigitTerm splits a term of groupTerms.
func parseDigitTerm(t string) (group string, place, digit int, err error) {
	rest, d, ok1 := cutLast(t, "|")
	group, p, ok2 := cutLast(rest, "|")
	if !ok1 || !ok2 {
		return "", 0, 0, fmt.Errorf("not group|place|digit")
	}
	if place, err = strconv.Atoi(p); err != nil {
		return "", 0, 0, err
	}
	if digit, err = strconv.Atoi(d); err != nil {
		return "", 0, 0, err
	}
	return group, place, digit, nil
}

func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
