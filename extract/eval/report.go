package eval

import (
	"fmt"
	"io"
	"sort"
)

// Write prints the report as a table, one metric a line, then the ratios.
func (rep *Report) Write(w io.Writer, verbose bool) {
	if verbose {
		for _, m := range rep.Misses {
			fmt.Fprintln(w, m)
		}
	}
	fmt.Fprintf(w, "%-18s%7s%7s%7s%6s%6s%6s\n", "metric", "P", "R", "F1", "tp", "fp", "fn")
	for _, m := range Metrics {
		c := rep.Counts[m]
		p, r, f := c.PRF()
		fmt.Fprintf(w, "%-18s%7.3f%7.3f%7.3f%6d%6d%6d\n", m, p, r, f, c.TP, c.FP, c.FN)
	}
	for _, x := range []struct {
		name string
		r    Ratio
	}{{"injunction_fields", rep.InjunctionFields}, {"injunction_kind", rep.InjunctionKind}, {"sanction_fields", rep.SanctionFields}, {"lang", rep.Lang}, {"published", rep.Published}, {"duplicates", rep.Duplicates}} {
		fmt.Fprintf(w, "%-18s%7.3f  (%d/%d)\n", x.name, x.r.Value(), x.r.OK, x.r.All)
	}
	if rep.MissingDocs > 0 {
		fmt.Fprintf(w, "missing documents: %d (gold lines with no matching record)\n", rep.MissingDocs)
	}
}

func sortStrings(s []string) []string {
	sort.Strings(s)
	return s
}

// Figures are every metric's F1 and every ratio's value, by name, with the
// precision of organisations as orgs_precision (the figure names are those of
// score.py).
func (rep *Report) Figures() map[string]float64 {
	out := map[string]float64{}
	for _, m := range Metrics {
		out[m], _ = rep.Value(m)
	}
	for _, name := range []string{"injunction_fields", "injunction_kind", "sanction_fields", "lang", "published", "duplicates"} {
		out[name], _ = rep.Value(name)
	}
	out["orgs_precision"], _, _ = rep.Counts["orgs"].PRF()
	return out
}

// Value is a metric's F1, or a ratio's value, by name.
func (rep *Report) Value(name string) (float64, bool) {
	if c, ok := rep.Counts[name]; ok {
		_, _, f := c.PRF()
		return f, true
	}
	switch name {
	case "injunction_fields":
		return rep.InjunctionFields.Value(), true
	case "injunction_kind":
		return rep.InjunctionKind.Value(), true
	case "sanction_fields":
		return rep.SanctionFields.Value(), true
	case "lang":
		return rep.Lang.Value(), true
	case "published":
		return rep.Published.Value(), true
	case "duplicates":
		return rep.Duplicates.Value(), true
	}
	return 0, false
}
