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
//	sentences.go        the one sentence and clause splitter every family uses
//	fold.go             the fold functions, each named for what it folds
//	antecedents.go      the fact named last before a point (or first after it), for the linkers
//	rules.go            Rules: the embedded lexicons of extract/rules, extendable by a user,
//	                    and the keys each table accepts
//	json.go             the JSON form of a Record (code-point offsets, major units)
//	summary.go          what a record reports as a whole: its largest fine, its deciding authority
//	annotate.go         a record's text with its facts marked inline, for review (the goldens)
//	extract.go          Extractor: the rules compiled once; every family over one article,
//	                    then the linking step
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
//	orgs.go             organisations: acronyms, cues, capitalised runs and the evidence that
//	                    sorts them, one name per organisation
//	dates.go            Dates: calendar dates, a day and month resolved by the publication date
//	injunctions.go      Injunctions: orders linked to their target, obligations, deadline, penalty
//
// # Adding a fact family
//
// A new family touches, in this order:
//
//  1. facts.go: its type, with a Span pointing into the text (a linked fact
//     points to the facts it links by their spans) and a canonical String();
//     Facts gets a field.
//  2. its own file: the finder or linker, a method of a compiled rules value
//     built in New from the tables it reads; its words in a table of
//     extract/rules declared in tableSpecs, with a probe in
//     extract/pipeline TestEveryTableReachesItsFamily.
//  3. extract.go: Extractor.Extract calls it, after the facts it links.
//  4. json.go: its JSON type and Record.JSON; SPEC.md and the README's JSON.
//  5. annotate.go: its inline mark (or its line after the text); regenerate
//     the goldens of extract/pipeline (-update) and review the diff.
//  6. fuzzing: FuzzExtract covers it through Extract; a FuzzX of its own when
//     it parses text.
//  7. index: its fields in mapping.go and document.go, SchemaVersion bumped
//     with a changelog line, the golden testdata/mapping.json, its filters and
//     facets in search.go.
//  8. extract/tables: its table and columns; the README's table of tables.
//  9. extract/eval: its metrics, as score.py defines them, and a ratchet floor.
//  10. cmd/veille: show prints it; search filters and stats use it.
//
// The package is not a stable API: its types change with the product contract.
package extract
