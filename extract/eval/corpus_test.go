package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/eval"
	"github.com/veille/veille/extract/pipeline"
)

// shared is the evaluation material that sits beside the repository on the
// developers' machines and in CI, not in a user's clone.
var shared = filepath.Join("..", "..", "..", "shared", "eval")

// TestCorpora runs the whole pipeline on the shared corpora and holds the
// extraction to the figures the issues ask for.
func TestCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end scoring skipped under -short")
	}
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("no shared evaluation corpora at %s (they sit beside the repository in development and CI only)", shared)
	}
	for _, c := range []struct {
		name, docs, gold string
		min              map[string]float64
	}{
		{"seeds", filepath.Join(shared, "..", "seeds"), filepath.Join(shared, "seeds-gold.jsonl"), map[string]float64{
			"amounts": 1, "amounts_role": 1, "gdpr": 1, "injunctions": 1,
			"law_refs": 0.8, "orgs": 0.8, "dates": 0.8, "injunction_fields": 0.8, "lang": 1, "published": 1}},
		{"dev", filepath.Join(shared, "dev", "docs"), filepath.Join(shared, "dev", "gold.jsonl"), map[string]float64{
			"amounts": 0.97, "amounts_role": 0.93, "gdpr": 0.98, "law_refs": 0.9, "orgs": 0.9, "dates": 0.95,
			"published": 0.95, "lang": 1, "duplicates": 1}},
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
			for metric, want := range c.min {
				if got, _ := rep.Value(metric); got < want {
					t.Errorf("%s = %.3f, want at least %.3f", metric, got, want)
				}
			}
			if t.Failed() {
				var b strings.Builder
				rep.Write(&b, true)
				t.Log("\n" + b.String())
			}
		})
	}
}
