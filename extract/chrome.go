package extract

import "strings"

// chrome blanks out the page chrome that dumps keep around an article:
// share bars and copyright lines (not_orgs.txt chrome), and breadcrumbs
// (« Accueil > Actualités > Droit du numérique »). Their names are the
// site's links and branding, not organisations the article speaks of.
func (f *finder) chrome() {
	cued := f.lx.cuedLines(f.text)
	for start, n := 0, 0; start < len(f.text); n++ {
		end := strings.IndexByte(f.text[start:], '\n')
		if end < 0 {
			end = len(f.text)
		} else {
			end += start
		}
		if line := f.text[start:end]; cued[n] || breadcrumb(line) {
			if from, ok := f.lx.chromeIn(line); ok {
				f.blank(start+from, end)
			}
		}
		start = end + 1
	}
}

// maxChromeLink is the length of a link in a bar of links: longer
// pieces are article text.
const maxChromeLink = 60

// chromeIn returns where the chrome of a line begins, if it holds any: a
// short line of links split by two « > » or « › » or more (a breadcrumb),
// or the piece holding a chrome cue and the short pieces after it that « | »
// splits off (« Partager sur LinkedIn | Twitter | Facebook »). A line that
// flattens a whole page keeps its text.
func (lx *Lexicon) chromeIn(line string) (int, bool) {
	if breadcrumb(line) {
		return 0, true
	}
	lower := strings.ToLower(line)
	for _, c := range lx.chrome {
		i := strings.Index(lower, c)
		if i < 0 {
			continue
		}
		from := strings.LastIndexByte(line[:i], '|') + 1
		rest := line[from:]
		for _, piece := range strings.Split(rest, "|") {
			if len(piece) > maxChromeLink+len(c) {
				return 0, false
			}
		}
		return from, true
	}
	return 0, false
}

// breadcrumb reports whether line is a short line of links split by two
// « > » or « › » or more.
func breadcrumb(line string) bool {
	return len(line) <= 4*maxChromeLink && strings.Count(line, " > ")+strings.Count(line, " › ") >= 2
}

// cuedLines returns the numbers of the lines of text, from 0, that hold a
// chrome cue once lowered: the text is lowered once and each cue sought
// once, instead of lowering every line and seeking every cue in it.
// Lowering maps each rune to one rune and only a newline to a newline, so
// the lines of the lowered text are those of the text lowered.
func (lx *Lexicon) cuedLines(text string) map[int]bool {
	lowered := lower(text)
	cued := map[int]bool{}
	for _, c := range lx.chrome {
		for i, n := 0, 0; ; {
			j := strings.Index(lowered[i:], c)
			if j < 0 {
				break
			}
			n += strings.Count(lowered[i:i+j], "\n")
			cued[n] = true
			i += j + len(c)
		}
	}
	return cued
}
