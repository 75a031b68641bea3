package index

// Corpus aggregates of the sanctions, computed from the index rather than
// by reading records.
//
// Each sanction of an article is one term of its field "sanction" (a
// sanctionFact: kind, authority, target, amount in euros, date, GDPR refs;
// document.go, sanctions.go), with doc values. Stats reads those terms for
// the articles that report a sanction, in one pass, and groups, sums and
// ranks them itself: exactly (amounts are summed in whole cents), and
// without the stored records, whose reading and decoding cost several times
// more (BenchmarkStats). The GDPR refs cited by articles are a term facet.

import (
	"cmp"
	"fmt"
	"math"
	"slices"
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

// Stats computes the corpus aggregates (see the top of this file). Groups are sorted by authority, kind (in the order of
// extract.SanctionKinds) and year; rankings by count, then name.
func (ix *Index) Stats(opts StatsOptions) (*Stats, error) {
	opts.SetDefaults()
	st := &Stats{Groups: []SanctionGroup{}, GDPR: []Count{}, SanctionGDPR: []SanctionCount{}, Orgs: []OrgCount{}}

	// The articles, and the GDPR refs they cite.
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
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
	snap, err := ix.snapshot()
	if err != nil {
		return nil, err
	}
	defer ix.release(snap)
	docs, err := snap.hits(hasSanction())
	if err != nil {
		return nil, fmt.Errorf("cannot compute stats: %w", err)
	}
	groups := map[SanctionGroup]*groupSum{}
	orgs := map[string]*OrgCount{}
	gdpr := map[string]int{}
	err = snap.eachSanction(docs, func(_ uint64, s sanctionFact) {
		st.Sanctions++
		key := SanctionGroup{Authority: cmp.Or(s.Authority, unknown), Kind: s.Kind, Year: unknown}
		if !s.Date.IsZero() {
			key.Year = fmt.Sprintf("%04d", s.Date.Year)
		}
		g := groups[key]
		if g == nil {
			g = &groupSum{}
			groups[key] = g
		}
		g.add(s.Euros)
		if s.Target != "" {
			o := orgs[s.Target]
			if o == nil {
				o = &OrgCount{Name: s.Target}
				orgs[s.Target] = o
			}
			o.Sanctions++
			o.Max = max(o.Max, s.Euros)
		}
		for _, ref := range unique(slices.Clone(s.GDPRRefs)) {
			gdpr[ref]++
		}
	})
	if err != nil {
		return nil, err
	}
	for key, g := range groups {
		key.Sanctions, key.Total, key.Max = g.n, float64(g.cents)/100, g.max
		st.Groups = append(st.Groups, key)
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
	for ref, n := range gdpr {
		st.SanctionGDPR = append(st.SanctionGDPR, SanctionCount{Name: ref, Sanctions: n})
	}
	st.SanctionGDPR = top(st.SanctionGDPR, opts.Top, func(c SanctionCount) (int, string) { return c.Sanctions, c.Name })
	for _, o := range orgs {
		st.Orgs = append(st.Orgs, *o)
	}
	st.Orgs = top(st.Orgs, opts.Top, func(o OrgCount) (int, string) { return o.Sanctions, o.Name })
	return st, nil
}

// A groupSum sums the amounts of a group's sanctions.
type groupSum struct {
	n     int
	cents int64 // the sum, exact
	max   float64
}

// add counts a sanction of amount euros (0 when none is in euros).
func (g *groupSum) add(euros float64) {
	g.n++
	g.cents += int64(math.Round(euros * 100))
	g.max = max(g.max, euros)
}

// top sorts xs by count, most first, then by name, as bleve's term facets
// are, and keeps the first n.
func top[T any](xs []T, n int, key func(T) (int, string)) []T {
	slices.SortFunc(xs, func(a, b T) int {
		ca, na := key(a)
		cb, nb := key(b)
		return cmp.Or(cb-ca, strings.Compare(na, nb))
	})
	return xs[:min(n, len(xs))]
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
