// Package source reads dumps of articles (HTML pages, plain text, JSON
// Lines, compressed or archived) into extract.Article values with canonical
// text, and tells their language. It is the only part of veille that reads
// files; package extract works on its output.
//
// Files (the formats and invariants are in a block comment atop each):
//
//	walk.go       Walk, Doc, Options: paths, directories, stdin sniffing, dispatch by extension
//	txt.go        plain-text dumps: the "date" line, " | " sections, trailing boilerplate
//	html.go       HTML pages: metadata, the article container, chrome removal, text
//	jsonl.go      JSON Lines and .json dumps, one article per record
//	archive.go    .gz, .zip, .tar, .tar.gz read as streams
//	warc.go       web archives (.warc, .warc.gz): HTML responses and resources
//	charset.go    HTML charsets, UTF-8 checks of text and JSON
//	normalize.go  canonical text, stable ids, publication dates
//	tables.go     the boilerplate and page-chrome lexicons of extract/rules
//	lang.go       Detector: language detection, quick pass then lingua-go
//	quick.go      the quick pass: function words that settle clear cases
//
// The package is not a stable API: it follows the product contract (SPEC.md).
package source
