// Package extract finds legal facts in French news text: money amounts with
// their role, GDPR and other legal references, injunctions, entities and
// dates. It does no I/O: every extractor is a pure function of strings, so it
// can be table-tested and fuzzed.
//
// Files:
//
//	article.go          Article (one document's canonical text) and Record (its outcome)
//	facts.go            the fact types, each with a canonical String()
//	span.go             Span (byte offsets into Article.Text) and ResolveOverlaps
//	text.go             word boundaries, lexicon alternations and scans shared by the extractors
//	rules.go            Rules: the embedded lexicons of extract/rules, extendable by a user
//	json.go             the JSON form of a Record (code-point offsets, major units)
//	extract.go          Extractor: every family over one article, then the linking step
//	numbers.go          French numbers in digits and words, shared by amounts and durations
//	amounts.go          Amounts: a number with its currency, before or after it
//	amount_cues.go      the role and period of an amount, and figures whose currency is implied
//	durations.go        Durations: lengths in years, months, weeks and days (ISO 8601)
//	legalrefs.go        LegalRefs: links each cited article to its text (GDPR or other)
//	legalrefs_parse.go  the citation grammar: items, paragraphs, points, lists, ranges
//	legalrefs_laws.go   the law lexicon (rules laws.txt, law_kinds.txt, law_anaphora.txt)
//	legalrefs_other.go  texts missing from the lexicon, named by number, date or subject
//	lexicon.go          Lexicon: the entity tables, compiled once, and phrase lookup
//	entities.go         Entities: authorities, courts, persons, places and the passes over a text
//	orgs.go             organisations: acronyms, cues, capitalised runs, one name per organisation
//	dates.go            Dates: calendar dates, a day and month resolved by the publication date
//	injunctions.go      Injunctions: orders linked to their target, obligations, deadline, penalty
//
// The package is not a stable API: its types change with the product contract.
package extract
