package source

/*
HTML pages (.html, .htm, .xhtml, and the "html" field of a JSON record).

Reading a page:

 1. Decode it from its declared or sniffed charset (charset.go) and parse it
    (goquery; the HTML5 parser accepts any tag soup, so a page is "malformed"
    only when it is not text at all, e.g. binary bytes).
 2. Metadata, from the whole page:
    - Title: <meta property="og:title">, else <title> without its site
      suffix (" | Site", " – Site", " — Site", " - Site"), else the h1;
    - URL: <link rel="canonical">, else og:url;
    - Published, the first found of: article:published_time; JSON-LD
      datePublished (never dateModified; the JSON-LD may be an object, an
      array or an @graph, and an Article-typed node wins); <time datetime>
      (one marked published or pubdate first, then one inside the article,
      then the first outside comments and sidebars, never one marked
      updated); itemprop=datePublished. The calendar date is kept as written
      in its own time zone (normalize.go).
 3. The container of the article: the longest <article>, else
    .entry-content / [itemprop=articleBody], else <main>, else <body>;
    a candidate inside page chrome (a teaser <article> in a related box) is
    passed over.
 4. Chrome is removed: elements of html_chrome.txt "drop" everywhere
    (scripts, styles, forms, figcaptions…); inside the container, elements
    whose tag, ARIA role, class or id says chrome (nav, header, footer,
    aside, cookie and consent banners, comments, share bars, related,
    sidebar and newsletter boxes…), and hidden ones.
 5. Text: blocks (p, div, h1-h6, li, br, tr, …) become line breaks, inline
    elements add nothing, runs of ASCII white space collapse to one space
    (line breaks inside <pre> are kept),
    U+00A0 and U+202F are kept as written, entities are decoded, blank
    lines dropped. The article's <h1> is the first line: when the container
    does not hold it (or it sat in a removed header), it is put first.
    The text is then canonical (normalize.go).
*/

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/veille/veille/extract"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// html reads an HTML file.
func (w *walker) html(source string, data []byte) error {
	a, err := parseHTML(data, w.tables)
	if err != nil {
		return w.fail(source, err)
	}
	a.Source = source
	a.ID = hashID(a.Text)
	return w.emit(Doc{Article: a})
}

// errBinary is the reason of an .html file that is not text.
var errBinary = errors.New("malformed HTML: binary content, not text")

// parseHTML returns the article of a page: its cleaned text, title, URL and
// publication date.
func parseHTML(data []byte, t *tables) (extract.Article, error) {
	return parseHTMLAs(data, "", t)
}

// parseHTMLAs is parseHTML for a page served with that HTTP Content-Type
// (a WARC response), whose charset comes first.
func parseHTMLAs(data []byte, contentType string, t *tables) (extract.Article, error) {
	var a extract.Article
	utf, err := decodeHTMLAs(data, contentType)
	if err != nil {
		return a, err
	}
	if bytes.IndexByte(utf, 0) >= 0 {
		return a, errBinary
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(utf))
	if err != nil {
		return a, fmt.Errorf("malformed HTML: %w", err)
	}
	container := articleContainer(doc, t)
	h1 := articleH1(doc, container, t)
	a.Published = pageDate(doc, container, t)
	if a.Published.IsZero() {
		// « Publié le 12/03/2024 » written in the page, before its chrome goes
		a.Published, _ = t.headerDate(render(doc.Find("body").Nodes...))
	}
	a.URL = pageURL(doc)
	a.Title = pageTitle(doc)
	if a.Title == "" {
		a.Title = h1
	}
	doc.Find(strings.Join(t.drop, ", ")).Remove()
	removeChrome(container, t)
	text := render(container.Nodes...)
	if h1 != "" && !hasLine(text, h1) {
		text = h1 + "\n" + text
	}
	a.Text = canonical(text)
	return a, nil
}

// hasLine reports whether line is one of the lines of text.
func hasLine(text, line string) bool {
	for l := range strings.Lines(text) {
		if strings.TrimRight(l, "\n") == line {
			return true
		}
	}
	return false
}

// Metadata.

// metaContent is the content of the first <meta> whose property or name is key.
func metaContent(doc *goquery.Document, key string) string {
	sel := doc.Find(fmt.Sprintf(`meta[property=%q], meta[name=%q]`, key, key)).First()
	return strings.TrimSpace(sel.AttrOr("content", ""))
}

func pageURL(doc *goquery.Document) string {
	if href := strings.TrimSpace(doc.Find(`link[rel=canonical]`).First().AttrOr("href", "")); href != "" {
		return href
	}
	return metaContent(doc, "og:url")
}

// titleSeparators part a page title from the site's name.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " · ", " :: "}

// maxSiteNameRunes bounds what a title suffix may be to be a site's name.
const maxSiteNameRunes = 60

func pageTitle(doc *goquery.Document) string {
	if og := metaContent(doc, "og:title"); og != "" {
		return collapseSpaces(og)
	}
	title := collapseSpaces(doc.Find("title").First().Text())
	cut := -1
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > cut {
			cut = i
		}
	}
	if cut > 0 {
		_, site, _ := strings.Cut(title[cut+1:], " ")
		if n := utf8.RuneCountInString(site); n <= maxSiteNameRunes && n <= utf8.RuneCountInString(title[:cut]) {
			title = title[:cut]
		}
	}
	return title
}

// collapseSpaces turns runs of ASCII white space into one space and trims.
func collapseSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, isASCIISpace), " ")
}

func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// pageDate is the publication date of the page, zero if it gives none.
func pageDate(doc *goquery.Document, container *goquery.Selection, t *tables) extract.CivilDate {
	candidates := []func() string{
		func() string { return metaContent(doc, "article:published_time") },
		func() string { return jsonLDDate(doc) },
		func() string { return timeDate(doc, container, t) },
		func() string {
			sel := doc.Find(`[itemprop=datePublished]`).First()
			for _, attr := range []string{"content", "datetime"} {
				if v, ok := sel.Attr(attr); ok {
					return v
				}
			}
			return sel.Text()
		},
	}
	for _, c := range candidates {
		if d, ok := parseDate(c()); ok {
			return d
		}
	}
	return extract.CivilDate{}
}

// jsonLDDate is the datePublished of the page's JSON-LD, preferring a node
// typed as an article.
func jsonLDDate(doc *goquery.Document) string {
	var first, article string
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return true
		}
		walkJSONLD(v, func(node map[string]any) {
			date, _ := node["datePublished"].(string)
			if date == "" {
				return
			}
			if first == "" {
				first = date
			}
			if article == "" && isArticleType(node["@type"]) {
				article = date
			}
		})
		return article == ""
	})
	if article != "" {
		return article
	}
	return first
}

// walkJSONLD calls fn for every object of a JSON-LD value: an object, an
// array, or a @graph, nested at any depth.
func walkJSONLD(v any, fn func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		fn(v)
		for _, child := range v {
			walkJSONLD(child, fn)
		}
	case []any:
		for _, child := range v {
			walkJSONLD(child, fn)
		}
	}
}

// isArticleType reports whether a JSON-LD @type (a string or a list) names
// an article (Article, NewsArticle, BlogPosting, ReportageNewsArticle…).
func isArticleType(v any) bool {
	switch v := v.(type) {
	case string:
		return strings.HasSuffix(v, "Article") || v == "BlogPosting" || v == "Report"
	case []any:
		for _, t := range v {
			if isArticleType(t) {
				return true
			}
		}
	}
	return false
}

// timeDate is the datetime of the <time> that dates the article: one marked
// as the publication, else one inside the container, else the first one not
// in comments or sidebars; never one marked as an update.
func timeDate(doc *goquery.Document, container *goquery.Selection, t *tables) string {
	var marked, inside, first string
	doc.Find("time[datetime]").Each(func(_ int, s *goquery.Selection) {
		dt := strings.TrimSpace(s.AttrOr("datetime", ""))
		class := strings.ToLower(s.AttrOr("class", "") + " " + s.AttrOr("itemprop", ""))
		if dt == "" || strings.Contains(class, "updated") || strings.Contains(class, "modified") {
			return
		}
		_, pubdate := s.Attr("pubdate")
		switch {
		case marked == "" && (pubdate || strings.Contains(class, "published") || strings.Contains(class, "datepublished")):
			marked = dt
		case inside == "" && container.Contains(s.Get(0)) && !inChrome(s.Get(0), container.Get(0), t):
			inside = dt
		case first == "" && !inChrome(s.Get(0), nil, t.undated):
			first = dt
		}
	})
	for _, d := range []string{marked, inside, first} {
		if d != "" {
			return d
		}
	}
	return ""
}

// The container and its chrome.

// containerSelectors are tried in order; the first that finds an element
// outside chrome gives the container.
var containerSelectors = []string{"article", `.entry-content, [itemprop=articleBody]`, "main"}

// articleContainer is the element that holds the article: see step 3 above.
func articleContainer(doc *goquery.Document, t *tables) *goquery.Selection {
	for _, outsideChrome := range []bool{true, false} {
		for _, sel := range containerSelectors {
			var best *goquery.Selection
			bestLen := -1
			doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
				if outsideChrome && inChrome(s.Get(0), nil, t) {
					return
				}
				if n := len(strings.TrimSpace(s.Text())); n > bestLen {
					best, bestLen = s, n
				}
			})
			if best != nil && bestLen > 0 {
				return best
			}
		}
	}
	if body := doc.Find("body"); body.Length() > 0 {
		return body.First()
	}
	return doc.Selection
}

// articleH1 is the text of the article's <h1>: the first inside the
// container, else the last one before it (a site's name may come first, in
// its header) that is not in other chrome.
func articleH1(doc *goquery.Document, container *goquery.Selection, t *tables) string {
	if h := container.Find("h1").First(); h.Length() > 0 {
		return lineOf(h)
	}
	var h1 *html.Node
	start := container.Get(0)
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		if n == start {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 && !inChrome(n, nil, t.headerless) {
			h1 = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !visit(c) {
				return false
			}
		}
		return true
	}
	visit(doc.Get(0))
	if h1 == nil {
		return ""
	}
	return lineOf(goquery.NewDocumentFromNode(h1).Selection)
}

// lineOf renders an element as one line.
func lineOf(s *goquery.Selection) string {
	return collapseSpaces(strings.ReplaceAll(render(s.Nodes...), "\n", " "))
}

// isChrome reports whether an element is page chrome by its tag, ARIA role,
// class or id.
func (t *tables) isChrome(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if t.chromeTag[n.Data] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			if t.chromeRole[strings.ToLower(strings.TrimSpace(a.Val))] {
				return true
			}
		case "class", "id":
			for _, name := range strings.Fields(a.Val) {
				if t.isChromeName(name) {
					return true
				}
			}
		}
	}
	return false
}

// inChrome reports whether n or an ancestor of n below stop is chrome.
func inChrome(n, stop *html.Node, t *tables) bool {
	for ; n != nil && n != stop; n = n.Parent {
		if t.isChrome(n) {
			return true
		}
	}
	return false
}

// isHidden reports whether an element is not shown to readers.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			if strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none") {
				return true
			}
		}
	}
	return false
}

// removeChrome removes the chrome and hidden elements below the container.
func removeChrome(container *goquery.Selection, t *tables) {
	var doomed []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (t.isChrome(c) || isHidden(c)) {
				doomed = append(doomed, c)
				continue
			}
			visit(c)
		}
	}
	for _, n := range container.Nodes {
		visit(n)
	}
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
}

// Text.

// blocks are the elements that begin and end a line.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figure: true, atom.Footer: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Html: true, atom.Li: true, atom.Main: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Tfoot: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true, atom.Br: true,
}

// cells are the elements separated from their neighbours by a space.
var cells = map[atom.Atom]bool{atom.Td: true, atom.Th: true}

// A renderer turns a node tree into lines of text.
type renderer struct {
	lines []string
	line  strings.Builder
	space bool // a space is due before the next character of the line
	pre   int  // depth of <pre> elements: their line breaks are kept
}

// render returns the text of nodes: one line per block, see step 5 above.
func render(nodes ...*html.Node) string {
	var r renderer
	for _, n := range nodes {
		r.node(n)
	}
	r.flush()
	return strings.Join(r.lines, "\n")
}

func (r *renderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	block := blocks[n.DataAtom]
	if block {
		r.flush()
	}
	if cells[n.DataAtom] && r.line.Len() > 0 {
		r.space = true
	}
	if n.DataAtom == atom.Pre {
		r.pre++
		defer func() { r.pre-- }()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
	if block {
		r.flush()
	}
}

// text adds s to the line, collapsing runs of ASCII white space to one
// space (a line break in a <pre> ends the line); other spaces (U+00A0,
// U+202F) are kept as they are.
func (r *renderer) text(s string) {
	for _, c := range s {
		if c == '\n' && r.pre > 0 {
			r.flush()
			continue
		}
		if isASCIISpace(c) {
			r.space = r.line.Len() > 0
			continue
		}
		if r.space {
			r.line.WriteByte(' ')
			r.space = false
		}
		r.line.WriteRune(c)
	}
}

// flush ends the line, keeping it if it holds more than white space.
func (r *renderer) flush() {
	if l := r.line.String(); strings.TrimSpace(l) != "" {
		r.lines = append(r.lines, l)
	}
	r.line.Reset()
	r.space = false
}
