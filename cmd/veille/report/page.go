package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille/index"
)

// A Page is what the HTML report shows.
type Page struct {
	Index string // where the index is, as given
	Stats *index.Stats
	Rows  []Row // the table, in the order to show first (largest amount first)
	// Listed is how many articles Rows come from, of the Articles that
	// report a fine or a sanction in the index.
	Listed, Articles int
}

// A Row is one line of the table: a sanction, or the largest fine of an
// article whose sanctions were not extracted.
type Row struct {
	Date      string // the decision's or the article's date, YYYY[-MM[-DD]], or ""
	Authority string
	Target    string   // who is sanctioned, or the organisations the article names
	Kind      string   // fine, penalty_liquidation, reprimand, warning, other
	Amount    float64  // euros; 0 when none
	GDPR      []string // refs in dash form
	Title     string   // the article's title
	URL       string   // the article's web address, or ""
	Source    string   // where it was read, as ingest was given it
	// SourcePath is Source as an absolute path of a local file (without a
	// record's #id), linked as a file: URL; "" for none.
	SourcePath string
}

//go:embed page.html.tmpl
var pageTemplate string

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"euros":   Euros,
	"join":    strings.Join,
	"fileURL": fileURL,
	"svg":     newSVGChart,
	"summary": Summary,
}).Parse(pageTemplate))

// Write renders the page: one HTML document with its CSS and script
// inline, which loads nothing from anywhere.
func Write(w io.Writer, p Page) error {
	data := struct {
		Page
		Charts []Chart
	}{p, Charts(p.Stats)}
	if err := page.Execute(w, data); err != nil {
		return fmt.Errorf("cannot write the report: %w", err)
	}
	return nil
}

// fileURL links a local absolute path. The URL is built here from a path,
// never taken from input, so it is safe to mark as such for html/template
// (which refuses every scheme but http, https and mailto).
func fileURL(path string) template.URL {
	if path == "" || !filepath.IsAbs(path) {
		return ""
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	return template.URL(u.String())
}

// Geometry of the SVG charts, in pixels.
const (
	svgWidth     = 760
	svgLabels    = 230 // width of the label column, at least
	svgBarWidth  = 330 // the longest bar
	svgRow       = 22
	svgBarHeight = 14
)

// An svgChart is a chart with its geometry computed.
type svgChart struct {
	Chart
	Width, Height int
	LabelX, BarX  int
	Bars          []svgBar
}

type svgBar struct {
	Bar
	Y, TextY, W, ValueX int
}

func newSVGChart(c Chart) svgChart {
	// The label column is wide enough for the longest label, at about 7
	// pixels a character ("Autorité de la concurrence penalty_liquidation 2022").
	labels := svgLabels
	for _, b := range c.Bars {
		labels = max(labels, 7*utf8.RuneCountInString(b.Label)+16)
	}
	s := svgChart{Chart: c, Width: svgWidth, Height: max(len(c.Bars), 1)*svgRow + 4, LabelX: labels - 8, BarX: labels}
	for i, b := range c.Bars {
		w := 0
		if f := c.Fraction(b.Value); f > 0 {
			w = max(int(f*svgBarWidth+0.5), 1)
		}
		y := 2 + i*svgRow
		s.Bars = append(s.Bars, svgBar{Bar: b, Y: y + (svgRow-svgBarHeight)/2, TextY: y + svgRow/2 + 4, W: w, ValueX: labels + w + 6})
		// Room for the value and note, at about 7 pixels a character.
		s.Width = max(s.Width, labels+w+6+7*utf8.RuneCountInString(b.Text+" "+b.Note))
	}
	return s
}
