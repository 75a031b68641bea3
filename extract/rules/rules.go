// Package rules holds the curated word lists and lexicons of the extractors,
// embedded in the binary. Each file is a table that extract.Rules parses.
//
// Format of every *.txt file, one entry a line:
//
//	# comment: the file's header gives its source, date and licence
//	key: value | value | value
//	key
//
// Blank lines and lines starting with # are ignored; a key never contains
// ':', values are separated by '|'; surrounding spaces are trimmed. A key may
// be written on several lines: its values add up, so keep lines short (the
// tests refuse a line over 120 characters and a value written twice under
// one key). Each table accepts only its own keys (extract's tableSpecs), and
// what a key and its values mean is said in each file's header.
//
// How values are matched against a text differs by what they name, as each
// header says:
//
//	names (authorities, courts, orgs, places,   whole words, any case, accents ignored; a
//	not_orgs, persons' names, law names)        one-word authority keeps its case (CNIL)
//	cue words (amount_roles, amount_periods,    lower case, as substrings of the lower-cased
//	amount_context)                             text, accents kept (tags stripped from HTML
//	                                            glue words: « uneamende »)
//	phrases (injunctions, org_cues, date_words, any case, whole words; an apostrophe matches
//	months, durations, number_words, laws)      ' and ’, a space any run of spaces
//	symbols and forms (number_scales' symbols,  case as written
//	legal_forms, persons' titles, particles)
//	html_chrome, boilerplate                    tag and attribute names; section starts in
//	                                            any case
package rules

import "embed"

// FS holds every table, by file name.
//
//go:embed *.txt
var FS embed.FS
