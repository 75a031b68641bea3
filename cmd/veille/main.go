// Command veille turns dumps of French legal-news articles into a searchable
// index of legal facts: who was sanctioned, by which authority, for how much,
// under which GDPR articles, and what they were ordered to do by when.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
)

const usageMessage = `veille: search French legal news for sanctions, amounts, GDPR articles and injunctions

Usage:

	veille ingest  [-index DIR] [-rules DIR] PATH...   read articles, extract facts, index them
	veille extract [-rules DIR] PATH...                read articles, print their facts as JSON Lines
	veille search  [-index DIR] [filters] [QUERY]      full-text search with filters and facets
	veille show    [-index DIR] [-json] ID             one indexed article with all its facts
	veille stats   [-index DIR] [-json]                fines by authority and year, top GDPR refs, top organisations
	veille report  [-index DIR] -out FILE.html         the same as charts, and the table of fines, in one web page
	veille export  [-index DIR] -format csv|jsonl -out DIR   tidy tables for pandas, R or a spreadsheet
	veille eval    -gold FILE [-v] PATH...             precision, recall and F1 of extraction against a gold file

PATH is a file, a directory (read recursively) or - for standard input:
.html/.htm, .txt, .json/.jsonl/.ndjson, any of them gzipped (.gz), and .zip,
.tar, .tar.gz archives of them.

The index is -index DIR, else $VEILLE_INDEX, else ./veille.bleve.
Run 'veille COMMAND -h' for a command's flags.

Examples:

	veille ingest fixtures
	veille search -gdpr 5-1-e -role fine -min-amount 1000000 -since 2022
	veille search -facets astreinte
	veille export -format csv -out tables
	veille report -out report.html
`

// Main runs veille with injected standard streams, so tests can drive it.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// NewMain returns a Main on the given streams and the process environment.
func NewMain(stdin io.Reader, stdout, stderr io.Writer) *Main {
	return &Main{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}
}

// errUsage marks an error in the command line: exit status 2.
var errUsage = errors.New("usage")

// errNoMatch is a search that found nothing: exit status 1, no message.
var errNoMatch = errors.New("no match")

// A command is one subcommand of veille.
type command interface {
	Run(ctx context.Context, args []string) error
}

// Run runs the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(m.Stdout, usageMessage)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	var cmd command
	switch args[0] {
	case "ingest":
		cmd = &ingestCommand{m: m}
	case "extract":
		cmd = &extractCommand{m: m}
	case "search":
		cmd = &searchCommand{m: m}
	case "show":
		cmd = &showCommand{m: m}
	case "stats":
		cmd = &statsCommand{m: m}
	case "report":
		cmd = &reportCommand{m: m}
	case "export":
		cmd = &exportCommand{m: m}
	case "eval":
		cmd = &evalCommand{m: m}
	default:
		return fmt.Errorf("%w: unknown command %q (run 'veille -h')", errUsage, args[0])
	}
	return cmd.Run(ctx, args[1:])
}

// flagSet returns a flag set for a subcommand that reports errors as usage errors.
func (m *Main) flagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "usage: veille %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args; on a bad flag the flag package has already printed the
// error and the usage, so a bare usage error is returned.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// indexFlag registers -index, documented with its fallbacks.
func (m *Main) indexFlag(fs *flag.FlagSet) *string {
	return fs.String("index", "", "index directory (default $VEILLE_INDEX, else ./veille.bleve)")
}

// indexPath resolves the index location: the flag, else $VEILLE_INDEX, else ./veille.bleve.
func (m *Main) indexPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := m.Getenv("VEILLE_INDEX"); env != "" {
		return env
	}
	return "veille.bleve"
}

// logf writes a message to stderr, prefixed "veille: ".
func (m *Main) logf(format string, args ...interface{}) {
	fmt.Fprintf(m.Stderr, "veille: "+format+"\n", args...)
}

// startProfile starts a CPU profile if path is set; the returned func stops it.
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cannot create profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	m := NewMain(os.Stdin, os.Stdout, os.Stderr)
	os.Exit(exitCode(m, m.Run(ctx, os.Args[1:])))
}

// exitCode reports err on stderr and maps it to the exit status:
// 0 success, 1 error or no match, 2 bad usage.
func exitCode(m *Main, err error) int {
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errNoMatch):
		return 1
	case errors.Is(err, errUsage):
		if err != errUsage {
			m.logf("%s", strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
		}
		return 2
	}
	m.logf("%v", err)
	return 1
}
