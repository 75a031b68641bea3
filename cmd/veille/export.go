package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/tables"
	"github.com/veille/veille/index"
)

// exportCommand writes the indexed facts as tidy tables.
type exportCommand struct{ m *Main }

func (c *exportCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("export", "[-index DIR] -format csv|jsonl|opensearch -out DIR",
		`tidy tables of the indexed facts, for pandas, R or a spreadsheet

One file per table (documents, amounts, legal_refs, injunctions,
obligations, sanctions, entities, dates), one row per fact, each keyed by
doc_id.

-format opensearch writes instead the index for OpenSearch or
Elasticsearch: mapping.json, the body that creates the index (the same
fields and facets, French analysis), and bulk.ndjson, every article for
the _bulk API (an action line, then the document, whose _id is the
article's id). The README gives the curl commands that load them.`,
		"-format csv -out tables",
		"-format jsonl -out tables",
		"-format opensearch -out os")
	indexDir := c.m.indexFlag(fs)
	format := fs.String("format", "csv", "csv (with a header row), jsonl, or opensearch (a mapping and a _bulk file)")
	out := fs.String("out", "", "directory to write the tables into (created if needed)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: export needs -out DIR and no other argument", errUsage)
	}
	if *format != "csv" && *format != "jsonl" && *format != "opensearch" {
		return fmt.Errorf("%w: -format %q: csv, jsonl or opensearch", errUsage, *format)
	}
	ix, err := index.Open(c.m.indexPath(*indexDir), false, index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	if *format == "opensearch" {
		return c.openSearch(ctx, ix, *out)
	}
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

// openSearch writes mapping.json and bulk.ndjson in dir.
func (c *exportCommand) openSearch(ctx context.Context, ix *index.Index, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", dir, err)
	}
	mapping, err := json.MarshalIndent(index.OpenSearchMapping(), "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "mapping.json"), append(mapping, '\n'), 0o644); err != nil {
		return fmt.Errorf("cannot write the mapping: %w", err)
	}
	path := filepath.Join(dir, "bulk.ndjson")
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cannot write the bulk file: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err = ix.Each(func(r *extract.JSONRecord) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		action := map[string]map[string]string{"index": {"_id": r.ID}}
		if err := enc.Encode(action); err != nil {
			return err
		}
		n++
		return enc.Encode(index.OpenSearchDocument(r))
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot write the bulk file: %w", err)
	}
	c.m.logf("wrote mapping.json, bulk.ndjson %d article%s in %s", n, plural(n, "s"), dir)
	return nil
}
