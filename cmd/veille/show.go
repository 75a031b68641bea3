package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/veille/veille/cmd/veille/report"
	"github.com/veille/veille/extract"
	"github.com/veille/veille/index"
)

// showCommand prints one indexed article with all its facts.
type showCommand struct{ m *Main }

func (c *showCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("show", "[-index DIR] [-json] ID",
		`one indexed article with all its facts

ID is the article's id, as search prints it. Exit status 1 when there is
no such article.`,
		"d1705f149e82d801",
		"-json d1705f149e82d801")
	indexDir := c.m.indexFlag(fs)
	asJSON := fs.Bool("json", false, "print the article's record as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: show takes one article ID (as printed by search)", errUsage)
	}
	ix, err := index.Open(c.m.indexPath(*indexDir), false, index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	r, err := ix.Get(fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(c.m.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	printRecord(c.m, r)
	return nil
}

// entityGroup is one entity with the ways the article names it.
type entityGroup struct {
	typ, name string
	mentions  int
	surfaces  []string
}

// groupEntities gathers the mentions of each entity, in order of first mention.
func groupEntities(entities []extract.JSONEntity) []*entityGroup {
	var out []*entityGroup
	byKey := map[string]*entityGroup{}
	for _, e := range entities {
		key := e.Type + "\x00" + e.Name
		g := byKey[key]
		if g == nil {
			g = &entityGroup{typ: e.Type, name: e.Name}
			byKey[key] = g
			out = append(out, g)
		}
		g.mentions++
		if !slices.Contains(g.surfaces, e.Text) {
			g.surfaces = append(g.surfaces, e.Text)
		}
	}
	return out
}

// printRecord writes a record for a reader: its header, then one line per fact.
func printRecord(m *Main, r *extract.JSONRecord) {
	out := m.Stdout
	fmt.Fprintf(out, "%s\n%s\n", r.Title, strings.Repeat("=", min(len([]rune(r.Title)), 80)))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "id\t%s\n", r.ID)
	fmt.Fprintf(tw, "source\t%s\n", r.Source)
	if r.URL != nil {
		fmt.Fprintf(tw, "url\t%s\n", *r.URL)
	}
	if r.Published != nil {
		fmt.Fprintf(tw, "published\t%s\n", *r.Published)
	}
	for _, e := range groupEntities(r.Entities) {
		fmt.Fprintf(tw, "%s\t%s\t%d mention%s: %s\n", strings.ToLower(e.typ), e.name, e.mentions, plural(e.mentions, "s"), strings.Join(e.surfaces, ", "))
	}
	for _, a := range r.Amounts {
		per := ""
		if a.Per != nil {
			per = " per " + *a.Per
		}
		fmt.Fprintf(tw, "amount\t%s %s%s\t%s\t%q\n", report.Thousands(a.Value), a.Currency, per, a.Role, a.Text)
	}
	for _, g := range r.GDPRRefs {
		fmt.Fprintf(tw, "gdpr\t%s\t%q\n", g.Ref, g.Text)
	}
	for _, l := range r.LawRefs {
		fmt.Fprintf(tw, "law\t%s %s\t%q\n", l.Law, l.Ref, l.Text)
	}
	for _, d := range r.Dates {
		fmt.Fprintf(tw, "date\t%s\t%q\n", d.Value, d.Text)
	}
	for _, s := range r.Sanctions {
		fmt.Fprintf(tw, "sanction\t%s\n", sanctionLine(s))
	}
	tw.Flush()
	for _, in := range r.Injunctions {
		kind := "injunction"
		if in.Kind != nil {
			kind = strings.ReplaceAll(*in.Kind, "_", " ")
		}
		if in.Status != nil {
			kind += " (" + *in.Status + ")"
		}
		fmt.Fprintf(out, "\n%s: %s orders %s\n", kind, in.Authority, in.Target)
		for i, o := range in.Obligations {
			fmt.Fprintf(out, "  %d. %s\n", i+1, o.Text)
		}
		if d := in.Deadline; d != nil {
			fmt.Fprintf(out, "  deadline: %s", d.Text)
			if d.Duration != nil {
				fmt.Fprintf(out, " (%s)", *d.Duration)
			}
			if d.Date != nil {
				fmt.Fprintf(out, " (%s)", *d.Date)
			}
			fmt.Fprintln(out)
		}
		if p := in.Penalty; p != nil {
			per := ""
			if p.Per != nil {
				per = " per " + *p.Per
			}
			fmt.Fprintf(out, "  penalty: %s%s\n", report.Euros(p.Value), per)
		}
	}
	fmt.Fprintf(out, "\n%s\n", r.Text)
}
