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

// Charts are the charts of the aggregates: sanctions by authority, kind
// and year, the most cited GDPR articles, the GDPR articles tied to
// sanctions, the most sanctioned organisations.
func Charts(st *index.Stats) []Chart {
	groups := Chart{ID: "groups", Title: "Sanctions by authority, kind and year: sanctions, total and largest amount"}
	for _, g := range st.Groups {
		b := Bar{Label: g.Authority + " " + g.Kind + " " + g.Year, Value: float64(g.Sanctions), Text: fmt.Sprint(g.Sanctions)}
		if g.Total > 0 {
			b.Note = fmt.Sprintf("total %s, largest %s", Euros(g.Total), Euros(g.Max))
		}
		groups.Bars = append(groups.Bars, b)
	}
	gdpr := Chart{ID: "gdpr", Title: "Most cited GDPR articles: articles citing them"}
	for _, c := range st.GDPR {
		gdpr.Bars = append(gdpr.Bars, Bar{Label: c.Name, Value: float64(c.Articles), Text: fmt.Sprint(c.Articles)})
	}
	sgdpr := Chart{ID: "sanction-gdpr", Title: "GDPR articles most often tied to sanctions: sanctions"}
	for _, c := range st.SanctionGDPR {
		sgdpr.Bars = append(sgdpr.Bars, Bar{Label: c.Name, Value: float64(c.Sanctions), Text: fmt.Sprint(c.Sanctions)})
	}
	orgs := Chart{ID: "orgs", Title: "Most sanctioned organisations: sanctions, largest amount"}
	for _, o := range st.Orgs {
		b := Bar{Label: o.Name, Value: float64(o.Sanctions), Text: fmt.Sprint(o.Sanctions)}
		if o.Max > 0 {
			b.Note = "largest " + Euros(o.Max)
		}
		orgs.Bars = append(orgs.Bars, b)
	}
	return []Chart{groups, gdpr, sgdpr, orgs}
}

// Summary is the line atop the charts: how many articles and sanctions,
// and the fines left out of them.
func Summary(st *index.Stats) string {
	s := fmt.Sprintf("%d article%s, %d sanction%s", st.Articles, plural(st.Articles), st.Sanctions, plural(st.Sanctions))
	if n := st.FinesWithoutSanction; n > 0 {
		verb := "reports"
		if n > 1 {
			verb = "report"
		}
		s += fmt.Sprintf("; %d article%s %s a fine but no extracted sanction (in no group)", n, plural(n), verb)
	}
	return s
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
