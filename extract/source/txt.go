package source

/*
Plain-text dumps (.txt).

	 date 2024-12 On ne pille pas en toute impunité
	Summary… | Body… | Questions-réponses … | Laisser un commentaire …

  - An optional first line "date YYYY-MM" or "date YYYY-MM-DD" (leading
    spaces allowed, "date:" too) gives Published at that precision. The
    "date …" words are dropped; the rest of that line, if any, stays in the
    text as its first line.
  - Sections are joined by " | " (space, pipe, space, or a line break
    after the pipe: " |\n") or by a blank line: summary, body,
    questions and answers, boilerplate. Trailing sections that open with a
    boilerplate cue of extract/rules/boilerplate.txt (« Laisser un
    commentaire », « Leave a comment »…) are dropped with their separator;
    every other section is kept as written, so the returned text is a prefix
    of the canonical file and offsets need no map.
  - Title is the first line of the text (up to its first section end) when it is
    short (a headline); a long first line is a summary, whose first sentence,
    or else its beginning, makes the title.
  - The file is UTF-8 (see charset.go); the text is canonical (normalize.go);
    ID is the hash of the text.
*/

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille/extract"
)

// dateLine matches the optional first line "date YYYY-MM[-DD]" and the
// spaces after it, up to the title that may follow on the same line.
var dateLine = regexp.MustCompile(`(?i)^[ \t]*date[ \t]*:?[ \t]*(\d{4}-\d{1,2}(?:-\d{1,2})?)(?:[ \t]+|[ \t]*(?:\n|$))`)

// sectionSep joins the sections of a plain-text dump: a pipe after a space,
// then a space or a line break (some dumps end each section's line with " |"),
// or a blank line.
var sectionSep = regexp.MustCompile(`[ \t]\|(?:[ \t]|\n)|\n[ \t]*\n`)

// maxTitleRunes is the length above which a first line is not a headline.
const maxTitleRunes = 160

// text reads a plain-text file.
func (w *walker) text(source string, data []byte) error {
	b, err := w.dec.decode(data)
	if err != nil {
		return w.fail(source, err)
	}
	a := parseText(string(b), w.tables)
	a.Source = source
	a.ID = hashID(a.Text)
	return w.emit(Doc{Article: a})
}

// parseText returns the article of a plain-text dump: its canonical text
// without the date line and trailing boilerplate, its title and date.
func parseText(raw string, t *tables) extract.Article {
	var a extract.Article
	s := canonical(raw)
	if m := dateLine.FindStringSubmatchIndex(s); m != nil {
		if d, ok := parseDate(s[m[2]:m[3]]); ok {
			a.Published = d
			s = strings.TrimLeft(s[m[1]:], " \t\n")
		}
	}
	s = t.dropBoilerplate(s)
	a.Text = strings.TrimRight(s, " \t\n")
	if a.Published.IsZero() {
		a.Published, _ = t.headerDate(a.Text)
	}
	first, _, _ := strings.Cut(a.Text, "\n")
	if loc := sectionSep.FindStringIndex(first + "\n"); loc != nil {
		first = first[:loc[0]]
	}
	a.Title = headline(strings.TrimSpace(first))
	return a
}

// headline is a title made from a first line: the line if it is short, else
// its first sentence if that is short, else its beginning cut at a word, with
// an ellipsis.
func headline(first string) string {
	if utf8.RuneCountInString(first) <= maxTitleRunes {
		return first
	}
	if end := sentenceEnd.FindStringIndex(first); end != nil && utf8.RuneCountInString(first[:end[0]+1]) <= maxTitleRunes {
		return first[:end[0]+1]
	}
	cut := first
	for i := range first {
		if utf8.RuneCountInString(first[:i]) == maxTitleRunes {
			cut = first[:i]
			break
		}
	}
	if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// sentenceEnd is the end of a first sentence: a full stop, ! or ? before a space.
var sentenceEnd = regexp.MustCompile(`[.!?]\s`)

// dropBoilerplate drops the trailing sections of s that are boilerplate.
func (t *tables) dropBoilerplate(s string) string {
	for {
		seps := sectionSep.FindAllStringIndex(s, -1)
		if len(seps) == 0 {
			return s
		}
		last := seps[len(seps)-1]
		if !t.boilerplate.MatchString(s[last[1]:]) {
			return s
		}
		s = s[:last[0]]
	}
}
