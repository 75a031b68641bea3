package extract

// An Article is one document read from a dump, ready for extraction.
// Text is canonical: HTML already reduced to the article's text, Unicode NFC,
// "\n" line ends. Every Span of every fact points into it.
type Article struct {
	ID        string // the record's own id, else a hash of the normalised text
	Source    string // path as given, with #<record id or line> inside a dump
	URL       string
	Title     string
	Published CivilDate
	Text      string
}

// A SkipReason says why an article read was not extracted or indexed.
type SkipReason string

// The skip reasons of SPEC.md.
const (
	NotSkipped    SkipReason = ""
	SkipLanguage  SkipReason = "language"  // not French: reported, not indexed
	SkipDuplicate SkipReason = "duplicate" // same normalised text as DuplicateOf
	SkipEmpty     SkipReason = "empty"     // no text once cleaned
	SkipError     SkipReason = "error"     // unreadable: see Error
)

// A Record is the outcome for one article read: the article, its language,
// why it was skipped if it was, and the facts extracted from it.
type Record struct {
	Article
	Lang           string
	LangConfidence float64
	Skipped        SkipReason
	Error          string
	DuplicateOf    string
	Similarity     float64 // of a duplicate's text to DuplicateOf's: 1 when the same, else estimated
	Facts
}
