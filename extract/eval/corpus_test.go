package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/eval"
	"github.com/veille/veille/extract/internal/ratchet"
	"github.com/veille/veille/extract/pipeline"
)

// shared is the evaluation material that sits beside the repository on the
// developers' machines and in CI, not in a user's clone.
var shared = filepath.Join("..", "..", "..", "shared", "eval")

// TestCorpora runs the whole pipeline on the shared corpora and holds the
// extraction to the best figures measured so far: the floors of
// testdata/ratchet/<corpus>.txt, beside the figures the issues aim at. Raise
// them, when a change earns it, with go test ./extract/eval -run TestCorpora -ratchet.
func TestCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end scoring skipped under -short")
	}
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("no shared evaluation corpora at %s (they sit beside the repository in development and CI only)", shared)
	}
	for _, c := range []struct{ name, docs, gold string }{
		{"seeds", filepath.Join(shared, "..", "seeds"), filepath.Join(shared, "seeds-gold.jsonl")},
		{"dev", filepath.Join(shared, "dev", "docs"), filepath.Join(shared, "dev", "gold.jsonl")},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := os.Open(c.gold)
			if err != nil {
				t.Fatal(err)
			}
			gold, err := eval.ReadGold(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			var records []extract.JSONRecord
			_, err = pipeline.Run(context.Background(), []string{c.docs}, strings.NewReader(""), pipeline.Options{},
				func(r *extract.Record) error { records = append(records, r.JSON()); return nil })
			if err != nil {
				t.Fatal(err)
			}
			rep := eval.Score(gold, records)
			if rep.MissingDocs > 0 {
				t.Errorf("%d gold documents have no record", rep.MissingDocs)
			}
			ratchet.Check(t, filepath.Join("testdata", "ratchet", c.name+".txt"), rep.Figures())
			if t.Failed() {
				t.Log("veille eval -v -gold GOLD DOCS lists each document's misses")
			}
		})
	}
}
