package index

import (
	"cmp"
	"slices"
)

// facetSize is how many terms a term facet shows.
const facetSize = 10

// facets counts the articles docs by each field of facetFields, the
// largest first (ties in term order), and by fine band; as bleve's term and
// numeric-range facets would, from the columns of the snapshot.
func (s *snapshot) facets(docs []uint64) ([]Facet, error) {
	var out []Facet
	for _, f := range facetFields {
		col, err := s.termsOf(f.field)
		if err != nil {
			return nil, err
		}
		counts := make([]int, len(col.names))
		for _, d := range docs {
			for _, ord := range col.of(d) {
				counts[ord]++
			}
		}
		var terms []FacetTerm
		for ord, n := range counts {
			if n > 0 {
				terms = append(terms, FacetTerm{Term: col.names[ord], Count: n})
			}
		}
		slices.SortFunc(terms, func(a, b FacetTerm) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Term, b.Term))
		})
		out = append(out, Facet{Name: f.name, Terms: terms[:min(facetSize, len(terms))]})
	}
	bands, err := s.bandsOf()
	if err != nil {
		return nil, err
	}
	counts := make([]int, len(bands.names))
	for _, d := range docs {
		for _, ord := range bands.of(d) {
			counts[ord]++
		}
	}
	fine := Facet{Name: "fine"}
	for ord, n := range counts {
		if n > 0 {
			fine.Terms = append(fine.Terms, FacetTerm{Term: bands.names[ord], Count: n})
		}
	}
	return append(out, fine), nil
}
