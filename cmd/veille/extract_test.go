package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// TestExtractShardsPartitionTheInput runs extract on a dump, whole and in N
// shards: the shards' lines are those of the whole run, each in one shard,
// duplicates and unreadable records included.
func TestExtractShardsPartitionTheInput(t *testing.T) {
	dump := genDump(t, 60)
	first, _, _ := bytes.Cut(dump, []byte("\n"))
	// An exact copy of the first article under another id, which must be
	// its duplicate whatever shard each falls in, and a broken line.
	dump = append(dump, bytes.Replace(first, []byte(`"id":"gen-0"`), []byte(`"id":"copy"`), 1)...)
	dump = append(dump, "\n{broken\n"...)
	extract := func(args ...string) []string {
		t.Helper()
		var stdout bytes.Buffer
		m := NewMain(bytes.NewReader(dump), &stdout, io.Discard)
		m.Getenv = func(string) string { return "" }
		// The broken line fails the run that holds it: the error is expected.
		m.Run(context.Background(), append(append([]string{"extract"}, args...), "-"))
		lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
		if stdout.Len() == 0 {
			lines = nil
		}
		return lines
	}
	whole := extract()
	if len(whole) != 62 || !strings.Contains(strings.Join(whole, "\n"), `"duplicate_of":"-#gen-0"`) {
		t.Fatalf("whole run: %d records, want 62, the copy a duplicate of the first\n%s", len(whole), strings.Join(whole, "\n"))
	}
	slices.Sort(whole)
	for _, n := range []int{1, 2, 3, 5} {
		var union []string
		for i := range n {
			shard := extract("-shard", fmt.Sprintf("%d/%d", i, n))
			if n > 1 && (len(shard) == 0 || len(shard) == len(whole)) {
				t.Errorf("shard %d/%d has %d of the %d records: want a share", i, n, len(shard), len(whole))
			}
			union = append(union, shard...)
		}
		slices.Sort(union)
		if !slices.Equal(union, whole) {
			t.Errorf("the %d shards hold %d records, want exactly the %d of the whole run", n, len(union), len(whole))
		}
	}
}

func TestExtractShardFlag(t *testing.T) {
	for _, bad := range []string{"2/2", "-1/2", "0/0", "1", "a/b", "0/2/3", "01/2"} {
		m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
		err := m.Run(context.Background(), []string{"extract", "-shard", bad, "-"})
		if exitCode(m, err) != 2 {
			t.Errorf("extract -shard %s: %v, want a usage error", bad, err)
		}
	}
}
