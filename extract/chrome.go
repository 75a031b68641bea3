package extract

import "strings"

// chrome blanks out the page chrome that dumps keep around an article:
// share bars and copyright lines (not_orgs.txt chrome), and breadcrumbs
// (« Accueil > Actualités > Droit du numérique »). Their names are the
// site's links and branding, not organisations the article speaks of.
func (f *finder) chrome() {
	for start := 0; start < len(f.text); {
		end := strings.IndexByte(f.text[start:], '\n')
		if end < 0 {
			end = len(f.text)
		} else {
			end += start
		}
		if from, ok := f.lx.chromeIn(f.text[start:end]); ok {
			f.blank(start+from, end)
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
	if len(line) <= 4*maxChromeLink && strings.Count(line, " > ")+strings.Count(line, " › ") >= 2 {
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
