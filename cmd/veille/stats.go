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
		`corpus aggregates of the index

Fines by authority and year (each article counted once, with its largest
fine), the most cited GDPR references, and the organisations named in
articles reporting a fine: as bars on a terminal, as plain tables
otherwise (or with bars, -bars).`,
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
	if *bars || isTerminal(out) {
		fmt.Fprintf(out, "%d articles\n", st.Articles)
		for _, ch := range report.Charts(st) {
			fmt.Fprintln(out)
			if err := report.WriteBars(out, ch, 30); err != nil {
				return err
			}
		}
		return nil
	}
	// Not a terminal: plain tables, without bar characters.
	fmt.Fprintf(out, "%d articles\n\nFines by authority and year (each article counted once, with its largest fine)\n", st.Articles)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "authority\tyear\tarticles\ttotal\tlargest\t")
	for _, g := range st.Fines {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t\n", g.Authority, g.Year, g.Articles, report.Euros(g.Total), report.Euros(g.Max))
	}
	tw.Flush()
	fmt.Fprintf(out, "\nMost cited GDPR references\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "ref\tarticles\t")
	for _, g := range st.GDPR {
		fmt.Fprintf(tw, "%s\t%d\t\n", g.Name, g.Articles)
	}
	tw.Flush()
	fmt.Fprintf(out, "\nOrganisations named in articles reporting a fine\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "organisation\tarticles\tlargest fine\t")
	for _, o := range st.Orgs {
		fmt.Fprintf(tw, "%s\t%d\t%s\t\n", o.Name, o.Articles, report.Euros(o.MaxFine))
	}
	tw.Flush()
	return nil
}
