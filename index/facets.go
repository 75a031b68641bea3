package index

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/numeric"
	bindex "github.com/blevesearch/bleve_index_api"
)

// facetSize is how many terms a term facet shows.
const facetSize = 10

// facetPart: the facets of as many hits as a facetPart-th of the documents
// of the index cost about what reading their columns costs (some 0.7 µs a
// document, against some 10 µs a hit for its doc values); below, when the
// columns are not read yet, the hits' doc values are looked up instead, so
// that a single selective search does not read the columns.
const facetPart = 16

// facets counts the articles docs by each field of facetFields, the
// largest first (ties in term order), and by fine band, as bleve's term and
// numeric-range facets would: from the columns of the snapshot, or from
// the doc values of docs when they are few and the columns not read yet.
func (s *snapshot) facets(docs []uint64) ([]Facet, error) {
	counts := make([]map[string]int, len(facetFields))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	bands := make([]int, len(fineBands))
	pays, err := s.pays("bands", len(docs), facetPart)
	if err != nil {
		return nil, err
	}
	if pays {
		err = s.countColumns(docs, counts, bands)
	} else {
		err = s.countDocValues(docs, counts, bands)
	}
	if err != nil {
		return nil, err
	}
	var out []Facet
	for i, f := range facetFields {
		var terms []FacetTerm
		for t, n := range counts[i] {
			terms = append(terms, FacetTerm{Term: t, Count: n})
		}
		slices.SortFunc(terms, func(a, b FacetTerm) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Term, b.Term))
		})
		out = append(out, Facet{Name: f.name, Terms: terms[:min(facetSize, len(terms))]})
	}
	fine := Facet{Name: "fine"}
	for i, b := range fineBands {
		if bands[i] > 0 {
			fine.Terms = append(fine.Terms, FacetTerm{Term: b.name, Count: bands[i]})
		}
	}
	return append(out, fine), nil
}

// countColumns adds up, for each field of facetFields, the terms of docs,
// and their fine bands, from the columns.
func (s *snapshot) countColumns(docs []uint64, counts []map[string]int, bands []int) error {
	for i, f := range facetFields {
		col, err := s.termsOf(f.field)
		if err != nil {
			return err
		}
		byOrd := make([]int, len(col.names))
		for _, d := range docs {
			for _, ord := range col.of(d) {
				byOrd[ord]++
			}
		}
		for ord, n := range byOrd {
			if n > 0 {
				counts[i][col.names[ord]] = n
			}
		}
	}
	col, err := s.bandsOf()
	if err != nil {
		return err
	}
	for _, d := range docs {
		for _, ord := range col.of(d) {
			bands[ord]++
		}
	}
	return nil
}

// countDocValues adds up the same from the doc values of docs.
func (s *snapshot) countDocValues(docs []uint64, counts []map[string]int, bands []int) error {
	byField := map[string]map[string]int{}
	fields := []string{fieldMaxFine}
	for i, f := range facetFields {
		byField[f.field] = counts[i]
		fields = append(fields, f.field)
	}
	dvr, err := s.reader.DocValueReader(fields)
	if err != nil {
		return fmt.Errorf("cannot read the index: %w", err)
	}
	var id bindex.IndexInternalID
	for _, d := range docs {
		id = bindex.NewIndexInternalID(id, d)
		err := dvr.VisitDocValues(id, func(field string, term []byte) {
			if field != fieldMaxFine {
				byField[field][string(term)]++
				return
			}
			if term[0] != numeric.ShiftStartInt64 { // a term of lower precision
				return
			}
			v, err := numeric.PrefixCoded(term).Int64()
			if err != nil {
				return
			}
			euros := numeric.Int64ToFloat64(v)
			for i, b := range fineBands {
				if euros >= b.min && euros < b.max {
					bands[i]++
				}
			}
		})
		if err != nil {
			return fmt.Errorf("cannot read the index: %w", err)
		}
	}
	return nil
}
