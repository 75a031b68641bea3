package index

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestSpansCoverTheRange checks that the spans of a range are aligned on
// their shift and cover its values exactly, once each, in order.
func TestSpansCoverTheRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ends := []int64{math.MinInt64, -1 << 50, -5, 0, 1, 1 << 40, 1<<48 - 1, 1 << 48, 1<<56 + 7, math.MaxInt64}
	for range 2000 {
		lo, hi := ends[rng.IntN(len(ends))]+rng.Int64N(1<<20), ends[rng.IntN(len(ends))]-rng.Int64N(1<<20)
		if rng.IntN(2) == 0 {
			lo, hi = rng.Int64(), rng.Int64()
		}
		got := spans(lo, hi)
		if lo > hi {
			if len(got) > 0 {
				t.Fatalf("spans(%d, %d) = %v, want none", lo, hi, got)
			}
			continue
		}
		next := lo // the first value not covered yet
		slices.SortFunc(got, func(a, b span) int { return cmpInt64(a.lo, b.lo) })
		for _, s := range got {
			mask := int64(1)<<s.shift - 1
			if s.lo != next || s.lo&mask != 0 || s.hi&mask != mask || s.hi < s.lo {
				t.Fatalf("spans(%d, %d) = %v: %v is not aligned on its shift from %d", lo, hi, got, s, next)
			}
			next = s.hi + 1
		}
		if next-1 != hi {
			t.Fatalf("spans(%d, %d) = %v ends at %d", lo, hi, got, next-1)
		}
	}
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestRangesFindTheirValues indexes amounts and dates as the Writer does
// and checks that a range finds exactly the documents with a value in it,
// with its ends included or not.
func TestRangesFindTheirValues(t *testing.T) {
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rng := rand.New(rand.NewPCG(5, 6))
	amounts := []float64{0, 0.01, 1, 999.99, 1000, 1000.01, 150000, 20e6, 746e6, 1.2e9}
	day := func() time.Time {
		return time.Date(1990+rng.IntN(40), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
	}
	type value struct {
		amount float64
		date   time.Time
	}
	values := map[string]value{}
	batch := ix.bleve.NewBatch()
	for i := range 300 {
		v := value{amounts[rng.IntN(len(amounts))] * float64(1+rng.IntN(3)), day()}
		id := fmt.Sprint(i)
		values[id] = v
		doc, err := ix.fields.document(id, map[string]interface{}{fieldMaxFine: v.amount, fieldPublished: v.date})
		if err != nil {
			t.Fatal(err)
		}
		if err := batch.IndexAdvanced(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.bleve.Batch(batch); err != nil {
		t.Fatal(err)
	}
	find := func(q query.Query) []string {
		req := bleve.NewSearchRequestOptions(q, len(values), 0, false)
		res, err := ix.bleve.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		return ids
	}
	want := func(in func(value) bool) []string {
		var ids []string
		for id, v := range values {
			if in(v) {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		return ids
	}
	for _, lo := range amounts {
		for _, hi := range amounts {
			for _, incl := range []bool{true, false} {
				got := find(numberRange(fieldMaxFine, &lo, &hi, incl, !incl))
				exp := want(func(v value) bool {
					return (v.amount > lo || incl && v.amount == lo) && (v.amount < hi || !incl && v.amount == hi)
				})
				if !slices.Equal(got, exp) {
					t.Errorf("amounts from %v to %v (low end included: %v): %v, want %v", lo, hi, incl, got, exp)
				}
			}
		}
		got := find(numberRange(fieldMaxFine, &lo, nil, true, false))
		if exp := want(func(v value) bool { return v.amount >= lo }); !slices.Equal(got, exp) {
			t.Errorf("amounts from %v: %v, want %v", lo, got, exp)
		}
	}
	for range 200 {
		start, end := day(), day()
		if rng.IntN(10) == 0 {
			start = time.Time{}
		}
		got := find(timeRange(fieldPublished, start, end))
		exp := want(func(v value) bool { return !v.date.Before(start) && v.date.Before(end) })
		if !slices.Equal(got, exp) {
			t.Errorf("dates from %v to %v: %v, want %v", start, end, got, exp)
		}
	}
}
