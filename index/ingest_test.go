package index

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/pipeline"
	"github.com/veille/veille/extract/source"
	"github.com/veille/veille/internal/fixtures"
)

var (
	ingestArticles = flag.Int("ingest.articles", 2000, "generated articles of BenchmarkIngest and TestWriteGenerated")
	ingestCorpus   = flag.String("ingest.corpus", "", "JSON Lines file of the generated articles: TestWriteGenerated writes it, BenchmarkIngest reads it when it is there")
)

// writeGenerated writes a JSON Lines dump of n distinct French articles to
// path. Each opens on a sanction (an authority, a company, an amount and a
// date drawn at random, seeded) and goes on with 12 sentences of the
// fixtures drawn at random, so that the extractors find real facts and most
// articles give sanction documents; about 0.5 % share enough sentences with
// an earlier one to be skipped as its near duplicate.
func writeGenerated(tb testing.TB, path string, n int) {
	tb.Helper()
	sentences, err := fixtures.Sentences(filepath.Join("..", "fixtures"))
	if err != nil {
		tb.Fatal(err)
	}
	authorities := []string{"La CNIL", "L'Autorité de la concurrence", "L'AMF", "L'ARCEP", "Le Conseil d'État"}
	orgs := []string{"Google", "Meta", "Amazon", "Clearview AI", "Kaspr", "Orange", "Free", "Criteo", "Doctissimo", "Apple"}
	months := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		org := orgs[rng.IntN(len(orgs))]
		lead := fmt.Sprintf("%s a prononcé le %d %s %d une amende de %d euros à l'encontre de la société %s.",
			authorities[rng.IntN(len(authorities))], 1+rng.IntN(28), months[rng.IntN(12)], 2018+rng.IntN(8), 1000*(1+rng.IntN(5000)), org)
		text := []string{fmt.Sprintf("Dépêche n° %d.", i), lead}
		for _, k := range rng.Perm(len(sentences))[:12] {
			text = append(text, sentences[k])
		}
		rec := map[string]string{
			"id":    fmt.Sprintf("gen-%07d", i),
			"title": fmt.Sprintf("Dépêche n° %d : %s sanctionnée", i, org),
			"date":  fmt.Sprintf("%d-%02d-%02d", 2018+rng.IntN(8), 1+rng.IntN(12), 1+rng.IntN(28)),
			"text":  strings.Join(text, " "),
		}
		if err := enc.Encode(rec); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// TestWriteGenerated writes the generated articles to -ingest.corpus, for
// measuring veille ingest on them (README, Performance):
//
//	go test ./index -run '^TestWriteGenerated$' -ingest.articles 100000 -ingest.corpus /tmp/gen100k.jsonl
func TestWriteGenerated(t *testing.T) {
	if *ingestCorpus == "" {
		t.Skip("no -ingest.corpus to write")
	}
	writeGenerated(t, *ingestCorpus, *ingestArticles)
}

// BenchmarkIngest measures, in one run on the same generated articles
// (-ingest.articles, 2 000 by default, or those of the -ingest.corpus file
// when it is there), veille's whole ingest path (reading, language,
// duplicates, extraction, indexing of the articles and their sanctions, as
// veille ingest does it) and bleve alone indexing the articles' titles and
// texts with the same mapping and batch size. It reports both in
// articles/s, and their ratio. Beside them, it reports the index's own
// speed for what veille indexes: the Writer indexing the records that the
// extraction gave, extracted before the timing (index-articles/s), and how
// close the whole path comes to it (ratio-to-index):
//
//	go test ./index -run '^$' -bench Ingest -benchtime 1x -ingest.articles 20000
//
// lingua-go's models, which a veille process loads once, on the first
// article that the quick language pass leaves to it (9 of the 2 000), are
// loaded before the runs are timed: the load takes some 2 s of CPU, a fifth
// of a run of 2 000 articles, and a few thousandths of the 100 000 of the
// throughput that issue 12 sets.
func BenchmarkIngest(b *testing.B) {
	corpus := *ingestCorpus
	if _, err := os.Stat(corpus); corpus == "" || err != nil {
		if corpus == "" {
			corpus = filepath.Join(b.TempDir(), "generated.jsonl")
		}
		writeGenerated(b, corpus, *ingestArticles)
	}
	source.NewDetector().Detect("amende") // too short for the quick pass: loads lingua-go
	records := extractAll(b, corpus)
	var veille, alone, own time.Duration
	n := 0
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		n = ingestWhole(b, corpus, filepath.Join(b.TempDir(), fmt.Sprint("veille", i)))
		veille += time.Since(start)
		start = time.Now()
		indexAlone(b, corpus, filepath.Join(b.TempDir(), fmt.Sprint("bleve", i)))
		alone += time.Since(start)
		start = time.Now()
		indexInto(b, records, filepath.Join(b.TempDir(), fmt.Sprint("index", i)))
		own += time.Since(start)
	}
	rate := func(d time.Duration) float64 { return float64(n*b.N) / d.Seconds() }
	b.ReportMetric(rate(veille), "veille-articles/s")
	b.ReportMetric(rate(alone), "bleve-articles/s")
	b.ReportMetric(alone.Seconds()/veille.Seconds(), "ratio")
	b.ReportMetric(rate(own), "index-articles/s")
	b.ReportMetric(own.Seconds()/veille.Seconds(), "ratio-to-index")
}

// extractAll returns the records of corpus that ingest indexes.
func extractAll(b testing.TB, corpus string) []*extract.Record {
	var out []*extract.Record
	_, err := pipeline.Run(context.Background(), []string{corpus}, nil, pipeline.Options{}, func(r *extract.Record) error {
		if r.Skipped == extract.NotSkipped {
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// indexInto indexes records with a Writer, in a new index at dir.
func indexInto(b testing.TB, records []*extract.Record, dir string) {
	ix, err := Open(dir, true, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	indexRecords(b, ix, records)
}

// ingestWhole ingests corpus into a new index at dir as veille ingest does,
// and returns how many articles it indexed.
func ingestWhole(b testing.TB, corpus, dir string) int {
	ix, err := Open(dir, true, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	n := 0
	opts := pipeline.Options{Skip: func(id string) bool { ok, _ := ix.Has(id); return ok }}
	_, err = pipeline.Run(context.Background(), []string{corpus}, nil, opts, func(r *extract.Record) error {
		if r.Skipped != extract.NotSkipped {
			return nil
		}
		n++
		return w.Add(r)
	})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// indexAlone indexes the title and text of every article of corpus with
// bleve alone, in a new index at dir with veille's mapping.
func indexAlone(b testing.TB, corpus, dir string) {
	m, err := NewMapping()
	if err != nil {
		b.Fatal(err)
	}
	ix, err := bleve.New(dir, m)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	f, err := os.Open(corpus)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	batch := ix.NewBatch()
	for sc.Scan() {
		var a struct{ ID, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		doc := map[string]interface{}{fieldTitle: a.Title, fieldText: a.Text}
		if err := batch.Index(a.ID, doc); err != nil {
			b.Fatal(err)
		}
		if batch.Size() >= DefaultBatchSize {
			if err := ix.Batch(batch); err != nil {
				b.Fatal(err)
			}
			batch.Reset()
		}
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	if err := ix.Batch(batch); err != nil {
		b.Fatal(err)
	}
}
