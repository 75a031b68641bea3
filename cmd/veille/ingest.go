package main

import (
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"sort"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/index"
)

// ingestCommand reads articles, extracts their facts and indexes them.
type ingestCommand struct{ m *Main }

func (c *ingestCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("ingest", "[-index DIR] [-rules DIR] [-charset NAME] [-reindex] [-v] PATH...",
		`read articles, extract their facts and index them

PATH is a file, a directory (read recursively) or - for standard input:
.html/.htm, .txt, .json/.jsonl/.ndjson, any of them gzipped (.gz), and .zip,
.tar, .tar.gz archives of them. Ingesting the same files twice leaves the
same index. An article whose id is already in the index is not extracted
again, when the index was built by this same veille with the same -rules
(-reindex extracts it anyway): so a run stopped with Ctrl-C, or killed,
goes on where it stopped when started again on the same PATHs. A summary (read,
indexed, already indexed, skipped by reason, failed) ends the run; it exits
with status 1 when an article could not be read or the run was
interrupted.`,
		"fixtures",
		"-index dev.bleve -v ../shared/eval/dev/docs")
	indexDir := c.m.indexFlag(fs)
	batch := fs.Int("batch", index.DefaultBatchSize, "articles written to the index at once")
	reindex := fs.Bool("reindex", false, "extract and index again the articles already in the index")
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
	// Skip the articles already indexed, unless they were extracted with
	// another program or other rules: then every article is extracted
	// again, and the run, once complete, records the new fingerprint.
	fingerprint, err := extraction(*rf.rules)
	if err != nil {
		return err
	}
	n, err := ix.Count()
	if err != nil {
		return err
	}
	if n == 0 {
		if err := ix.SetExtraction(fingerprint); err != nil {
			return err
		}
	}
	stored, err := ix.Extraction()
	if err != nil {
		return err
	}
	resume := !*reindex && stored == fingerprint
	if resume && n > 0 {
		// An error reading the index answers "not indexed": the article is
		// extracted again, which is slower but never wrong. An index empty
		// at the start is not asked: each id of a run is distinct.
		rd.opts.Skip = func(id string) bool { ok, _ := ix.Has(id); return ok }
	} else if !resume && *rf.verbose && !*reindex {
		c.m.logf("the index was built by another veille or with other -rules: extracting every article again")
	}
	w := ix.NewWriter()
	indexed := 0
	limit := c.m.Getenv("GOMEMLIMIT") == ""
	if limit {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(heapFloor))
	}
	sum, err := rd.run(ctx, func(r *extract.Record) error {
		if r.Skipped != extract.NotSkipped {
			return nil
		}
		indexed++
		if limit && indexed%1000 == 0 {
			limitHeap()
		}
		return w.Add(r)
	})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	c.m.logf("%s; index %s", formatSummary(sum, "indexed", indexed), path)
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		// Everything emitted was flushed above: a second run skips it.
		return fmt.Errorf("interrupted: run the same command again to index the rest")
	}
	if err != nil {
		return err
	}
	if !resume {
		if err := ix.SetExtraction(fingerprint); err != nil {
			return err
		}
	}
	return failures(sum)
}

// Ingest's Go heap is kept from doubling after each collection (Go's
// default, which made most of its resident memory) by a soft limit
// (debug.SetMemoryLimit): heapFloor, or the live heap plus heapHeadroom once
// that is more, as the duplicate maps grow with the corpus. GOMEMLIMIT, when
// set, is used instead. Each collection marks the whole live heap, most of
// it lingua-go's models: the higher the floor above it, the fewer they are.
const (
	heapFloor    = 360 << 20
	heapHeadroom = 64 << 20
)

// limitHeap raises the soft limit of the heap to the live heap plus
// heapHeadroom, when that is above heapFloor.
func limitHeap() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	debug.SetMemoryLimit(max(heapFloor, int64(live[0].Value.Uint64())+heapHeadroom))
}

// extraction is the fingerprint of what extracts the facts: this program
// (its lexicons are embedded in it) and the files of the -rules directory.
// An article indexed under another fingerprint is extracted again.
func extraction(rulesDir string) (string, error) {
	h := sha256.New()
	if err := hashProgram(h); err != nil {
		return "", fmt.Errorf("cannot read the program itself: %w", err)
	}
	if rulesDir != "" {
		files, err := filepath.Glob(filepath.Join(rulesDir, "*"))
		if err != nil {
			return "", err
		}
		sort.Strings(files)
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				return "", fmt.Errorf("cannot read rules: %w", err)
			}
			fmt.Fprintf(h, "%s %d\n", filepath.Base(name), len(data))
			h.Write(data)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashProgram writes the identity of the running program to h: the Go
// build ID of an ELF binary (a hash of its content, a few bytes to read),
// else the whole file (some 150 MB with the language models: most of a
// second).
func hashProgram(h io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 16 {
				_, err = h.Write(data)
				return err
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
}
