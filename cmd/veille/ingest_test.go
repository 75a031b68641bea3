package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/veille/veille/internal/fixtures"
)

// genDump returns a JSON Lines dump of n distinct French articles, each
// made of sentences of the fixtures drawn at random (seeded), so that none
// is a near duplicate of another. Every other article has an id; the others
// get the hash of their text.
func genDump(tb testing.TB, n int) []byte {
	tb.Helper()
	sentences, err := fixtures.Sentences(filepath.Join("..", "..", "fixtures"))
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		pick := rng.Perm(len(sentences))[:12]
		var text []string
		for _, k := range pick {
			text = append(text, sentences[k])
		}
		rec := map[string]string{
			"title": fmt.Sprintf("Dépêche n° %d", i),
			"text":  fmt.Sprintf("Dépêche n° %d. %s", i, strings.Join(text, " ")),
		}
		if i%2 == 0 {
			rec["id"] = fmt.Sprintf("gen-%d", i)
		}
		if err := enc.Encode(rec); err != nil {
			tb.Fatal(err)
		}
	}
	return b.Bytes()
}

// cancelAfter is a standard input that cancels the run once it has given
// n lines, then ends: a Ctrl-C half-way through the dump.
type cancelAfter struct {
	lines  [][]byte
	n      int
	cancel func()
	once   sync.Once
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	if c.n == 0 || len(c.lines) == 0 {
		c.once.Do(c.cancel)
		return 0, io.EOF
	}
	if len(p) < len(c.lines[0]) {
		return 0, fmt.Errorf("read buffer too small for a test line")
	}
	k := copy(p, c.lines[0])
	c.lines, c.n = c.lines[1:], c.n-1
	return k, nil
}

// TestIngestResumes interrupts an ingest half-way through its input, then
// runs it again: the second run indexes the rest and skips, without
// extracting them, the articles that the first one indexed.
func TestIngestResumes(t *testing.T) {
	const n = 40
	dump := genDump(t, n)
	indexDir := filepath.Join(t.TempDir(), "index.bleve")
	ingest := func(ctx context.Context, stdin io.Reader) (string, error) {
		var stderr bytes.Buffer
		m := NewMain(stdin, io.Discard, &stderr)
		m.Getenv = func(string) string { return "" }
		err := m.Run(ctx, []string{"ingest", "-index", indexDir, "-"})
		return stderr.String(), err
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := &cancelAfter{lines: bytes.SplitAfter(dump, []byte("\n")), n: n / 2, cancel: cancel}
	out, err := ingest(ctx, in)
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("interrupted ingest = %v, want an error saying it was interrupted\n%s", err, out)
	}
	var read, first int
	if _, err := fmt.Sscanf(out, "veille: %d read, %d indexed", &read, &first); err != nil || first == 0 || first > n/2 {
		t.Fatalf("interrupted ingest said %q: want at most %d articles indexed, and some", out, n/2)
	}

	out, err = ingest(context.Background(), bytes.NewReader(dump))
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	want := fmt.Sprintf("veille: %d read, %d indexed, %d already indexed, 0 failed; index %s\n", n, n-first, first, indexDir)
	if out != want {
		t.Errorf("second ingest said\n%s\nwant\n%s", out, want)
	}
	out, err = ingest(context.Background(), bytes.NewReader(dump))
	if want := fmt.Sprintf("veille: %d read, 0 indexed, %d already indexed", n, n); err != nil || !strings.HasPrefix(out, want) {
		t.Errorf("third ingest said %q (%v), want %q…", out, err, want)
	}
}
