package main

import (
	"context"
	"encoding/json"
	"fmt"
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
	fmt.Fprintf(out, "\nSanctions by authority, kind and year\n")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "authority\tkind\tyear\tsanctions\ttotal\tlargest\t")
	for _, g := range st.Groups {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\t\n", g.Authority, g.Kind, g.Year, g.Sanctions, euros(g.Total), euros(g.Max))
	}
	tw.Flush()
	fmt.Fprintf(out, "\nMost cited GDPR references\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "ref\tarticles\t")
	for _, g := range st.GDPR {
		fmt.Fprintf(tw, "%s\t%d\t\n", g.Name, g.Articles)
	}
	tw.Flush()
	fmt.Fprintf(out, "\nGDPR references most often tied to sanctions\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "ref\tsanctions\t")
	for _, g := range st.SanctionGDPR {
		fmt.Fprintf(tw, "%s\t%d\t\n", g.Name, g.Sanctions)
	}
	tw.Flush()
	fmt.Fprintf(out, "\nMost sanctioned organisations\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "organisation\tsanctions\tlargest\t")
	for _, o := range st.Orgs {
		fmt.Fprintf(tw, "%s\t%d\t%s\t\n", o.Name, o.Sanctions, euros(o.Max))
	}
	tw.Flush()
	return nil
}
