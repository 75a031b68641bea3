// Package extract finds legal facts in French news text: money amounts with
// their role, GDPR and other legal references, injunctions, entities and
// dates. It does no I/O: every extractor is a pure function of strings, so it
// can be table-tested and fuzzed.
//
// Files:
//
//	article.go   Article (one document's canonical text) and Record (its outcome)
//	facts.go     the fact types, each with a canonical String()
//	span.go      Span (byte offsets into Article.Text) and ResolveOverlaps
//	text.go      regular-expression pieces shared by the extractors
//	rules.go     Rules: the embedded lexicons of extract/rules, extendable by a user
//	json.go      the JSON form of a Record (code-point offsets, major units)
//
// The package is not a stable API: its types change with the product contract.
package extract
