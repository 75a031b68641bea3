package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/eval"
)

// evalCommand extracts PATHs and scores the records against a gold file.
type evalCommand struct{ m *Main }

func (c *evalCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("eval", "-gold FILE [-min metric=F1,…] [-v] PATH...",
		`precision, recall and F1 of the extraction of PATHs against a gold file

The gold file holds one annotated document per JSON line (the schema of
../shared/eval/dev/README.md). -v lists each document's misses.`,
		"-gold ../shared/eval/dev/gold.jsonl ../shared/eval/dev/docs",
		"-v -min amounts=0.97,gdpr=0.98 -gold ../shared/eval/dev/gold.jsonl ../shared/eval/dev/docs")
	goldPath := fs.String("gold", "", "gold file: one annotated document per line (JSON)")
	minimum := fs.String("min", "", "fail when a metric's F1 (or ratio) is below its threshold, e.g. amounts=0.97,gdpr=0.98")
	rf := addReadFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *goldPath == "" {
		return fmt.Errorf("%w: eval needs -gold FILE", errUsage)
	}
	thresholds, err := parseThresholds(*minimum)
	if err != nil {
		return err
	}
	f, err := os.Open(*goldPath)
	if err != nil {
		return fmt.Errorf("cannot read gold: %w", err)
	}
	gold, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("cannot read gold %s: %w", *goldPath, err)
	}
	rd, err := c.m.newReader(rf, fs.Args())
	if err != nil {
		return err
	}
	var records []extract.JSONRecord
	if _, err := rd.run(ctx, func(r *extract.Record) error {
		records = append(records, r.JSON())
		return nil
	}); err != nil {
		return err
	}
	rep := eval.Score(gold, records)
	rep.Write(c.m.Stdout, *rf.verbose)
	var short []string
	for name, want := range thresholds {
		if got, ok := rep.Value(name); !ok {
			return fmt.Errorf("%w: unknown metric %q in -min", errUsage, name)
		} else if got < want {
			short = append(short, fmt.Sprintf("%s %.3f < %.3f", name, got, want))
		}
	}
	if len(short) > 0 {
		return fmt.Errorf("falls short: %s", strings.Join(short, ", "))
	}
	return nil
}

// parseThresholds reads "amounts=0.97,gdpr=0.98".
func parseThresholds(s string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		name, value, ok := strings.Cut(item, "=")
		v, err := strconv.ParseFloat(value, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("%w: -min %q: write metric=number", errUsage, item)
		}
		out[name] = v
	}
	return out, nil
}
