package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestExportOpenSearch checks the files that export -format opensearch
// writes: pairs of an action naming the article's id and its document,
// whose fields the mapping declares (index tests check their types).
func TestExportOpenSearch(t *testing.T) {
	tmp := t.TempDir()
	indexDir, out := filepath.Join(tmp, "index.bleve"), filepath.Join(tmp, "os")
	for _, args := range [][]string{
		{"ingest", "-index", indexDir, filepath.Join("..", "..", "fixtures")},
		{"export", "-index", indexDir, "-format", "opensearch", "-out", out},
	} {
		m := NewMain(bytes.NewReader(nil), io.Discard, io.Discard)
		if err := m.Run(context.Background(), args); err != nil {
			t.Fatalf("veille %v: %v", args, err)
		}
	}
	var mapping struct {
		Mappings struct {
			Dynamic    string                     `json:"dynamic"`
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"mappings"`
	}
	raw, err := os.ReadFile(filepath.Join(out, "mapping.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &mapping); err != nil || mapping.Mappings.Dynamic != "strict" {
		t.Fatalf("mapping.json: %v, dynamic %q: want a strict mapping", err, mapping.Mappings.Dynamic)
	}
	f, err := os.Open(filepath.Join(out, "bulk.ndjson"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		var action struct {
			Index struct {
				ID string `json:"_id"`
			} `json:"index"`
		}
		if err := json.Unmarshal(sc.Bytes(), &action); err != nil || action.Index.ID == "" {
			t.Fatalf("line %d: %v, want an index action with an _id: %s", 2*n+1, err, sc.Bytes())
		}
		if !sc.Scan() {
			t.Fatalf("the action of %s has no document after it", action.Index.ID)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatalf("document %s: %v", action.Index.ID, err)
		}
		var id string
		json.Unmarshal(doc["id"], &id)
		if id != action.Index.ID {
			t.Errorf("document id %q under the action _id %q", id, action.Index.ID)
		}
		for field := range doc {
			if _, ok := mapping.Mappings.Properties[field]; !ok {
				t.Errorf("document %s: %s is not in the mapping", id, field)
			}
		}
		n++
	}
	if err := sc.Err(); err != nil || n != 2 {
		t.Errorf("bulk.ndjson: %d documents (%v), want the 2 fixtures", n, err)
	}
}
