package main

import (
	"bufio"
	"context"
	"encoding/json"

	"github.com/veille/veille/extract"
)

// extractCommand reads articles and prints each one's record as a JSON line.
type extractCommand struct{ m *Main }

func (c *extractCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("extract", "[-rules DIR] [-charset NAME] [-v] PATH...",
		`read articles and print their facts as JSON Lines, without indexing

PATH is a file, a directory (read recursively) or - for standard input.
Every article read is printed, skipped ones (language, duplicate, empty,
error) included.`,
		"fixtures/004_cca59466cfe5e00c.txt",
		"-v fixtures > records.jsonl")
	rf := addReadFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	rd, err := c.m.newReader(rf, fs.Args())
	if err != nil {
		return err
	}
	out := bufio.NewWriter(c.m.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	sum, err := rd.run(ctx, func(r *extract.Record) error {
		return enc.Encode(r.JSON())
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if *rf.verbose || sum.Read != sum.Extracted {
		c.m.logf("%s", formatSummary(sum, "extracted", sum.Extracted))
	}
	if err != nil {
		return err
	}
	return failures(sum)
}
