package pipeline

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/veille/veille/extract"
)

// run reads testdata/dump and returns one line per record, and the summary.
func run(t *testing.T, workers int) ([]string, Summary) {
	t.Helper()
	var lines []string
	var warned []string
	opts := Options{Workers: workers, Warn: func(err error) { warned = append(warned, err.Error()) }}
	sum, err := Run(context.Background(), []string{"testdata/dump"}, strings.NewReader(""), opts, func(r *extract.Record) error {
		line := fmt.Sprintf("%s skipped=%q dup=%q lang=%s", r.Source, r.Skipped, r.DuplicateOf, r.Lang)
		if r.Skipped == extract.NotSkipped {
			line += fmt.Sprintf(" amounts=%d", len(r.Amounts))
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "e.png") {
		t.Errorf("warnings %q: want one, about e.png", warned)
	}
	return lines, sum
}

func TestRunAccountsForEveryArticle(t *testing.T) {
	lines, sum := run(t, 3)
	want := []string{
		`testdata/dump/a.txt skipped="" dup="" lang=fr amounts=2`,
		`testdata/dump/b-copy.txt skipped="duplicate" dup="testdata/dump/a.txt" lang=fr`,
		`testdata/dump/c-english.txt skipped="language" dup="" lang=en`,
		`testdata/dump/d.jsonl#r1 skipped="" dup="" lang=fr amounts=1`,
		`testdata/dump/d.jsonl#2 skipped="error" dup="" lang=`,
		`testdata/dump/d.jsonl#r3 skipped="empty" dup="" lang=`,
	}
	if !slices.Equal(lines, want) {
		t.Errorf("records:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if sum.Read != 6 || sum.Extracted != 2 || sum.Failed() != 1 || sum.Unsupported != 1 ||
		sum.Skipped[extract.SkipDuplicate] != 1 || sum.Skipped[extract.SkipLanguage] != 1 || sum.Skipped[extract.SkipEmpty] != 1 {
		t.Errorf("summary %+v", sum)
	}
}

func TestRunOrderDoesNotDependOnWorkers(t *testing.T) {
	one, _ := run(t, 1)
	many, _ := run(t, 8)
	if !slices.Equal(one, many) {
		t.Errorf("1 worker:\n%s\n8 workers:\n%s", strings.Join(one, "\n"), strings.Join(many, "\n"))
	}
}

func TestRunStopsWhenEmitFails(t *testing.T) {
	n := 0
	_, err := Run(context.Background(), []string{"testdata/dump"}, strings.NewReader(""), Options{}, func(*extract.Record) error {
		n++
		return fmt.Errorf("disk full")
	})
	if err == nil || err.Error() != "disk full" || n != 1 {
		t.Errorf("Run = %v after %d records, want the emit error after 1", err, n)
	}
}

func TestRunKeepsArticlesWhoseIDsCollide(t *testing.T) {
	dump := `{"id": "1", "text": "La CNIL a infligé une amende de 10 000 euros à la société Alpha pour défaut de sécurité."}
{"id": "1", "text": "La CNIL a infligé une amende de 20 000 euros à la société Beta pour défaut d'information."}
`
	var got []string
	_, err := Run(context.Background(), []string{"-"}, strings.NewReader(dump), Options{}, func(r *extract.Record) error {
		got = append(got, r.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != "1" || got[1] == "1" || !strings.HasPrefix(got[1], "1-") {
		t.Errorf("ids %q: want 1 and a distinct 1-…", got)
	}
}

func TestRunSkipsWhatSkipSays(t *testing.T) {
	var asked []string
	skip := func(id string) bool {
		asked = append(asked, id)
		return id == "r1"
	}
	var got []string
	sum, err := Run(context.Background(), []string{"testdata/dump"}, strings.NewReader(""), Options{Skip: skip}, func(r *extract.Record) error {
		got = append(got, fmt.Sprintf("%s skipped=%q lang=%q facts=%v", r.ID, r.Skipped, r.Lang, r.Amounts != nil))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Skip is asked only about readable, non-empty, non-duplicate articles;
	// the one it skips is neither language-checked nor extracted.
	if len(asked) != 3 || !slices.Contains(asked, "r1") {
		t.Errorf("Skip asked about %q: want the 3 articles that are neither unreadable, empty nor duplicates", asked)
	}
	if !slices.Contains(got, `r1 skipped="indexed" lang="" facts=false`) {
		t.Errorf("records:\n%s\nwant r1 skipped as indexed, not extracted", strings.Join(got, "\n"))
	}
	if sum.Read != 6 || sum.Skipped[SkipIndexed] != 1 || sum.Extracted != 1 {
		t.Errorf("summary %+v: want 6 read, 1 indexed before, 1 extracted", sum)
	}
}

// TestStageFailureNamesArticleAndStage checks that a stage that panics on
// an article (language detection, in a library veille does not control)
// gives an error naming both, and that one that does not gives none.
func TestStageFailureNamesArticleAndStage(t *testing.T) {
	err := guard("dump.jsonl#7", "language detection", func() { panic("index out of range") })
	if err == nil || err.Error() != "dump.jsonl#7: language detection failed, a defect of veille to report with this article: index out of range" {
		t.Errorf("guard of a panicking stage = %v, want an error naming dump.jsonl#7 and the stage", err)
	}
	ran := false
	if err := guard("dump.jsonl#7", "language detection", func() { ran = true }); err != nil || !ran {
		t.Errorf("guard of a stage that succeeds = %v (ran %v), want nil after running it", err, ran)
	}
}

// TestExtractionFailureIsTheArticlesError checks that an extractor failing
// on one article gives that article an error naming it, instead of ending
// the run (a nil extractor fails on any article).
func TestExtractionFailureIsTheArticlesError(t *testing.T) {
	r := &extract.Record{Article: extract.Article{Source: "dump.jsonl#42", Text: "La CNIL a infligé une amende de 1 000 euros à la société Zorg."}}
	err := extractFacts(nil, r)
	if err == nil || !strings.HasPrefix(err.Error(), "dump.jsonl#42: extraction failed") {
		t.Fatalf("extractFacts with a failing extractor = %v, want an error naming dump.jsonl#42", err)
	}
	if err := extractFacts(extract.Default(), r); err != nil || len(r.Amounts) != 1 {
		t.Errorf("extractFacts = %v with %d amounts, want no error and the article's one amount", err, len(r.Amounts))
	}
}
