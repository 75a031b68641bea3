package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWritePage keeps the page under review: a change shows as a diff of
// testdata/page.html (regenerate with go test ./cmd/veille/report -update).
func TestWritePage(t *testing.T) {
	p := Page{Index: "veille.bleve", Stats: stats(), Listed: 2, Articles: 3, Rows: []Row{
		{Date: "2021-07-13", Authority: "Autorité de la concurrence", Target: "Google <LLC>", Kind: "fine", Amount: 5e8,
			Title: `Droits voisins : « Google » condamné`, URL: "https://example.org/google?a=1&b=2", Source: "dump.jsonl#google",
			SourcePath: "/data/dump.jsonl"},
		{Date: "2024-12", Authority: "CNIL", Target: "Kaspr", Kind: "fine", Amount: 240000, GDPR: []string{"5-1-e", "15"},
			Title: "Kaspr", URL: "javascript:alert(1)", Source: "kaspr.txt"},
	}}
	var b bytes.Buffer
	if err := Write(&b, p); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	// Escaped text, no unsafe link, nothing loaded from elsewhere.
	for _, bad := range []string{"<LLC>", "javascript:", " src=", "@import", "url("} {
		if strings.Contains(got, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, good := range []string{`href="https://example.org/google?a=1&amp;b=2"`, `href="file:///data/dump.jsonl"`, "Google &lt;LLC&gt;"} {
		if !strings.Contains(got, good) {
			t.Errorf("the page lacks %s", good)
		}
	}
	golden := filepath.Join("testdata", "page.html")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("the page differs from %s (if intended, run go test ./cmd/veille/report -update)", golden)
	}
}
