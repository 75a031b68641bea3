package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/veille/veille/extract"
)

// extractCommand reads articles and prints each one's record as a JSON line.
type extractCommand struct{ m *Main }

func (c *extractCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("extract", "[-rules DIR] [-charset NAME] [-shard I/N] [-v] PATH...",
		`read articles and print their facts as JSON Lines, without indexing

PATH is a file, a directory (read recursively) or - for standard input.
Every article read is printed, skipped ones (language, duplicate, empty,
error) included.

-shard I/N prints only share I (0 to N-1) of the records, chosen by a hash
of their id: N machines given the same PATHs and I = 0, 1… N-1 print, between
them, each record of a run without -shard exactly once. Each still reads
every article, to tell duplicates the same way.`,
		"fixtures/004_cca59466cfe5e00c.txt",
		"-v fixtures > records.jsonl",
		"-shard 0/2 fixtures > shard0.jsonl")
	rf := addReadFlags(fs)
	shard := fs.String("shard", "", "print only share I of N of the records (I/N, I from 0 to N-1), by a hash of their id")
	if err := parse(fs, args); err != nil {
		return err
	}
	rd, err := c.m.newReader(rf, fs.Args())
	if err != nil {
		return err
	}
	if *shard != "" {
		var i, n int
		if k, err := fmt.Sscanf(*shard, "%d/%d", &i, &n); err != nil || k != 2 || n < 1 || i < 0 || i >= n || fmt.Sprintf("%d/%d", i, n) != *shard {
			return fmt.Errorf("%w: -shard %q: want I/N with 0 <= I < N, such as 0/4", errUsage, *shard)
		}
		rd.opts.Shard, rd.opts.Shards = i, n
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
