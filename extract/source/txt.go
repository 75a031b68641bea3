package source

/*
Plain-text dumps (.txt).

	 date 2024-12 On ne pille pas en toute impunité
	Summary… | Body… | Questions-réponses … | Laisser un commentaire …

  - An optional first line "date YYYY-MM" or "date YYYY-MM-DD" (leading
    spaces allowed, "date:" too) gives Published at that precision. The
    "date …" words are dropped; the rest of that line, if any, stays in the
    text as its first line.
  - Sections are joined by " | " (space, pipe, space): summary, body,
    questions and answers, boilerplate. Trailing sections that open with a
    boilerplate cue of extract/rules/boilerplate.txt (« Laisser un
    commentaire », « Leave a comment »…) are dropped with their separator;
    every other section is kept as written, so the returned text is a prefix
    of the canonical file and offsets need no map.
  - Title is the first line of the text (up to its first " | ") when it is
    short (a headline), else empty: a long first line is a summary.
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

// sectionSep joins the sections of a plain-text dump.
const sectionSep = " | "

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
	first, _, _ := strings.Cut(a.Text, "\n")
	first, _, _ = strings.Cut(first, sectionSep)
	if utf8.RuneCountInString(first) <= maxTitleRunes {
		a.Title = strings.TrimSpace(first)
	}
	return a
}

// dropBoilerplate drops the trailing sections of s that are boilerplate.
func (t *tables) dropBoilerplate(s string) string {
	for {
		i := strings.LastIndex(s, sectionSep)
		if i < 0 || !t.boilerplate.MatchString(s[i+len(sectionSep):]) {
			return s
		}
		s = s[:i]
	}
}
