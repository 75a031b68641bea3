package main

import (
	"context"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/index"
)

// ingestCommand reads articles, extracts their facts and indexes them.
type ingestCommand struct{ m *Main }

func (c *ingestCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("ingest", "[-index DIR] [-rules DIR] [-charset NAME] [-v] PATH...",
		`read articles, extract their facts and index them

PATH is a file, a directory (read recursively) or - for standard input:
.html/.htm, .txt, .json/.jsonl/.ndjson, any of them gzipped (.gz), and .zip,
.tar, .tar.gz archives of them. Ingesting the same files twice leaves the
same index. A summary (read, indexed, skipped by reason, failed) ends the
run; it exits with status 1 when an article could not be read.`,
		"fixtures",
		"-index dev.bleve -v ../shared/eval/dev/docs")
	indexDir := c.m.indexFlag(fs)
	batch := fs.Int("batch", 1000, "documents written to the index at once")
	rf := addReadFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	rd, err := c.m.newReader(rf, fs.Args())
	if err != nil {
		return err
	}
	path := c.m.indexPath(*indexDir)
	ix, err := index.Open(path, true, index.Options{BatchSize: *batch})
	if err != nil {
		return err
	}
	defer ix.Close()
	w := ix.NewWriter()
	indexed := 0
	sum, err := rd.run(ctx, func(r *extract.Record) error {
		if r.Skipped != extract.NotSkipped {
			return nil
		}
		indexed++
		return w.Add(r)
	})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	c.m.logf("%s; index %s", formatSummary(sum, "indexed", indexed), path)
	if err != nil {
		return err
	}
	return failures(sum)
}
