package index

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	_ "github.com/blevesearch/bleve/v2/search/highlight/highlighter/ansi" // registers the "ansi" style
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/veille/veille/extract"
)

// A Query is a full-text query plus filters that combine with AND.
// The zero value matches every document.
type Query struct {
	Text      string            // query over title and text (see query.go); "" for all
	Org       string            // organisation name, or its first words ("google" finds "Google LLC")
	Authority string            // authority name, same matching as Org
	GDPR      string            // GDPR ref in any form: "5-1-e", "5.1.e", "5"; finer refs match too
	Role      string            // amount role; with MinAmount/MaxAmount the bounds apply to that role
	MinAmount float64           // euros, inclusive; 0 for none
	MaxAmount float64           // euros, inclusive; 0 for none
	Since     extract.CivilDate // published on or after (at its precision)
	Until     extract.CivilDate // published on or before (at its precision)
	Lang      string
	Sort      string // relevance, date or amount (see sortOrder); "" for relevance with Text, date without
	Reverse   bool   // reverse the sort: oldest, smallest or least relevant first
	Limit     int    // hits to return (default 10)
	Offset    int    // hits to skip
	Facets    bool   // count by authority, organisation, GDPR ref, role, year, fine band
	Highlight string // snippet style: "ansi" or "html" (default "html")
}

// A Hit is one matching article.
type Hit struct {
	ID          string
	Score       float64
	Title       string
	Date        string // publication date as written, "" if unknown
	Source      string
	URL         string   // "" if unknown
	Authorities []string // canonical names, in order of first mention
	MaxFine     float64  // largest fine in euros; 0 when none
	RoleMax     float64  // with Query.Role, the largest amount of that role in euros; 0 otherwise
	GDPR        []string
	Snippet     string // highlighted fragment of the text
}

// A FacetTerm is one value of a facet and how many hits have it.
type FacetTerm struct {
	Term  string
	Count int
}

// A Facet counts the hits by one field.
type Facet struct {
	Name  string
	Terms []FacetTerm
}

// A Result is a page of hits, the total number of matches and the facets.
type Result struct {
	Total  uint64
	Hits   []Hit
	Facets []Facet
}

// fineBands are the amount bands of the fine facet, in euros.
var fineBands = []struct {
	name     string
	min, max float64
}{
	{"< 100 k€", 0, 1e5},
	{"100 k€ – 1 M€", 1e5, 1e6},
	{"1 M€ – 10 M€", 1e6, 1e7},
	{"10 M€ – 100 M€", 1e7, 1e8},
	{"≥ 100 M€", 1e8, math.Inf(1)},
}

// facetFields names each term facet and its field, in display order.
var facetFields = []struct{ name, field string }{
	{"authority", fieldAuthName}, {"organisation", fieldOrgName}, {"gdpr", fieldGDPRRef},
	{"role", fieldRole}, {"year", fieldYear},
}

// Search runs q and returns one page of hits.
func (ix *Index) Search(q Query) (*Result, error) {
	bq, err := ix.buildQuery(q)
	if err != nil {
		return nil, err
	}
	order, err := sortOrder(q)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	req := bleve.NewSearchRequestOptions(bq, limit, q.Offset, false)
	req.Fields = []string{fieldTitle, fieldDate, fieldSource, fieldURL, fieldAuthName, fieldMaxFine, fieldGDPRRef}
	if q.Role != "" {
		req.Fields = append(req.Fields, maxField(q.Role))
	}
	req.SortByCustom(order)
	if strings.TrimSpace(q.Text) != "" {
		style := q.Highlight
		if style == "" {
			style = "html"
		}
		req.Highlight = bleve.NewHighlightWithStyle(style)
		req.Highlight.AddField(fieldText)
		req.Highlight.AddField(fieldTitle)
	}
	if q.Facets {
		for _, f := range facetFields {
			req.AddFacet(f.name, bleve.NewFacetRequest(f.field, 10))
		}
		bands := bleve.NewFacetRequest(fieldMaxFine, len(fineBands))
		for _, b := range fineBands {
			lo, hi := b.min, b.max
			var hiPtr *float64
			if !math.IsInf(hi, 1) {
				hiPtr = &hi
			}
			bands.AddNumericRange(b.name, &lo, hiPtr)
		}
		req.AddFacet("fine", bands)
	}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search failed: %w", err)
	}
	out := &Result{Total: res.Total}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, hit(h, q.Role))
	}
	if q.Facets {
		out.Facets = facets(res.Facets)
	}
	return out, nil
}

func hit(h *search.DocumentMatch, role string) Hit {
	x := Hit{ID: h.ID, Score: h.Score}
	x.Title, _ = h.Fields[fieldTitle].(string)
	x.Date, _ = h.Fields[fieldDate].(string)
	x.Source, _ = h.Fields[fieldSource].(string)
	x.URL, _ = h.Fields[fieldURL].(string)
	x.Authorities = strs(h.Fields[fieldAuthName])
	x.MaxFine, _ = h.Fields[fieldMaxFine].(float64)
	if role != "" {
		x.RoleMax, _ = h.Fields[maxField(role)].(float64)
	}
	x.GDPR = strs(h.Fields[fieldGDPRRef])
	for _, field := range []string{fieldText, fieldTitle} {
		if frags := h.Fragments[field]; len(frags) > 0 {
			x.Snippet = strings.Join(strings.Fields(frags[0]), " ")
			break
		}
	}
	return x
}

// strs reads a stored field that holds one string or several.
func strs(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func facets(fr search.FacetResults) []Facet {
	var out []Facet
	for _, f := range facetFields {
		r := fr[f.name]
		if r == nil {
			continue
		}
		facet := Facet{Name: f.name}
		for _, t := range r.Terms.Terms() {
			facet.Terms = append(facet.Terms, FacetTerm{Term: t.Term, Count: t.Count})
		}
		out = append(out, facet)
	}
	if r := fr["fine"]; r != nil {
		facet := Facet{Name: "fine"}
		counts := map[string]int{}
		for _, nr := range r.NumericRanges {
			counts[nr.Name] = nr.Count
		}
		for _, b := range fineBands {
			if counts[b.name] > 0 {
				facet.Terms = append(facet.Terms, FacetTerm{Term: b.name, Count: counts[b.name]})
			}
		}
		out = append(out, facet)
	}
	return out
}

func (ix *Index) buildQuery(q Query) (query.Query, error) {
	var must []query.Query
	if text := strings.TrimSpace(q.Text); text != "" {
		tq, err := ix.textQuery(text)
		if err != nil {
			return nil, err
		}
		must = append(must, tq)
	}
	for _, f := range []struct{ field, value string }{{fieldOrg, q.Org}, {fieldAuthority, q.Authority}} {
		if strings.TrimSpace(f.value) == "" {
			continue
		}
		name, err := ix.fold(f.value)
		if err != nil {
			return nil, err
		}
		exact := bleve.NewTermQuery(name)
		exact.SetField(f.field)
		longer := bleve.NewPrefixQuery(name + " ")
		longer.SetField(f.field)
		must = append(must, bleve.NewDisjunctionQuery(exact, longer))
	}
	if q.GDPR != "" {
		ref, err := NormaliseGDPRRef(q.GDPR)
		if err != nil {
			return nil, err
		}
		must = append(must, term(fieldGDPR, ref))
	}
	if q.Role != "" {
		if !slices.Contains(roles, q.Role) {
			return nil, badFilter("unknown role %q: one of %s", q.Role, strings.Join(roles, ", "))
		}
		must = append(must, term(fieldRole, q.Role))
	}
	if q.MinAmount > 0 || q.MaxAmount > 0 {
		field := fieldAmount
		if q.Role != "" {
			field = amountField(q.Role)
		}
		var lo, hi *float64
		if q.MinAmount > 0 {
			lo = &q.MinAmount
		}
		if q.MaxAmount > 0 {
			hi = &q.MaxAmount
		}
		incl := true
		r := bleve.NewNumericRangeInclusiveQuery(lo, hi, &incl, &incl)
		r.SetField(field)
		must = append(must, r)
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		var start, end time.Time
		if !q.Since.IsZero() {
			start = startOf(q.Since)
		}
		if !q.Until.IsZero() {
			end = endOf(q.Until)
		}
		r := bleve.NewDateRangeQuery(start, end)
		r.SetField(fieldPublished)
		must = append(must, r)
	}
	if q.Lang != "" {
		must = append(must, term(fieldLang, q.Lang))
	}
	if len(must) == 0 {
		return bleve.NewMatchAllQuery(), nil
	}
	return bleve.NewConjunctionQuery(must...), nil
}

func term(field, value string) query.Query {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	return t
}

// fold applies the name fields' analyser to a user's value.
func (ix *Index) fold(s string) (string, error) {
	a := ix.bleve.Mapping().AnalyzerNamed(foldedKeyword)
	if a == nil {
		return "", fmt.Errorf("index mapping has no %s analyser", foldedKeyword)
	}
	toks := a.Analyze([]byte(strings.TrimSpace(s)))
	if len(toks) == 0 {
		return "", badFilter("empty name %q", s)
	}
	return string(toks[0].Term), nil
}

// endOf is the first instant after a date at its precision.
func endOf(d extract.CivilDate) time.Time {
	t := startOf(d)
	switch {
	case d.Month == 0:
		return t.AddDate(1, 0, 0)
	case d.Day == 0:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

var refSeparators = regexp.MustCompile(`[^0-9a-z]+`)

// NormaliseGDPRRef turns a GDPR citation typed by a user ("5.1.e", "5(1)(e)",
// "art. 5-1-e", "15") into the dash form of the index.
func NormaliseGDPRRef(s string) (string, error) {
	s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "article")
	s = strings.TrimPrefix(strings.TrimSpace(s), "art")
	ref := strings.Trim(refSeparators.ReplaceAllString(s, "-"), "-")
	if ref == "" || ref[0] < '0' || ref[0] > '9' {
		return "", badFilter("bad GDPR reference %q: write it like 5-1-e or 15", s)
	}
	return ref, nil
}
