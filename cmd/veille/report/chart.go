package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/veille/veille/index"
)

// A Chart is a titled list of horizontal bars.
type Chart struct {
	ID    string // a short name, for HTML ids and tests
	Title string
	Bars  []Bar
	Log   bool // bar lengths on a log scale, for values that span powers of ten
}

// A Bar is one value of a chart.
type Bar struct {
	Label string
	Value float64 // the length of the bar, relative to the chart's largest value
	Text  string  // the value as printed beside the bar
	Note  string  // more about it, printed after the value
}

// Fraction is the length of a bar of value v, from 0 to 1 for the
// largest of the chart. On a log scale, the scale starts one power of ten
// below the smallest value, so that every bar shows.
func (c Chart) Fraction(v float64) float64 {
	lo, hi := math.Inf(1), 0.0
	for _, b := range c.Bars {
		if b.Value > 0 {
			lo, hi = min(lo, b.Value), max(hi, b.Value)
		}
	}
	switch {
	case v <= 0 || hi == 0:
		return 0
	case !c.Log:
		return v / hi
	}
	floor := math.Floor(math.Log10(lo)) - 1
	return (math.Log10(v) - floor) / (math.Log10(hi) - floor)
}

// Charts are the charts of the aggregates: fines by authority and year,
// the most cited GDPR articles, the organisations most named in articles
// reporting a fine.
func Charts(st *index.Stats) []Chart {
	fines := Chart{ID: "fines", Log: true,
		Title: "Fines by authority and year: total of each article's largest fine (log scale)"}
	for _, g := range st.Fines {
		fines.Bars = append(fines.Bars, Bar{
			Label: g.Authority + " " + g.Year,
			Value: g.Total,
			Text:  Euros(g.Total),
			Note:  fmt.Sprintf("%d article%s, largest %s", g.Articles, plural(g.Articles), Euros(g.Max)),
		})
	}
	gdpr := Chart{ID: "gdpr", Title: "Most cited GDPR articles: articles citing them"}
	for _, c := range st.GDPR {
		gdpr.Bars = append(gdpr.Bars, Bar{Label: c.Name, Value: float64(c.Articles), Text: fmt.Sprint(c.Articles)})
	}
	orgs := Chart{ID: "orgs", Title: "Organisations most named in articles reporting a fine: articles"}
	for _, o := range st.Orgs {
		orgs.Bars = append(orgs.Bars, Bar{Label: o.Name, Value: float64(o.Articles), Text: fmt.Sprint(o.Articles),
			Note: "largest fine " + Euros(o.MaxFine)})
	}
	return []Chart{fines, gdpr, orgs}
}

// Euros formats an amount in euros the French way: "5 200 000 €".
func Euros(v float64) string { return Thousands(v) + " €" }

// Thousands writes a whole number with spaces between thousands: "5 200 000".
func Thousands(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
