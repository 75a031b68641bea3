// Package index stores extracted articles in a bleve index and answers
// searches, facets and corpus aggregates over them. It is the only package
// that imports bleve.
//
// Files:
//
//	mapping.go   the explicit index mapping (French analyser, keyword facets)
//	document.go  an extract.Record turned into the indexed document, and back
//	index.go     Create/Open/Close, the schema version, the batch Writer
//	search.go    Query (filters), Search (hits, snippets, facets)
//	query.go     the query language: tokens -> AST -> bleve queries, QueryError
//	sanctions.go search -sanction: every filter on one and the same sanction of an article
//	sort.go      the orders of the hits (relevance, date, amount)
//	errors.go    ErrBadFilter, a filter value that cannot be searched for
//	records.go   Get one record; Each streams every record (export); Sanctioned (report)
//	stats.go     corpus aggregates of the sanctions, from their facts in the index
//	resume.go    Has (is an article indexed?) and the extraction fingerprint, for resuming ingest
//	opensearch.go the same fields as an OpenSearch mapping and _bulk documents (export)
//
// The package is not a stable API: its types change with the product contract.
package index
