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
// ':', values are separated by '|'; surrounding spaces are trimmed. What a key
// and its values mean is said in each file's header.
package rules

import "embed"

// FS holds every table, by file name.
//
//go:embed *.txt
var FS embed.FS
