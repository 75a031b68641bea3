package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/veille/veille/cmd/veille/report"
	"github.com/veille/veille/index"
)

// statsCommand prints corpus aggregates: bars on a terminal, plain tables elsewhere.
type statsCommand struct{ m *Main }

func (c *statsCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("stats", "[-index DIR] [-json] [-bars] [-top N]",
		`corpus aggregates of the sanctions in the index

Sanctions by authority, kind and year of the decision (how many, the
total and the largest amount in euros), the most cited GDPR references,
the GDPR references most often tied to sanctions, and the most sanctioned
organisations: as bars on a terminal, as plain tables otherwise (or with
bars, -bars). -json prints one object (its fields are in the README).`,
		"",
		"-json -top 5")
	indexDir := c.m.indexFlag(fs)
	asJSON := fs.Bool("json", false, "print the aggregates as one JSON object")
	top := fs.Int("top", 10, "rows of the GDPR and organisation rankings")
	bars := fs.Bool("bars", false, "draw bars even when stdout is not a terminal (they are drawn on a terminal)")
	if err := parse(fs, args); err != nil {
		return err
	}
	ix, err := index.Open(c.m.indexPath(*indexDir), false, index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	st, err := ix.Stats(index.StatsOptions{Top: *top})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(c.m.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(st)
	}
	out := c.m.Stdout
	fmt.Fprintln(out, report.Summary(st))
	if *bars || isTerminal(out) {
		for _, ch := range report.Charts(st) {
			fmt.Fprintln(out)
			if err := report.WriteBars(out, ch, 30); err != nil {
				return err
			}
		}
		return nil
	}
	// Not a terminal: plain tables, without bar characters.
	euros := func(v float64) string {
		if v == 0 {
			return "-"
		}
		return report.Euros(v)
	}
	var rows [][]string
	for _, g := range st.Groups {
		rows = append(rows, []string{g.Authority, g.Kind, g.Year, fmt.Sprint(g.Sanctions), euros(g.Total), euros(g.Max)})
	}
	writeTable(out, "Sanctions by authority, kind and year", []string{"authority", "kind", "year", "sanctions", "total", "largest"}, rows)
	rows = nil
	for _, g := range st.GDPR {
		rows = append(rows, []string{g.Name, fmt.Sprint(g.Articles)})
	}
	writeTable(out, "Most cited GDPR references", []string{"ref", "articles"}, rows)
	rows = nil
	for _, g := range st.SanctionGDPR {
		rows = append(rows, []string{g.Name, fmt.Sprint(g.Sanctions)})
	}
	writeTable(out, "GDPR references most often tied to sanctions", []string{"ref", "sanctions"}, rows)
	rows = nil
	for _, o := range st.Orgs {
		rows = append(rows, []string{o.Name, fmt.Sprint(o.Sanctions), euros(o.Max)})
	}
	writeTable(out, "Most sanctioned organisations", []string{"organisation", "sanctions", "largest"}, rows)
	return nil
}

// writeTable prints a titled table, its columns aligned right.
func writeTable(out io.Writer, title string, header []string, rows [][]string) {
	fmt.Fprintf(out, "\n%s\n", title)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, row := range append([][]string{header}, rows...) {
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	tw.Flush()
}
