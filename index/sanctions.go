package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/veille/veille/extract"
)

// AnySanction is the Query.Sanction that matches a sanction of any kind.
const AnySanction = "any"

// SanctionKinds lists the values of Query.Sanction: every sanction kind,
// then AnySanction.
var SanctionKinds = func() []string {
	var out []string
	for _, k := range extract.SanctionKinds {
		out = append(out, string(k))
	}
	return append(out, AnySanction)
}()

// A sanctionMatch is an article's sanctions that match every sanction
// filter of a query: their ids, in the article's order, and the largest of
// their amounts in euros (0 when none). The sanctions themselves are read
// only for the hits of the page shown.
type sanctionMatch struct {
	ids    []string
	maxEUR float64
}

// sanctionQuery is the query of the sanction documents that q's sanction
// filters find: kind, target (Org), authority, GDPR ref, amount in euros
// and date, all of one sanction.
func (ix *Index) sanctionQuery(q Query) (query.Query, error) {
	if !slices.Contains(SanctionKinds, q.Sanction) {
		return nil, badFilter("unknown sanction kind %q: one of %s", q.Sanction, strings.Join(SanctionKinds, ", "))
	}
	must := []query.Query{term(fieldDocType, docSanction)}
	if q.Sanction != AnySanction {
		must = append(must, term(fieldSKind, q.Sanction))
	}
	must, err := ix.partyFilters(must, q, fieldSTarget, fieldSAuthority, fieldSGDPR)
	if err != nil {
		return nil, err
	}
	if q.MinAmount > 0 || q.MaxAmount > 0 {
		must = append(must, amountRange(fieldSAmount, q.MinAmount, q.MaxAmount))
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		must = append(must, dateRange(fieldSDate, q.Since, q.Until))
	}
	return bleve.NewConjunctionQuery(must...), nil
}

// sanctionMatches finds every sanction that q's sanction filters find and
// groups them by article. A sanction's article is read from its id
// ("<article>/s<n>"), and its amount, when the hits are sorted by amount,
// from the sort's doc values: loading stored fields is what such a search
// spent its time on.
func (ix *Index) sanctionMatches(q Query) (map[string]*sanctionMatch, error) {
	sq, err := ix.sanctionQuery(q)
	if err != nil {
		return nil, err
	}
	count, err := ix.bleve.Search(bleve.NewSearchRequestOptions(sq, 0, 0, false))
	if err != nil {
		return nil, fmt.Errorf("search failed: %w", err)
	}
	out := map[string]*sanctionMatch{}
	if count.Total == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(sq, int(count.Total), 0, false)
	if q.Sort == "amount" {
		// the amount from the sort's doc values, not from stored fields
		req.SortBy([]string{"-" + fieldSAmount, "_id"})
	}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search failed: %w", err)
	}
	for _, h := range res.Hits {
		i := strings.LastIndex(h.ID, "/s")
		if i <= 0 {
			return nil, fmt.Errorf("index document %s is damaged: no article", h.ID)
		}
		parent := h.ID[:i]
		m := out[parent]
		if m == nil {
			m = &sanctionMatch{}
			out[parent] = m
		}
		m.ids = append(m.ids, h.ID)
		if q.Sort == "amount" && len(h.Sort) > 0 {
			if i64, err := numeric.PrefixCoded(h.Sort[0]).Int64(); err == nil {
				m.maxEUR = max(m.maxEUR, numeric.Int64ToFloat64(i64))
			}
		}
	}
	for _, m := range out {
		slices.SortFunc(m.ids, func(a, b string) int { return sanctionRank(a) - sanctionRank(b) })
	}
	return out, nil
}

// fillSanctions reads the matching sanctions of the hits.
func (ix *Index) fillSanctions(hits []Hit, matched map[string]*sanctionMatch) error {
	var ids []string
	for _, h := range hits {
		if m := matched[h.ID]; m != nil {
			ids = append(ids, m.ids...)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldSRecord}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return fmt.Errorf("search failed: %w", err)
	}
	byID := make(map[string]extract.JSONSanction, len(res.Hits))
	for _, h := range res.Hits {
		raw, _ := h.Fields[fieldSRecord].(string)
		var s extract.JSONSanction
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			return fmt.Errorf("index document %s is damaged: %w", h.ID, err)
		}
		byID[h.ID] = s
	}
	for i := range hits {
		m := matched[hits[i].ID]
		if m == nil {
			continue
		}
		for _, id := range m.ids {
			if s, ok := byID[id]; ok {
				hits[i].Sanctions = append(hits[i].Sanctions, s)
			}
		}
	}
	return nil
}

// sanctionRank is n in a sanction's id "<article id>/s<n>".
func sanctionRank(id string) int {
	i := strings.LastIndex(id, "/s")
	n, _ := strconv.Atoi(id[i+2:])
	return n
}

// sortBySanctionAmount orders hits by the largest amount in euros of their
// matching sanctions, largest first (smallest with reverse); hits without
// one last, ties in id order.
func sortBySanctionAmount(hits []Hit, reverse bool) []Hit {
	slices.SortStableFunc(hits, func(a, b Hit) int {
		ha, hb := a.SanctionAmount > 0, b.SanctionAmount > 0
		switch {
		case ha && !hb:
			return -1
		case !ha && hb:
			return 1
		case a.SanctionAmount != b.SanctionAmount:
			if (a.SanctionAmount > b.SanctionAmount) != reverse {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	return hits
}
