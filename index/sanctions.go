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
	bindex "github.com/blevesearch/bleve_index_api"

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
// filter of a query: their document numbers, and the largest of their
// amounts in euros (0 when none, or when the hits are not sorted by
// amount). The sanctions themselves are read only for the hits of the page
// shown.
type sanctionMatch struct {
	sanctions []uint64
	maxEUR    float64
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
// groups them by article. A sanction's article (s_parent) and, when the
// hits are sorted by amount, its amount are read from its doc values:
// loading stored fields is what such a search spent its time on.
func (ix *Index) sanctionMatches(snap *snapshot, q Query) (map[string]*sanctionMatch, error) {
	sq, err := ix.sanctionQuery(q)
	if err != nil {
		return nil, err
	}
	docs, err := snap.hits(sq)
	if err != nil {
		return nil, err
	}
	out := map[string]*sanctionMatch{}
	if len(docs) == 0 {
		return out, nil
	}
	fields := []string{fieldSParent}
	if q.Sort == "amount" {
		fields = append(fields, fieldSAmount)
	}
	dvr, err := snap.reader.DocValueReader(fields)
	if err != nil {
		return nil, fmt.Errorf("cannot read the index: %w", err)
	}
	var id bindex.IndexInternalID
	for _, d := range docs {
		id = bindex.NewIndexInternalID(id, d)
		var parent string
		var amount float64
		err := dvr.VisitDocValues(id, func(field string, term []byte) {
			switch field {
			case fieldSParent:
				parent = string(term)
			case fieldSAmount:
				if v, err := numeric.PrefixCoded(term).Int64(); err == nil && term[0] == numeric.ShiftStartInt64 {
					amount = numeric.Int64ToFloat64(v)
				}
			}
		})
		if err != nil {
			return nil, fmt.Errorf("cannot read the index: %w", err)
		}
		if parent == "" {
			return nil, fmt.Errorf("index document %d is damaged: no article", d)
		}
		m := out[parent]
		if m == nil {
			m = &sanctionMatch{}
			out[parent] = m
		}
		m.sanctions = append(m.sanctions, d)
		m.maxEUR = max(m.maxEUR, amount)
	}
	return out, nil
}

// fillSanctions reads the matching sanctions of the hits, in the order of
// each article's sanctions.
func (ix *Index) fillSanctions(snap *snapshot, hits []Hit, matched map[string]*sanctionMatch) error {
	perHit := make([][]string, len(hits))
	var ids []string
	for i, h := range hits {
		m := matched[h.ID]
		if m == nil {
			continue
		}
		own, err := snap.externalIDs(m.sanctions)
		if err != nil {
			return err
		}
		slices.SortFunc(own, func(a, b string) int { return sanctionRank(a) - sanctionRank(b) })
		perHit[i] = own
		ids = append(ids, own...)
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
	for i, own := range perHit {
		for _, id := range own {
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

// A sanctionHit is an article and the largest amount in euros of its
// matching sanctions.
type sanctionHit struct {
	id     string
	amount float64
}

// sortSanctionHits orders hits by amount, largest first (smallest with
// reverse); hits without one (0) last, ties in id order.
func sortSanctionHits(hits []sanctionHit, reverse bool) {
	slices.SortFunc(hits, func(a, b sanctionHit) int {
		ha, hb := a.amount > 0, b.amount > 0
		switch {
		case ha && !hb:
			return -1
		case !ha && hb:
			return 1
		case a.amount != b.amount:
			if (a.amount > b.amount) != reverse {
				return -1
			}
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
}

// sortBySanctionAmount orders hits as sortSanctionHits does.
func sortBySanctionAmount(hits []Hit, reverse bool) []Hit {
	keys := make([]sanctionHit, len(hits))
	byID := make(map[string]Hit, len(hits))
	for i, h := range hits {
		keys[i] = sanctionHit{h.ID, h.SanctionAmount}
		byID[h.ID] = h
	}
	sortSanctionHits(keys, reverse)
	for i, k := range keys {
		hits[i] = byID[k.id]
	}
	return hits
}
