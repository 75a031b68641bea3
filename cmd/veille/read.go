package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/pipeline"
)

// readFlags are the flags of the commands that read dumps (ingest, extract).
type readFlags struct {
	rules      *string
	charset    *string
	verbose    *bool
	strict     *bool
	near       *float64
	cpuprofile *string
}

func addReadFlags(fs *flagSet) readFlags {
	return readFlags{
		rules:      fs.String("rules", "", "directory of extra lexicon entries (files named like extract/rules/*.txt) added to the embedded ones"),
		charset:    fs.String("charset", "", "encoding of .txt and JSON Lines files that are not UTF-8 (windows-1252, iso-8859-1…); HTML declares its own"),
		verbose:    fs.Bool("v", false, "report each file that is not an article, and progress even when stderr is no terminal"),
		strict:     fs.Bool("strict", false, "stop at the first article that cannot be read"),
		near:       fs.Float64("near", 0.8, "skip an article as a duplicate when this share of its text (0 to 1) is in one read before; 1 skips only exact copies"),
		cpuprofile: fs.String("cpuprofile", "", "write a CPU profile to this file"),
	}
}

// A reader runs the pipeline over the PATHs of a command line.
type reader struct {
	m     *Main
	rf    readFlags
	paths []string
	opts  pipeline.Options
}

// newReader checks the PATHs and loads the -rules directory, so that a
// mistake is reported before anything else is done.
func (m *Main) newReader(rf readFlags, paths []string) (*reader, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("%w: no PATH given (a file, a directory, or - for standard input)", errUsage)
	}
	if *rf.near <= 0 || *rf.near > 1 {
		return nil, fmt.Errorf("%w: -near %v: want a similarity above 0 and at most 1", errUsage, *rf.near)
	}
	rd := &reader{m: m, rf: rf, paths: paths}
	if *rf.charset != "" {
		// The same lookup as extract/source's, done first so that a typo is
		// a usage error (exit status 2), not one failure per file.
		if _, err := htmlindex.Get(*rf.charset); err != nil {
			return nil, fmt.Errorf("%w: unknown charset %q: try utf-8, windows-1252 or iso-8859-1", errUsage, *rf.charset)
		}
	}
	rd.opts.Source.Charset = *rf.charset
	rd.opts.Near = *rf.near
	if *rf.rules != "" {
		if _, err := os.Stat(*rf.rules); err != nil {
			return nil, fmt.Errorf("cannot read rules: %w", err)
		}
		r, err := extract.LoadRules(os.DirFS(*rf.rules))
		if err != nil {
			return nil, fmt.Errorf("cannot read rules in %s: %w", *rf.rules, err)
		}
		rd.opts.Rules = r
	}
	return rd, nil
}

// run reads every article, calling emit for each record, and reports
// progress on stderr for long runs.
func (rd *reader) run(ctx context.Context, emit func(*extract.Record) error) (pipeline.Summary, error) {
	m, rf, opts := rd.m, rd.rf, rd.opts
	stop, err := startProfile(*rf.cpuprofile)
	if err != nil {
		return pipeline.Summary{}, err
	}
	defer stop()
	if *rf.verbose {
		opts.Warn = func(err error) { m.logf("not read: %v", err) }
	}
	// Progress goes to a person watching (stderr is a terminal) or asking (-v),
	// not into logs and tests, where its timing would make the output vary.
	if *rf.verbose || isTerminal(m.Stderr) {
		start := time.Now()
		opts.Progress = func(s pipeline.Summary) {
			m.logf("%d article%s read (%.0f/s)…", s.Read, plural(s.Read, "s"), float64(s.Read)/time.Since(start).Seconds())
		}
		opts.ProgressEvery = 5 * time.Second
	}
	return pipeline.Run(ctx, rd.paths, m.Stdin, opts, func(r *extract.Record) error {
		if r.Skipped == extract.SkipError {
			m.logf("%s", r.Error) // the reader's errors name the file and the record
			if *rf.strict {
				return fmt.Errorf("stopped at the first unreadable article (-strict)")
			}
		}
		return emit(r)
	})
}

// failures turns unreadable articles into the run's error, once the rest is
// done: the exit status tells a script that something was not read.
func failures(s pipeline.Summary) error {
	if n := s.Failed(); n > 0 {
		return fmt.Errorf("%d article%s could not be read (reported above)", n, plural(n, "s"))
	}
	return nil
}

// formatSummary is the one-line account of a run: every article read is
// either extracted or skipped with a reason.
func formatSummary(s pipeline.Summary, kept string, keptCount int) string {
	parts := []string{fmt.Sprintf("%d read", s.Read), fmt.Sprintf("%d %s", keptCount, kept)}
	reasons := make([]string, 0, len(s.Skipped))
	if n := s.Skipped[pipeline.SkipIndexed]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d already indexed", n))
	}
	for r := range s.Skipped {
		if r != extract.SkipError && r != pipeline.SkipIndexed {
			reasons = append(reasons, string(r))
		}
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		parts = append(parts, fmt.Sprintf("%d skipped (%s)", s.Skipped[extract.SkipReason(r)], r))
	}
	parts = append(parts, fmt.Sprintf("%d failed", s.Failed()))
	if s.Unsupported > 0 {
		parts = append(parts, fmt.Sprintf("%d file%s of another kind not read", s.Unsupported, plural(s.Unsupported, "s")))
	}
	if s.OtherRecords > 0 {
		parts = append(parts, fmt.Sprintf("%d WARC record%s of another kind not read", s.OtherRecords, plural(s.OtherRecords, "s")))
	}
	return strings.Join(parts, ", ")
}
