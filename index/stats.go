package index

// Corpus aggregates of the sanctions, computed by the index rather than by
// reading records.
//
// Each sanction is a document of its own (doc_type "sanction", document.go),
// so that a facet over them counts sanctions, not articles. bleve has no sum
// or max aggregation: a facet counts the documents that hold each term of a
// field, and a numeric-range facet counts the documents whose value falls in
// each range. The aggregates are built from those counts, with fields
// written at ingest for that purpose:
//
//   - Grouping. A keyword field holds the group of a sanction as one
//     composite term, "authority|kind|year" (s_group; "unknown" for an
//     authority not named or a year not known; the year is the decision's,
//     else the article's publication year). A term facet on it gives the
//     number of sanctions of every group in one pass over the doc values of
//     the matching documents, without touching stored fields.
//
//   - Sums, exactly. A second keyword field holds, for a sanction with an
//     amount in euros, one term per non-zero decimal digit of its value in
//     cents, prefixed by the group: "CNIL|fine|2024|7|2" says « this
//     sanction of CNIL|fine|2024 has the digit 2 at the place of 10^7
//     cents » (s_digits). A term facet on it counts, per group, place and
//     digit, the sanctions with that digit there, so the group's total is
//     Σ count × digit × 10^place. It is exact (whole cents) and the facet
//     has at most groups × 17 places × 9 digits terms, whatever the number
//     of sanctions. (Numeric-range facets per group would only bracket the
//     sum; per-group numeric fields would grow the mapping with the data.)
//     Sanctions without an amount in euros (a reprimand, a fine in pounds)
//     have no digit terms: they count, and add nothing.
//
//   - Maxima. Digits do not give a maximum, so each group's largest amount
//     is one more search: the group's sanctions at or above its leading
//     digit (which the digit facet gives: the maximum of a group whose
//     highest non-zero place is p, with at most d there, is in
//     [d×10^p, (d+1)×10^p) cents), usually a handful, whose stored amounts
//     are read; the groups whose maxima share a bucket are read by one
//     search, so that there are a few dozen searches, not one per group. Sorting the whole group on the amount's doc values would
//     decode every doc-value chunk once per group (60 groups of 100 000
//     documents took 1.4 s), and a range open above enumerates many more
//     terms than [d×10^p, (d+1)×10^p). A group without digits needs no
//     search. The top organisations' largest amounts are bounded the same
//     way, by counting their sanctions in each power of ten down from the
//     largest amount of all, and reading the first that has some.
//
//   - Rankings are plain term facets: the GDPR refs cited by articles
//     (gdpr_ref), the GDPR refs tied to sanctions (s_gdpr_ref), the
//     sanctioned organisations as written (s_target_name).

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/veille/veille/extract"
)

// Stats are corpus aggregates over every indexed article and sanction.
// Their JSON (stats -json) is one object; every list is present, [] when
// empty:
//
//	{"articles": 2, "sanctions": 3, "fines_without_sanction": 0,
//	 "sanction_groups": [{"authority": "CNIL", "kind": "fine", "year": "2024",
//	   "sanctions": 1, "total_eur": 240000, "largest_eur": 240000}, …],
//	 "gdpr": [{"name": "15", "articles": 1}, …],
//	 "sanction_gdpr": [{"name": "5-1-e", "sanctions": 1}, …],
//	 "organisations": [{"name": "Clearview AI", "sanctions": 2, "largest_eur": 20000000}, …]}
type Stats struct {
	Articles  int `json:"articles"`
	Sanctions int `json:"sanctions"`
	// FinesWithoutSanction counts the articles that report a fine in euros
	// but none of whose sanctions was extracted: their fines are in no group.
	FinesWithoutSanction int `json:"fines_without_sanction"`
	// Groups counts the sanctions by authority, kind and year.
	Groups []SanctionGroup `json:"sanction_groups"`
	// GDPR counts the articles citing each GDPR ref, most cited first.
	GDPR []Count `json:"gdpr"`
	// SanctionGDPR counts the sanctions tied to each GDPR ref, most first.
	SanctionGDPR []SanctionCount `json:"sanction_gdpr"`
	// Orgs counts the sanctions of each organisation sanctioned, most
	// sanctioned first, with the largest amount in euros among them.
	Orgs []OrgCount `json:"organisations"`
}

// A SanctionGroup is the sanctions of one kind pronounced by one authority
// in one year (of the decision, else of the article's publication).
type SanctionGroup struct {
	Authority string  `json:"authority"` // "unknown" when not named
	Kind      string  `json:"kind"`
	Year      string  `json:"year"` // "unknown" when not known
	Sanctions int     `json:"sanctions"`
	Total     float64 `json:"total_eur"`   // the sum of their amounts in euros; 0 when none has one
	Max       float64 `json:"largest_eur"` // the largest; 0 when none
}

// A Count is how many articles mention a value.
type Count struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// A SanctionCount is how many sanctions are tied to a value.
type SanctionCount struct {
	Name      string `json:"name"`
	Sanctions int    `json:"sanctions"`
}

// An OrgCount is how many sanctions an organisation received, and the
// largest amount in euros among them (0 when none has one).
type OrgCount struct {
	Name      string  `json:"name"`
	Sanctions int     `json:"sanctions"`
	Max       float64 `json:"largest_eur"`
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

// allTerms is the size of a facet that must return every term: bleve
// counts every term anyway and only trims the sorted result to the size.
const allTerms = math.MaxInt32

// Stats computes the corpus aggregates with facets (see the top of this
// file). Groups are sorted by authority, kind (in the order of
// extract.SanctionKinds) and year; rankings by count, then name.
func (ix *Index) Stats(opts StatsOptions) (*Stats, error) {
	opts.SetDefaults()
	st := &Stats{Groups: []SanctionGroup{}, GDPR: []Count{}, SanctionGDPR: []SanctionCount{}, Orgs: []OrgCount{}}

	// The articles, and the GDPR refs they cite.
	req := bleve.NewSearchRequestOptions(term(fieldDocType, docArticle), 0, 0, false)
	req.AddFacet("gdpr", bleve.NewFacetRequest(fieldGDPRRef, opts.Top))
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("cannot compute stats: %w", err)
	}
	st.Articles = int(res.Total)
	for _, t := range res.Facets["gdpr"].Terms.Terms() {
		st.GDPR = append(st.GDPR, Count{Name: t.Term, Articles: t.Count})
	}

	// The articles with a fine but no sanction.
	none := bleve.NewBooleanQuery()
	none.AddMust(hasFine())
	none.AddMustNot(hasSanction())
	res, err = ix.bleve.Search(bleve.NewSearchRequestOptions(none, 0, 0, false))
	if err != nil {
		return nil, fmt.Errorf("cannot compute stats: %w", err)
	}
	st.FinesWithoutSanction = int(res.Total)

	// One pass over the sanctions: groups, organisations, GDPR refs.
	req = bleve.NewSearchRequestOptions(term(fieldDocType, docSanction), 0, 0, false)
	req.AddFacet("org", bleve.NewFacetRequest(fieldSTargetName, opts.Top))
	req.AddFacet("sgdpr", bleve.NewFacetRequest(fieldSGDPRRef, opts.Top))
	res, groups, err := ix.aggregate(req, fieldSGroup, fieldSDigits, fieldSAmount)
	if err != nil {
		return nil, err
	}
	st.Sanctions = int(res.Total)
	var top float64 // the largest amount of all
	for _, g := range groups {
		top = max(top, g.Max)
		rest, year, _ := cutLast(g.Key, "|")
		authority, kind, _ := cutLast(rest, "|")
		st.Groups = append(st.Groups, SanctionGroup{Authority: authority, Kind: kind, Year: year, Sanctions: g.Count, Total: g.Sum, Max: g.Max})
	}
	kindRank := func(k string) int {
		if i := slices.Index(extract.SanctionKinds, extract.SanctionKind(k)); i >= 0 {
			return i
		}
		return len(extract.SanctionKinds)
	}
	slices.SortFunc(st.Groups, func(a, b SanctionGroup) int {
		return cmp.Or(strings.Compare(a.Authority, b.Authority), kindRank(a.Kind)-kindRank(b.Kind),
			strings.Compare(a.Kind, b.Kind), strings.Compare(a.Year, b.Year))
	})
	for _, t := range res.Facets["sgdpr"].Terms.Terms() {
		st.SanctionGDPR = append(st.SanctionGDPR, SanctionCount{Name: t.Term, Sanctions: t.Count})
	}
	for _, t := range res.Facets["org"].Terms.Terms() {
		largest, err := ix.largestBelow(term(fieldSTargetName, t.Term), fieldSAmount, top)
		if err != nil {
			return nil, err
		}
		st.Orgs = append(st.Orgs, OrgCount{Name: t.Term, Sanctions: t.Count, Max: largest})
	}
	return st, nil
}

// hasSanction matches the articles that report a sanction of any kind.
func hasSanction() query.Query {
	var kinds []query.Query
	for _, k := range extract.SanctionKinds {
		kinds = append(kinds, term(fieldSanctionKind, string(k)))
	}
	return bleve.NewDisjunctionQuery(kinds...)
}

// hasFine matches the articles that report a fine in euros.
func hasFine() query.Query {
	zero := 0.0
	return numberRange(fieldMaxFine, &zero, nil, false, false)
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
// The largest values are read from the documents whose leading digit is
// their group's highest, usually few: with its highest non-zero place p
// and digit d there, the group's maximum is in [d×10^p, (d+1)×10^p) cents;
// one search per such bucket reads the groupField and maxField stored with
// them (see maxima). A group without digit terms (no amount) gets no
// search, and a maximum of 0.
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
	// The groups whose maximum is in the same bucket [d×10^p, (d+1)×10^p)
	// are looked up together: one search of their documents in the bucket.
	buckets := map[[2]int][]string{}
	for _, t := range res.Facets["group"].Terms.Terms() {
		if l, ok := lead[t.Term]; ok { // no amount: no maximum to look for
			buckets[l] = append(buckets[l], t.Term)
		}
	}
	maxima := map[string]float64{}
	for l, keys := range buckets {
		if err := ix.maxima(groupField, maxField, keys, l[0], l[1], maxima); err != nil {
			return nil, nil, err
		}
	}
	var out []group
	for _, t := range res.Facets["group"].Terms.Terms() {
		out = append(out, group{Key: t.Term, Count: t.Count, Sum: math.Round(cents[t.Term]) / 100, Max: maxima[t.Term]})
	}
	return res, out, nil
}

// maxima sets in m the largest value of maxField of each group of keys,
// all of whose maxima are in [digit×10^place, (digit+1)×10^place) cents:
// it reads the group and the value stored with each of their documents in
// that bucket, usually a few per group; when there are many, it looks the
// groups up one by one, sorting on the doc values.
func (ix *Index) maxima(groupField, maxField string, keys []string, place, digit int, m map[string]float64) error {
	// Widened a little, lest float rounding put a maximum out of bounds.
	lo := float64(digit) * math.Pow10(place-2) * (1 - 1e-9)
	hi := float64(digit+1) * math.Pow10(place-2) * (1 + 1e-9)
	r := numberRange(maxField, &lo, &hi, true, false)
	var groups []query.Query
	for _, k := range keys {
		groups = append(groups, term(groupField, k))
	}
	size := 200 * len(keys)
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDisjunctionQuery(groups...), r), size, 0, false)
	req.Score = "none"
	req.Fields = []string{groupField, maxField}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return fmt.Errorf("cannot compute stats: %w", err)
	}
	if res.Total <= uint64(size) {
		found := map[string]float64{}
		for _, h := range res.Hits {
			g, _ := h.Fields[groupField].(string)
			v, _ := h.Fields[maxField].(float64)
			found[g] = max(found[g], v)
		}
		if _, ok := found[""]; !ok { // else the group is not stored: an index of a draft schema
			maps.Copy(m, found)
			return nil
		}
	}
	for _, k := range keys {
		v, err := ix.largest(term(groupField, k), maxField, lo, hi)
		if err != nil {
			return err
		}
		m[k] = v
	}
	return nil
}

// largest is the greatest value of a numeric field in [lo, hi) (no upper
// bound when hi is 0) among the documents matching q; 0 when there is
// none. When they are few, it reads the value stored with each; else it
// sorts them on the field's doc values, which reads the values of every
// document in all their chunks. The tighter the bounds, the fewer terms
// the range enumerates and the fewer documents it reads.
func (ix *Index) largest(q query.Query, field string, lo, hi float64) (float64, error) {
	const few = 200
	r := numberRange(field, &lo, nil, true, false)
	if hi > 0 {
		r = numberRange(field, &lo, &hi, true, false)
	}
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

// largestBelow is largest for the documents matching q, whose values are
// at most top: it counts, without reading doc values, their documents in
// each power of ten down from top's, and looks for the maximum only in the
// first that has some.
func (ix *Index) largestBelow(q query.Query, field string, top float64) (float64, error) {
	// From a power above, as Log10 may round down: Log10(1e15) < 15.
	for k := int(math.Floor(math.Log10(max(top, 0.01)))) + 1; k >= -2; k-- {
		lo, hi := math.Pow10(k), math.Pow10(k+1)
		r := numberRange(field, &lo, &hi, true, false)
		res, err := ix.bleve.Search(bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q, r), 0, 0, false))
		if err != nil {
			return 0, fmt.Errorf("cannot compute stats: %w", err)
		}
		if res.Total > 0 {
			return ix.largest(q, field, lo, hi)
		}
	}
	return 0, nil
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
