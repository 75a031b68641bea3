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
	// Sanction is a sanction kind (fine, penalty_liquidation, reprimand,
	// warning, other) or "any". When set, the articles must report such a
	// sanction, and Org (its target), Authority, GDPR, MinAmount/MaxAmount
	// (its amount in euros) and Since/Until (its decision date, else the
	// article's publication date) apply to that one sanction, not to the
	// article; sorting by amount then sorts by the matching sanctions'
	// largest amount in euros.
	Sanction  string
	Lang      string
	Sort      string // relevance, date or amount (see sortOrder); "" for relevance with Text, date without
	Reverse   bool   // reverse the sort: oldest, smallest or least relevant first
	Limit     int    // hits to return (default 10)
	Offset    int    // hits to skip
	Facets    bool   // count by authority, organisation, GDPR ref, role, sanction kind, year, fine band
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
	// With Query.Sanction, the article's sanctions that match every
	// sanction filter, in the article's order, and the largest of their
	// amounts in euros (0 when none is in euros).
	Sanctions      []extract.JSONSanction
	SanctionAmount float64
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
	{"role", fieldRole}, {"sanction", fieldSanctionKind}, {"year", fieldYear},
}

// Search runs q and returns one page of hits.
func (ix *Index) Search(q Query) (*Result, error) {
	var matched map[string]*sanctionMatch
	if q.Sanction != "" {
		var err error
		if matched, err = ix.sanctionMatches(q); err != nil {
			return nil, err
		}
	}
	bq, err := ix.buildQuery(q, matched)
	if err != nil {
		return nil, err
	}
	order, err := sortOrder(q)
	if err != nil {
		return nil, err
	}
	if q.Sanction != "" && len(matched) == 0 {
		return &Result{}, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	size, from := limit, q.Offset
	// By the amount of the matching sanctions: the hits are at most the
	// articles that have one; their ids are sorted here, and the fields of
	// the page alone are loaded.
	bySanctionAmount := q.Sanction != "" && q.Sort == "amount"
	var page *sanctionPage
	if bySanctionAmount {
		if page, err = ix.pageBySanctionAmount(bq, matched, q, limit); err != nil {
			return nil, err
		}
		bq, size, from = page.query, limit, 0
	}
	req := bleve.NewSearchRequestOptions(bq, size, from, false)
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
	if q.Facets && !bySanctionAmount {
		addFacets(req)
	}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search failed: %w", err)
	}
	out := &Result{Total: res.Total}
	if page != nil {
		out.Total = page.total
		if q.Facets {
			out.Facets = facets(page.facets)
		}
	}
	for _, h := range res.Hits {
		x := hit(h, q.Role)
		if m := matched[h.ID]; m != nil {
			x.SanctionAmount = m.maxEUR
		}
		out.Hits = append(out.Hits, x)
	}
	if bySanctionAmount {
		out.Hits = sortBySanctionAmount(out.Hits, q.Reverse)
	}
	if matched != nil {
		if err := ix.fillSanctions(out.Hits, matched); err != nil {
			return nil, err
		}
	}
	if q.Facets && !bySanctionAmount {
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

// addFacets asks req for the facets of the hits: by authority,
// organisation, GDPR ref, role, sanction kind, year, and fine bands.
func addFacets(req *bleve.SearchRequest) {
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

// A sanctionPage is one page of the hits sorted by the amount of their
// matching sanctions: the query of its articles, how many hits there are in
// all, and their facets.
type sanctionPage struct {
	query  query.Query
	total  uint64
	facets search.FacetResults
}

// pageBySanctionAmount runs bq for the ids of every hit (no stored field is
// loaded), sorts them by the largest amount of their matching sanctions, and
// returns the query of the page asked for, whose fields alone are loaded.
func (ix *Index) pageBySanctionAmount(bq query.Query, matched map[string]*sanctionMatch, q Query, limit int) (*sanctionPage, error) {
	req := bleve.NewSearchRequestOptions(bq, max(len(matched), 1), 0, false)
	if q.Facets {
		addFacets(req)
	}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search failed: %w", err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		x := Hit{ID: h.ID}
		if m := matched[h.ID]; m != nil {
			x.SanctionAmount = m.maxEUR
		}
		hits = append(hits, x)
	}
	hits = sortBySanctionAmount(hits, q.Reverse)
	hits = hits[min(q.Offset, len(hits)):min(q.Offset+limit, len(hits))]
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	page := bleve.NewConjunctionQuery(bq, bleve.NewDocIDQuery(ids))
	return &sanctionPage{query: page, total: res.Total, facets: res.Facets}, nil
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

// buildQuery is the query of the articles that q finds. With q.Sanction,
// matched holds the articles that have a matching sanction, and the
// sanction's filters are not applied to the article again.
func (ix *Index) buildQuery(q Query, matched map[string]*sanctionMatch) (query.Query, error) {
	var must []query.Query
	if text := strings.TrimSpace(q.Text); text != "" {
		tq, err := ix.textQuery(text)
		if err != nil {
			return nil, err
		}
		must = append(must, tq)
	}
	if q.Role != "" {
		if !slices.Contains(roles, q.Role) {
			return nil, badFilter("unknown role %q: one of %s", q.Role, strings.Join(roles, ", "))
		}
		must = append(must, term(fieldRole, q.Role))
	}
	if q.Lang != "" {
		must = append(must, term(fieldLang, q.Lang))
	}
	if q.Sanction != "" {
		ids := make([]string, 0, len(matched))
		for id := range matched {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		must = append(must, bleve.NewDocIDQuery(ids))
		return articlesOnly(must), nil
	}
	must, err := ix.partyFilters(must, q, fieldOrg, fieldAuthority, fieldGDPR)
	if err != nil {
		return nil, err
	}
	if q.MinAmount > 0 || q.MaxAmount > 0 {
		field := fieldAmount
		if q.Role != "" {
			field = amountField(q.Role)
		}
		must = append(must, amountRange(field, q.MinAmount, q.MaxAmount))
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		must = append(must, dateRange(fieldPublished, q.Since, q.Until))
	}
	return articlesOnly(must), nil
}

// articlesOnly matches the articles that every query of must matches (every
// article when none), not the sanctions' documents; that filter does not
// change the scores.
func articlesOnly(must []query.Query) query.Query {
	b := bleve.NewBooleanQuery()
	switch len(must) {
	case 0:
		b.AddMust(bleve.NewMatchAllQuery())
	case 1:
		b.AddMust(must[0])
	default:
		b.AddMust(bleve.NewConjunctionQuery(must...))
	}
	b.AddFilter(term(fieldDocType, docArticle))
	return b
}

// nameQuery finds a name in a folded name field, whole or by its first
// words ("google" finds "Google LLC"); nil for an empty value.
func (ix *Index) nameQuery(field, value string) (query.Query, error) {
	if strings.TrimSpace(value) == "" {
		return nil, nil
	}
	name, err := ix.fold(value)
	if err != nil {
		return nil, err
	}
	exact := bleve.NewTermQuery(name)
	exact.SetField(field)
	longer := bleve.NewPrefixQuery(name + " ")
	longer.SetField(field)
	return bleve.NewDisjunctionQuery(exact, longer), nil
}

// amountRange matches a value of field within [lo, hi]; 0 for no bound.
func amountRange(field string, lo, hi float64) query.Query {
	var loPtr, hiPtr *float64
	if lo > 0 {
		loPtr = &lo
	}
	if hi > 0 {
		hiPtr = &hi
	}
	incl := true
	r := bleve.NewNumericRangeInclusiveQuery(loPtr, hiPtr, &incl, &incl)
	r.SetField(field)
	return r
}

// dateRange matches a date of field within since and until, both included
// at their precision; a zero date for no bound.
func dateRange(field string, since, until extract.CivilDate) query.Query {
	var start, end time.Time
	if !since.IsZero() {
		start = startOf(since)
	}
	if !until.IsZero() {
		end = endOf(until)
	}
	r := bleve.NewDateRangeQuery(start, end)
	r.SetField(field)
	return r
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

// partyFilters adds to must the filters of q on an organisation, an
// authority and a GDPR ref, on the fields given: an article's or a
// sanction's.
func (ix *Index) partyFilters(must []query.Query, q Query, orgField, authorityField, gdprField string) ([]query.Query, error) {
	for _, f := range []struct{ field, value string }{{orgField, q.Org}, {authorityField, q.Authority}} {
		nq, err := ix.nameQuery(f.field, f.value)
		if err != nil {
			return nil, err
		}
		if nq != nil {
			must = append(must, nq)
		}
	}
	if q.GDPR != "" {
		ref, err := NormaliseGDPRRef(q.GDPR)
		if err != nil {
			return nil, err
		}
		must = append(must, term(gdprField, ref))
	}
	return must, nil
}
