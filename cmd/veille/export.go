package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/tables"
	"github.com/veille/veille/index"
)

// exportCommand writes the indexed facts as tidy tables.
type exportCommand struct{ m *Main }

func (c *exportCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("export", "[-index DIR] -format csv|jsonl -out DIR",
		`tidy tables of the indexed facts, for pandas, R or a spreadsheet

One file per table (documents, amounts, legal_refs, injunctions,
obligations, sanctions, entities, dates), one row per fact, each keyed by
doc_id.`,
		"-format csv -out tables",
		"-format jsonl -out tables")
	indexDir := c.m.indexFlag(fs)
	format := fs.String("format", "csv", "csv (with a header row) or jsonl")
	out := fs.String("out", "", "directory to write the tables into (created if needed)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: export needs -out DIR and no other argument", errUsage)
	}
	if *format != "csv" && *format != "jsonl" {
		return fmt.Errorf("%w: -format %q: csv or jsonl", errUsage, *format)
	}
	ix, err := index.Open(c.m.indexPath(*indexDir), false, index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	w, err := tables.Create(*out, *format)
	if err != nil {
		return err
	}
	err = ix.Each(func(r *extract.JSONRecord) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return w.Write(r)
	})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	var counts []string
	for _, t := range tables.All {
		counts = append(counts, fmt.Sprintf("%s.%s %d", t.Name, *format, w.Rows[t.Name]))
	}
	c.m.logf("wrote %s in %s", strings.Join(counts, ", "), *out)
	return nil
}
