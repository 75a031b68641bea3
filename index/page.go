package index

import (
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// pageRequest is the request of the hits that can be on the page asked for.
//
//   - Sorted by the amount of their matching sanctions: the page's articles,
//     ranked here.
//   - Sorted by a field: the articles whose value is at least that of the
//     last of the page (at most, in increasing order), so that those that
//     tie with it are there (ties are in id order, which bleve sorts).
//   - Sorted by relevance: every hit, scored by bleve.
//
// The query is q's restricted to those articles: with a sanction filter, by
// the list of its articles, as the query of every hit would be; without,
// by a range of the field that weighs nothing, so that the scores are
// those of q's query.
func pageRequest(snap *snapshot, q Query, must []query.Query, matched map[string]*sanctionMatch, docs []uint64, ids map[uint64]string, order search.SortOrder, limit int) (*bleve.SearchRequest, error) {
	if q.Sanction != "" && q.Sort == "amount" {
		hits := make([]sanctionHit, len(docs))
		for i, d := range docs {
			hits[i] = sanctionHit{ids[d], matched[ids[d]].maxEUR}
		}
		sortSanctionHits(hits, q.Reverse)
		hits = hits[q.Offset:min(q.Offset+limit, len(hits))]
		page := make([]string, len(hits))
		for i, h := range hits {
			page[i] = h.id
		}
		only := idsQuery(page)
		return bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(allOf(append(must, only), nil), only), limit, 0, false), nil
	}
	var values *valueRange
	if sf, ok := order[0].(*search.SortField); ok {
		pays, err := snap.pays(bucketsKey(sf.Field), len(docs), bucketPart)
		if err != nil {
			return nil, err
		}
		if pays {
			if values, err = snap.first(sf, docs, q.Offset+limit); err != nil {
				return nil, err
			}
		}
	}
	if matched != nil {
		var page []string
		for _, d := range docs {
			if values.has(d) {
				page = append(page, ids[d])
			}
		}
		return bleve.NewSearchRequestOptions(allOf(append(must, idsQuery(page)), nil), limit, q.Offset, false), nil
	}
	var only query.Query
	if values != nil {
		only = values.query()
	}
	return bleve.NewSearchRequestOptions(allOf(must, only), limit, q.Offset, false), nil
}

// A valueRange is the values of a numeric or date field from lo to hi, as
// bleve orders them (numeric.Float64ToInt64 of a number, the nanoseconds
// of a date), and the documents among the hits that hold one.
type valueRange struct {
	field  string
	lo, hi int64
	docs   []uint64 // in order
}

// has reports whether d is one of the range's documents; every document is
// when r is nil.
func (r *valueRange) has(d uint64) bool {
	if r == nil {
		return true
	}
	_, ok := slices.BinarySearch(r.docs, d)
	return ok
}

// query matches the values of the range; like every range, it adds
// nothing to the scores.
func (r *valueRange) query() query.Query {
	return &rangeQuery{field: r.field, lo: r.lo, hi: r.hi}
}

// bucketPart: sorting as many hits as a bucketPart-th of the documents of
// the index costs bleve about what reading a bucket column costs; below,
// when it is not read yet, bleve sorts every hit.
const bucketPart = 128

// narrowTo is how many documents of the index the range of the n-th hit
// may have once narrowed.
const narrowTo = 32

// first returns the range of the values of the first n of docs in sf's
// order (those before them in the order, and those that tie with the
// n-th): from the value of the n-th to the largest (the smallest in
// increasing order), or a little more. The bucket of the n-th is found with
// the column of sf's field, then narrowed by the field's finer terms until
// it holds at most narrowTo documents of the index. It is nil when fewer
// than n of docs have a value (those without one come last, and all tie).
func (s *snapshot) first(sf *search.SortField, docs []uint64, n int) (*valueRange, error) {
	col, err := s.bucketsOf(sf.Field)
	if err != nil {
		return nil, err
	}
	counts := make([]int, len(col.names))
	for _, d := range docs {
		for _, ord := range col.of(d) {
			counts[ord]++
		}
	}
	bucket, seen := -1, 0
	for i := range counts {
		b := i
		if sf.Desc {
			b = len(counts) - 1 - i
		}
		if seen += counts[b]; seen >= n {
			bucket = b
			break
		}
	}
	if bucket < 0 {
		return nil, nil
	}
	lo, err := numeric.PrefixCoded(col.names[bucket]).Int64()
	if err != nil {
		return nil, fmt.Errorf("cannot read the index: %w", err)
	}
	r := &valueRange{field: sf.Field, lo: lo, hi: lo | (1<<bucketShift - 1)}
	r.docs = slices.DeleteFunc(slices.Clone(docs), func(d uint64) bool {
		ords := col.of(d)
		return len(ords) == 0 || sf.Desc && int(ords[0]) < bucket || !sf.Desc && int(ords[0]) > bucket
	})
	// The hits of the n-th's bucket that it needs, counting from its best end.
	need := n - (len(r.docs) - counts[bucket])
	for i := slices.Index(valueShifts, bucketShift) - 1; i >= 0; i-- {
		shift := valueShifts[i]
		done := false
		if need, done, err = s.narrow(r, sf.Desc, shift, need); err != nil || done {
			break
		}
	}
	if sf.Desc {
		r.hi = math.MaxInt64
	} else {
		r.lo = math.MinInt64
	}
	return r, err
}

// narrow narrows the last bucket of r, the range of the first hits, to the
// term at shift that holds the need-th of its hits from its best end (the
// largest values when desc), and drops from r the hits of the terms after
// it. It returns how many hits of that term are needed, and whether it has
// at most narrowTo documents.
func (s *snapshot) narrow(r *valueRange, desc bool, shift uint, need int) (int, bool, error) {
	start, err := numeric.NewPrefixCodedInt64(r.lo, shift)
	if err != nil {
		return 0, false, err
	}
	end, err := numeric.NewPrefixCodedInt64(r.hi, shift)
	if err != nil {
		return 0, false, err
	}
	type term struct {
		lo   int64
		docs []uint64 // of the index
		hits int
	}
	var terms []term
	err = s.postingsIn(r.field, start, end, func(t string, docs []uint64) {
		lo, _ := numeric.PrefixCoded(t).Int64()
		x := term{lo: lo, docs: slices.Clone(docs)}
		for _, d := range docs {
			if r.has(d) {
				x.hits++
			}
		}
		terms = append(terms, x)
	})
	if err != nil || len(terms) == 0 {
		return need, true, err
	}
	if desc {
		slices.Reverse(terms)
	}
	last := len(terms) - 1
	for i, t := range terms {
		if t.hits >= need {
			last = i
			break
		}
		need -= t.hits
	}
	var worse []uint64
	for _, t := range terms[last+1:] {
		worse = append(worse, t.docs...)
	}
	slices.Sort(worse)
	r.docs = slices.DeleteFunc(r.docs, func(d uint64) bool {
		_, ok := slices.BinarySearch(worse, d)
		return ok
	})
	r.lo, r.hi = terms[last].lo, terms[last].lo|(1<<shift-1)
	return need, len(terms[last].docs) <= narrowTo, nil
}
