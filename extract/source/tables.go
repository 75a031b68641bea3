package source

/*
The lexicons the readers use, from extract/rules (format in that package):

  - boilerplate.txt, key "cue": the words that open a trailing boilerplate
    section of a plain-text dump (txt.go);
  - html_chrome.txt, keys "drop", "tag", "role", "word", "prefix": what page
    chrome looks like in HTML (html.go);
  - date_words.txt, keys "published" and "dateline": the words that open a
    page header's publication date, read when the file gives none otherwise.

They are compiled once per Walk, from Options.Rules, so a user's rules
directory extends them.
*/

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/veille/veille/extract"
)

// Table file names.
const (
	boilerplateTable = "boilerplate.txt"
	chromeTable      = "html_chrome.txt"
	dateWordsTable   = "date_words.txt"
)

// tables are the compiled lexicons of one Walk.
type tables struct {
	boilerplate *regexp.Regexp // a section that opens with a cue
	drop        []string       // elements removed everywhere
	chromeTag   set            // element names of chrome
	chromeRole  set            // ARIA roles of chrome
	chromeWord  set            // class or id words of chrome
	chromePfx   []string       // class or id word prefixes of chrome
	undated     *tables        // the chrome whose dates are not the article's
	headerless  *tables        // the chrome without site and article headers
	published   *regexp.Regexp // a line's opening words of a publication date
	dateline    *regexp.Regexp // the optional opening words of a line that holds only a date
}

type set map[string]bool

func newSet(vals []string) set {
	s := set{}
	for _, v := range vals {
		s[strings.ToLower(v)] = true
	}
	return s
}

func newTables(r *extract.Rules) (*tables, error) {
	cues := r.Values(boilerplateTable, "cue")
	if len(cues) == 0 {
		return nil, fmt.Errorf("rules table %s has no cue", boilerplateTable)
	}
	t := &tables{
		published:   publishedRegexp(r.Values(dateWordsTable, "published")),
		dateline:    publishedRegexp(r.Values(dateWordsTable, "dateline")),
		boilerplate: cueRegexp(cues),
		drop:        r.Values(chromeTable, "drop"),
		chromeTag:   newSet(r.Values(chromeTable, "tag")),
		chromeRole:  newSet(r.Values(chromeTable, "role")),
		chromeWord:  newSet(r.Values(chromeTable, "word")),
	}
	for _, p := range r.Values(chromeTable, "prefix") {
		t.chromePfx = append(t.chromePfx, strings.ToLower(p))
	}
	undated := r.Values(chromeTable, "undated")
	if len(t.drop) == 0 || len(t.chromeTag) == 0 || len(undated) == 0 {
		return nil, fmt.Errorf("rules table %s needs drop, tag and undated entries", chromeTable)
	}
	t.undated = &tables{chromeTag: newSet(undated), chromePfx: newSet(undated).keys()}
	t.headerless = &tables{chromeTag: set{}, chromeRole: t.chromeRole, chromeWord: set{}, chromePfx: t.chromePfx}
	for tag := range t.chromeTag {
		if tag != "header" {
			t.headerless.chromeTag[tag] = true
		}
	}
	for w := range t.chromeWord {
		if w != "header" && w != "masthead" {
			t.headerless.chromeWord[w] = true
		}
	}
	return t, nil
}

// keys returns the members of s, sorted.
func (s set) keys() []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// apostrophe matches the apostrophes French text uses (see extract/text.go).
const apostrophe = `['’ʼ]`

// cueRegexp matches text that opens, after spaces, with one of the cues,
// case-insensitively, followed by the end or a character that is not a
// letter or digit (so "Commentaires" is not the cue "Comment").
func cueRegexp(cues []string) *regexp.Regexp {
	sort.Slice(cues, func(i, j int) bool { return len(cues[i]) > len(cues[j]) })
	alts := make([]string, len(cues))
	for i, c := range cues {
		q := regexp.QuoteMeta(c)
		q = regexp.MustCompile(apostrophe).ReplaceAllString(q, apostrophe)
		alts[i] = strings.ReplaceAll(q, " ", `\s+`)
	}
	return regexp.MustCompile(`(?i)^\s*(?:` + strings.Join(alts, "|") + `)(?:$|[^\p{L}\p{N}])`)
}

// isChromeName reports whether a class or id value names page chrome: the
// whole value or one of its words (split at - and _) is a chrome word or
// starts with a chrome prefix.
func (t *tables) isChromeName(name string) bool {
	name = strings.ToLower(name)
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
	for _, w := range append(words, name) {
		if t.chromeWord[w] {
			return true
		}
		for _, p := range t.chromePfx {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// publishedRegexp matches the words that open a line's publication date
// (« Publié le », « Mis en ligne : »), up to the date; nil without words.
func publishedRegexp(words []string) *regexp.Regexp {
	if len(words) == 0 {
		return nil
	}
	alts := make([]string, len(words))
	for i, w := range words {
		alts[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `[ \t]+`)
	}
	return regexp.MustCompile(`(?im)^[ \t]*(?:` + strings.Join(alts, "|") + `)[ \t]*:?[ \t]*`)
}

// headerLines is how much of an article's beginning may hold its header.
const headerLines = 2000

// datelineLines is how many of an article's first lines may be its dateline.
const datelineLines = 6

// headerDate reads the publication date of a page header in the first lines
// of text: a line that opens with publication words, then a full date
// (« Publié le 12/03/2024 à 10h15 · Mis à jour le … »); else, among the very
// first lines, one that holds nothing but a full date (« Le 14 octobre 2024 »).
func (t *tables) headerDate(text string) (extract.CivilDate, bool) {
	if t.published == nil {
		return extract.CivilDate{}, false
	}
	head := text[:min(len(text), headerLines)]
	if d, ok := t.publishedLine(head); ok {
		return d, true
	}
	lines := strings.SplitN(head, "\n", datelineLines+1)
	for _, line := range lines[:min(len(lines), datelineLines)] {
		line = strings.TrimSpace(line)
		if t.dateline != nil {
			line = line[len(t.dateline.FindString(line)):]
		}
		line = strings.TrimRight(line, " \t.")
		dates := extract.Dates(line, extract.CivilDate{})
		if len(dates) == 1 && dates[0].Start == 0 && dates[0].End == len(line) && dates[0].Value.Day != 0 {
			return dates[0].Value, true
		}
	}
	return extract.CivilDate{}, false
}

// publishedLine reads the date after publication words at a line's start in head.
func (t *tables) publishedLine(head string) (extract.CivilDate, bool) {
	for _, m := range t.published.FindAllStringIndex(head, -1) {
		line := head[m[1]:]
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		dates := extract.Dates(line, extract.CivilDate{})
		if len(dates) > 0 && dates[0].Start == 0 && dates[0].Value.Day != 0 {
			return dates[0].Value, true
		}
	}
	return extract.CivilDate{}, false
}
