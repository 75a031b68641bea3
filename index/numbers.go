package index

// Numbers and dates at a coarser precision than bleve's.
//
// bleve indexes a number or a date as 16 terms: its value shifted right by
// 0, 4, 8, … 60 bits (numeric.NewPrefixCodedInt64), so that a range query
// is a union of a few terms at each shift. An article and its sanctions
// hold some 14 such values (amounts, largest amounts, dates), and their
// terms, most of them each a document's own, were a third of the cost of
// indexing it. veille's values are few and sparse: a date is a day (the
// terms below 2^40 ns, 18 minutes, tell no two days apart), an amount in
// euros has few significant digits (the terms below 2^40 of its float
// bits, 1/4096 of a power of two, seldom tell two amounts apart). So a
// value is indexed at the shifts of valueShifts only, and a range query
// (rangeQuery) looks up, at each shift, the terms that the index holds
// between the range's ends, which stay few at the sparse shifts.

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	bdocument "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// valueShifts are the shifts at which a number or a date is indexed, in
// increasing order: the value itself (which sorts and doc values read),
// and coarser terms for ranges; bucketShift is one of them. Above it, the
// terms of a range's ends are at most 15 a shift, as with bleve's: with 56
// alone after 48, a range of years or of amounts from 10 000 € looked up
// some 250 terms, and the filtered search of BenchmarkSearch took 10 to
// 50 % longer than with bleve's terms.
var valueShifts = []uint{0, 40, bucketShift, 52, 56}

// valueTerms returns the term frequencies of a value indexed at
// valueShifts, for a field at arrayPositions with options.
func valueTerms(v int64, arrayPositions []uint64, options bindex.FieldIndexingOptions) bindex.TokenFrequencies {
	tokens := make(analysis.TokenStream, 0, len(valueShifts))
	for _, shift := range valueShifts {
		term, err := numeric.NewPrefixCodedInt64(v, shift)
		if err != nil { // only for a shift over 63
			panic(err)
		}
		tokens = append(tokens, &analysis.Token{End: len(term), Term: term, Position: 1, Type: analysis.Numeric})
	}
	return analysis.TokenFrequency(tokens, arrayPositions, options)
}

// A coarseNumber is a number field indexed at valueShifts; it is stored,
// and read back, as bleve's.
type coarseNumber struct {
	*bdocument.NumericField
	terms bindex.TokenFrequencies
}

func (f *coarseNumber) Analyze() {
	v, _ := numeric.PrefixCoded(f.Value()).Int64() // bleve made it
	f.terms = valueTerms(v, f.ArrayPositions(), f.Options())
}

func (f *coarseNumber) AnalyzedLength() int                               { return len(valueShifts) }
func (f *coarseNumber) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.terms }

// A coarseDate is a date field indexed at valueShifts.
type coarseDate struct {
	*bdocument.DateTimeField
	terms bindex.TokenFrequencies
}

func (f *coarseDate) Analyze() {
	t, _, _ := f.DateTime() // bleve made it
	f.terms = valueTerms(t.UnixNano(), f.ArrayPositions(), f.Options())
}

func (f *coarseDate) AnalyzedLength() int                               { return len(valueShifts) }
func (f *coarseDate) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.terms }

// A rangeQuery matches the documents with a value of a number or date
// field from lo to hi, both included, in bleve's order of values
// (numeric.Float64ToInt64 of a number, the nanoseconds of a date). It adds
// nothing to the scores: a filter does not make a hit more relevant.
type rangeQuery struct {
	field  string
	lo, hi int64
}

// numberRange matches the numbers of field from lo to hi (nil for no
// bound), each end included or not.
func numberRange(field string, lo, hi *float64, loIncluded, hiIncluded bool) *rangeQuery {
	q := &rangeQuery{field: field, lo: math.MinInt64, hi: math.MaxInt64}
	if lo != nil {
		q.lo = numeric.Float64ToInt64(*lo)
		if !loIncluded {
			q.lo++
		}
	}
	if hi != nil {
		q.hi = numeric.Float64ToInt64(*hi)
		if !hiIncluded {
			q.hi--
		}
	}
	return q
}

// timeRange matches the dates of field from start, included, to end,
// excluded; a zero time for no bound.
func timeRange(field string, start, end time.Time) *rangeQuery {
	q := &rangeQuery{field: field, lo: math.MinInt64, hi: math.MaxInt64}
	if !start.IsZero() {
		q.lo = start.UnixNano()
	}
	if !end.IsZero() {
		q.hi = end.UnixNano() - 1
	}
	return q
}

// Searcher looks up the terms of the range's spans in the index and
// matches the documents of any of them.
func (q *rangeQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	var terms [][]byte
	for _, s := range spans(q.lo, q.hi) {
		start, err := numeric.NewPrefixCodedInt64(s.lo, s.shift)
		if err != nil {
			return nil, err
		}
		end, err := numeric.NewPrefixCodedInt64(s.hi, s.shift)
		if err != nil {
			return nil, err
		}
		if terms, err = appendTerms(terms, r, q.field, start, end); err != nil {
			return nil, err
		}
	}
	return searcher.NewMultiTermSearcherBytes(ctx, r, terms, q.field, 0, options, true)
}

// appendTerms appends to terms those of field in the index from start to
// end, both included.
func appendTerms(terms [][]byte, r bindex.IndexReader, field string, start, end []byte) ([][]byte, error) {
	dict, err := r.FieldDictRange(field, start, end)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("cannot read the index: %w", err)
		}
		if e == nil {
			return terms, nil
		}
		terms = append(terms, []byte(e.Term))
	}
}

// A span is the values from lo to hi, both aligned on shift, whose terms
// at shift cover them.
type span struct {
	shift  uint
	lo, hi int64
}

// spans covers the values from lo to hi, both included, with the terms of
// valueShifts: at each shift, the ends of the range that do not fill a
// term of the next shift, the rest at the next one. It is empty when lo
// is above hi.
func spans(lo, hi int64) []span {
	var out []span
	for i, shift := range valueShifts {
		if lo > hi {
			break
		}
		if i == len(valueShifts)-1 {
			return append(out, span{shift, lo, hi})
		}
		next := valueShifts[i+1]
		if lo>>next == hi>>next {
			return append(out, span{shift, lo, hi})
		}
		mask := int64(1)<<next - 1
		if lo&mask != 0 {
			out = append(out, span{shift, lo, lo | mask})
			lo = (lo | mask) + 1
		}
		if hi&mask != mask {
			out = append(out, span{shift, hi &^ mask, hi})
			hi = (hi &^ mask) - 1
		}
	}
	return out
}

// The range queries are bleve queries.
var _ query.Query = (*rangeQuery)(nil)
