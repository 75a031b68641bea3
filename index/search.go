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
//
// The hits are found unscored, then counted by facet and, but for a sort by
// relevance, ranked with the columns of the index (columns.go); bleve then
// scores, sorts, loads and highlights those that can be on the page alone,
// with a query restricted to them that gives them the same scores.
func (ix *Index) Search(q Query) (*Result, error) {
	snap, err := ix.snapshot()
	if err != nil {
		return nil, err
	}
	defer ix.release(snap)
	must, err := ix.articleFilters(q)
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
	var docs []uint64
	var matched map[string]*sanctionMatch
	var ids map[uint64]string
	if q.Sanction != "" {
		matched, docs, ids, err = ix.sanctionMatches(snap, q, must)
		if err == nil && len(docs) == 0 {
			return &Result{}, nil
		}
	} else {
		docs, err = snap.hits(every(must))
	}
	if err != nil {
		return nil, err
	}
	out := &Result{Total: uint64(len(docs))}
	if q.Facets {
		if out.Facets, err = snap.facets(docs); err != nil {
			return nil, err
		}
	}
	if q.Offset >= len(docs) {
		return out, nil
	}
	req, err := pageRequest(snap, q, must, matched, docs, ids, order, limit)
	if err != nil {
		return nil, err
	}
	showHits(req, q, order)
	if matched != nil {
		req.Fields = append(req.Fields, fieldRecord) // to show the matching sanctions
	}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search failed: %w", err)
	}
	for _, h := range res.Hits {
		x := hit(h, q.Role)
		if m := matched[h.ID]; m != nil {
			x.SanctionAmount = m.maxEUR
			if x.Sanctions, err = m.of(h); err != nil {
				return nil, err
			}
		}
		out.Hits = append(out.Hits, x)
	}
	if q.Sanction != "" && q.Sort == "amount" {
		out.Hits = sortBySanctionAmount(out.Hits, q.Reverse)
	}
	return out, nil
}

// idsQuery matches the articles of ids.
func idsQuery(ids []string) query.Query {
	slices.Sort(ids)
	return bleve.NewDocIDQuery(ids)
}

// showHits asks req for what a Hit shows, in q's order.
func showHits(req *bleve.SearchRequest, q Query, order search.SortOrder) {
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

// articleFilters returns the queries that q's articles match, besides
// With q.Sanction, the sanction's filters are applied to the sanctions
// (sanctionMatches), not to the article.
func (ix *Index) articleFilters(q Query) ([]query.Query, error) {
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
		return must, nil
	}
	must, err := ix.partyFilters(must, q)
	if err != nil {
		return nil, err
	}
	if q.MinAmount > 0 || q.MaxAmount > 0 {
		must = append(must, roleAmountRange(q.Role, q.MinAmount, q.MaxAmount))
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		must = append(must, dateRange(fieldPublished, q.Since, q.Until))
	}
	return must, nil
}

// every matches the articles that every query of must matches, every
// article when none.
func every(must []query.Query) query.Query {
	switch len(must) {
	case 0:
		return bleve.NewMatchAllQuery()
	case 1:
		return must[0]
	}
	return bleve.NewConjunctionQuery(must...)
}

// allOf matches the articles that every(must) and only, when not nil,
// match: the query of a page of hits (page.go).
func allOf(must []query.Query, only query.Query) query.Query {
	b := bleve.NewBooleanQuery()
	if only != nil {
		b.AddMust(every(must), only)
	} else {
		b.AddMust(every(must))
	}
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
	return foldedNameQuery(field, name), nil
}

// foldedNameQuery finds a folded name in a folded name field, whole or by
// its first words.
func foldedNameQuery(field, name string) query.Query {
	exact := bleve.NewTermQuery(name)
	exact.SetField(field)
	longer := bleve.NewPrefixQuery(name + " ")
	longer.SetField(field)
	return bleve.NewDisjunctionQuery(exact, longer)
}

// roleAmountRange matches an article with an amount in euros of role, or of
// any role when role is "", within [lo, hi]; 0 for no bound.
func roleAmountRange(role string, lo, hi float64) query.Query {
	if role != "" {
		return amountRange(amountField(role), lo, hi)
	}
	var anyRole []query.Query
	for _, r := range roles {
		anyRole = append(anyRole, amountRange(amountField(r), lo, hi))
	}
	return anyOf(anyRole)
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
	return numberRange(field, loPtr, hiPtr, true, true)
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
	return timeRange(field, start, end)
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

// partyFilters adds to must the filters of q on the organisations, the
// authorities and the GDPR refs of an article.
func (ix *Index) partyFilters(must []query.Query, q Query) ([]query.Query, error) {
	for _, f := range []struct{ field, value string }{{fieldOrg, q.Org}, {fieldAuthority, q.Authority}} {
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
		must = append(must, term(fieldGDPR, ref))
	}
	return must, nil
}
