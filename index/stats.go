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
//     is one more search: the group's term, sorted by the amount field
//     (doc values), one hit. Groups are few (authorities × years), and so
//     are the top organisations whose largest fine is looked up the same way.
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
	n, err := ix.bleve.DocCount()
	if err != nil {
		return nil, fmt.Errorf("cannot read the index: %w", err)
	}
	st := &Stats{Articles: int(n), Fines: []FineGroup{}, GDPR: []Count{}, Orgs: []OrgCount{}}

	// The whole corpus: the GDPR ranking.
	all := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	all.AddFacet("gdpr", bleve.NewFacetRequest(fieldGDPRRef, opts.Top))
	res, err := ix.bleve.Search(all)
	if err != nil {
		return nil, fmt.Errorf("cannot compute stats: %w", err)
	}
	for _, t := range res.Facets["gdpr"].Terms.Terms() {
		st.GDPR = append(st.GDPR, Count{Name: t.Term, Articles: t.Count})
	}

	// The articles with a fine: groups, sums, maxima, organisations.
	fined := hasFine()
	groups, err := ix.aggregate(fined, fieldFineGroup, fieldFineDigits, fieldMaxFine)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		authority, year, _ := cutLast(g.Key, "|")
		st.Fines = append(st.Fines, FineGroup{Authority: authority, Year: year, Articles: g.Count, Total: g.Sum, Max: g.Max})
	}
	sort.Slice(st.Fines, func(i, j int) bool {
		a, b := st.Fines[i], st.Fines[j]
		if a.Authority != b.Authority {
			return a.Authority < b.Authority
		}
		return a.Year < b.Year
	})

	orgReq := bleve.NewSearchRequestOptions(fined, 0, 0, false)
	orgReq.AddFacet("org", bleve.NewFacetRequest(fieldOrgName, opts.Top))
	res, err = ix.bleve.Search(orgReq)
	if err != nil {
		return nil, fmt.Errorf("cannot compute stats: %w", err)
	}
	for _, t := range res.Facets["org"].Terms.Terms() {
		largest, err := ix.largest(bleve.NewConjunctionQuery(fined, term(fieldOrgName, t.Term)), fieldMaxFine)
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

// aggregate groups the documents matching q by the terms of groupField,
// sums their amounts from the digit terms of digitField (see groupTerms)
// and finds each group's largest value of the numeric field maxField.
func (ix *Index) aggregate(q query.Query, groupField, digitField, maxField string) ([]group, error) {
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.AddFacet("group", bleve.NewFacetRequest(groupField, allTerms))
	req.AddFacet("digits", bleve.NewFacetRequest(digitField, allTerms))
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("cannot compute stats: %w", err)
	}
	cents := map[string]float64{}
	for _, t := range res.Facets["digits"].Terms.Terms() {
		key, place, digit, err := parseDigitTerm(t.Term)
		if err != nil {
			return nil, fmt.Errorf("index term %q of %s: %v", t.Term, digitField, err)
		}
		cents[key] += float64(t.Count) * float64(digit) * math.Pow10(place)
	}
	var out []group
	for _, t := range res.Facets["group"].Terms.Terms() {
		largest, err := ix.largest(bleve.NewConjunctionQuery(q, term(groupField, t.Term)), maxField)
		if err != nil {
			return nil, err
		}
		out = append(out, group{Key: t.Term, Count: t.Count, Sum: math.Round(cents[t.Term]) / 100, Max: largest})
	}
	return out, nil
}

// largest is the greatest value of a numeric field among the documents
// matching q, read from one hit sorted on the field's doc values.
func (ix *Index) largest(q query.Query, field string) (float64, error) {
	req := bleve.NewSearchRequestOptions(q, 1, 0, false)
	req.SortBy([]string{"-" + field})
	req.Fields = []string{field}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return 0, fmt.Errorf("cannot compute stats: %w", err)
	}
	if len(res.Hits) == 0 {
		return 0, nil
	}
	v, _ := res.Hits[0].Fields[field].(float64)
	return v, nil
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
