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
	"syscall"

	"github.com/veille/veille/index"
)

const usageMessage = `veille: search French legal news for sanctions, amounts, GDPR articles and injunctions

Usage:

	veille ingest  [-index DIR] [-rules DIR] PATH...   read articles, extract facts, index them
	veille extract [-rules DIR] PATH...                read articles, print their facts as JSON Lines
	veille search  [-index DIR] [filters] [QUERY]      full-text search with filters, facets and sorting; -json, -csv
	veille show    [-index DIR] [-json] ID             one indexed article with all its facts
	veille stats   [-index DIR] [-json]                fines by authority and year, top GDPR refs, top organisations
	veille report  [-index DIR] -out FILE.html         the same as charts, and the table of fines, in one web page
	veille export  [-index DIR] -format csv|jsonl|opensearch -out DIR   tidy tables, or a bulk file for OpenSearch
	veille eval    -gold FILE [-v] PATH...             precision, recall and F1 of extraction against a gold file

PATH is a file, a directory (read recursively) or - for standard input:
.html/.htm, .txt, .json/.jsonl/.ndjson, any of them gzipped (.gz), and .zip,
.tar, .tar.gz archives of them.

The index is -index DIR, else $VEILLE_INDEX, else ./veille.bleve.
Run 'veille COMMAND -h' for a command's flags.

Exit status: 0 on success, 1 when a search matches nothing or on an error
(unreadable input, index in use), 2 for bad usage: an unknown flag, a bad
flag value, a malformed query, or no index.

Examples:

	veille ingest fixtures
	veille search -sanction fine -min-amount 1000000 -gdpr 5-1-e -since 2022
	veille search -facets astreinte
	veille search -sort amount -csv "(amende OU astreinte) ET CNIL"
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

// A flagSet is the flags of a subcommand and its help: what it does, its
// synopsis and real examples, printed by -h.
type flagSet struct {
	*flag.FlagSet
	m        *Main
	synopsis string   // the arguments, after "veille NAME"
	about    string   // what the command does: one line, then paragraphs if needed
	examples []string // command lines that work from the repository root
}

// flagSet returns the flag set of a subcommand. -h prints its help on
// stdout; a bad flag is a usage error, reported on stderr.
func (m *Main) flagSet(name, synopsis, about string, examples ...string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), m: m, synopsis: synopsis, about: about, examples: examples}
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {} // parse prints the help or the usage line, on the stream each belongs to
	return fs
}

// printHelp writes the command's description, synopsis, flags and examples.
func (fs *flagSet) printHelp(w io.Writer) {
	name := fs.Name()
	line, more, _ := strings.Cut(strings.TrimSpace(fs.about), "\n\n")
	fmt.Fprintf(w, "veille %s: %s\n\nUsage:\n\n\tveille %s %s\n\n", name, line, name, fs.synopsis)
	if more != "" {
		fmt.Fprintf(w, "%s\n\n", more)
	}
	fmt.Fprintf(w, "Flags:\n\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(fs.m.Stderr)
	if len(fs.examples) > 0 {
		fmt.Fprintf(w, "\nExamples:\n\n")
		for _, e := range fs.examples {
			fmt.Fprintf(w, "\t%s\n", strings.TrimSpace("veille "+name+" "+e))
		}
	}
}

// parse parses args. -h (or -help) prints the help on stdout and returns
// flag.ErrHelp (exit status 0); on a bad flag the flag package has already
// printed the error, so the usage line follows it and a bare usage error is
// returned.
func parse(fs *flagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		fs.printHelp(fs.m.Stdout)
		return err
	}
	fmt.Fprintf(fs.m.Stderr, "usage: veille %s %s\nRun 'veille %s -h' for its flags and examples.\n", fs.Name(), fs.synopsis, fs.Name())
	return errUsage
}

// indexFlag registers -index, documented with its fallbacks.
func (m *Main) indexFlag(fs *flagSet) *string {
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
	// Ctrl-C, and the SIGTERM of kill or of a job scheduler, stop cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// The first Ctrl-C stops the run cleanly (ingest flushes what it
		// has); a second one, while that is under way, kills at once.
		<-ctx.Done()
		stop()
	}()
	m := NewMain(os.Stdin, os.Stdout, os.Stderr)
	os.Exit(exitCode(m, m.Run(ctx, os.Args[1:])))
}

// exitCode reports err on stderr and maps it to the exit status, the same
// for every command:
//
//	0  success (a search with hits)
//	1  a search that matches nothing, or a runtime error (unreadable input,
//	   an index in use, a failed write)
//	2  bad usage: an unknown command or flag, a bad flag value (date, role,
//	   GDPR reference), a malformed query, or no index where one is needed
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
	case errors.Is(err, index.ErrBadQuery), errors.Is(err, index.ErrBadFilter), errors.Is(err, index.ErrNotFound):
		m.logf("%v", err)
		return 2
	}
	m.logf("%v", err)
	return 1
}
