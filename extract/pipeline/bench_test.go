package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/extract"
)

// BenchmarkRun measures the whole pipeline (reading, language detection,
// duplicate check, extraction) on 200 articles made from the fixtures, each
// made distinct so that none is skipped as an exact duplicate (they are near
// duplicates: -near is off here, BenchmarkNear measures it). It reports
// articles/s.
func BenchmarkRun(b *testing.B) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "*.txt"))
	if err != nil || len(seeds) == 0 {
		b.Fatalf("no fixtures: %v", err)
	}
	dir := b.TempDir()
	var size int64
	for i := range 200 {
		data, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			b.Fatal(err)
		}
		data = append([]byte(fmt.Sprintf("Dépêche n° %d.\n", i)), data...)
		size += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		n := 0
		_, err := Run(context.Background(), []string{dir}, strings.NewReader(""), Options{Near: 1}, func(r *extract.Record) error {
			if r.Skipped == extract.NotSkipped {
				n++
			}
			return nil
		})
		if err != nil || n != 200 {
			b.Fatalf("Run: %v, %d articles extracted, want 200", err, n)
		}
	}
	b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkNear measures the near-duplicate lookup of one 4 kB article
// (shingles, signature, bands) in an index of 10 000 others.
func BenchmarkNear(b *testing.B) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "*.txt"))
	data, err := os.ReadFile(seeds[0])
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields(string(data))
	x := newNearIndex(0.8)
	for i := range 10000 {
		w := append([]string(nil), words...)
		for k := range w { // distinct articles: every fifth word differs
			if k%5 == 0 {
				w[k] = fmt.Sprint(w[k], i)
			}
		}
		x.find(strings.Join(w, " "), fmt.Sprint(i))
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		minHash(text)
		x.find(text+" fin", "probe")
	}
}

// BenchmarkRead measures what the reading goroutine does alone: decoding a
// JSON Lines dump of 5 000 articles made from the fixtures (every fifth
// word numbered, so that none is a near duplicate of another), the
// canonical text, the exact and near duplicate checks. Options.Skip takes
// every article as indexed, so none is language-checked or extracted. Run's
// fixed cost, building the extractor (some 0.1 s), is counted in.
func BenchmarkRead(b *testing.B) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "*.txt"))
	var dump []byte
	for i := range 5000 {
		data, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			b.Fatal(err)
		}
		words := strings.Fields(string(data))
		for k := range words {
			if k%5 == 0 {
				words[k] = fmt.Sprint(words[k], i)
			}
		}
		line, err := json.Marshal(map[string]string{"id": fmt.Sprint("a", i), "date": "2024-03-20", "text": strings.Join(words, " ")})
		if err != nil {
			b.Fatal(err)
		}
		dump = append(append(dump, line...), '\n')
	}
	path := filepath.Join(b.TempDir(), "dump.jsonl")
	if err := os.WriteFile(path, dump, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(dump)))
	for b.Loop() {
		n := 0
		_, err := Run(context.Background(), []string{path}, nil, Options{Workers: 1, Skip: func(string) bool { return true }}, func(r *extract.Record) error {
			if r.Skipped == SkipIndexed {
				n++
			}
			return nil
		})
		if err != nil || n != 5000 {
			b.Fatalf("Run: %v, %d articles read, want 5000", err, n)
		}
	}
	b.ReportMetric(float64(5000*b.N)/b.Elapsed().Seconds(), "articles/s")
}
