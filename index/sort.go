package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/search"
)

// Sorts are the orders of Query.Sort.
var Sorts = []string{"relevance", "date", "amount"}

// sortOrder is the order of q's hits:
//
//	relevance  best score first (the default with a query)
//	date       newest first (the default without one); undated articles last
//	amount     largest fine first, or with Role the largest amount of that
//	           role; articles without one last
//
// Reverse turns the first key around (oldest first, smallest first…);
// articles without a date or an amount stay last, and hits that tie are in
// id order, so that pages do not shift from one run to the next.
func sortOrder(q Query) (search.SortOrder, error) {
	by := q.Sort
	if by == "" {
		by = "date"
		if strings.TrimSpace(q.Text) != "" {
			by = "relevance"
		}
	}
	var first search.SearchSort
	switch by {
	case "relevance":
		first = &search.SortScore{Desc: !q.Reverse}
	case "date":
		first = &search.SortField{Field: fieldPublished, Type: search.SortFieldAsDate, Desc: !q.Reverse, Missing: search.SortFieldMissingLast}
	case "amount":
		field := fieldMaxFine
		if q.Role != "" {
			field = maxField(q.Role)
		}
		first = &search.SortField{Field: field, Type: search.SortFieldAsNumber, Desc: !q.Reverse, Missing: search.SortFieldMissingLast}
	default:
		return nil, badFilter("unknown sort %q: one of %s", q.Sort, strings.Join(Sorts, ", "))
	}
	return search.SortOrder{first, &search.SortDocID{}}, nil
}
