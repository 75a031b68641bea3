package extract

// Pieces of regular expressions shared by the extractors. French news text
// mixes typographic and ASCII punctuation, so every pattern goes through these.
const (
	// reApos matches an apostrophe: ASCII, typographic (U+2019) or modifier (U+02BC).
	reApos = `['’ʼ]`
	// reSpace matches one horizontal space, including the no-break spaces
	// U+00A0 and U+202F that French typography puts before « ; : ? ! » and in numbers.
	reSpace = `[ \t\x{00A0}\x{202F}\x{2009}]`
	// reDash matches a hyphen or a dash.
	reDash = `[-‐‑‒–—]`
)
